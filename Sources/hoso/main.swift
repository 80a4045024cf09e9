#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HosoCLI

/// The `hoso` executable: real streams and environment in, exit status out. All logic is in HosoCLI.
var io = CommandIO(
    readStdin: { FileDescriptorReader.readAll(0).bytes },
    stdoutIsTerminal: isatty(1) == 1,
    environment: ProcessEnvironment.current())
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), io: &io)
func flush(_ bytes: [UInt8], to fd: Int32) {
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        offset += n
    }
}
flush(io.stdout.bytes, to: 1)
flush(io.stderr.bytes, to: 2)
exit(status)
