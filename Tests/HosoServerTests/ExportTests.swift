import Foundation
import XCTest
import HosoProtocol
import HosoWorkspace
@testable import HosoServer

/// `workspace/executeCommand` `hoso.export`: the editor's unsaved text exported beside the file.
final class ExportTests: XCTestCase {
    func export(_ client: TestClient, _ arguments: [JSON]) -> JSON {
        client.request("workspace/executeCommand", .object([("command", .string("hoso.export")), ("arguments", .array(arguments))]))
    }

    func messages(_ client: TestClient, since mark: Int) -> [(type: Int?, text: String?)] {
        client.notifications("window/showMessage", since: mark).map { ($0["params"]?["type"]?.intValue, $0["params"]?["message"]?.stringValue) }
    }

    func testExportsTheUnsavedTextBesideTheFile() throws {
        let folder = try temporaryFolder("hoso-export", self)
        let file = folder.appendingPathComponent("ho so/a.hoso")
        try write(cleanExample, to: file)
        let uri = FileURI.uri(file.path)
        let client = TestClient()
        let capabilities = client.initialize(root: folder.path)["result"]?["capabilities"]
        XCTAssertEqual(capabilities?["executeCommandProvider"]?["commands"], .array([.string("hoso.fixAllInWorkspace"), .string("hoso.export")]))
        client.open(uri, cleanExample)
        client.change(uri, version: 2, [(nil, cleanExample.replacingOccurrences(of: "Kính gửi: Chánh Văn phòng UBND tỉnh", with: "Kính gửi: Hội đồng Thi đua - Khen thưởng"))])

        var mark = client.mark
        let html = export(client, [.object([("uri", .string(uri)), ("format", .string("html"))])])
        let htmlPath = folder.appendingPathComponent("ho so/a.html").path
        XCTAssertEqual(html["result"]?.stringValue, htmlPath)
        let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
        XCTAssertTrue(page.contains("Kính gửi: Hội đồng Thi đua - Khen thưởng"), "the editor's text, not the disk's")
        XCTAssertEqual(messages(client, since: mark).map(\.type), [3])
        XCTAssertEqual(messages(client, since: mark).first?.text, "hoso: đã xuất \(htmlPath) (tờ trình, biên bản, 1 báo cáo thành tích)")

        // `[uri]` alone is a DOCX; exporting again replaces hoso's own file.
        let docxPath = folder.appendingPathComponent("ho so/a.docx").path
        XCTAssertEqual(export(client, [.string(uri)])["result"]?.stringValue, docxPath)
        XCTAssertEqual(export(client, [.string(uri), .string("docx")])["result"]?.stringValue, docxPath)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: docxPath))).prefix(2), [0x50, 0x4B])

        // A file someone else saved there is kept, unless forced.
        try write("bản đã sửa tay", to: URL(fileURLWithPath: docxPath))
        mark = client.mark
        let refused = export(client, [.string(uri)])
        XCTAssertEqual(refused["error"]?["code"]?.intValue, -32803)
        XCTAssertEqual(messages(client, since: mark).map(\.type), [1])
        XCTAssertEqual(try String(contentsOfFile: docxPath, encoding: .utf8), "bản đã sửa tay")
        XCTAssertEqual(export(client, [.object([("uri", .string(uri)), ("force", .bool(true))])])["result"]?.stringValue, docxPath)
    }

    func testDossierNotOpenIsReadFromDiskAndErrorsAreSaid() throws {
        let folder = try temporaryFolder("hoso-export-disk", self)
        let broken = cleanExample.replacingOccurrences(of: "Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của ai đó")
        let file = folder.appendingPathComponent("b.hoso")
        try write(broken, to: file)
        let client = TestClient()
        _ = client.initialize(options: .object([("hoso", .object([("language", .string("en"))]))]))
        let mark = client.mark
        let answer = export(client, [.string(FileURI.uri(file.path))])
        XCTAssertEqual(answer["result"]?.stringValue, folder.appendingPathComponent("b.docx").path)
        let said = messages(client, since: mark)
        XCTAssertEqual(said.map(\.type), [2], "a warning: the dossier has errors")
        XCTAssertTrue(said.first?.text?.hasPrefix("hoso: exported \(folder.appendingPathComponent("b.docx").path) (Tờ trình, Biên bản, 1 Báo cáo thành tích); the dossier has ") ?? false,
                      said.first?.text ?? "")
    }

    /// A dossier that is not Unicode text, or an empty one, is refused: an error and a message, no file.
    func testUnreadableOrEmptyDossierIsRefused() throws {
        let folder = try temporaryFolder("hoso-export-unreadable", self)
        let binary = folder.appendingPathComponent("c.hoso")
        try Data([0x41, 0x00, 0x42, 0xFF, 0x00, 0x00]).write(to: binary)
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        var mark = client.mark
        let refused = export(client, [.string(FileURI.uri(binary.path))])
        XCTAssertEqual(refused["error"]?["code"]?.intValue, -32803)
        XCTAssertTrue(refused["error"]?["message"]?.stringValue?.contains("không phải văn bản Unicode (HS001)") ?? false, "\(refused)")
        XCTAssertEqual(messages(client, since: mark).map(\.type), [1])
        let empty = folder.appendingPathComponent("d.hoso")
        try write("", to: empty)
        client.open(FileURI.uri(empty.path), "\n")
        mark = client.mark
        let blank = export(client, [.string(FileURI.uri(empty.path))])
        XCTAssertTrue(blank["error"]?["message"]?.stringValue?.contains("trống") ?? false, "\(blank)")
        XCTAssertEqual(messages(client, since: mark).map(\.type), [1])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["c.hoso", "d.hoso"])
    }

    func testBadArguments() throws {
        let client = TestClient()
        _ = client.initialize()
        XCTAssertEqual(export(client, [])["error"]?["code"]?.intValue, -32602)
        XCTAssertEqual(export(client, [.string("untitled:1")])["error"]?["code"]?.intValue, -32602)
        XCTAssertEqual(export(client, [.string("file:///tmp/a.hoso"), .string("pdf")])["error"]?["code"]?.intValue, -32602)
        let missing = export(client, [.string("file:///khong/co/a.hoso")])
        XCTAssertEqual(missing["error"]?["code"]?.intValue, -32803)
        XCTAssertTrue(missing["error"]?["message"]?.stringValue?.contains("/khong/co/a.hoso") ?? false)
    }
}
