import Foundation
import XCTest
import HosoProtocol
import HosoText
import HosoWorkspace
@testable import HosoServer

/// A folder of its own under the temporary folder, removed by the test's teardown.
func temporaryFolder(_ name: String, _ test: XCTestCase) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
}

/// Writes a file, making its folders.
func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Dates every file and folder under `url` (and `url`) a minute back: their stamps are then
/// old enough to be trusted, and any later change shows in them.
func age(_ url: URL) throws {
    let past = Date().addingTimeInterval(-60)
    let below = FileManager.default.enumerator(atPath: url.path)?.allObjects.compactMap { $0 as? String } ?? []
    for path in below.map({ url.appendingPathComponent($0).path }) + [url.path] {
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
    }
}

/// Replaces the first occurrence of `target`.
func replacingFirst(_ text: String, _ target: String, _ replacement: String) -> String {
    guard let range = text.range(of: target) else { return text }
    return text.replacingCharacters(in: range, with: replacement)
}

/// The dossier of another nominee, also for a Bằng khen: with the clean example, over the quota.
let otherExample = cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Văn thư")

final class WatchingTests: XCTestCase {
    func logs(_ client: TestClient) -> [String] {
        client.notifications("window/logMessage").compactMap { $0["params"]?["message"]?.stringValue }
    }

    /// The stat pass alone: an unchanged tree lists no folder; a file's new content is a change
    /// and no listing; a new file lists its folder only; a new folder is walked; a removed
    /// folder's files are removed; a config appearing where one was looked for is a setup change.
    func testADiskWatchStatsWhatItKnowsAndListsOnlyFoldersThatChanged() throws {
        let root = try temporaryFolder("hoso-diskwatch", self)
        for i in 0..<3 {
            for j in 0..<4 { try write("x\(i)\(j)", to: root.appendingPathComponent("d\(i)/e\(j)/f.hoso")) }
        }
        try write("top", to: root.appendingPathComponent("top.hoso"))
        try age(root)
        var watch = DiskWatch()
        let found = watch.walk(root.path) { _ in false }
        XCTAssertEqual(found.count, 13)
        for path in found { watch.noteFile(path, try FileWalker.contents(path).stamp) }
        watch.noteSetupFile(root.appendingPathComponent("hoso.json").path, nil)
        XCTAssertEqual(watch.counts.files, 13)
        XCTAssertEqual(watch.counts.folders, 16)
        XCTAssertEqual(watch.poll { _ in false }, DiskWatch.Changes())
        XCTAssertEqual(watch.foldersListed, 0)

        try write("changed", to: root.appendingPathComponent("d1/e2/f.hoso"))
        var changes = watch.poll { _ in false }
        XCTAssertEqual(changes.changed, [root.appendingPathComponent("d1/e2/f.hoso").path])
        XCTAssertEqual(changes.created + changes.removed, [])
        XCTAssertEqual(watch.foldersListed, 0, "a file's content does not change its folder")

        try write("new", to: root.appendingPathComponent("d2/e0/g.hoso"))
        try write("not a dossier", to: root.appendingPathComponent("d2/e0/notes.txt"))
        changes = watch.poll { _ in false }
        XCTAssertEqual(changes.created, [root.appendingPathComponent("d2/e0/g.hoso").path])
        XCTAssertEqual(watch.foldersListed, 1)

        try write("deep", to: root.appendingPathComponent("d0/new/deeper/h.hoso"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("d1"))
        changes = watch.poll { _ in false }
        XCTAssertEqual(changes.created, [root.appendingPathComponent("d0/new/deeper/h.hoso").path])
        XCTAssertEqual(changes.removed, (0..<4).map { root.appendingPathComponent("d1/e\($0)/f.hoso").path })
        XCTAssertEqual(watch.counts.folders, 13)  // d1 and its four gone; new and deeper added

        try write("{}", to: root.appendingPathComponent("hoso.json"))
        XCTAssertTrue(watch.poll { _ in false }.setupChanged)
        XCTAssertFalse(watch.poll { _ in false }.setupChanged)
    }

    /// Without dynamic file watching (Neovim 0.7), the server polls: a `hoso.json` appearing,
    /// changing or going, dossiers created, changed and removed on disk (in new folders too),
    /// each noticed at the next poll, a second later; the open document's editor text wins.
    func testTheServerWatchesFilesItselfWhenTheClientCannot() throws {
        let folder = try temporaryFolder("hoso-watch", self)
        let a = folder.appendingPathComponent("a.hoso")
        let broken = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        try write(broken, to: a)
        try age(folder)
        let uriA = FileURI.uri(a.path)
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        XCTAssertTrue(logs(client).contains { $0.hasPrefix("hoso: watching files itself (the client cannot)") }, "\(logs(client))")
        XCTAssertEqual(client.pendingTimers, 1)
        client.open(uriA, broken)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS108@16:0"])

        // A hoso.json appears beside it, turning the rule off: the open document is re-checked.
        try write(#"{"rules": {"HS108": "off"}}"#, to: folder.appendingPathComponent("hoso.json"))
        var mark = client.mark
        client.advance(by: .milliseconds(999))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS108@16:0"], "not before the poll")
        client.advance(by: .milliseconds(1))
        XCTAssertEqual(client.published(uriA)?.spots, [])
        XCTAssertFalse(client.notifications("textDocument/publishDiagnostics", since: mark).isEmpty)
        // It changes (an error now) and goes (a warning again).
        try write(#"{"rules": {"HS108": "error"}}"#, to: folder.appendingPathComponent("hoso.json"))
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]?[0]?["severity"]?.intValue, 1)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hoso.json"))
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]?[0]?["severity"]?.intValue, 2)

