import HosoSemantics
import HosoText

/// HS308: a malformed document number, or a type code that does not match the named type.
public struct HS308: Rule {
    public static let code = "HS308"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Số, ký hiệu văn bản sai thể thức", en: "Malformed document number")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Ký hiệu phải khớp tên loại văn bản (Kế hoạch → KH, Quyết định → QĐ, Nghị định → NĐ-CP …), viết hoa, đúng chữ Đ, nối bằng dấu gạch nối \"-\" (không phải gạch ngang \"–\" hay gạch nối không ngắt dòng của Word), và văn bản quy phạm (Luật, Nghị định, Thông tư) có năm ban hành trong số hiệu. Ký hiệu chỉ sai dấu gạch vẫn được hiểu là văn bản đó.",
            en: "The symbol must match the document type (Kế hoạch → KH, Quyết định → QĐ, Nghị định → NĐ-CP …), be in capitals with the letter Đ, be joined with the hyphen \"-\" (not Word's en dash \"–\" or non-breaking hyphen), and normative documents (laws, decrees, circulars) carry the year. A symbol wrong only in its dash still names that document."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP, Phụ lục I và III: số, ký hiệu văn bản; chữ viết tắt tên loại văn bản.",
                             en: "Decree 30/2020/NĐ-CP, Annexes I and III: document numbers and type abbreviations."),
        failingExample: "Kế hoạch số 12/QĐ-UBND; Nghị định số 91/2017/ND-CP; Kế hoạch số 179/KH–UBND",
        passingExample: "Quyết định số 12/QĐ-UBND; Nghị định số 91/2017/NĐ-CP; Kế hoạch số 179/KH-UBND",
        fix: LocalizedText(vi: "Sửa tên loại hoặc ký hiệu cho khớp nhau; với dấu gạch sai, dùng sửa nhanh để thay bằng \"-\".",
                           en: "Make the type and the symbol agree; for a wrong dash, apply the fix to use \"-\"."))

    /// The folded names (`DocumentType.key`) of the normative types, Luật, Nghị định and Thông tư,
    /// whose numbers carry a year: ASCII, compared cheaply.
    static let normativeKeys = ["luat", "nghi dinh", "thong tu"]

    public init() {}

    /// Whether uppercasing would change the text: on bytes for ASCII and Đ/đ (what symbols are
    /// made of), by uppercasing when another scalar is there and no lowercase letter was seen.
    static func hasLowercase(_ text: String) -> Bool {
        var copy = text
        let answer: Bool? = copy.withUTF8 { bytes in
            var other = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x61 && b <= 0x7A { return true }
                if b == 0xC4, i + 1 < bytes.count, bytes[i + 1] == 0x90 || bytes[i + 1] == 0x91 {
                    if bytes[i + 1] == 0x91 { return true }  // đ
                    i += 2
                    continue
                }
                if b >= 0x80 { other = true }
                i += 1
            }
            return other ? nil : false
        }
        return answer ?? (text != text.uppercased())
    }

    /// Whether `number`'s type code (`DocumentNumber.typeCode`, what comes before the symbol's
    /// first `-`) is `expected`: compared as bytes when both are ASCII and Đ/đ, where equal
    /// Strings are equal bytes, and the code surely ends at the `-` (as `firstSegment` says).
    static func typeCode(of number: DocumentNumber, symbol: String, is expected: String) -> Bool {
        var symbol = symbol, expected = expected
        let answer: Bool? = symbol.withUTF8 { s in
            expected.withUTF8 { e in
                let end = s.firstIndex(of: 0x2D) ?? s.count
                guard end == s.count || end + 1 == s.count || s[end + 1] < 0x80 else { return nil }
                let code = UnsafeBufferPointer(rebasing: s[..<end])
                guard isPlain(code), isPlain(e) else { return nil }
                return code.elementsEqual(e)
            }
        }
        return answer ?? (number.typeCode == expected)
    }

    /// Whether UTF-8 holds only ASCII and Đ/đ.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard bytes[i] == 0xC4, i + 1 < bytes.count, bytes[i + 1] == 0x90 || bytes[i + 1] == 0x91 else { return false }
            i += 2
        }
        return true
    }

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for citation in context.regionCitations {
            guard let number = citation.number, let range = citation.numberRange, let symbol = number.symbol else { continue }
            if !number.lookalikeDashes.isEmpty, let dashes = context.text.lookalikeDashFinding(
                number.lookalikeDashes.map { (range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound) }, inNumber: range) {
                sink.report(dashes.range, dashes.message, fixes: [dashes.fix])
            }
            if let expected = citation.type.codePrefix, !Self.typeCode(of: number, symbol: symbol, is: expected),
               let written = number.typeCode {
                let name = citation.type.name
                let sameLetters = Folding.key(written) == Folding.key(expected)
                sink.report(range, LocalizedText(
                    vi: sameLetters ? "Ký hiệu \"\(written)\" trong \"\(number.raw)\" phải viết là \"\(expected)\"."
                        : "\(name) phải có ký hiệu \(expected), nhưng \"\(number.raw)\" mang ký hiệu \(written) (tên loại và ký hiệu không khớp).",
                    en: sameLetters ? "The code \"\(written)\" in \"\(number.raw)\" must be written \"\(expected)\"."
                        : "A \(name) carries the code \(expected), but \"\(number.raw)\" has \(written) (type and symbol disagree)."))
                continue
            }
            if number.year == nil && Self.normativeKeys.contains(citation.type.key) {
                let name = citation.type.name
                sink.report(range, LocalizedText(
                    vi: "Số hiệu \(name) phải có năm ban hành, dạng số/năm/ký hiệu (ví dụ 91/2017/NĐ-CP).",
                    en: "A \(name) number carries its year: number/year/symbol (e.g. 91/2017/NĐ-CP)."))
            } else if Self.hasLowercase(symbol) && !symbol.hasPrefix("TTr-") {
                sink.report(range, LocalizedText(vi: "Ký hiệu \"\(symbol)\" phải viết hoa.", en: "The symbol \"\(symbol)\" must be in capitals."))
            }
        }
    }
}
