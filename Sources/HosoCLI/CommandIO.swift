import HosoWorkspace
/// What a command may touch besides the file system: its streams and environment.
///
/// Tests pass buffers and a fake stdin; the executable passes the real ones.
public struct CommandIO {
    public var stdout = OutputBuffer()
    public var stderr = OutputBuffer()
    /// Reads all of standard input (called only for `-`).
    public var readStdin: () -> [UInt8]
    public var stdoutIsTerminal: Bool
    public var environment: [String: String]

    public init(readStdin: @escaping () -> [UInt8] = { [] }, stdoutIsTerminal: Bool = false,
                environment: [String: String] = [:]) {
        self.readStdin = readStdin
        self.stdoutIsTerminal = stdoutIsTerminal
        self.environment = environment
    }
}
