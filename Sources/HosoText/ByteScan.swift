/// Whole-text byte scans eight bytes at a time: the rules and the decoder that look for a few
/// rare bytes (a NUL, a line end, the lead byte of a combining mark) test a 64-bit word per step
/// and look at single bytes only in a word that holds a candidate.
///
/// The masks below (`atLeast`, `below`, `equal`) put 0x80 in the bytes of a word that match;
/// `firstCandidate` returns the index of the lowest byte whose flag is set. Each mask's lowest
/// flag is exact, so an OR of masks is too (flags above the lowest may be spurious, and are
/// never used).
public enum ByteScan {
    /// 0x01 in every byte.
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `b` in every byte of a word.
    @inlinable @inline(__always)
    public static func broadcast(_ b: UInt8) -> UInt64 { ones &* UInt64(b) }

    /// 0x80 in each byte of `x` that is at least `n`, for `n` ≥ 0x80 (exact for every byte).
    @inlinable @inline(__always)
    public static func atLeast(_ x: UInt64, _ n: UInt8) -> UInt64 {
        // The low seven bits plus (0x80 - low seven of n) reach 0x80 exactly when they are at
        // least n's, without carrying into the next byte; the byte's own top bit must be set too.
        ((x & ~highs) &+ broadcast(0x80 &- (n & 0x7F))) & x & highs
    }

    /// 0x80 in each byte of `x` that lies in `low...high`, for 0x80 ≤ `low` ≤ `high` < 0xFF.
    @inlinable @inline(__always)
    public static func within(_ x: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        atLeast(x, low) & ~atLeast(x, high &+ 1)
    }

    /// 0x80 in the lowest byte of `x` below `n` (n ≤ 0x80); zero when no byte is.
    @inlinable @inline(__always)
    public static func below(_ x: UInt64, _ n: UInt8) -> UInt64 {
        (x &- broadcast(n)) & ~x & highs
    }

    /// 0x80 in the lowest byte of `x` equal to `b`; zero when no byte is.
    @inlinable @inline(__always)
    public static func equal(_ x: UInt64, _ b: UInt8) -> UInt64 {
        below(x ^ broadcast(b), 1)
    }

    /// The first index in `start..<end` of `bytes` that may hold what the caller looks for, or
    /// `end`: `word` flags candidates in a little-endian word of eight bytes (with the masks
    /// above), `byte` tells a single byte of the tail. A candidate is only a candidate: the
    /// caller checks it and resumes after it.
    @inlinable @inline(__always)
    public static func firstCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                      word: (UInt64) -> UInt64, byte: (UInt8) -> Bool) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= end {
                let mask = word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if mask != 0 { return i + mask.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end && !byte(bytes[i]) { i += 1 }
        return i
    }

    /// Whether two buffers of the same length hold the same bytes, compared eight at a time.
    public static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var k = 0
        while k + 8 <= a.count {
            guard a.loadUnaligned(fromByteOffset: k, as: UInt64.self) == b.loadUnaligned(fromByteOffset: k, as: UInt64.self) else { return false }
            k += 8
        }
        while k < a.count {
            guard a[k] == b[k] else { return false }
            k += 1
        }
        return true
    }

    /// The index of the first NUL byte, or nil.
    public static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            let i = firstCandidate(p, from: 0, to: p.count, word: { equal($0, 0) }, byte: { $0 == 0 })
            return i < p.count ? i : nil
        }
    }
}
