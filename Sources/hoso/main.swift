#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HosoCLI
import HosoWorkspace

/// The `hoso` executable: real streams and environment in, exit status out. All logic is in HosoCLI.
var io = CommandIO(
    readStdin: { FileDescriptorIO.readAll(0).bytes },
    stdoutIsTerminal: isatty(1) == 1,
    environment: ProcessEnvironment.current())
var status = CLI.run(Array(CommandLine.arguments.dropFirst()), io: &io)
// A report that could not be written (a full disk, a closed stream) is not a success. A reader
// that stopped reading (`hoso lint | head`, EPIPE) is: it has what it wanted.
signal(SIGPIPE, SIG_IGN)
if !FileDescriptorIO.writeAll(1, io.stdout.bytes) && errno != EPIPE {
    let reason = String(cString: strerror(errno))
    FileDescriptorIO.writeAll(2, Array("hoso: không ghi được kết quả ra đầu ra chuẩn (\(reason)); kết quả không đầy đủ / cannot write the report to standard output (\(reason)); it is incomplete\n".utf8))
    status = 2
}
if !FileDescriptorIO.writeAll(2, io.stderr.bytes) && errno != EPIPE { status = 2 }
exit(status)
