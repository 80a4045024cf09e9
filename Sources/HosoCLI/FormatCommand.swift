import HosoRules
import HosoWorkspace

/// `hoso format`: rewrites the layout of dossiers (`LayoutFormatter`), like `ruff format`.
///
/// Paths are read as `hoso lint` reads them. By default each changed file is written atomically
/// (`SafeFile`: encoding, BOM, line ends, owner and mode kept) and an unchanged one is not
/// touched; `-` prints the formatted text. `--check` lists the files that would change and
/// `--diff` prints the diff, writing nothing; both exit 1 when something would change. A file
/// that is not Unicode, or not read or written, makes the exit status 2.
enum FormatCommand {
    static func run(_ parsed: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        let diff = parsed.has("--diff"), check = parsed.has("--check") && !diff
        let breakLinks = parsed.has("--break-links")
        if breakLinks && (check || diff) {
            throw UsageError(vi: "--break-links không dùng cùng --check hay --diff (chúng không ghi gì)",
                             en: "--break-links cannot be combined with --check or --diff (they write nothing)")
        }
        var resolver = try SetupResolver(configPath: parsed["--config"], profilePath: nil)
        let language = try parsed["--lang"].flatMap(Language.init(rawValue:)) ?? LintCommand.language(of: parsed, resolver: &resolver)
        func say(_ text: LocalizedText) { io.stderr.line("hoso: " + text.text(language)) }
        let read = try LintCommand.readInputs(parsed.positionals, stdinName: parsed["--stdin-filename"], forceExclude: parsed.has("--force-exclude"),
                                              resolver: &resolver, language: language, io: &io)
        if read.inputs.isEmpty && read.unchecked.isEmpty && read.excludedNamed > 0 {
            say(LocalizedText(vi: "mọi tệp nêu tên đều bị `exclude` loại trừ; không có gì để định dạng",
                              en: "every file named is excluded by `exclude`; nothing to format"))
            return 0
        }
        let color = LintCommand.color(parsed, io: io)
        var report = OutputBuffer()
        var changed = 0, unchanged = 0, failed = Unchecked(read.unchecked)
        for input in read.inputs {
            let formatted: [UInt8]
            switch LayoutFormatter.format(raw: input.bytes) {
            case .unchanged:
                unchanged += 1
                if !input.onDisk && !check && !diff { io.stdout.bytes(input.bytes) }
                continue
            case .formatted(let bytes):
                formatted = bytes
            case .notUnicode:
                say(LocalizedText(
                    vi: "\"\(input.path)\" không phải văn bản Unicode (HS001) nên không định dạng; chuyển nó sang UTF-8 trước: hoso lint --fix --unsafe-fixes \"\(input.path)\"",
                    en: "\"\(input.path)\" is not Unicode text (HS001), so it is not formatted; convert it to UTF-8 first: hoso lint --fix --unsafe-fixes \"\(input.path)\""))
                failed.files += 1
                continue
            case .notRoundTrip:
                say(LocalizedText(
                    vi: "\"\(input.path)\" (UTF-16) có chỗ hỏng, không ghi lại được đúng từng byte nên không định dạng; lưu lại nó bằng UTF-8",
                    en: "\"\(input.path)\" (UTF-16) is damaged and would not be written back byte for byte, so it is not formatted; save it as UTF-8"))
                failed.files += 1
                continue
            }
            if diff {
                // The bytes differ, so some line does: the diff is never empty.
                _ = LintCommand.writeDiff(input.bytes, formatted, path: input.path, color: color, standIns: io.stdoutIsTerminal,
                                          language: language, io: &io, to: &report)
                changed += 1
            } else if check {
                report.line(input.path)
                changed += 1
            } else if let contents = input.read {
                do {
                    try SafeFile.replace(input.path, with: formatted, expecting: contents, breakLinks: breakLinks)
                    changed += 1
                } catch let refusal as SafeFile.Refusal {
                    say(refusal.message)
                    failed.files += 1
                }
            } else {
                io.stdout.bytes(formatted)  // standard input: the formatted text, like ruff
                changed += 1
            }
        }
        io.stdout.bytes(report.bytes)
        // Only standard input in place: stdout holds the text and stderr stays quiet.
        if check || diff || read.inputs.contains(where: \.onDisk) || failed.total > 0 {
            say(summary(changed: changed, unchanged: unchanged, failed: failed, writing: !check && !diff))
        }
        if failed.total > 0 { return 2 }
        return (check || diff) && changed > 0 ? 1 : 0
    }

    /// "đã định dạng lại 1 tệp, 2 tệp giữ nguyên" and the like: the counts that are not zero, as ruff says them.
    static func summary(changed: Int, unchanged: Int, failed: Unchecked, writing: Bool) -> LocalizedText {
        func files(_ n: Int) -> String { n == 1 ? "1 file" : "\(n) files" }
        var parts: [LocalizedText] = []
        if changed > 0 {
            parts.append(writing ? LocalizedText(vi: "đã định dạng lại \(changed) tệp", en: "\(files(changed)) reformatted")
                                 : LocalizedText(vi: "\(changed) tệp sẽ được định dạng lại (chưa ghi gì)",
                                                 en: "\(files(changed)) would be reformatted (nothing written)"))
        }
        if unchanged > 0 {
            parts.append(writing ? LocalizedText(vi: "\(unchanged) tệp giữ nguyên", en: "\(files(unchanged)) left unchanged")
                                 : LocalizedText(vi: "\(unchanged) tệp đã đúng định dạng", en: "\(files(unchanged)) already formatted"))
        }
        if failed.total > 0 {
            parts.append(LocalizedText(vi: "không định dạng được \(failed.phrase(.vi)) (xem các dòng \"hoso: …\" ở trên)",
                                       en: "\(failed.phrase(.en)) could not be formatted (see the \"hoso: …\" lines above)"))
        }
        if parts.isEmpty { return LocalizedText(vi: "không có tệp nào", en: "no file") }
        return LocalizedText(viText: parts.map(\.vi).joined(separator: ", "), enText: parts.map(\.en).joined(separator: ", "))
    }
}
