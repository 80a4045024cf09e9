import Foundation
import XCTest

/// The example dossiers read right through the real binary: the clean ones are clean even when
/// checked with the deliberately broken ones (quotas pool every dossier of a run), and each
/// broken one shows the mistakes Examples/README.md says it shows.
final class ExamplesTests: XCTestCase {
    /// The codes each broken example is there to show, exactly (Examples/README.md explains them).
    static let taught: [String: Set<String>] = [
        "Examples/co-loi/phong-hanh-chinh-tcvn3.hoso": ["HS001"],
        "Examples/co-loi/phong-kiem-soat-tthc.hoso": ["HS204", "HS206", "HS207", "HS209", "HS301", "HS303", "HS402", "HS405"],
        "Examples/co-loi/phong-tong-hop.hoso": ["HS003", "HS105", "HS107", "HS108", "HS111", "HS112", "HS205"],
    ]

    /// The fewest findings each broken example must have: an unreadable file stops at HS001.
    static let fewestFindings: [String: Int] = [
        "Examples/co-loi/phong-hanh-chinh-tcvn3.hoso": 1,
        "Examples/co-loi/phong-kiem-soat-tthc.hoso": 9,
        "Examples/co-loi/phong-tong-hop.hoso": 9,
    ]

    func hoso(_ arguments: [String], directory: URL = EndToEndTests.packageRoot) throws -> HosoRun {
        try runHoso(arguments, stdin: nil, environment: [:], directory: directory)
    }

    func testEveryFindingOfTheExamplesFolderIsInABrokenExample() throws {
        let run = try hoso(["lint", "--format", "json", "Examples/"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        var found: [String: [String]] = [:]
        for file in files {
            let path = try XCTUnwrap(file["path"] as? String)
            let codes = try XCTUnwrap(file["diagnostics"] as? [[String: Any]]).map { $0["code"] as? String ?? "?" }
            if !codes.isEmpty { found[path] = codes }
        }
        for (path, codes) in found {
            XCTAssertTrue(path.hasPrefix("Examples/co-loi/"), "\(path) is meant to be clean but has \(codes)")
        }
        let broken = try FileManager.default.contentsOfDirectory(atPath: EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi").path)
            .filter { $0.hasSuffix(".hoso") }.map { "Examples/co-loi/" + $0 }
        XCTAssertEqual(Set(broken), Set(Self.taught.keys), "every broken example says what it teaches")
        for path in broken {
            let codes = found[path] ?? []
            XCTAssertEqual(Set(codes), Self.taught[path], path)
            XCTAssertGreaterThanOrEqual(codes.count, Self.fewestFindings[path] ?? 1, path)
        }
    }

    func testCleanExamplesPassAndEachBrokenOneFails() throws {
        let clean = try hoso(["lint", "Examples/phong-tchcqt.hoso", "Examples/phong-kinh-te.hoso", "Examples/ke-hoach-2024"])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertEqual(clean.stdout, "Không có vấn đề nào trong 3 tệp.\n")
        for path in Self.taught.keys.sorted() {
            XCTAssertEqual(try hoso(["lint", path]).status, 1, path)
        }
    }

    /// The TCVN3 example is a whole dossier: converted with `--fix --unsafe-fixes`, it is clean,
    /// as the guide (docs/huong-dan.md) shows.
    func testTheConvertedTCVN3ExampleIsClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let legacy = try Data(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/co-loi/phong-hanh-chinh-tcvn3.hoso"))
        try legacy.write(to: folder.appendingPathComponent("cu.hoso"))
        let fixed = try hoso(["lint", "--fix", "--unsafe-fixes", "cu.hoso"], directory: folder)
        XCTAssertEqual(fixed.status, 0, fixed.stdout)
        XCTAssertEqual(fixed.stderr, "hoso: đã sửa 1 chỗ trong cu.hoso\n")
        let text = try String(contentsOf: folder.appendingPathComponent("cu.hoso"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("Đơn vị: Phòng Hành chính\n\n# TỜ TRÌNH\n"), text)
    }

    func testTheExamplesReadmeNamesEveryExample() throws {
        let readme = try String(contentsOf: EndToEndTests.packageRoot.appendingPathComponent("Examples/README.md"), encoding: .utf8)
        let root = EndToEndTests.packageRoot.appendingPathComponent("Examples")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".hoso") || $0.hasSuffix(".json") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            XCTAssertTrue(readme.contains(file), "Examples/README.md does not mention \(file)")
        }
    }
}
