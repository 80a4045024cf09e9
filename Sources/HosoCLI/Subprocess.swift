import HosoSystem

/// Runs a program and captures its standard output (for `git` in `--staged` and `hoso hook`).
enum Subprocess {
    struct Result {
        let status: Int32
        let stdout: [UInt8]
    }

    /// Runs `arguments[0]` found on PATH; stderr is discarded. Nil when it cannot be started.
    static func run(_ arguments: [String]) -> Result? {
        guard let pipe = try? FileDescriptor.makePipe() else { return nil }
        let child = try? ChildProcess.spawn(arguments, searchingPath: true, standardOutput: .descriptor(pipe.writeEnd),
                                            standardError: .null, closing: [pipe.readEnd])
        try? pipe.writeEnd.close()
        guard let child else { try? pipe.readEnd.close(); return nil }
        let output = pipe.readEnd.readAll().bytes
        try? pipe.readEnd.close()
        return Result(status: child.wait(), stdout: output)
    }
}
