import FoundationEssentials
import HosoReport
import HosoRules
import HosoServer
import HosoWorkspace

/// `hoso report [PATH…] [-o FILE]`: checks dossiers as `hoso lint` does (same walk, configs,
/// profiles, exclusion and pooling by campaign) and writes one self-contained HTML page for the
/// office that collects them (`ReportHTML`).
///
/// The page goes to `hoso-report.html` in the current folder unless `-o` names another file
/// (`-o -`: standard output). An existing file is replaced (atomically) only when it is a report
/// hoso wrote, or with `--force`; a dossier the run read, never. Exit 0 once written, whatever the dossiers hold (the findings
/// are summed up on stderr); 2 when nothing could be checked or the page could not be written.
enum ReportCommand {
    /// Where the page goes without `-o`.
    static let defaultOutput = "hoso-report.html"
    /// Written in every report's head: a file that holds it within its first bytes is a report
    /// hoso may replace.
    static let generatorMark = "<meta name=\"generator\" content=\"hoso report"

    /// What a run collected: the report's data, the language it speaks and the dossiers read.
    struct Collected {
        let data: ReportData
        let language: Language
        /// The paths of the dossiers read, which the report may never replace.
        let inputs: [String]
    }

    static func run(_ parsed: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        do {
            return try report(parsed, io: &io)
        } catch let error as WorkspaceError {
            io.stderr.line("hoso: " + error.message.text(LintCommand.stoppedRunLanguage(parsed)))
            return 2
        }
    }

    static func report(_ parsed: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        let output = parsed["--output-file"] ?? defaultOutput
        let toStdout = output == "-"
        var resolver = try SetupResolver(configPath: parsed["--config"], profilePath: parsed["--profile"])
        let language = try parsed["--lang"].flatMap(Language.init(rawValue:)) ?? LintCommand.language(of: parsed, resolver: &resolver)
        // Refused before the work: a file that is not a report is never replaced without --force.
        if !toStdout, let refusal = refusal(toReplace: output, force: parsed.has("--force")) {
            io.stderr.line("hoso: " + refusal.text(language))
            return 2
        }
        guard let collected = try collect(parsed, resolver: &resolver, language: language, io: &io) else { return 2 }
        // A dossier of the run is never the report, even with --force.
        if !toStdout, let written = FileWalker.identity(ofPath: output),
           let input = collected.inputs.first(where: { FileWalker.identity(ofPath: $0) == written }) {
            io.stderr.line("hoso: " + (language == .vi
                ? "\"\(output)\" là hồ sơ \"\(input)\" vừa được kiểm tra; không ghi báo cáo đè lên (chọn tên khác bằng -o)"
                : "\"\(output)\" is the dossier \"\(input)\" just checked; the report is not written over it (choose another name with -o)"))
            return 2
        }
        let html = ReportHTML.render(collected.data, language: language, scope: parsed.positionals.isEmpty ? ["."] : parsed.positionals,
                                     generated: generationTime(io.environment), ruleLinks: RuleLinks.beside.hrefs,
                                     fileURI: { $0 == "-" ? nil : FileURI.uri(PathTools.absolute($0)) })
        if toStdout {
            io.stdout.write(html)
        } else {
            do {
                try SafeFile.write(output, Array(html.utf8))
            } catch let refusal as SafeFile.Refusal {
                io.stderr.line("hoso: " + refusal.message.text(language))
                return 2
            }
        }
        io.stderr.line("hoso: " + summary(collected.data, output: toStdout ? nil : output, language: language))
        return 0
    }

