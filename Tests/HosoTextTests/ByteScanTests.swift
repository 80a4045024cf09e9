import XCTest
@testable import HosoText

/// The eight-bytes-at-a-time masks against a byte-by-byte reading of the same word: a mask must
/// flag every byte that matches (a scan must not skip one) and its lowest flag must be exact.
final class ByteScanTests: XCTestCase {
    /// Words made of bytes near the masks' edges (0x00, 0x1F/0x20, 0x2F–0x3A, 0x60–0x7B, 0x7F/0x80, 0xFF).
    private func words(count: Int) -> [UInt64] {
        let edges: [UInt8] = [0x00, 0x01, 0x09, 0x1F, 0x20, 0x2A, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x4E, 0x5A, 0x5B,
                              0x60, 0x61, 0x67, 0x6E, 0x7A, 0x7B, 0x7F, 0x80, 0xA0, 0xC2, 0xE1, 0xFE, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var result: [UInt64] = []
        for _ in 0..<count {
            var word: UInt64 = 0
            for lane in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(truncatingIfNeeded: state >> 33)
                let byte = pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : edges[(pick >> 8) % edges.count]
                word |= UInt64(byte) << (8 * lane)
            }
            result.append(word)
        }
        return result
    }

    private func lanes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    private func flags(_ mask: UInt64) -> [Bool] { (0..<8).map { mask >> (8 * $0 + 7) & 1 == 1 } }

    /// Every matching byte flagged, and the lowest flag on a matching byte.
    private func assertCandidates(_ mask: (UInt64) -> UInt64, _ matches: (UInt8) -> Bool, _ name: String) {
        for word in words(count: 20_000) {
            let bytes = lanes(word), flagged = flags(mask(word))
            for lane in 0..<8 where matches(bytes[lane]) {
                XCTAssertTrue(flagged[lane], "\(name): byte \(bytes[lane]) in lane \(lane) of \(String(word, radix: 16)) not flagged")
            }
            if let lowest = flagged.firstIndex(of: true) {
                XCTAssertTrue(matches(bytes[lowest]), "\(name): lowest flag on byte \(bytes[lowest]) of \(String(word, radix: 16))")
            }
        }
    }

    func testMasksFlagEveryMatchAndTheirLowestFlagIsExact() {
        assertCandidates({ ByteScan.equal($0, 0x6E) }, { $0 == 0x6E }, "equal n")
        assertCandidates({ ByteScan.below($0, 0x20) }, { $0 < 0x20 }, "below 0x20")
        assertCandidates({ ByteScan.below($0 ^ ByteScan.broadcast(0x30), 10) }, { $0 >= 0x30 && $0 <= 0x39 }, "digit")
        assertCandidates({ ByteScan.atLeast($0, 0xC2) }, { $0 >= 0xC2 }, "at least 0xC2")
        assertCandidates({ ByteScan.within($0, 0xC2, 0xE1) }, { $0 >= 0xC2 && $0 <= 0xE1 }, "within C2–E1")
    }
}
