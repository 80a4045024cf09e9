import HosoSyntax
import HosoText

/// A document type a citation can name, with its symbol code (`Kế hoạch` → `KH`).
///
/// A type is its index in a fixed table, so a citation carries one number, not five strings
/// (an editor's keystroke copies every citation of a long dossier).
public struct DocumentType: Sendable, Equatable {
    /// Its place in `all`.
    public let index: Int

    /// What the table holds for a type (a class: reading one of its names does not copy the others).
    final class Entry: Sendable {
        let name: String
        let code: String?
        let shortForm: String?
        let key: String
        let codePrefix: String?

        init(_ name: String, code: String?, shortForm: String?) {
            self.name = name
            self.code = code
            self.shortForm = shortForm
            key = Folding.key(name)
            codePrefix = code.map(DocumentNumber.firstSegment)
        }
    }

    /// The types docs/format.md lists ("Citations").
    static let table: [Entry] = [
        Entry("Luật", code: nil, shortForm: nil),
        Entry("Nghị định", code: "NĐ-CP", shortForm: "NĐ"),
        Entry("Nghị quyết", code: "NQ", shortForm: "NQ"),
        Entry("Quyết định", code: "QĐ", shortForm: "QĐ"),
        Entry("Thông tư", code: "TT", shortForm: "TT"),
        Entry("Chỉ thị", code: "CT", shortForm: "CT"),
        Entry("Kế hoạch", code: "KH", shortForm: "KH"),
        Entry("Hướng dẫn", code: "HD", shortForm: "HD"),
        Entry("Công văn", code: nil, shortForm: nil),
        Entry("Tờ trình", code: "TTr", shortForm: "TTr"),
        Entry("Thông báo", code: "TB", shortForm: nil),
        Entry("Báo cáo", code: "BC", shortForm: "BC"),
    ]

    public var name: String { Self.table[index].name }
    /// The code in a number/symbol (`179/KH-UBND`); nil where symbols carry none (Luật, Công văn).
    public var code: String? { Self.table[index].code }
    /// The short form written before a number (`KH 179`).
    public var shortForm: String? { Self.table[index].shortForm }
    /// The name folded (`ke hoach`), for lookups.
    public var key: String { Self.table[index].key }
    /// The first segment of `code` (`NĐ` of `NĐ-CP`): what a number's `typeCode` must be.
    public var codePrefix: String? { Self.table[index].codePrefix }

    /// Every type, in the table's order.
    public static let all: [DocumentType] = table.indices.map { DocumentType(index: $0) }

    /// The type whose full name folds to `folded` (a registry entry's type).
    static func named(folded: String) -> DocumentType? { all.first { $0.key == folded } }

    /// The folded names of `all`, in its order, for `named(key:)`.
    private static let foldedNames: [ShortKey] = all.map { ShortKey($0.key) }
    private static let byShortForm: [String: DocumentType] = {
        var table: [String: DocumentType] = [:]
        for type in all { if let short = type.shortForm { table[short] = type } }
        table["ND"] = table["NĐ"]
        table["QD"] = table["QĐ"]
        return table
    }()

    /// The type whose full name folds to `key` (one or two words).
    static func named(key: ShortKey) -> DocumentType? {
        foldedNames.firstIndex(of: key).map { all[$0] }
    }

    /// The first words of the two-word names (`ke` of `ke hoach`): a word without a space that
    /// is none of them starts no two-word name, and the scan need not look the pair up.
    static let firstWords: [ShortKey] = all.compactMap { type in
        type.key.firstIndex(of: " ").map { ShortKey(String(type.key[..<$0])) }
    }

    /// The short forms as bytes, with their types (`ND` and `QD` too, for `NĐ` and `QĐ`).
    private static let shortForms: [(form: ShortKey, type: DocumentType)] = byShortForm.map { (ShortKey($0.key), $0.value) }

    /// The longest short form, in bytes.
    static let shortFormLimit = 4

    /// The type whose short form is exactly `token` (short forms are written in capitals).
    static func short(_ token: String) -> DocumentType? {
        token.utf8.count <= shortFormLimit ? byShortForm[token] : nil
    }

