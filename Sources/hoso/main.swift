import HosoCLI
import HosoSystem

/// The `hoso` executable: real streams and environment in, exit status out. All logic is in HosoCLI.
var io = CommandIO(
    readStdin: { FileDescriptor.standardInput.readAll().bytes },
    stdoutIsTerminal: FileDescriptor.standardOutput.isTerminal,
    environment: ProcessEnvironment.current())
var status = CLI.run(Array(CommandLine.arguments.dropFirst()), io: &io)
// A report that could not be written (a full disk, a closed stream) is not a success. A reader
// that stopped reading (`hoso lint | head`, EPIPE) is: it has what it wanted.
CurrentProcess.ignoreBrokenPipe()
do throws(SystemError) {
    try FileDescriptor.standardOutput.writeAll(io.stdout.bytes)
} catch {
    if error.kind != .brokenPipe {
        try? FileDescriptor.standardError.writeAll(Array("hoso: không ghi được kết quả ra đầu ra chuẩn (\(error.reason)); kết quả không đầy đủ / cannot write the report to standard output (\(error.reason)); it is incomplete\n".utf8))
        status = 2
    }
}
do throws(SystemError) {
    try FileDescriptor.standardError.writeAll(io.stderr.bytes)
} catch {
    if error.kind != .brokenPipe { status = 2 }
}
CurrentProcess.exit(status)
