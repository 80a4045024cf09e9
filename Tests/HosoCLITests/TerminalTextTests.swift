import XCTest
@testable import HosoCLI
import HosoText

/// The text report's pieces: numbers written without a String, caret padding as wide as what
/// the echoed line shows (tabs kept, wide and control characters counted as shown), and long
/// lines echoed as a window.
final class TerminalTextTests: XCTestCase {
    func testDecimalWritesWhatStringWrites() {
        for n in [0, 7, 10, 99, 100, 1_234, 12_345_678, 99_999_999, 100_000_000, 4_294_967_296, Int.max, -5, Int.min] {
            var out = OutputBuffer()
            out.decimal(n)
            XCTAssertEqual(out.string, String(n))
        }
    }

    func testPaddingIsAsWideAsTheShownText() {
        let line = Array("\tNăm 2021:\u{1}漢字 Hoàn thành\t tốt".utf8)
        var out = OutputBuffer()
        TerminalText.padding(line, 0..<line.count, into: &out)
        // Tab kept; "Năm 2021:" 9 columns; U+0001 shown as ␁ (1); 漢字 4; " Hoàn thành" 11; tab; " tốt" 4.
        XCTAssertEqual(out.string, "\t" + String(repeating: " ", count: 9 + 1 + 4 + 11) + "\t" + String(repeating: " ", count: 4))
        XCTAssertEqual(TerminalText.width(line, 0..<line.count), 1 + 9 + 1 + 4 + 11 + 1 + 4)
    }

    func testAShortLineIsEchoedWholeAndALongOneAsAWindow() {
        let short = SourceText("Năm 2021: Hoàn thành nhiệm vụ\n")
        var out = OutputBuffer()
        let value = short.bytes.count - 1 - "Hoàn thành nhiệm vụ".utf8.count
        TextReport.echo(value..<(short.bytes.count - 1), line: 0, lineNumber: 12, text: short, color: "", reset: "", into: &out)
        XCTAssertEqual(out.string, " 12 | Năm 2021: Hoàn thành nhiệm vụ\n    |           ^^^^^^^^^^^^^^^^^^^\n")

        // 170 scalars of 2 bytes each (340 bytes): more than the echo's 160 columns.
        let long = SourceText(String(repeating: "ă", count: 100) + "X" + String(repeating: "ơ", count: 69) + "\n")
        out = OutputBuffer()
        let x = 200
        TextReport.echo(x..<(x + 1), line: 0, lineNumber: 1, text: long, color: "", reset: "", into: &out)
        let expectedLine = " 1 | …" + String(repeating: "ă", count: 40) + "X" + String(repeating: "ơ", count: 69) + "\n"
        XCTAssertEqual(out.string, expectedLine + "   |  " + String(repeating: " ", count: 40) + "^\n")
    }
}
