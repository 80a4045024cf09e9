import Foundation
import XCTest

/// Runs the real `hoso` binary over every case of `Tests/Corpus` and compares its findings,
/// as (file, line, code), with the case's `expected` list, exactly: nothing missing, nothing more.
///
/// The corpus was written from the format's description alone, blind to the code, as office staff write
/// dossiers (see `Tests/Corpus/README.md`). Each folder is linted as one set, so the
/// cross-dossier rules (HS5xx) see all of its files.
final class CorpusTests: XCTestCase {
    static let corpus = EndToEndTests.packageRoot.appendingPathComponent("Tests/Corpus")

    /// One expected or actual finding.
    struct Spot: Hashable, Comparable, CustomStringConvertible {
        let file: String, line: Int, code: String
        var description: String { "\(file):\(line) \(code)" }
        static func < (a: Spot, b: Spot) -> Bool { (a.file, a.line, a.code) < (b.file, b.line, b.code) }
    }

    /// The case folders, in name order.
    static func cases() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Parses `FILE LINE CODE  # reason` lines; `#` starts a comment, blank lines are skipped.
    static func expected(in folder: URL) throws -> [Spot] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected"), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { rawLine in
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { return nil }
            guard fields.count == 3, let number = Int(fields[1]) else {
                throw NSError(domain: "corpus", code: 1, userInfo: [NSLocalizedDescriptionKey: "bad line in \(folder.lastPathComponent)/expected: \(rawLine)"])
            }
            return Spot(file: String(fields[0]), line: number, code: String(fields[2]))
        }
    }

    /// A config that changes nothing, for folders the repository's hoso.json excludes.
    static let emptyConfig: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-corpus-\(UUID().uuidString).json")
        try! Data("{}".utf8).write(to: url)
        return url
    }()

    func testEveryCaseGivesExactlyItsExpectedFindings() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        var pinned = 0, clean = 0
        for folder in cases {
            let expected = try Self.expected(in: folder).sorted()
            pinned += expected.count
            if expected.isEmpty { clean += 1 }
            // The repository's hoso.json excludes Tests/** (so an editor opened on the repository
            // does not pool fixtures with the examples): a case brings its own empty config.
            let run = try runHoso(["lint", "--format", "json", "--config", Self.emptyConfig.path, folder.path], stdin: nil, environment: [:],
                                  directory: EndToEndTests.packageRoot)
            // 0 for a clean case; 1 only for errors (warnings and notes alone exit 0): never a crash or a usage error.
            XCTAssertTrue(expected.isEmpty ? run.status == 0 : run.status <= 1, "\(folder.lastPathComponent): exit \(run.status); stderr: \(run.stderr)")
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], folder.lastPathComponent)
            var actual: [Spot] = []
            for file in report["files"] as? [[String: Any]] ?? [] {
                let name = URL(fileURLWithPath: file["path"] as? String ?? "").lastPathComponent
                for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                    actual.append(Spot(file: name, line: diagnostic["line"] as? Int ?? 0, code: diagnostic["code"] as? String ?? ""))
                }
            }
            actual.sort()
            if actual != expected {
                let missing = expected.filter { spot in expected.filter { $0 == spot }.count > actual.filter { $0 == spot }.count }
                let extra = actual.filter { spot in actual.filter { $0 == spot }.count > expected.filter { $0 == spot }.count }
                XCTFail("\(folder.lastPathComponent): missing \(Array(Set(missing)).sorted()), unexpected \(Array(Set(extra)).sorted())")
            }
        }
        // The corpus is a contract too: shrinking it must be a decision, not an accident.
        XCTAssertGreaterThanOrEqual(pinned, 135)
        XCTAssertGreaterThanOrEqual(clean, 14)
    }
}
