import HosoRules
import HosoProtocol
import HosoWorkspace

/// `hoso rules`: every rule with its code, default severity and title.
enum RulesCommand {
    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        var scanner = ArgumentScanner(arguments)
        let options = try scanner.parse(valued: ["--format", "--lang"], flags: [])
        let language = try LanguageOption.parse(options["--lang"])
        switch options["--format"] ?? "text" {
        case "text":
            for rule in RuleRegistry.all {
                let severity = rule.defaultSeverity.rawValue.padding(7)
                io.stdout.line("\(rule.code)  \(severity)  \(rule.title.text(language))")
            }
        case "json":
            io.stdout.line(JSON.array(RuleRegistry.all.map { rule in
                .object([("code", .string(rule.code)), ("severity", .string(rule.defaultSeverity.rawValue)),
                         ("title", .string(rule.title.text(language))), ("fix", .string(rule.fixAvailability.rawValue))])
            }).render())
        case let other:
            throw UsageError(message: "--format nhận text hoặc json, không nhận \"\(other)\" / --format takes text or json")
        }
        return 0
    }
}

/// `hoso explain HSnnn`: the rule's documentation page.
enum ExplainCommand {
    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        var scanner = ArgumentScanner(arguments)
        let options = try scanner.parse(valued: ["--lang"], flags: [])
        let language = try LanguageOption.parse(options["--lang"])
        guard let code = scanner.positionals.first?.uppercased() else {
            throw UsageError(message: "cần mã quy tắc, ví dụ `hoso explain HS204` / a rule code is needed, e.g. `hoso explain HS204`")
        }
        guard let rule = RuleRegistry.rule(code: code) else {
            throw UsageError(message: "không có quy tắc \(code); xem `hoso rules` / there is no rule \(code); see `hoso rules`")
        }
        let doc = rule.documentation
        let vi = language == .vi
        io.stdout.line("\(rule.code) (\(rule.defaultSeverity.rawValue)): \(rule.title.text(language))")
        io.stdout.line()
        io.stdout.line(doc.summary.text(language))
        io.stdout.line()
        io.stdout.line((vi ? "Căn cứ: " : "Basis: ") + doc.basis.text(language))
        io.stdout.line()
        io.stdout.line(vi ? "Ví dụ sai:" : "Failing example:")
        for line in doc.failingExample.split(separator: "\n", omittingEmptySubsequences: false) { io.stdout.line("    \(line)") }
        io.stdout.line()
        io.stdout.line(vi ? "Ví dụ đúng:" : "Passing example:")
        for line in doc.passingExample.split(separator: "\n", omittingEmptySubsequences: false) { io.stdout.line("    \(line)") }
        io.stdout.line()
        io.stdout.line((vi ? "Cách sửa: " : "How to fix: ") + doc.fix.text(language))
        return 0
    }
}

/// Parses `--lang`.
enum LanguageOption {
    static func parse(_ value: String?) throws -> Language {
        guard let value else { return .vi }
        guard let language = Language(rawValue: value) else {
            throw UsageError(message: "--lang nhận vi hoặc en, không nhận \"\(value)\" / --lang takes vi or en")
        }
        return language
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