    /// `short` of a word's bytes: compared as bytes when they are a short form's or ASCII (where
    /// String equality is byte equality); any other word goes through `short` and its String
    /// equality, which holds canonically equivalent spellings (a Kelvin sign for K) equal.
    static func short(bytes: UnsafeBufferPointer<UInt8>) -> DocumentType? {
        guard bytes.count <= shortFormLimit else { return nil }
        let key = ShortKey(bytes: bytes)
        if let entry = shortForms.first(where: { $0.form == key }) { return entry.type }
        // Other bytes name a short form only through a canonically equivalent letter, and the one
        // scalar equivalent to a letter of the short forms is the Kelvin sign (U+212A, E2 84 AA).
        guard bytes.contains(0xE2) else { return nil }
        return short(String(decoding: bytes, as: UTF8.self))
    }
}

/// A document number and symbol (`179/KH-UBND`, `91/2017/NĐ-CP`, `/TTr-TCHCQT`).
///
/// Word's dashes in a symbol (`179/KH–UBND` with an en dash, `KH‑UBND` with a non-breaking
/// hyphen) are read as `-`, so the number means what it says; `lookalikeDashes` keeps where
/// they were, for the finding that asks for `-` (HS308, HS404).
public struct DocumentNumber: Sendable, Equatable {
    /// As written, trimmed of trailing punctuation, with look-alike dashes read as `-`.
    public let raw: String
    /// The serial number; nil when left blank before registration.
    public let serial: Int?
    /// The year part of normative documents (`2017` in `91/2017/NĐ-CP`).
    public let year: Int?
    /// The symbol after the number(s): `KH-UBND`, `NĐ-CP`; nil for a bare number.
    public let symbol: String?
    /// How many bytes the number takes as written (more than `raw` has when a dash was Word's).
    public let writtenLength: Int
    /// Where a dash that only looks like `-` stands (`ByteClass.dashLookalikeLength`), as byte
    /// ranges from the start of the number as written; empty nearly always.
    public let lookalikeDashes: [Range<Int>]

    /// A number as parsed; written as `raw` (same length, no look-alike dashes) unless told otherwise.
    init(raw: String, serial: Int?, year: Int?, symbol: String?, writtenLength: Int? = nil, lookalikeDashes: [Range<Int>] = []) {
        self.raw = raw
        self.serial = serial
        self.year = year
        self.symbol = symbol
        self.writtenLength = writtenLength ?? raw.utf8.count
        self.lookalikeDashes = lookalikeDashes
    }

    /// The type code: the symbol's first segment (`KH`), or `NĐ-CP`-style for decrees.
    public var typeCode: String? {
        symbol.map(Self.firstSegment)
    }

    /// What comes before the first `-` (all of `text` when it has none).
    static func firstSegment(_ text: String) -> String {
        // On bytes when the Characters surely split there too: every scalar before the `-` below
        // U+0600 (no prepending marks) and an ASCII byte or nothing after it (no mark joining it).
        let utf8 = text.utf8
        if let dash = utf8.firstIndex(of: 0x2D), utf8[..<dash].allSatisfy({ $0 < 0xD8 }) {
            let next = utf8.index(after: dash)
            if next == utf8.endIndex || utf8[next] < 0x80 { return String(text[..<dash]) }
        } else if !utf8.contains(0x2D) {
            return text
        }
        return String(text[..<(text.firstIndex(of: "-") ?? text.endIndex)])
    }

