import Foundation
import XCTest
import HosoWorkspace

/// The nearest `hoso.json` of each file, whichever way its path is spelled and in whatever order
/// the files come (the resolver caches by folder, as spelled and as absolute).
final class SetupResolverTests: XCTestCase {
    func testEachFileGetsItsNearestConfigHoweverItsPathIsSpelled() throws {
        let root = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-setup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: root.appendingPathComponent("hoso.json"))
        try Data("{}".utf8).write(to: root.appendingPathComponent("sub/hoso.json"))
        let top = root.appendingPathComponent("hoso.json").path, sub = root.appendingPathComponent("sub/hoso.json").path
        let base = root.path
        let cases: [(String, String)] = [
            (base + "/sub/b.hoso", sub), (base + "/sub/../a.hoso", top), (base + "/a.hoso", top), (base + "/sub/./c.hoso", sub),
            (base + "/sub/deeper/d.hoso", sub), (base + "/sub/deeper/../e.hoso", sub), (base + "/sub/", top), (base + "/sub", top),
            (base + "//sub//f.hoso", sub), (base + "/sub/b.hoso", sub),
        ]
        // `sub/..` is the root folder itself, looked up from its parent: whatever a resolver
        // that saw nothing else says.
        let alone = try { () throws -> String? in
            var fresh = try SetupResolver(configPath: nil, profilePath: nil)
            return try fresh.config(for: base + "/sub/..")?.file
        }()
        XCTAssertNotEqual(alone, top)
        for order in [cases + [(base + "/sub/..", alone ?? "")], [(base + "/sub/..", alone ?? "")] + cases.reversed()] {
            var resolver = try SetupResolver(configPath: nil, profilePath: nil)
            for (path, expected) in order {
                XCTAssertEqual(try resolver.config(for: path)?.file ?? "", expected, path)
            }
        }
    }
}
