import XCTest
import HosoProtocol
@testable import HosoServer

final class ServerTests: XCTestCase {
    let uri = "file:///tmp/hoso-server-test/a.hoso"

    func testLifecycleErrorsAndExitStatus() {
        let client = TestClient()
        XCTAssertEqual(client.request("textDocument/hover")["error"]?["code"]?.intValue, -32002)
        let initialized = client.initialize()
        XCTAssertEqual(initialized["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-16")
        XCTAssertEqual(initialized["result"]?["capabilities"]?["textDocumentSync"]?["change"]?.intValue, 2)
        XCTAssertEqual(client.request("initialize")["error"]?["code"]?.intValue, -32600)
        XCTAssertEqual(client.request("no/such/method")["error"]?["code"]?.intValue, -32601)
        client.notify("no/such/notification")
        XCTAssertEqual(client.request("shutdown")["result"], .null)
        XCTAssertEqual(client.request("textDocument/hover")["error"]?["code"]?.intValue, -32600)
        client.notify("exit")
        XCTAssertEqual(client.server.exitStatus, 0)
        let rude = TestClient()
        _ = rude.initialize()
        rude.notify("exit")
        XCTAssertEqual(rude.server.exitStatus, 1)
    }

    func testMalformedMessagesGetTheirErrors() {
        let client = TestClient()
        client.server.handle(body: Array("{not json".utf8))
        XCTAssertEqual(client.received.last?["error"]?["code"]?.intValue, -32700)
        client.server.handle(body: Array("[1, 2]".utf8))
        XCTAssertEqual(client.received.last?["error"]?["code"]?.intValue, -32600)
        client.server.handle(body: Array(#"{"jsonrpc":"1.0","id":7,"method":"initialize"}"#.utf8))
        XCTAssertEqual(client.received.last?["error"]?["code"]?.intValue, -32600)
        XCTAssertEqual(client.received.last?["id"]?.intValue, 7)
        _ = client.initialize()
        XCTAssertEqual(client.request("textDocument/hover", .object([("textDocument", .int(3))]))["error"]?["code"]?.intValue, -32602)
        XCTAssertEqual(client.request("textDocument/hover", .object([("textDocument", document(uri)), ("position", position(-1, 0))]))["error"]?["code"]?.intValue, -32602)
        XCTAssertEqual(client.request("textDocument/hover", .object([("textDocument", document("file:///nope.hoso")), ("position", position(0, 0))]))["error"]?["code"]?.intValue, -32602)
    }

    func testPositionEncodingNegotiation() {
        XCTAssertEqual(TestClient().initialize(encodings: ["utf-32", "utf-16"])["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-32")
        XCTAssertEqual(TestClient().initialize(encodings: ["latin-1", "utf-8"])["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-8")
        XCTAssertEqual(TestClient().initialize(encodings: [])["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-16")
    }

    func testOpenPublishesWithVersionAndIncrementalEditsApplyExactly() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample, version: 3)
        XCTAssertEqual(client.published(uri)?.version, 3)
        XCTAssertEqual(client.published(uri)?.spots, [])
        // Line 16 (0-based) is "Chức vụ: Chuyên viên": replace "Chức vụ" (7 UTF-16 units) by "Chuc vu".
        client.change(uri, version: 4, [(((16, 0), (16, 7)), "Chuc vu")])
        XCTAssertEqual(client.published(uri)?.version, 4)
        XCTAssertEqual(client.published(uri)?.spots, ["HS108@16:0"])
        // An emoji before the key: 2 UTF-16 units; the diagnostic moves by 2.
        client.change(uri, version: 5, [(((16, 0), (16, 0)), "😀")])
        // "😀Chuc vu: …" is prose, not a field: the nominee now lacks Chức vụ (HS107 at its heading).
        XCTAssertEqual(client.published(uri)?.spots, ["HS107@15:0"])
        client.change(uri, version: 6, [(((16, 0), (16, 2)), "")])
        XCTAssertEqual(client.published(uri)?.spots, ["HS108@16:0"])
        client.change(uri, version: 7, [(((16, 0), (16, 7)), "Chức vụ")])
        XCTAssertEqual(client.published(uri)?.spots, [])
        XCTAssertEqual(client.server.workspace.files[uri]?.text.bytes, Array(cleanExample.utf8))
    }

    func testUTF8AndUTF32PositionsAndCRLF() {
        for encoding in ["utf-8", "utf-32"] {
            let client = TestClient()
            _ = client.initialize(encodings: [encoding])
            let crlf = cleanExample.replacingOccurrences(of: "\n", with: "\r\n")
            client.open(uri, crlf)
            // Put an abbreviation after "Năm 2020: " on line 19 ("Năm 2020" is 8 scalars, 9 UTF-8 bytes).
            let end = encoding == "utf-8" ? 10 + "Hoàn thành xuất sắc nhiệm vụ".utf8.count : 10 + "Hoàn thành xuất sắc nhiệm vụ".unicodeScalars.count
            let start = encoding == "utf-8" ? "Năm 2020: ".utf8.count : 10
            client.change(uri, version: 2, [(((19, start), (19, end + (encoding == "utf-8" ? 1 : 0))), "HTXSNV")])
            XCTAssertEqual(client.published(uri)?.spots, ["HS207@19:\(start)"], encoding)
            let text = client.server.workspace.files[uri]!.text
            XCTAssertEqual(text.lineString(19), "Năm 2020: HTXSNV", encoding)
            XCTAssertEqual(text.lineEnding, .crlf)
        }
    }

    func testPullDiagnosticsWithResultIDs() {
        let client = TestClient()
        let capabilities = client.initialize(pull: true)["result"]?["capabilities"]
        XCTAssertEqual(capabilities?["diagnosticProvider"]?["workspaceDiagnostics"]?.boolValue, true)
        client.open(uri, cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"))
        XCTAssertTrue(client.notifications("textDocument/publishDiagnostics").isEmpty, "a pulling client gets no pushes")
        let full = client.request("textDocument/diagnostic", .object([("textDocument", document(uri))]))["result"]
        XCTAssertEqual(full?["kind"]?.stringValue, "full")
        XCTAssertEqual(full?["items"]?.arrayValue?.map(client.spot), ["HS108@16:0"])
        let resultID = full?["resultId"]?.stringValue
        let again = client.request("textDocument/diagnostic", .object([("textDocument", document(uri)), ("previousResultId", .string(resultID ?? ""))]))["result"]
        XCTAssertEqual(again?["kind"]?.stringValue, "unchanged")
        client.change(uri, version: 2, [(((16, 0), (16, 7)), "Chức vụ")])
        let after = client.request("textDocument/diagnostic", .object([("textDocument", document(uri)), ("previousResultId", .string(resultID ?? ""))]))["result"]
        XCTAssertEqual(after?["kind"]?.stringValue, "full")
        XCTAssertEqual(after?["items"]?.arrayValue?.count, 0)
    }

    func testWorkspaceFolderDiagnosticsAndCrossFileRepublish() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two dossiers on disk, each proposing a Bằng khen individual: over the quota of 1.
        try Data(cleanExample.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        let other = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")
        try Data(other.utf8).write(to: folder.appendingPathComponent("b.hoso"))
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        let report = client.request("workspace/diagnostic", .object([("previousResultIds", .array([]))]))["result"]
        let items = report?["items"]?.arrayValue ?? []
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items.map { ($0["items"]?.arrayValue ?? []).map(client.spot) }, [["HS501@15:13"], ["HS501@15:13"]])
        XCTAssertEqual(items[0]["version"], .null)
        // Open a.hoso and move its nominee to a Giấy khen: both files are clean again; a.hoso is re-published.
        let uriA = FileURI.uri(folder.appendingPathComponent("a.hoso").path)
        client.open(uriA, cleanExample)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13"])
        let related = client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]?[0]?["relatedInformation"]?[0]
        XCTAssertEqual(related?["location"]?["uri"]?.stringValue, FileURI.uri(folder.appendingPathComponent("b.hoso").path))
        let mark = client.mark
        client.change(uriA, version: 2, [(((17, 11), (17, 43)), "Giấy khen của Chánh Văn phòng UBND tỉnh")])
        XCTAssertEqual(client.published(uriA)?.spots.contains("HS501@15:13"), false)
        XCTAssertFalse(client.notifications("textDocument/publishDiagnostics", since: mark).isEmpty)
        // b.hoso changes on disk (deleted): the watched-file event recomputes the quota.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b.hoso"))
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(FileURI.uri(folder.appendingPathComponent("b.hoso").path))), ("type", .int(3))])]))]))
        XCTAssertEqual(client.server.workspace.files.count, 1)
    }

    func testSettingsFromInitializationOptionsAndConfigurationChange() {
        let client = TestClient()
        _ = client.initialize(options: .object([("hoso", .object([("language", .string("en")), ("rules", .object([("HS108", .string("off"))]))]))]))
        let broken = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: ...\nHình")
        client.open(uri, broken)
        XCTAssertEqual(client.published(uri)?.spots, ["HS107@16:0"])
        let message = client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]?[0]?["message"]?.stringValue
        XCTAssertEqual(message, "The field \"Chức vụ\" of Nguyễn Thị Hoa is empty; fill it in.")
        client.notify("workspace/didChangeConfiguration", .object([("settings", .object([("hoso", .object([("rules", .object([]))]))]))]))
        XCTAssertEqual(client.published(uri)?.spots, ["HS107@16:0", "HS108@16:0"])
    }

    func testQuickFixAndFixAll() {
        let client = TestClient()
        _ = client.initialize()
        let broken = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm 2020: HTXSNV\nNăm 2021")
        client.open(uri, broken)
        let actions = client.request("textDocument/codeAction", .object([("textDocument", document(uri)), ("range", range((16, 2), (16, 2))),
                                                                         ("context", .object([("diagnostics", .array([]))]))]))["result"]?.arrayValue ?? []
        let quickfix = actions.first { $0["kind"]?.stringValue == "quickfix" }
        XCTAssertEqual(quickfix?["title"]?.stringValue, "Sửa thành \"Chức vụ\"")
        let edit = quickfix?["edit"]?["changes"]?[uri]?[0]
        XCTAssertEqual(edit?["newText"]?.stringValue, "Chức vụ")
        XCTAssertEqual(edit?["range"], range((16, 0), (16, 7)))
        let fixAll = actions.first { $0["kind"]?.stringValue == "source.fixAll.hoso" }
        XCTAssertEqual(fixAll?["edit"]?["changes"]?[uri]?[0]?["newText"]?.stringValue, cleanExample)
        let only = client.request("textDocument/codeAction", .object([("textDocument", document(uri)), ("range", range((0, 0), (0, 0))),
                                                                      ("context", .object([("diagnostics", .array([])), ("only", .array([.string("source.fixAll")]))]))]))["result"]?.arrayValue ?? []
        XCTAssertEqual(only.map { $0["kind"]?.stringValue }, ["source.fixAll.hoso"])
    }

    func testHoverOnCitationRatingFormAndSuppressionCode() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, "<!-- hoso-disable-next-line HS208 -->\n" + cleanExample)
        func hover(_ line: Int, _ character: Int) -> String? {
            client.request("textDocument/hover", .object([("textDocument", document(uri)), ("position", position(line, character))]))["result"]?["contents"]?["value"]?.stringValue
        }
        XCTAssertTrue(hover(0, 30)?.hasPrefix("**HS208** (info)") ?? false)
        XCTAssertTrue(hover(10, 25)?.hasPrefix("**Kế hoạch số 179/KH-UBND** — ngày 02/8/2019, UBND tỉnh Sơn La") ?? false)
        XCTAssertTrue(hover(20, 15)?.hasPrefix("**Hoàn thành xuất sắc nhiệm vụ** — mức 4/4") ?? false)
        XCTAssertTrue(hover(18, 15)?.contains("Chỉ tiêu: không quá 1 tập thể, 1 cá nhân") ?? false)
        let decree = hover(49, 45)
        XCTAssertTrue(decree?.contains("Đã được thay thế bởi 98/2023/NĐ-CP từ ngày 01/01/2024.") ?? false, decree ?? "nil")
        XCTAssertNil(hover(2, 0))
    }

    func testCompletionByContext() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample)
        func labels(_ line: Int, _ character: Int) -> [String] {
            (client.request("textDocument/completion", .object([("textDocument", document(uri)), ("position", position(line, character))]))["result"]?["items"]?.arrayValue ?? [])
                .compactMap { $0["label"]?.stringValue }
        }
        client.change(uri, version: 2, [(((2, 0), (2, 0)), "# ")])
        XCTAssertEqual(labels(2, 2), ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT", "BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa"])
        client.change(uri, version: 3, [(((2, 0), (2, 2)), "")])
        XCTAssertEqual(labels(23, 0), ["Chức vụ: ", "Hình thức: ", "Năm 2019: ", "Năm 2020: ", "Năm 2021: ", "Sáng kiến: ", "Khen thưởng năm 2022: "])
        XCTAssertEqual(labels(19, 10).first, "Hoàn thành xuất sắc nhiệm vụ")
        XCTAssertEqual(labels(17, 11), ["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chánh Văn phòng UBND tỉnh", "Khen thưởng cấp Nhà nước"])
        XCTAssertEqual(labels(39, 0), ["Thời gian: ", "Địa điểm: ", "Thành phần: ", "Chủ trì: ", "Thư ký: ", "Kết thúc: "])
        client.change(uri, version: 4, [(((52, 0), (52, 0)), "## ")])
        XCTAssertEqual(labels(52, 3), ["I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG", "XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG"])
        client.change(uri, version: 5, [(((52, 0), (52, 3)), "<!-- hoso-disable HS1")])
        XCTAssertEqual(labels(52, 21), (101...113).map { "HS\($0)" })
        XCTAssertTrue(labels(9, 7).contains("Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh Sơn La"))
    }

    func testSymbolsFoldingAndNames() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample)
        let symbols = client.request("textDocument/documentSymbol", .object([("textDocument", document(uri))]))["result"]?.arrayValue ?? []
        XCTAssertEqual(symbols.map { $0["name"]?.stringValue }, ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT", "BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa"])
        let list = symbols[0]["children"]?[0]
        XCTAssertEqual(list?["name"]?.stringValue, "DANH SÁCH ĐỀ NGHỊ")
        XCTAssertEqual(list?["children"]?.arrayValue?.map { $0["name"]?.stringValue }, ["Cá nhân: Nguyễn Thị Hoa", "Tập thể: Tổ Quản trị"])
        let folds = client.request("textDocument/foldingRange", .object([("textDocument", document(uri))]))["result"]?.arrayValue ?? []
        XCTAssertTrue(folds.contains { $0["startLine"]?.intValue == 3 && $0["endLine"]?.intValue == 30 })
        XCTAssertTrue(folds.contains { $0["startLine"]?.intValue == 15 && $0["endLine"]?.intValue == 22 })
        // From the vote item (line 41) to the ### declaration (line 15, after "### Cá nhân: ").
        let definition = client.request("textDocument/definition", .object([("textDocument", document(uri)), ("position", position(41, 5))]))["result"]
        XCTAssertEqual(definition?["range"], range((15, 13), (15, 27)))
        let references = client.request("textDocument/references", .object([("textDocument", document(uri)), ("position", position(15, 15)),
                                                                             ("context", .object([("includeDeclaration", .bool(true))]))]))["result"]?.arrayValue ?? []
        XCTAssertEqual(references.compactMap { $0["range"]?["start"]?["line"]?.intValue }, [15, 41, 46])
        let rename = client.request("textDocument/rename", .object([("textDocument", document(uri)), ("position", position(46, 25)), ("newName", .string("Nguyễn Thị Hòa"))]))["result"]
        XCTAssertEqual(rename?["changes"]?[uri]?.arrayValue?.count, 3)
        XCTAssertEqual(client.request("textDocument/rename", .object([("textDocument", document(uri)), ("position", position(46, 25)), ("newName", .string(""))]))["error"]?["code"]?.intValue, -32602)
    }

    /// `initialize` is answered before the workspace is read; the folder is loaded in steps the
    /// client's requests can come between, with `$/progress` once the client accepts the token;
    /// cross-file findings (the quota) appear when the last file is in.
    func testTheWorkspaceIsLoadedInTheBackgroundWithProgress() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-bg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")
        for i in 0..<60 { try Data(other.replacingOccurrences(of: "Tổ Văn thư", with: "Tổ Văn thư \(i)").utf8).write(to: folder.appendingPathComponent("b\(i).hoso")) }
        // A FIFO and a link to a device among them: skipped, never waited on.
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("ong.hoso").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.hoso").path, withDestinationPath: "/dev/zero")
        let uriA = FileURI.uri(folder.appendingPathComponent("a.hoso").path)
        let client = TestClient()
        client.runsScheduledWork = false
        let response = client.initialize(root: folder.path, progress: true)
        XCTAssertNotNil(response["result"]?["capabilities"])
        XCTAssertEqual(client.server.workspace.files.count, 0, "initialize answers before reading the folder")
        let create = try XCTUnwrap(client.requests("window/workDoneProgress/create").first)
        let token = try XCTUnwrap(create["params"]?["token"])
        // Requests are served while the folder waits: the open file is checked on its own.
        client.open(uriA, cleanExample)
        XCTAssertEqual(client.published(uriA)?.spots, [])
        XCTAssertNotNil(client.request("textDocument/hover", .object([("textDocument", document(uriA)), ("position", position(9, 25))]))["result"]?["contents"])
        XCTAssertTrue(client.server.workspace.isWorking)
        client.answer(create)
        let progress = { client.notifications("$/progress").filter { $0["params"]?["token"] == token }.compactMap { $0["params"]?["value"] } }
        XCTAssertEqual(progress().first?["kind"]?.stringValue, "begin")
        XCTAssertEqual(progress().first?["message"]?.stringValue, "Đang tìm hồ sơ trong thư mục…")
        var steps = 0
        while client.runScheduled() {
            steps += 1
            XCTAssertNotNil(client.request("textDocument/hover", .object([("textDocument", document(uriA)), ("position", position(9, 25))]))["result"]?["contents"])
        }
        XCTAssertGreaterThan(steps, 0)
        // Counts files only (60; the FIFO and the device link are not dossiers), not the folder walked.
        let counts = progress().compactMap { $0["message"]?.stringValue }.filter { $0.hasPrefix("Đang kiểm tra hồ sơ: ") }
        XCTAssertTrue(counts.allSatisfy { $0.hasSuffix("/60") }, "\(counts)")
        XCTAssertEqual(progress().last?["kind"]?.stringValue, "end")
        XCTAssertEqual(progress().filter { $0["kind"]?.stringValue == "end" }.count, 1)
        XCTAssertEqual(client.server.workspace.files.count, 61)
        XCTAssertFalse(client.server.workspace.isWorking)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13", "HS501@24:13"], "the quotas count every file once all are in")
    }

    /// In a group too large to re-check on the keystroke, an edit is published at once with the
    /// file's own findings and its last cross-file ones, and the group's rules follow from the
    /// background: afterwards every file has what a full re-check gives.
    func testAnEditInALargeGroupGetsItsCrossFileFindingsFromTheBackground() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")
        let count = DossierWorkspace.keystrokeGroupLimit + 5
        for i in 0..<count {
            try Data(other.replacingOccurrences(of: "Lò Văn Nam", with: "Lò Văn Nam \(i)").replacingOccurrences(of: "Tổ Văn thư", with: "Tổ Văn thư \(i)").utf8)
                .write(to: folder.appendingPathComponent("b\(i).hoso"))
        }
        let uriA = FileURI.uri(folder.appendingPathComponent("a.hoso").path)
        try Data(cleanExample.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        client.open(uriA, cleanExample)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13", "HS501@24:13"])
        client.runsScheduledWork = false
        // Move the nominee to a Giấy khen: the individual quota no longer counts a.hoso.
        client.change(uriA, version: 2, [(((17, 11), (17, 43)), "Giấy khen của Chánh Văn phòng UBND tỉnh")])
        XCTAssertEqual(client.published(uriA)?.version, 2)
        // The last cross-file findings (at their old byte offsets, so 24:13 reads 24:9 in the
        // shorter text) until the group's job lands; the file's own HS307 at once.
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13", "HS501@24:9", "HS307@54:75"])
        XCTAssertFalse(client.scheduled.isEmpty)
        while client.runScheduled() {}
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@24:13", "HS307@54:75"])
        // An edit while the group's job runs: that job's result is stale and dropped, and the
        // group runs again for the newer text.
        let edited = String(decoding: try XCTUnwrap(client.server.workspace.files[uriA]).text.bytes, as: UTF8.self)
        client.change(uriA, version: 3, [(nil, cleanExample)])
        XCTAssertTrue(client.runScheduled())  // the step, which hands out the job
        client.change(uriA, version: 4, [(nil, edited)])
        while client.runScheduled() {}
        XCTAssertEqual(client.published(uriA)?.version, 4)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@24:13", "HS307@54:75"])
        // The same as checking everything from scratch.
        let fresh = TestClient()
        _ = fresh.initialize(root: folder.path)
        fresh.open(uriA, edited)
        XCTAssertEqual(client.server.workspace.files.count, fresh.server.workspace.files.count)
        for (uri, file) in client.server.workspace.files {
            XCTAssertTrue(file.findings == fresh.server.workspace.files[uri]?.findings, uri)
        }
    }

    /// A select-all over a line of thousands of findings: at most 200 quick fixes, the fix-all
    /// action still offered, and positions converted in one pass (it was quadratic).
    func testCodeActionsOverManyFindingsAreCapped() {
        let client = TestClient()
        _ = client.initialize()
        client.open(uri, cleanExample + String(repeating: "Ð ", count: 5000) + "\n")
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", document(uri)), ("range", range((0, 0), (200, 0))), ("context", .object([("diagnostics", .array([]))])),
        ]))["result"]?.arrayValue ?? []
        XCTAssertEqual(actions.filter { $0["kind"]?.stringValue == "quickfix" }.count, LanguageServer.diagnosticsShownPerFile)
        XCTAssertEqual(actions.filter { $0["kind"]?.stringValue == "source.fixAll.hoso" }.count, 1)
        let last = actions.last { $0["kind"]?.stringValue == "quickfix" }
        XCTAssertEqual(last?["edit"]?["changes"]?[uri]?[0]?["range"], range((64, 398), (64, 399)))
    }

    /// A pulling client is asked to pull again when background work changed what it would get.
    func testAPullingClientIsAskedToRefreshAfterBackgroundWork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(cleanExample.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        let client = TestClient()
        _ = client.initialize(pull: true, root: folder.path, refresh: true)
        XCTAssertEqual(client.requests("workspace/diagnostic/refresh").count, 1)
        let mark = client.mark
        client.notify("workspace/didChangeConfiguration", .object([("settings", .object([("hoso", .object([("language", .string("en"))]))]))]))
        XCTAssertEqual(client.requests("workspace/diagnostic/refresh", since: mark).count, 1)
        XCTAssertTrue(client.notifications("$/progress").isEmpty, "no progress without the client's capability")
    }

    func testFramerHandlesSplitsBadHeadersAndHugeBodies() {
        var framer = MessageFramer(maxBodyBytes: 10)
        let stream = Array("Content-Length: 2\r\n\r\n{}X-Bogus\r\n\r\nContent-Length: 99\r\n\r\n".utf8) + Array(repeating: 0x20, count: 99)
            + Array("content-length:3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]".utf8)
        var events: [FrameEvent] = []
        for byte in stream {  // one byte at a time: every split point
            framer.push([byte][...])
            while let event = framer.next() { events.append(event) }
        }
        XCTAssertEqual(events, [.message(Array("{}".utf8)), .badHeader("header line without ':': X-Bogus"), .tooLarge(99), .message(Array("[1]".utf8))])
        var negative = MessageFramer()
        negative.push(Array("Content-Length: -5\r\n\r\n".utf8)[...])
        XCTAssertEqual(negative.next(), .badHeader("Content-Length is not a non-negative integer: -5"))
    }

    /// After a stray newline, a BOM, an unreadable length or a length too large, framing finds
    /// the next header and every later message gets through.
    func testFramerResynchronizesAfterGarbage() {
        let a = #"{"id":1}"#, b = #"{"id":2}"#, c = #"{"id":3}"#, d = #"{"id":4}"#
        let stream = "\n" + "Content-Length: 8\r\n\r\n" + a
            + "\u{FEFF}Content-Length: 8\r\n\r\n" + b
            + "Content-Length: abc\r\n\r\n{\"lost\":true}"
            + "Content-Length: 8\r\n\r\n" + c
            + "Content-Length: 500\r\n\r\n{\"short\":1}"
            + "Content-Length: 8\r\n\r\n" + d
        for chunk in [1, 7, stream.utf8.count] {
            var framer = MessageFramer()
            var events: [FrameEvent] = []
            let bytes = Array(stream.utf8)
            for offset in stride(from: 0, to: bytes.count, by: chunk) {
                framer.push(bytes[offset..<min(bytes.count, offset + chunk)])
                while let event = framer.next() { events.append(event) }
            }
            XCTAssertEqual(events, [.message(Array(a.utf8)), .message(Array(b.utf8)),
                                    .badHeader("Content-Length is not a non-negative integer: abc"),
                                    .message(Array(c.utf8)), .message(Array(#"{"short":1}"#.utf8)), .message(Array(d.utf8))],
                           "chunks of \(chunk) bytes")
        }
    }

    /// A length over the limit that is a lie (a few bytes follow, then the next message) skips
    /// only to the next header; two different lengths in one header take the larger, which the
    /// next header corrects.
    func testFramerResynchronizesAfterALengthOverTheLimitAndDuplicateLengths() {
        let a = #"{"id":1}"#, b = #"{"id":2}"#, c = #"{"id":3}"#
        let stream = "Content-Length: 999999999\r\n\r\n{\"huge\":0}"
            + "Content-Length: 8\r\n\r\n" + a
            + "Content-Length: 3\r\nContent-Length: 8\r\n\r\n" + b
            + "Content-Length: 8\r\ncontent-length: 100\r\n\r\n" + c
            + "Content-Length: 8\r\n\r\n" + a
        for chunk in [1, 5, 64, stream.utf8.count] {
            var framer = MessageFramer(maxBodyBytes: 1000)
            var events: [FrameEvent] = []
            let bytes = Array(stream.utf8)
            for offset in stride(from: 0, to: bytes.count, by: chunk) {
                framer.push(bytes[offset..<min(bytes.count, offset + chunk)])
                while let event = framer.next() { events.append(event) }
            }
            XCTAssertEqual(events, [.tooLarge(999999999), .message(Array(a.utf8)), .message(Array(b.utf8)),
                                    .message(Array(c.utf8)), .message(Array(a.utf8))], "chunks of \(chunk) bytes")
        }
        // A real body over the limit, with no header inside, is skipped whole; the next one is read.
        var framer = MessageFramer(maxBodyBytes: 10)
        framer.push(Array("Content-Length: 5000\r\n\r\n[".utf8 + Array(repeating: 0x30, count: 4998) + "]".utf8 + "Content-Length: 2\r\n\r\n{}".utf8)[...])
        var events: [FrameEvent] = []
        while let event = framer.next() { events.append(event) }
        XCTAssertEqual(events, [.tooLarge(5000), .message(Array("{}".utf8))])
    }
}
