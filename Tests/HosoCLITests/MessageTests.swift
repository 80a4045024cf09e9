import Foundation
import XCTest

/// Messages as staff read them, through the real binary: no empty names in sentences, rule
/// pages in the campaign's own facts.
final class MessageTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-msg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: [:], directory: folder)
    }

    /// The lines of a text report that are findings (`-:LINE:COL: …`).
    func findings(_ report: String) -> [String] {
        report.split(separator: "\n").map(String.init).filter { $0.hasPrefix("-:") }
    }

    /// Issue 13: `hoso new | hoso lint -` said `Trường "Chức vụ" của  đang để trống`.
    func testASkeletonsBlanksNeverLeaveAGapForTheName() throws {
        let skeleton = try hoso(["new", "--unit", "Phòng Tổng hợp"])
        let vi = findings(try hoso(["lint", "-"], stdin: Array(skeleton.stdout.utf8)).stdout)
        XCTAssertTrue(vi.contains("-:14:1: lỗi[HS107]: Trường \"Chức vụ\" của [cá nhân chưa ghi tên] đang để trống; hãy điền nội dung."), vi.joined(separator: "\n"))
        XCTAssertTrue(vi.contains("-:16:1: lỗi[HS201]: [cá nhân chưa ghi tên] chưa ghi xếp loại năm 2019; hãy ghi mức xếp loại sau \"Năm 2019: \"."))
        XCTAssertTrue(vi.contains("-:31:1: lỗi[HS107]: Dòng biểu quyết còn để trống; hãy ghi \"- <tên>: A/B đồng ý (P%)\", với A là số đồng ý, B là số có mặt."), vi.joined(separator: "\n"))
        let collective = try hoso(["new", "--kind", "tap-the"])
        let en = findings(try hoso(["lint", "--lang", "en", "-"], stdin: Array(collective.stdout.utf8)).stdout)
        XCTAssertTrue(en.contains("-:15:1: error[HS201]: [collective with no name yet] has no rating for 2019; write it after \"Năm 2019: \"."), en.joined(separator: "\n"))
        for line in vi + en {
            XCTAssertFalse(line.contains("  ") || line.contains("của  ") || line.contains(": :") || line.contains("\"- :"), line)
        }
    }

    /// The clean dossier of the rule tests, with `target` replaced.
    func fixture(replacing target: String, with replacement: String) throws -> String {
        let url = EndToEndTests.packageRoot.appendingPathComponent("Tests/HosoRulesTests/Fixtures/clean.hoso")
        let clean = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(clean.contains(target), target)
        return clean.replacingOccurrences(of: target, with: replacement)
    }

    /// Issue 15: a fresh skeleton gave 19 errors, cascades among them: HS204 "có 0" beside the
    /// three HS201 of the blank years, HS111 and HS405 on the blank vote line. A blank is one
    /// finding: 17 errors for a Bằng khen to an individual, each blank said once.
    func testAFreshSkeletonSaysEachBlankOnce() throws {
        let expected = [("bang-khen", "ca-nhan", 17), ("bang-khen", "tap-the", 16), ("giay-khen", "ca-nhan", 15), ("giay-khen", "tap-the", 14)]
        for (award, kind, errors) in expected {
            let skeleton = try hoso(["new", "--award", award, "--kind", kind, "--unit", "Phòng Tổng hợp"])
            let run = try hoso(["lint", "-"], stdin: Array(skeleton.stdout.utf8))
            XCTAssertTrue(run.stdout.hasSuffix("\n\(errors) lỗi, 1 cảnh báo, 0 lưu ý trong 1 tệp.\n"), "\(award) \(kind): \(run.stdout)")
            let lines = findings(run.stdout)
            XCTAssertFalse(lines.contains { $0.contains("[HS204]") || $0.contains("[HS405]") || $0.contains("[HS111]: Dòng biểu quyết") }, run.stdout)
            XCTAssertEqual(lines.filter { $0.contains("[HS201]") }.count, 3, run.stdout)
            XCTAssertEqual(lines.filter { $0.contains("[HS107]: Dòng biểu quyết còn để trống") }.count, 1, run.stdout)
        }
    }

    /// Issue 15: `hoso lint` with no path printed `./a.hoso:…`, and HS209 nested parentheses:
    /// `(Giấy khen … (Quyết định số 15/QĐ-SNV ngày 10/3/2022))`.
    func testPathsFromTheCurrentFolderAndHS209ReadPlainly() throws {
        let source = try fixture(replacing: "Khen thưởng năm 2022: Không\n\n### Tập thể",
                                 with: "Khen thưởng năm 2022: Giấy khen của Giám đốc Sở Nội vụ (Quyết định số 15/QĐ-SNV ngày 10/3/2022)\n\n### Tập thể")
        try Data(source.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        for arguments in [["lint"], ["lint", "."], ["lint", "./"]] {
            let run = try hoso(arguments)
            XCTAssertTrue(run.stdout.hasPrefix("""
                a.hoso:23:23: lỗi[HS209]: Nguyễn Thị Hoa đã được khen thưởng năm 2022, ghi là "Giấy khen của Giám đốc Sở Nội vụ (Quyết định số 15/QĐ-SNV ngày 10/3/2022)"; kế hoạch không đề xuất khen thưởng những trường hợp này.

                """), "\(arguments): \(run.stdout)")
        }
        let english = try hoso(["lint", "--lang", "en", "--format", "json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [String: Any])
        let file = try XCTUnwrap((report["files"] as? [[String: Any]])?.first)
        XCTAssertEqual(file["path"] as? String, "a.hoso")
        XCTAssertEqual((file["diagnostics"] as? [[String: Any]])?.first?["message"] as? String,
                       "Nguyễn Thị Hoa was already awarded in 2022, recorded as \"Giấy khen của Giám đốc Sở Nội vụ (Quyết định số 15/QĐ-SNV ngày 10/3/2022)\"; the plan excludes such nominees.")
        // A path named is printed as it was written.
        XCTAssertTrue(try hoso(["lint", "./a.hoso"]).stdout.hasPrefix("./a.hoso:23:23: "))
    }

    /// Issue 15: a second finding on a line already shown got neither the line nor its `^`.
    func testEveryFindingShowsItsLineAndCaret() throws {
        let source = try fixture(replacing: "- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trj: 7/8 đồng ý (85%)")
        try Data(source.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        let run = try hoso(["lint", "a.hoso"])
        XCTAssertTrue(run.stdout.contains("""
            a.hoso:43:3: lỗi[HS111]: Kết quả biểu quyết ghi "Tổ Quản trj", không có trong DANH SÁCH ĐỀ NGHỊ; có phải "Tổ Quản trị"?
             43 | - Tổ Quản trj: 7/8 đồng ý (85%)
                |   ^^^^^^^^^^^
            a.hoso:43:28: lỗi[HS405]: Tổ Quản trj: 7/8 là 87,5%, không phải 85%.
             43 | - Tổ Quản trj: 7/8 đồng ý (85%)
                |                            ^^
                = sửa: Sửa thành 87,5%

            """), run.stdout)
    }

    /// Issue 15: HS001 showed `��n v�: Ph�ng H�nh ch�nh` though hoso guesses TCVN3: the line is
    /// shown as read in the encoding guessed, saying so; with no guess, as the bytes repaired.
    func testALegacyLineIsShownAsReadInTheEncodingGuessed() throws {
        let example = EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi/phong-hanh-chinh-tcvn3.hoso")
        try FileManager.default.copyItem(at: example, to: folder.appendingPathComponent("cu.hoso"))
        let vi = try hoso(["lint", "cu.hoso"])
        XCTAssertTrue(vi.stdout.contains("""
            các lỗi khác chưa được kiểm tra.
             1 | Đơn vị: Phòng Hành chính
               | ^^^^^^^^^^^^^^^^^^^^^^^^ (đọc theo bảng mã TCVN3/ABC)
               = sửa: Chuyển mã cả tệp từ TCVN3/ABC sang Unicode (UTF-8)

            """), vi.stdout)
        let en = try hoso(["lint", "--lang", "en", "cu.hoso"])
        XCTAssertTrue(en.stdout.contains("\n 1 | Đơn vị: Phòng Hành chính\n   | ^^^^^^^^^^^^^^^^^^^^^^^^ (read as TCVN3/ABC)\n"), en.stdout)
        try Data([0x61, 0x62, 0x63, 0x0A, 0xFF, 0xFE, 0xFA, 0x20, 0x78, 0x0A]).write(to: folder.appendingPathComponent("rac.hoso"))
        let unknown = try hoso(["lint", "rac.hoso"])
        XCTAssertTrue(unknown.stdout.contains("\n 2 | \u{FFFD}\u{FFFD}\u{FFFD} x\n   | ^^^^^\n"), unknown.stdout)
    }

    /// Issue 15: a missing path and a folder with no dossier were counted as "1 tệp" not checked,
    /// though neither is a file: the summary says "đường dẫn" (path) for them, "tệp" for files.
    func testWhatIsNoFileIsCountedAsAPath() throws {
        let missing = try hoso(["lint", "ho-so-cu"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 0 tệp; không kiểm tra được 1 đường dẫn (xem các dòng \"hoso: …\").\n")
        let empty = try hoso(["lint", "--lang", "en"])
        XCTAssertEqual(empty.stderr, "hoso: no dossier (*.hoso) in \".\"; check the folder\n")
        XCTAssertEqual(empty.stdout, "0 errors, 0 warnings, 0 notes in 0 files; 1 path could not be checked (see the \"hoso: …\" messages).\n")
        XCTAssertEqual(try hoso(["lint", "--lang", "en", "a", "b"]).stdout,
                       "0 errors, 0 warnings, 0 notes in 0 files; 2 paths could not be checked (see the \"hoso: …\" messages).\n")
        // A FIFO named with no program writing to it is a file that could not be read.
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("ong.hoso").path, 0o644), 0)
        let both = try hoso(["lint", "ong.hoso", "ho-so-cu"])
        XCTAssertEqual(both.stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 0 tệp; không kiểm tra được 1 tệp và 1 đường dẫn (xem các dòng \"hoso: …\").\n")
        let english = try hoso(["lint", "--lang", "en", "ong.hoso"])
        XCTAssertEqual(english.stdout, "0 errors, 0 warnings, 0 notes in 0 files; 1 file could not be checked (see the \"hoso: …\" messages).\n")
    }

    /// Issue 13: `explain` said "2019–2021, 01 năm" under a profile asking for 2 years in 2021–2023.
    func testExplainSpeaksOfTheProfileInEffect() throws {
        let profile = EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json")
        try FileManager.default.copyItem(at: profile, to: folder.appendingPathComponent("p.json"))
        let builtIn = try hoso(["explain", "HS204"])
        XCTAssertTrue(builtIn.stdout.contains("\nBằng khen của Chủ tịch UBND tỉnh đòi hỏi trong các năm 2019–2021 có ít nhất 01 năm \"Hoàn thành xuất sắc nhiệm vụ\". "), builtIn.stdout)
        XCTAssertTrue(builtIn.stdout.hasSuffix("\nTheo profile: son-la-vpub-2022 — Sơ kết 03 năm phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn La thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025\n"), builtIn.stdout)

        // The folder's hoso.json names the profile: explain reads the page with its facts.
        try Data(#"{"profile": "p.json"}"#.utf8).write(to: folder.appendingPathComponent("hoso.json"))
        let fromConfig = try hoso(["explain", "HS204", "HS205"])
        XCTAssertEqual(fromConfig.status, 0, fromConfig.stderr)
        XCTAssertTrue(fromConfig.stdout.contains("\nBằng khen của Chủ tịch UBND tỉnh đòi hỏi trong các năm 2021–2023 có ít nhất 02 năm \"Hoàn thành xuất sắc nhiệm vụ\". "), fromConfig.stdout)
        XCTAssertTrue(fromConfig.stdout.contains("\nMỗi năm đánh giá chỉ khai một lần, và chỉ khai các năm 2021, 2022, 2023; năm khác không được tính.\n"), fromConfig.stdout)
        XCTAssertTrue(fromConfig.stdout.contains("\n    Năm 2020: Hoàn thành tốt nhiệm vụ\n    Năm 2022: Hoàn thành tốt nhiệm vụ\n    Năm 2022: Hoàn thành xuất sắc nhiệm vụ\n"), fromConfig.stdout)
        XCTAssertFalse(fromConfig.stdout.contains("2019"), fromConfig.stdout)

        // --profile wins over hoso.json; English.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hoso.json"))
        let explicit = try hoso(["explain", "--profile", "p.json", "--lang", "en", "HS501"])
        XCTAssertTrue(explicit.stdout.contains("\nAcross all dossiers checked together: at most 2 collective(s) and 2 individual(s) for Bằng khen của Chủ tịch UBND tỉnh; at most 3 collective(s) and 8 individual(s) for Giấy khen của Chánh Văn phòng UBND tỉnh.\n"), explicit.stdout)
        XCTAssertTrue(explicit.stdout.contains("\nProfile: son-la-vpub-2024 — "), explicit.stdout)
        let missing = try hoso(["explain", "--profile", "nowhere.json", "HS204"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
    }

    /// `docs/rules/` is what `hoso rules --format markdown` writes from the registry: a rule added,
    /// renamed or reworded without regenerating the pages fails here (in every clone).
    func testTheCommittedRulePagesAreWhatTheRegistryGenerates() throws {
        let out = folder.appendingPathComponent("rules")
        let run = try hoso(["rules", "--format", "markdown", "--output-dir", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let committed = EndToEndTests.packageRoot.appendingPathComponent("docs/rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(names.count, 51, "50 rules and the index")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted(), names,
                       "regenerate with: swift run hoso rules --format markdown --output-dir docs/rules")
        for name in names {
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8),
                           try String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8),
                           "docs/rules/\(name) is stale: swift run hoso rules --format markdown --output-dir docs/rules")
        }
        // A second run writes nothing: unchanged pages are left alone.
        XCTAssertTrue(try hoso(["rules", "--format", "markdown", "--output-dir", out.path]).stderr.hasPrefix("hoso: 0 / 51 "))
    }
}
