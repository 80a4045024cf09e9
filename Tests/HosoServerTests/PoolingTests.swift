import XCTest
import HosoProtocol
import HosoRules
import HosoText
import HosoWorkspace
@testable import HosoServer

/// The cross-file rules pool dossiers by profile id (docs/cli.md, "The config file"), as `hoso lint` does: a folder
/// with a `hoso.json` of its own stays in its campaign's quota, and reports at its own severities.
final class PoolingTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What `hoso lint` reports for `paths`: each file with its own setup, pooled by profile id
    /// (the command's own steps: `SetupResolver` per file, then `Linter.lintPooled`), as
    /// "CODE@line:character/severity" with LSP's UTF-16 positions.
    func lintReference(_ paths: [String]) throws -> [String: [String]] {
        var resolver = try SetupResolver(configPath: nil, profilePath: nil)
        var inputs: [(input: LintInput, linter: Linter)] = []
        for path in paths {
            let setup = try resolver.setup(for: path)
            inputs.append((LintInput(path: path, bytes: try FileWalker.read(path)),
                           Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)))
        }
        let results = Linter.lintPooled(inputs, parallel: false)
        var report: [String: [String]] = [:]
        for (path, result) in zip(paths, results) {
            report[FileURI.uri(path)] = result.findings.map { finding in
                let start = result.text.position(ofByte: finding.range.lowerBound, in: .utf16)
                return "\(finding.code)@\(start.line):\(start.character)/\(finding.severity.lspValue)"
            }
        }
        return report
    }

    /// What the server reports for every file of the workspace, in the same form.
    func served(_ client: TestClient) -> [String: [String]] {
        let items = client.request("workspace/diagnostic", .object([("previousResultIds", .array([]))]))["result"]?["items"]?.arrayValue ?? []
        var report: [String: [String]] = [:]
        for item in items {
            report[item["uri"]?.stringValue ?? "?"] = (item["items"]?.arrayValue ?? []).map {
                "\(client.spot($0))/\($0["severity"]?.intValue ?? 0)"
            }
        }
        return report
    }

    func testQuotasCountEveryFolderOfACampaignWhateverItsConfig() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-pool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b"), c = root.appendingPathComponent("c")
        for folder in [a, b, c] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        // One Bằng khen individual in a/ (no config) and one in b/ (a config that changes nothing):
        // together over the quota of 1.
        try Data(cleanExample.utf8).write(to: a.appendingPathComponent("x.hoso"))
        let config = b.appendingPathComponent("hoso.json")
        try Data(#"{"rules":{}}"#.utf8).write(to: config)
        let other = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")
        try Data(other.utf8).write(to: b.appendingPathComponent("y.hoso"))
        // c/ is another campaign (profile son-la-vpub-2024) with a Bằng khen individual of its own:
        // it counts in its own quota, not in a/'s and b/'s.
        let example = Self.packageRoot.appendingPathComponent("Examples/ke-hoach-2024")
        for name in ["hoso.json", "profile.json", "phong-tong-hop-2024.hoso"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: c.appendingPathComponent(name))
        }
        let paths = [a.appendingPathComponent("x.hoso").path, b.appendingPathComponent("y.hoso").path,
                     c.appendingPathComponent("phong-tong-hop-2024.hoso").path]
        let (x, y, z) = (FileURI.uri(paths[0]), FileURI.uri(paths[1]), FileURI.uri(paths[2]))

        let client = TestClient()
        _ = client.initialize(root: root.path)
        var report = served(client)
        XCTAssertEqual(report[x], ["HS501@15:13/1"])
        XCTAssertEqual(report[y], ["HS501@15:13/1"])
        XCTAssertEqual(report[z]?.contains { $0.hasPrefix("HS501") }, false)
        XCTAssertEqual(report, try lintReference(paths))
        let related = client.request("textDocument/diagnostic", .object([("textDocument", document(x))]))["result"]?["items"]?[0]?["relatedInformation"]?[0]
        XCTAssertEqual(related?["location"]?["uri"]?.stringValue, y)

        // Each file reports the pool's findings at its own config's severities.
        try Data(#"{"rules":{"HS501":"warning"}}"#.utf8).write(to: config)
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(FileURI.uri(config.path))), ("type", .int(2))])]))]))
        report = served(client)
        XCTAssertEqual(report[x], ["HS501@15:13/1"])
        XCTAssertEqual(report[y], ["HS501@15:13/2"])
        XCTAssertEqual(report, try lintReference(paths))

        // Turned off in b/: b/'s nominee still counts toward the quota, and a/ still reports it.
        try Data(#"{"rules":{"HS501":"off"}}"#.utf8).write(to: config)
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(FileURI.uri(config.path))), ("type", .int(2))])]))]))
        report = served(client)
        XCTAssertEqual(report[x], ["HS501@15:13/1"])
        XCTAssertEqual(report[y], [])
        XCTAssertEqual(report, try lintReference(paths))

        // Open and edited, the file is re-checked on the keystroke with the whole pool.
        client.open(y, other)
        XCTAssertEqual(client.published(y)?.spots, [])
        client.change(y, version: 2, [(((17, 11), (17, 43)), "Giấy khen của Chánh Văn phòng UBND tỉnh")])
        XCTAssertEqual(served(client)[x], [], "a/'s individual is alone in the Bằng khen quota again")
    }

    /// A cross-file finding is turned off for its line like any other: the comment silences it in
    /// that file only, and draws no HS011 (never reported for HS5xx).
    func testACrossFileFindingIsDisabledForItsLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-pool-off-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        for folder in [a, b] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data(cleanExample.utf8).write(to: a.appendingPathComponent("x.hoso"))
        try Data(#"{"rules":{}}"#.utf8).write(to: b.appendingPathComponent("hoso.json"))
        let other = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")
        try Data(other.utf8).write(to: b.appendingPathComponent("y.hoso"))
        let x = FileURI.uri(a.appendingPathComponent("x.hoso").path), y = FileURI.uri(b.appendingPathComponent("y.hoso").path)
        let client = TestClient()
        _ = client.initialize(root: root.path)
        client.open(x, cleanExample)
        XCTAssertEqual(client.published(x)?.spots, ["HS501@15:13"])
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", document(x)), ("range", range((15, 13), (15, 13))), ("context", .object([("diagnostics", .array([]))])),
        ]))["result"]?.arrayValue ?? []
        let disable = try XCTUnwrap(actions.first { $0["title"]?.stringValue == "Tắt HS501 cho dòng này" })
        let edit = try XCTUnwrap(disable["edit"]?["changes"]?[x]?[0])
        XCTAssertEqual(edit["range"], range((15, 0), (15, 0)))
        XCTAssertEqual(edit["newText"]?.stringValue, "<!-- hoso-disable-next-line HS501 -- lý do: … -->\n")
        client.change(x, version: 2, [(((15, 0), (15, 0)), edit["newText"]!.stringValue!)])
        XCTAssertEqual(client.published(x)?.spots, [])
        XCTAssertEqual(served(client)[y], ["HS501@15:13/1"], "the other file still reports the quota")
    }
}
