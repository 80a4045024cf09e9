import Foundation
import XCTest
import HosoWorkspace
@testable import HosoCLI

/// `--fix`, config and profiles, SARIF, `--staged`, `hoso new` and `hoso rules`, through the real binary.
final class CommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    var clean: String {
        get throws { try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8) }
    }

    func write(_ text: String, to name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: [:], directory: directory ?? folder)
    }

    func testFixRoundTripKeepsCRLFAndBOMByteForByte() throws {
        let broken = try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuye\u{302}n vie\u{302}n\nHình")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm 2020: HTXSNV\nNăm 2021")
            .replacingOccurrences(of: "7/8 đồng ý (87,5%)", with: "7/8 đồng ý (80%)")
            .replacingOccurrences(of: "Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 6 tháng 5 năm 2022")
            .replacingOccurrences(of: "ngày 16/5/2022", with: "ngày 06/5/2022")
            .replacingOccurrences(of: "Chánh Văn phòng UBND tỉnh\nVề", with: "Chánh Văn phòng UBND tỉnh\u{200B}\nVề")
        let crlf = { (s: String) in [0xEF, 0xBB, 0xBF] + Array(s.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        let url = folder.appendingPathComponent("a.hoso")
        try Data(crlf(broken)).write(to: url)
        let expected = try clean.replacingOccurrences(of: "Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 06 tháng 5 năm 2022")
            .replacingOccurrences(of: "ngày 16/5/2022", with: "ngày 06/5/2022")
        let run = try hoso(["lint", "--fix", "--format", "json", "a.hoso"])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stderr.contains("đã sửa"))
        XCTAssertEqual([UInt8](try Data(contentsOf: url)), crlf(expected))
        // Re-linting finds nothing fixable; a second --fix leaves the file (and its timestamp) alone.
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        let again = try hoso(["lint", "--fix", "a.hoso"])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date, before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.hoso"])
    }

    func testFixKeepsUTF16AndReportsTheRest() throws {
        let broken = try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: ...\nHình")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in broken.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let url = folder.appendingPathComponent("u.hoso")
        try Data(utf16).write(to: url)
        let run = try hoso(["lint", "--fix", "u.hoso"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("u.hoso:17:1: lỗi[HS107]"))
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes.prefix(2)), [0xFF, 0xFE])
        XCTAssertEqual(String(decoding: stride(from: 2, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }, as: UTF16.self),
                       broken.replacingOccurrences(of: "Chuc vu: ...", with: "Chức vụ: ..."))
    }

    func testFixOnReadOnlyFileFailsClearly() throws {
        let url = try write(try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"), to: "r.hoso")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        let original = try Data(contentsOf: url)
        let run = try hoso(["lint", "--fix", "r.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\"r.hoso\" chỉ đọc, không sửa"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: url), original)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["r.hoso"])
    }

    func testFixThroughASymlinkKeepsTheLink() throws {
        let target = try write(try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"), to: "that/real.hoso")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.hoso").path, withDestinationPath: "that/real.hoso")
        XCTAssertEqual(try hoso(["lint", "--fix", "link.hoso"]).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.hoso").path), "that/real.hoso")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), try clean)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("that").path), ["real.hoso"])
    }

    func testFixNeverOverwritesAFileChangedDuringTheRun() throws {
        let url = try write("Đơn vị: A\n", to: "c.hoso")
        let read = try FileWalker.contents(url.path)
        try Data("Đơn vị: B\n".utf8).write(to: url)  // saved in place by another program after the read
        XCTAssertThrowsError(try SafeFile.replace(url.path, with: Array("mới".utf8), expecting: read)) { error in
            XCTAssertTrue((error as? SafeFile.Refusal)?.message.vi.contains("đã thay đổi trong lúc kiểm tra") ?? false)
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "Đơn vị: B\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["c.hoso"])
    }

    func testFixOnAFullDiskLeavesTheOriginalAndNoTemporaryFile() throws {
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a small tmpfs here (needs root)") }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [disk.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let broken = try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        let url = disk.appendingPathComponent("a.hoso")
        try Data(broken.utf8).write(to: url)
        // Fill the disk so the temporary copy cannot be written.
        let filler = FileHandle(forWritingAtPath: disk.appendingPathComponent("filler").path)
            ?? { FileManager.default.createFile(atPath: disk.appendingPathComponent("filler").path, contents: nil); return FileHandle(forWritingAtPath: disk.appendingPathComponent("filler").path)! }()
        while (try? filler.write(contentsOf: Data(repeating: 0x20, count: 4096))) != nil {}
        try? filler.close()
        let run = try hoso(["lint", "--fix", "disk/a.hoso"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("không ghi được \"disk/a.hoso\""), run.stderr)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), broken)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: disk.path)), ["a.hoso", "filler"])
    }

    /// A binary file named `.hoso` is a dossier that cannot be read (HS001), not a silent skip.
    func testFolderWalkSurvivesLoopsBinaryAndOversizedFiles() throws {
        _ = try write(try clean, to: "ho-so/a.hoso")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ho-so/vong").path, withDestinationPath: "..")
        try Data([0x00, 0x01, 0x02, 0xFF] + Array(repeating: 0, count: 100)).write(to: folder.appendingPathComponent("ho-so/anh.hoso"))
        let big = folder.appendingPathComponent("ho-so/to.hoso")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 65 * 1024 * 1024)  // sparse: no disk used
        try handle.close()
        let run = try hoso(["lint", "--format", "json", "ho-so"])
        XCTAssertEqual(run.status, 2, "an oversized dossier could not be checked")
        XCTAssertTrue(run.stderr.contains("\"ho-so/to.hoso\" quá lớn (65 MB, tối đa 64 MB)"), run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["ho-so/a.hoso", "ho-so/anh.hoso"])
        XCTAssertEqual((files[1]["diagnostics"] as? [[String: Any]])?.map { "\($0["code"]!)@\($0["line"]!)" }, ["HS001@1"])
        XCTAssertEqual((report["summary"] as? [String: Int])?["notChecked"], 1)
    }

    func testFixOnStdinPrintsTheFixedText() throws {
        let broken = try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        let run = try hoso(["lint", "--fix", "-"], stdin: Array(broken.utf8))
        XCTAssertEqual(run.stdout, try clean)
        XCTAssertTrue(run.stderr.contains("Không có vấn đề nào"))
    }

    func testConfigDiscoveryRulesLanguageExcludeAndUnknownKeys() throws {
        _ = try write(#"{"language": "en", "rules": {"HS108": "off", "HS107": "warning", "HS999": "off"}, "exclude": ["nhap/**"], "colour": 1}"#, to: "hoso.json")
        _ = try write(try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: ...\nHình"), to: "don-vi/a.hoso")
        _ = try write("rác", to: "nhap/b.hoso")
        let run = try hoso(["lint", "--format", "json", "."])
        XCTAssertEqual(run.status, 0, run.stdout)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["don-vi/a.hoso"])
        let diagnostics = try XCTUnwrap(files[0]["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, ["HS107"])
        XCTAssertEqual(diagnostics[0]["severity"] as? String, "warning")
        XCTAssertEqual(diagnostics[0]["message"] as? String, "The field \"Chức vụ\" of Nguyễn Thị Hoa is empty; fill it in.")
        XCTAssertTrue(run.stderr.contains("/hoso.json:1:66: $.rules.HS999: no rule \"HS999\", ignored (did you mean HS109?)\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("/hoso.json:1:107: $.colour: unknown key, ignored\n"), run.stderr)
        // A file named explicitly is checked even when a glob excludes it.
        XCTAssertEqual(try hoso(["lint", "nhap/b.hoso"]).status, 1)
    }

    func testBrokenConfigAndProfileExitTwoNamingFileAndPath() throws {
        _ = try write(#"{"rules": {"HS108": "loud"}}"#, to: "cfg/hoso.json")
        _ = try write(try clean, to: "cfg/a.hoso")
        let badConfig = try hoso(["lint", "cfg/a.hoso"])
        XCTAssertEqual(badConfig.status, 2)
        XCTAssertTrue(badConfig.stderr.hasSuffix("/cfg/hoso.json:1:21: $.rules.HS108: cần error, warning, info, hint hoặc off, gặp chuỗi \"loud\"\n"), badConfig.stderr)
        XCTAssertEqual(badConfig.stdout, "")

        var profile = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json"), encoding: .utf8)
        profile = profile.replacingOccurrences(of: "\"excellentYearsNeeded\": 2", with: "\"excellentYearsNeeded\": \"hai\"")
        _ = try write(profile, to: "p/profile.json")
        _ = try write(try clean, to: "p/a.hoso")
        let badProfile = try hoso(["lint", "--profile", "p/profile.json", "p/a.hoso"])
        XCTAssertEqual(badProfile.status, 2)
        XCTAssertEqual(badProfile.stderr, "hoso: profile hỏng: p/profile.json:32:31: $.awardForms[0].excellentYearsNeeded: cần một số nguyên không âm, gặp chuỗi \"hai\"\n")
        _ = try write("{ not json", to: "p/broken.json")
        let notJSON = try hoso(["lint", "--profile", "p/broken.json", "p/a.hoso"])
        XCTAssertEqual(notJSON.status, 2)
        XCTAssertEqual(notJSON.stderr, "hoso: profile hỏng: p/broken.json:1:3: $: không phải JSON hợp lệ: cần tên khoá trong dấu \"\n")
        _ = try write(profile.replacingOccurrences(of: "\"excellentYearsNeeded\": \"hai\"", with: "\"excellentYearsNeeded\": 2")
            .replacingOccurrences(of: "\"minimumRating\": \"tot\"", with: "\"minimumRating\": \"gioi\""), to: "p/ref.json")
        let badReference = try hoso(["lint", "--profile", "p/ref.json", "p/a.hoso"])
        XCTAssertTrue(badReference.stderr.contains("$.awardForms[0].minimumRating: \"gioi\" không phải id"), badReference.stderr)
    }

    /// Issue 13: one JSON reader for configs and profiles: a BOM is fine, codes and severities
    /// in any case, errors at line:column in the message language, duplicate keys and trailing
    /// commas named, misspelt keys suggested.
    func testConfigsAndProfilesReadAsPeopleWriteThem() throws {
        let broken = try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: ...\nHình")
        _ = try write(broken, to: "a.hoso")
        // Notepad's BOM, lower-case codes and upper-case severities.
        try Data([0xEF, 0xBB, 0xBF] + Array(#"{"rules": {"hs108": "OFF", "Hs107": "Warning"}, "exlude": []}"#.utf8))
            .write(to: folder.appendingPathComponent("hoso.json"))
        let run = try hoso(["lint", "--format", "json", "a.hoso"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap((report["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { "\($0["code"]!) \($0["severity"]!)" }, ["HS107 warning"])
        XCTAssertTrue(run.stderr.hasSuffix("/hoso.json:1:49: $.exlude: khoá không được hỗ trợ, bỏ qua (có phải \"exclude\"?)\n"), run.stderr)

        _ = try write("{\n  \"rules\": {\"HS108\": \"off\",}\n}\n", to: "hoso.json")
        let comma = try hoso(["lint", "--lang", "en", "a.hoso"])
        XCTAssertEqual(comma.status, 2)
        XCTAssertEqual(comma.stdout, "")
        XCTAssertTrue(comma.stderr.hasSuffix("/hoso.json:2:27: not valid JSON: a ',' before '}': remove the last comma\n"), comma.stderr)
        _ = try write("{\"rules\": {\"HS108\": \"off\"},\n \"rules\": {}}", to: "hoso.json")
        let twice = try hoso(["lint", "a.hoso"])
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.hasSuffix("/hoso.json:2:2: không phải JSON hợp lệ: khoá \"rules\" xuất hiện hai lần trong cùng một đối tượng; giữ một lần\n"), twice.stderr)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hoso.json"))

        // A profile: a misspelt key is named where it stands; an unknown one is a warning.
        var profile = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024/profile.json"), encoding: .utf8)
        XCTAssertTrue(profile.contains("\"excellentYearsNeeded\": 2"))
        _ = try write(profile.replacingOccurrences(of: "\"excellentYearsNeeded\": 2", with: "\"excelentYearsNeeded\": 2"), to: "p.json")
        let misspelt = try hoso(["lint", "--profile", "p.json", "--lang", "en", "a.hoso"])
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertEqual(misspelt.stderr, "hoso: broken profile: p.json:32:7: $.awardForms[0].excelentYearsNeeded: missing key \"excellentYearsNeeded\" (misspelt as \"excelentYearsNeeded\"?)\n")
        profile = profile.replacingOccurrences(of: "\"excellentYearsNeeded\": 2", with: "\"excellentYearsNeeded\": 2, \"ghiChu\": \"\"")
        _ = try write(profile, to: "p.json")
        let extra = try hoso(["lint", "--profile", "p.json", "a.hoso"])
        XCTAssertEqual(extra.status, 1)
        XCTAssertTrue(extra.stderr.contains("hoso: cảnh báo: p.json:32:34: $.awardForms[0].ghiChu: khoá không được hỗ trợ, bỏ qua (viết sai tên khoá?)\n"), extra.stderr)
    }

    func testSecondProfileChangesYearsQuotasAndSupersession() throws {
        let root = EndToEndTests.packageRoot
        let dossier = try String(contentsOf: root.appendingPathComponent("Examples/ke-hoach-2024/phong-tong-hop-2024.hoso"), encoding: .utf8)
        XCTAssertEqual(try hoso(["lint", "Examples/ke-hoach-2024"], in: root).status, 0)
        // The 2022 profile sees other years and no HS208 override.
        let withDefault = try hoso(["lint", "--config", "/dev/null", "--format", "json", "-"], stdin: Array(dossier.utf8), in: root)
        XCTAssertEqual(withDefault.status, 2, "an unreadable config is an error")
        let old = dossier.replacingOccurrences(of: "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023", with: "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017")
        let run = try hoso(["lint", "--stdin-filename", "Examples/ke-hoach-2024/moi.hoso", "--format", "json", "-"], stdin: Array(old.utf8), in: root)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["profile"] as? String, "son-la-vpub-2024")
        let diagnostics = (report["files"] as! [[String: Any]])[0]["diagnostics"] as! [[String: Any]]
        XCTAssertEqual(diagnostics.map { $0["code"] as! String }, ["HS302", "HS306"])
        // The report is on the 2024 form's number but of the old decree: said on that line, which the fix rewrites.
        XCTAssertEqual(diagnostics.map { $0["line"] as! Int }, [38, 38])
        XCTAssertEqual(diagnostics[0]["message"] as? String, "Báo cáo thành tích của Tòng Văn Dũng ghi theo Mẫu số 01 của Nghị định số 91/2017/NĐ-CP, nhưng kế hoạch yêu cầu Mẫu số 01 theo Nghị định số 98/2023/NĐ-CP; hãy lập lại báo cáo theo Mẫu số 01.")
        let diff = try hoso(["lint", "--diff", "--unsafe-fixes", "--profile", "Examples/ke-hoach-2024/profile.json", "--stdin-filename", "moi.hoso", "-"],
                            stdin: Array(old.utf8), in: root)
        XCTAssertTrue(diff.stdout.contains("""
            -Mẫu số 01 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ
            +Mẫu số 01 ban hành kèm theo Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ

            """), diff.stdout)
        XCTAssertEqual(diff.stdout.components(separatedBy: "\n+Mẫu số").count, 2, "one Mẫu số line, rewritten")
        let asDefault = try hoso(["lint", "--profile", "/nonexistent.json", "-"], stdin: Array(old.utf8), in: root)
        XCTAssertEqual(asDefault.status, 2)
        XCTAssertTrue(asDefault.stderr.contains("không đọc được tệp profile: không tìm thấy \"/nonexistent.json\""), asDefault.stderr)
    }

    func testSARIFHasTheRequiredFields() throws {
        let run = try hoso(["lint", "--format", "sarif", "Examples/co-loi/phong-tong-hop.hoso"], in: EndToEndTests.packageRoot)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        XCTAssertNotNil(sarif["$schema"])
        let runs = try XCTUnwrap(sarif["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "hoso")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, 50)
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 9)
        for result in results {
            let message = try XCTUnwrap(result["message"] as? [String: Any])
            XCTAssertNotNil(message["text"] as? String)
            XCTAssertTrue(["error", "warning", "note"].contains(result["level"] as? String))
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "Examples/co-loi/phong-tong-hop.hoso")
            let region = try XCTUnwrap(location["region"] as? [String: Int])
            XCTAssertGreaterThanOrEqual(region["startLine"] ?? 0, 1)
            XCTAssertGreaterThanOrEqual(region["startColumn"] ?? 0, 1)
        }
        XCTAssertEqual(results[0]["ruleId"] as? String, "HS108")
        let fix = try XCTUnwrap((results[0]["fixes"] as? [[String: Any]])?.first)
        let replacement = try XCTUnwrap(((fix["artifactChanges"] as? [[String: Any]])?.first?["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, "Đơn vị")
    }

    func testStagedChecksTheIndexVersion() throws {
        func git(_ args: [String]) throws { try runGit(args, in: folder) }
        try git(["init", "-q"])
        let url = try write(try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chức vụ: ...\nHình"), to: "ho-so/a.hoso")
        _ = try write("không phải hồ sơ", to: "ghi-chu.txt")
        try git(["add", "."])
        // The working tree is fixed after staging: --staged still sees the broken staged version.
        try Data(try clean.utf8).write(to: url)
        let staged = try hoso(["lint", "--staged"])
        XCTAssertEqual(staged.status, 1)
        XCTAssertTrue(staged.stdout.hasPrefix("ho-so/a.hoso:17:1: lỗi[HS107]"), staged.stdout)
        XCTAssertEqual(try hoso(["lint", "ho-so"]).status, 0)
        let outside = try hoso(["lint", "--staged"], in: FileManager.default.temporaryDirectory.appendingPathComponent("/"))
        XCTAssertEqual(outside.status, 2)
    }

    /// Runs git in the test folder (with the built hoso for the hook); returns status and output.
    @discardableResult
    func gitRun(_ args: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=T"] + args
        process.currentDirectoryURL = directory ?? folder
        process.environment = ProcessInfo.processInfo.environment.merging(["HOSO": EndToEndTests.binary.path, "NO_COLOR": "1"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func git(_ args: [String], in directory: URL? = nil) throws -> Int32 { try gitRun(args, in: directory).status }

    func testHookRefusesABrokenCommitAndPassesACleanOne() throws {
        XCTAssertEqual(try git(["init", "-q"]), 0)
        let install = try hoso(["hook", "install"])
        XCTAssertEqual(install.status, 0, install.stderr)
        let hook = folder.appendingPathComponent(".git/hooks/pre-commit")
        XCTAssertTrue(try String(contentsOf: hook, encoding: .utf8).contains("lint --staged"))
        _ = try write(try clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chức vụ: ...\nHình"), to: "a.hoso")
        XCTAssertEqual(try git(["add", "a.hoso"]), 0)
        let refused = try gitRun(["commit", "-qm", "hỏng"])
        XCTAssertEqual(refused.status, 1, "the broken dossier must not be committed")
        XCTAssertTrue(refused.output.contains("a.hoso:17:1: lỗi[HS107]: Trường \"Chức vụ\" của Nguyễn Thị Hoa đang để trống"), refused.output)
        _ = try write(try clean, to: "a.hoso")
        XCTAssertEqual(try git(["add", "a.hoso"]), 0)
        XCTAssertEqual(try git(["commit", "-qm", "sạch"]), 0)
        XCTAssertEqual(try hoso(["hook", "uninstall"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: hook.path))
    }

    func testHookNeverReplacesAForeignHookWithoutForce() throws {
        XCTAssertEqual(try git(["init", "-q"]), 0)
        let hook = folder.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho foreign\n".utf8).write(to: hook)
        let refused = try hoso(["hook", "install"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--force"))
        XCTAssertEqual(try String(contentsOf: hook, encoding: .utf8), "#!/bin/sh\necho foreign\n")
        XCTAssertEqual(try hoso(["hook", "uninstall"]).status, 2, "a foreign hook is not removed")
        XCTAssertEqual(try hoso(["hook", "install", "--force"]).status, 0)
        XCTAssertEqual(try String(contentsOf: hook.appendingPathExtension("hoso-backup"), encoding: .utf8), "#!/bin/sh\necho foreign\n")
        XCTAssertEqual(try hoso(["hook", "uninstall"]).status, 0)
        XCTAssertEqual(try String(contentsOf: hook, encoding: .utf8), "#!/bin/sh\necho foreign\n", "the backup is restored")
        XCTAssertEqual(try hoso(["hook", "install"], in: FileManager.default.temporaryDirectory).status, 2, "outside a repository")
    }

    func testNewSkeletonsLintWithTheirBlanksFlagged() throws {
        for (award, kind) in [("bang-khen", "ca-nhan"), ("bang-khen", "tap-the"), ("giay-khen", "ca-nhan"), ("giay-khen", "tap-the")] {
            let skeleton = try hoso(["new", "--award", award, "--kind", kind, "--unit", "Phòng Tổng hợp"])
            XCTAssertEqual(skeleton.status, 0)
            let lint = try hoso(["lint", "--format", "json", "-"], stdin: Array(skeleton.stdout.utf8))
            XCTAssertEqual(lint.status, 1)
            let codes = Set(((try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as! [String: Any])["files"] as! [[String: Any]])[0]["diagnostics"]
                .flatMap { ($0 as! [[String: Any]]).map { $0["code"] as! String } }!)
            XCTAssertTrue(codes.isSuperset(of: ["HS107", "HS201", "HS401"]), "\(award) \(kind): \(codes)")
            XCTAssertFalse(codes.contains("HS102") || codes.contains("HS101") || codes.contains("HS105"), "\(award) \(kind): \(codes)")
        }
        XCTAssertEqual(try hoso(["new", "--award", "bang-vang"]).status, 2)
    }

    func testRulesListsEveryRuleInBothFormats() throws {
        let text = try hoso(["rules"])
        XCTAssertEqual(text.stdout.split(separator: "\n").count, 50)
        XCTAssertTrue(text.stdout.contains("HS501  error    Vượt số lượng khen thưởng"))
        let json = try hoso(["rules", "--format", "json", "--lang", "en"])
        let rules = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rules.count, 50)
        XCTAssertEqual(rules.first { $0["code"] as? String == "HS108" }?["fix"] as? String, "safe")
        XCTAssertEqual(rules.first { $0["code"] as? String == "HS501" }?["title"] as? String, "Quota exceeded")
    }
}
