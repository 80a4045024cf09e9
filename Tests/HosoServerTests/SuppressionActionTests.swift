import XCTest
import HosoProtocol
@testable import HosoServer

/// The "disable HSnnn for this line" quick fix: a `hoso-disable-next-line` comment above the
/// finding's line, or its code added to the comment already there.
final class SuppressionActionTests: XCTestCase {
    let uri = "file:///tmp/hoso-suppression-test/a.hoso"

    /// The quick fixes offered for a range.
    func quickfixes(_ client: TestClient, _ start: (Int, Int), _ end: (Int, Int)) -> [JSON] {
        client.request("textDocument/codeAction", .object([
            ("textDocument", document(uri)), ("range", range(start, end)), ("context", .object([("diagnostics", .array([]))])),
        ]))["result"]?.arrayValue?.filter { $0["kind"]?.stringValue == "quickfix" } ?? []
    }

    /// Applies an action's edits as the editor would (one didChange, last edit first).
    func apply(_ action: JSON?, _ client: TestClient, version: Int) throws {
        let edits = try XCTUnwrap(action?["edit"]?["changes"]?[uri]?.arrayValue)
        client.change(uri, version: version, edits.reversed().map { edit in
            let r = edit["range"]!
            return (((r["start"]!["line"]!.intValue!, r["start"]!["character"]!.intValue!),
                     (r["end"]!["line"]!.intValue!, r["end"]!["character"]!.intValue!)), edit["newText"]!.stringValue!)
        })
    }

    func codes(_ client: TestClient) -> [String] {
        (client.published(uri)?.spots ?? []).map { String($0.prefix { $0 != "@" }) }.sorted()
    }

    /// A fixable finding on an indented line: its fix first and preferred, then the disable
    /// action, not preferred, whose comment has the line's indentation; applied, the finding is
    /// gone and nothing new appears.
    func testDisableInsertsAnIndentedCommentAfterTheFixes() throws {
        let client = TestClient()
        _ = client.initialize()
        // Line 56 (0-based), in the report: an abbreviation (HS207, fixable) on an indented item.
        let text = cleanExample.replacingOccurrences(of: "- Năm 2020: Hoàn thành xuất sắc nhiệm vụ\n- Năm 2021",
                                                     with: "  - Năm 2020: HTXSNV\n- Năm 2021")
        client.open(uri, text)
        XCTAssertEqual(client.published(uri)?.spots, ["HS207@56:14"])
        let actions = quickfixes(client, (56, 15), (56, 15))
        XCTAssertEqual(actions.map { $0["title"]?.stringValue }, ["Viết đầy đủ \"Hoàn thành xuất sắc nhiệm vụ\"", "Tắt HS207 cho dòng này"])
        XCTAssertEqual(actions.map { $0["isPreferred"]?.boolValue }, [true, false])
        XCTAssertEqual(actions[1]["diagnostics"]?[0]?["code"]?.stringValue, "HS207")
        let edits = actions[1]["edit"]?["changes"]?[uri]?.arrayValue ?? []
        XCTAssertEqual(edits.count, 1)
        XCTAssertEqual(edits.first?["range"], range((56, 0), (56, 0)))
        XCTAssertEqual(edits.first?["newText"]?.stringValue, "  <!-- hoso-disable-next-line HS207 -- lý do: … -->\n")
        try apply(actions[1], client, version: 2)
        XCTAssertEqual(client.published(uri)?.version, 2)
        XCTAssertEqual(client.published(uri)?.spots, [], "the finding is suppressed and the comment draws nothing")
        let file = try XCTUnwrap(client.server.workspace.files[uri])
        XCTAssertEqual(file.text.lineString(56), "  <!-- hoso-disable-next-line HS207 -- lý do: … -->")
        XCTAssertEqual(file.text.lineString(57), "  - Năm 2020: HTXSNV")
    }

