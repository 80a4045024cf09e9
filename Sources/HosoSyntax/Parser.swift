import HosoText

/// The byte-level `.hoso` parser: classifies each line, then builds the heading hierarchy.
///
/// It never fails: any bytes give a tree whose elements tile the text. It knows the format's
/// vocabulary (part titles, field keys per context) and nothing of any campaign.
public enum Parser {
    /// Parses decoded text into a lossless tree.
    public static func parse(_ text: SourceText) -> SyntaxTree {
        var state = LineClassifier(text: text)
        let elements = state.run()
        return buildTree(text: text, elements: elements, states: state.states,
                         hasUnclosedComment: state.unclosedFromLine != nil)
    }

    /// Parses `text`, a new version of `previous.text`, re-classifying only the lines around the
    /// window where they differ; the other elements are `previous`'s, moved by the edit.
    ///
    /// The result is the tree `parse(text)` gives (a test replays thousands of random edits to
    /// hold it to that). Falls back to a full parse where a comment is involved (an opener or a
    /// comment element near the window, or an unclosed comment anywhere): a comment can swallow
    /// or release any number of lines.
    public static func reparse(_ previous: SyntaxTree, as text: SourceText, change: TextChange) -> (tree: SyntaxTree, reuse: ElementReuse) {
        if let result = incrementalParse(previous, text, change) { return result }
        let tree = parse(text)
        return (tree, ElementReuse(prefixCount: 0, suffixStart: tree.elements.count, oldSuffixStart: previous.elements.count, byteDelta: 0))
    }

    private static func incrementalParse(_ previous: SyntaxTree, _ text: SourceText, _ change: TextChange) -> (tree: SyntaxTree, reuse: ElementReuse)? {
        let old = previous.elements
        guard !previous.hasUnclosedComment, !old.isEmpty, previous.states.count == old.count else { return nil }
        // The first element to classify again holds the byte before the window: its terminator
        // may pair with what was inserted (a CR before an inserted LF).
        let anchor = max(0, change.start - 1)
        let first = old.partitionPoint { $0.range.upperBound > anchor }
        guard first < old.count else { return nil }
        var classifier = LineClassifier(text: text)
        classifier.setState(previous.states[first])
        var fresh: [Element] = []
        var line = text.line(ofByte: old[first].range.lowerBound)
        let lineCount = text.lineCount
        let bytes = text.bytes
        var resume: Int?  // the old element the rest of the tree is taken from
        var oldScan = first  // old elements before it lie before the resume point
        while line < lineCount {
            let content = text.contentRange(ofLine: line)
            let lineStart = content.lowerBound
            // A line wholly past the window: if an old element starts there in the same context,
            // it and everything after it parse as before.
            if lineStart >= change.newEnd {
                let oldStart = lineStart - change.delta
                while oldScan < old.count && old[oldScan].range.lowerBound < oldStart { oldScan += 1 }
                if oldScan < old.count && old[oldScan].range.lowerBound == oldStart && previous.states[oldScan] == classifier.state {
                    resume = oldScan
                    break
                }
            }
            if line == lineCount - 1 && content.isEmpty && line > 0 && content.lowerBound == bytes.count { break }
            let start = classifier.skipSpaces(content.lowerBound, content.upperBound)
            if start == content.upperBound {
                classifier.states.append(classifier.state)
                fresh.append(Element(kind: .blank, range: text.fullRange(ofLine: line), content: content))
                line += 1
                continue
            }
            if classifier.hasPrefix("<!--", at: start, before: content.upperBound) { return nil }
            classifier.states.append(classifier.state)
            fresh.append(classifier.classify(line: line, content: content, start: start))
            line += 1
        }
        let suffixStart = resume ?? old.count
        // A comment among the old elements replaced: it may have held lines that are text now.
        for k in first..<suffixStart where old[k].kind == .comment { return nil }
        var elements = Array(old[0..<first])
        elements.reserveCapacity(first + fresh.count + old.count - suffixStart)
        elements += fresh
        var states = Array(previous.states[0..<first])
        states += classifier.states
        if let resume {
            for k in resume..<old.count { elements.append(old[k].shifted(by: change.delta)) }
            states += previous.states[resume...]
        }
        let tree = buildTree(text: text, elements: elements, states: states, hasUnclosedComment: false)
        return (tree, ElementReuse(prefixCount: first, suffixStart: first + fresh.count, oldSuffixStart: suffixStart,
                                   byteDelta: change.delta))
    }

