import HosoRules
import HosoSemantics
import HosoText
import HosoProtocol
import HosoWorkspace

/// Where a finding is, in what people count (1-based lines, scalar columns) and in LSP terms.
struct Location {
    let line: Int, column: Int, endLine: Int, endColumn: Int
    let lspStart: TextPosition, lspEnd: TextPosition
}

/// Turns byte ranges of one text into `Location`s; ranges in text order (a file's findings)
/// cost one pass over each line however many findings it holds.
struct Locator {
    private var start32, end32, start16, end16: PositionCursor

    init(_ text: SourceText) {
        start32 = PositionCursor(text, .utf32); end32 = PositionCursor(text, .utf32)
        start16 = PositionCursor(text, .utf16); end16 = PositionCursor(text, .utf16)
    }

    mutating func locate(_ range: Range<Int>) -> Location {
        let start = start32.position(ofByte: range.lowerBound), end = end32.position(ofByte: range.upperBound)
        return Location(line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
                        lspStart: start16.position(ofByte: range.lowerBound), lspEnd: end16.position(ofByte: range.upperBound))
    }
}

extension Severity {
    func word(_ language: Language) -> StaticString {
        switch (self, language) {
        case (.error, .vi): return "lỗi"
        case (.warning, .vi): return "cảnh báo"
        case (.info, .vi): return "lưu ý"
        case (.hint, .vi): return "gợi ý"
        case (.error, .en): return "error"
        case (.warning, .en): return "warning"
        case (.info, .en): return "info"
        case (.hint, .en): return "hint"
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
///
/// Every finding gets its source line and caret, as rustc and ruff show them, also when an
/// earlier finding showed the same line. Output stays proportional to what is shown: a long line
/// is cut to a window around the finding, and at most `shownPerFile` findings of a file are
/// printed, then "… N more". The summary and
/// the exit status count every finding. Control characters from a dossier are never written to
/// the terminal as they are (see `TerminalText`).
enum TextReport {
    static let shownPerFile = 200
    /// The most columns of a source line echoed; a longer line is shown as a window around the finding.
    static let echoColumns = 160

    /// Prints `files`' findings; the summary counts those of `counting` (all of them, when
    /// `--quiet` prints errors only), or of `files` when it is nil.
    static func write(_ files: [LintedFile], counting: [LintedFile]? = nil, notChecked: Unchecked = Unchecked(), language: Language, color useColor: Bool,
                      to out: inout OutputBuffer) {
        let reset = useColor ? "\u{1B}[0m" : ""
        let bold = useColor ? "\u{1B}[1m" : ""
        // Written piece by piece into the buffer: a campaign can have tens of thousands of findings
        // (a few hundred bytes each, room made once).
        out.reserveCapacity(files.reduce(0) { $0 + min($1.result.findings.count, shownPerFile) } * 320)
        for file in files {
            let text = file.result.text
            let path = TerminalText.escape(file.path)
            var cursor = PositionCursor(text, .utf32)
            // A file in a legacy encoding: its bad line is shown as read in the encoding guessed.
            let problem = file.result.encodingProblem
            let reading = problem.flatMap { problem in problem.lineReading.map { (line: problem.line, text: SourceText($0), encoding: problem.likelyEncoding) } }
            // Each finding's parts read in place (a finding copied retains all of its texts).
            let findings = file.result.findings
            for index in findings.indices.prefix(shownPerFile) {
                let start = cursor.position(ofByte: findings[index].range.lowerBound)
                let lineNumber = start.line + 1
                let color = useColor ? findings[index].severity.ansiColor : ""
                out.write(bold); out.write(path); out.byte(0x3A); out.decimal(lineNumber); out.byte(0x3A)
                out.decimal(start.character + 1); out.byte(0x3A); out.write(reset); out.byte(0x20); out.write(color)
                out.literal(findings[index].severity.word(language)); out.byte(0x5B); out.write(findings[index].code); out.byte(0x5D); out.write(reset)
                out.byte(0x3A); out.byte(0x20); TerminalText.writeEscaped(findings[index].message, language, into: &out); out.byte(0x0A)
                // The optional is tested before it is bound: binding copies the reading's text.
                if reading?.line == start.line, let reading, findings[index].range == text.contentRange(ofLine: start.line) {
                    let label = language == .vi ? "(đọc theo bảng mã \(reading.encoding.rawValue))" : "(read as \(reading.encoding.rawValue))"
                    echo(reading.text.contentRange(ofLine: 0), line: 0, lineNumber: lineNumber, text: reading.text, color: color, reset: reset,
                         label: label, into: &out)
                } else {
                    echo(findings[index].range, line: start.line, lineNumber: lineNumber, text: text, color: color, reset: reset, into: &out)
                }
                for fix in findings[index].fixes.prefix(1) {
                    out.repeating(0x20, count: 1 + OutputBuffer.decimalCount(lineNumber))
                    out.literal(language == .vi ? " = sửa: " : " = fix: "); TerminalText.writeEscaped(fix.title, language, into: &out)
                    out.byte(0x0A)
                }
            }
            let hidden = file.result.findings.count - shownPerFile
            if hidden > 0 {
                out.line(language == .vi ? "… và \(hidden) vấn đề khác trong \(path) (--format json liệt kê đủ)"
                                         : "… and \(hidden) more in \(path) (--format json lists them all)")
            }
        }
        summary(counting ?? files, notChecked: notChecked, language: language, to: &out)
        fixable(FixableCount(counting ?? files), language: language, to: &out)
    }

    /// `--statistics`: one line per rule that fired (count, code, title), most frequent first,
    /// then the summary.
    static func statistics(_ files: [LintedFile], notChecked: Unchecked, language: Language, to out: inout OutputBuffer) {
        var counts: [String: Int] = [:]
        for file in files { for finding in file.result.findings { counts[finding.code, default: 0] += 1 } }
        let width = String(counts.values.max() ?? 0).count
        for (code, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            let number = String(count)
            out.line(String(repeating: " ", count: width - number.count) + number + "  " + code + "  "
                     + (RuleRegistry.rule(code: code)?.title.text(language) ?? ""))
        }
        summary(files, notChecked: notChecked, language: language, to: &out)
        fixable(FixableCount(files), language: language, to: &out)
    }

    /// The last line: counts by severity over every file, what suppression comments turned off,
    /// and what could not be checked.
    static func summary(_ files: [LintedFile], notChecked: Unchecked, language: Language, to out: inout OutputBuffer) {
        var errors = 0, warnings = 0, infos = 0  // infos: notes and hints
        var suppressed = 0
        for file in files {
            for finding in file.result.findings {
                switch finding.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info, .hint: infos += 1
                }
            }
            suppressed += file.result.suppressed.count
        }
        let vi = language == .vi
        /// `1 error`, `2 errors` (Vietnamese nouns do not inflect).
        func count(_ n: Int, _ viWord: String, _ enWord: String) -> String {
            vi ? "\(n) \(viWord)" : "\(n) \(enWord)\(n == 1 ? "" : "s")"
        }
        let fileCount = count(files.count, "tệp", "file")
        let quiet = suppressed == 0 ? "" : (vi ? "; \(suppressed) vấn đề đã tắt bằng chú thích hoso-disable" : "; \(suppressed) turned off by hoso-disable comments")
        let totals = vi ? "\(errors) lỗi, \(warnings) cảnh báo, \(infos) lưu ý trong \(fileCount)"
                        : "\(count(errors, "", "error")), \(count(warnings, "", "warning")), \(count(infos, "", "note")) in \(fileCount)"
        if notChecked.total > 0 {
            // Never a clean-looking result when something was not checked.
            out.line(vi ? "\(totals)\(quiet); không kiểm tra được \(notChecked.phrase(language)) (xem các dòng \"hoso: …\")."
                        : "\(totals)\(quiet); \(notChecked.phrase(language)) could not be checked (see the \"hoso: …\" messages).")
        } else if errors + warnings + infos == 0 {
            out.line((vi ? "Không có vấn đề nào trong \(fileCount)" : "No problems in \(fileCount)") + quiet + ".")
        } else {
            out.line(totals + quiet + ".")
        }
    }

    /// After the summary, like ruff's "[*] N fixable with the --fix option": how many findings
    /// `--fix` would fix, and how many more only with `--unsafe-fixes`; nothing when none.
    static func fixable(_ count: FixableCount, language: Language, to out: inout OutputBuffer) {
        switch (count.safe, count.unsafeOnly, language) {
        case (0, 0, _): return
        case (0, let more, .vi): out.line("[*] Có thể tự sửa \(more) vấn đề bằng --fix --unsafe-fixes (cần đọc lại kết quả).")
        case (0, let more, .en): out.line("[*] \(more) fixable with --fix --unsafe-fixes (review the result).")
        case (let safe, 0, .vi): out.line("[*] Có thể tự sửa \(safe) vấn đề bằng --fix.")
        case (let safe, 0, .en): out.line("[*] \(safe) fixable with the --fix option.")
        case (let safe, let more, .vi): out.line("[*] Có thể tự sửa \(safe) vấn đề bằng --fix (thêm \(more) vấn đề nếu dùng cả --unsafe-fixes).")
        case (let safe, let more, .en): out.line("[*] \(safe) fixable with the --fix option (\(more) more with --unsafe-fixes).")
        }
    }

    /// The source line (or a window of it around the finding) and the caret underline, with
    /// `label` after the carets.
    static func echo(_ range: Range<Int>, line: Int, lineNumber: Int, text: SourceText, color: String, reset: String,
                     label: String? = nil, into out: inout OutputBuffer) {
        let content = text.contentRange(ofLine: line)
        let from = max(content.lowerBound, min(range.lowerBound, content.upperBound))
        let to = max(from, min(range.upperBound, content.upperBound))
        // A line that fits is shown whole; a longer one as a window: up to a quarter of the echo
        // width before the finding, the rest after it.
        // A line of no more bytes than the echo has columns fits without counting its scalars.
        let fits = content.count <= echoColumns
            || TerminalText.forward(text.bytes, from: content.lowerBound, scalars: echoColumns, limit: content.upperBound) == content.upperBound
        let windowStart = fits ? content.lowerBound : TerminalText.back(text.bytes, from: from, scalars: echoColumns / 4, limit: content.lowerBound)
        let windowEnd = fits ? content.upperBound : TerminalText.forward(text.bytes, from: windowStart, scalars: echoColumns, limit: content.upperBound)
        let cutBefore = windowStart > content.lowerBound, cutAfter = windowEnd < content.upperBound
        out.byte(0x20); out.decimal(lineNumber); out.literal(" | ")
        if cutBefore { out.write("…") }
        TerminalText.write(text.bytes, windowStart..<windowEnd, into: &out)
        if cutAfter { out.write("…") }
        out.line()
        out.repeating(0x20, count: 1 + OutputBuffer.decimalCount(lineNumber)); out.literal(" | ")
        if cutBefore { out.byte(0x20) }
        TerminalText.padding(text.bytes, windowStart..<from, into: &out)
        let underline = TerminalText.width(text.bytes, from..<min(to, windowEnd))
        out.write(color); out.repeating(0x5E, count: max(1, underline)); out.write(reset)
        if let label { out.write(" "); out.write(label) }
        out.line()
    }
}

/// Dossier text made safe for a terminal: C0 controls (tab aside) and DEL become their Control
/// Pictures (`␛` for ESC), C1 controls and bidirectional controls become `<U+202E>`, so a
/// dossier can neither drive the terminal nor reorder what it shows.
enum TerminalText {
    /// The visible stand-in for a scalar that must not reach the terminal, if it is one.
    static func standIn(_ scalar: UInt32) -> String? {
        switch scalar {
        case 0x09: return nil
        case 0x00..<0x20: return String(UnicodeScalar(0x2400 + scalar)!)
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            let digits = String(scalar, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
        default: return nil
        }
    }

    /// Whether a byte is printable ASCII: one column, shown as it is.
    @inline(__always)
    static func isPrintableASCII(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F }

    /// Whether a byte can start a scalar that needs a stand-in (checked before decoding).
    @inline(__always)
    static func mayNeedStandIn(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 }

    /// `string` with stand-ins for the scalars that must not reach the terminal.
    static func escape(_ string: String) -> String {
        var copy = string
        guard copy.withUTF8({ $0.contains(where: mayNeedStandIn) }) else { return string }
        var result = ""
        for scalar in string.unicodeScalars {
            if let standIn = standIn(scalar.value) { result += standIn } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The first byte of `start..<end` that `mayNeedStandIn`, or `end`: eight bytes at a time.
    @inline(__always)
    static func firstMayNeedStandIn(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        ByteScan.firstCandidate(bytes, from: start, to: end, word: { x in
            ByteScan.below(x, 0x20) | ByteScan.equal(x, 0x7F) | ByteScan.within(x, 0xC2, 0xC2) | ByteScan.within(x, 0xE2, 0xE2)
        }, byte: mayNeedStandIn)
    }

    /// Writes `escape(string)` without making it: the bytes as they are when none needs a stand-in.
    static func writeEscaped(_ string: String, into out: inout OutputBuffer) {
        var copy = string
        copy.withUTF8 { writeEscaped($0, into: &out) }
    }

    /// Writes a text in `language` as `writeEscaped` does, from its bytes (a one-language
    /// linter's message is never made a String).
    static func writeEscaped(_ text: LocalizedText, _ language: Language, into out: inout OutputBuffer) {
        text.withUTF8(language) { writeEscaped($0, into: &out) }
    }

    /// `writeEscaped` of valid UTF-8.
    private static func writeEscaped(_ buffer: UnsafeBufferPointer<UInt8>, into out: inout OutputBuffer) {
        if firstMayNeedStandIn(buffer, from: 0, to: buffer.count) == buffer.count {
            out.bytes(buffer)
        } else {
            out.write(escape(String(decoding: buffer, as: UTF8.self)))
        }
    }

    /// Writes a byte range of valid UTF-8, with stand-ins.
    static func write(_ bytes: [UInt8], _ range: Range<Int>, into out: inout OutputBuffer) {
        var runStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            i = bytes.withUnsafeBufferPointer { firstMayNeedStandIn($0, from: i, to: range.upperBound) }
            guard i < range.upperBound else { break }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            if let standIn = standIn(scalar) {
                out.bytes(bytes, runStart..<i)
                out.write(standIn)
                runStart = i + length
            }
            i += length
        }
        out.bytes(bytes, runStart..<range.upperBound)
    }

    /// The terminal columns a byte range takes as `write` shows it (a tab counts one).
    static func width(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var columns = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if isPrintableASCII(bytes[i]) { columns += 1; i += 1; continue }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            columns += scalar == 0x09 ? 1 : Self.columns(scalar)
            i += length
        }
        return columns
    }

    /// Spaces (tabs kept) as wide as the range.
    static func padding(_ bytes: [UInt8], _ range: Range<Int>, into out: inout OutputBuffer) {
        var i = range.lowerBound
        var spaces = 0  // written when a tab comes, or at the end
        while i < range.upperBound {
            if isPrintableASCII(bytes[i]) { spaces += 1; i += 1; continue }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            if scalar == 0x09 {
                out.repeating(0x20, count: spaces)
                spaces = 0
                out.byte(0x09)
            } else {
                spaces += columns(scalar)
            }
            i += length
        }
        out.repeating(0x20, count: spaces)
    }

    /// The columns a scalar other than a tab takes as `write` shows it: its stand-in's, or its own.
    static func columns(_ scalar: UInt32) -> Int {
        standIn(scalar).map { $0.unicodeScalars.count } ?? DisplayWidth.of(scalar)
    }

    /// The offset `scalars` scalars before `offset`, not before `limit`.
    static func back(_ bytes: [UInt8], from offset: Int, scalars: Int, limit: Int) -> Int {
        var i = offset, n = 0
        while i > limit && n < scalars {
            i -= 1
            while i > limit && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            n += 1
        }
        return i
    }

    /// The offset `scalars` scalars after `offset`, not after `limit`.
    static func forward(_ bytes: [UInt8], from offset: Int, scalars: Int, limit: Int) -> Int {
        var i = offset, n = 0
        while i < limit && n < scalars {
            i = min(limit, i + UTF8Scalar.length(lead: bytes[i]))
            n += 1
        }
        return i
    }
}

/// What a run met besides the files' findings, for the machine-readable reports: the profiles
/// in play and what went wrong (files not checked, fixes refused, a broken config).
struct RunOutcome {
    var profiles: [Profile] = []
    /// Everything that makes the run exit 2.
    var problems: [RunProblem] = []

    /// The files and other paths of `problems` not checked.
    var notChecked: Unchecked { Unchecked(problems) }

    /// The profile ids in play, each once, in order of first use (the default when none).
    var profileIDs: [String] {
        var seen: Set<String> = []
        let ids = profiles.map(\.id).filter { seen.insert($0).inserted }
        return ids.isEmpty ? [Profile.sonLa2022.id] : ids
    }
}

/// How many findings have a fix `--fix` applies (a safe one), and how many have fixes that
/// only `--fix --unsafe-fixes` applies (`Fixer`'s choice: the first safe fix, else with
/// `unsafe` the first fix).
struct FixableCount: Equatable {
    var safe = 0
    var unsafeOnly = 0

    init(_ files: [LintedFile]) {
        for file in files {
            for finding in file.result.findings where !finding.fixes.isEmpty {
                if finding.fixes.contains(where: \.isSafe) { safe += 1 } else { unsafeOnly += 1 }
            }
        }
    }
}

/// What could not be checked (or formatted), counted as people name it: files, and paths that
/// are no file to read (missing, a folder with no dossier, a link or FIFO a walk does not read).
struct Unchecked: Equatable {
    var files = 0
    var paths = 0
    var total: Int { files + paths }

    init(files: Int = 0, paths: Int = 0) {
        self.files = files
        self.paths = paths
    }

    init(_ problems: [RunProblem]) {
        for problem in problems where problem.kind == .notChecked {
            if problem.isFile { files += 1 } else { paths += 1 }
        }
    }

    /// `2 tệp và 1 đường dẫn`, `1 file and 2 paths`: the counts that are not zero.
    func phrase(_ language: Language) -> String {
        var parts: [String] = []
        if files > 0 { parts.append(language == .vi ? "\(files) tệp" : files == 1 ? "1 file" : "\(files) files") }
        if paths > 0 { parts.append(language == .vi ? "\(paths) đường dẫn" : paths == 1 ? "1 path" : "\(paths) paths") }
        return parts.joined(separator: language == .vi ? " và " : " and ")
    }
}

/// One thing that makes a run exit 2: what went wrong and, when it concerns one file or folder,
/// its path as given (reports that are read per file put it there).
struct RunProblem {
    enum Kind: Equatable {
        /// A file or folder that could not be checked.
        case notChecked
        /// Anything else: a fix refused, a broken config or profile.
        case failed

        /// The name machine-readable reports give it (`hoso/` before it for GitHub and GitLab).
        var name: String { self == .notChecked ? "not-checked" : "run-failed" }
    }

    let kind: Kind
    let message: LocalizedText
    let path: String?
    /// Whether what was not checked is a file that could not be read, rather than a path that
    /// is no file to read (the summary says "tệp" for one, "đường dẫn" for the other).
    let isFile: Bool

    init(_ kind: Kind, _ message: LocalizedText, path: String? = nil, isFile: Bool = false) {
        self.kind = kind
        self.message = message
        self.path = path
        self.isFile = isFile
    }
}

/// The JSON report (`--format json`; its shape is in docs/cli.md).
enum JSONReport {
    static func render(_ files: [LintedFile], run: RunOutcome, language: Language) -> String {
        var counts: [Severity: Int] = [:]
        var suppressedCount = 0
        let texts = Dictionary(files.map { ($0.path, $0.result.text) }, uniquingKeysWith: { first, _ in first })
        let fileValues: [JSON] = files.map { file in
            let text = file.result.text
            var locator = Locator(text), editLocator = Locator(text)
            let diagnostics: [JSON] = file.result.findings.map { finding in
                counts[finding.severity, default: 0] += 1
                let location = locator.locate(finding.range)
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
                                .object([("range", lspRange(editLocator.locate(edit.range))), ("newText", .string(edit.newText))])
                            })),
                        ])
                    })),
                    ("related", .array(finding.related.map { related in
                        let path = related.path ?? file.path
                        var relatedLocator = Locator(texts[path] ?? text)
                        let at = relatedLocator.locate(related.range)
                        return .object([
                            ("path", .string(path)), ("line", .int(at.line)), ("column", .int(at.column)),
                            ("message", .string(related.message.text(language))),
                        ])
                    })),
                ])
            }
            var suppressedLocator = Locator(text)
            let suppressed: [JSON] = file.result.suppressed.map { item in
                suppressedCount += 1
                let location = suppressedLocator.locate(item.finding.range)
                return .object([
                    ("code", .string(item.finding.code)), ("severity", .string(item.finding.severity.rawValue)),
                    ("message", .string(item.finding.message.text(language))),
                    ("line", .int(location.line)), ("column", .int(location.column)),
                    ("reason", item.reason.map(JSON.string) ?? .null),
                ])
            }
            return .object([("path", .string(file.path)), ("config", file.config.map(JSON.string) ?? .null),
                            ("diagnostics", .array(diagnostics)), ("suppressed", .array(suppressed))])
        }
        let fixable = FixableCount(files)
        return JSON.object([
            ("tool", .object([("name", .string("hoso")), ("version", .string(HosoVersion.current))])),
            ("profile", .string(run.profileIDs[0])),
            ("profiles", .array(run.profileIDs.map(JSON.string))),
            ("files", .array(fileValues)),
            ("problems", .array(run.problems.map { .string($0.message.text(language)) })),
            ("summary", .object([
                ("files", .int(files.count)), ("errors", .int(counts[.error] ?? 0)), ("warnings", .int(counts[.warning] ?? 0)),
                ("infos", .int(counts[.info] ?? 0)), ("hints", .int(counts[.hint] ?? 0)), ("suppressed", .int(suppressedCount)),
                ("notChecked", .int(run.notChecked.total)),
                ("fixable", .int(fixable.safe)), ("unsafeFixable", .int(fixable.unsafeOnly)),
            ])),
        ]).render()
    }

    static func lspRange(_ location: Location) -> JSON {
        .range((location.lspStart.line, location.lspStart.character), (location.lspEnd.line, location.lspEnd.character))
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=HSnnn::message`.
enum GitHubReport {
    /// One annotation per finding, then one `::error` per run problem (a file not checked, a
    /// fix refused, a broken config), so a failed run never shows a clean annotation list.
    static func write(_ files: [LintedFile], run: RunOutcome, language: Language, to out: inout OutputBuffer) {
        for file in files {
            var locator = Locator(file.result.text)
            for finding in file.result.findings {
                let location = locator.locate(finding.range)
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                out.line("::\(command) file=\(escapeProperty(file.path)),line=\(location.line),col=\(location.column),endLine=\(location.endLine),endColumn=\(location.endColumn),title=\(finding.code)::\(escapeData(finding.message.text(language)))")
            }
        }
        for problem in run.problems {
            out.line("::error " + (problem.path.map { "file=\(escapeProperty($0))," } ?? "") + "title=hoso/\(problem.kind.name)::\(escapeData(problem.message.text(language)))")
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
