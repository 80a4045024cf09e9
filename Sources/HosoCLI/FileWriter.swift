#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: a temporary file in the same folder, fsync, then rename over the
/// original. Symlinks are followed (the link stays a link); the original's permissions are kept.
enum AtomicFile {
    struct Failure: Error { let message: String }

    /// Replaces the file at `path` with `bytes`, provided it still holds `expected`.
    static func replace(_ path: String, with bytes: [UInt8], expecting expected: [UInt8]) throws {
        guard let real = realpath(path, nil) else {
            throw Failure(message: "không tìm thấy \"\(path)\" / \"\(path)\" not found")
        }
        let target = String(cString: real)
        free(real)
        var info = stat()
        guard stat(target, &info) == 0 else { throw Failure(message: "không đọc được \"\(path)\" / cannot stat \"\(path)\"") }
        // The owner's write bit is honoured even for root: a file marked read-only stays as it is.
        guard access(target, W_OK) == 0, info.st_mode & 0o200 != 0 else {
            throw Failure(message: "\"\(path)\" chỉ đọc, không sửa được / \"\(path)\" is read-only, not fixed")
        }
        guard let current = read(target), current == expected else {
            throw Failure(message: "\"\(path)\" đã thay đổi trong lúc kiểm tra, không sửa / \"\(path)\" changed during the run, not fixed")
        }
        let folder = target.deletingLastPathComponent
        let name = String(target.split(separator: "/").last ?? "hoso")
        var template = Array("\(folder)/.\(name).hoso-fix-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(message: "không tạo được tệp tạm trong \"\(folder)\" / cannot create a temporary file in \"\(folder)\"") }
        let temporary = String(cString: template)
        var ok = fchmod(fd, info.st_mode & 0o7777) == 0
        var offset = 0
        while ok && offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { ok = false } else { offset += n }
        }
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw Failure(message: "không ghi được \"\(path)\" (đĩa đầy hoặc không có quyền?); tệp gốc giữ nguyên / cannot write \"\(path)\" (disk full or no permission?); the original is intact")
        }
    }

    /// The bytes of a file, or nil.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let (bytes, failed) = FileDescriptorReader.readAll(fd)
        return failed ? nil : bytes
    }
}

/// Reads a file descriptor to its end: files, pipes from `git`, standard input.
public enum FileDescriptorReader {
    /// Everything up to end of input, and whether a read failed before it (what was read is kept).
    public static func readAll(_ fd: Int32) -> (bytes: [UInt8], failed: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return (bytes, true) }
            if n == 0 { return (bytes, false) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