    /// Convenience for tests and in-memory buffers.
    public static func parse(_ string: String) -> SyntaxTree { parse(SourceText(string)) }

    private static func buildTree(text: SourceText, elements: [Element], states: [UInt8], hasUnclosedComment: Bool) -> SyntaxTree {
        let count = elements.count
        func level(_ i: Int) -> Int {
            switch elements[i].kind {
            case .partHeading: return 1
            case .sectionHeading: return 2
            case .blockHeading: return 3
            default: return 0
            }
        }
        func end(of start: Int, atLevel maxLevel: Int) -> Int {
            var j = start + 1
            while j < count {
                let l = level(j)
                if l != 0 && l <= maxLevel { break }
                j += 1
            }
            return j
        }
        func blocks(in range: Range<Int>) -> [BlockNode] {
            var result: [BlockNode] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if level(i) == 3 {
                    let e = min(end(of: i, atLevel: 3), range.upperBound)
                    result.append(BlockNode(heading: i, elements: i..<e))
                    i = e
                } else {
                    i += 1
                }
            }
            return result
        }
        var firstPart = 0
        while firstPart < count && level(firstPart) != 1 { firstPart += 1 }
        var parts: [PartNode] = []
        var i = firstPart
        while i < count {
            let partEnd = end(of: i, atLevel: 1)
            var sections: [SectionNode] = []
            var firstSection = i + 1
            while firstSection < partEnd && level(firstSection) != 2 { firstSection += 1 }
            var s = firstSection
            while s < partEnd {
                let sectionEnd = end(of: s, atLevel: 2)
                sections.append(SectionNode(heading: s, elements: s..<sectionEnd, blocks: blocks(in: (s + 1)..<sectionEnd)))
                s = sectionEnd
            }
            let kind = elements[i].head.map { text.withKey($0, PartKind.matching(foldedUTF8:)) } ?? .unknown
            parts.append(PartNode(heading: i, kind: kind, elements: i..<partEnd,
                                  sections: sections, blocks: blocks(in: (i + 1)..<firstSection)))
            i = partEnd
        }
        return SyntaxTree(text: text, elements: elements, preamble: 0..<firstPart, parts: parts, states: states,
                          hasUnclosedComment: hasUnclosedComment)
    }
}

/// Walks the lines once, keeping the context (part, nominee block) that decides field keys.
struct LineClassifier {
    let text: SourceText
    let bytes: [UInt8]
    var context: FieldContext = .preamble
    var partContext: FieldContext = .preamble
    var elements: [Element] = []
    /// The context before each element was classified, packed (`state`): where a re-parse starts.
    var states: [UInt8] = []
    /// The first line from which a search for `-->` ran to the end of the file unanswered.
    var unclosedFromLine: Int?

    /// `context` and `partContext` in one byte.
    var state: UInt8 { UInt8(Self.code(context) * 8 + Self.code(partContext)) }

    /// Restores the context a `state` byte records.
    mutating func setState(_ state: UInt8) {
        context = Self.contexts[Int(state / 8)]
        partContext = Self.contexts[Int(state % 8)]
    }

    static let contexts: [FieldContext] = [.preamble, .toTrinh, .nominee, .bienBan, .none]
    static func code(_ context: FieldContext) -> Int {
        switch context {
        case .preamble: return 0
        case .toTrinh: return 1
        case .nominee: return 2
        case .bienBan: return 3
        case .none: return 4
        }
    }

    init(text: SourceText) {
        self.text = text
        self.bytes = text.bytes
    }

    mutating func run() -> [Element] {
        elements.reserveCapacity(text.lineCount)
        var line = 0
        let lineCount = text.lineCount
        while line < lineCount {
            let content = text.contentRange(ofLine: line)
            if line == lineCount - 1 && content.isEmpty && line > 0 && content.lowerBound == bytes.count {
                // The empty "line" after a final terminator belongs to no element.
                break
            }
            let start = skipSpaces(content.lowerBound, content.upperBound)
            states.append(state)
            if start == content.upperBound {
                elements.append(Element(kind: .blank, range: text.fullRange(ofLine: line), content: content))
                line += 1
                continue
            }
            if hasPrefix("<!--", at: start, before: content.upperBound) {
                line = comment(startLine: line, searchFrom: start + 4)
                continue
            }
            elements.append(classify(line: line, content: content, start: start))
            line += 1
        }
        return elements
    }

