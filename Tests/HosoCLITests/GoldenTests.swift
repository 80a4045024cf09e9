import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import HosoCLI
import HosoWorkspace

/// Every report format of `hoso lint`, through the real binary, held against golden files in
/// `Tests/HosoCLITests/Golden/`: a broken dossier as office staff write one (a field key typed
/// without diacritics, an abbreviated rating, a wrong plan date, a vote percentage worked out
/// wrong, a lookalike Ð and a vertical tab pasted from Word on one line, so that two findings
/// show the same line, a missing secretary, a missing report section) beside a clean one,
/// both from `Golden/input/`; then `--diff`.
///
/// The files are copied to a fresh folder and named relatively, so no golden holds a machine's
/// path; the folder (SARIF's `SRCROOT`, messages about a config) becomes `<DIR>`, the version
/// `<VERSION>`. To regenerate after a deliberate change, then review `git diff` of the goldens:
///
///     HOSO_UPDATE_GOLDEN=1 swift test --filter HosoCLITests.GoldenTests
final class GoldenTests: XCTestCase {
    static let input = EndToEndTests.packageRoot.appendingPathComponent("Tests/HosoCLITests/Golden/input")
    static let broken = "phong-hanh-chinh.hoso"
    static let clean = "phong-ke-hoach-tai-chinh.hoso"

    var folder: URL!

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in [Self.broken, Self.clean] {
            try FileManager.default.copyItem(at: Self.input.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // The folder's own config (all defaults), so no hoso.json above /tmp can change a golden.
        try Data("{}".utf8).write(to: folder.appendingPathComponent("hoso.json"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String], stdin: [UInt8]? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: [:], directory: folder)
    }

    /// The output with what depends on the machine and the release replaced.
    func normalized(_ text: String) -> String {
        var text = text
        for path in [folder.resolvingSymlinksInPath().path, folder.path] { text = text.replacingOccurrences(of: path, with: "<DIR>") }
        return text.replacingOccurrences(of: "\"version\": \"\(HosoVersion.current)\"", with: "\"version\": \"<VERSION>\"")
    }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    // MARK: Reports

    func testTextReportInBothLanguages() throws {
        let vi = try hoso(["lint", Self.broken, Self.clean])
        XCTAssertEqual(vi.status, 1)
        XCTAssertEqual(vi.stderr, "")
        try assertGolden(vi.stdout, "lint.vi.txt")
        let en = try hoso(["lint", "--lang", "en", Self.broken, Self.clean])
        XCTAssertEqual(en.status, 1)
        try assertGolden(en.stdout, "lint.en.txt")
        let clean = try hoso(["lint", Self.clean])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "Không có vấn đề nào trong 1 tệp.\n", "no fixable line when nothing is fixable")
    }

