import HosoServer

/// `hoso lsp [--stdio]`: the language server on standard input and output.
enum LSPCommand {
    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        var scanner = ArgumentScanner(arguments)
        _ = try scanner.parse(valued: [], flags: ["--stdio"])
        return StdioServer().run()
    }
}
