#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HosoWorkspace

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
        guard let current = try? FileWalker.read(target), current == expected else {
            throw Failure(message: "\"\(path)\" đã thay đổi trong lúc kiểm tra, không sửa / \"\(path)\" changed during the run, not fixed")
        }
        let folder = target.deletingLastPathComponent
        let name = String(target.split(separator: "/").last ?? "hoso")
        var template = Array("\(folder)/.\(name).hoso-fix-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(message: "không tạo được tệp tạm trong \"\(folder)\" / cannot create a temporary file in \"\(folder)\"") }
        let temporary = String(cString: template)
        var ok = fchmod(fd, info.st_mode & 0o7777) == 0 && FileDescriptorIO.writeAll(fd, bytes)
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw Failure(message: "không ghi được \"\(path)\" (đĩa đầy hoặc không có quyền?); tệp gốc giữ nguyên / cannot write \"\(path)\" (disk full or no permission?); the original is intact")
        }
    }
}
