import Foundation
import XCTest
@testable import HosoCLI

/// The references in `docs/` against the program they describe: `docs/cli.md` names every
/// command, option and choice of the command table, its JSON example has the real report's
/// shape, and the links between the documents lead somewhere.
final class DocumentationTests: XCTestCase {
    func document(_ path: String) throws -> String {
        try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// Each command has a `## \`hoso NAME…\`` section that names its options, their short forms and
    /// their fixed values; the options of every command are named somewhere.
    func testTheCLIReferenceNamesEveryCommandAndOption() throws {
        let text = try document("docs/cli.md")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for command in CommandTable.commands {
            guard let start = lines.firstIndex(where: { $0.hasPrefix("## `hoso \(command.name)") }) else {
                XCTFail("docs/cli.md has no \"## `hoso \(command.name)…`\" section")
                continue
            }
            let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
            let section = lines[start..<end].joined(separator: "\n")
            for option in command.options {
                for word in [option.name] + (option.short.map { [$0] } ?? []) + option.choices {
                    XCTAssertTrue(Self.mentions(section, word), "docs/cli.md, `hoso \(command.name)`: \(word) is not described")
                }
            }
        }
        for option in CommandTable.globalOptions {
            for word in [option.name] + (option.short.map { [$0] } ?? []) + option.choices {
                XCTAssertTrue(Self.mentions(text, word), "docs/cli.md does not describe \(word)")
            }
        }
    }

    /// Whether `text` has `word` as a whole word: `--force` in `--force-exclude` does not count.
    static func mentions(_ text: String, _ word: String) -> Bool {
        func isWordCharacter(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "-" || character == "_"
        }
        return text.ranges(of: word).contains { range in
            !isWordCharacter(range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil)
                && !isWordCharacter(range.upperBound < text.endIndex ? text[range.upperBound] : nil)
        }
    }

    /// The JSON example of `docs/cli.md` has exactly the members the real report has, at every
    /// depth (a file with a fix, a related place and a suppressed finding; a path not found).
    func testTheCLIReferenceShowsTheJSONReportsShape() throws {
        let text = try document("docs/cli.md")
        guard let heading = text.range(of: "### JSON (`--format json`)"),
              let open = text.range(of: "```json\n", range: heading.upperBound..<text.endIndex),
              let close = text.range(of: "\n```", range: open.upperBound..<text.endIndex) else {
            return XCTFail("docs/cli.md has no JSON example under \"### JSON (`--format json`)\"")
        }
        let documented = try JSONSerialization.jsonObject(with: Data(text[open.upperBound..<close.lowerBound].utf8))

        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Tests/HosoRulesTests/Fixtures/clean.hoso"), encoding: .utf8)
        let suppressed = clean.replacingOccurrences(of: "Chức vụ: Chuyên viên\n",
                                                    with: "<!-- hoso-disable-next-line HS208 -- lý do -->\nChức vụ: Trưởng phòng\n")
            .replacingOccurrences(of: "Kính gửi:", with: "Kinh gui:")
        try Data(suppressed.utf8).write(to: folder.appendingPathComponent("a.hoso"))
        try Data(clean.utf8).write(to: folder.appendingPathComponent("b.hoso"))
        let run = try runHoso(["lint", "--format", "json", "a.hoso", "b.hoso", "c.hoso"], stdin: nil, environment: [:], directory: folder)
        let real = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        XCTAssertEqual(Self.memberPaths(documented), Self.memberPaths(real), "the JSON example of docs/cli.md and `hoso lint --format json`")
    }

    /// Every member path of a JSON value (`files[].diagnostics[].range.start.line`), array
    /// elements merged.
    static func memberPaths(_ value: Any, _ prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, member) in object {
                let path = prefix.isEmpty ? key : prefix + "." + key
                paths.insert(path)
                paths.formUnion(memberPaths(member, path))
            }
        } else if let array = value as? [Any] {
            for element in array { paths.formUnion(memberPaths(element, prefix + "[]")) }
        }
        return paths
    }

    /// Relative links in the documentation lead to files that exist, and `#anchors` to a heading
    /// (GitHub's slug of it) or an `<a id>` of the target.
    func testLinksInTheDocumentationResolve() throws {
        let root = EndToEndTests.packageRoot
        var documents = ["README.md", "ARCHITECTURE.md", "editors/README.md", "editors/vscode/README.md"]
        documents += try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        for path in documents {
            let text = try document(path)
            let base = root.appendingPathComponent(path).deletingLastPathComponent()
            for match in text.matches(of: /\]\(([^)\s]+)\)/) {
                let link = String(match.1)
                guard !link.contains("://"), !link.hasPrefix("mailto:") else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? root.appendingPathComponent(path) : base.appendingPathComponent(parts[0])
                guard FileManager.default.fileExists(atPath: target.path) else {
                    XCTFail("\(path): the link \(link) leads nowhere")
                    continue
                }
                if parts.count == 2, target.pathExtension == "md" {
                    let anchors = Self.anchors(try String(contentsOf: target, encoding: .utf8))
                    XCTAssertTrue(anchors.contains(parts[1]), "\(path): no anchor #\(parts[1]) in \(parts[0].isEmpty ? path : parts[0])")
                }
            }
        }
    }

    /// The anchors of a Markdown text: GitHub's slugs of its headings and its `<a id="…">`s.
    static func anchors(_ text: String) -> Set<String> {
        var anchors: Set<String> = []
        var inFence = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            if inFence { continue }
            if let id = line.firstMatch(of: /<a id="([^"]+)"><\/a>/) { anchors.insert(String(id.1)) }
            guard line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for character in title.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    slug.append(character)
                } else if character == " " {
                    slug.append("-")
                }
            }
            anchors.insert(slug)
        }
        return anchors
    }
}