    /// Reads and checks the paths as `hoso lint` does and collects the report; nil (the reasons
    /// said on stderr) when no dossier could be checked.
    static func collect(_ parsed: ParsedArguments, resolver: inout SetupResolver, language: Language,
                        io: inout CommandIO) throws -> Collected? {
        let read = try LintCommand.readInputs(parsed.positionals, stdinName: nil, forceExclude: parsed.has("--force-exclude"),
                                              resolver: &resolver, language: language, io: &io)
        guard !read.inputs.isEmpty else {
            if read.unchecked.isEmpty {
                io.stderr.line("hoso: " + (language == .vi ? "không có hồ sơ nào để lập báo cáo" : "no dossier to report on"))
            }
            return nil
        }
        let (setups, groupOf) = try LintCommand.setups(for: read.inputs, resolver: &resolver)
        for warning in resolver.warnings {
            io.stderr.line("hoso: " + (language == .vi ? "cảnh báo: " + warning.vi : "warning: " + warning.en))
        }
        let linters = setups.map {
            Linter(profile: $0.profile, severityOverrides: $0.severityOverrides, honorsSuppressions: !parsed.has("--no-inline-config"),
                   messages: language)
        }
        let inputs = read.inputs
        let results = Linter.lintPooled(inputs.indices.map { (LintInput(path: inputs[$0].path, bytes: inputs[$0].bytes), linters[groupOf[$0]]) })
        let files = inputs.indices.map { ReportFile(path: inputs[$0].path, result: results[$0]) }
        let notChecked = read.unchecked.map { ReportData.NotChecked(path: $0.path, message: $0.message) }
        return Collected(data: ReportData(files: files, notChecked: notChecked), language: language, inputs: inputs.map(\.path))
    }

    /// Why `path` may not be replaced by a report, or nil when it may: it is absent, or a report
    /// hoso wrote, or `force`.
    static func refusal(toReplace path: String, force: Bool) -> LocalizedText? {
        var isFolder = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if isFolder {
            return LocalizedText(vi: "\"\(path)\" là một thư mục; đặt tên tệp báo cáo bằng -o (ví dụ -o \(path)/\(defaultOutput))",
                                 en: "\"\(path)\" is a folder; name the report file with -o (e.g. -o \(path)/\(defaultOutput))")
        }
        guard !force else { return nil }
        let head = (try? FileWalker.read(path)).map { String(decoding: $0.prefix(2048), as: UTF8.self) } ?? ""
        guard !head.contains(generatorMark) else { return nil }
        return LocalizedText(vi: "\"\(path)\" đã có và không phải báo cáo của hoso; không ghi đè (chọn tên khác bằng -o, hoặc thêm --force)",
                             en: "\"\(path)\" exists and is not a hoso report; not overwritten (choose another name with -o, or add --force)")
    }

    /// The line said on stderr once the page is written: what it holds, findings included.
    static func summary(_ data: ReportData, output: String?, language: Language) -> String {
        let totals = data.totals
        let vi = language == .vi
        func count(_ n: Int, _ viWord: String, _ enWord: String) -> String { vi ? "\(n) \(viWord)" : "\(n) \(enWord)\(n == 1 ? "" : "s")" }
        var text = output.map { vi ? "đã ghi báo cáo \(TerminalText.escape($0)): " : "wrote the report \(TerminalText.escape($0)): " }
            ?? (vi ? "báo cáo: " : "report: ")
        text += count(data.files.count, "hồ sơ", "dossier") + ", " + count(data.nominees, "đề nghị", "nominee") + "; "
        text += vi ? "\(totals.errors) lỗi, \(totals.warnings) cảnh báo, \(totals.notes) lưu ý"
                   : "\(count(totals.errors, "", "error")), \(count(totals.warnings, "", "warning")), \(count(totals.notes, "", "note"))"
        if data.uncheckedCount > 0 {
            text += vi ? "; không kiểm tra được \(data.uncheckedCount) tệp" : "; \(data.uncheckedCount) could not be checked"
        }
        if data.campaigns.contains(where: { $0.quotas.contains(where: \.isOver) }) {
            text += vi ? "; có hình thức vượt chỉ tiêu" : "; a quota is exceeded"
        }
        return text + "."
    }

    /// When the report is made, for its header: `SOURCE_DATE_EPOCH` (seconds, UTC) when set, so
    /// a report can be made again byte for byte, else now in the local time zone.
    static func generationTime(_ environment: [String: String]) -> ReportHTML.Moment {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            return .init(Date(timeIntervalSince1970: epoch), timeZone: TimeZone(identifier: "UTC") ?? .current)
        }
        return .init(Date(), timeZone: .current)
    }
}
