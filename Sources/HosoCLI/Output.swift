/// A byte buffer that commands write into; the executable flushes it to a file descriptor.
public struct OutputBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }
    public mutating func bytes(_ more: [UInt8]) { bytes.append(contentsOf: more) }
    public mutating func line(_ string: String = "") { write(string); bytes.append(0x0A) }
    /// Appends a byte `count` times (spaces, carets).
    public mutating func repeating(_ byte: UInt8, count: Int) { bytes.append(contentsOf: repeatElement(byte, count: count)) }
    /// Appends bytes of a source text as they are.
    public mutating func bytes(_ source: [UInt8], _ range: Range<Int>) { bytes.append(contentsOf: source[range]) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

