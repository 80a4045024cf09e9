import Foundation
import XCTest
import HosoWorkspace

/// Never lose a word, never hang (docs/cli.md on writes, reads and folder walks), through
/// the real binary: each test fails on the behaviour it is named after.
final class SafetyTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
    }

    override func tearDownWithError() throws {
        _ = try? shell("chmod -R u+rwx '\(folder.path)'")
        try? FileManager.default.removeItem(at: folder)
    }

    /// A dossier with one safe fix (HS108: `Chuc vu` for `Chức vụ`).
    var fixable: String {
        get throws {
            try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8)
                .replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        }
    }

    func write(_ text: String, to name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Runs hoso in the test folder; fails the test (instead of hanging it) after `timeout` seconds.
    func hoso(_ arguments: [String], stdout: FileHandle? = nil, stdin: URL? = nil, timeout: Double = 20,
              file: StaticString = #filePath, line: UInt = #line) throws -> HosoRun {
        let process = Process()
        process.executableURL = EndToEndTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Files, not pipes: nothing to drain while waiting, so a hang is seen as one.
        let outURL = URL(fileURLWithPath: "/tmp/hoso-safety-out-\(UUID().uuidString)"), errURL = URL(fileURLWithPath: outURL.path + ".err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = try stdout ?? FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("hoso \(arguments.joined(separator: " ")) did not finish in \(timeout) s", file: file, line: line)
        }
        process.waitUntilExit()
        return HosoRun(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    @discardableResult
    func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func attributes(_ url: URL) throws -> [FileAttributeKey: Any] { try FileManager.default.attributesOfItem(atPath: url.path) }

    // MARK: Writes

    func testFixKeepsOwnerGroupModeAndExtendedAttributes() throws {
        let url = try write(try fixable, to: "a.hoso")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let root = getuid() == 0
        if root { try shell("chown 65534:65534 a.hoso") }
        let xattrs = try shell("python3 -c \"import os; os.setxattr('a.hoso', 'user.hoso.test', b'giữ nguyên')\"") == 0
        let run = try hoso(["lint", "--fix", "a.hoso"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).contains("Chức vụ: Chuyên viên"))
        let after = try attributes(url)
        XCTAssertEqual((after[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        if root {
            XCTAssertEqual((after[.ownerAccountID] as? NSNumber)?.intValue, 65534)
            XCTAssertEqual((after[.groupOwnerAccountID] as? NSNumber)?.intValue, 65534)
        }
        if xattrs {
            XCTAssertEqual(try shell("python3 -c \"import os, sys; sys.exit(os.getxattr('a.hoso', 'user.hoso.test') != 'giữ nguyên'.encode())\""), 0)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.hoso"])
    }

    func testFixRefusesAHardLinkedFileUnlessBreakLinks() throws {
        let url = try write(try fixable, to: "a.hoso")
        try FileManager.default.linkItem(at: url, to: folder.appendingPathComponent("ban-sao.hoso"))
        let original = try Data(contentsOf: url)
        let refused = try hoso(["lint", "--fix", "a.hoso"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("\"a.hoso\" có 2 liên kết cứng (hard link)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--break-links"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: url), original)
        let broken = try hoso(["lint", "--fix", "--break-links", "a.hoso"])
        XCTAssertEqual(broken.status, 0, broken.stderr)
        XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).contains("Chức vụ"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("ban-sao.hoso")), original, "the other name keeps the old text")
    }

    func testFixRefusesOneFileAndStillFixesTheOthers() throws {
        let linked = try write(try fixable, to: "a.hoso")
        try FileManager.default.linkItem(at: linked, to: folder.appendingPathComponent("ban-sao.txt"))
        let plain = try write(try fixable, to: "b.hoso")
        let run = try hoso(["lint", "--fix", "a.hoso", "b.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(try String(contentsOf: plain, encoding: .utf8).contains("Chức vụ"))
        XCTAssertTrue(try String(contentsOf: linked, encoding: .utf8).contains("Chuc vu"))
    }

    func testAReportThatCannotBeWrittenExitsTwo() throws {
        _ = try write(try fixable, to: "a.hoso")
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try hoso(["lint", "a.hoso"], stdout: full)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("không ghi được kết quả ra đầu ra chuẩn"), run.stderr)
    }

    func testHookForceTwiceKeepsEveryBackup() throws {
        try shell("git init -q .")
        let hooks = folder.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho first\n".utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        XCTAssertEqual(try hoso(["hook", "install", "--force"]).status, 0)
        try Data("#!/bin/sh\necho second\n".utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        XCTAssertEqual(try hoso(["hook", "install", "--force"]).status, 0)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit.hoso-backup"), encoding: .utf8), "#!/bin/sh\necho first\n")
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit.hoso-backup.2"), encoding: .utf8), "#!/bin/sh\necho second\n")
        XCTAssertEqual((try attributes(hooks.appendingPathComponent("pre-commit"))[.posixPermissions] as? NSNumber)?.intValue, 0o755)
        XCTAssertEqual(try hoso(["hook", "uninstall"]).status, 0)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8), "#!/bin/sh\necho second\n")
    }

    // MARK: Reads and walks

    func testWalksSkipFIFOsDevicesAndLinksOutOfTheTree() throws {
        _ = try write(try fixable, to: "ho-so/a.hoso")
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("ho-so/ong.hoso").path, 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ho-so/zero.hoso").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ho-so/passwd.hoso").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ho-so/goc").path, withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ho-so/ten-khac.hoso").path, withDestinationPath: "a.hoso")
        let run = try hoso(["lint", "--format", "json", "ho-so", "ho-so/a.hoso"], timeout: 10)
        // The FIFO, the link to a device and the link out of the tree have dossiers' names but
        // are not read: each is said, and the run is not a clean result (the office's gate).
        XCTAssertEqual(run.status, 2, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // One file, once: the FIFO, the device, the outside file and the folder link are not read;
        // the inside link and the repeated argument are the same file.
        XCTAssertEqual((report["files"] as? [[String: Any]])?.map { $0["path"] as? String }, ["ho-so/a.hoso"])
        XCTAssertEqual((report["summary"] as? [String: Any])?["notChecked"] as? Int, 3)
        XCTAssertTrue(run.stderr.contains("hoso: \"ho-so/ong.hoso\" không phải tệp thường (FIFO, socket hay thiết bị); không kiểm tra\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hoso: \"ho-so/passwd.hoso\" là liên kết tượng trưng tới \"/etc/passwd\", ngoài thư mục đang kiểm tra"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hoso: \"ho-so/zero.hoso\" là liên kết tượng trưng tới \"/dev/zero\""), run.stderr)
        XCTAssertFalse(run.stderr.contains("goc"), "a link to a folder is no dossier")
        XCTAssertFalse(run.stdout.contains("root:"))
    }

    /// A named FIFO is read when a program writes to it, like `cat` would; with no writer it is a
    /// clear error at once, not a wait for ever.
    func testANamedFIFOIsReadFromItsWriterAndIsAnErrorWithout() throws {
        let fifo = folder.appendingPathComponent("ong.hoso").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let alone = try hoso(["lint", "ong.hoso"], timeout: 10)
        XCTAssertEqual(alone.status, 2)
        XCTAssertTrue(alone.stderr.contains("\"ong.hoso\" là một FIFO không có dữ liệu và không có chương trình nào đang ghi vào"), alone.stderr)
        XCTAssertTrue(alone.stdout.contains("không kiểm tra được 1 tệp"), alone.stdout)
        let text = try fixable
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }  // waits for the reader
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        usleep(200_000)
        let fed = try hoso(["lint", "ong.hoso"], timeout: 10)
        XCTAssertEqual(fed.status, 0, fed.stderr)
        XCTAssertTrue(fed.stdout.contains("[HS108]"), fed.stdout)
    }

    /// A named source that never ends (a device, or a file that keeps growing) is read up to the
    /// cap and no further: a clear error in about a second, not memory exhausted.
    func testANamedEndlessSourceStopsAtTheCap() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("khong-day.hoso").path, withDestinationPath: "/dev/zero")
        let run = try hoso(["lint", "khong-day.hoso"], timeout: 15)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\"khong-day.hoso\" quá lớn (hơn 64 MB), không kiểm tra"), run.stderr)
    }

    func testLinkLoopsAndBrokenLinksAreNamedAsSuch() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("vong.hoso").path, withDestinationPath: "vong.hoso")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("cu.hoso").path, withDestinationPath: "da-xoa.hoso")
        let run = try hoso(["lint", "vong.hoso", "cu.hoso", "khong-co.hoso"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr.split(separator: "\n").map { $0.components(separatedBy: " / ")[0] }, [
            "hoso: \"vong.hoso\" là một vòng liên kết tượng trưng (liên kết trỏ về chính nó); sửa hoặc xóa liên kết",
            "hoso: \"cu.hoso\" là liên kết tượng trưng tới một tệp không còn tồn tại; sửa hoặc xóa liên kết",
            "hoso: không tìm thấy \"khong-co.hoso\"; kiểm tra lại đường dẫn",
        ])
    }

    /// An editor pipes its unsaved buffer with `--stdin-filename`: the copy on disk, reached by
    /// the walk too, is not a second dossier with the same nominees (no HS501/HS502).
    func testStdinStandsForTheFileItNames() throws {
        let text = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8)
        _ = try write(text, to: "ho-so/a.hoso")
        let buffer = try write(text.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"), to: "buffer.txt")
        let run = try hoso(["lint", "--stdin-filename", "ho-so/a.hoso", "-", "ho-so"], stdin: buffer)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: "\n").filter { $0.contains("[HS") }.map { $0.components(separatedBy: " ")[0] },
                       ["ho-so/a.hoso:17:1:"])
        XCTAssertTrue(run.stdout.hasSuffix("0 lỗi, 1 cảnh báo, 0 lưu ý trong 1 tệp.\n[*] Có thể tự sửa 1 vấn đề bằng --fix.\n"), run.stdout)
        XCTAssertEqual(run.stderr, "", "walked, not named: nothing to say")
        let named = try hoso(["lint", "--stdin-filename", "ho-so/a.hoso", "-", "ho-so/a.hoso"], stdin: buffer)
        XCTAssertEqual(named.stderr, "hoso: \"ho-so/a.hoso\" được kiểm tra theo văn bản từ đầu vào chuẩn (--stdin-filename); bản trên đĩa không được kiểm tra\n")
    }

    func testTheSameFileTwiceMakesNoDuplicateFindings() throws {
        _ = try write(try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8), to: "a.hoso")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b.hoso").path, withDestinationPath: "a.hoso")
        let run = try hoso(["lint", "a.hoso", "./a.hoso", "b.hoso"])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "Không có vấn đề nào trong 1 tệp.\n")
    }

    func testANamedBinaryOrBOMLessUTF16FileIsHS001NotASkip() throws {
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("scan.hoso"))
        try Data("Đơn vị: Phòng A\n# TỜ TRÌNH\n".data(using: .utf16LittleEndian)!).write(to: folder.appendingPathComponent("notepad.hoso"))
        var lone = Data([0xFF, 0xFE])
        lone.append("Đơn vị: A\n".data(using: .utf16LittleEndian)!)
        lone.append(contentsOf: [0x00, 0xD8, 0x41, 0x00])  // a high surrogate, then "A"
        try lone.write(to: folder.appendingPathComponent("hong.hoso"))
        let run = try hoso(["lint", "scan.hoso", "notepad.hoso", "hong.hoso"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout.components(separatedBy: "\n").filter { $0.contains("[HS001]") }.map { $0.components(separatedBy: ": ").first! },
                       ["scan.hoso:1:1", "notepad.hoso:1:1", "hong.hoso:2:1"])
        XCTAssertTrue(run.stdout.contains("Tệp có byte NUL"), run.stdout)
        XCTAssertTrue(run.stdout.contains("UTF-16 nhưng không có BOM"), run.stdout)
        XCTAssertTrue(run.stdout.contains("nửa cặp thay thế (surrogate)"), run.stdout)
    }

    /// A real Word file (hoso's own export) given to `hoso lint` is named as one, with what to do.
    func testAWordFileIsNamedAsAWordFile() throws {
        _ = try write(try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8), to: "a.hoso")
        XCTAssertEqual(try hoso(["export", "a.hoso", "-o", "ho-so.docx"]).status, 0)
        let run = try hoso(["lint", "ho-so.docx"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("ho-so.docx:1:1: lỗi[HS001]: Đây là tệp Word (.docx), không phải văn bản: mở bằng Word, chọn Lưu thành… / Save As → Văn bản thuần (.txt), mã hoá UTF-8, rồi đổi đuôi thành .hoso; các lỗi khác chưa được kiểm tra.\n"), run.stdout)
    }

    func testAProfileThatIsADeviceOrAFIFOIsAClearErrorAtOnce() throws {
        _ = try write(try fixable, to: "a.hoso")
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("ong.json").path, 0o644), 0)
        for profile in ["/dev/zero", "ong.json"] {
            let run = try hoso(["lint", "--profile", profile, "a.hoso"], timeout: 10)
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.stderr.contains("không đọc được tệp profile: \"\(profile)\" không phải tệp thường (FIFO, thiết bị hay socket)"), run.stderr)
        }
    }

    func testAnUnreadableSubfolderIsNotACleanResult() throws {
        _ = try write(try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8), to: "ho-so/a.hoso")
        _ = try write("", to: "ho-so/kin/b.hoso")
        try shell("chmod 000 ho-so/kin")
        // Root reads every folder: run as nobody then.
        let prefix = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let hasSetpriv = try shell("command -v setpriv >/dev/null") == 0
        if getuid() == 0 && !hasSetpriv { throw XCTSkip("setpriv is needed to drop root") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = prefix + [EndToEndTests.binary.path, "lint", "ho-so"]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, stdout + stderr)
        XCTAssertTrue(stderr.contains("không đọc được thư mục \"ho-so/kin\""), stderr)
        XCTAssertEqual(stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 1 tệp; không kiểm tra được 1 đường dẫn (xem các dòng \"hoso: …\").\n")
    }

    // MARK: The server

    func testTheServerAnswersEveryRequestAfterGarbage() throws {
        func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n" + json }
        let stream = "\n\u{FEFF}" + frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + "rác\r\n\r\nContent-Length: x\r\n\r\n{}"
            + frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let input = folder.appendingPathComponent("in.txt")
        try Data(stream.utf8).write(to: input)
        let process = Process()
        process.executableURL = EndToEndTests.binary
        process.arguments = ["lsp"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertTrue(output.contains(#""id":1,"result":{"#), output)
        XCTAssertTrue(output.contains(#""id":2,"result":null"#), output)
        XCTAssertTrue(output.contains("bad header"), output)
    }

    // MARK: Exclude globs

    func testGlobsMatchAsBeforeAndManyStarsStayLinear() {
        XCTAssertTrue(Glob.matches("*.hoso", "ho-so/nhap/a.hoso"))
        XCTAssertTrue(Glob.matches("nhap", "ho-so/nhap/a.hoso"))
        XCTAssertTrue(Glob.matches("ho-so/**/b?.hoso", "ho-so/x/y/b1.hoso"))
        XCTAssertFalse(Glob.matches("ho-so/*.hoso", "ho-so/x/a.hoso"))
        XCTAssertFalse(Glob.matches("a?c", "a/c"))
        // Backtracking takes about 2^13 tries per start here; memoized it is a few thousand steps.
        let path = String(repeating: "a", count: 60) + ".hoso"
        XCTAssertFalse(Glob.matches(String(repeating: "*a", count: 13) + "*b", path))
        XCTAssertFalse(Glob.matches("**/" + String(repeating: "*a", count: 13) + "*b", "x/y/z/" + path))
    }
}
