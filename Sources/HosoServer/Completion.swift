import HosoProtocol
import HosoRules
import HosoSemantics
import HosoSyntax
import HosoText

/// Something completion can offer at a place, before it is fitted to what was typed there.
struct CompletionCandidate {
    /// What the menu shows, and what is matched against what was typed.
    var label: String
    /// The LSP `CompletionItemKind`.
    var kind: Int
    var detail: String? = nil
    /// The plain text that replaces the value typed so far (the label when nil).
    var text: String? = nil
    /// A snippet to insert instead of `text`: such a candidate is offered only to clients that take snippets.
    var snippet: String? = nil
    /// Other spellings that find the candidate too (aliases, abbreviations, a title without its numbering).
    var otherSpellings: [String] = []
}

/// Where a completion's value begins on the line and what may complete it.
struct CompletionSite {
    /// Byte offset where the value typed so far begins (after `# `, `Năm 2021: ` …): every item replaces from here to the cursor.
    var valueStart: Int
    var candidates: [CompletionCandidate]
    /// Written before each item: a space when the cursor stands right after a field's colon.
    var lead = ""
}

/// How what was typed matches one spelling of a candidate.
struct CompletionMatch {
    /// Lower is better: 0 the same text once folded, 1 a literal prefix of the label, 2 a prefix of the
    /// label once folded, 3 a prefix of another spelling, 4 a word inside the label, 5 a word inside another spelling.
    var rank: Int
    /// What follows the typed text in the spelling that matched.
    var rest: Substring

    /// The best match of `typed` against a candidate's label and other spellings, or nil when none matches.
    static func best(_ typed: Substring, _ candidate: CompletionCandidate) -> CompletionMatch? {
        let folded = foldKeepingSpace(typed)
        let label = Substring(candidate.label)
        if folded.isEmpty { return CompletionMatch(rank: 1, rest: label) }
        if let end = prefixEnd(folded, in: label) {
            let rank = Folding.key(typed) == Folding.key(label) ? 0 : label.hasPrefix(typed) ? 1 : 2
            return CompletionMatch(rank: rank, rest: label[end...])
        }
        let others = candidate.otherSpellings.map { Substring($0) }
        for spelling in others {
            if let end = prefixEnd(folded, in: spelling) { return CompletionMatch(rank: 3, rest: spelling[end...]) }
        }
        for (rank, spellings) in [(4, [label]), (5, others)] {
            for spelling in spellings {
                for start in wordStarts(spelling) {
                    if let end = prefixEnd(folded, in: spelling[start...]) { return CompletionMatch(rank: rank, rest: spelling[end...]) }
                }
            }
        }
        return nil
    }

    /// `Folding.key`, keeping one space at the end: "Hoàn thành " must not match "Hoàn thànhx".
    static func foldKeepingSpace(_ text: Substring) -> String {
        let key = Folding.key(text)
        guard !key.isEmpty, let last = text.unicodeScalars.last, Folding.isSpace(last.value) else { return key }
        return key + " "
    }

    /// The end of the longest start of `spelling` that folds to `folded`, or nil when none does.
    static func prefixEnd(_ folded: String, in spelling: Substring) -> String.Index? {
        guard foldKeepingSpace(spelling).hasPrefix(folded) || Folding.key(spelling).hasPrefix(folded) else { return nil }
        var found: String.Index?
        var end = spelling.startIndex
        while true {
            let key = foldKeepingSpace(spelling[..<end])
            if key == folded { found = end } else if key.utf8.count > folded.utf8.count { break }
            if end == spelling.endIndex { break }
            end = spelling.index(after: end)
        }
        return found
    }

    /// Where the words of a spelling after its first begin: after a space, `/`, `-` or `(`.
    static func wordStarts(_ spelling: Substring) -> [String.Index] {
        var starts: [String.Index] = []
        var previous: Character?
        for index in spelling.indices {
            let character = spelling[index]
            if let before = previous, before == " " || before == "/" || before == "-" || before == "(", character != " " {
                starts.append(index)
            }
            previous = character
        }
        return starts
    }
}

extension LanguageServer {
    // MARK: Completion

