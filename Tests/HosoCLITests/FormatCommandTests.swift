import Foundation
import XCTest

/// `hoso format` through the real binary: what it writes (and never touches), `--check` and
/// `--diff` (exit 1, nothing written), standard input, and the paths it cannot format (exit 2).
final class FormatCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: [:], directory: folder)
    }

    func write(_ bytes: [UInt8], to name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func contents(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    func modified(_ name: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as! Date
    }

    /// Sets a file's modification time far in the past, so a rewrite would show.
    func age(_ name: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                              ofItemAtPath: folder.appendingPathComponent(name).path)
    }

    static let messy = "Đơn vị: Phòng Kinh tế  \n\n\n# TỜ TRÌNH\nSố: 12/TTr-KT \t\n## DANH SÁCH ĐỀ NGHỊ\n\n"
    static let tidy = "Đơn vị: Phòng Kinh tế\n\n# TỜ TRÌNH\nSố: 12/TTr-KT\n\n## DANH SÁCH ĐỀ NGHỊ\n"

    func testWritesChangedFilesOnlyKeepingLineEndsBOMAndMode() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try write(bom + Array(Self.messy.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: "a.hoso")
        try write(Array(Self.tidy.utf8), to: "b.hoso")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.appendingPathComponent("a.hoso").path)
        try age("a.hoso")
        try age("b.hoso")
        let run = try hoso(["format"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "hoso: đã định dạng lại 1 tệp, 1 tệp giữ nguyên\n")
        XCTAssertEqual(try contents("a.hoso"), bom + Array(Self.tidy.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("a.hoso").path)[.posixPermissions] as? Int, 0o640)
        XCTAssertNotEqual(try modified("a.hoso"), Date(timeIntervalSince1970: 1_000_000_000))
        XCTAssertEqual(try modified("b.hoso"), Date(timeIntervalSince1970: 1_000_000_000), "an unchanged file is not written")
        // Formatted is formatted: a second run touches nothing.
        try age("a.hoso")
        let again = try hoso(["format", "--lang", "en", "."])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "hoso: 2 files left unchanged\n")
        XCTAssertEqual(try modified("a.hoso"), Date(timeIntervalSince1970: 1_000_000_000))
    }

    func testCheckListsWhatWouldChangeAndWritesNothing() throws {
        try write(Array(Self.messy.utf8), to: "ho-so/a.hoso")
        try write(Array(Self.tidy.utf8), to: "ho-so/b.hoso")
        try age("ho-so/a.hoso")
        let run = try hoso(["format", "--check", "ho-so"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "ho-so/a.hoso\n")
        XCTAssertEqual(run.stderr, "hoso: 1 tệp sẽ được định dạng lại (chưa ghi gì), 1 tệp đã đúng định dạng\n")
        XCTAssertEqual(try contents("ho-so/a.hoso"), Array(Self.messy.utf8))
        XCTAssertEqual(try modified("ho-so/a.hoso"), Date(timeIntervalSince1970: 1_000_000_000))
        let clean = try hoso(["format", "--check", "ho-so/b.hoso", "--lang", "en"])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "")
        XCTAssertEqual(clean.stderr, "hoso: 1 file already formatted\n")
    }

    /// The diff is byte for byte (CRLF, BOM): `patch` applied to the file gives what `format` writes.
    func testDiffPrintsWhatWouldChangeAndPatchAppliesIt() throws {
        let crlf = [0xEF, 0xBB, 0xBF] + Array(Self.messy.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try write(crlf, to: "a.hoso")
        try write(crlf, to: "b.hoso")
        let run = try hoso(["format", "--diff", "a.hoso"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "--- a.hoso\n+++ a.hoso\n@@ -1,7 +1,6 @@\n-\u{FEFF}Đơn vị: Phòng Kinh tế  \r\n-\r\n+\u{FEFF}Đơn vị: Phòng Kinh tế\r\n \r\n # TỜ TRÌNH\r\n"
                       + "-Số: 12/TTr-KT \t\r\n+Số: 12/TTr-KT\r\n+\r\n ## DANH SÁCH ĐỀ NGHỊ\r\n-\r\n")
        XCTAssertEqual(run.stderr, "hoso: 1 tệp sẽ được định dạng lại (chưa ghi gì)\n")
        XCTAssertEqual(try contents("a.hoso"), crlf, "--diff writes nothing")
        try Data(run.stdout.utf8).write(to: folder.appendingPathComponent("d.patch"))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-s", "-p0", "-o", "patched.hoso", "a.hoso", "d.patch"]
        patch.currentDirectoryURL = folder
        try patch.run()
        patch.waitUntilExit()
        XCTAssertEqual(patch.terminationStatus, 0)
        XCTAssertEqual(try hoso(["format", "b.hoso"]).status, 0)
        XCTAssertEqual(try contents("patched.hoso"), try contents("b.hoso"))
        let none = try hoso(["format", "--diff", "b.hoso"])
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.stdout, "")
    }

    func testStandardInputGoesToStandardOutput() throws {
        let run = try hoso(["format", "-"], stdin: Array(Self.messy.utf8))
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, Self.tidy)
        XCTAssertEqual(run.stderr, "", "stdout holds the text; nothing else to say")
        let same = try hoso(["format", "-"], stdin: Array(Self.tidy.utf8))
        XCTAssertEqual(same.stdout, Self.tidy, "unchanged text is printed too")
        let check = try hoso(["format", "--check", "--stdin-filename", "nhap.hoso", "-"], stdin: Array(Self.messy.utf8))
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stdout, "nhap.hoso\n")
    }

    func testWhatCannotBeFormattedExitsTwo() throws {
        let tcvn3: [UInt8] = Array("Đơn vị: ".utf8) + [0x50, 0xE5, 0x6E, 0x67, 0x20, 0x20, 0x0A]  // "Phòng" in TCVN3, two spaces
        try write(tcvn3, to: "cu.hoso")
        try write(Array(Self.messy.utf8), to: "a.hoso")
        let run = try hoso(["format", "cu.hoso", "a.hoso", "khong-co.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, """
            hoso: không tìm thấy "khong-co.hoso"; kiểm tra lại đường dẫn
            hoso: "cu.hoso" không phải văn bản Unicode (HS001) nên không định dạng; chuyển nó sang UTF-8 trước: hoso lint --fix --unsafe-fixes "cu.hoso"
            hoso: đã định dạng lại 1 tệp, không định dạng được 1 tệp và 1 đường dẫn (xem các dòng "hoso: …" ở trên)

            """)
        XCTAssertEqual(try contents("cu.hoso"), tcvn3, "left as it is")
        XCTAssertEqual(try contents("a.hoso"), Array(Self.tidy.utf8), "the others are formatted")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("trong"), withIntermediateDirectories: true)
        let empty = try hoso(["format", "--check", "trong", "--lang", "en"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.stderr, "hoso: no dossier (*.hoso) in \"trong\"; check the folder\nhoso: 1 path could not be formatted (see the \"hoso: …\" lines above)\n")
        // A file with another name (a hard link) is not split from it unless asked.
        try FileManager.default.linkItem(at: folder.appendingPathComponent("cu.hoso"), to: folder.appendingPathComponent("lien-ket.hoso"))
        try write(Array(Self.messy.utf8), to: "cu.hoso")
        XCTAssertEqual(try hoso(["format", "lien-ket.hoso"]).status, 2)
        XCTAssertEqual(try contents("lien-ket.hoso"), Array(Self.messy.utf8))
        XCTAssertEqual(try hoso(["format", "--break-links", "lien-ket.hoso"]).status, 0)
        XCTAssertEqual(try contents("lien-ket.hoso"), Array(Self.tidy.utf8))
        XCTAssertEqual(try hoso(["format", "--check", "--break-links"]).status, 2, "a usage error")
    }

    func testExcludeAndConfig() throws {
        try write(Array(#"{"exclude": ["nhap/**"], "language": "en"}"#.utf8), to: "hoso.json")
        try write(Array(Self.messy.utf8), to: "nhap/b.hoso")
        try write(Array(Self.messy.utf8), to: "a.hoso")
        let walk = try hoso(["format", "--check"])
        XCTAssertEqual(walk.stdout, "a.hoso\n", "a walk honours exclude")
        XCTAssertEqual(walk.stderr, "hoso: 1 file would be reformatted (nothing written)\n", "in the config's language")
        XCTAssertEqual(try hoso(["format", "--check", "nhap/b.hoso"]).status, 1, "a named file is formatted")
        let forced = try hoso(["format", "--force-exclude", "nhap/b.hoso"])
        XCTAssertEqual(forced.status, 0)
        XCTAssertEqual(forced.stderr, "hoso: every file named is excluded by `exclude`; nothing to format\n")
        XCTAssertEqual(try contents("nhap/b.hoso"), Array(Self.messy.utf8))
        try write(Array("{}".utf8), to: "khac/cauhinh.json")
        XCTAssertEqual(try hoso(["format", "--check", "--config", "khac/cauhinh.json"]).stdout, "a.hoso\nnhap/b.hoso\n",
                       "--config replaces the hoso.json found")
    }
}
