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
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), io: &io)
FileDescriptorIO.writeAll(1, io.stdout.bytes)
FileDescriptorIO.writeAll(2, io.stderr.bytes)
exit(status)
