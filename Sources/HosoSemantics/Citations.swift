import HosoSyntax
import HosoText

/// A document type a citation can name, with its symbol code (`Kế hoạch` → `KH`).
public struct DocumentType: Sendable, Equatable {
    public let name: String
    /// The code in a number/symbol (`179/KH-UBND`); nil where symbols carry none (Luật, Công văn).
    public let code: String?
    /// The short form written before a number (`KH 179`).
    public let shortForm: String?

    /// The types FORMAT.md lists.
    public static let all: [DocumentType] = [
        DocumentType(name: "Luật", code: nil, shortForm: nil),
        DocumentType(name: "Nghị định", code: "NĐ-CP", shortForm: "NĐ"),
        DocumentType(name: "Nghị quyết", code: "NQ", shortForm: "NQ"),
        DocumentType(name: "Quyết định", code: "QĐ", shortForm: "QĐ"),
        DocumentType(name: "Thông tư", code: "TT", shortForm: "TT"),
        DocumentType(name: "Chỉ thị", code: "CT", shortForm: "CT"),
        DocumentType(name: "Kế hoạch", code: "KH", shortForm: "KH"),
        DocumentType(name: "Hướng dẫn", code: "HD", shortForm: "HD"),
        DocumentType(name: "Công văn", code: nil, shortForm: nil),
        DocumentType(name: "Tờ trình", code: "TTr", shortForm: "TTr"),
        DocumentType(name: "Thông báo", code: "TB", shortForm: nil),
        DocumentType(name: "Báo cáo", code: "BC", shortForm: "BC"),
    ]

    private static let byFoldedName: [String: DocumentType] = Dictionary(uniqueKeysWithValues: all.map { (Folding.key($0.name), $0) })
    private static let byShortForm: [String: DocumentType] = {
        var table: [String: DocumentType] = [:]
        for type in all { if let short = type.shortForm { table[short] = type } }
        table["ND"] = table["NĐ"]
        table["QD"] = table["QĐ"]
        return table
    }()

    /// The type whose full name folds to `folded` (one or two words).
    static func named(folded: String) -> DocumentType? { byFoldedName[folded] }

    /// The type whose short form is exactly `token` (short forms are written in capitals).
    static func short(_ token: String) -> DocumentType? {
        token.utf8.count <= 4 ? byShortForm[token] : nil
    }
}

/// A document number and symbol (`179/KH-UBND`, `91/2017/NĐ-CP`, `/TTr-TCHCQT`).
public struct DocumentNumber: Sendable, Equatable {
    /// As written, trimmed of trailing punctuation.
    public let raw: String
    /// The serial number; nil when left blank before registration.
    public let serial: Int?
    /// The year part of normative documents (`2017` in `91/2017/NĐ-CP`).
    public let year: Int?
    /// The symbol after the number(s): `KH-UBND`, `NĐ-CP`; nil for a bare number.
    public let symbol: String?

    /// The type code: the symbol's first segment (`KH`), or `NĐ-CP`-style for decrees.
    public var typeCode: String? {
        guard let symbol else { return nil }
        return symbol.split(separator: "-").first.map(String.init)
    }

    /// The issuer code: what follows the type code (`UBND`, `VPUB`, `CP`).
    public var issuerCode: String? {
        guard let symbol, let dash = symbol.firstIndex(of: "-") else { return nil }
        return String(symbol[symbol.index(after: dash)...])
    }

