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
        XCTAssertEqual(run.stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 0 tệp; không kiểm tra được 1 đường dẫn (xem các dòng \"hoso: …\").\n")
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
        XCTAssertTrue(run.stderr.contains("hoso: lưu ý: \"b.hoso.txt\" có đuôi .txt do Notepad thêm vào; hãy đổi tên thành \"b.hoso\"\n"), run.stderr)
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

    // MARK: Found by the new-user trial of the gate

    /// `"HS001": "off"` once made undecodable files pass as clean (nothing else is checked in them).
    func testAConfigCannotTurnOffTheCheckThatReadsTheFile() throws {
        try write([0x00, 0x01] + Array("nhị phân".utf8), to: "bin.hoso")
        try write(Array(#"{"rules": {"HS001": "off", "hs108": "off"}}"#.utf8), to: "hoso.json")
        let run = try hoso(["lint", "--max-warnings", "0", "."])
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stdout.contains("\nbin.hoso:1:1: lỗi[HS001]: ") || run.stdout.hasPrefix("bin.hoso:1:1: lỗi[HS001]: "), run.stdout)
        XCTAssertTrue(run.stderr.contains("/hoso.json:1:12: $.rules.HS001: HS001 luôn ở mức error: tệp không đọc được thì không kiểm tra được gì khác, nên không tắt hay hạ mức được; bỏ qua\n"), run.stderr)
    }

    /// `--diff` of a Word/Notepad file (BOM, CRLF) once dropped the CRs and the BOM, so `patch`
    /// refused it; it is byte for byte now, and `patch` gives what `--fix` writes.
    func testADiffOfACRLFFileWithABOMAppliesWithPatch() throws {
        let text = try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chuc vu: Chuyên viên\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "a.hoso")
        try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "b.hoso")
        let diff = try hoso(["lint", "--diff", "a.hoso"])
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.contains("\n-Chuc vu: Chuyên viên\r\n+Chức vụ: Chuyên viên\r\n"), diff.stdout)
        try Data(diff.stdout.utf8).write(to: folder.appendingPathComponent("d.patch"))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-s", "-p0", "-o", "patched.hoso", "a.hoso", "d.patch"]
        patch.currentDirectoryURL = folder
        try patch.run()
        patch.waitUntilExit()
        XCTAssertEqual(patch.terminationStatus, 0)
        _ = try hoso(["lint", "--fix", "b.hoso"])
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("patched.hoso")), try Data(contentsOf: folder.appendingPathComponent("b.hoso")))
    }

    /// A profile saved in a legacy encoding once loaded, and its names matched nothing.
    func testAProfileThatIsNotUTF8IsAClearError() throws {
        var profile = try Data(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json"))
        let at = profile.firstRange(of: Data("Bằng".utf8))!
        profile.replaceSubrange(at, with: [0x42, 0xB6, 0x6E, 0x67])  // "Bằng" in TCVN3
        try profile.write(to: folder.appendingPathComponent("p.json"))
        try write(Array(try example.utf8), to: "a.hoso")
        let run = try hoso(["lint", "--profile", "p.json", "a.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("hoso: profile hỏng: p.json:"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix(": $: không phải JSON hợp lệ: byte không phải UTF-8 (tệp lưu bằng bảng mã cũ như TCVN3, VNI, Windows-1258?); hãy mở tệp và lưu lại với bảng mã UTF-8\n"), run.stderr)
    }

    /// A broken config once gave a JSON summary of zeros and no GitHub annotation at all.
    func testABrokenConfigIsNeverAQuietCleanReport() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ho-so"), withIntermediateDirectories: true)
        try write(Array(try example.utf8), to: "ho-so/a.hoso")
        try write(Array(#"{"rules": {"HS204": "off",}}"#.utf8), to: "ho-so/hoso.json")
        let json = try hoso(["lint", "--format", "json", "ho-so"])
        XCTAssertEqual(json.status, 2)
        let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual(summary["notChecked"] as? Int, 1)
        let github = try hoso(["lint", "--format", "github", "--lang", "en", "ho-so"])
        XCTAssertEqual(github.status, 2)
        let lines = github.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, github.stdout)
        XCTAssertTrue(lines[0].hasPrefix("::error title=hoso/run-failed::") && lines[0].hasSuffix("/ho-so/hoso.json:1:26: not valid JSON: a ',' before '}': remove the last comma"), lines[0])
        XCTAssertEqual(lines[1], "::error file=ho-so,title=hoso/not-checked::\"ho-so\" was not checked: broken config or profile")
    }

    /// A folder's own `hoso.json` saying `"language": "en"` once spoke only when run from inside it.
    func testTheLanguageIsTheConfigsOfThePathChecked() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write(Array(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\n", with: "Chuc vu: Chuyên viên\n").utf8), to: "sub/x.hoso")
        try write(Array(#"{"language": "en"}"#.utf8), to: "sub/hoso.json")
        XCTAssertTrue(try hoso(["lint", "sub"]).stdout.hasSuffix("0 errors, 1 warning, 0 notes in 1 file.\n[*] 1 fixable with the --fix option.\n"))
        XCTAssertTrue(try hoso(["lint", "--lang", "vi", "sub/x.hoso"]).stdout.contains("cảnh báo[HS108]"))
        try write(Array(#"{"language": "en", "profile": "khong-co.json"}"#.utf8), to: "sub/hoso.json")
        XCTAssertTrue(try hoso(["lint", "sub"]).stderr.hasPrefix("hoso: cannot read the profile: "), "the broken profile is said in the config's language")
    }

    /// `explain` under another campaign once kept the built-in plan's deadline, form and years.
    func testExplainUnderAnotherCampaignHasItsDeadlineFormAndYears() throws {
        let profile = EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json").path
        let page = try hoso(["explain", "--profile", profile, "HS402", "HS110", "HS202"]).stdout
        XCTAssertTrue(page.contains("\nHồ sơ gửi về phòng Tổ chức - Hành chính - Quản trị trước ngày 15/6/2024: Tờ trình ghi ngày 15/6/2024 trở đi là quá hạn.\n"), page)
        XCTAssertTrue(page.contains("\n    Sơn La, ngày 15 tháng 6 năm 2024\n"), page)
        XCTAssertTrue(page.contains("\n    Sơn La, ngày 14 tháng 6 năm 2024\n"), page)
        XCTAssertTrue(page.contains("báo cáo thành tích theo Mẫu số 01, Nghị định 98/2023/NĐ-CP."), page)
        XCTAssertTrue(page.contains("\n    Năm 2022: Xuất sắc\n"), page)
        XCTAssertFalse(page.contains("2019") || page.contains("21/5/2022") || page.contains("Mẫu số 07") || page.contains("91/2017"), page)
    }

    /// One definition of a dossier: every editor setup takes the names a folder walk takes
    /// (`.hoso` in any case, Notepad's `.hoso.txt`), as the pre-commit hook does.
    func testEditorSetupsKnowEveryDossierName() throws {
        let root = EndToEndTests.packageRoot
        func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        for path in ["editors/vim/ftdetect/hoso.vim", "editors/neovim/lua/hoso/init.lua"] {
            XCTAssertTrue(try text(path).contains("*.hoso,*.HOSO,*.Hoso,*.hoso.txt,*.HOSO.TXT,*.HOSO.txt setfiletype hoso"), path)
        }
        XCTAssertTrue(try text("editors/emacs/hoso-mode.el").contains(#"'("\\.[hH][oO][sS][oO]\\(?:\\.[tT][xX][tT]\\)?\\'" . hoso-mode)"#))
        XCTAssertTrue(try text("editors/vscode/package.json").contains(#""extensions": [".hoso", ".HOSO", ".hoso.txt"]"#))
        XCTAssertTrue(try text("editors/helix/languages.toml").contains(#"file-types = ["hoso", "HOSO", { glob = "*.hoso.txt" }]"#))
        XCTAssertTrue(try text("editors/sublime/hoso.sublime-syntax").contains("file_extensions: [hoso, HOSO, hoso.txt]"))
        XCTAssertTrue(try text(".pre-commit-hooks.yaml").contains(#"files: (?i)\.hoso(\.txt)?$"#))
    }
}
