/// A short byte string in two machine words: the matching key (`Folding.key`) of a word, or the
/// bytes of a short symbol, compared with keywords without making a String or hashing one.
///
/// Up to 16 bytes are kept, zero-padded, with the full length. A longer string keeps its first
/// 16 bytes: it equals no string of 16 bytes or fewer, and `hasPrefix` still answers for
/// prefixes of up to 16 bytes. (Two longer strings with the same first 16 bytes compare equal:
/// compare keywords, which are short, not long keys with each other.)
public struct ShortKey: Sendable, Equatable {
    /// Bytes 0–7 (byte 0 the least significant) and bytes 8–15.
    public let low: UInt64, high: UInt64
    /// The length in bytes of the whole string.
    public let count: Int

    /// The empty string.
    public static let empty = ShortKey(low: 0, high: 0, count: 0)

    init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The bytes of a buffer as they are (no folding).
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        var words: (UInt64, UInt64) = (0, 0)
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: base, byteCount: min(bytes.count, 16)) }
        }
        self.init(low: UInt64(littleEndian: words.0), high: UInt64(littleEndian: words.1), count: bytes.count)
    }

    /// The UTF-8 of a string as it is: a keyword already folded (`"can"`), or a symbol (`"KH"`).
    public init(_ string: String) {
        var string = string
        self = string.withUTF8 { ShortKey(bytes: $0) }
    }

    /// `Folding.key` of UTF-8 bytes: folded straight into the two words when the fast fold
    /// applies and the bytes are few, through the String key otherwise.
    public init(folding bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count <= 16 {
            var words: (UInt64, UInt64) = (0, 0)
            let count = withUnsafeMutableBytes(of: &words) { raw in
                raw.withMemoryRebound(to: UInt8.self) { Folding.fastKey(utf8: bytes, into: $0) }
            }
            if let count {
                self.init(low: UInt64(littleEndian: words.0), high: UInt64(littleEndian: words.1), count: count)
                return
            }
        }
        self.init(Folding.key(utf8: bytes))
    }

    /// The byte at `index` (below 16).
    @inline(__always)
    public func byte(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: index < 8 ? low >> (8 * index) : high >> (8 * (index - 8)))
    }

    /// Whether the string starts with `prefix` (of at most 16 bytes).
    public func hasPrefix(_ prefix: ShortKey) -> Bool {
        guard prefix.count <= count, prefix.count <= 16 else { return false }
        let n = prefix.count
        let lowMask: UInt64 = n >= 8 ? .max : (1 << (8 * n)) - 1
        let highMask: UInt64 = n >= 16 ? .max : n <= 8 ? 0 : (1 << (8 * (n - 8))) - 1
        return low & lowMask == prefix.low && high & highMask == prefix.high
    }

    /// Whether `bytes` are this string's bytes exactly, but for the case of an ASCII letter
    /// first (`Ngày` spells `ngày`); this string starts with a lowercase letter.
    @inline(__always)
    public func isSpelled(by bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == count, count > 0, count <= 16 else { return false }
        let written = ShortKey(bytes: bytes)
        let firstCase: UInt64 = bytes[0] &- 0x41 < 26 ? 0x20 : 0
        return written.low | firstCase == low && written.high == high
    }

    /// Whether `word` folds (`Folding.key`) to this key: written as `usual`, the key's usual
    /// spelling (either case of its first letter), it does without folding; otherwise it is folded.
    @inline(__always)
    public func isKey(of word: UnsafeBufferPointer<UInt8>, usually usual: ShortKey) -> Bool {
        usual.isSpelled(by: word) || ShortKey(folding: word) == self
    }

    /// Whether one of the first 16 bytes is `b`.
    public func contains(_ b: UInt8) -> Bool {
        (0..<min(count, 16)).contains { byte($0) == b }
    }

    /// This string, `separator` and `other`, when all of it fits in 16 bytes; nil otherwise.
    public func joined(_ separator: UInt8, _ other: ShortKey) -> ShortKey? {
        guard count + 1 + other.count <= 16 else { return nil }
        var low = self.low, high = self.high
        func put(_ b: UInt8, at index: Int) {
            if index < 8 { low |= UInt64(b) << (8 * index) } else { high |= UInt64(b) << (8 * (index - 8)) }
        }
        put(separator, at: count)
        for k in 0..<other.count { put(other.byte(k), at: count + 1 + k) }
        return ShortKey(low: low, high: high, count: count + 1 + other.count)
    }

    /// The first `n` bytes (n ≤ count, n ≤ 16).
    public func prefix(_ n: Int) -> ShortKey {
        let lowMask: UInt64 = n >= 8 ? .max : (1 << (8 * n)) - 1
        let highMask: UInt64 = n >= 16 ? .max : n <= 8 ? 0 : (1 << (8 * (n - 8))) - 1
        return ShortKey(low: low & lowMask, high: high & highMask, count: n)
    }
}

extension SourceText {
    /// `Folding.key` of a byte range as a `ShortKey`.
    public func shortKey(_ range: Range<Int>) -> ShortKey {
        bytes.withUnsafeBufferPointer { ShortKey(folding: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
