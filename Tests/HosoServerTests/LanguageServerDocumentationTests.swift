import Foundation
import XCTest
import HosoProtocol
@testable import HosoServer

/// `docs/language-server.md` against the server: every capability `initialize` announces, every
/// command `workspace/executeCommand` runs and every setting the server reads is described there.
final class LanguageServerDocumentationTests: XCTestCase {
    func testTheLanguageServerReferenceNamesEveryCapabilityCommandAndSetting() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/language-server.md"), encoding: .utf8)
        let capabilities = TestClient().initialize()["result"]?["capabilities"]?.objectValue ?? []
        XCTAssertFalse(capabilities.isEmpty)
        for (name, _) in capabilities {
            XCTAssertTrue(text.contains("`\(name)`"), "docs/language-server.md does not describe the capability \(name)")
        }
        for command in LanguageServer.commands {
            XCTAssertTrue(text.contains("`\(command)`"), "docs/language-server.md does not describe the command \(command)")
        }
        for setting in ["profile", "language", "rules", "positionEncoding"] {
            XCTAssertTrue(text.contains("`hoso.\(setting)`"), "docs/language-server.md does not describe the setting hoso.\(setting)")
        }
    }
}
