import Foundation
import XCTest

/// `hoso export` through the real binary: naming, formats, `--force`, errors and exit statuses.
final class ExportCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("khoa").path)
        try? FileManager.default.removeItem(at: folder)
    }

    var example: String {
        get throws { try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8) }
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: environment, directory: folder)
    }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))) }

    func testDefaultNameBesideTheDossierAndForce() throws {
        try write(try example, to: "ho-so/a.hoso")
        let run = try hoso(["export", "ho-so/a.hoso"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "hoso: đã ghi ho-so/a.docx: tờ trình, biên bản và 1 báo cáo thành tích\n")
        let docx = try bytes("ho-so/a.docx")
        XCTAssertEqual(Array(docx.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip")
        // An existing export is kept without --force, and replaced with it.
        try Data("cũ".utf8).write(to: folder.appendingPathComponent("ho-so/a.docx"))
        let kept = try hoso(["export", "ho-so/a.hoso"])
        XCTAssertEqual(kept.status, 2)
        XCTAssertEqual(kept.stderr, "hoso: \"ho-so/a.docx\" đã có; không ghi đè (thêm --force để ghi đè)\n")
        XCTAssertEqual(try bytes("ho-so/a.docx"), Array("cũ".utf8))
        let english = try hoso(["export", "ho-so/a.hoso", "--lang", "en"])
        XCTAssertEqual(english.stderr, "hoso: \"ho-so/a.docx\" exists; not overwritten (add --force to overwrite)\n")
        XCTAssertEqual(try hoso(["export", "--force", "ho-so/a.hoso"]).status, 0)
        XCTAssertEqual(try bytes("ho-so/a.docx").prefix(2), [0x50, 0x4B])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ho-so").path).sorted(), ["a.docx", "a.hoso"],
                       "no temporary file left behind")
    }

    func testFormatFromTheOptionOrTheOutputName() throws {
        try write(try example, to: "a.hoso.txt")
        XCTAssertEqual(try hoso(["export", "--format", "html", "a.hoso.txt"]).status, 0)
        XCTAssertTrue(String(decoding: try bytes("a.html"), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(try hoso(["export", "a.hoso.txt", "-o", "in/../ban-in.HTM"]).status, 2, "a missing folder on the way")
        XCTAssertEqual(try hoso(["export", "a.hoso.txt", "-o", "ban-in.HTM"]).status, 0)
        XCTAssertTrue(String(decoding: try bytes("ban-in.HTM"), as: UTF8.self).contains("lang=\"vi\""))
        XCTAssertEqual(try hoso(["export", "a.hoso.txt", "--output=ban-in"]).status, 0)
        XCTAssertEqual(try bytes("ban-in").prefix(2), [0x50, 0x4B], "no extension: DOCX")
        let pdf = try hoso(["export", "a.hoso.txt", "-o", "ban-in.pdf"])
        XCTAssertEqual(pdf.status, 2)
        XCTAssertEqual(pdf.stderr, "hoso: không xuất được ra .pdf: hoso export ghi .docx hoặc .html (chọn bằng --format docx|html)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ban-in.pdf").path))
        // A folder as OUT: the default name inside it.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ra"), withIntermediateDirectories: true)
        let inside = try hoso(["export", "a.hoso.txt", "-o", "ra", "--format", "html"])
        XCTAssertEqual(inside.status, 0, inside.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ra/a.html").path))
    }

    func testStandardOutputAndInputAndReproducibleBytes() throws {
        try write(try example, to: "a.hoso")
        let epoch = ["SOURCE_DATE_EPOCH": "1652862600"]
        let first = try hoso(["export", "a.hoso", "-o", "-"], environment: epoch)
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(first.stderr, "")
        XCTAssertTrue(first.stdout.hasPrefix("PK"))
        XCTAssertEqual(try hoso(["export", "a.hoso", "-o", "x.docx"], environment: epoch).status, 0)
        XCTAssertEqual(try hoso(["export", "a.hoso", "-o", "y.docx"], environment: epoch).status, 0)
        XCTAssertEqual(try bytes("x.docx"), try bytes("y.docx"), "same dossier, same SOURCE_DATE_EPOCH: same bytes")
        let piped = try hoso(["export", "-", "-o", "-", "--format", "html"], stdin: Array(try example.utf8))
        XCTAssertEqual(piped.status, 0)
        XCTAssertTrue(piped.stdout.contains("Số: 12/TTr-TCHCQT"))
        let noName = try hoso(["export", "-"], stdin: Array(try example.utf8))
        XCTAssertEqual(noName.status, 2)
        XCTAssertTrue(noName.stderr.contains("-o"), noName.stderr)
    }

    func testDossierWithErrorsIsExportedWithAWarning() throws {
        let broken = try example.replacingOccurrences(of: "Năm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa", with: "Năm 2021: Không hoàn thành nhiệm vụ\nSáng kiến: Số hóa")
            .replacingOccurrences(of: "Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của ai đó")
        try write(broken, to: "loi.hoso")
        let run = try hoso(["export", "loi.hoso"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.hasPrefix("hoso: cảnh báo: hồ sơ có "), run.stderr)
        XCTAssertTrue(run.stderr.contains(" lỗi; bản in vẫn được xuất, nhưng hãy sửa trước khi trình ký (xem `hoso lint loi.hoso`)\n"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("hoso: đã ghi loi.docx: tờ trình, biên bản và 1 báo cáo thành tích\n"), run.stderr)
        let english = try hoso(["export", "--lang", "en", "--force", "loi.hoso"])
        XCTAssertTrue(english.stderr.contains("the papers were exported anyway"), english.stderr)
        XCTAssertTrue(english.stderr.contains("(see `hoso lint loi.hoso`)"), english.stderr)
    }

    /// A dossier that is not Unicode text, or is empty, would print as dotted lines only: exit 2,
    /// nothing written, and the advice fits the case (the conversion only for a recognised encoding).
    func testUnreadableOrEmptyDossierIsNotExported() throws {
        let legacy = try Data(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi/phong-hanh-chinh-tcvn3.hoso"))
        try legacy.write(to: folder.appendingPathComponent("cu.hoso"))
        let run = try hoso(["export", "cu.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "hoso: \"cu.hoso\" không phải văn bản Unicode (HS001), bản in sẽ chỉ có dấu chấm; chưa xuất gì. "
                       + "Tệp viết bằng bảng mã TCVN3/ABC: chuyển sang UTF-8 bằng `hoso lint --fix --unsafe-fixes cu.hoso`, đọc soát lại rồi xuất lại\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cu.docx").path))

        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0xFF, 0x10, 0x00, 0x41]).write(to: folder.appendingPathComponent("nhi-phan.hoso"))
        let binary = try hoso(["export", "nhi-phan.hoso", "--lang", "en"])
        XCTAssertEqual(binary.status, 2)
        XCTAssertTrue(binary.stderr.hasPrefix("hoso: \"nhi-phan.hoso\" is not Unicode text (HS001)"), binary.stderr)
        XCTAssertTrue(binary.stderr.hasSuffix("save it as UTF-8 text, then export again\n"), binary.stderr)
        XCTAssertFalse(binary.stderr.contains("--fix"), "no conversion to offer: " + binary.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nhi-phan.docx").path))

        try write("", to: "trong.hoso")
        let empty = try hoso(["export", "trong.hoso"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.hasPrefix("hoso: \"trong.hoso\" trống, không có gì để in; chưa xuất gì."), empty.stderr)
        try write("\u{FEFF}\n  \r\n", to: "trong2.hoso")
        XCTAssertEqual(try hoso(["export", "trong2.hoso", "-o", "-"]).status, 2, "blanks and a BOM are empty too")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["cu.hoso", "nhi-phan.hoso", "trong.hoso", "trong2.hoso"])
    }

    /// `-o` into a folder that does not exist says so (hoso creates none), whatever the spelling.
    func testAMissingOutputFolderIsNamed() throws {
        try write(try example, to: "a.hoso")
        let slash = try hoso(["export", "a.hoso", "-o", "in/", "--force"])
        XCTAssertEqual(slash.status, 2)
        XCTAssertEqual(slash.stderr, "hoso: thư mục \"in/\" không có (hoso không tạo thư mục); tạo nó trước hoặc chọn thư mục có sẵn cho -o\n")
        let file = try hoso(["export", "a.hoso", "-o", "in/b.html", "--lang", "en"])
        XCTAssertEqual(file.status, 2)
        XCTAssertEqual(file.stderr, "hoso: the folder \"in/\" does not exist (hoso creates no folders); create it first or choose an existing folder for -o\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("in").path))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        XCTAssertEqual(try hoso(["export", "a.hoso", "-o", "in/"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("in/a.docx").path))
    }

    /// `--format` and the output's extension must agree; the default name replaces the extension.
    func testFormatAndExtensionAgreeAndTheExtensionIsReplaced() throws {
        try write(try example, to: "a.hoso")
        let mismatch = try hoso(["export", "a.hoso", "-o", "y.docx", "--format", "html"])
        XCTAssertEqual(mismatch.status, 2)
        XCTAssertEqual(mismatch.stderr, "hoso: --format html nhưng tệp ra \"y.docx\" là .docx; đổi đuôi tệp hoặc bỏ --format\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("y.docx").path))
        XCTAssertEqual(try hoso(["export", "a.hoso", "-o", "y.htm", "--format", "html"]).status, 0)
        try write(try example, to: "notes.txt")
        let notes = try hoso(["export", "notes.txt"])
        XCTAssertEqual(notes.status, 0, notes.stderr)
        XCTAssertEqual(notes.stderr, "hoso: đã ghi notes.docx: tờ trình, biên bản và 1 báo cáo thành tích\n")
    }

    func testWhatCannotBeReadOrWrittenExitsTwo() throws {
        let missing = try hoso(["export", "khong-co.hoso"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "hoso: không tìm thấy \"khong-co.hoso\"; kiểm tra lại đường dẫn\n")
        XCTAssertEqual(try hoso(["export"]).status, 2)
        XCTAssertEqual(try hoso(["export", "a.hoso", "b.hoso"]).status, 2)
        XCTAssertEqual(try hoso(["export", "--format", "pdf", "a.hoso"]).status, 2)
        try write(try example, to: "a.hoso")
        // The dossier itself is never the output, even with --force.
        let itself = try hoso(["export", "a.hoso", "-o", "a.hoso", "--force"])
        XCTAssertEqual(itself.status, 2)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.hoso"), encoding: .utf8), try example)
        guard getuid() != 0 else { return }  // root writes anywhere
        let locked = folder.appendingPathComponent("khoa")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        let refused = try hoso(["export", "a.hoso", "-o", "khoa/a.docx"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("hoso: "), refused.stderr)
    }

    /// `--profile` (and a config's profile) give the parent body when the dossier has none.
    func testProfileGivesTheParentBody() throws {
        try write(try example, to: "a.hoso")
        var profile = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json"), encoding: .utf8)
        profile = profile.replacingOccurrences(of: "\"parentBody\": \"Văn phòng UBND tỉnh Sơn La\"", with: "\"parentBody\": \"Sở Nội vụ tỉnh Sơn La\"")
        try write(profile, to: "p.json")
        let run = try hoso(["export", "a.hoso", "--profile", "p.json", "-o", "-", "--format", "html"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("<p class=\"parent\">SỞ NỘI VỤ TỈNH SƠN LA</p>"))
        try write(#"{"profile": "p.json"}"#, to: "hoso.json")
        XCTAssertTrue(try hoso(["export", "a.hoso", "-o", "-", "--format", "html"]).stdout.contains("SỞ NỘI VỤ TỈNH SƠN LA"))
        try write(#"{"language": "en"}"#, to: "other.json")
        let configured = try hoso(["export", "a.hoso", "--config", "other.json", "-o", "b.html"])
        XCTAssertEqual(configured.stderr, "hoso: wrote b.html: the Tờ trình, the Biên bản and 1 Báo cáo thành tích\n")
        XCTAssertTrue(String(decoding: try bytes("b.html"), as: UTF8.self).contains("VĂN PHÒNG UBND TỈNH SƠN LA"))
    }
}