    /// A finding without a fix gets the disable action alone; a CRLF file gets a CRLF line.
    func testAFindingWithoutAFixInACRLFFile() throws {
        let client = TestClient()
        _ = client.initialize()
        let text = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Phó Trưởng phòng\nHình")
            .replacingOccurrences(of: "\n", with: "\r\n")
        client.open(uri, text)
        XCTAssertEqual(client.published(uri)?.spots, ["HS208@16:9"])
        let actions = quickfixes(client, (16, 9), (16, 9))
        XCTAssertEqual(actions.map { $0["title"]?.stringValue }, ["Tắt HS208 cho dòng này"])
        XCTAssertEqual(actions.first?["isPreferred"]?.boolValue, false)
        let edit = actions.first?["edit"]?["changes"]?[uri]?[0]
        XCTAssertEqual(edit?["range"], range((16, 0), (16, 0)))
        XCTAssertEqual(edit?["newText"]?.stringValue, "<!-- hoso-disable-next-line HS208 -- lý do: … -->\r\n")
        try apply(actions.first, client, version: 2)
        XCTAssertEqual(client.published(uri)?.spots, [])
        let file = try XCTUnwrap(client.server.workspace.files[uri])
        XCTAssertEqual(file.text.lineEnding, .crlf)
        XCTAssertEqual(file.text.lineIndex.lfCount, 0, "no lone LF was inserted")
    }