    /// `textDocument/completion`: the candidates of the place, filtered by the folded value typed so
    /// far, each with a `textEdit` that replaces that whole value (docs/language-server.md, "Completion").
    ///
    /// Clients differ in what they read besides the edit, so each item is shaped for all of them:
    /// no `filterText` when the typed text starts the label as written (Neovim 0.7 takes the edit's
    /// start only from items without one), an `insertText` that starts with the word before the
    /// cursor (eglot 1.9 filters by that word and inserts `insertText` before applying the edit),
    /// and `isIncomplete`, since the server filters by folded text that clients would not match.
    func completion(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let at = offset(try params.position("position"), file.text)
        let lineStart = file.text.contentRange(ofLine: file.text.line(ofByte: at)).lowerBound
        guard let site = completionSite(file, lineStart: lineStart, at: at) else {
            return .object([("isIncomplete", .bool(false)), ("items", .array([]))])
        }
        let typed = Substring(file.text.string(site.valueStart..<at))
        let word = typed[Self.wordStart(typed)...]
        let range = lspRange(site.valueStart..<at, file.text)
        var matches: [(index: Int, candidate: CompletionCandidate, match: CompletionMatch)] = []
        for (index, candidate) in site.candidates.enumerated() where candidate.snippet == nil || clientTakesSnippets {
            if let match = CompletionMatch.best(typed, candidate) { matches.append((index, candidate, match)) }
        }
        // A word inside a label is offered only when nothing starts with what was typed.
        if matches.contains(where: { $0.match.rank <= 3 }) { matches.removeAll { $0.match.rank > 3 } }
        let items: [JSON] = matches.map { index, candidate, match in
            var members: [(String, JSON)] = [("label", .string(candidate.label)), ("kind", .int(candidate.kind))]
            if let detail = candidate.detail { members.append(("detail", .string(detail))) }
            members.append(("sortText", .string("\(match.rank)" + String(String(index + 1000).dropFirst()))))
            let filter = site.lead + typed + match.rest
            if filter != site.lead + candidate.label { members.append(("filterText", .string(filter))) }
            let insert = site.lead + word + match.rest
            if insert != candidate.label { members.append(("insertText", .string(insert))) }
            if candidate.snippet != nil { members.append(("insertTextFormat", .int(2))) }
            let newText = site.lead + (candidate.snippet ?? candidate.text ?? candidate.label)
            members.append(("textEdit", .object([("range", range), ("newText", .string(newText))])))
            return .object(members)
        }
        return .object([("isIncomplete", .bool(true)), ("items", .array(items))])
    }

