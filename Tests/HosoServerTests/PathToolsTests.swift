import XCTest
@testable import HosoWorkspace

/// `PathTools.absolute`'s byte pass for ASCII paths against the Character pass it stands in for.
final class PathToolsTests: XCTestCase {
    func testASCIIPathsNormalizeAsByCharacters() {
        let pieces = ["/", "//", "a", "b.hoso", ".", "..", "...", ".x", "x.", "\r\n", " ", "-"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        var paths = ["/", "//", "/..", "/../..", "/a/./b/../c", "/a//b/", "/a/b/../../..", "/.hoso/..x/x..", "/x/\r\n/.."]
        for _ in 0..<2000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            paths.append("/" + (0..<Int(state % 9)).map { k in pieces[Int((state >> UInt64(k * 4)) % UInt64(pieces.count))] }.joined())
        }
        for path in paths {
            XCTAssertEqual(PathTools.asciiNormalized(path), PathTools.normalized(path), "\(Array(path.utf8))")
        }
        XCTAssertNil(PathTools.asciiNormalized("/hồ sơ/a.hoso"))
        XCTAssertEqual(PathTools.absolute("/hồ sơ/./x/../a.hoso"), "/hồ sơ/a.hoso")
    }
}
