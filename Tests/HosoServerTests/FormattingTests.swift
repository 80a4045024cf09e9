import XCTest
import HosoProtocol
import HosoRules
@testable import HosoServer

/// `textDocument/formatting` and `rangeFormatting`: small edits in the negotiated encoding that,
/// applied by the client, give what `hoso format` writes; formatting again gives none.
final class FormattingTests: XCTestCase {
    let uri = "file:///tmp/hoso-format-test/a.hoso"
    static let messy = "Đơn vị: Phòng Kinh tế  \r\n\r\n\r\n# TỜ TRÌNH\r\nSố: 12/TTr-KT \t\r\n## DANH SÁCH ĐỀ NGHỊ\r\n\r\n"
    static let tidy = "Đơn vị: Phòng Kinh tế\r\n\r\n# TỜ TRÌNH\r\nSố: 12/TTr-KT\r\n\r\n## DANH SÁCH ĐỀ NGHỊ\r\n"

    func edits(_ response: JSON) -> [String] {
        (response["result"]?.arrayValue ?? []).map { edit in
            let r = edit["range"]
            func at(_ key: String) -> String { "\(r?[key]?["line"]?.intValue ?? -1):\(r?[key]?["character"]?.intValue ?? -1)" }
            return "\(at("start"))-\(at("end")) \((edit["newText"]?.stringValue ?? "?").debugDescription)"
        }
    }

    /// Applies the response's edits the way a client does (last first, so positions hold).
    func apply(_ response: JSON, _ client: TestClient, version: Int) {
        let changes = (response["result"]?.arrayValue ?? []).reversed().map { edit -> (range: ((Int, Int), (Int, Int))?, text: String) in
            let r = edit["range"]
            func at(_ key: String) -> (Int, Int) { (r?[key]?["line"]?.intValue ?? 0, r?[key]?["character"]?.intValue ?? 0) }
            return ((at("start"), at("end")), edit["newText"]?.stringValue ?? "")
        }
        client.change(uri, version: version, changes)
    }

    func testFormattingGivesSmallEditsInUTF16() {
        let client = TestClient()
        let capabilities = client.initialize()["result"]?["capabilities"]
        XCTAssertEqual(capabilities?["documentFormattingProvider"], .bool(true))
        XCTAssertEqual(capabilities?["documentRangeFormattingProvider"], .bool(true))
        client.open(uri, Self.messy)
        let params: JSON = .object([("textDocument", document(uri)), ("options", .object([("tabSize", .int(4)), ("insertSpaces", .bool(true))]))])
        let response = client.request("textDocument/formatting", params)
        XCTAssertEqual(edits(response), [
            "0:21-0:23 \"\"",  // "Phòng Kinh tế" counted in UTF-16 units
            "1:0-2:0 \"\"",
            "4:13-4:15 \"\"",
            "5:0-5:0 \"\\r\\n\"",
            "6:0-7:0 \"\"",
        ])
        apply(response, client, version: 2)
        XCTAssertEqual(client.server.workspace.files[uri]?.text.string(0..<Self.tidy.utf8.count + 10), Self.tidy)
        XCTAssertEqual(edits(client.request("textDocument/formatting", params)), [], "formatted is formatted")
    }

    /// The final line end a file lacks: the edit ends at the start of the line after the last,
    /// which clients clamp to the end and Neovim takes for its buffer's final line end.
    func testTheFinalLineEndReachesPastTheLastLine() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, "Đơn vị: X\n# TỜ TRÌNH  ")
        XCTAssertEqual(edits(client.request("textDocument/formatting", .object([("textDocument", document(uri))]))),
                       ["1:0-1:0 \"\\n\"", "1:10-2:0 \"\\n\""])
        client.open(uri, "Đơn vị: X\n# TỜ TRÌNH", version: 2)
        XCTAssertEqual(edits(client.request("textDocument/formatting", .object([("textDocument", document(uri))]))),
                       ["1:0-1:0 \"\\n\"", "1:10-2:0 \"\\n\""])
        client.open(uri, "Đơn vị: X\n\n\n", version: 3)
        XCTAssertEqual(edits(client.request("textDocument/formatting", .object([("textDocument", document(uri))]))), ["1:0-3:0 \"\""],
                       "a text with its final line end ends where it ends")
    }

    func testFormattingInUTF8AndARange() {
        let client = TestClient()
        _ = client.initialize(encodings: ["utf-8"])
        client.open(uri, Self.messy)
        XCTAssertEqual(edits(client.request("textDocument/formatting", .object([("textDocument", document(uri))])))[0],
                       "0:28-0:30 \"\"", "bytes: Đ, ơ, ò, ị and ế take two or three")
        // Lines 3–4 (0-based, the selection ends at the start of line 5): only their edits.
        let ranged = client.request("textDocument/rangeFormatting", .object([("textDocument", document(uri)), ("range", range((3, 0), (5, 0)))]))
        XCTAssertEqual(edits(ranged), ["4:15-4:17 \"\""], "\"ố\" is three bytes")
        // Taking line 5 takes the blank line above its heading.
        let wider = client.request("textDocument/rangeFormatting", .object([("textDocument", document(uri)), ("range", range((4, 2), (5, 3)))]))
        XCTAssertEqual(edits(wider), ["4:15-4:17 \"\"", "5:0-5:0 \"\\r\\n\""])
        XCTAssertEqual(client.request("textDocument/formatting", .object([("textDocument", document("file:///tmp/khong-mo.hoso"))]))["error"]?["code"]?.intValue,
                       -32602, "an unknown document is an error")
    }
}
