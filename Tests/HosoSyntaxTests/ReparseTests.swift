import XCTest
@testable import HosoSyntax
@testable import HosoText

/// `Parser.reparse` against a full parse after every edit of long seeded random edit scripts.
final class ReparseTests: XCTestCase {
    /// Pieces a person types or deletes: letters, line breaks of every kind, headings, field
    /// keys, list markers, place-date words, comment brackets.
    static let pieces = ["a", "Đ", " ", "\n", "\r\n", "\r", "# ", "## ", "### ", "#### ", "Cá nhân: ", "Tập thể: ",
                         "TỜ TRÌNH", "BIÊN BẢN HỌP XÉT", "BÁO CÁO THÀNH TÍCH: ", "Năm 2021: ", "Năm 2020 - ",
                         "Hình thức: ", "Số: ", "- ", "* ", "1. ", "**", "Sơn La, ngày 18 tháng 5 năm 2022",
                         "<!-- ", " -->", "hoso-disable HS201", "\n\n"]

    static func examples() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = ["Examples/phong-kinh-te.hoso", "Examples/phong-tchcqt.hoso", "Examples/co-loi/phong-tong-hop.hoso",
                     "Examples/co-loi/phong-kiem-soat-tthc.hoso"]
        return try names.map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
    }

    func testReparsingEqualsParsingAfterEveryEdit() throws {
        var random = SplitMix(seed: 2026)
        var reused = 0, edits = 0
        for (n, example) in try Self.examples().enumerated() {
            var text = SourceText(example)
            var tree = Parser.parse(text)
            for step in 0..<1500 {
                let count = text.bytes.count
                var a = Int(random.next() % UInt64(count + 1))
                while a < count && text.bytes[a] & 0xC0 == 0x80 { a += 1 }  // edits keep UTF-8 whole
                var b = min(count, a + Int(random.next() % 6))
                while b < count && text.bytes[b] & 0xC0 == 0x80 { b += 1 }
                let insert = random.next() % 3 == 0 ? "" : Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                let next = text.replacing(a..<b, with: Array(insert.utf8))
                let (incremental, reuse) = Parser.reparse(tree, as: next, change: TextChange(from: text.bytes, to: next.bytes))
                let full = Parser.parse(next)
                XCTAssertEqual(incremental.elements, full.elements, "example \(n) step \(step)")
                XCTAssertEqual(incremental.states, full.states, "example \(n) step \(step)")
                XCTAssertEqual(Self.shape(incremental), Self.shape(full), "example \(n) step \(step)")
                XCTAssertEqual(incremental.hasUnclosedComment, full.hasUnclosedComment, "example \(n) step \(step)")
                // What reuse says is the previous tree's is the previous tree's, moved.
                for k in 0..<reuse.prefixCount { XCTAssertEqual(full.elements[k], tree.elements[k]) }
                for k in reuse.suffixStart..<full.elements.count {
                    XCTAssertEqual(full.elements[k], tree.elements[k - reuse.suffixStart + reuse.oldSuffixStart].shifted(by: reuse.byteDelta))
                }
                if reuse.changed.count < full.elements.count / 2 { reused += 1 }
                edits += 1
                guard incremental.elements == full.elements else { return }
                text = next
                tree = incremental
            }
        }
        // Most edits re-classify a few lines, not the file.
        XCTAssertGreaterThan(reused, edits * 3 / 4)
    }

    /// The heading hierarchy as text, for comparing trees.
    static func shape(_ tree: SyntaxTree) -> String {
        var out = "preamble \(tree.preamble)\n"
        for part in tree.parts {
            out += "part \(part.heading) \(part.kind) \(part.elements) blocks \(part.blocks.map { "\($0.heading) \($0.elements)" })\n"
            for section in part.sections {
                out += "  section \(section.heading) \(section.elements) blocks \(section.blocks.map { "\($0.heading) \($0.elements)" })\n"
            }
        }
        return out
    }
}

/// A small seeded generator (SplitMix64), so a failing step can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
