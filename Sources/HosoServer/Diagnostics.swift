import HosoProtocol
import HosoRules
import HosoSemantics
import HosoText
import HosoWorkspace

extension LanguageServer {
    /// An LSP range for a byte range, in the negotiated position encoding.
    func lspRange(_ range: Range<Int>, _ text: SourceText) -> JSON {
        .object([("start", lspPosition(range.lowerBound, text)), ("end", lspPosition(range.upperBound, text))])
    }

    func lspPosition(_ offset: Int, _ text: SourceText) -> JSON {
        let p = text.position(ofByte: offset, in: encoding)
        return .position(line: p.line, character: p.character)
    }

    /// The byte offset of an LSP position in a file.
    func offset(_ position: (line: Int, character: Int), _ text: SourceText) -> Int {
        text.byteOffset(of: TextPosition(line: position.line, character: position.character), in: encoding)
    }

    /// LSP ranges for the findings of one text, in order: each line is walked once (`PositionCursor`).
    struct RangeCursor {
        var start, end: PositionCursor
        init(_ text: SourceText, _ encoding: PositionEncoding) {
            start = PositionCursor(text, encoding)
            end = PositionCursor(text, encoding)
        }
        mutating func range(_ range: Range<Int>) -> JSON {
            let from = start.position(ofByte: range.lowerBound), to = end.position(ofByte: range.upperBound)
            return .object([("start", .position(line: from.line, character: from.character)),
                            ("end", .position(line: to.line, character: to.character))])
        }
    }

    /// The most diagnostics published for one file; the rest are summed up in a last one.
    static let diagnosticsShownPerFile = 200

    func diagnostic(_ finding: Finding, in file: TrackedFile, language: Language) -> JSON {
        var cursor = RangeCursor(file.text, encoding)
        return diagnostic(finding, in: file, language: language, cursor: &cursor)
    }

    func diagnostic(_ finding: Finding, in file: TrackedFile, language: Language, cursor: inout RangeCursor) -> JSON {
        var members: [(String, JSON)] = [
            ("range", cursor.range(finding.range)),
            ("severity", .int(finding.severity.lspValue)),
            ("code", .string(finding.code)),
        ]
        if let href = ruleLinks.hrefs[finding.code] { members.append(("codeDescription", .object([("href", .string(href))]))) }
        members += [
            ("source", .string("hoso")),
            ("message", .string(finding.message.text(language))),
        ]
        if !finding.related.isEmpty {
            members.append(("relatedInformation", .array(finding.related.map { related in
                let path = related.path ?? file.path
                let text = related.path == nil ? file.text : (workspace.text(ofPath: path) ?? file.text)
                let uri = related.path == nil ? file.uri : (workspace.uri(ofPath: path) ?? FileURI.uri(path))
                return .object([("location", .object([("uri", .string(uri)), ("range", lspRange(related.range, text))])),
                                ("message", .string(related.message.text(language)))])
            })))
        }
        return .object(members)
    }

    /// The file's diagnostics: at most `diagnosticsShownPerFile`, then one that says how many more
    /// there are (counts, JSON and SARIF on the command line stay complete).
    func diagnostics(_ file: TrackedFile) -> JSON {
        let language = workspace.language(for: file.path)
        var cursor = RangeCursor(file.text, encoding)
        var items = file.findings.prefix(Self.diagnosticsShownPerFile).map { diagnostic($0, in: file, language: language, cursor: &cursor) }
        let hidden = file.findings.count - Self.diagnosticsShownPerFile
        if hidden > 0 {
            let next = file.findings[Self.diagnosticsShownPerFile]
            items.append(.object([
                ("range", cursor.range(next.range.lowerBound..<next.range.lowerBound)),
                ("severity", .int(Severity.info.lspValue)),
                ("source", .string("hoso")),
                ("message", .string(language == .vi
                    ? "… và \(hidden) vấn đề khác trong tệp này (không hiển thị hết); `hoso lint --format json` liệt kê đủ."
                    : "… and \(hidden) more problems in this file (not all shown); `hoso lint --format json` lists them all.")),
            ]))
        }
        return .array(items)
    }

    func resultID(_ file: TrackedFile) -> String { "\(file.generation)" }

    /// The file for a pull request: known, or read from disk now.
    func fileForPull(_ uri: String) throws -> TrackedFile {
        if let file = workspace.files[uri] { return file }
        guard let path = FileURI.path(uri), let bytes = workspace.readFromDisk(path) else {
            throw ResponseError(.invalidParams, "unknown document \(uri)")
        }
        _ = workspace.update(uri: uri, path: path, bytes: bytes, version: nil)
        guard let file = workspace.files[uri] else { throw ResponseError(.internalError, "could not load \(uri)") }
        return file
    }

    func documentDiagnostic(_ params: Params) throws -> JSON {
        let file = try fileForPull(try params.documentURI())
        if params.optional("previousResultId")?.stringValue == resultID(file) {
            return .object([("kind", .string("unchanged")), ("resultId", .string(resultID(file)))])
        }
        return .object([("kind", .string("full")), ("resultId", .string(resultID(file))), ("items", diagnostics(file))])
    }

