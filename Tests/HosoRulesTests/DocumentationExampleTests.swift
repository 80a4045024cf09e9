import Foundation
import XCTest
import HosoRules

/// The dossiers the format reference shows as complete examples (its ```` ```hoso ```` blocks)
/// are clean under the built-in profile, in both languages: a documented example that draws a
/// finding is a bug.
final class DocumentationExampleTests: XCTestCase {
    func testTheFormatReferencesCompleteExamplesAreClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for path in ["docs/format.md", "docs/dinh-dang.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let blocks = text.components(separatedBy: "```hoso\n").dropFirst().map { $0.components(separatedBy: "\n```").first ?? "" }
            XCTAssertFalse(blocks.isEmpty, "\(path) has no ```hoso example")
            for block in blocks {
                let result = lint(block + "\n")
                XCTAssertEqual(spots(result), [], "\(path)")
                XCTAssertTrue(result.suppressed.isEmpty, "\(path): an example turns a finding off")
            }
            XCTAssertEqual(blocks.first.map { $0 + "\n" }, Fixture.clean, "\(path): the complete example is the rule tests' clean fixture")
        }
    }
}
