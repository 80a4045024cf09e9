import Foundation
import XCTest

/// Issue 13's gate defects, each through the real binary: what once passed having checked
/// nothing, or printed what a terminal or a CI log would misread.
final class GateTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String]) throws -> HosoRun {
        try runHoso(arguments, stdin: nil, environment: [:], directory: folder)
    }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    var example: String {
        get throws { try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8) }
    }

    /// A missing path once printed "no problems" on stdout beside its exit 2.
    func testAMissingPathNeverReadsAsClean() throws {
        let run = try hoso(["lint", "khong-co.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 0 tệp; không kiểm tra được 1 tệp (xem thông báo ở trên).\n")
        XCTAssertEqual(run.stderr, "hoso: không tìm thấy \"khong-co.hoso\"; kiểm tra lại đường dẫn\n")
        let json = try hoso(["lint", "--format", "json", "khong-co.hoso"])
        XCTAssertEqual(json.status, 2)
        let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual(summary["notChecked"] as? Int, 1)
    }

    /// Upper-case names and Notepad's `.hoso.txt` are dossiers too; the latter with a note.
    func testEveryKindOfDossierNameIsChecked() throws {
        try write(Array(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chuc vu: Chuyên viên\n").utf8), to: "A.HOSO")
        try write(Array(try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-kinh-te.hoso"), encoding: .utf8).utf8), to: "b.hoso.txt")
        let run = try hoso(["lint", "--max-warnings", "0", "."])
        XCTAssertEqual(run.status, 1, "the warning in A.HOSO counts")
        XCTAssertTrue(run.stdout.contains("\n0 lỗi, 1 cảnh báo, 0 lưu ý trong 2 tệp.\n"), run.stdout)
        XCTAssertTrue(run.stderr.contains("hoso: lưu ý: \"./b.hoso.txt\" có đuôi .txt do Notepad thêm vào; hãy đổi tên thành \"./b.hoso\"\n"), run.stderr)
    }

    /// `<!-- hoso-disable -->` with no code once switched every rule off.
    func testADisableWithoutCodesTurnsNothingOff() throws {
        let text = "<!-- hoso-disable -->\n" + (try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chuc vu: Chuyên viên\n"))
        try write(Array(text.utf8), to: "a.hoso")
        let run = try hoso(["lint", "--format", "json", "a.hoso"])
        let file = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])?.first)
        let diagnostics = try XCTUnwrap(file["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { "\($0["code"]!)@\($0["line"]!)" }, ["HS010@1", "HS108@18"])
        XCTAssertEqual((file["suppressed"] as? [Any])?.count, 0)
    }

    /// GitHub's workflow commands end at a line break: CR and LF in names and messages are escaped.
    func testGitHubOutputEscapesLineBreaksInNames() throws {
        try write(Array(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chuc vu: Chuyên viên\n").utf8), to: "x\ny\rz.hoso")
        let run = try hoso(["lint", "--format", "github", "x\ny\rz.hoso"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, run.stdout)
        XCTAssertTrue(run.stdout.hasPrefix("::warning file=x%0Ay%0Dz.hoso,line=17,col=1,endLine=17,endColumn=8,title=HS108::"), run.stdout)
    }

    /// Terminal controls in a dossier are reported, and shown as stand-ins, never sent raw.
    func testTheTextReportNeverEchoesTerminalControls() throws {
        let text = try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chức vụ: Chuyên \u{1B}[2J\u{07}viên\n")
        try write(Array(text.utf8), to: "a.hoso")
        let run = try hoso(["lint", "a.hoso"])
        XCTAssertFalse(run.stdout.contains("\u{1B}") || run.stdout.contains("\u{07}"), run.stdout)
        XCTAssertTrue(run.stdout.contains(" 17 | Chức vụ: Chuyên ␛[2J␇viên\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("a.hoso:17:17: cảnh báo[HS005]: Ký tự ẩn/điều khiển U+001B; hãy xoá.\n"), run.stdout)
    }
}
