/// Where each line starts and where its content ends, in byte offsets.
///
/// LF, CRLF and a lone CR all end a line, as in LSP. The last line may be empty.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// Byte offset just past each line's content (before its terminator).
    public let contentEnds: [Int]
    /// How many lines end in LF alone.
    public let lfCount: Int
    /// How many lines end in CRLF.
    public let crlfCount: Int

    /// Scans the bytes once for terminators.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var ends: [Int] = []
        var lf = 0, crlf = 0
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                if b == 0x0A {
                    ends.append(i); lf += 1
                    starts.append(i + 1)
                } else if b == 0x0D {
                    ends.append(i)
                    if i + 1 < n && buffer[i + 1] == 0x0A { i += 1; crlf += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        ends.append(bytes.count)
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
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