    func testJSONAndSARIF() throws {
        let json = try hoso(["lint", "--format", "json", Self.broken, Self.clean])
        XCTAssertEqual(json.status, 1)
        try assertGolden(normalized(json.stdout), "lint.json")
        let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Int])
        XCTAssertEqual(summary["fixable"], 7)
        XCTAssertEqual(summary["unsafeFixable"], 2)
        let sarif = try hoso(["lint", "--format", "sarif", Self.broken, Self.clean])
        XCTAssertEqual(sarif.status, 1)
        try assertGolden(normalized(sarif.stdout), "lint.sarif")
    }

    func testJUnit() throws {
        let run = try hoso(["lint", "--format", "junit", Self.broken, Self.clean])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "")
        try assertGolden(run.stdout, "lint.junit.xml")
        try assertWellFormedXML(run.stdout)
        let clean = try hoso(["lint", "--format", "junit", Self.clean])
        XCTAssertEqual(clean.status, 0)
        try assertGolden(clean.stdout, "clean.junit.xml")
        // Not checked: an <error> case in a suite of its own, the run red.
        let missing = try hoso(["lint", "--format", "junit", Self.clean, "khong-co.hoso"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "hoso: không tìm thấy \"khong-co.hoso\"; kiểm tra lại đường dẫn\n")
        try assertGolden(missing.stdout, "not-checked.junit.xml")
        try assertWellFormedXML(missing.stdout)
    }

    func testGitLab() throws {
        let run = try hoso(["lint", "--format", "gitlab", Self.broken, Self.clean])
        XCTAssertEqual(run.status, 1)
        try assertGolden(run.stdout, "lint.gitlab.json")
        let issues = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(issues.count, 9)
        XCTAssertEqual(Set(issues.map { $0["fingerprint"] as! String }).count, 9, "one fingerprint per finding")
        // Stable: the same whatever the language and however the file is named (`./x` is `x`).
        let english = try hoso(["lint", "--format", "gitlab", "--lang", "en", "./" + Self.broken, Self.clean])
        let again = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(again.map { $0["fingerprint"] as! String }, issues.map { $0["fingerprint"] as! String })
        XCTAssertEqual(again.map { ($0["location"] as! [String: Any])["path"] as! String }, issues.map { ($0["location"] as! [String: Any])["path"] as! String })
        XCTAssertEqual(try hoso(["lint", "--format", "gitlab", Self.clean]).stdout, "[]\n")
        let missing = try hoso(["lint", "--format", "gitlab", Self.clean, "khong-co.hoso"])
        XCTAssertEqual(missing.status, 2)
        try assertGolden(missing.stdout, "not-checked.gitlab.json")
    }

    /// A broken config still gets a JUnit and a GitLab report, and neither reads as clean.
    func testABrokenConfigIsARedRunInJUnitAndGitLab() throws {
        try Data(#"{"rules": {"HS108": "loud"}}"#.utf8).write(to: folder.appendingPathComponent("hoso.json"))
        let junit = try hoso(["lint", "--format", "junit", "--lang", "en", Self.clean])
        XCTAssertEqual(junit.status, 2)
        // The config's own message is not pinned here (it belongs to the config reader).
        let lines = normalized(junit.stdout).split(separator: "\n").map(String.init)
        // The run failed (the config), and the file named was not checked: two red cases.
        XCTAssertEqual(lines.count, 13, junit.stdout)
        XCTAssertEqual(Array(lines.prefix(4)), [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"hoso\" tests=\"2\" failures=\"0\" errors=\"2\">",
            "  <testsuite name=\"hoso\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">",
            "    <testcase classname=\"hoso\" name=\"run-failed\">",
        ])
        XCTAssertTrue(lines[4].hasPrefix("      <error message=\"<DIR>/hoso.json:1:21: $.rules.HS108: expected error, warning, info, hint or off, found the string &quot;loud&quot;\""), lines[4])
        XCTAssertTrue(lines[4].hasSuffix("</error>") && lines[4].contains("type=\"run-failed\""), lines[4])
        let gitlab = try hoso(["lint", "--format", "gitlab", Self.clean])
        XCTAssertEqual(gitlab.status, 2)
        let issues = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(gitlab.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(issues.map { $0["check_name"] as? String }, ["hoso/run-failed", "hoso/not-checked"])
        XCTAssertEqual(issues.map { $0["severity"] as? String }, ["blocker", "blocker"])
    }

    /// Markup and control characters from file names and dossiers are escaped; what XML 1.0
    /// cannot hold at all (a vertical tab pasted from Word) is shown as its Control Picture.
    func testJUnitEscapesMarkupAndCharactersXMLCannotHold() throws {
        let text = try String(contentsOf: Self.input.appendingPathComponent(Self.broken), encoding: .utf8)
            .replacingOccurrences(of: "- Tổ Lưu trữ: 7/8", with: "- Tổ Lưu\u{0B}trữ: 7/8")
        let name = "a&b <\"c\">'.hoso"
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        let run = try hoso(["lint", "--format", "junit", name])
        XCTAssertEqual(run.status, 1)
        try assertWellFormedXML(run.stdout)
        XCTAssertTrue(run.stdout.contains("<testsuite name=\"a&amp;b &lt;&quot;c&quot;&gt;'.hoso\""), run.stdout)
        XCTAssertTrue(run.stdout.contains("message=\"Kết quả biểu quyết ghi &quot;Tổ Lưu␋trữ&quot;, không có trong DANH SÁCH ĐỀ NGHỊ"), run.stdout)
        XCTAssertFalse(run.stdout.utf8.contains { $0 < 0x20 && $0 != 0x0A }, "no raw control character")
        XCTAssertEqual(XMLText.attribute("a\tb\nc\rd\u{0}e\u{FFFE}\u{202E}"), "a&#9;b&#10;c&#13;d␀e\u{FFFD}&lt;U+202E&gt;")
        XCTAssertEqual(XMLText.content("1 < 2 && \"x\"\n"), "1 &lt; 2 &amp;&amp; \"x\"\n")
    }

    // MARK: --diff

    func testDiffShowsWhatFixWouldChangeAndWritesNothing() throws {
        let path = folder.appendingPathComponent(Self.broken).path
        let before = try bytes(Self.broken)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let run = try hoso(["lint", "--diff", Self.broken, Self.clean])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "hoso: --fix sẽ sửa 7 chỗ trong 1 tệp (chưa ghi gì)\n")
        try assertGolden(run.stdout, "diff.txt")
        // `--fix --diff` is the same: nothing written.
        let withFix = try hoso(["lint", "--fix", "--diff", "--lang", "en", Self.broken])
        XCTAssertEqual(withFix.stdout, run.stdout)
        XCTAssertEqual(withFix.stderr, "hoso: --fix would make 7 fixes in 1 file (nothing written)\n")
        XCTAssertEqual(try bytes(Self.broken), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified)

        let unsafe = try hoso(["lint", "--diff", "--unsafe-fixes", Self.broken])
        XCTAssertEqual(unsafe.status, 1)
        try assertGolden(unsafe.stdout, "diff-unsafe.txt")
        XCTAssertEqual(try bytes(Self.broken), before)

        // What the diff shows is what --fix does: applied by `patch`, it gives the fixed file.
        try assertPatchGivesTheFixedFile(run.stdout)
    }

    func testDiffOfACleanFileIsEmptyAndExitsZero() throws {
        let run = try hoso(["lint", "--diff", Self.clean])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "hoso: --fix không có gì để sửa\n")
        XCTAssertEqual(try hoso(["lint", "--diff", "--exit-zero", Self.broken]).status, 0)
        XCTAssertEqual(try hoso(["lint", "--diff", Self.broken, "khong-co.hoso"]).status, 2)
        let format = try hoso(["lint", "--diff", "--format", "json", Self.broken])
        XCTAssertEqual(format.status, 2)
        XCTAssertEqual(format.stderr, "hoso: --diff in bản so sánh, không dùng cùng --format json\n")
    }

    /// A CRLF file (or a UTF-16 one, or standard input) shows the same diff as the LF UTF-8
    /// original: no raw CR, the text decoded as the fix decodes it; still nothing written.
    func testDiffOfCRLFAndUTF16FilesReadsLikeAnyOther() throws {
        let text = try String(contentsOf: Self.input.appendingPathComponent(Self.broken), encoding: .utf8)
        let expected = try hoso(["lint", "--diff", Self.broken]).stdout
        func same(as name: String) -> String { expected.replacingOccurrences(of: Self.broken, with: name) }
        let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try crlf.write(to: folder.appendingPathComponent("crlf.hoso"))
        let crlfRun = try hoso(["lint", "--diff", "crlf.hoso"])
        XCTAssertEqual(crlfRun.status, 1)
        // Byte for byte, so `patch` applies it: the same diff with each line's CR kept.
        XCTAssertEqual(crlfRun.stdout, same(as: "crlf.hoso").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("---") || $0.hasPrefix("+++") || $0.hasPrefix("@@") || $0.hasPrefix("\\") || $0.isEmpty ? String($0) : $0 + "\r" }
            .joined(separator: "\n"))
        XCTAssertEqual(try bytes("crlf.hoso"), crlf)
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try utf16.write(to: folder.appendingPathComponent("utf16.hoso"))
        XCTAssertEqual(try hoso(["lint", "--diff", "utf16.hoso"]).stdout, same(as: "utf16.hoso"))
        XCTAssertEqual(try bytes("utf16.hoso"), utf16)
        let stdin = try hoso(["lint", "--diff", "--stdin-filename", "nhap.hoso", "-"], stdin: Array(text.utf8))
        XCTAssertEqual(stdin.status, 1)
        XCTAssertEqual(stdin.stdout, same(as: "nhap.hoso"), "the diff, not the fixed text")
    }

    // MARK: Helpers

    func assertWellFormedXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        #if canImport(FoundationXML) || canImport(Darwin)
        let parser = XMLParser(data: Data(text.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")", file: file, line: line)
        #endif
    }

    /// Applies the diff with `patch` (when there is one) to a copy and compares with `--fix`'s result.
    func assertPatchGivesTheFixedFile(_ diff: String) throws {
        guard let patch = ["/usr/bin/patch", "/bin/patch"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let copy = folder.appendingPathComponent("patched")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent(Self.broken), to: copy.appendingPathComponent(Self.broken))
        // The vertical tab the fix deletes is shown as ␋: put the real one back for patch.
        try Data(diff.replacingOccurrences(of: "␋", with: "\u{0B}").utf8).write(to: folder.appendingPathComponent("fix.diff"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: patch)
        process.arguments = ["-s", "-p0", "-i", folder.appendingPathComponent("fix.diff").path]
        process.currentDirectoryURL = copy
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try hoso(["lint", "--fix", Self.broken]).status, 1)
        XCTAssertEqual(try Data(contentsOf: copy.appendingPathComponent(Self.broken)), try bytes(Self.broken))
    }
}