    /// Appends a comment element running to the line holding `-->` (or this line, if never closed).
    mutating func comment(startLine: Int, searchFrom: Int) -> Int {
        var line = unclosedFromLine.map { startLine >= $0 ? text.lineCount : startLine } ?? startLine
        var from = searchFrom
        while line < text.lineCount {
            let content = text.contentRange(ofLine: line)
            if find("-->", from: max(from, content.lowerBound), before: content.upperBound) != nil {
                let first = text.fullRange(ofLine: startLine).lowerBound
                elements.append(Element(kind: .comment, range: first..<text.fullRange(ofLine: line).upperBound,
                                        content: first..<content.upperBound))
                return line + 1
            }
            line += 1
            from = 0
        }
        // Unclosed: the comment is its own line only, so the rest of the file stays visible.
        // No `-->` lies after this line either, so later openers need not search again.
        unclosedFromLine = min(unclosedFromLine ?? startLine, startLine)
        let content = text.contentRange(ofLine: startLine)
        elements.append(Element(kind: .comment, range: text.fullRange(ofLine: startLine), content: content))
        return startLine + 1
    }

    /// Decides what a line says. A list marker and emphasis in front of it are skipped first
    /// (docs/format.md: they don't change meaning); a known field wins over a place-date line.
    mutating func classify(line: Int, content: Range<Int>, start: Int) -> Element {
        let full = text.fullRange(ofLine: line)
        let end = content.upperBound
        if start - content.lowerBound <= 3 && bytes[start] == 0x23 {
            var hashes = start
            while hashes < end && bytes[hashes] == 0x23 { hashes += 1 }
            let level = hashes - start
            if hashes == end || spaceLength(at: hashes, end) > 0 || startsTitle(at: hashes, end) {
                return heading(level: level, full: full, content: content, marker: start..<hashes)
            }
        }
        var marker: Range<Int>?
        var bodyStart = start
        if let markerEnd = listMarkerEnd(start, end) {
            marker = start..<(markerEnd - spaceLength(before: markerEnd, start))
            bodyStart = skipSpaces(markerEnd, end)
        }
        let said = skipEmphasis(bodyStart, end)
        if context != .none, let field = field(said, end, full: full, content: content, marker: marker) {
            return field
        }
        if let placeDate = placeDate(said, end) {
            return Element(kind: .placeDate, range: full, content: content, marker: marker, placeDate: placeDate)
        }
        if let marker {
            return Element(kind: .listItem, range: full, content: content, marker: marker, head: trim(bodyStart, end))
        }
        return Element(kind: .prose, range: full, content: content)
    }

    mutating func heading(level: Int, full: Range<Int>, content: Range<Int>, marker: Range<Int>) -> Element {
        let end = content.upperBound
        let title = stripEmphasis(marker.upperBound, end)
        switch level {
        case 1:
            let (head, value) = splitAtColon(title)
            let kind = text.withKey(head, PartKind.matching(foldedUTF8:))
            switch kind {
            case .toTrinh: partContext = .toTrinh
            case .bienBan: partContext = .bienBan
            case .report, .unknown: partContext = .none
            }
            context = partContext
            return Element(kind: .partHeading, range: full, content: content, marker: marker, head: head, value: value)
        case 2:
            context = partContext
            var numbering: Range<Int>?
            var titleRange = title
            if let numberEnd = sectionNumberingEnd(title.lowerBound, title.upperBound) {
                numbering = title.lowerBound..<(numberEnd - spaceLength(before: numberEnd, title.lowerBound))
                titleRange = stripEmphasis(numberEnd, title.upperBound)
            }
            return Element(kind: .sectionHeading, range: full, content: content, marker: marker, head: titleRange,
                           numbering: numbering)
        case 3:
            let (head, value) = splitAtColon(title)
            let isNominee = text.withKey(head, NomineeKind.matching(foldedUTF8:)) != nil
            context = partContext == .toTrinh && isNominee ? .nominee : partContext
            return Element(kind: .blockHeading, range: full, content: content, marker: marker, head: head, value: value)
        default:
            let (head, value) = splitAtColon(title)
            if partContext == .toTrinh, text.withKey(head, NomineeKind.matching(foldedUTF8:)) != nil {
                // `#### Cá nhân: …`: a nominee block written too deep is still the nominee's
                // block, so its fields are checked (the semantic layer asks for `###`: HS108).
                context = .nominee
                return Element(kind: .blockHeading, range: full, content: content, marker: marker, head: head, value: value)
            }
            return Element(kind: .minorHeading, range: full, content: content, marker: marker, head: title)
        }
    }

