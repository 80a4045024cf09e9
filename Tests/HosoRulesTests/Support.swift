import Foundation
import XCTest
import HosoRules
import HosoSemantics
import HosoText

/// Fixture dossiers and assertions shared by the rule tests.
enum Fixture {
    /// The complete example of docs/format.md and docs/dinh-dang.md: clean under the default profile.
    static let clean: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clean.hoso")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    /// The clean example with the first occurrence of `target` replaced; fails loudly if absent.
    static func replacing(_ target: String, with replacement: String, in source: String = clean) -> String {
        guard let range = source.range(of: target) else {
            XCTFail("fixture text not found: \(target)")
            return source
        }
        return source.replacingCharacters(in: range, with: replacement)
    }
}

/// A finding reduced to what the tests compare: code, 1-based line and scalar column.
struct Spot: Equatable, CustomStringConvertible {
    let code: String, line: Int, column: Int
    init(_ code: String, _ line: Int, _ column: Int) {
        self.code = code
        self.line = line
        self.column = column
    }
    var description: String { "\(code)@\(line):\(column)" }
}

func lint(_ source: String) -> LintResult { Linter().lint(bytes: Array(source.utf8)) }

func spots(_ result: LintResult) -> [Spot] {
    result.findings.map { finding in
        let position = result.text.position(ofByte: finding.range.lowerBound, in: .utf32)
        return Spot(finding.code, position.line + 1, position.character + 1)
    }
}

/// Asserts that linting `source` gives exactly `expected`, in position order.
func assertSpots(_ source: String, _ expected: [Spot], _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(spots(lint(source)), expected, message, file: file, line: line)
}

/// Applies the first fix of every finding with `code` and returns the new text.
func applyingFixes(of code: String, to source: String) -> String {
    let result = lint(source)
    let edits = result.findings.filter { $0.code == code }.compactMap(\.fixes.first).flatMap(\.edits)
    return String(decoding: EditApplier.apply(edits, to: result.text.bytes).bytes, as: UTF8.self)
}