    /// Parses `N[/YYYY][/SYMBOL]` or `/SYMBOL`; nil when the text is not shaped like a number.
    public static func parse(_ text: String) -> DocumentNumber? {
        var raw = text
        while let last = raw.last, ";,.:)".contains(last) { raw.removeLast() }
        let pieces = raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !pieces.isEmpty, pieces.count <= 3 else { return nil }
        guard pieces[0].isEmpty || pieces[0].allSatisfy(\.isASCIIDigit) else { return nil }
        let serial = Int(pieces[0])
        if pieces.count == 1 { return serial == nil ? nil : DocumentNumber(raw: raw, serial: serial, year: nil, symbol: nil) }
        var year: Int?
        var symbolIndex = 1
        if pieces[1].count == 4, pieces[1].allSatisfy(\.isASCIIDigit) {
            year = Int(pieces[1])
            symbolIndex = 2
        }
        let symbol = symbolIndex < pieces.count ? pieces[symbolIndex] : nil
        if let symbol, symbol.isEmpty || symbol.first?.isLetter != true { return nil }
        if serial == nil && symbol == nil { return nil }
        return DocumentNumber(raw: raw, serial: serial, year: year, symbol: symbol)
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

/// A citation of a legal or administrative document (FORMAT.md "Citations").
public struct Citation: Sendable {
    /// Basis citations are checked against the registry; evidence ones only for shape and date.
    public enum Role: String, Sendable { case basis, evidence }

    public let element: Int
    /// From the clause (if any) to the end of the issuer (or of the last piece found).
    public let range: Range<Int>
    public let type: DocumentType
    public let typeRange: Range<Int>
    /// Written as a short form (`KH 179`).
    public let isShortForm: Bool
    public let number: DocumentNumber?
    public let numberRange: Range<Int>?
    public let date: DateMention?
    public let issuer: String?
    public let clause: CriteriaClause?
    public let role: Role
    /// `Mẫu số 07` written next to the citation.
    public let form: String?
}

/// Recognizes citations in the prose and field values of a tree.
enum CitationScanner {
    /// A whitespace-separated word; its text and folded key are computed only when asked for,
    /// since most words of prose are never looked at.
    final class Token {
        let range: Range<Int>
        private let source: SourceText
        init(range: Range<Int>, source: SourceText) {
            self.range = range
            self.source = source
        }
        var firstByte: UInt8 { source.bytes[range.lowerBound] }
        var startsWithDigit: Bool { firstByte >= 0x30 && firstByte <= 0x39 }
        lazy var text: String = source.string(range)
        /// Keywords are short words; long tokens and numbers are never keywords.
        lazy var folded: String = range.count <= 16 && !startsWithDigit ? Folding.key(text) : ""
    }

    /// Every citation in the tree, in order, with its role decided by the line it stands in.
    static func citations(in tree: SyntaxTree) -> [Citation] {
        var result: [Citation] = []
        for (index, element) in tree.elements.enumerated() {
            let range: Range<Int>
            switch element.kind {
            case .prose, .listItem: range = element.content
            case .field: range = element.value ?? element.content
            default: continue
            }
            guard mayHoldCitation(tree.text.bytes, range) else { continue }
            result += citations(in: range, element: index, tree: tree)
        }
        return result
    }

    /// Cheap prefilter: a line with no digit holds no citation.
    static func mayHoldCitation(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        range.contains { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    static func tokens(_ range: Range<Int>, _ text: SourceText) -> [Token] {
        let bytes = text.bytes
        var tokens: [Token] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            let s = i
            while i < range.upperBound && bytes[i] != 0x20 && bytes[i] != 0x09 { i += 1 }
            guard i > s else { continue }
            var a = s, b = i
            while a < b && (bytes[a] == 0x2A || bytes[a] == 0x28 || bytes[a] == 0x22) { a += 1 }
            while b > a && (bytes[b - 1] == 0x2A || bytes[b - 1] == 0x22) { b -= 1 }
            guard a < b else { continue }
            tokens.append(Token(range: a..<b, source: text))
        }
        return tokens
    }

    static func citations(in range: Range<Int>, element: Int, tree: SyntaxTree) -> [Citation] {
        let text = tree.text
        let tokens = tokens(range, text)
        guard !tokens.isEmpty else { return [] }
        let lineIsBasis = tokens.count >= 2 && tokens[0].folded == "can" && tokens[1].folded.hasPrefix("cu")
        let lineHasForm = tokens.indices.dropLast().contains {
            tokens[$0].firstByte | 0x20 == 0x6D && tokens[$0].folded == "mau" && tokens[$0 + 1].folded == "so"
        }
        // A citation has a number within three words of its type ("Kế hoạch số 179/…", "KH 179").
        let numberSoon = tokens.indices.map { k in
            ((k + 1)...(k + 3)).contains { $0 < tokens.count && (tokens[$0].startsWithDigit || tokens[$0].firstByte == 0x2F) }
        }
        var result: [Citation] = []
        var k = 0
        while k < tokens.count {
            guard numberSoon[k] else { k += 1; continue }
            // The type: two folded words, one word ("Luật"), or a short form followed by a number.
            var type: DocumentType?
            var typeEnd = k
            var isShort = false
            if k + 1 < tokens.count, let t = DocumentType.named(folded: tokens[k].folded + " " + trimPunctuation(tokens[k + 1].folded)) {
                type = t; typeEnd = k + 2
            } else if tokens[k].folded == "luat" {
                type = DocumentType.all[0]; typeEnd = k + 1
            } else if let t = DocumentType.short(tokens[k].text), k + 1 < tokens.count,
                      tokens[k + 1].text.first?.isASCIIDigit == true {
                type = t; typeEnd = k + 1; isShort = true
            }
            guard let documentType = type else { k += 1; continue }
            var j = typeEnd
            if j < tokens.count && tokens[j].folded == "so" { j += 1 }
            var number: DocumentNumber?
            var numberRange: Range<Int>?
            if j < tokens.count, let parsed = DocumentNumber.parse(tokens[j].text) {
                number = parsed
                numberRange = tokens[j].range.lowerBound..<(tokens[j].range.lowerBound + parsed.raw.utf8.count)
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
                if tokens[j].folded == "ngay", j + 1 < tokens.count,
                   let first = DateScanner.dates(in: window(tokens[j + 1].range.lowerBound), of: text).first,
                   first.range.lowerBound == tokens[j + 1].range.lowerBound {
                    date = first
                } else if let first = DateScanner.dates(in: window(rest.lowerBound), of: text).first, first.range.lowerBound == tokens[j].range.lowerBound {
                    date = first  // "ngày 02 tháng 8 năm 2019"
                }
                if let found = date {
                    end = found.range.upperBound
                    while j < tokens.count && tokens[j].range.lowerBound < end { j += 1 }
                }
            }
            var issuer: String?
            if j < tokens.count && tokens[j].folded == "cua" {
                // The issuer runs to punctuation or to a word that starts the document's subject.
                var words: [String] = []
                var m = j + 1
                while m < tokens.count {
                    if !words.isEmpty && ["ve", "theo", "va", "quy", "gop", "nham", "tai", "ban"].contains(tokens[m].folded) { break }
                    let word = tokens[m].text
                    let trimmed = trimPunctuation(word)
                    if !trimmed.isEmpty {
                        words.append(trimmed)
                        end = tokens[m].range.lowerBound + trimmed.utf8.count
                    }
                    m += 1
                    if trimmed.utf8.count < word.utf8.count { break }
                }
                issuer = words.isEmpty ? nil : words.joined(separator: " ")
                j = m
            }
            let clause = criteriaClause(before: k, tokens)
            let start = clause?.range.lowerBound ?? tokens[k].range.lowerBound
            let role: Citation.Role = lineIsBasis || clause != nil || lineHasForm ? .basis : .evidence
            result.append(Citation(element: element, range: start..<end, type: documentType, typeRange: tokens[k].range.lowerBound..<tokens[typeEnd - 1].range.upperBound,
                                   isShortForm: isShort, number: number, numberRange: numberRange, date: date, issuer: issuer,
                                   clause: clause, role: role, form: lineHasForm ? "Mẫu số 07" : nil))
            k = max(j, typeEnd)
        }
        return result
    }

    /// `[tại] điểm X khoản Y Mục Z` right before the type word.
    static func criteriaClause(before k: Int, _ tokens: [Token]) -> CriteriaClause? {
        var point: String?, clause: String?, section: String?
        var start: Int?
        var m = k - 2
        while m >= 0 {
            let word = tokens[m].folded, value = trimPunctuation(tokens[m + 1].text)
            switch word {
            case "muc" where section == nil && clause == nil && point == nil: section = value
            case "khoan" where clause == nil && point == nil: clause = value
            case "diem" where point == nil: point = value
            default: m = -1; continue
            }
            start = m
            m -= 2
        }
        guard let first = start, point != nil || clause != nil else { return nil }
        return CriteriaClause(range: tokens[first].range.lowerBound..<tokens[k - 1].range.upperBound, point: point,
                              clause: clause, section: section)
    }

    static func trimPunctuation(_ s: String) -> String {
        var out = s
        while let last = out.last, ";,.:)".contains(last) { out.removeLast() }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