    /// Whether a heading's title starts right after its `#`s with no space (`#TỜ TRÌNH`,
    /// `##**KẾT QUẢ BIỂU QUYẾT**`): a letter, possibly behind emphasis. Such a line is the
    /// heading it was meant to be (the semantic layer asks for the space: HS108); `#5` or
    /// `#!` stays prose.
    func startsTitle(at i: Int, _ end: Int) -> Bool {
        var j = i
        while j < end && ByteClass.isEmphasis(bytes[j]) { j += 1 }
        guard j < end else { return false }
        let b = bytes[j]
        if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        return Unicode.Scalar(UTF8Scalar.decode(bytes, at: j).scalar)?.properties.isAlphabetic == true
    }

    /// A `Key: value` line whose key is known in the current context; emphasis around the key
    /// (`**Chức vụ:**`, `**Chức vụ**:`) and around the value is not part of either.
    ///
    /// In a nominee block, a rating may be written with a dash for its colon (`dashedRating`).
    func field(_ start: Int, _ end: Int, full: Range<Int>, content: Range<Int>, marker: Range<Int>?) -> Element? {
        let limit = min(end, start + 64)
        if let colon = find(":", from: start, before: limit) {
            let key = stripEmphasis(start, colon)
            if !key.isEmpty, let fieldKey = fieldKey(key, in: context) {
                return Element(kind: .field(fieldKey), range: full, content: content, marker: marker, head: key,
                               value: stripEmphasis(colon + 1, end))
            }
        }
        return context == .nominee ? dashedRating(start, end, full: full, content: content, marker: marker) : nil
    }

