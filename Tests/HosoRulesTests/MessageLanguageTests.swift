import Foundation
import XCTest
@testable import HosoRules
import HosoText

/// `Linter(messages:)`: a front end that shows one language gets the same findings, with their
/// messages, fix titles and related places' texts built in that language only.
final class MessageLanguageTests: XCTestCase {
    /// The bad example dossiers together (their quota and duplicate findings too).
    private func inputs() throws -> [LintInput] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/co-loi")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".hoso") }.sorted()
        return try names.map { LintInput(path: $0, bytes: Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    func testOneLanguageLintersBuildTheirLanguageOfTheSameFindings() throws {
        let inputs = try inputs()
        let both = Linter().lintTogether(inputs, parallel: false)
        XCTAssertGreaterThan(both.map(\.findings.count).reduce(0, +), 10)
        for language in Language.allCases {
            let one = Linter(messages: language).lintTogether(inputs, parallel: true)
            for (full, shown) in zip(both, one) {
                XCTAssertEqual(full.findings.map(\.code), shown.findings.map(\.code))
                XCTAssertEqual(full.findings.map(\.range), shown.findings.map(\.range))
                for (a, b) in zip(full.findings, shown.findings) {
                    XCTAssertEqual(b.message.vi, a.message.text(language), "\(a.code)")
                    XCTAssertEqual(b.message.en, a.message.text(language), "\(a.code)")
                    XCTAssertEqual(b.fixes.map { $0.title.text(language) }, a.fixes.map { $0.title.text(language) })
                    XCTAssertEqual(b.fixes.map(\.edits), a.fixes.map(\.edits))
                    XCTAssertEqual(b.related.map { $0.message.text(language) }, a.related.map { $0.message.text(language) })
                }
            }
        }
    }

    func testTextsBuiltOutsideALinterHaveBothLanguages() {
        _ = Linter(messages: .en).lint(bytes: Array("Hình thức: Bằng khen\n".utf8))
        let text = LocalizedText(vi: "một \(1 + 1)", en: "one \(2 + 1)")
        XCTAssertEqual(text.vi, "một 2")
        XCTAssertEqual(text.en, "one 3")
    }

    /// A message is formatted into bytes (`MessageText`): each kind of value reads as String
    /// interpolation writes it, and a text report's bytes are the String's.
    func testAMessageReadsAsStringInterpolationWritesIt() {
        let name = "Nguyễn Thị Hoà", word: Substring = "Sơn La, ngày"[...].prefix(6), share = 57.1, missing: Int? = nil
        let kinds: [Int] = [0, 7, 10, -3, 2022, Int.min]
        for number in kinds {
            let expected = "Năm \(number) \(name) (\(word)) \(share)% \(String(describing: missing)) \(Severity.error)."
            let message: MessageText = "Năm \(number) \(name) (\(word)) \(share)% \(String(describing: missing)) \(Severity.error)."
            XCTAssertEqual(message.string, expected)
            let built = LocalizedText(vi: message, en: "")
            XCTAssertEqual(built.vi, expected)
            // In a one-language linter the text is kept as bytes, read by both fields.
            let shown = LocalizedText.$onlyLanguage.withValue(.vi) { LocalizedText(vi: message, en: "unused") }
            XCTAssertEqual(shown.vi, expected)
            XCTAssertEqual(shown.en, expected)
            XCTAssertEqual(shown.withUTF8(.en) { Array($0) }, Array(expected.utf8))
            XCTAssertEqual(shown, LocalizedText(viText: expected, enText: expected))
        }
        let literal: MessageText = "Không có số"
        XCTAssertEqual(literal.string, "Không có số")
        XCTAssertEqual(LocalizedText(vi: literal, en: "No number"), LocalizedText(viText: "Không có số", enText: "No number"))
    }
}
