import Foundation
import XCTest
@testable import HosoCLI
import HosoWorkspace

/// The command-line conventions users know from ruff, ESLint and markdownlint-cli2, through the
/// real binary: help per command in the message language, did-you-mean, the gate's options.
/// Help is held against golden files (`HOSO_UPDATE_GOLDEN=1 swift test` rewrites them).
final class ConventionTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: environment, directory: folder)
    }

    func write(_ text: String, to name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var example: String {
        get throws { try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8) }
    }

    /// The example with one warning (HS108, `Chuc vu`) and one error (HS203, a rating below
    /// the form's minimum; the nominee's first 2021 rating only).
    var warningAndError: String {
        get throws {
            try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
                .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ",
                                      with: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: Không hoàn thành nhiệm vụ")
        }
    }

    // MARK: Help

    func testHelpPerCommandInTheMessageLanguage() throws {
        try assertGolden(try hoso(["help"]).stdout, "help.vi.txt")
        try assertGolden(try hoso(["--help", "--lang", "en"]).stdout, "help.en.txt")
        try assertGolden(try hoso(["lint", "--help"]).stdout, "lint-help.vi.txt")
        let english = try hoso(["--lang", "en", "help", "lint"])
        try assertGolden(english.stdout, "lint-help.en.txt")
        XCTAssertEqual(try hoso(["lint", "-h", "--lang=en"]).stdout, english.stdout)
        for command in CommandTable.commands {
            let run = try hoso([command.name, "--help", "--lang", "en"])
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.hasPrefix("hoso \(command.name)"), run.stdout)
            XCTAssertTrue(run.stdout.contains("Options:"), command.name)
        }
        let version = try hoso(["--version"])
        XCTAssertEqual(version.stdout, "hoso \(HosoVersion.current)\n")
    }

    func testTyposGetTheNearestName() throws {
        let command = try hoso(["lnt", "."])
        XCTAssertEqual(command.status, 2)
        XCTAssertEqual(command.stderr, "hoso: không có lệnh \"lnt\"; có phải ý bạn là `hoso lint`?\n")
        XCTAssertEqual(try hoso(["--lang", "en", "lnt"]).stderr, "hoso: unknown command \"lnt\"; did you mean `hoso lint`?\n")
        let option = try hoso(["lint", "--fromat", "json"])
        XCTAssertEqual(option.status, 2)
        XCTAssertEqual(option.stderr, "hoso: lệnh `hoso lint` không có tuỳ chọn --fromat; có phải ý bạn là --format?\n")
        XCTAssertEqual(try hoso(["lint", "--format", "jsno", "--lang", "en"]).stderr,
                       "hoso: --format takes text, json, sarif, github, junit, gitlab, not \"jsno\" (did you mean json?)\n")
        XCTAssertEqual(try hoso(["explain", "HS2O4", "--lang", "en"]).stderr, "hoso: there is no rule HS2O4; did you mean HS204?\n")
        XCTAssertEqual(try hoso(["lint", "--zzzz"]).stderr, "hoso: lệnh `hoso lint` không có tuỳ chọn --zzzz; xem `hoso lint --help`\n")
    }

    func testExplainTakesSeveralCodes() throws {
        let run = try hoso(["explain", "HS204", "hs205"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.hasPrefix("HS204 "), run.stdout)
        XCTAssertTrue(run.stdout.contains("\nHS205 "), run.stdout)
    }

    // MARK: The gate's options

    func testQuietStillCountsWarningsForMaxWarnings() throws {
        try write(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"), to: "a.hoso")
        let quiet = try hoso(["lint", "--quiet", "a.hoso"])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "0 lỗi, 1 cảnh báo, 0 lưu ý trong 1 tệp.\n[*] Có thể tự sửa 1 vấn đề bằng --fix.\n", "the warning is counted, not shown")
        // Over --max-warnings the warnings decide the status: they are shown, and so is why.
        let run = try hoso(["lint", "--quiet", "--max-warnings", "0", "a.hoso"])
        XCTAssertEqual(run.status, 1, "a hidden warning still counts")
        XCTAssertTrue(run.stdout.hasPrefix("a.hoso:17:1: cảnh báo[HS108]: "), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("0 lỗi, 1 cảnh báo, 0 lưu ý trong 1 tệp.\n[*] Có thể tự sửa 1 vấn đề bằng --fix.\nQuá số cảnh báo cho phép: 1 > --max-warnings 0.\n"), run.stdout)
        // The machine-readable reports a CI step reads show the failing warning too.
        let junit = try hoso(["lint", "--quiet", "--max-warnings", "0", "--format", "junit", "a.hoso"])
        XCTAssertTrue(junit.stdout.contains("name=\"HS108 17:1\""), junit.stdout)
    }

    func testExitZeroNeverHidesTwo() throws {
        try write(try warningAndError, to: "a.hoso")
        XCTAssertEqual(try hoso(["lint", "a.hoso"]).status, 1)
        XCTAssertEqual(try hoso(["lint", "--exit-zero", "a.hoso"]).status, 0)
        XCTAssertEqual(try hoso(["lint", "--exit-zero", "a.hoso", "khong-co.hoso"]).status, 2)
    }

    /// The gate must not pass having checked nothing.
    func testAFolderWithoutDossiersIsNotACleanResult() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("trong"), withIntermediateDirectories: true)
        try write("ghi chú", to: "trong/ghi-chu.txt")
        let run = try hoso(["lint", "--max-warnings", "0", "trong"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "hoso: không có hồ sơ nào (*.hoso) trong \"trong\"; kiểm tra lại thư mục\n")
        XCTAssertEqual(run.stdout, "0 lỗi, 0 cảnh báo, 0 lưu ý trong 0 tệp; không kiểm tra được 1 đường dẫn (xem các dòng \"hoso: …\").\n")
    }

    func testForceExcludeSkipsNamedDraftsAndSaysSo() throws {
        try write(#"{"exclude": ["nhap/**"]}"#, to: "hoso.json")
        try write("rác", to: "nhap/b.hoso")
        XCTAssertEqual(try hoso(["lint", "nhap/b.hoso"]).status, 1, "a named file is checked")
        let run = try hoso(["lint", "--force-exclude", "nhap/b.hoso"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "hoso: mọi tệp nêu tên đều bị `exclude` loại trừ; không có gì để kiểm tra\n")
        XCTAssertEqual(run.stdout, "")
    }

    func testNoInlineConfigIgnoresSuppressions() throws {
        try write(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình",
                                                   with: "<!-- hoso-disable-next-line HS108 -- tên trường gõ không dấu theo mẫu cũ -->\nChuc vu: Chuyên viên\nHình"), to: "a.hoso")
        let honoured = try hoso(["lint", "a.hoso"])
        XCTAssertEqual(honoured.status, 0)
        XCTAssertEqual(honoured.stdout, "Không có vấn đề nào trong 1 tệp; 1 vấn đề đã tắt bằng chú thích hoso-disable.\n")
        let gate = try hoso(["lint", "--no-inline-config", "--max-warnings", "0", "a.hoso"])
        XCTAssertEqual(gate.status, 1)
        XCTAssertTrue(gate.stdout.contains("a.hoso:18:1: cảnh báo[HS108]"), gate.stdout)
        XCTAssertFalse(gate.stdout.contains("HS011"), "no unused-suppression noise under the gate")
    }

    func testOutputFileAndStatistics() throws {
        try write(try warningAndError, to: "a.hoso")
        let written = try hoso(["lint", "--output-file", "bao-cao.json", "--format", "json", "a.hoso"])
        XCTAssertEqual(written.status, 1)
        XCTAssertEqual(written.stdout, "")
        let report = try String(contentsOf: folder.appendingPathComponent("bao-cao.json"), encoding: .utf8)
        XCTAssertTrue(report.contains("\"HS108\""), report)
        let statistics = try hoso(["lint", "--statistics", "a.hoso"])
        XCTAssertEqual(statistics.status, 1)
        XCTAssertTrue(statistics.stdout.hasSuffix("2 lỗi, 1 cảnh báo, 0 lưu ý trong 1 tệp.\n[*] Có thể tự sửa 1 vấn đề bằng --fix.\n"), statistics.stdout)
        XCTAssertTrue(statistics.stdout.contains("1  HS108  "), statistics.stdout)
        XCTAssertFalse(statistics.stdout.contains("a.hoso:"), statistics.stdout)
        XCTAssertEqual(try hoso(["lint", "--output-file", "/nonexistent/x.json", "a.hoso"]).status, 2)
    }

    func testAnEmptyNoColorDoesNotTurnColourOff() {
        func colored(_ environment: [String: String]) -> Bool {
            var io = CommandIO(stdoutIsTerminal: true, environment: environment)
            _ = CLI.run(["lint", EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi").path], io: &io)
            return io.stdout.bytes.contains(0x1B)
        }
        XCTAssertTrue(colored([:]))
        XCTAssertTrue(colored(["NO_COLOR": ""]))
        XCTAssertFalse(colored(["NO_COLOR": "1"]))
    }

    /// docs/cli.md, "The config file": a hoso.json that only changes severities does not take its folder out of
    /// the quota; files are pooled by profile id, and each reports at its own severities.
    func testQuotasPoolByCampaignNotByConfig() throws {
        try write(try example, to: "phong-a/a.hoso")
        try write(#"{"rules": {"HS501": "warning"}}"#, to: "phong-b/hoso.json")
        try write(try example.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư"),
                  to: "phong-b/b.hoso")
        let run = try hoso(["lint", "--format", "json", "phong-a", "phong-b"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        let quota = files.map { file in (file["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "HS501" }.map { $0["severity"] as! String } }
        XCTAssertEqual(quota, [["error"], ["warning"]])
    }

    /// HS001 offers its conversion as an unsafe fix; `--fix --unsafe-fixes` applies it (and the
    /// safe fixes of the converted text), plain `--fix` does not.
    func testUnsafeFixesConvertALegacyEncodedFile() throws {
        let legacy = try Data(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi/phong-hanh-chinh-tcvn3.hoso"))
        try legacy.write(to: folder.appendingPathComponent("cu.hoso"))
        XCTAssertEqual(try hoso(["lint", "--fix", "cu.hoso"]).status, 1)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("cu.hoso")), legacy, "plain --fix leaves it")
        XCTAssertEqual(try hoso(["lint", "--unsafe-fixes", "cu.hoso"]).stderr, "hoso: --unsafe-fixes chỉ dùng cùng --fix hoặc --diff\n")
        let run = try hoso(["lint", "--fix", "--unsafe-fixes", "cu.hoso"])
        XCTAssertTrue(run.stderr.hasPrefix("hoso: đã sửa "), run.stderr)
        let converted = try String(contentsOf: folder.appendingPathComponent("cu.hoso"), encoding: .utf8)
        XCTAssertTrue(converted.contains("Đơn vị:"), converted)
        XCTAssertFalse(run.stdout.contains("[HS001]"), run.stdout)
    }

    // MARK: Machine-readable output

    /// JSON names each file's config, lists suppressed findings with their reasons and what went
    /// wrong; a run that exits 2 never reads as clean, even when the config itself is broken.
    func testJSONListsSuppressionsConfigsProfilesAndProblems() throws {
        try write(try example.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình",
                                                   with: "<!-- hoso-disable-next-line HS108 -- mẫu cũ của phòng -->\nChuc vu: Chuyên viên\nHình"), to: "a/a.hoso")
        try write(#"{"rules": {}}"#, to: "a/hoso.json")
        let run = try hoso(["lint", "--format", "json", "a", "khong-co.hoso"])
        XCTAssertEqual(run.status, 2)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["profiles"] as? [String], ["son-la-vpub-2022"])
        let file = try XCTUnwrap((report["files"] as? [[String: Any]])?.first)
        XCTAssertTrue((file["config"] as? String)?.hasSuffix("/a/hoso.json") ?? false, "\(file["config"] ?? "nil")")
        let suppressed = try XCTUnwrap(file["suppressed"] as? [[String: Any]])
        XCTAssertEqual(suppressed.map { $0["code"] as? String }, ["HS108"])
        XCTAssertEqual(suppressed.first?["reason"] as? String, "mẫu cũ của phòng")
        XCTAssertEqual((report["summary"] as? [String: Int])?["suppressed"], 1)
        XCTAssertEqual(report["problems"] as? [String], ["không tìm thấy \"khong-co.hoso\"; kiểm tra lại đường dẫn"])
        try write(#"{"rules": {"HS108": "loud"}}"#, to: "a/hoso.json")
        let broken = try hoso(["lint", "--format", "sarif", "a"])
        XCTAssertEqual(broken.status, 2)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        let invocation = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        // The config's error, and the folder named that was therefore not checked.
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [[String: Any]])?.count, 2)
    }

    // MARK: Other commands

    func testNewWritesWithOutputAndNeverOverwritesWithoutForce() throws {
        let first = try hoso(["new", "--unit", "Phòng Tổng hợp", "-o", "moi.hoso"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("moi.hoso"), encoding: .utf8).hasPrefix("Đơn vị: Phòng Tổng hợp\n"))
        try write("bản đang soạn", to: "moi.hoso")
        let again = try hoso(["new", "-o", "moi.hoso"])
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "hoso: \"moi.hoso\" đã có; không ghi đè (thêm --force để ghi đè)\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("moi.hoso"), encoding: .utf8), "bản đang soạn")
        XCTAssertEqual(try hoso(["new", "-o", "moi.hoso", "--force"]).status, 0)
        XCTAssertEqual(try hoso(["new", "--kind", "ca_nhan"]).stderr, "hoso: --kind nhận ca-nhan, tap-the; không nhận \"ca_nhan\" (có phải ý bạn là ca-nhan?)\n")
    }

    func testInitWritesEveryKeyAndConfigSaysWhereEachSettingCameFrom() throws {
        // Issue 15: it pointed at docs/huong-dan.md, a path installed users do not have.
        let initialized = try hoso(["init"])
        XCTAssertEqual(initialized.status, 0)
        XCTAssertEqual(initialized.stderr, "hoso: đã ghi hoso.json (`hoso help init` giải thích từng khoá; `hoso config` cho biết cấu hình đang dùng)\n")
        let help = try hoso(["help", "init"])
        for key in ["profile", "language", "rules", "exclude"] {
            XCTAssertTrue(help.stdout.contains("\n  \(key) "), "`hoso help init` explains \(key): \(help.stdout)")
        }
        XCTAssertTrue(try hoso(["help", "init", "--lang", "en"]).stdout.contains("\n  exclude   globs of files to skip"))
        let written = try String(contentsOf: folder.appendingPathComponent("hoso.json"), encoding: .utf8)
        XCTAssertEqual(written, InitCommand.defaultConfig)
        XCTAssertEqual(try hoso(["init"]).status, 2, "an existing hoso.json is kept")
        try write(try example, to: "a.hoso")
        XCTAssertEqual(try hoso(["lint", "a.hoso"]).status, 0, "the written config is valid and changes nothing")
        try write(#"{"language": "en", "rules": {"HS108": "off"}, "exclude": ["nhap/**"]}"#, to: "hoso.json")
        let shown = try hoso(["config", "nhap/b.hoso"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("son-la-vpub-2022"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("language    en  (hoso.json)"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("HS108       off"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("this file is excluded"), shown.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(try hoso(["config", "--format", "json", "a.hoso"]).stdout.utf8)) as? [String: Any]
        XCTAssertEqual((json?["rules"] as? [String: String])?["HS108"], "off")
        XCTAssertEqual(json?["excluded"] as? Bool, false)
    }

    func testCompletionsAreValidShellFromTheTable() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try hoso(["completions", shell])
            XCTAssertEqual(run.status, 0)
            XCTAssertTrue(run.stdout.contains("--max-warnings"), shell)
            XCTAssertTrue(run.stdout.contains("--diff") || run.stdout.contains("-l diff"), shell)
            XCTAssertTrue(run.stdout.contains("text json sarif github junit gitlab"), shell)
            XCTAssertTrue(run.stdout.contains("explain"), shell)
            XCTAssertTrue(run.stdout.contains("format") && (run.stdout.contains("--check") || run.stdout.contains("-l check")), shell)
            let script = folder.appendingPathComponent("hoso.\(shell)")
            try Data(run.stdout.utf8).write(to: script)
            guard let checker = ["/bin/\(shell)", "/usr/bin/\(shell)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: checker)
            process.arguments = ["-n", script.path]
            let err = Pipe()
            process.standardError = err
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(shell) -n: " + String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        XCTAssertEqual(try hoso(["completions", "bsh"]).stderr, "hoso: cần tên shell: bash, zsh hoặc fish (có phải ý bạn là bash?)\n")
    }

    /// `--staged` checks the whole repository's staged dossiers from any subfolder (a hook runs
    /// at the root, a person anywhere), any case of `.hoso` included.
    func testStagedFromASubfolderChecksTheWholeIndex() throws {
        try write(try warningAndError, to: "ho-so/A.HOSO")
        try write(try example, to: "khac/b.hoso")
        func git(_ arguments: [String]) throws { try runGit(arguments, in: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.hoso").path, withDestinationPath: "/dev/zero")
        try git(["init", "-q"])
        try git(["add", "."])  // the link is staged as a link (mode 120000): not a dossier
        let run = try runHoso(["lint", "--staged", "--format", "json"], stdin: nil, environment: [:], directory: folder.appendingPathComponent("khac"))
        XCTAssertEqual(run.status, 1, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["files"] as? [[String: Any]])?.map { $0["path"] as? String }, ["../ho-so/A.HOSO", "../khac/b.hoso"])
    }

    /// A binary path with shell syntax in it is one quoted word in the hook: nothing in it runs.
    func testTheHookQuotesTheBinaryPath() throws {
        let script = HookCommand.script(hoso: folder.path + "/a'$(touch da-chay)'b/hoso")
        let hook = folder.appendingPathComponent("pre-commit")
        try Data(script.utf8).write(to: hook)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [hook.path]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/nonexistent"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("da-chay").path))
        XCTAssertTrue(script.contains("lint --staged --force-exclude"))
    }
}