    /// `FieldKey.matching(folded:in:)` of the key text at `range`. A key whose fold fits a
    /// `ShortKey` is compared as one (no String made): with `fixedKeys`, and in a nominee block
    /// as `nam YYYY`; the only other key, `khen thuong nam YYYY`, is longer and read on its
    /// folded bytes, as is text too long for any key; what is left goes through the String key.
    func fieldKey(_ range: Range<Int>, in context: FieldContext) -> FieldKey? {
        // A key written as the format spells it (most are) is found by its bytes, unfolded.
        if range.count <= 16 {
            let written = bytes.withUnsafeBufferPointer { ShortKey(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
            if let entry = Self.writtenKeys[context].first(where: { $0.key == written }) { return entry.field }
            if context == .nominee, range.count == 9, written.hasPrefix(Self.ratingKeySpelled), let year = Self.year(in: written, from: 5) {
                return .rating(year: year)
            }
        }
        guard range.count <= 16, case let key = text.shortKey(range), key.count <= 16 else {
            // Folded once, into a buffer: `Khen thưởng năm YYYY`, and text longer than every key
            // (most lines with a colon are prose), are told from its bytes without a String.
            return text.withKey(range) { folded -> FieldKey? in
                if folded.count > FieldKey.longestFoldedKey { return nil }
                if context == .nominee, folded.count == 20, folded.starts(with: Self.khenThuongNam.utf8) {
                    var year = 0
                    for b in folded.dropFirst(16) {
                        guard b >= 0x30 && b <= 0x39 else { return nil }
                        year = year * 10 + Int(b - 0x30)
                    }
                    return .priorAwards(year: year)
                }
                return FieldKey.matching(folded: String(decoding: folded, as: UTF8.self), in: context)
            }
        }
        if let entry = Self.fixedKeys[context].first(where: { $0.key == key }) { return entry.field }
        guard context == .nominee, key.count == 8, key.hasPrefix(Self.namSpace), let year = Self.year(in: key, from: 4) else { return nil }
        return .rating(year: year)
    }

    /// The four digits of `key` from byte `start` as a year, if they are digits.
    static func year(in key: ShortKey, from start: Int) -> Int? {
        var year = 0
        for k in start..<(start + 4) {
            let b = key.byte(k)
            guard b >= 0x30 && b <= 0x39 else { return nil }
            year = year * 10 + Int(b - 0x30)
        }
        return year
    }

    /// The folded start of a prior award's key (sixteen bytes; four digits follow).
    static let khenThuongNam = "khen thuong nam "

    /// `nam ` folded, the start of a rating's key; `Năm ` as the format writes it.
    static let namSpace = ShortKey("nam "), ratingKeySpelled = ShortKey("Năm ")

    /// The keys with no year in them, one table per context, by their folded spellings (canonical
    /// and alternative): what `FieldKey.matching(folded:in:)` names without a year.
    static let fixedKeys: FixedKeys = {
        func table(_ context: FieldContext) -> [(key: ShortKey, field: FieldKey)] {
            var table: [(key: ShortKey, field: FieldKey)] = []
            for field in FieldKey.keys(in: context, years: [], excludedYear: 0) {
                for spelling in [field.canonicalSpelling] + field.alternativeSpellings {
                    let folded = Folding.key(spelling)
                    if FieldKey.matching(folded: folded, in: context) == field { table.append((ShortKey(folded), field)) }
                }
            }
            return table
        }
        return FixedKeys(preamble: table(.preamble), toTrinh: table(.toTrinh), nominee: table(.nominee), bienBan: table(.bienBan))
    }()

    /// The keys with no year in them as written (canonical and alternative spellings, not
    /// folded), per context: what `fixedKeys` finds for exactly these bytes.
    static let writtenKeys: FixedKeys = {
        func table(_ context: FieldContext) -> [(key: ShortKey, field: FieldKey)] {
            var table: [(key: ShortKey, field: FieldKey)] = []
            for field in FieldKey.keys(in: context, years: [], excludedYear: 0) {
                for spelling in [field.canonicalSpelling] + field.alternativeSpellings where spelling.utf8.count <= 16 {
                    if FieldKey.matching(folded: Folding.key(spelling), in: context) == field { table.append((ShortKey(spelling), field)) }
                }
            }
            return table
        }
        return FixedKeys(preamble: table(.preamble), toTrinh: table(.toTrinh), nominee: table(.nominee), bienBan: table(.bienBan))
    }()

    /// `fixedKeys`' tables: a line's key is looked up among its own context's keys only.
    struct FixedKeys {
        let preamble, toTrinh, nominee, bienBan: [(key: ShortKey, field: FieldKey)]

        /// The table of `context` (none outside the parts that have fields).
        subscript(context: FieldContext) -> [(key: ShortKey, field: FieldKey)] {
            switch context {
            case .preamble: preamble
            case .toTrinh: toTrinh
            case .nominee: nominee
            case .bienBan: bienBan
            case .none: []
            }
        }
    }

    /// `Năm 2019 - Hoàn thành tốt nhiệm vụ`: a nominee's rating written, as in Word, with a dash
    /// (`-`, `–`, `—`, any `ByteClass.dashLookalikeLength` dash) where the colon goes. It is the
    /// `Năm 2019` field (the semantic layer asks for the colon: HS108). The key must be a rating
    /// year and nothing else; a digit after the dash (`Năm 2019 - 2021`) is a span of years.
    func dashedRating(_ start: Int, _ end: Int, full: Range<Int>, content: Range<Int>, marker: Range<Int>?) -> Element? {
        let limit = min(end, start + 40)  // `**Năm 2019**` and its spaces fit in 40 bytes
        var i = start
        while i < limit {
            let b = bytes[i]
            let n = b == 0x2D ? 1 : b == 0xE2 || b == 0xEF ? ByteClass.dashLookalikeLength(bytes, at: i, end: end) : 0
            guard n > 0 else { i += 1; continue }
            let key = stripEmphasis(start, i)
            guard !key.isEmpty, case .rating(let year)? = fieldKey(key, in: .nominee) else { return nil }
            let value = stripEmphasis(i + n, end)
            if !value.isEmpty && bytes[value.lowerBound] >= 0x30 && bytes[value.lowerBound] <= 0x39 { return nil }
            return Element(kind: .field(.rating(year: year)), range: full, content: content, marker: marker, head: key, value: value)
        }
        return nil
    }

    /// `PLACE, ngày D tháng M năm YYYY` (numbers may be blank; emphasis around it is ignored).
    func placeDate(_ start: Int, _ end: Int) -> PlaceDateSyntax? {
        guard let comma = find(",", from: start, before: min(end, start + 120)) else { return nil }
        let place = stripEmphasis(start, comma)
        guard !place.isEmpty else { return nil }
        var tokens: [Range<Int>] = []
        var i = comma + 1
        while i < end {
            i = skipSpaces(i, end)
            if i >= end { break }
            var j = i
            while j < end && spaceLength(at: j, end) == 0 { j += 1 }
            var a = i
            while a < j && ByteClass.isEmphasis(bytes[a]) { a += 1 }
            // Emphasis, dots and any punctuation after the date are not part of it.
            let b = ByteClass.endWithoutClosingPunctuation(bytes, a..<j)
            if a < b {
                // The first word must be `ngày`: most lines with a comma are prose, given up here,
                // most by their first byte (an ASCII one folds to itself lowercased).
                if tokens.isEmpty && (bytes[a] < 0x80 && bytes[a] | 0x20 != 0x6E || !spells(a..<b, .day)) {
                    return nil
                }
                if tokens.isEmpty { tokens.reserveCapacity(8) }  // a date is at most 7 words: room made once
                tokens.append(a..<b)
            }
            i = j
            if tokens.count > 7 { return nil }
        }
        var index = 0
        func word(_ dateWord: DateWord) -> Range<Int>? {
            guard index < tokens.count, index == 0 || spells(tokens[index], dateWord) else { return nil }
            index += 1
            return tokens[index - 1]
        }
        func number() -> Range<Int> {
            if index < tokens.count, isPlaceholder(tokens[index]) {
                index += 1
                return tokens[index - 1].lowerBound..<tokens[index - 1].lowerBound
            }
            guard index < tokens.count, bytes[tokens[index]].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                let at = index < tokens.count ? tokens[index].lowerBound : (index > 0 ? tokens[index - 1].upperBound : end)
                return at..<at
            }
            index += 1
            return tokens[index - 1]
        }
        guard let ngay = word(.day) else { return nil }  // the first token, `ngày` (above)
        let day = number()
        guard word(.month) != nil else { return nil }
        let month = number()
        guard word(.year) != nil else { return nil }
        let year = number()
        guard index == tokens.count else { return nil }
        let dateEnd = max(year.upperBound, tokens[index - 1].upperBound)
        return PlaceDateSyntax(place: place, date: ngay.lowerBound..<dateEnd, day: day, month: month, year: year)
    }

    /// Whether the word at `range` is `dateWord`.
    func spells(_ range: Range<Int>, _ dateWord: DateWord) -> Bool {
        bytes.withUnsafeBufferPointer { dateWord.isSpelled(by: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether a token is only placeholder dots (`...`, `……`: U+2026 is E2 80 A6).
    func isPlaceholder(_ token: Range<Int>) -> Bool {
        var i = token.lowerBound
        while i < token.upperBound {
            if bytes[i] == 0x2E { i += 1; continue }
            guard i + 2 < token.upperBound, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 else { return false }
            i += 3
        }
        return true
    }

    /// Where a list marker (`- `, `* `, `+ `, `1. `, `1) `, `a) `) and its space end, if the line has one.
    ///
    /// The bullets Word pastes (`• `, `– `, `▪ ` …, `ByteClass.bulletLength`) are list markers too,
    /// so an item reads the same whatever its bullet; the semantic layer asks for `- ` (HS108).
    func listMarkerEnd(_ start: Int, _ end: Int) -> Int? {
        func spaceAfter(_ i: Int) -> Int? {
            if i == end { return i }
            let n = spaceLength(at: i, end)
            return n > 0 ? i + n : nil
        }
        let b = bytes[start]
        if b == 0x2D || b == 0x2A || b == 0x2B { return spaceAfter(start + 1) }
        if b >= 0xC2, case let n = ByteClass.bulletLength(bytes, at: start, end: end), n > 0 {
            // A bullet needs a space after it, as `-` does: `–2025` or `•text` stays what it says.
            guard start + n < end else { return nil }
            return spaceAfter(start + n)
        }
        var i = start
        while i < end && i - start < 3 && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        if i > start && i < end && (bytes[i] == 0x2E || bytes[i] == 0x29) { return spaceAfter(i + 1) }
        if b >= 0x61 && b <= 0x7A && start + 1 < end && bytes[start + 1] == 0x29 { return spaceAfter(start + 2) }
        if hasPrefix("đ)", at: start, before: end) { return spaceAfter(start + 3) }
        return nil
    }

    /// Where a Roman or Arabic section number with its `.` or `)` ends (`II.`, `3.`).
    func sectionNumberingEnd(_ start: Int, _ end: Int) -> Int? {
        var i = start
        /// I, V, X, L, C.
        func isRoman(_ b: UInt8) -> Bool { b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43 }
        if i < end && isRoman(bytes[i]) {
            while i < end && isRoman(bytes[i]) { i += 1 }
        } else {
            while i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        }
        guard i > start, i < end, bytes[i] == 0x2E || bytes[i] == 0x29 else { return nil }
        var after = i + 1
        while after < end && ByteClass.isEmphasis(bytes[after]) { after += 1 }  // `**II.** THÀNH TÍCH`
        guard after == end || spaceLength(at: after, end) > 0 else { return nil }
        return after
    }

    /// Splits a heading title at its first colon into a trimmed title and a trimmed argument.
    func splitAtColon(_ title: Range<Int>) -> (Range<Int>, Range<Int>?) {
        guard let colon = find(":", from: title.lowerBound, before: title.upperBound) else { return (title, nil) }
        return (stripEmphasis(title.lowerBound, colon), stripEmphasis(colon + 1, title.upperBound))
    }

    /// The length of a space (Unicode spaces included) at `i`, or 0.
    func spaceLength(at i: Int, _ end: Int) -> Int { ByteClass.spaceLength(bytes, at: i, end: end) }

    /// The length of a space ending just before `i`, not reaching below `start`, or 0.
    func spaceLength(before i: Int, _ start: Int) -> Int { ByteClass.spaceLength(bytes, before: i, start: start) }

    func skipSpaces(_ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 { i += 1; continue }
            // Only C2, E2 and E3 lead a Unicode space: any other byte ends the spaces unread.
            guard b == 0xC2 || b == 0xE2 || b == 0xE3 else { break }
            let n = spaceLength(at: i, end)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// Past the spaces and emphasis delimiters (`*`, `_`) at `from`.
    func skipEmphasis(_ from: Int, _ end: Int) -> Int {
        var i = skipSpaces(from, end)
        while i < end && ByteClass.isEmphasis(bytes[i]) { i = skipSpaces(i + 1, end) }
        return i
    }

    /// The range without spaces (Unicode spaces included) at either end.
    func trim(_ start: Int, _ end: Int) -> Range<Int> {
        let a = skipSpaces(start, end)
        var b = end
        while true {
            let n = spaceLength(before: b, a)
            if n == 0 { break }
            b -= n
        }
        return a..<b
    }

    /// The range without spaces and emphasis delimiters at either end (`**II. THÀNH TÍCH**`).
    func stripEmphasis(_ start: Int, _ end: Int) -> Range<Int> {
        let a = skipEmphasis(start, end)
        var b = trim(a, end).upperBound
        while b > a && ByteClass.isEmphasis(bytes[b - 1]) { b = trim(a, b - 1).upperBound }
        return a..<b
    }

    func hasPrefix(_ prefix: StaticString, at start: Int, before end: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard start + n <= end else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where bytes[start + k] != p[k] { return false }
        return true
    }

    func find(_ needle: StaticString, from start: Int, before end: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let first = needle.utf8Start[0]
        if n == 1 {  // `:` and `,`: eight bytes at a time
            guard start < end else { return nil }
            let found = bytes.withUnsafeBufferPointer {
                ByteScan.firstCandidate($0, from: start, to: end, word: { ByteScan.equal($0, first) }, byte: { $0 == first })
            }
            return found < end ? found : nil
        }
        var i = start
        while i + n <= end {
            if bytes[i] == first && hasPrefix(needle, at: i, before: end) { return i }
            i += 1
        }
        return nil
    }
}
