import XCTest
import HosoJSON
import HosoProtocol
import HosoText
@testable import HosoServer

/// What an editor shows while someone types: after every change, the diagnostics the server
/// publishes from its incremental re-check are the ones a fresh server publishes for the same text.
final class IncrementalEditTests: XCTestCase {
    let uri = "file:///tmp/hoso-incremental-test/a.hoso"

    /// A clerk types a citation into the report letter by letter (with a Word dash and a wrong
    /// date), breaks a line, deletes back over a heading's `#`, pastes a nominee block with CRLF
    /// line ends, then undoes part of it.
    func testTypingGivesWhatAFreshCheckGives() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample)
        // Lines split on LF bytes (a String splits on Characters, and "\r\n" is one Character).
        func lines(_ string: String) -> [String] {
            string.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        var text = lines(cleanExample)
        var version = 1
        func apply(_ line: Int, _ from: Int, _ to: Int, _ insert: String) {
            version += 1
            client.change(uri, version: version, [(((line, from), (line, to)), insert)])
            // Keep the expected text (UTF-16 columns are scalar columns here: no astral letters).
            var scalars = Array(text[line].unicodeScalars)
            scalars.replaceSubrange(from..<to, with: Array(insert.unicodeScalars))
            let joined = String(String.UnicodeScalarView(scalars))
            text.replaceSubrange(line...line, with: lines(joined))
            let fresh = TestClient()
            _ = fresh.initialize()
            fresh.open(uri, text.joined(separator: "\n"))
            // Bytes, not Strings: String equality is canonical equivalence.
            XCTAssertEqual(client.server.workspace.files[uri]!.text.bytes, Array(text.joined(separator: "\n").utf8), "text after change \(version)")
            let held = client.server.workspace.files[uri]!.text
            let rebuilt = SourceText(utf8: held.bytes)
            XCTAssertEqual((0..<rebuilt.lineCount).map { rebuilt.contentRange(ofLine: $0) }, (0..<held.lineCount).map { held.contentRange(ofLine: $0) }, "lines after \(version)")
            XCTAssertEqual(client.published(uri)?.version, version, "published after change \(version)")
            XCTAssertEqual(diagnostics(client), diagnostics(fresh), "after change \(version)")
        }
        let line = text.firstIndex { $0.hasPrefix("## II.") }! + 1
        let typed = "Căn cứ Kế hoạch số 179/KH–UBND ngày 31/02/2019 của UBND tỉnh;"
        var column = 0
        for scalar in typed.unicodeScalars {
            apply(line, column, column, String(scalar))
            column += 1
        }
        apply(line, column, column, "\n")
        apply(line + 1, 0, 0, "Thực hiện Quyết định số 12/QĐ-UBND ngày 02/8/2019.")
        let heading = text.firstIndex { $0.hasPrefix("# BIÊN BẢN") }!
        apply(heading, 0, 1, "")
        apply(heading, 0, 0, "#")
        apply(3, 0, 0, "### Cá nhân: Lò Thị Minh\r\nChức vụ: Chuyên viên\r\nNăm 2021 - Hoàn thành tốt nhiệm vụ\r\n")
        apply(3, 0, 5, "")
        apply(line, 10, 30, "")
    }

    /// The diagnostics last published for `uri`, as JSON text.
    func diagnostics(_ client: TestClient) -> String {
        let last = client.notifications("textDocument/publishDiagnostics").last { $0["params"]?["uri"]?.stringValue == uri }
        var bytes: [UInt8] = []
        (last?["params"]?["diagnostics"] ?? .null).encode(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