    /// How many of `bytes` remain without trailing `;,.:)` (ASCII, so on bytes).
    static func lengthWithoutTrailingPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = bytes.count
        while n > 0, [0x3B, 0x2C, 0x2E, 0x3A, 0x29].contains(bytes[n - 1]) { n -= 1 }
        return n
    }

    /// The issuer code: what follows the type code (`UBND`, `VPUB`, `CP`).
    public var issuerCode: String? {
        guard let symbol, let dash = symbol.firstIndex(of: "-") else { return nil }
        return String(symbol[symbol.index(after: dash)...])
    }

    /// Parses `N[/YYYY][/SYMBOL]` or `/SYMBOL`; nil when the text is not shaped like a number.
    public static func parse(_ text: String) -> DocumentNumber? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// `parse` on UTF-8 bytes: trailing `;,.:)` dropped, at most three `/`-separated pieces;
    /// look-alike dashes are read as `-` (and remembered).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> DocumentNumber? {
        let end = lengthWithoutTrailingPunctuation(bytes)
        var dashes: [Range<Int>] = []
        var i = 0
        while i < end {
            let n = bytes[i] >= 0xE2 ? ByteClass.dashLookalikeLength(bytes, at: i, end: end) : 0
            if n > 0 { dashes.append(i..<(i + n)); i += n } else { i += 1 }
        }
        guard !dashes.isEmpty else { return parse(normalized: bytes, end: end, writtenLength: end, dashes: []) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(end)
        var from = 0
        for dash in dashes {
            normalized += UnsafeBufferPointer(rebasing: bytes[from..<dash.lowerBound])
            normalized.append(0x2D)
            from = dash.upperBound
        }
        normalized += UnsafeBufferPointer(rebasing: bytes[from..<end])
        return normalized.withUnsafeBufferPointer { parse(normalized: $0, end: $0.count, writtenLength: end, dashes: dashes) }
    }

    /// `parse` on bytes whose dashes are all `-`, up to `end`.
    private static func parse(normalized bytes: UnsafeBufferPointer<UInt8>, end: Int, writtenLength: Int,
                              dashes: [Range<Int>]) -> DocumentNumber? {
        // At most two slashes, kept in two locals (no array: this runs for every number cited).
        var slashCount = 0, firstSlash = 0, secondSlash = 0
        for i in 0..<end where bytes[i] == 0x2F {
            guard slashCount < 2 else { return nil }
            if slashCount == 0 { firstSlash = i } else { secondSlash = i }
            slashCount += 1
        }
        let pieceCount = slashCount + 1
        func pieceEnd(_ k: Int) -> Int { k >= slashCount ? end : k == 0 ? firstSlash : secondSlash }
        func piece(_ k: Int) -> Range<Int> { (k == 0 ? 0 : pieceEnd(k - 1) + 1)..<pieceEnd(k) }
        func isDigits(_ r: Range<Int>) -> Bool { r.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        /// The value of a run of digits; nil when empty or too long for an Int.
        func value(_ r: Range<Int>) -> Int? {
            guard !r.isEmpty, r.count <= 18 else { return nil }
            return r.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
        }
        /// Whether `r` is only dots, ellipses (U+2026), underscores and spaces, with at least one mark.
        func isPlaceholder(_ r: Range<Int>) -> Bool {
            guard slashCount > 0 else { return false }
            var i = r.lowerBound, marks = 0
            while i < r.upperBound {
                switch bytes[i] {
                case 0x2E, 0x5F: marks += 1; i += 1
                case 0x20: i += 1
                case 0xE2 where i + 2 < r.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6: marks += 1; i += 3
                default: return false
                }
            }
            return marks > 0
        }
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
        // A placeholder number (`....../TTr-X`, `…/TTr-X`, `___/TTr-X`) is a blank one.
        let first = isPlaceholder(piece(0)) ? piece(0).lowerBound..<piece(0).lowerBound : piece(0)
        guard isDigits(first) else { return nil }
        let serial = value(first)
        if !first.isEmpty && serial == nil { return nil }
        let raw = string(0..<end)
        if pieceCount == 1 {
            return serial == nil ? nil : DocumentNumber(raw: raw, serial: serial, year: nil, symbol: nil, writtenLength: writtenLength,
                                                        lookalikeDashes: dashes)
        }
        var year: Int?
        var symbolIndex = 1
        if piece(1).count == 4, isDigits(piece(1)) {
            year = value(piece(1))
            symbolIndex = 2
        }
        var symbol: String?
        if symbolIndex < pieceCount {
            let r = piece(symbolIndex)
            guard !r.isEmpty else { return nil }
            let lead = bytes[r.lowerBound]
            if lead < 0x80 {
                guard (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A else { return nil }
                symbol = string(r)
            } else {
                let text = string(r)
                guard text.first?.isLetter == true else { return nil }
                symbol = text
            }
        }
        if serial == nil && symbol == nil { return nil }
        return DocumentNumber(raw: raw, serial: serial, year: year, symbol: symbol, writtenLength: writtenLength, lookalikeDashes: dashes)
    }
}

/// A criteria clause in front of a citation: `điểm 2.2 khoản 2 Mục II`.
public struct CriteriaClause: Sendable, Equatable {
    public let range: Range<Int>
    public let point: String?
    public let clause: String?
    public let section: String?

    /// The clause as the profile writes it (`điểm 2.2 khoản 2 Mục II`).
    public var text: String {
        [point.map { "điểm \($0)" }, clause.map { "khoản \($0)" }, section.map { "Mục \($0)" }].compactMap { $0 }
            .joined(separator: " ")
    }
}

/// A citation of a legal or administrative document (docs/format.md, "Citations").
public struct Citation: Sendable {
    /// Basis citations are checked against the registry; evidence ones only for shape and date.
    public enum Role: String, Sendable { case basis, evidence }

    // Kept compact (offsets in 32 bits, the texts out of line): an editor holds every citation
    // of every open dossier, a long report has one on most lines, and the rules that walk them
    // copy each; a copy retains one box, not every string.
    private var elementIndex: Int32
    private var start: UInt32, end: UInt32
    private var typeStart: UInt32, typeEnd: UInt32
    /// `UInt32.max` as the start: no number range.
    private var numberStart: UInt32, numberEnd: UInt32
    @usableFromInline var texts: CitationTexts

    public var element: Int { Int(elementIndex) }
    /// From the clause (if any) to the end of the issuer (or of the last piece found).
    public var range: Range<Int> { Int(start)..<Int(end) }
    public let type: DocumentType
    public var typeRange: Range<Int> { Int(typeStart)..<Int(typeEnd) }
    /// Written as a short form (`KH 179`).
    public let isShortForm: Bool
    @inlinable public var number: DocumentNumber? { texts.number }
    public var numberRange: Range<Int>? { numberStart == .max ? nil : Int(numberStart)..<Int(numberEnd) }
    public private(set) var date: DateMention?
    @inlinable public var issuer: String? { texts.issuer }
    @inlinable public var clause: CriteriaClause? { texts.clause }
    public let role: Role
    /// The form written on the citation's line (`Mẫu số 07`, `Mẫu số 01`), as `Mẫu số` and its number.
    @inlinable public var form: String? { texts.form }

    init(element: Int, range: Range<Int>, type: DocumentType, typeRange: Range<Int>, isShortForm: Bool,
         number: DocumentNumber?, numberRange: Range<Int>?, date: DateMention?, issuer: String?,
         clause: CriteriaClause?, role: Role, form: String?) {
        elementIndex = Int32(element)
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        self.type = type
        typeStart = UInt32(typeRange.lowerBound)
        typeEnd = UInt32(typeRange.upperBound)
        self.isShortForm = isShortForm
        numberStart = numberRange.map { UInt32($0.lowerBound) } ?? .max
        numberEnd = numberRange.map { UInt32($0.upperBound) } ?? .max
        self.date = date
        texts = CitationTexts(number: number, issuer: issuer, form: form, clause: clause)
        self.role = role
    }

    /// Moves the citation `delta` bytes further on and `elementDelta` elements further down (an
    /// edit before it), in place: a keystroke moves every citation after it.
    mutating func shift(bytes delta: Int, elements elementDelta: Int) {
        func move(_ offset: UInt32) -> UInt32 { UInt32(Int(offset) + delta) }
        elementIndex += Int32(elementDelta)
        start = move(start)
        end = move(end)
        typeStart = move(typeStart)
        typeEnd = move(typeEnd)
        if numberStart != .max {
            numberStart = move(numberStart)
            numberEnd = move(numberEnd)
        }
        if date != nil { date!.shift(by: delta) }
        if let clause = texts.clause {  // the one text with a position in it (few citations have one)
            texts = CitationTexts(number: texts.number, issuer: texts.issuer, form: texts.form,
                                  clause: CriteriaClause(range: clause.range.shifted(by: delta), point: clause.point,
                                                         clause: clause.clause, section: clause.section))
        }
    }
}

/// A citation's texts, held once and shared by its copies (immutable; a moved clause is a new box).
@usableFromInline final class CitationTexts: Sendable {
    @usableFromInline let number: DocumentNumber?
    @usableFromInline let issuer: String?
    @usableFromInline let form: String?
    /// Out of line again: few citations have one, and an editor holds every citation open.
    @usableFromInline let clauseBox: ClauseBox?
    @inlinable var clause: CriteriaClause? { clauseBox?.clause }

    init(number: DocumentNumber?, issuer: String?, form: String?, clause: CriteriaClause?) {
        self.number = number
        self.issuer = issuer
        self.form = form
        clauseBox = clause.map(ClauseBox.init)
    }
}

/// A criteria clause out of line.
@usableFromInline final class ClauseBox: Sendable {
    @usableFromInline let clause: CriteriaClause
    init(_ clause: CriteriaClause) { self.clause = clause }
}

/// Recognizes citations in the prose and field values of a tree.
enum CitationScanner {
    /// A whitespace-separated word of one line, as a byte range; its text and folded key are
    /// made only when asked for, since most words of prose are never looked at.
    struct Token {
        let range: Range<Int>
        let firstByte: UInt8
        var startsWithDigit: Bool { firstByte >= 0x30 && firstByte <= 0x39 }
    }

    /// The words of one line and the source they come from.
    struct Words {
        let tokens: [Token]
        let source: SourceText
        var count: Int { tokens.count }
        subscript(k: Int) -> Token { tokens[k] }
        func text(_ k: Int) -> String { source.string(tokens[k].range) }
        /// Keywords are short words; long tokens and numbers are never keywords (folded to "").
        func folded(_ k: Int) -> ShortKey {
            tokens[k].range.count <= 16 && !tokens[k].startsWithDigit ? source.shortKey(tokens[k].range) : .empty
        }
        /// Calls `body` with the bytes of word `k`.
        func withBytes<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[tokens[k].range])) }
        }
        /// Whether word `k` begins with an ASCII digit that is a Character of its own (what
        /// `text(k).first?.isASCIIDigit` says): a digit followed by an ASCII byte or nothing
        /// surely is; otherwise the Character decides (a combining mark joins the digit).
        func startsWithASCIIDigitCharacter(_ k: Int) -> Bool {
            let token = tokens[k]
            guard token.startsWithDigit else { return false }
            if token.range.count == 1 || source.bytes[token.range.lowerBound + 1] < 0x80 { return true }
            return text(k).first?.isASCIIDigit == true
        }
        /// Whether word `k` starts a number (or a blank number, `/KH-…`).
        func startsNumber(_ k: Int) -> Bool { tokens[k].startsWithDigit || tokens[k].firstByte == 0x2F }
    }

    /// Cheap prefilter: a line with no digit holds no citation.
    static func mayHoldCitation(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        // A byte XOR 0x30 is below 10 exactly when it is a digit.
        bytes.withUnsafeBufferPointer {
            ByteScan.firstCandidate($0, from: range.lowerBound, to: range.upperBound, word: { ByteScan.below($0 ^ ByteScan.broadcast(0x30), 0x0A) },
                                    byte: { $0 >= 0x30 && $0 <= 0x39 }) < range.upperBound
        }
    }

    /// The words of `range`, found into `tokens` (emptied first, its capacity kept).
    static func tokens(_ range: Range<Int>, _ text: SourceText, into tokens: inout [Token]) -> Words {
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(range.count / 5)
        text.bytes.withUnsafeBufferPointer { bytes in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                while i < end, case let n = ByteClass.spaceLength(bytes, at: i, end: end), n > 0 { i += n }
                let s = i
                // A word runs to a space: tab, space, or C2, E2 and E3 when `ByteClass.spaceLength`
                // says so. Those bytes and the controls are found eight at a time (a word of
                // Vietnamese is a few letters, so mostly in the first word read).
                while true {
                    i = ByteScan.firstCandidate(bytes, from: i, to: end, word: { x in
                        ByteScan.below(x, 0x21) | ByteScan.equal(x, 0xC2) | ByteScan.equal(x | ByteScan.broadcast(0x01), 0xE3)
                    }, byte: { $0 < 0x21 || $0 == 0xC2 || $0 | 0x01 == 0xE3 })
                    guard i < end else { break }
                    let b = bytes[i]
                    if b == 0x20 || b == 0x09 || b >= 0xC2 && ByteClass.spaceLength(bytes, at: i, end: end) > 0 { break }
                    i += 1
                }
                guard i > s else { continue }
                // Emphasis, brackets and quotes around a word are not part of it (“ ” are E2 80 9C/9D);
                // most words start with a letter or digit and end with neither, and skip both loops.
                var a = s, b = i
                let first = bytes[a], last = bytes[b - 1]
                if first >= 0x30 && first != 0x5F && first != 0xE2 && last != 0x2A && last != 0x5F && last != 0x22 && last != 0x9D {
                    tokens.append(Token(range: a..<b, firstByte: first))
                    continue
                }
                while a < b {
                    if bytes[a] == 0x2A || bytes[a] == 0x5F || bytes[a] == 0x28 || bytes[a] == 0x22 { a += 1; continue }
                    if a + 2 < b, bytes[a] == 0xE2, bytes[a + 1] == 0x80, bytes[a + 2] == 0x9C { a += 3; continue }
                    break
                }
                while b > a {
                    if bytes[b - 1] == 0x2A || bytes[b - 1] == 0x5F || bytes[b - 1] == 0x22 { b -= 1; continue }
                    if b - 3 >= a, bytes[b - 3] == 0xE2, bytes[b - 2] == 0x80, bytes[b - 1] == 0x9D { b -= 3; continue }
                    break
                }
                guard a < b else { continue }
                tokens.append(Token(range: a..<b, firstByte: bytes[a]))
            }
        }
        return Words(tokens: tokens, source: text)
    }

    /// Appends the citations among the words of `range`, a part of element `element`, to `result`.
    static func citations(in range: Range<Int>, element: Int, tree: SyntaxTree, words: inout [Token], into result: inout [Citation]) {
        let text = tree.text
        let tokens = tokens(range, text, into: &words)
        guard tokens.count > 0 else { return }
        // What the line says of all its citations, read once the first is found (most lines with
        // a digit cite nothing).
        var line: (isBasis: Bool, form: String?)?
        func lineFacts() -> (isBasis: Bool, form: String?) {
            if let line { return line }
            // A basis sentence opens with "Căn cứ" or "Thực hiện" (docs/format.md, "Recognition").
            // Its first word is folded once, and only when it may be one of the two (an ASCII
            // first byte folds to itself lowercased: c or t).
            let opening = tokens.count >= 2 && (tokens[0].firstByte >= 0x80 || tokens[0].firstByte | 0x20 == 0x63
                || tokens[0].firstByte | 0x20 == 0x74) ? tokens.folded(0) : .empty
            let isBasis = opening == Keyword.can && tokens.folded(1).hasPrefix(Keyword.cu)
                || opening == Keyword.thuc && tokens.folded(1) == Keyword.hien
            // "Mẫu số NN": a word of 3–8 bytes (NFD included) starting with m/M (cheap tests before
            // folding), then `số` and a number. Folded, "mẫu sổ" (a logbook's form, as in an
            // initiative's name) is "mau so" too: the number tells the form from it.
            let formAt = (0..<max(0, tokens.count - 2)).first {
                tokens[$0].firstByte | 0x20 == 0x6D && tokens[$0].range.count <= 8 && tokens[$0 + 2].startsWithDigit
                    && tokens.folded($0) == Keyword.mau && tokens.folded($0 + 1) == Keyword.so
            }
            let form = formAt.map { k in "Mẫu số " + trimPunctuation(tokens.text(k + 2)) }
            line = (isBasis, form)
            return (isBasis, form)
        }
        var k = 0
        var nextNumber = 0  // the first word after `k` that starts a number, or `count`
        while k < tokens.count {
            // A citation has a number within three words of its type ("Kế hoạch số 179/…", "KH 179"):
            // the scan goes straight to three words before the next number.
            if nextNumber <= k {
                nextNumber = k + 1
                while nextNumber < tokens.count && !tokens.startsNumber(nextNumber) { nextNumber += 1 }
                guard nextNumber < tokens.count else { break }
            }
            k = max(k, nextNumber - 3)
            // Every type's folded name and short form starts with one of l n q t c k h b, and an
            // ASCII first byte folds to itself lowercased: any other ASCII byte starts no type.
            if case let first = tokens[k].firstByte, first < 0x80, !Self.startsType(first) { k += 1; continue }
            // The type: two folded words, one word ("Luật"), or a short form followed by a number.
            var type: DocumentType?
            var typeEnd = k
            var isShort = false
            let word = tokens.folded(k)
            if k + 1 < tokens.count, DocumentType.firstWords.contains(word) || word.contains(0x20),
               let pair = word.joined(0x20, trimPunctuation(tokens.folded(k + 1))), let t = DocumentType.named(key: pair) {
                type = t; typeEnd = k + 2
            } else if word == Keyword.luat {
                type = DocumentType.all[0]; typeEnd = k + 1
            } else if tokens[k].range.count <= DocumentType.shortFormLimit, k + 1 < tokens.count, tokens.startsWithASCIIDigitCharacter(k + 1),
                      let t = tokens.withBytes(k, DocumentType.short(bytes:)) {
                type = t; typeEnd = k + 1; isShort = true
            }
            guard let documentType = type else { k += 1; continue }
            var j = typeEnd
            if j < tokens.count && tokens.folded(j) == Keyword.so { j += 1 }
            var number: DocumentNumber?
            var numberRange: Range<Int>?
            if j < tokens.count, let parsed = tokens.withBytes(j, DocumentNumber.parse(utf8:)) {
                number = parsed
                numberRange = tokens[j].range.lowerBound..<(tokens[j].range.lowerBound + parsed.writtenLength)
                j += 1
            }
            guard number != nil else {
                // "Kế hoạch" with no number is a plain word, not a citation.
                k = typeEnd
                continue
            }
            var end = numberRange!.upperBound
            var date: DateMention?
            if j < tokens.count {
                let rest = tokens[j].range.lowerBound..<range.upperBound
                // A date right after the number: look only that far (a line of a thousand citations
                // must not be rescanned to its end for each of them).
                let window = { (start: Int) in start..<min(range.upperBound, start + 64) }
                if tokens.folded(j) == Keyword.ngay, j + 1 < tokens.count,
                   let first = DateScanner.firstDate(in: window(tokens[j + 1].range.lowerBound), of: text),
                   first.range.lowerBound == tokens[j + 1].range.lowerBound {
                    date = first
                } else if let first = DateScanner.firstDate(in: window(rest.lowerBound), of: text), first.range.lowerBound == tokens[j].range.lowerBound {
                    date = first  // "ngày 02 tháng 8 năm 2019"
                }
                if let found = date {
                    end = found.range.upperBound
                    while j < tokens.count && tokens[j].range.lowerBound < end { j += 1 }
                }
            }
            var issuer: String?
            if j < tokens.count && tokens.folded(j) == Keyword.cua {
                // The issuer runs to punctuation or to a word that starts the document's subject:
                // its words, without trailing punctuation, one space apart. Mostly they stand so
                // in the text, and the issuer is made from it as one String.
                var first: Int?, oneSpaceApart = true
                let bytes = text.bytes
                var m = j + 1
                while m < tokens.count {
                    if first != nil && Keyword.subject.contains(tokens.folded(m)) { break }
                    let word = tokens[m].range
                    let kept = tokens.withBytes(m, DocumentNumber.lengthWithoutTrailingPunctuation)
                    if kept > 0 {
                        if first == nil { first = word.lowerBound } else if word.lowerBound != end + 1 || bytes[end] != 0x20 { oneSpaceApart = false }
                        end = word.lowerBound + kept
                    }
                    m += 1
                    if kept < word.count { break }
                }
                if let first {
                    issuer = oneSpaceApart ? text.string(first..<end)
                        : (j + 1..<m).map { trimPunctuation(tokens.text($0)) }.filter { !$0.isEmpty }.joined(separator: " ")
                }
                j = m
            }
            let clause = criteriaClause(before: k, tokens)
            let start = clause?.range.lowerBound ?? tokens[k].range.lowerBound
            let (lineIsBasis, form) = lineFacts()
            let role: Citation.Role = lineIsBasis || clause != nil || form != nil ? .basis : .evidence
            result.append(Citation(element: element, range: start..<end, type: documentType, typeRange: tokens[k].range.lowerBound..<tokens[typeEnd - 1].range.upperBound,
                                   isShortForm: isShort, number: number, numberRange: numberRange, date: date, issuer: issuer,
                                   clause: clause, role: role, form: form))
            k = max(j, typeEnd)
        }
    }

    /// Whether the ASCII byte `b` may start a type's name or short form (either case of l n q t c k h b).
    static func startsType(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case 0x6C, 0x6E, 0x71, 0x74, 0x63, 0x6B, 0x68, 0x62: return true
        default: return false
        }
    }

    /// The folded keywords the scan looks for, as `ShortKey`s.
    enum Keyword {
        static let can = ShortKey("can"), cu = ShortKey("cu"), thuc = ShortKey("thuc"), hien = ShortKey("hien")
        static let mau = ShortKey("mau"), so = ShortKey("so"), luat = ShortKey("luat"), ngay = ShortKey("ngay")
        static let cua = ShortKey("cua"), muc = ShortKey("muc"), khoan = ShortKey("khoan"), diem = ShortKey("diem")
        /// Folded words that end an issuer and start the document's subject ("… của UBND tỉnh về …").
        static let subject = ["ve", "theo", "va", "quy", "gop", "nham", "tai", "ban"].map(ShortKey.init)
    }

    /// `[tại] điểm X khoản Y Mục Z` right before the type word.
    static func criteriaClause(before k: Int, _ tokens: Words) -> CriteriaClause? {
        var point: String?, clause: String?, section: String?
        var start: Int?
        var m = k - 2
        while m >= 0 {
            let word = tokens.folded(m)
            if word == Keyword.muc && section == nil && clause == nil && point == nil {
                section = trimPunctuation(tokens.text(m + 1))
            } else if word == Keyword.khoan && clause == nil && point == nil {
                clause = trimPunctuation(tokens.text(m + 1))
            } else if word == Keyword.diem && point == nil {
                point = trimPunctuation(tokens.text(m + 1))
            } else {
                break
            }
            start = m
            m -= 2
        }
        guard let first = start, point != nil || clause != nil else { return nil }
        return CriteriaClause(range: tokens[first].range.lowerBound..<tokens[k - 1].range.upperBound, point: point,
                              clause: clause, section: section)
    }

    /// A key without trailing `;,.:)` (a key longer than 16 bytes is left as it is: it names nothing).
    static func trimPunctuation(_ key: ShortKey) -> ShortKey {
        guard key.count <= 16 else { return key }
        var n = key.count
        while n > 0, [0x3B, 0x2C, 0x2E, 0x3A, 0x29].contains(key.byte(n - 1)) { n -= 1 }
        return n == key.count ? key : key.prefix(n)
    }

    /// `s` without trailing `;,.:)` (on bytes: these are ASCII).
    static func trimPunctuation(_ s: String) -> String {
        var s = s
        let keep = s.withUTF8(DocumentNumber.lengthWithoutTrailingPunctuation)
        return keep == s.utf8.count ? s : String(s.utf8.prefix(keep))!
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
