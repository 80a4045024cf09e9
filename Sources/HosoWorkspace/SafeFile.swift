import HosoRules
import HosoSystem

/// The one way hoso writes a file (`--fix`, the git hook): a temporary file beside the target,
/// with the target's owner, group, mode and extended attributes, synced, then swapped in.
///
/// A write through a symlink lands on its target (the link stays a link). A file with more
/// than one hard link is refused unless the caller breaks links on purpose. Before the swap
/// the file must still be the one read: same identity, size, modification time and content.
/// The swap is an atomic exchange (`FileSystem.exchange`: Linux `renameat2(RENAME_EXCHANGE)`),
/// and what it took out is checked again: if another program saved the file in between, the
/// exchange is undone and nothing is lost. What remains is a program writing into the file in place at the very
/// moment of the exchange (editors that save by renaming are never affected).
public enum SafeFile {
    /// Why a file was left untouched.
    public struct Refusal: Error {
        public let message: LocalizedText
        init(vi: String, en: String) { message = LocalizedText(viText: vi, enText: en) }
    }

    /// Replaces the file at `path` with `bytes`, provided it is still `read` (as `FileWalker.contents` gave it).
    public static func replace(_ path: String, with bytes: [UInt8], expecting read: FileWalker.Contents, breakLinks: Bool = false) throws {
        let target = FileWalker.canonical(path)
        guard let info = try? FileStatus(path: target, followingLinks: false), info.kind == .regular else {
            throw Refusal(vi: "không tìm thấy tệp \"\(path)\", không sửa", en: "\"\(path)\" is gone; not fixed")
        }
        if info.linkCount > 1 && !breakLinks {
            throw Refusal(vi: "\"\(path)\" có \(info.linkCount) liên kết cứng (hard link); sửa sẽ tách nó khỏi các tên kia, nên không sửa. Dùng --break-links nếu muốn vậy", en: "\"\(path)\" has \(info.linkCount) hard links; fixing would split it from the other names, so it was not fixed. Pass --break-links to do so anyway")
        }
        // The owner's write bit is honoured even for root: a file marked read-only stays as it is.
        guard FileSystem.isWritable(target), info.permissions & 0o200 != 0 else {
            throw Refusal(vi: "\"\(path)\" chỉ đọc, không sửa", en: "\"\(path)\" is read-only; not fixed")
        }
        guard FileWalker.Stamp(info) == read.stamp else { throw changed(path) }
        let temporary = try writeTemporary(beside: target, bytes, owner: info.owner, permissions: info.permissions, source: target, path: path)
        let ours = try? FileStatus(path: temporary, followingLinks: false)
        // The final check, as close to the swap as it can be.
        guard let now = try? FileWalker.contents(target), now.stamp == read.stamp, now.bytes == read.bytes else {
            try? FileSystem.remove(temporary)
            throw changed(path)
        }
        let exchanged: Bool
        do {
            exchanged = try FileSystem.exchange(temporary, target)
        } catch {
            try? FileSystem.remove(temporary)
            throw Refusal(vi: "không ghi được \"\(path)\"; tệp gốc giữ nguyên", en: "cannot write \"\(path)\"; the original is intact")
        }
        guard exchanged else {
            // No atomic exchange here (not Linux, or a file system without it): a plain rename.
            do {
                try FileSystem.rename(temporary, to: target)
            } catch {
                try? FileSystem.remove(temporary)
                throw Refusal(vi: "không ghi được \"\(path)\"; tệp gốc giữ nguyên", en: "cannot write \"\(path)\"; the original is intact")
            }
            FileSystem.syncFolder(target.deletingLastPathComponent)
            return
        }
        // `temporary` now names what the exchange took out: it must be the file read, unchanged.
        if let taken = try? FileWalker.contents(temporary), taken.stamp.identity == read.stamp.identity, taken.bytes == read.bytes {
            try? FileSystem.remove(temporary)
            FileSystem.syncFolder(target.deletingLastPathComponent)
            return
        }
        // Another program saved in between: put its file back.
        if let current = try? FileStatus(path: target, followingLinks: false), current.identity == ours?.identity,
           (try? FileSystem.exchange(temporary, target)) == true {
            try? FileSystem.remove(temporary)
            throw changed(path)
        }
        throw Refusal(vi: "\"\(path)\" đã được chương trình khác lưu trong lúc sửa; bản đó được giữ ở \"\(temporary)\"", en: "\"\(path)\" was saved by another program while it was fixed; that version is kept in \"\(temporary)\"")
    }

