import XCTest
@testable import HosoRules
import HosoText

/// HS209's byte reading of a value's first word says what the word-splitting definition says.
final class MeansNoneTests: XCTestCase {
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
}
