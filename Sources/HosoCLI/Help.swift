import HosoRules
import HosoWorkspace

/// Help text, made from `CommandTable` in one language.
enum Help {
    /// `hoso help`: every command with its summary.
    static func overview(_ language: Language) -> String {
        let vi = language == .vi
        var lines = ["hoso \(HosoVersion.current) — " + (vi ? "kiểm tra hồ sơ đề nghị khen thưởng (.hoso)" : "checks commendation dossiers (.hoso)"), "",
                     vi ? "Cách dùng:" : "Usage:"]
        let usages = CommandTable.commands.map { ("hoso " + $0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments), $0.summary.text(language)) }
            + [("hoso --version", vi ? "phiên bản" : "the version")]
        lines += table(usages)
        lines += ["", vi ? "Tuỳ chọn dùng được với mọi lệnh:" : "Options for every command:"]
        lines += table(CommandTable.globalOptions.map { (usage($0), $0.help.text(language)) })
        lines += ["", vi ? "Xem `hoso help LỆNH` hoặc `hoso LỆNH --help` cho từng lệnh." : "See `hoso help COMMAND` or `hoso COMMAND --help` for each command."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `hoso COMMAND --help`.
    static func command(_ spec: CommandSpec, _ language: Language) -> String {
        let vi = language == .vi
        var lines = ["hoso \(spec.name)" + (spec.arguments.isEmpty ? "" : " " + spec.arguments) + " — " + spec.summary.text(language)]
        let options = spec.options + CommandTable.globalOptions
        lines += ["", vi ? "Tuỳ chọn:" : "Options:"]
        lines += table(options.map { (usage($0), $0.help.text(language)) })
        if let notes = spec.notes { lines += ["", notes.text(language)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How an option is written in help: `-o, --output-file FILE`.
    static func usage(_ option: OptionSpec) -> String {
        (option.short.map { $0 + ", " } ?? "") + option.name + (option.value.map { " " + $0 } ?? "")
    }

    /// Two columns, the second aligned (at most 34 characters for the first; longer ones push it).
    static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(34, rows.map(\.0.count).max() ?? 0)
        return rows.map { "  " + $0.0.padding(width) + "  " + $0.1 }
    }
}