    /// Under a `hoso-disable-next-line` comment for the same line, the code is added to that
    /// comment (a second comment would leave the first one naming the wrong line: HS011). In
    /// English, in a CRLF file.
    func testTheCodeIsAddedToTheCommentAlreadyAboveInEnglish() throws {
        let client = TestClient()
        _ = client.initialize(options: .object([("hoso", .object([("language", .string("en"))]))]))
        let text = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình",
                                                     with: "<!-- hoso-disable-next-line HS208 -- ưu tiên theo ý kiến Lãnh đạo -->\nChuc vu: Phó Trưởng phòng\nHình")
            .replacingOccurrences(of: "\n", with: "\r\n")
        client.open(uri, text)
        XCTAssertEqual(client.published(uri)?.spots, ["HS108@17:0"])
        let actions = quickfixes(client, (17, 0), (17, 3))
        XCTAssertEqual(actions.map { $0["title"]?.stringValue }, ["Change to \"Chức vụ\"", "Disable HS108 for this line"])
        XCTAssertEqual(actions.map { $0["isPreferred"]?.boolValue }, [true, false])
        let edit = actions.last?["edit"]?["changes"]?[uri]?[0]
        let end = "<!-- hoso-disable-next-line HS208".utf16.count
        XCTAssertEqual(edit?["range"], range((16, end), (16, end)))
        XCTAssertEqual(edit?["newText"]?.stringValue, " HS108")
        try apply(actions.last, client, version: 2)
        XCTAssertEqual(client.published(uri)?.spots, [])
        let file = try XCTUnwrap(client.server.workspace.files[uri])
        XCTAssertEqual(file.text.lineString(16), "<!-- hoso-disable-next-line HS208 HS108 -- ưu tiên theo ý kiến Lãnh đạo -->")
        XCTAssertEqual(file.text.lineCount, text.components(separatedBy: "\r\n").count, "no line was added")
        // A new comment on a line without one, in English.
        client.change(uri, version: 3, [(((17, 0), (17, 7)), "Chức vụ"), (((16, 0), (17, 0)), "")])
        XCTAssertEqual(client.published(uri)?.spots, ["HS208@16:9"])
        let english = quickfixes(client, (16, 9), (16, 9))
        XCTAssertEqual(english.map { $0["title"]?.stringValue }, ["Disable HS208 for this line"])
        XCTAssertEqual(english.first?["edit"]?["changes"]?[uri]?[0]?["newText"]?.stringValue,
                       "<!-- hoso-disable-next-line HS208 -- reason: … -->\r\n")
        try apply(english.first, client, version: 4)
        XCTAssertEqual(client.published(uri)?.spots, [])
    }

    /// The position of an added code counts in the negotiated encoding (a word with Vietnamese
    /// letters stands before it on the comment's line).
    func testTheAddedCodeIsPlacedInTheNegotiatedEncoding() throws {
        let prefix = "<!-- hoso-disable-next-line ưu HS208"
        for (encoding, end) in [("utf-8", prefix.utf8.count), ("utf-16", prefix.utf16.count), ("utf-32", prefix.unicodeScalars.count)] {
            let client = TestClient()
            _ = client.initialize(encodings: [encoding])
            client.open(uri, cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình",
                                                               with: prefix + " -->\nChuc vu: Phó Trưởng phòng\nHình"))
            // "ưu" is not a code (HS010 on the comment); HS208 is suppressed; HS108 is left.
            XCTAssertEqual(client.published(uri)?.spots, ["HS010@16:28", "HS108@17:0"], encoding)
            let disable = quickfixes(client, (17, 0), (17, 0)).last
            XCTAssertEqual(disable?["title"]?.stringValue, "Tắt HS108 cho dòng này", encoding)
            XCTAssertEqual(disable?["edit"]?["changes"]?[uri]?[0]?["range"], range((16, end), (16, end)), encoding)
            try apply(disable, client, version: 2)
            XCTAssertEqual(client.server.workspace.files[uri]?.text.lineString(16), prefix + " HS108 -->", encoding)
            XCTAssertEqual(client.published(uri)?.spots, ["HS010@16:28"], encoding)
        }
    }

    /// One disable action per code and line; none for HS011 (decided after the comments apply,
    /// so no comment turns it off) nor for a finding inside a comment running over several
    /// lines (no comment can go there).
    func testWhatIsNotOffered() throws {
        let client = TestClient()
        _ = client.initialize()
        let text = cleanExample.replacingOccurrences(of: "Kính gửi: Chánh Văn phòng UBND tỉnh\n",
                                                     with: "Kính gửi: Chánh Văn phòng UBND tỉnh\n<!-- hoso-disable-next-line HS401 -->\n<!-- ghi chú\nsố\u{200B}liệu -->\n")
            .replacingOccurrences(of: "Phạm Văn Dũng xác nhận", with: "Phạm Văn Ðũng Ðã xác nhận")
        client.open(uri, text)
        XCTAssertEqual(client.published(uri)?.spots, ["HS011@7:28", "HS005@9:2", "HS003@66:29", "HS003@66:34"])
        let stale = quickfixes(client, (7, 30), (7, 30))
        XCTAssertEqual(stale.map { $0["title"]?.stringValue }, ["Xoá chú thích"])
        let inside = quickfixes(client, (9, 2), (9, 3))
        XCTAssertEqual(inside.map { $0["title"]?.stringValue }, ["Xoá ký tự ẩn"])
        let twice = quickfixes(client, (66, 0), (66, 40))
        XCTAssertEqual(twice.map { $0["title"]?.stringValue }, ["Thay bằng Đ", "Thay bằng Đ", "Tắt HS003 cho dòng này"])
        XCTAssertEqual(twice.last?["diagnostics"]?[0]?["range"]?["start"]?["character"]?.intValue, 29)
    }

    /// The cap of 200 counts both kinds, fixes first: 120 lines with a fixable finding each give
    /// 120 fixes and the first 80 disable actions.
    func testTheCapTakesFixesFirst() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample + String(repeating: "Ðây là ghi chú.\n", count: 120))
        let actions = quickfixes(client, (0, 0), (300, 0))
        XCTAssertEqual(actions.count, LanguageServer.diagnosticsShownPerFile)
        XCTAssertEqual(actions.prefix(120).map { $0["isPreferred"]?.boolValue }, Array(repeating: true, count: 120))
        XCTAssertEqual(actions.dropFirst(120).map { $0["title"]?.stringValue }, Array(repeating: "Tắt HS003 cho dòng này", count: 80))
        XCTAssertEqual(actions.last?["edit"]?["changes"]?[uri]?[0]?["range"], range((64 + 79, 0), (64 + 79, 0)))
    }

    /// A file on disk that is not Unicode (HS001) gets its conversion, never a comment: the text
    /// the server decoded is not the file's.
    func testNoCommentIsOfferedForAFileThatIsNotUnicode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-hs001-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tcvn3: [UInt8] = "Céng hßa x· héi".unicodeScalars.map { UInt8($0.value) }
        let file = folder.appendingPathComponent("cu.hoso")
        try Data(Array("Đơn vị: Phòng Tổng hợp\n\n".utf8) + tcvn3 + Array("\n".utf8)).write(to: file)
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", document(FileURI.uri(file.path))), ("range", range((2, 0), (2, 0))), ("context", .object([("diagnostics", .array([]))])),
        ]))["result"]?.arrayValue ?? []
        XCTAssertEqual(actions.map { $0["diagnostics"]?[0]?["code"]?.stringValue }, ["HS001"])
        XCTAssertEqual(actions.first?["isPreferred"]?.boolValue, false)
    }
}
