#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole reads and writes on file descriptors: files, pipes from `git` and language-server
/// clients, standard input and output. One place for the partial-transfer and `EINTR` loops.
public enum FileDescriptorIO {
    /// Everything up to end of input or `limit` bytes, whichever comes first, and whether a read
    /// failed before it (what was read is kept).
    public static func readAll(_ fd: Int32, limit: Int = .max) -> (bytes: [UInt8], failed: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count < limit {
            let n = read(fd, &chunk, min(chunk.count, limit - bytes.count))
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return (bytes, true) }
            if n == 0 { return (bytes, false) }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return (bytes, false)
    }

    /// Writes all of `bytes`, resuming after partial writes and interruptions; false when the
    /// descriptor refuses more (disk full, the reader gone).
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}
