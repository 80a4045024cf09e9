/// Where each line starts and where its content ends, in byte offsets.
///
/// LF, CRLF and a lone CR all end a line, as in LSP. The last line may be empty. Offsets are
/// kept in 32 bits (files are capped at 64 MB): 8 bytes per line.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line.
    let lineStarts: [UInt32]
    /// Byte offset just past each line's content (before its terminator).
    let contentEnds: [UInt32]
    /// How many lines there are (at least one).
    public var lineCount: Int { lineStarts.count }
    /// The byte offset where `line` starts.
    @inline(__always) public func lineStart(_ line: Int) -> Int { Int(lineStarts[line]) }
    /// The byte offset where `line`'s content ends (before its terminator).
    @inline(__always) public func contentEnd(_ line: Int) -> Int { Int(contentEnds[line]) }
    /// How many lines end in LF alone.
    public let lfCount: Int
    /// How many lines end in CRLF.
    public let crlfCount: Int

    init(lineStarts: [UInt32], contentEnds: [UInt32], lfCount: Int, crlfCount: Int) {
        self.lineStarts = lineStarts
        self.contentEnds = contentEnds
        self.lfCount = lfCount
        self.crlfCount = crlfCount
    }

    /// Scans the bytes once for terminators.
    public init(_ bytes: [UInt8]) {
        var starts: [UInt32] = [0]
        var ends: [UInt32] = []
        var lf = 0, crlf = 0
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            while i < n {
                // Line ends are the only bytes below 0x0E that text holds often (tabs are rare).
                i = ByteScan.firstCandidate(buffer, from: i, to: n, word: { ByteScan.below($0, 0x0E) }, byte: { $0 < 0x0E })
                guard i < n else { break }
                let b = buffer[i]
                if b == 0x0A {
                    ends.append(UInt32(i)); lf += 1
                    starts.append(UInt32(i + 1))
                } else if b == 0x0D {
                    ends.append(UInt32(i))
                    if i + 1 < n && buffer[i + 1] == 0x0A { i += 1; crlf += 1 }
                    starts.append(UInt32(i + 1))
                }
                i += 1
            }
        }
        ends.append(UInt32(bytes.count))
        lineStarts = starts
        contentEnds = ends
        lfCount = lf
        crlfCount = crlf
    }

    /// The 0-based line that holds `offset` (binary search).
    public func line(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