    func workspaceDiagnostic(_ params: Params) throws -> JSON {
        var previous: [String: String] = [:]
        for item in params.optional("previousResultIds")?.arrayValue ?? [] {
            if let uri = item["uri"]?.stringValue, let value = item["value"]?.stringValue { previous[uri] = value }
        }
        let items: [JSON] = workspace.files.values.sorted { $0.path < $1.path }.map { file in
            var members: [(String, JSON)] = [("uri", .string(file.uri)), ("version", file.version.map(JSON.int) ?? .null),
                                             ("resultId", .string(resultID(file)))]
            if previous[file.uri] == resultID(file) {
                members.insert(("kind", .string("unchanged")), at: 0)
            } else {
                members.insert(("kind", .string("full")), at: 0)
                members.append(("items", diagnostics(file)))
            }
            return .object(members)
        }
        return .object([("items", .array(items))])
    }

    // MARK: Code actions

    func codeActions(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let range = try params.range("range")
        let start = offset(range.start, file.text), end = offset(range.end, file.text)
        let only = (try? params.object("context"))?.optional("only")?.arrayValue?.compactMap(\.stringValue)
        func wants(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let language = workspace.language(for: file.path)
        var actions: [JSON] = []
        if wants("quickfix") {
            actions = quickfixes(file, start..<end, language: language)
        }
        if wants("source.fixAll.hoso"), file.problem == nil,
           let (fixed, _) = Fixer.fixAll(raw: file.text.bytes, linter: file.linter) {
            let whole = TextEdit(range: 0..<file.text.bytes.count, newText: String(decoding: fixed, as: UTF8.self))
            actions.append(.object([
                ("title", .string(language == .vi ? "hoso: sửa mọi lỗi sửa được an toàn" : "hoso: fix all safe problems")),
                ("kind", .string("source.fixAll.hoso")),
                ("edit", workspaceEdit(file, [whole])),
            ]))
        }
        return .array(actions)
    }

    /// The quick fixes for the findings touching `range` (bytes): every fix, preferred when safe,
    /// then one "disable HSnnn for this line" per code and line, never preferred; at most
    /// `diagnosticsShownPerFile` in all, fixes first.
    func quickfixes(_ file: TrackedFile, _ range: Range<Int>, language: Language) -> [JSON] {
        let cap = Self.diagnosticsShownPerFile
        // Findings are in text order: one cursor each for diagnostics, edits and the comments
        // above the lines walks every line once, and the cap bounds the reply (a select-all over
        // a line of 10⁶ findings must not build a reply of gigabytes).
        var diagnosticCursor = RangeCursor(file.text, encoding), editCursor = RangeCursor(file.text, encoding)
        var commentCursor = RangeCursor(file.text, encoding)
        var fixes: [JSON] = [], disables: [JSON] = []
        var disabledLine = -1, disabledCodes: Set<String> = []
        func action(_ fix: Fix, _ shown: JSON, _ cursor: inout RangeCursor) -> JSON {
            let edits: [JSON] = fix.edits.map { edit in .object([("range", cursor.range(edit.range)), ("newText", .string(edit.newText))]) }
            return .object([
                ("title", .string(fix.title.text(language))),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([shown])),
                ("isPreferred", .bool(fix.isSafe)),
                ("edit", .object([("changes", .object([(file.uri, .array(edits))]))])),
            ])
        }
        scan: for finding in file.findings {
            // Overlapping or touching the requested range (an empty range at the cursor counts).
            if finding.range.lowerBound > range.upperBound { break }
            guard range.lowerBound <= finding.range.upperBound else { continue }
            var shown: JSON?
            func diagnostic() -> JSON {
                if let shown { return shown }
                let made = self.diagnostic(finding, in: file, language: language, cursor: &diagnosticCursor)
                shown = made
                return made
            }
            for fix in finding.fixes {
                guard fixes.count < cap else { break scan }  // no room left for a disable either
                fixes.append(action(fix, diagnostic(), &editCursor))
            }
            guard disables.count < cap else { continue }
            let line = file.text.line(ofByte: finding.range.lowerBound)
            if line != disabledLine { (disabledLine, disabledCodes) = (line, []) }
            guard !disabledCodes.contains(finding.code),
                  let fix = LineSuppression.fix(for: finding, in: file.checked.dossier, encodingProblem: file.problem, language: language)
            else { continue }
            disabledCodes.insert(finding.code)
            disables.append(action(fix, diagnostic(), &commentCursor))
        }
        return fixes + disables.prefix(cap - fixes.count)
    }

    func workspaceEdit(_ file: TrackedFile, _ edits: [TextEdit]) -> JSON {
        .object([("changes", .object([(file.uri, .array(edits.map { edit in
            .object([("range", lspRange(edit.range, file.text)), ("newText", .string(edit.newText))])
        }))]))])
    }
}
