import Foundation
import XCTest
@testable import HosoCLI
import HosoWorkspace

/// What a release promises: one version everywhere, a man page that holds every command and
/// option of the table, and a changelog entry for the version.
final class ReleaseTests: XCTestCase {
    func hoso(_ arguments: [String], stdin: [UInt8]? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: stdin, environment: [:], directory: EndToEndTests.packageRoot)
    }

    func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// The JSON-RPC messages of a server's output, unframed by their Content-Length.
    func messages(_ output: String) throws -> [[String: Any]] {
        var bytes = Array(output.utf8)[...]
        var found: [[String: Any]] = []
        while let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) {
            let header = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
            let length = try XCTUnwrap(header.split(separator: "\r\n").compactMap { $0.wholeMatch(of: /Content-Length: ([0-9]+)/)?.1 }.first.flatMap { Int($0) }, header)
            let body = bytes[end.upperBound...].prefix(length)
            found.append(try object(String(decoding: body, as: UTF8.self)))
            bytes = bytes[body.endIndex...]
        }
        return found
    }

    // MARK: Version

    func testEveryFrontEndReportsTheOneVersion() throws {
        let version = HosoVersion.current
        XCTAssertNotNil(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/), "semantic version: \(version)")
        XCTAssertEqual(try hoso(["--version"]).stdout, "hoso \(version)\n")
        XCTAssertEqual(try hoso(["-V"]).stdout, "hoso \(version)\n")
        XCTAssertTrue(try hoso(["help"]).stdout.hasPrefix("hoso \(version) — "))

        let json = try object(try hoso(["lint", "--format", "json", "Examples/phong-tchcqt.hoso"]).stdout)
        XCTAssertEqual((json["tool"] as? [String: Any])?["version"] as? String, version)
        let sarif = try object(try hoso(["lint", "--format", "sarif", "Examples/phong-tchcqt.hoso"]).stdout)
        let driver = ((sarif["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        XCTAssertEqual(driver?["version"] as? String, version)

        // The real server, over stdio: initialize, shutdown, exit.
        func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n" + json }
        let session = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            + frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let server = try hoso(["lsp"], stdin: Array(session.utf8))
        XCTAssertEqual(server.status, 0, server.stderr)
        let answer = try XCTUnwrap(try messages(server.stdout).first { $0["id"] as? Int == 1 }, server.stdout)
        let info = (answer["result"] as? [String: Any])?["serverInfo"] as? [String: Any]
        XCTAssertEqual(info?["name"] as? String, "hoso")
        XCTAssertEqual(info?["version"] as? String, version)
    }

    func testTheChangelogLicenseAndEditorPackagesNameTheVersion() throws {
        func read(_ path: String) throws -> String {
            try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent(path), encoding: .utf8)
        }
        XCTAssertTrue(try read("editors/vscode/package.json").contains("\n  \"version\": \"\(HosoVersion.current)\",\n"), "editors/vscode/package.json")
        XCTAssertTrue(try read("editors/emacs/hoso-mode.el").contains("\n;; Version: \(HosoVersion.current)\n"), "editors/emacs/hoso-mode.el")
        let changelog = try read("CHANGELOG.md")
        XCTAssertTrue(changelog.contains("\n## [\(HosoVersion.current)] - \(HosoVersion.releaseDate)\n"),
                      "CHANGELOG.md has no entry for \(HosoVersion.current) dated \(HosoVersion.releaseDate)")
        let license = try read("LICENSE")
        XCTAssertTrue(license.hasPrefix("MIT License\n\nCopyright (c) "), license)
    }

    // MARK: Man page

    func testTheManPageHoldsEveryCommandAndOptionOfTheTable() throws {
        for language in ["vi", "en"] {
            let run = try hoso(["help", "--man", "--lang", language])
            XCTAssertEqual(run.status, 0, run.stderr)
            let page = run.stdout
            // man-db reads the page as UTF-8 in any locale only with this first line; groff has
            // glyphs for precomposed letters, not always for combining sequences.
            XCTAssertTrue(page.hasPrefix("'\\\" -*- coding: UTF-8 -*-\n"), "\(language): no coding line first")
            XCTAssertEqual(page, page.precomposedStringWithCanonicalMapping, "\(language): not NFC")
            XCTAssertTrue(page.contains(".TH HOSO 1 \(HosoVersion.releaseDate) \"hoso \(HosoVersion.current)\""), page)
            let sections = language == "vi" ? ["NAME", "CÁCH DÙNG", "LỆNH", "MÃ THOÁT", "TỆP", "XEM THÊM"]
                                             : ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "FILES", "SEE ALSO"]
            for section in sections { XCTAssertTrue(page.contains("\n.SH \(section)\n"), "\(language): no section \(section)") }
            XCTAssertTrue(page.contains("\\fBhoso.json\\fR"), "\(language): FILES names hoso.json")
            for command in CommandTable.commands {
                XCTAssertTrue(page.contains("\n.SS \\fBhoso \(ManPage.escape(command.name))\\fR"), "\(language): no command \(command.name)")
                let subsection = try XCTUnwrap(page.components(separatedBy: "\n.SS ").first { $0.hasPrefix("\\fBhoso \(command.name)\\fR") })
                for option in command.options {
                    XCTAssertTrue(subsection.contains("\\fB\(ManPage.escape(option.name))\\fR"), "\(language): \(command.name) \(option.name)")
                    if let short = option.short { XCTAssertTrue(subsection.contains("\\fB\(ManPage.escape(short))\\fR, "), "\(language): \(short)") }
                    if let value = option.value { XCTAssertTrue(subsection.contains(ManPage.escape(value)), "\(language): \(option.name)'s \(value)") }
                }
            }
            for option in CommandTable.globalOptions {
                XCTAssertTrue(page.contains("\\fB\(ManPage.escape(option.name))\\fR"), "\(language): global \(option.name)")
            }
            try assertValidRoff(page, language)
        }
        XCTAssertEqual(try hoso(["help", "--man", "lint"]).status, 2, "--man prints the whole page, never one command's")
    }

    /// Formats the page with man-db as lintian does and fails on any warning (skipped without man).
    func assertValidRoff(_ page: String, _ language: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-\(language)-\(UUID().uuidString).1")
        try Data(page.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        process.arguments = ["--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", file.path]
        process.environment = ["LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, warnings)
        XCTAssertEqual(warnings, "", "\(language): groff warns")
    }
}