    /// Where the word before the end of `typed` starts, as Emacs's `symbol` syntax sees it in a text
    /// buffer (letters, digits, marks and `$%'&*+-/<=>_|`): eglot 1.9 filters items by that word.
    static func wordStart(_ typed: Substring) -> String.Index {
        var start = typed.endIndex
        while start > typed.startIndex {
            let before = typed.index(before: start)
            let isWordCharacter = typed[before].unicodeScalars.allSatisfy { scalar in
                let properties = scalar.properties
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                    return true
                default:
                    return "$%'&*+-/<=>_|".unicodeScalars.contains(scalar)
                }
            }
            guard isWordCharacter else { break }
            start = before
        }
        return start
    }

    /// What completes at `at`: the place's value start and candidates, or nil where nothing does.
    func completionSite(_ file: TrackedFile, lineStart: Int, at: Int) -> CompletionSite? {
        let prefix = Substring(file.text.string(lineStart..<at))
        let line = file.text.line(ofByte: at)
        let dossier = file.checked.dossier
        let profile = file.setup.profile
        let vi = workspace.language(for: file.path) == .vi
        func offset(_ index: String.Index) -> Int { lineStart + prefix.utf8.distance(from: prefix.startIndex, to: index) }
        func skipping(_ characters: String, from index: String.Index) -> String.Index {
            prefix[index...].firstIndex { !characters.contains($0) } ?? prefix.endIndex
        }
        let content = skipping(" \t", from: prefix.startIndex)

        // Rule codes inside a suppression comment, before its ` -- ` reason.
        if let open = prefix.ranges(of: "<!--").last, !prefix[open.upperBound...].contains("-->"),
           let directive = prefix[open.upperBound...].firstRange(of: "hoso-"), !prefix[directive.upperBound...].contains(" -- ") {
            let token = prefix[directive.upperBound...].lastIndex { $0 == " " || $0 == "\t" }.map { prefix.index(after: $0) }
            guard let token else { return nil }
            let language: Language = vi ? .vi : .en
            return CompletionSite(valueStart: offset(token), candidates: RuleRegistry.all.map { rule in
                CompletionCandidate(label: rule.code, kind: 21, detail: rule.title.text(language))
            })
        }

        // Headings: `# ` part titles, `## ` section titles, `### ` nominee kinds (and names after them).
        let hashes = prefix[content...].prefix { $0 == "#" }.count
        if (1...3).contains(hashes), prefix.distance(from: prefix.startIndex, to: content) <= 3 {
            let afterHashes = prefix.index(content, offsetBy: hashes)
            guard afterHashes < prefix.endIndex, prefix[afterHashes] == " " || prefix[afterHashes] == "\t" else { return nil }
            let value = skipping(" \t", from: afterHashes)
            switch hashes {
            case 1:
                var titles = [PartKind.toTrinh.canonicalTitle, PartKind.bienBan.canonicalTitle]
                titles += dossier.nominees.filter { $0.awardForm?.requiresReport ?? false }.map { "\(PartKind.report.canonicalTitle): \(Lookalikes.shownName($0.name))" }
                return CompletionSite(valueStart: offset(value), candidates: titles.map { CompletionCandidate(label: $0, kind: 14) })
            case 2:
                return CompletionSite(valueStart: offset(value), candidates: sectionCandidates(atLine: line, dossier, file.text))
            default:
                if let colon = prefix[value...].firstIndex(of: ":") {
                    let after = prefix.index(after: colon)
                    return CompletionSite(valueStart: offset(skipping(" \t", from: after)),
                                          candidates: undeclaredNames(dossier).map { CompletionCandidate(label: $0, kind: 12) },
                                          lead: after == prefix.endIndex ? " " : "")
                }
                return CompletionSite(valueStart: offset(value), candidates: nomineeCandidates(profile, file.text.lineEnding, vi: vi))
            }
        }

        // Field values: award forms after `Hình thức: `, ratings after `Năm YYYY: `.
        if let colon = prefix[content...].firstIndex(of: ":") {
            let key = Folding.key(prefix[content..<colon].trimmingCharacters(in: "-+ "))
            let after = prefix.index(after: colon)
            let valueStart = offset(skipping(" \t*_", from: after))
            let lead = after == prefix.endIndex ? " " : ""
            let forms = profile.awardForms.map { CompletionCandidate(label: $0.name, kind: 12, otherSpellings: $0.aliases) }
            if key == "hinh thuc" { return CompletionSite(valueStart: valueStart, candidates: forms, lead: lead) }
            if FieldKey.year(after: "nam ", in: key) != nil {
                if inAwardsSection(line, dossier, file.text) { return CompletionSite(valueStart: valueStart, candidates: forms, lead: lead) }
                return CompletionSite(valueStart: valueStart, candidates: profile.ratings.map { rating in
                    CompletionCandidate(label: rating.name, kind: 12, otherSpellings: rating.aliases + rating.abbreviations)
                }, lead: lead)
            }
            if FieldKey.year(after: "khen thuong nam ", in: key) != nil {
                return CompletionSite(valueStart: valueStart, candidates: [CompletionCandidate(label: "Không", kind: 12)] + forms, lead: lead)
            }
        }

        // Registry citations after `Căn cứ`, `theo`, `tại`.
        if let site = citationSite(prefix, offset: offset, profile) { return site }

        // Field keys valid on the line, on a line with no colon yet.
        guard !prefix[content...].contains(":") else { return nil }
        let keys = FieldKey.keys(in: fieldContext(atLine: line, dossier.tree, file.text), years: profile.evaluationYears, excludedYear: profile.excludedYear)
        guard !keys.isEmpty else { return nil }
        return CompletionSite(valueStart: offset(content), candidates: keys.map { key in
            CompletionCandidate(label: key.canonicalSpelling + ": ", kind: 10, otherSpellings: key.alternativeSpellings.map { $0 + ": " })
        })
    }

    /// The registry's documents after the last `Căn cứ`, `theo` or `tại` of the line: the value is the
    /// text from the first word after it from which something matches (a clause may come first).
    /// Only the last 300 characters before the cursor are read: a citation is shorter, and a long line stays cheap.
    func citationSite(_ line: Substring, offset: (String.Index) -> Int, _ profile: Profile) -> CompletionSite? {
        let prefix = line[(line.index(line.endIndex, offsetBy: -300, limitedBy: line.startIndex) ?? line.startIndex)...]
        let candidates = profile.registry.map { document in
            CompletionCandidate(label: "\(document.type) số \(document.number) ngày \(document.date.officialForm) của \(document.issuer)",
                                kind: 18, detail: document.title, otherSpellings: ["\(document.type) \(document.number)"])
        }
        guard !candidates.isEmpty else { return nil }
        // Word starts of the line, and the last one that follows a trigger word.
        var starts: [String.Index] = []
        var previous: Character?
        for index in prefix.indices {
            if let before = previous, before == " " || before == "\t", prefix[index] != " ", prefix[index] != "\t" { starts.append(index) }
            previous = prefix[index]
        }
        if let last = prefix.last, last == " " || last == "\t" { starts.append(prefix.endIndex) }
        guard let trigger = starts.lastIndex(where: { start in
            let before = Folding.key(prefix[..<start])
            return ["can cu", "theo", "tai"].contains { before == $0 || before.hasSuffix(" " + $0) }
        }) else { return nil }
        for start in starts[trigger...] where start == starts[trigger] || start < prefix.endIndex {
            let typed = prefix[start...]
            if candidates.contains(where: { CompletionMatch.best(typed, $0) != nil }) {
                return CompletionSite(valueStart: offset(start), candidates: candidates)
            }
        }
        return nil
    }

    /// `Cá nhân: ` and `Tập thể: `, and for clients that take snippets each with the block's fields.
    func nomineeCandidates(_ profile: Profile, _ lineEnding: LineEnding, vi: Bool) -> [CompletionCandidate] {
        var candidates = NomineeKind.allCases.map { CompletionCandidate(label: $0.canonicalLabel + ": ", kind: 14) }
        for kind in NomineeKind.allCases {
            let keys = FieldKey.keys(in: .nominee, years: profile.evaluationYears, excludedYear: profile.excludedYear)
                .filter { kind == .individual || $0 != .position }
            let name = kind == .individual ? (vi ? "Họ và tên" : "Full name") : (vi ? "Tên tập thể" : "Collective's name")
            var lines = ["\(kind.canonicalLabel): ${1:\(name)}"]
            for (index, key) in keys.enumerated() { lines.append("\(Self.snippetEscaped(key.canonicalSpelling)): $\(index + 2)") }
            candidates.append(CompletionCandidate(label: kind.canonicalLabel + (vi ? ": … (khối đề nghị)" : ": … (nominee block)"), kind: 15,
                                                  detail: keys.map(\.canonicalSpelling).joined(separator: ", "),
                                                  snippet: lines.joined(separator: lineEnding.rawValue) + "$0"))
        }
        return candidates
    }

    /// Text made literal inside a snippet: `\`, `$` and `}` escaped.
    static func snippetEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "$" || character == "}" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Section titles of the part a line is in.
    func sectionCandidates(atLine line: Int, _ dossier: Dossier, _ text: SourceText) -> [CompletionCandidate] {
        switch partKind(atLine: line, dossier.tree, text) {
        case .toTrinh: return [CompletionCandidate(label: "DANH SÁCH ĐỀ NGHỊ", kind: 14)]
        case .bienBan: return [CompletionCandidate(label: "KẾT QUẢ BIỂU QUYẾT", kind: 14)]
        case .report, .unknown:
            let report = dossier.reports.last { text.line(ofByte: dossier.tree.elements[$0.part.heading].range.lowerBound) <= line }
            let kind = report?.nominee.map { dossier.nominees[$0].kind } ?? .individual
            return dossier.profile.reportSections.sections(for: kind).map { section in
                CompletionCandidate(label: (section.numbering.map { "\($0). " } ?? "") + section.title, kind: 14,
                                    otherSpellings: [section.title] + section.aliases)
            }
        }
    }

    /// Names of vote items and report headings that no `###` block declares yet, as messages quote them.
    func undeclaredNames(_ dossier: Dossier) -> [String] {
        var seen = Set(dossier.nominees.map(\.nameKey))
        var names: [String] = []
        for name in dossier.votes.map(\.name) + dossier.reports.map(\.nomineeName) where !name.isEmpty {
            if seen.insert(Folding.name(name)).inserted { names.append(Lookalikes.shownName(name)) }
        }
        return names
    }

    /// Whether a line lies in a report's section of awards already received (whose `Năm YYYY:` items are awards).
    func inAwardsSection(_ line: Int, _ dossier: Dossier, _ text: SourceText) -> Bool {
        let elements = dossier.tree.elements
        guard let report = dossier.reports.last(where: { text.line(ofByte: elements[$0.part.heading].range.lowerBound) <= line }),
              let section = report.sections.last(where: { text.line(ofByte: elements[$0.node.heading].range.lowerBound) <= line }),
              let index = section.profileIndex else { return false }
        let kind = report.nominee.map { dossier.nominees[$0].kind } ?? .individual
        let sections = dossier.profile.reportSections.sections(for: kind)
        return index < sections.count && sections[index].role == "awards"
    }

    /// The part a line belongs to.
    func partKind(atLine line: Int, _ tree: SyntaxTree, _ text: SourceText) -> PartKind {
        tree.parts.last { text.line(ofByte: tree.elements[$0.heading].range.lowerBound) <= line }?.kind ?? .unknown
    }

    /// Which field keys apply on a line: preamble, Tờ trình, a nominee block, or the Biên bản.
    func fieldContext(atLine line: Int, _ tree: SyntaxTree, _ text: SourceText) -> FieldContext {
        guard let part = tree.parts.last(where: { text.line(ofByte: tree.elements[$0.heading].range.lowerBound) <= line }) else {
            return .preamble
        }
        switch part.kind {
        case .bienBan: return .bienBan
        case .toTrinh:
            let blocks = part.blocks + part.sections.flatMap(\.blocks)
            let inBlock = blocks.contains { block in
                let first = text.line(ofByte: tree.elements[block.heading].range.lowerBound)
                let last = text.line(ofByte: max(tree.elements[block.elements.upperBound - 1].range.upperBound - 1, 0))
                return first < line && line <= last
            }
            return inBlock ? .nominee : .toTrinh
        case .report, .unknown: return .none
        }
    }
}
