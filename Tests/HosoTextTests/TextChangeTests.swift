import XCTest
@testable import HosoText

/// `TextChange` and the line index updated around an edit, against a full rebuild.
final class TextChangeTests: XCTestCase {
    func testTheWindowIsWhereTheBytesDiffer() {
        let old = Array("Sơn La, ngày 18 tháng 5 năm 2022\nKính gửi: Chánh Văn phòng".utf8)
        var new = old
        new.replaceSubrange(20..<21, with: Array("19".utf8))
        XCTAssertEqual(TextChange(from: old, to: new), TextChange(start: 20, oldEnd: 21, newEnd: 22))
        XCTAssertEqual(TextChange(from: old, to: old), TextChange(start: old.count, oldEnd: old.count, newEnd: old.count))
        XCTAssertEqual(TextChange(from: [], to: old), TextChange(start: 0, oldEnd: 0, newEnd: old.count))
        // A repeated letter: the prefix takes what it can, the suffix what remains.
        XCTAssertEqual(TextChange(from: Array("aaaa".utf8), to: Array("aaaaa".utf8)), TextChange(start: 4, oldEnd: 4, newEnd: 5))
    }

    /// Thousands of seeded random edits over texts mixing LF, CRLF and lone CR: the updated index
    /// is the one a full scan makes, line by line, with the same terminator counts.
    func testTheUpdatedLineIndexIsTheRebuiltOne() {
        var random = SplitMix(seed: 17)
        let pieces: [[UInt8]] = ["\n", "\r\n", "\r", "a", "Đ", "ngày ", "\n\n", "x\r", "\ny"].map { Array($0.utf8) }
        var text = SourceText(utf8: Array("Đơn vị: Phòng 7\r\n\r\n# TỜ TRÌNH\nSố: 7\rKính gửi\n".utf8))
        for step in 0..<4000 {
            let count = text.bytes.count
            let a = Int(random.next() % UInt64(count + 1))
            let b = min(count, a + Int(random.next() % 4))
            var replacement: [UInt8] = []
            for _ in 0..<Int(random.next() % 3) { replacement += pieces[Int(random.next() % UInt64(pieces.count))] }
            if count > 300 { replacement = [] }  // keep the text short enough to hit every edge often
            let updated = text.replacing(a..<b, with: replacement)
            let rebuilt = SourceText(utf8: updated.bytes)
            XCTAssertEqual(updated.lineCount, rebuilt.lineCount, "step \(step)")
            guard updated.lineCount == rebuilt.lineCount else { return }
            for line in 0..<rebuilt.lineCount {
                XCTAssertEqual(updated.lineIndex.lineStart(line), rebuilt.lineIndex.lineStart(line), "step \(step) line \(line)")
                XCTAssertEqual(updated.lineIndex.contentEnd(line), rebuilt.lineIndex.contentEnd(line), "step \(step) line \(line)")
            }
            XCTAssertEqual(updated.lineIndex.lfCount, rebuilt.lineIndex.lfCount, "step \(step)")
            XCTAssertEqual(updated.lineIndex.crlfCount, rebuilt.lineIndex.crlfCount, "step \(step)")
            text = updated
        }
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
