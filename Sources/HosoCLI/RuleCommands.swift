import HosoRules
import HosoSemantics
import HosoProtocol
import HosoWorkspace

/// `hoso rules`: every rule with its code, default severity and title.
enum RulesCommand {
    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        if options["--output-dir"] != nil && options["--format"] != "markdown" {
            throw UsageError(vi: "--output-dir chỉ dùng cùng --format markdown", en: "--output-dir only goes with --format markdown")
        }
        if options["--format"] == "markdown" {
            return try RulePages.run(outputDirectory: options["--output-dir"], io: &io)
        }
        if options["--format"] == "json" {
            io.stdout.line(JSON.array(RuleRegistry.all.map { rule in
                .object([("code", .string(rule.code)), ("severity", .string(rule.defaultSeverity.rawValue)),
                         ("title", .string(rule.title.text(language))), ("fix", .string(rule.fixAvailability.rawValue))])
            }).render())
        } else {
            for rule in RuleRegistry.all {
                io.stdout.line("\(rule.code)  \(rule.defaultSeverity.rawValue.padding(7))  \(rule.title.text(language))")
            }
        }
        return 0
    }
}

/// `hoso explain HSnnn…`: each rule's documentation page, in order.
enum ExplainCommand {
    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        guard !options.positionals.isEmpty else {
            throw UsageError(vi: "cần mã quy tắc, ví dụ `hoso explain HS204`", en: "a rule code is needed, e.g. `hoso explain HS204`")
        }
        // Every code is checked before anything is printed: a typo in the third is not a half page.
        let rules = try options.positionals.map { typed -> any Rule.Type in
            // `204` and `hs204` are HS204.
            let code = typed.allSatisfy(\.isNumber) ? "HS" + typed : typed.uppercased()
            guard let rule = RuleRegistry.rule(code: code) else {
                let hint = Suggestion.nearest(code, among: RuleRegistry.all.map { $0.code })
                throw UsageError(vi: "không có quy tắc \(code)" + (hint.map { "; có phải ý bạn là \($0)?" } ?? "; xem `hoso rules`"),
                                 en: "there is no rule \(code)" + (hint.map { "; did you mean \($0)?" } ?? "; see `hoso rules`"))
            }
            return rule
        }
        // The page speaks of the campaign in effect here: --profile, else the folder's hoso.json.
        var resolver = try SetupResolver(configPath: options["--config"], profilePath: options["--profile"])
        let profile = try resolver.setup(for: "./hoso.json").profile
        for warning in resolver.warnings { io.stderr.line("hoso: " + (language == .vi ? "cảnh báo: " : "warning: ") + warning.text(language)) }
        for (index, rule) in rules.enumerated() {
            if index > 0 { io.stdout.line(); io.stdout.line(String(repeating: "─", count: 60)); io.stdout.line() }
            page(rule, profile: profile, language: language, into: &io.stdout)
        }
        return 0
    }

    /// One rule's page, its facts (years, forms, quotas) taken from `profile`.
    static func page(_ rule: any Rule.Type, profile: Profile, language: Language, into out: inout OutputBuffer) {
        let doc = rule.documentation(for: profile)
        let vi = language == .vi
        let examples = doc.examples(in: language)
        // The severity in the words of the text report (`lỗi`, `cảnh báo`…), as findings show it.
        out.line("\(rule.code) (\(rule.defaultSeverity.word(language))): \(rule.title.text(language))")
        out.line()
        out.line(doc.summary.text(language))
        out.line()
        out.line((vi ? "Căn cứ: " : "Basis: ") + doc.basis.text(language))
        out.line()
        out.line(vi ? "Ví dụ sai:" : "Failing example:")
        for line in examples.failing.split(separator: "\n", omittingEmptySubsequences: false) { out.line("    \(line)") }
        out.line()
        out.line(vi ? "Ví dụ đúng:" : "Passing example:")
        for line in examples.passing.split(separator: "\n", omittingEmptySubsequences: false) { out.line("    \(line)") }
        out.line()
        out.line((vi ? "Cách sửa: " : "How to fix: ") + doc.fix.text(language))
        out.line()
        out.line((vi ? "Theo profile: " : "Profile: ") + "\(profile.id) — \(profile.title)")
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
