import Foundation
import XCTest

/// Runs the built `hoso` binary as a user would and checks its output and exit status.
final class EndToEndTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `hoso` executable next to the test bundle (`swift test` builds it, as a dependency).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("hoso"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hoso"),
            packageRoot.appendingPathComponent(".build/debug/hoso"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    typealias Run = HosoRun

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> Run {
        try runHoso(arguments, stdin: stdin, environment: environment, directory: directory ?? Self.packageRoot)
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testJSONOnExamplesHasExactCodesPositionsAndExitStatus() throws {
        let run = try hoso(["lint", "--format", "json", "Examples/phong-tchcqt.hoso", "Examples/co-loi/phong-tong-hop.hoso"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "")
        let report = try json(run.stdout)
        XCTAssertEqual((report["tool"] as? [String: Any])?["name"] as? String, "hoso")
        XCTAssertEqual(report["profile"] as? String, "son-la-vpub-2022")
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["Examples/phong-tchcqt.hoso", "Examples/co-loi/phong-tong-hop.hoso"])
        // The broken example proposes its nominee for a Giấy khen, so checked together the clean one stays clean.
        XCTAssertEqual((files[0]["diagnostics"] as? [[String: Any]])?.count, 0)
        let diagnostics = try XCTUnwrap(files[1]["diagnostics"] as? [[String: Any]])
        let spots = diagnostics.map { "\($0["code"]!)@\($0["line"]!):\($0["column"]!)" }
        XCTAssertEqual(spots, ["HS108@1:1", "HS108@3:3", "HS112@13:14", "HS107@14:1", "HS205@18:1", "HS107@23:1",
                               "HS111@31:3", "HS105@33:1", "HS003@38:12"])
        // The vote name: 1-based scalar columns and 0-based UTF-16 LSP range agree on Vietnamese text.
        let vote = diagnostics[6]
        XCTAssertEqual(vote["endColumn"] as? Int, 15)
        let range = try XCTUnwrap(vote["range"] as? [String: [String: Int]])
        XCTAssertEqual(range["start"], ["line": 30, "character": 2])
        XCTAssertEqual(range["end"], ["line": 30, "character": 14])
        XCTAssertEqual(vote["severity"] as? String, "error")
        XCTAssertEqual(vote["message"] as? String, "Kết quả biểu quyết ghi \"Đinh Văn Hai\", không có trong DANH SÁCH ĐỀ NGHỊ; có phải \"Đinh Văn Hải\"?")
        let fixes = try XCTUnwrap(diagnostics[0]["fixes"] as? [[String: Any]])
        XCTAssertEqual(fixes.first?["title"] as? String, "Sửa thành \"Đơn vị\"")
        let summary = try XCTUnwrap(report["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 2, "errors": 6, "warnings": 3, "infos": 0, "hints": 0, "suppressed": 0, "notChecked": 0,
                                 "fixable": 3, "unsafeFixable": 2])
    }

    /// A second unit's dossier (standard input) proposing another individual for Bằng khen puts
    /// both over the quota of 1 (HS501), each pointing at the other.
    func testQuotaAcrossDossiersPointsAtTheOther() throws {
        let example = try String(contentsOf: Self.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8)
        let second = example.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Lễ tân")
        let run = try hoso(["lint", "--format", "json", "Examples/phong-tchcqt.hoso", "--stdin-filename", "phong-moi.hoso", "-"],
                           stdin: Array(second.utf8))
        XCTAssertEqual(run.status, 1)
        let files = try XCTUnwrap(try json(run.stdout)["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["Examples/phong-tchcqt.hoso", "phong-moi.hoso"])
        for (file, other) in [(files[0], "phong-moi.hoso"), (files[1], "Examples/phong-tchcqt.hoso")] {
            let quota = try XCTUnwrap(file["diagnostics"] as? [[String: Any]])
            XCTAssertEqual(quota.map { "\($0["code"]!)@\($0["line"]!):\($0["column"]!)" }, ["HS501@16:14"])
            let related = try XCTUnwrap(quota[0]["related"] as? [[String: Any]])
            XCTAssertEqual(related.first?["path"] as? String, other)
            XCTAssertEqual(related.first?["line"] as? Int, 16)
            XCTAssertEqual(related.first?["column"] as? Int, 14)
        }
    }

    func testCleanFolderExitsZero() throws {
        let run = try hoso(["lint", "Examples/phong-tchcqt.hoso", "Examples/phong-kinh-te.hoso"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "Không có vấn đề nào trong 2 tệp.\n")
    }

    func testTextOutputUnderlinesVietnameseExactly() throws {
        let source = """
        Đơn vị: Phòng A
        # TỜ TRÌNH
        Số: 1/TTr-A
        Sơn La, ngày 18 tháng 5 năm 2022
        Kính gửi: Chánh Văn phòng
        Căn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;
        ## DANH SÁCH ĐỀ NGHỊ
        ### Tập thể: Tổ Văn thư
        Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh
        Năm 2019: Hoàn thành tốt nhiệm vụ
        Năm 2020: Hoàn thành tốt nhiệm vụ
        Năm 2021: Hoàn thành tốt nhiệm vụ
        Sáng kiến: Sổ tay văn thư điện tử (Quyết định số 40/QĐ-VPUB ngày 10/12/2021)
        Khen thưởng năm 2022: Không
        # BIÊN BẢN HỌP XÉT
        Sơn La, ngày 16 tháng 5 năm 2022
        Thời gian: 8 giờ
        Địa điểm: Phòng họp
        Thành phần: 5/5
        Chủ trì: Ông A
        Thư ký: Bà B
        ## KẾT QUẢ BIỂU QUYẾT
        - Tổ Văn Thư Mới: 5/5 đồng ý

        """
        let run = try hoso(["lint", "--color", "never", "--stdin-filename", "nhap.hoso", "-"], stdin: Array(source.utf8))
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, """
        nhap.hoso:8:14: lỗi[HS112]: Tổ Văn thư chưa có kết quả biểu quyết; thêm "- Tổ Văn thư: A/B đồng ý (P%)" vào mục KẾT QUẢ BIỂU QUYẾT của Biên bản.
         8 | ### Tập thể: Tổ Văn thư
           |              ^^^^^^^^^^
        nhap.hoso:23:3: lỗi[HS111]: Kết quả biểu quyết ghi "Tổ Văn Thư Mới", không có trong DANH SÁCH ĐỀ NGHỊ.
         23 | - Tổ Văn Thư Mới: 5/5 đồng ý
            |   ^^^^^^^^^^^^^^
        2 lỗi, 0 cảnh báo, 0 lưu ý trong 1 tệp.

        """)
    }

    func testEnglishQuietAndMaxWarnings() throws {
        let file = "Examples/co-loi/phong-tong-hop.hoso"
        let quiet = try hoso(["lint", "--quiet", "--lang", "en", "--format", "json", file])
        let codes = try (json(quiet.stdout)["files"] as! [[String: Any]])[0]["diagnostics"] as! [[String: Any]]
        XCTAssertEqual(codes.map { $0["severity"] as! String }, Array(repeating: "error", count: 6))
        XCTAssertEqual(codes.map { $0["code"] as! String }, ["HS112", "HS107", "HS107", "HS111", "HS105", "HS003"])
        XCTAssertEqual(codes[0]["message"] as? String, "Đinh Văn Hải has no vote result; add \"- Đinh Văn Hải: A/B đồng ý (P%)\" under the Biên bản's KẾT QUẢ BIỂU QUYẾT.")
        let source = try String(contentsOf: Self.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8)
            .replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        XCTAssertEqual(try hoso(["lint", "-"], stdin: Array(source.utf8)).status, 0)
        XCTAssertEqual(try hoso(["lint", "--max-warnings", "1", "-"], stdin: Array(source.utf8)).status, 0)
        XCTAssertEqual(try hoso(["lint", "--max-warnings", "0", "-"], stdin: Array(source.utf8)).status, 1)
    }

    func testColorAlwaysAndNoColor() throws {
        let file = "Examples/co-loi/phong-tong-hop.hoso"
        XCTAssertTrue(try hoso(["lint", "--color", "always", file]).stdout.contains("\u{1B}[1;31mlỗi[HS112]\u{1B}[0m"))
        XCTAssertFalse(try hoso(["lint", file], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    func testLegacyEncodingFileIsHS001Only() throws {
        let run = try hoso(["lint", "--format", "json", "Examples/co-loi/phong-hanh-chinh-tcvn3.hoso"])
        XCTAssertEqual(run.status, 1)
        let diagnostics = try (json(run.stdout)["files"] as! [[String: Any]])[0]["diagnostics"] as! [[String: Any]]
        XCTAssertEqual(diagnostics.map { $0["code"] as! String }, ["HS001"])
        XCTAssertTrue((diagnostics[0]["message"] as! String).contains("TCVN3/ABC"))
    }

    func testUsageErrorsExitTwoWithAMessage() throws {
        let missing = try hoso(["lint", "khong-co.hoso"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("không tìm thấy \"khong-co.hoso\""))
        let badFormat = try hoso(["lint", "--format", "xml", "Examples"])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertEqual(badFormat.stdout, "")
        XCTAssertEqual(badFormat.stderr, "hoso: --format nhận text, json, sarif, github, junit, gitlab; không nhận \"xml\"\n")
        XCTAssertEqual(try hoso(["lint", "--bogus"]).status, 2)
        XCTAssertEqual(try hoso(["frobnicate"]).status, 2)
    }

    func testFolderWalkFindsEveryDossierSorted() throws {
        let run = try hoso(["lint", "--format", "json", "Examples"])
        let paths = try (json(run.stdout)["files"] as! [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual(paths, ["Examples/co-loi/phong-hanh-chinh-tcvn3.hoso", "Examples/co-loi/phong-kiem-soat-tthc.hoso",
                               "Examples/co-loi/phong-tong-hop.hoso", "Examples/ke-hoach-2024/phong-tong-hop-2024.hoso",
                               "Examples/phong-kinh-te.hoso", "Examples/phong-tchcqt.hoso"])
    }

    func testGitHubFormat() throws {
        let run = try hoso(["lint", "--format", "github", "Examples/co-loi/phong-tong-hop.hoso"])
        XCTAssertTrue(run.stdout.hasPrefix("::warning file=Examples/co-loi/phong-tong-hop.hoso,line=1,col=1,endLine=1,endColumn=7,title=HS108::Tên trường"))
    }

    func testRulesExplainAndVersion() throws {
        let rules = try hoso(["rules", "--format", "json"])
        XCTAssertEqual(rules.status, 0)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.first?["code"] as? String, "HS001")
        let explain = try hoso(["explain", "hs108"])
        XCTAssertEqual(explain.status, 0)
        // The severity in the words findings use: `lỗi`, `cảnh báo` in Vietnamese.
        XCTAssertTrue(explain.stdout.hasPrefix("HS108 (cảnh báo): Viết chưa đúng cách viết chuẩn\n"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("Ví dụ sai:\n    Chuc vu: Chuyên viên\n"))
        XCTAssertTrue(try hoso(["explain", "HS111"]).stdout.hasPrefix("HS111 (lỗi): Tên không có trong danh sách đề nghị\n"))
        XCTAssertTrue(try hoso(["explain", "HS111", "--lang", "en"]).stdout.hasPrefix("HS111 (error): Name is not a nominee\n"))
        // An example's note reads in the page's language; the dossier text stays as written.
        let vi = try hoso(["explain", "HS003"]).stdout, en = try hoso(["explain", "HS003", "--lang", "en"]).stdout
        XCTAssertTrue(vi.contains("    Ðơn vị: Phòng Tổ chức - Hành chính - Quản trị   (Ð là U+00D0)\n"), vi)
        XCTAssertTrue(en.contains("    Ðơn vị: Phòng Tổ chức - Hành chính - Quản trị   (Ð is U+00D0)\n"), en)
        XCTAssertEqual(try hoso(["explain", "HS999"]).status, 2)
        XCTAssertTrue(try hoso(["--version"]).stdout.hasPrefix("hoso "))
    }
}

/// What a run of the binary gave back.
struct HosoRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `hoso` with arguments, standard input and extra environment; captures everything.
func runHoso(_ arguments: [String], stdin: [UInt8]?, environment: [String: String], directory: URL) throws -> HosoRun {
    // hoso may exit before reading its input (a usage error): writing to it must not kill the tests.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = EndToEndTests.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return HosoRun(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
               stderr: String(decoding: stderrData, as: UTF8.self))
}

/// Holds `text` against the golden file `Tests/HosoCLITests/Golden/NAME`, exactly. With the
/// environment variable `HOSO_UPDATE_GOLDEN` set, writes the file instead (then review the diff
/// and commit it): `HOSO_UPDATE_GOLDEN=1 swift test --filter HosoCLITests`.
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = EndToEndTests.packageRoot.appendingPathComponent("Tests/HosoCLITests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["HOSO_UPDATE_GOLDEN"] != nil {
        try Data(text.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no golden file \(name); run with HOSO_UPDATE_GOLDEN=1 to write it", file: file, line: line)
        return
    }
    XCTAssertEqual(text, expected, "\(name) differs; rerun with HOSO_UPDATE_GOLDEN=1 if the change is meant", file: file, line: line)
}

/// Runs git in `folder` (with a throwaway identity), its output discarded; fails the test on a
/// non-zero exit.
func runGit(_ arguments: [String], in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=T"] + arguments
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "), file: file, line: line)
}
