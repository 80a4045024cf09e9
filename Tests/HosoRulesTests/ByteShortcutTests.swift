import XCTest
@testable import HosoRules
import HosoSemantics
import HosoText

/// Rules that decide on bytes where they can say what their String definitions say.
final class ByteShortcutTests: XCTestCase {
    /// HS209's byte reading of a value's first word.
    func testTheByteReadingAgreesWithTheDefinition() {
        func definition(_ value: String) -> Bool {
            let words = Folding.key(value).split(whereSeparator: { !$0.isLetter })
            return words.first == "khong" || words.first == "chua"
        }
        let pieces = ["Không", "không", "KHÔNG", "Chưa", "chưa", "Khong", "chua", "Không có", "khongx", "chuaa", "có",
                      " ", ".", "*", "«", "»", "1", "-", "ß", "Ω", "ω", "é", "e\u{301}", "\u{301}", "đ", "Ð", "😀", "\u{A0}", ""]
        var values: [String] = []
        for a in pieces { for b in pieces { for c in ["", " ", "k", "Không", "ß"] { values.append(a + b + c) } } }
        for value in values {
            XCTAssertEqual(HS209.meansNone(value), definition(value), "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// HS308's lowercase test and type-code comparison.
    func testSymbolsOnBytesAgreeWithStrings() {
        let pieces = ["NĐ", "Nđ", "QĐ", "qđ", "KH", "kh", "-", "CP", "UBND", "ß", "é", "E\u{301}", "Ǆ", "ǅ", "Đ", "đ", "1", ""]
        var symbols: [String] = []
        for a in pieces { for b in pieces { for c in ["", "-", "-VPUB", "a"] { symbols.append(a + b + c) } } }
        var compared = 0
        for symbol in symbols {
            XCTAssertEqual(HS308.hasLowercase(symbol), symbol != symbol.uppercased(), symbol)
            guard let number = DocumentNumber.parse("12/" + symbol), let parsed = number.symbol, let code = number.typeCode else { continue }
            for expected in ["NĐ-CP", "NĐ", "QĐ", "KH", "Nđ", "E\u{301}", "É", ""] {
                XCTAssertEqual(HS308.typeCode(of: number, symbol: parsed, is: expected), code == expected, "\(parsed) \(expected)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }
}
