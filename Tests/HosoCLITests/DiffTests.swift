import Foundation
import XCTest
@testable import HosoCLI

/// `lint --diff`'s line diff on its own: whatever the two texts, applying the hunks to the old
/// lines gives the new ones, and the hunks hold only changed lines and their context.
final class DiffTests: XCTestCase {
    /// A deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func diff(_ old: String, _ new: String) -> String {
        var out = OutputBuffer()
        _ = UnifiedDiff.write(old: Array(old.utf8), new: Array(new.utf8), path: "x.hoso", color: false, standIns: true, to: &out)
        return out.string
    }

    /// Applies a unified diff (as `UnifiedDiff` writes it) to lines, checking every context
    /// and removed line against the old text.
    func apply(_ diff: String, to old: [String], file: StaticString = #filePath, line: UInt = #line) -> [String] {
        var result: [String] = []
        var next = 0  // the next old line not yet copied
        for row in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if row.hasPrefix("--- ") || row.hasPrefix("+++ ") || row.hasPrefix("\\") { continue }
            if row.hasPrefix("@@ -") {
                let field = row.dropFirst(4).prefix { $0 != " " }
                let parts = field.split(separator: ",")
                let count = parts.count > 1 ? Int(parts[1])! : 1
                let start = count == 0 ? Int(parts[0])! : Int(parts[0])! - 1
                XCTAssertGreaterThanOrEqual(start, next, "hunks in order", file: file, line: line)
                result += old[next..<start]
                next = start
                continue
            }
            let text = String(row.dropFirst())
            switch row.first {
            case " ", "-":
                XCTAssertEqual(old[next], text, "context and removed lines are the old text", file: file, line: line)
                if row.first == " " { result.append(text) }
                next += 1
            case "+": result.append(text)
            default: XCTFail("unexpected line \(row)", file: file, line: line)
            }
        }
        return result + old[next...]
    }

    func testRandomEditsRoundTrip() {
        var random = Generator(state: 2022)
        let vocabulary = ["Năm 2019: Hoàn thành tốt nhiệm vụ", "", "## DANH SÁCH ĐỀ NGHỊ", "- Tổ Lưu trữ: 7/8 đồng ý (85%)", "Chức vụ: Chuyên viên"]
        for round in 0..<400 {
            let count = Int.random(in: 0...40, using: &random)
            let old = (0..<count).map { _ in
                Bool.random(using: &random) ? vocabulary.randomElement(using: &random)! : "dòng \(Int.random(in: 0..<30, using: &random))"
            }
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let at = Int.random(in: 0...new.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: new.insert("mới \(round)", at: at)
                case 1: if at < new.count { new.remove(at: at) }
                default: if at < new.count { new[at] += " (sửa)" }
                }
            }
            let oldText = old.map { $0 + "\n" }.joined(), newText = new.map { $0 + "\n" }.joined()
            let shown = diff(oldText, newText)
            XCTAssertEqual(shown.isEmpty, old == new, "round \(round)")
            XCTAssertEqual(apply(shown, to: old), new, "round \(round):\n\(shown)")
        }
    }

    func testHunksKeepThreeLinesOfContextAndMergeWhenTheyTouch() {
        let old = (1...20).map { "dòng \($0)\n" }
        var new = old
        new[4] = "dòng năm\n"   // line 5
        new[11] = "dòng mười hai\n"   // line 12: 6 kept lines between, so one hunk
        XCTAssertEqual(diff(old.joined(), new.joined()), """
        --- x.hoso
        +++ x.hoso
        @@ -2,14 +2,14 @@
         dòng 2
         dòng 3
         dòng 4
        -dòng 5
        +dòng năm
         dòng 6
         dòng 7
         dòng 8
         dòng 9
         dòng 10
         dòng 11
        -dòng 12
        +dòng mười hai
         dòng 13
         dòng 14
         dòng 15

        """)
        new[11] = old[11]
        new[12] = "dòng mười ba\n"   // 7 kept lines between: two hunks
        XCTAssertEqual(diff(old.joined(), new.joined()).components(separatedBy: "@@ -").count, 3)
    }

    func testInsertionAtTheTopDeletionOfAllAndAMissingFinalNewline() {
        XCTAssertEqual(diff("a\nb\n", "mới\na\nb\n"), "--- x.hoso\n+++ x.hoso\n@@ -1,2 +1,3 @@\n+mới\n a\n b\n")
        XCTAssertEqual(diff("", "mới\n"), "--- x.hoso\n+++ x.hoso\n@@ -0,0 +1 @@\n+mới\n")
        XCTAssertEqual(diff("a\nb\n", ""), "--- x.hoso\n+++ x.hoso\n@@ -1,2 +0,0 @@\n-a\n-b\n")
        XCTAssertEqual(diff("a\nb", "a\nc"), "--- x.hoso\n+++ x.hoso\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
        XCTAssertEqual(diff("a\r\nb\r\n", "a\r\nc\r\n"), "--- x.hoso\n+++ x.hoso\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n", "CRLF kept: patch applies it")
        XCTAssertEqual(diff("a\rb\r", "a\rc\r"), "--- x.hoso\n+++ x.hoso\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", "a lone CR ends a line")
        XCTAssertEqual(diff("same\n", "same\n"), "")
    }

    /// A whole-file change (HS001's conversion) of a long file stays fast: the search gives up
    /// at its limit and shows the lines replaced.
    func testAWholeFileChangeIsBoundedAndStillCorrect() {
        let old = (0..<60_000).map { "c\u{FFFD} \($0)" }, new = (0..<60_000).map { "có \($0)" }
        let started = Date()
        let shown = diff(old.map { $0 + "\n" }.joined(), new.map { $0 + "\n" }.joined())
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(apply(shown, to: old), new)
    }
}
