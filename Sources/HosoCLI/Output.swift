/// A byte buffer that commands write into; the executable flushes it to a file descriptor.
public struct OutputBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ string: String) {
        // The colour codes of an uncoloured report are empty: nothing to copy.
        guard !string.isEmpty else { return }
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }
    /// Appends a literal's UTF-8 (no String to open).
    public mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    /// Appends one byte (an ASCII separator).
    public mutating func byte(_ byte: UInt8) { bytes.append(byte) }
    /// Appends bytes as they are.
    public mutating func bytes(_ more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }
    /// Appends a whole number in decimal, as `String(n)` writes it, without making the String.
    public mutating func decimal(_ n: Int) {
        guard n >= 0 && n < 100_000_000 else { write(String(n)); return }
        // Up to eight digits packed in a word, the most significant in its lowest byte.
        var packed: UInt64 = 0, count = 0, rest = n
        repeat {
            packed = packed << 8 | UInt64(0x30 + rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        for k in 0..<count { bytes.append(UInt8(truncatingIfNeeded: packed >> (8 * k))) }
    }
    /// How many characters `decimal(n)` writes.
    public static func decimalCount(_ n: Int) -> Int {
        guard n > 0 else { return n == 0 ? 1 : String(n).utf8.count }
        var count = 0, rest = n
        while rest > 0 { count += 1; rest /= 10 }
        return count
    }
    /// Appends bytes as they are (the array itself when nothing was written yet: no copy).
    public mutating func bytes(_ more: [UInt8]) {
        if bytes.isEmpty { bytes = more } else { bytes.append(contentsOf: more) }
    }
    /// Makes room for `count` more bytes at once, instead of growing step by step.
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }
    public mutating func line(_ string: String = "") { write(string); bytes.append(0x0A) }
    /// Appends a byte `count` times (spaces, carets).
    public mutating func repeating(_ byte: UInt8, count: Int) {
        // Spaces and carets (the report's padding and underlines) from a ready run, copied at once.
        let run = byte == 0x20 ? Self.spaces : byte == 0x5E ? Self.carets : []
        guard count > 0, count <= run.count else {
            bytes.append(contentsOf: repeatElement(byte, count: max(0, count)))
            return
        }
        bytes.append(contentsOf: run[..<count])
    }
    private static let spaces = [UInt8](repeating: 0x20, count: 256), carets = [UInt8](repeating: 0x5E, count: 256)
    /// Appends bytes of a source text as they are.
    public mutating func bytes(_ source: [UInt8], _ range: Range<Int>) { bytes.append(contentsOf: source[range]) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

