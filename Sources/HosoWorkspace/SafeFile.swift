import HosoRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way hoso writes a file (`--fix`, the git hook): a temporary file beside the target,
/// with the target's owner, group, mode and extended attributes, synced, then swapped in.
///
/// A write through a symlink lands on its target (the link stays a link). A file with more
/// than one hard link is refused unless the caller breaks links on purpose. Before the swap
/// the file must still be the one read: same identity, size, modification time and content.
/// The swap is an atomic exchange (Linux `renameat2(RENAME_EXCHANGE)`), and what it took out
/// is checked again: if another program saved the file in between, the exchange is undone and
/// nothing is lost. What remains is a program writing into the file in place at the very
/// moment of the exchange (editors that save by renaming are never affected).
public enum SafeFile {
    /// Why a file was left untouched.
    public struct Refusal: Error {
        public let message: LocalizedText
        init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
    }

    /// Replaces the file at `path` with `bytes`, provided it is still `read` (as `FileWalker.contents` gave it).
    public static func replace(_ path: String, with bytes: [UInt8], expecting read: FileWalker.Contents, breakLinks: Bool = false) throws {
        let target = FileWalker.canonical(path)
        var info = stat()
        guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Refusal(vi: "không tìm thấy tệp \"\(path)\", không sửa", en: "\"\(path)\" is gone; not fixed")
        }
        if info.st_nlink > 1 && !breakLinks {
            throw Refusal(vi: "\"\(path)\" có \(info.st_nlink) liên kết cứng (hard link); sửa sẽ tách nó khỏi các tên kia, nên không sửa. Dùng --break-links nếu muốn vậy", en: "\"\(path)\" has \(info.st_nlink) hard links; fixing would split it from the other names, so it was not fixed. Pass --break-links to do so anyway")
        }
        // The owner's write bit is honoured even for root: a file marked read-only stays as it is.
        guard access(target, W_OK) == 0, info.st_mode & 0o200 != 0 else {
            throw Refusal(vi: "\"\(path)\" chỉ đọc, không sửa", en: "\"\(path)\" is read-only; not fixed")
        }
        guard FileWalker.Stamp(info) == read.stamp else { throw changed(path) }
        let temporary = try writeTemporary(beside: target, bytes, like: info, source: target, path: path)
        var ours = stat()
        _ = lstat(temporary, &ours)
        // The final check, as close to the swap as it can be.
        guard let now = try? FileWalker.contents(target), now.stamp == read.stamp, now.bytes == read.bytes else {
            unlink(temporary)
            throw changed(path)
        }
        guard let exchanged = exchange(temporary, target) else {
            // No atomic exchange here (not Linux, or a file system without it): a plain rename.
            guard rename(temporary, target) == 0 else {
                unlink(temporary)
                throw Refusal(vi: "không ghi được \"\(path)\"; tệp gốc giữ nguyên", en: "cannot write \"\(path)\"; the original is intact")
            }
            syncFolder(of: target)
            return
        }
        guard exchanged else {
            unlink(temporary)
            throw Refusal(vi: "không ghi được \"\(path)\"; tệp gốc giữ nguyên", en: "cannot write \"\(path)\"; the original is intact")
        }
        // `temporary` now names what the exchange took out: it must be the file read, unchanged.
        if let taken = try? FileWalker.contents(temporary), taken.stamp.identity == read.stamp.identity, taken.bytes == read.bytes {
            unlink(temporary)
            syncFolder(of: target)
            return
        }
        // Another program saved in between: put its file back.
        var current = stat()
        if lstat(target, &current) == 0, current.st_ino == ours.st_ino, current.st_dev == ours.st_dev, exchange(temporary, target) == true {
            unlink(temporary)
            throw changed(path)
        }
        throw Refusal(vi: "\"\(path)\" đã được chương trình khác lưu trong lúc sửa; bản đó được giữ ở \"\(temporary)\"", en: "\"\(path)\" was saved by another program while it was fixed; that version is kept in \"\(temporary)\"")
    }

    /// The mode of a new ordinary file: read-write for all, less the process's umask.
    public static var newFileMode: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Writes a file hoso itself makes (the git hook, a report, a new dossier): atomically,
    /// replacing what is there and keeping an existing file's owner, group, mode and extended
    /// attributes; `mode` for a new one. Execute bits in `mode` are added to an existing file's
    /// (a hook must stay runnable).
    public static func write(_ path: String, _ bytes: [UInt8], mode: mode_t = newFileMode) throws {
        let target = FileWalker.canonical(path)
        var info = stat()
        let exists = lstat(target, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        if !exists {
            info = stat()
            info.st_uid = geteuid()
            info.st_gid = getegid()
            info.st_mode = S_IFREG | mode
        } else {
            info.st_mode |= mode & 0o111
        }
        let temporary = try writeTemporary(beside: target, bytes, like: info, source: exists ? target : nil, path: path)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw Refusal(vi: "không ghi được \"\(path)\"", en: "cannot write \"\(path)\"")
        }
        syncFolder(of: target)
    }

    /// A new file in `target`'s folder holding `bytes`, with `info`'s owner, group and mode and
    /// `source`'s extended attributes, synced to disk. Its path is returned.
    static func writeTemporary(beside target: String, _ bytes: [UInt8], like info: stat, source: String?, path: String) throws -> String {
        let folder = target.deletingLastPathComponent
        let name = String(target.split(separator: "/").last ?? "hoso")
        var template = Array("\(folder)/.\(name).hoso-tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Refusal(vi: "không tạo được tệp tạm trong \"\(folder)\" (không có quyền ghi vào thư mục?); \"\(path)\" giữ nguyên", en: "cannot create a temporary file in \"\(folder)\" (no write permission on the folder?); \"\(path)\" is unchanged")
        }
        let temporary = String(cString: template)
        func fail(_ vi: String, _ en: String) -> Refusal {
            close(fd)
            unlink(temporary)
            return Refusal(vi: vi, en: en)
        }
        // The owner and group first (changing them clears set-id bits), then the mode.
        if info.st_uid != geteuid() || info.st_gid != getegid() {
            guard fchown(fd, info.st_uid, info.st_gid) == 0 else {
                throw fail("không giữ được chủ sở hữu/nhóm của \"\(path)\" (cần quyền của chủ tệp), không sửa", "cannot keep the owner and group of \"\(path)\" (needs the owner's rights); not fixed")
            }
        }
        guard fchmod(fd, info.st_mode & 0o7777) == 0 else {
            throw fail("không giữ được quyền truy cập của \"\(path)\", không sửa", "cannot keep the permissions of \"\(path)\"; not fixed")
        }
        if let source, !copyExtendedAttributes(from: source, to: fd) {
            throw fail("không giữ được thuộc tính mở rộng (xattr) của \"\(path)\", không sửa", "cannot keep the extended attributes of \"\(path)\"; not fixed")
        }
        guard FileDescriptorIO.writeAll(fd, bytes), fsync(fd) == 0 else {
            throw fail("không ghi được \"\(path)\" (đĩa đầy?); tệp gốc giữ nguyên", "cannot write \"\(path)\" (disk full?); the original is intact")
        }
        guard close(fd) == 0 else {
            unlink(temporary)
            throw Refusal(vi: "không ghi được \"\(path)\" (đĩa đầy?); tệp gốc giữ nguyên", en: "cannot write \"\(path)\" (disk full?); the original is intact")
        }
        return temporary
    }

    static func changed(_ path: String) -> Refusal {
        Refusal(vi: "\"\(path)\" đã thay đổi trong lúc kiểm tra (có chương trình khác vừa lưu?), không sửa; hãy chạy lại", en: "\"\(path)\" changed while it was checked (saved by another program?); not fixed, run again")
    }

    /// Copies every extended attribute (ACLs and SELinux labels are ones) of `source` onto `fd`.
    static func copyExtendedAttributes(from source: String, to fd: Int32) -> Bool {
        #if os(Linux)
        guard let list = Libc.listxattr, let get = Libc.getxattr, let set = Libc.fsetxattr else { return true }
        let size = list(source, nil, 0)
        if size < 0 { return errno == ENOTSUP }
        guard size > 0 else { return true }
        var names = [CChar](repeating: 0, count: size)
        let listed = list(source, &names, size)
        guard listed >= 0 else { return false }
        var start = 0
        while start < listed {
            let name = names.withUnsafeBufferPointer { String(cString: $0.baseAddress! + start) }
            start += name.utf8.count + 1
            let length = get(source, name, nil, 0)
            guard length >= 0 else { return false }
            var value = [UInt8](repeating: 0, count: max(1, length))
            let got = get(source, name, &value, length)
            guard got >= 0, set(fd, name, value, got, 0) == 0 else { return false }
        }
        #endif
        return true
    }

    /// Atomically swaps two paths: true when done, false when it failed, nil when the system
    /// or file system has no exchange (then a plain rename is the fallback).
    static func exchange(_ a: String, _ b: String) -> Bool? {
        #if os(Linux)
        guard let renameat2 = Libc.renameat2 else { return nil }
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return true }
        return errno == EINVAL || errno == ENOSYS || errno == ENOTSUP ? nil : false
        #else
        return nil
        #endif
    }

    /// Makes a rename in a folder durable.
    static func syncFolder(of path: String) {
        let fd = open(path.deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}

#if os(Linux)
/// glibc functions that Swift's Glibc module does not declare (`<sys/xattr.h>`, `renameat2`
/// from glibc 2.28), looked up once at run time; nil where the C library lacks them.
enum Libc {
    typealias ListXattr = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias GetXattr = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias FSetXattr = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: type) }
    }

    nonisolated(unsafe) static let listxattr = symbol("listxattr", as: ListXattr.self)
    nonisolated(unsafe) static let getxattr = symbol("getxattr", as: GetXattr.self)
    nonisolated(unsafe) static let fsetxattr = symbol("fsetxattr", as: FSetXattr.self)
    nonisolated(unsafe) static let renameat2 = symbol("renameat2", as: Renameat2.self)
}
#endif