        // A dossier appears in a new folder: the quota now counts two.
        let b = folder.appendingPathComponent("phong/nam-2022/b.hoso")
        try write(otherExample, to: b)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13", "HS108@16:0"])
        XCTAssertNotNil(client.server.workspace.files[FileURI.uri(b.path)])
        // It changes on disk: its nominee moves to a Giấy khen, and the quota is kept again.
        try write(replacingFirst(otherExample, "Hình thức: Bằng khen của Chủ tịch UBND tỉnh", "Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh"), to: b)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS108@16:0"])
        // Back to a Bằng khen, then removed.
        try write(otherExample, to: b)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13", "HS108@16:0"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("phong"))
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS108@16:0"])
        XCTAssertNil(client.server.workspace.files[FileURI.uri(b.path)])

        // The open document's file changes on disk: the editor's text still wins.
        try write(cleanExample, to: a)
        mark = client.mark
        client.advance(by: .seconds(3))
        XCTAssertEqual(client.server.workspace.files[uriA]?.version, 1)
        XCTAssertEqual(client.server.workspace.files[uriA]?.text.bytes, Array(broken.utf8))
        XCTAssertTrue(client.notifications("textDocument/publishDiagnostics", since: mark).isEmpty)

        // Shutdown stops the timer.
        XCTAssertEqual(client.pendingTimers, 1)
        client.request("shutdown")
        XCTAssertEqual(client.pendingTimers, 0)
    }

    /// A profile in use changes on disk (through a `hoso.json` naming it): the setups are reloaded.
    func testAProfileInUseIsWatched() throws {
        let folder = try temporaryFolder("hoso-watch-profile", self)
        let example = PoolingTests.packageRoot.appendingPathComponent("Examples/ke-hoach-2024")
        for name in ["hoso.json", "profile.json", "phong-tong-hop-2024.hoso"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try age(folder)
        let uri = FileURI.uri(folder.appendingPathComponent("phong-tong-hop-2024.hoso").path)
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        XCTAssertEqual(client.server.workspace.files[uri]?.setup.profile.id, "son-la-vpub-2024")
        let profile = folder.appendingPathComponent("profile.json")
        let text = try String(contentsOf: profile, encoding: .utf8)
        try write(text.replacingOccurrences(of: "\"son-la-vpub-2024\"", with: "\"son-la-vpub-2024-sua\""), to: profile)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.server.workspace.files[uri]?.setup.profile.id, "son-la-vpub-2024-sua")
        // Broken, then mended: the error is shown once, and the profile is back.
        var mark = client.mark
        try write("{", to: profile)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.notifications("window/showMessage", since: mark).count, 1)
        mark = client.mark
        try write(text, to: profile)
        client.advance(by: .seconds(1))
        XCTAssertEqual(client.server.workspace.files[uri]?.setup.profile.id, "son-la-vpub-2024")
        XCTAssertTrue(client.notifications("window/showMessage", since: mark).isEmpty)
    }

    /// A client that watches files itself gets the registration and no polling.
    func testAClientThatWatchesFilesIsLeftToIt() throws {
        let client = TestClient()
        _ = client.initialize(watch: true)
        XCTAssertTrue(logs(client).contains("hoso: the client watches files"), "\(logs(client))")
        XCTAssertEqual(client.requests("client/registerCapability").count, 1)
        XCTAssertEqual(client.pendingTimers, 0)
        XCTAssertNil(client.server.workspace.disk)
    }

    /// Closing an edited, unsaved document in the workspace publishes what the disk holds (and the
    /// cross-file findings of the others go back with it); outside the workspace, an empty list.
    func testClosingAnEditedDocumentPublishesTheDiskOrNothing() throws {
        let folder = try temporaryFolder("hoso-close", self)
        try write(cleanExample, to: folder.appendingPathComponent("a.hoso"))
        try write(otherExample, to: folder.appendingPathComponent("b.hoso"))
        let uriA = FileURI.uri(folder.appendingPathComponent("a.hoso").path)
        let uriB = FileURI.uri(folder.appendingPathComponent("b.hoso").path)
        let client = TestClient()
        _ = client.initialize(root: folder.path)
        client.open(uriA, cleanExample)
        client.open(uriB, otherExample)
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13"])
        XCTAssertEqual(client.published(uriB)?.spots, ["HS501@15:13"])
        // Edited, not saved: a's nominee moves to a Giấy khen and its Chức vụ is misspelt.
        client.change(uriA, version: 2, [(((17, 11), (17, 43)), "Giấy khen của Chánh Văn phòng UBND tỉnh"), (((16, 0), (16, 7)), "Chuc vu")])
        XCTAssertEqual(client.published(uriA)?.spots, ["HS108@16:0", "HS307@54:75"])
        XCTAssertEqual(client.published(uriB)?.spots, [])
        let mark = client.mark
        client.notify("textDocument/didClose", .object([("textDocument", document(uriA))]))
        XCTAssertEqual(client.published(uriA)?.spots, ["HS501@15:13"], "the file on disk")
        XCTAssertEqual(client.published(uriA)?.version, nil)
        XCTAssertEqual(client.published(uriB)?.spots, ["HS501@15:13"], "the quota counts the file on disk again")
        XCTAssertEqual(client.notifications("textDocument/publishDiagnostics", since: mark).count, 2)
        XCTAssertNil(client.server.workspace.files[uriA]?.version)

        // Outside the workspace folders: forgotten, and its diagnostics cleared.
        let outside = "file:///tmp/hoso-outside-\(UUID().uuidString)/x.hoso"
        client.open(outside, cleanExample)
        client.change(outside, version: 2, [(((16, 0), (16, 7)), "Chuc vu")])
        XCTAssertEqual(client.published(outside)?.spots.contains("HS108@16:0"), true)
        client.notify("textDocument/didClose", .object([("textDocument", document(outside))]))
        XCTAssertEqual(client.published(outside)?.spots, [])
        XCTAssertNil(client.server.workspace.files[outside])
    }

    /// A pulling client is asked to pull again once the re-check after a settings change, a
    /// `hoso.json` or profile change (reported by the client or noticed by the server) or a
    /// dossier changed on disk is done, and not before.
    func testAPullingClientIsAskedToRefreshAfterSetupAndDiskChanges() throws {
        let folder = try temporaryFolder("hoso-refresh-setup", self)
        try write(cleanExample, to: folder.appendingPathComponent("a.hoso"))
        try age(folder)
        let client = TestClient()
        _ = client.initialize(pull: true, root: folder.path, refresh: true)
        XCTAssertEqual(client.requests("workspace/diagnostic/refresh").count, 1)
        client.runsScheduledWork = false
        func refreshes(after change: () throws -> Void) rethrows -> (before: Int, after: Int) {
            let mark = client.mark
            try change()
            let before = client.requests("workspace/diagnostic/refresh", since: mark).count
            while client.runScheduled() {}
            return (before, client.requests("workspace/diagnostic/refresh", since: mark).count)
        }
        // Settings.
        var counts = refreshes { client.notify("workspace/didChangeConfiguration", .object([("settings", .object([("hoso", .object([("rules", .object([("HS208", .string("off"))]))]))]))])) }
        XCTAssertEqual(counts.before, 0)
        XCTAssertEqual(counts.after, 1)
        // hoso.json, reported by a client that watches.
        try write(#"{"rules": {"HS108": "off"}}"#, to: folder.appendingPathComponent("hoso.json"))
        counts = refreshes {
            client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
                ("uri", .string(FileURI.uri(folder.appendingPathComponent("hoso.json").path))), ("type", .int(2))])]))]))
        }
        XCTAssertEqual(counts.before, 0)
        XCTAssertEqual(counts.after, 1)
        // hoso.json, noticed by the server itself.
        try write(#"{"rules": {"HS108": "warning"}}"#, to: folder.appendingPathComponent("hoso.json"))
        counts = refreshes { client.advance(by: .seconds(1)) }
        XCTAssertEqual(counts.after, 1)
        // A dossier changed on disk, then removed.
        try write(otherExample, to: folder.appendingPathComponent("a.hoso"))
        counts = refreshes { client.advance(by: .seconds(1)) }
        XCTAssertEqual(counts.after, 1)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.hoso"))
        counts = refreshes { client.advance(by: .seconds(1)) }
        XCTAssertEqual(counts.after, 1)
        let items = client.request("workspace/diagnostic", .object([("previousResultIds", .array([]))]))["result"]?["items"]?.arrayValue
        XCTAssertEqual(items?.count, 0)
    }

    /// `hoso.positionEncoding` forces UTF-8 for a client that offers only UTF-16 (Vim + ALE reads
    /// offsets as bytes); the answer names the encoding used.
    func testThePositionEncodingSettingForcesUTF8() {
        let forced = TestClient()
        let answer = forced.initialize(encodings: ["utf-16"], options: .object([("hoso", .object([("positionEncoding", .string("utf-8"))]))]))
        XCTAssertEqual(answer["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-8")
        let text = replacingFirst(cleanExample, "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\n", "Năm 2020: HTXSNV\n")
        forced.open("file:///tmp/hoso-encoding/a.hoso", text)
        XCTAssertEqual(forced.published("file:///tmp/hoso-encoding/a.hoso")?.spots, ["HS207@19:11"], "\"Năm 2020: \" is 11 bytes")
        let plain = TestClient()
        XCTAssertEqual(plain.initialize(encodings: ["utf-16"])["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-16")
        plain.open("file:///tmp/hoso-encoding/a.hoso", text)
        XCTAssertEqual(plain.published("file:///tmp/hoso-encoding/a.hoso")?.spots, ["HS207@19:10"])
        // Not an encoding: said in the log, and the negotiated one is kept.
        let wrong = TestClient()
        XCTAssertEqual(wrong.initialize(encodings: ["utf-32"], options: .object([("positionEncoding", .string("latin-1"))]))["result"]?["capabilities"]?["positionEncoding"]?.stringValue, "utf-32")
        XCTAssertTrue(logs(wrong).contains { $0.contains("latin-1") })
    }

    /// Rule pages are found from the executable: installed (`../share/hoso/rules`), in a
    /// checkout (`docs/rules` or `docs` above `.build/…`), through a link; none without a page.
    func testRuleLinksAreFoundBesideTheExecutable() throws {
        let root = try temporaryFolder("hoso-links", self)
        let codes = ["HS108", "HS207"]
        // Installed.
        try write("", to: root.appendingPathComponent("prefix/bin/hoso"))
        try write("# HS108", to: root.appendingPathComponent("prefix/share/hoso/rules/HS108.md"))
        var links = RuleLinks.find(executable: root.appendingPathComponent("prefix/bin/hoso").path, codes: codes)
        XCTAssertEqual(links.hrefs, ["HS108": FileURI.uri(root.appendingPathComponent("prefix/share/hoso/rules/HS108.md").path)])
        // Through a symbolic link to the installed executable.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("bin/hoso").path,
                                                   withDestinationPath: root.appendingPathComponent("prefix/bin/hoso").path)
        links = RuleLinks.find(executable: root.appendingPathComponent("bin/hoso").path, codes: codes)
        XCTAssertEqual(links.hrefs.keys.sorted(), ["HS108"])
        // A checkout: docs/rules above .build/<triple>/debug.
        try write("", to: root.appendingPathComponent("repo/.build/x86_64-unknown-linux-gnu/debug/hoso"))
        for code in codes { try write("# \(code)", to: root.appendingPathComponent("repo/docs/rules/\(code).md")) }
        links = RuleLinks.find(executable: root.appendingPathComponent("repo/.build/x86_64-unknown-linux-gnu/debug/hoso").path, codes: codes)
        XCTAssertEqual(links.hrefs["HS207"], FileURI.uri(root.appendingPathComponent("repo/docs/rules/HS207.md").path))
        XCTAssertEqual(links.hrefs.count, 2)
        // Pages straight in docs/.
        try write("", to: root.appendingPathComponent("flat/.build/debug/hoso"))
        try write("# HS207", to: root.appendingPathComponent("flat/docs/HS207.md"))
        try write("# guide", to: root.appendingPathComponent("flat/docs/huong-dan.md"))
        links = RuleLinks.find(executable: root.appendingPathComponent("flat/.build/debug/hoso").path, codes: codes)
        XCTAssertEqual(links.hrefs, ["HS207": FileURI.uri(root.appendingPathComponent("flat/docs/HS207.md").path)])
        // No page anywhere.
        try write("", to: root.appendingPathComponent("bare/.build/debug/hoso"))
        try write("# guide", to: root.appendingPathComponent("bare/docs/huong-dan.md"))
        XCTAssertEqual(RuleLinks.find(executable: root.appendingPathComponent("bare/.build/debug/hoso").path, codes: codes).hrefs, [:])

        // The server links the diagnostics of rules with a page, and only those.
        let client = TestClient(ruleLinks: RuleLinks(hrefs: ["HS108": "file:///usr/share/hoso/rules/HS108.md"]))
        _ = client.initialize()
        let uri = "file:///tmp/hoso-links/a.hoso"
        client.open(uri, replacingFirst(cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình"),
                                        "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\n", "Năm 2020: HTXSNV\n"))
        let diagnostics = client.notifications("textDocument/publishDiagnostics").last?["params"]?["diagnostics"]?.arrayValue ?? []
        XCTAssertEqual(diagnostics.map { $0["code"]?.stringValue }, ["HS108", "HS207"])
        XCTAssertEqual(diagnostics[0]["codeDescription"]?["href"]?.stringValue, "file:///usr/share/hoso/rules/HS108.md")
        XCTAssertNil(diagnostics[1]["codeDescription"])
    }

    /// Applies an LSP edit (UTF-16 positions) to a text.
    func apply(_ edit: JSON, to text: String) -> String {
        let source = SourceText(text)
        func offset(_ position: JSON?) -> Int {
            source.byteOffset(of: TextPosition(line: position?["line"]?.intValue ?? 0, character: position?["character"]?.intValue ?? 0), in: .utf16)
        }
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(offset(edit["range"]?["start"])..<offset(edit["range"]?["end"]), with: Array((edit["newText"]?.stringValue ?? "").utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `hoso.fixAllInWorkspace` sends one workspace edit with every safe fix of every dossier: the
    /// open one in its editor text at its version, the others as on disk; one edit per document.
    func testFixAllInWorkspaceAppliesEverySafeFixThroughOneEdit() throws {
        let folder = try temporaryFolder("hoso-fixall", self)
        let brokenA = cleanExample.replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        let brokenB = replacingFirst(otherExample, "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\n", "Năm 2020: HTXSNV\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try write(cleanExample, to: folder.appendingPathComponent("a.hoso"))
        try write(brokenB, to: folder.appendingPathComponent("b.hoso"))
        try write(cleanExample.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Hà Văn Sơn"), to: folder.appendingPathComponent("c.hoso"))
        let uriA = FileURI.uri(folder.appendingPathComponent("a.hoso").path)
        let uriB = FileURI.uri(folder.appendingPathComponent("b.hoso").path)
        let client = TestClient()
        let capabilities = client.initialize(root: folder.path, documentChanges: true)["result"]?["capabilities"]
        XCTAssertEqual(capabilities?["executeCommandProvider"]?["commands"], .array([.string("hoso.fixAllInWorkspace"), .string("hoso.export")]))
        client.open(uriA, cleanExample, version: 1)
        client.change(uriA, version: 7, [(nil, brokenA)])  // edited in the editor, not saved
        let answer = client.request("workspace/executeCommand", .object([("command", .string("hoso.fixAllInWorkspace")), ("arguments", .array([]))]))
        XCTAssertEqual(answer["result"], .null)
        let requests = client.requests("workspace/applyEdit")
        XCTAssertEqual(requests.count, 1)
        let changes = requests.first?["params"]?["edit"]?["documentChanges"]?.arrayValue ?? []
        XCTAssertEqual(changes.map { $0["textDocument"]?["uri"]?.stringValue }, [uriA, uriB], "c.hoso has nothing to fix")
        XCTAssertEqual(changes.map { $0["textDocument"]?["version"] }, [.int(7), .null])
        XCTAssertEqual(changes.map { $0["edits"]?.arrayValue?.count }, [1, 1])
        XCTAssertEqual(apply(changes[0]["edits"]![0]!, to: brokenA), cleanExample)
        XCTAssertEqual(apply(changes[1]["edits"]![0]!, to: brokenB), otherExample.replacingOccurrences(of: "\n", with: "\r\n"))
        // Whole lines only: from the first line fixed to the end of the last.
        XCTAssertEqual(changes[0]["edits"]?[0]?["range"], range((16, 0), (17, 0)))
        XCTAssertEqual(changes[1]["edits"]?[0]?["newText"]?.stringValue, "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\r\n")

        // A client without documentChanges gets `changes`; an unknown command is refused.
        let plain = TestClient()
        _ = plain.initialize(root: folder.path)
        plain.request("workspace/executeCommand", .object([("command", .string("hoso.fixAllInWorkspace"))]))
        XCTAssertEqual(plain.requests("workspace/applyEdit").first?["params"]?["edit"]?["changes"]?.objectValue?.map { $0.0 }, [uriB])
        XCTAssertEqual(plain.request("workspace/executeCommand", .object([("command", .string("hoso.nope"))]))["error"]?["code"]?.intValue, -32602)
    }

    /// The one edit of a fixed text: whole lines, never splitting a character or a CRLF.
    func testLineEditCoversWholeLines() {
        func edit(_ old: String, _ new: String) -> String {
            let edit = LanguageServer.lineEdit(from: Array(old.utf8), to: Array(new.utf8))
            var bytes = Array(old.utf8)
            bytes.replaceSubrange(edit.range, with: Array(edit.newText.utf8))
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), new)
            return "\(edit.range)|\(edit.newText)"
        }
        XCTAssertEqual(edit("a\r\nbé\r\nc\r\n", "a\r\nbè\r\nc\r\n"), "3..<8|bè\r\n")
        XCTAssertEqual(edit("ab", "ac"), "0..<2|ac")
        XCTAssertEqual(edit("x\ny\n", "x\ny\nz\n"), "4..<4|z\n")
        XCTAssertEqual(edit("x\ny\nz\n", "x\nz\n"), "2..<4|")
        XCTAssertEqual(edit("x\nx\n", "x\n"), "2..<4|")
    }
}
