import HosoRules
import HosoServer
import HosoWorkspace

/// The `hoso` command line: finds the command, parses its options against `CommandTable`,
/// dispatches, and turns errors into messages (in the message language) and exit status 2.
public enum CLI {
    /// Runs `hoso` with `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String], io: inout CommandIO) -> Int32 {
        // The message language: `--lang` anywhere, else the current folder's hoso.json, else vi.
        var resolver = try? SetupResolver(configPath: nil, profilePath: nil)
        let language = requestedLanguage(arguments) ?? ((try? resolver?.config(for: "./hoso.json")) ?? nil)?.language ?? .vi
        do {
            guard let (index, name) = commandName(in: arguments) else {
                // Only options: `--version`, `--help`, `--lang X`; anything else is a mistake.
                if arguments.contains("--version") || arguments.contains("-V") {
                    io.stdout.line("hoso \(HosoVersion.current)")
                    return 0
                }
                let known: Set<String> = ["--help", "-h", "--lang"]
                if let unknown = arguments.first(where: { $0.hasPrefix("-") && !known.contains($0) && !$0.hasPrefix("--lang=") }) {
                    let hint = Suggestion.nearest(unknown, among: ["--version", "--help", "--lang"])
                    throw UsageError(vi: "không có tuỳ chọn \(unknown)" + (hint.map { "; có phải ý bạn là \($0)?" } ?? "; xem `hoso help`"),
                                     en: "unknown option \(unknown)" + (hint.map { "; did you mean \($0)?" } ?? "; see `hoso help`"))
                }
                io.stdout.write(Help.overview(language))
                return 0
            }
            var rest = arguments
            rest.remove(at: index)
            if name == "version" {
                io.stdout.line("hoso \(HosoVersion.current)")
                return 0
            }
            guard let spec = CommandTable.command(named: name) else { throw unknownCommand(name) }
            let options = try ParsedArguments(rest, for: spec)
            if options.has("--help") {
                io.stdout.write(Help.command(spec, language))
                return 0
            }
            switch spec.name {
            case "lint": return try LintCommand.run(options, io: &io)
            case "format": return try FormatCommand.run(options, io: &io)
            case "report": return try ReportCommand.run(options, io: &io)
            case "rules": return try RulesCommand.run(options, language: language, io: &io)
            case "explain": return try ExplainCommand.run(options, language: language, io: &io)
            case "new": return try NewCommand.run(options, language: language, io: &io)
            case "export": return try ExportCommand.run(options, io: &io)
            case "config": return try ConfigCommand.run(options, language: language, io: &io)
            case "init": return try InitCommand.run(options, language: language, io: &io)
            case "lsp": return StdioServer().run()
            case "hook": return try HookCommand.run(options, language: language, io: &io)
            case "completions": return try CompletionsCommand.run(options, io: &io)
            default:  // help
                if options.has("--man") {
                    guard options.positionals.isEmpty else {
                        throw UsageError(vi: "--man in trang của mọi lệnh, không nhận tên lệnh", en: "--man prints the page of every command and takes no command name")
                    }
                    io.stdout.write(ManPage.roff(language))
                } else if let topic = options.positionals.first {
                    guard let command = CommandTable.command(named: topic) else { throw unknownCommand(topic) }
                    io.stdout.write(Help.command(command, language))
                } else {
                    io.stdout.write(Help.overview(language))
                }
                return 0
            }
        } catch let error as UsageError {
            io.stderr.line("hoso: " + error.message.text(language))
            return 2
        } catch let error as WorkspaceError {
            io.stderr.line("hoso: " + error.message.text(language))
            return 2
        } catch {
            io.stderr.line("hoso: \(error)")
            return 2
        }
    }

    /// A command that does not exist, with the nearest one's name.
    static func unknownCommand(_ name: String) -> UsageError {
        let hint = Suggestion.nearest(name, among: CommandTable.commands.map(\.name))
        return UsageError(vi: "không có lệnh \"\(name)\"" + (hint.map { "; có phải ý bạn là `hoso \($0)`?" } ?? "; xem `hoso help`"),
                          en: "unknown command \"\(name)\"" + (hint.map { "; did you mean `hoso \($0)`?" } ?? "; see `hoso help`"))
    }

    /// The command's name and where it stands: the first argument that is not an option or the
    /// value of `--lang` (which may come before it).
    static func commandName(in arguments: [String]) -> (Int, String)? {
        var i = 0
        while i < arguments.count {
            let item = arguments[i]
            if item == "--" { return i + 1 < arguments.count ? (i + 1, arguments[i + 1]) : nil }
            if item == "--lang" { i += 2; continue }
            if !item.hasPrefix("-") || item == "-" { return (i, item) }
            i += 1
        }
        return nil
    }

    /// The language `--lang` asks for, anywhere on the line (nil when absent or not a language).
    static func requestedLanguage(_ arguments: [String]) -> Language? {
        for (i, item) in arguments.enumerated() {
            if item == "--" { break }
            if item == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
            if item.hasPrefix("--lang=") { return Language(rawValue: String(item.dropFirst(7))) }
        }
        return nil
    }
}
