import HosoRules
import HosoSemantics
import HosoText
import HosoProtocol
import HosoWorkspace

/// Where a finding is, in what people count (1-based lines, scalar columns) and in LSP terms.
struct Location {
    let line: Int, column: Int, endLine: Int, endColumn: Int
    let lspStart: TextPosition, lspEnd: TextPosition

    init(_ range: Range<Int>, in text: SourceText) {
        let start = text.position(ofByte: range.lowerBound, in: .utf32)
        let end = text.position(ofByte: range.upperBound, in: .utf32)
        line = start.line + 1
        column = start.character + 1
        endLine = end.line + 1
        endColumn = end.character + 1
        lspStart = text.position(ofByte: range.lowerBound, in: .utf16)
        lspEnd = text.position(ofByte: range.upperBound, in: .utf16)
    }
}

extension Severity {
    func word(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .vi): return "lỗi"
        case (.warning, .vi): return "cảnh báo"
        case (.info, .vi): return "lưu ý"
        case (.hint, .vi): return "gợi ý"
        case (_, .en): return rawValue
        }
    }

    var ansiColor: String {
        switch self {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;33m"
        case .info: return "\u{1B}[1;34m"
        case .hint: return "\u{1B}[1;36m"
        }
    }
}

/// Compiler-style text: `path:line:col: severity[CODE]: message`, the source line, a caret underline.
enum TextReport {
    static func write(_ files: [LintedFile], language: Language, color useColor: Bool, to out: inout OutputBuffer) {
        let reset = useColor ? "\u{1B}[0m" : ""
        let bold = useColor ? "\u{1B}[1m" : ""
        var counts: [Severity: Int] = [:]
        // Written piece by piece into the buffer: a campaign can have tens of thousands of findings.
        for file in files {
            let text = file.result.text
            for finding in file.result.findings {
                counts[finding.severity, default: 0] += 1
                let start = text.position(ofByte: finding.range.lowerBound, in: .utf32)
                let lineNumber = String(start.line + 1)
                let color = useColor ? finding.severity.ansiColor : ""
                out.write(bold); out.write(file.path); out.write(":"); out.write(lineNumber); out.write(":")
                out.write(String(start.character + 1)); out.write(":"); out.write(reset); out.write(" "); out.write(color)
                out.write(finding.severity.word(language)); out.write("["); out.write(finding.code); out.write("]"); out.write(reset)
                out.write(": "); out.line(finding.message.text(language))
                let content = text.contentRange(ofLine: start.line)
                let from = max(content.lowerBound, min(finding.range.lowerBound, content.upperBound))
                let to = max(from, min(finding.range.upperBound, content.upperBound))
                out.write(" "); out.write(lineNumber); out.write(" | "); out.bytes(text.bytes, content); out.line()
                out.write(" "); out.repeating(0x20, count: lineNumber.utf8.count); out.write(" | ")
                padding(text, content.lowerBound..<from, into: &out)
                out.write(color); out.repeating(0x5E, count: max(1, width(text, from..<to))); out.line(reset)
                for fix in finding.fixes.prefix(1) {
                    out.write(" "); out.repeating(0x20, count: lineNumber.utf8.count)
                    out.write(language == .vi ? " = sửa: " : " = fix: "); out.line(fix.title.text(language))
                }
            }
        }
        let errors = counts[.error] ?? 0, warnings = counts[.warning] ?? 0, infos = (counts[.info] ?? 0) + (counts[.hint] ?? 0)
        let fileWord = language == .vi ? "tệp" : (files.count == 1 ? "file" : "files")
        if errors + warnings + infos == 0 {
            out.line(language == .vi ? "Không có vấn đề nào trong \(files.count) tệp." : "No problems in \(files.count) \(fileWord).")
        } else if language == .vi {
            out.line("\(errors) lỗi, \(warnings) cảnh báo, \(infos) lưu ý trong \(files.count) tệp.")
        } else {
            out.line("\(errors) errors, \(warnings) warnings, \(infos) notes in \(files.count) \(fileWord).")
        }
    }

    /// Spaces (tabs kept) as wide as the text before the underline.
    static func padding(_ text: SourceText, _ range: Range<Int>, into out: inout OutputBuffer) {
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scalar.decode(text.bytes, at: i)
            if scalar == 0x09 { out.repeating(0x09, count: 1) } else { out.repeating(0x20, count: DisplayWidth.of(scalar)) }
            i += length
        }
    }

    /// The terminal columns a byte range takes (a tab counts one).
    static func width(_ text: SourceText, _ range: Range<Int>) -> Int {
        var columns = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scalar.decode(text.bytes, at: i)
            columns += scalar == 0x09 ? 1 : DisplayWidth.of(scalar)
            i += length
        }
        return columns
    }
}

/// The JSON report of INTERFACES.md.
enum JSONReport {
    static func render(_ files: [LintedFile], profile: Profile, language: Language) -> String {
        var counts: [Severity: Int] = [:]
        let texts = Dictionary(files.map { ($0.path, $0.result.text) }, uniquingKeysWith: { first, _ in first })
        let fileValues: [JSON] = files.map { file in
            let text = file.result.text
            let diagnostics: [JSON] = file.result.findings.map { finding in
                counts[finding.severity, default: 0] += 1
                let location = Location(finding.range, in: text)
                return .object([
                    ("code", .string(finding.code)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("message", .string(finding.message.text(language))),
                    ("line", .int(location.line)), ("column", .int(location.column)),
                    ("endLine", .int(location.endLine)), ("endColumn", .int(location.endColumn)),
                    ("range", lspRange(location)),
                    ("fixes", .array(finding.fixes.map { fix in
                        .object([
                            ("title", .string(fix.title.text(language))),
                            ("edits", .array(fix.edits.map { edit in
                                .object([("range", lspRange(Location(edit.range, in: text))), ("newText", .string(edit.newText))])
                            })),
                        ])
                    })),
                    ("related", .array(finding.related.map { related in
                        let path = related.path ?? file.path
                        let at = Location(related.range, in: texts[path] ?? text)
                        return .object([
                            ("path", .string(path)), ("line", .int(at.line)), ("column", .int(at.column)),
                            ("message", .string(related.message.text(language))),
                        ])
                    })),
                ])
            }
            return .object([("path", .string(file.path)), ("diagnostics", .array(diagnostics))])
        }
        return JSON.object([
            ("tool", .object([("name", .string("hoso")), ("version", .string(CLI.version))])),
            ("profile", .string(profile.id)),
            ("files", .array(fileValues)),
            ("summary", .object([
                ("files", .int(files.count)), ("errors", .int(counts[.error] ?? 0)), ("warnings", .int(counts[.warning] ?? 0)),
                ("infos", .int(counts[.info] ?? 0)), ("hints", .int(counts[.hint] ?? 0)),
            ])),
        ]).render()
    }

    static func lspRange(_ location: Location) -> JSON {
        .range((location.lspStart.line, location.lspStart.character), (location.lspEnd.line, location.lspEnd.character))
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=HSnnn::message`.
enum GitHubReport {
    static func write(_ files: [LintedFile], language: Language, to out: inout OutputBuffer) {
        for file in files {
            for finding in file.result.findings {
                let location = Location(finding.range, in: file.result.text)
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                out.line("::\(command) file=\(escapeProperty(file.path)),line=\(location.line),col=\(location.column),endLine=\(location.endLine),endColumn=\(location.endColumn),title=\(finding.code)::\(escapeData(finding.message.text(language)))")
            }
        }
    }

    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
