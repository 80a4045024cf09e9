import XCTest
@testable import HosoText

final class PositionTests: XCTestCase {
    func testVietnameseLineUTF16AndScalarColumns() {
        // "Nguyễn" — ễ is 3 UTF-8 bytes, 1 UTF-16 unit, 1 scalar.
        let text = SourceText("Họ tên: Nguyễn Thị Hoa\nDòng 2")
        let bytes = Array("Họ tên: Nguyễn".utf8).count
        XCTAssertEqual(text.position(ofByte: bytes, in: .utf16), TextPosition(line: 0, character: 14))
        XCTAssertEqual(text.position(ofByte: bytes, in: .utf32), TextPosition(line: 0, character: 14))
        XCTAssertEqual(text.position(ofByte: bytes, in: .utf8), TextPosition(line: 0, character: bytes))
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 0, character: 14), in: .utf16), bytes)
        XCTAssertEqual(text.scalarColumn1(ofByte: bytes), 15)
        let line2 = Array("Họ tên: Nguyễn Thị Hoa\n".utf8).count
        XCTAssertEqual(text.position(ofByte: line2 + 3, in: .utf16), TextPosition(line: 1, character: 2))
    }

    func testNFDCountsEveryCombiningMark() {
        // "ệ" in NFD is e + U+0323 + U+0302: three scalars, three UTF-16 units, five bytes.
        let text = SourceText("Vie\u{323}\u{302}t Nam")
        let afterWord = Array("Vie\u{323}\u{302}t".utf8).count
        XCTAssertEqual(afterWord, 8)
        XCTAssertEqual(text.position(ofByte: afterWord, in: .utf16).character, 6)
        XCTAssertEqual(text.position(ofByte: afterWord, in: .utf32).character, 6)
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 0, character: 6), in: .utf16), afterWord)
    }

    func testEmojiIsTwoUTF16UnitsAndOneScalar() {
        let text = SourceText("A😀B")
        XCTAssertEqual(text.position(ofByte: 5, in: .utf16).character, 3)
        XCTAssertEqual(text.position(ofByte: 5, in: .utf32).character, 2)
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 0, character: 3), in: .utf16), 5)
        // A position inside the surrogate pair goes to the start of the scalar.
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 0, character: 2), in: .utf16), 1)
        // A byte inside the scalar rounds down.
        XCTAssertEqual(text.position(ofByte: 3, in: .utf16).character, 1)
    }

    func testCRLFAndLoneCREndLines() {
        let text = SourceText("một\r\nhai\rba\n")
        XCTAssertEqual(text.lineCount, 4)
        XCTAssertEqual(text.lineString(0), "một")
        XCTAssertEqual(text.lineString(1), "hai")
        XCTAssertEqual(text.lineString(2), "ba")
        XCTAssertEqual(text.lineString(3), "")
        XCTAssertEqual(text.lineEnding, .lf)
        // The CR of a CRLF belongs to line 0; its position clamps to the end of the content.
        let cr = Array("một".utf8).count
        XCTAssertEqual(text.position(ofByte: cr + 1, in: .utf16), TextPosition(line: 0, character: 3))
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 0, character: 99), in: .utf16), cr)
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 1, character: 0), in: .utf16), cr + 2)
        XCTAssertEqual(SourceText("a\r\nb\r\nc\n").lineEnding, .crlf)
    }

    func testOutOfRangePositionsClamp() {
        let text = SourceText("ab\ncd")
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: 9, character: 0), in: .utf16), 5)
        XCTAssertEqual(text.byteOffset(of: TextPosition(line: -1, character: 0), in: .utf16), 0)
        XCTAssertEqual(text.position(ofByte: 99, in: .utf16), TextPosition(line: 1, character: 2))
    }

    func testRoundTripEveryScalarBoundary() {
        let text = SourceText("Tờ trình 😀\r\nVie\u{323}\u{302}t\tNam ₫\nĐ")
        for encoding in PositionEncoding.allCases {
            var offset = 0
            while offset <= text.bytes.count {
                let position = text.position(ofByte: offset, in: encoding)
                let line = text.line(ofByte: offset)
                if offset <= text.contentRange(ofLine: line).upperBound {
                    XCTAssertEqual(text.byteOffset(of: position, in: encoding), offset, "\(encoding) @\(offset)")
                }
                offset += offset < text.bytes.count ? UTF8Scalar.length(lead: text.bytes[offset]) : 1
            }
        }
    }
}