    /// Writes a file hoso itself makes (the git hook, a report, a new dossier): atomically,
    /// replacing what is there and keeping an existing file's owner, group, mode and extended
    /// attributes; `permissions` for a new one. Execute bits in `permissions` are added to an
    /// existing file's (a hook must stay runnable).
    public static func write(_ path: String, _ bytes: [UInt8], permissions: UInt32 = FileSystem.newFilePermissions) throws {
        let target = FileWalker.canonical(path)
        let temporary: String
        if let info = try? FileStatus(path: target, followingLinks: false), info.kind == .regular {
            temporary = try writeTemporary(beside: target, bytes, owner: info.owner, permissions: info.permissions | permissions & 0o111,
                                           source: target, path: path)
        } else {
            temporary = try writeTemporary(beside: target, bytes, owner: .current, permissions: permissions, source: nil, path: path)
        }
        do {
            try FileSystem.rename(temporary, to: target)
        } catch {
            try? FileSystem.remove(temporary)
            throw Refusal(vi: "không ghi được \"\(path)\"", en: "cannot write \"\(path)\"")
        }
        FileSystem.syncFolder(target.deletingLastPathComponent)
    }

    /// A new file in `target`'s folder holding `bytes`, with `owner` and `permissions` and
    /// `source`'s extended attributes, synced to disk; its path. A failure names `path` (what
    /// the user asked for) and the step that failed.
    static func writeTemporary(beside target: String, _ bytes: [UInt8], owner: FileOwner, permissions: UInt32, source: String?,
                               path: String) throws -> String {
        let folder = target.deletingLastPathComponent
        let name = String(target.split(separator: "/").last ?? "hoso")
        do throws(SystemError) {
            return try FileSystem.writeTemporaryFile(in: folder, namedAfter: name, contents: bytes, owner: owner,
                                                     permissions: permissions, attributesFrom: source)
        } catch {
            switch error.operation {
            case .createTemporary:
                throw Refusal(vi: "không tạo được tệp tạm trong \"\(folder)\" (không có quyền ghi vào thư mục?); \"\(path)\" giữ nguyên", en: "cannot create a temporary file in \"\(folder)\" (no write permission on the folder?); \"\(path)\" is unchanged")
            case .changeOwner:
                throw Refusal(vi: "không giữ được chủ sở hữu/nhóm của \"\(path)\" (cần quyền của chủ tệp), không sửa", en: "cannot keep the owner and group of \"\(path)\" (needs the owner's rights); not fixed")
            case .changePermissions:
                throw Refusal(vi: "không giữ được quyền truy cập của \"\(path)\", không sửa", en: "cannot keep the permissions of \"\(path)\"; not fixed")
            case .copyAttributes:
                throw Refusal(vi: "không giữ được thuộc tính mở rộng (xattr) của \"\(path)\", không sửa", en: "cannot keep the extended attributes of \"\(path)\"; not fixed")
            default:
                throw Refusal(vi: "không ghi được \"\(path)\" (đĩa đầy?); tệp gốc giữ nguyên", en: "cannot write \"\(path)\" (disk full?); the original is intact")
            }
        }
    }

    static func changed(_ path: String) -> Refusal {
        Refusal(vi: "\"\(path)\" đã thay đổi trong lúc kiểm tra (có chương trình khác vừa lưu?), không sửa; hãy chạy lại", en: "\"\(path)\" changed while it was checked (saved by another program?); not fixed, run again")
    }
}
