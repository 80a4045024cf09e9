#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds dossiers under folders and reads files, boundedly: one reader for dossiers, configs
/// and profiles, so no source (a FIFO, `/dev/zero`, a file that keeps growing) can hang hoso
/// or fill its memory.
///
/// Folder walks (INTERFACES.md, "What counts as a dossier") take regular files only, never
/// follow a symlinked folder, take a symlinked file only when its target lies inside the
/// folder walked, and skip hidden entries.
public enum FileWalker {
    public struct Failure: Error { public let message: String }

    /// No more than this is read from any source (a dossier is a few hundred kilobytes).
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Which file a path reaches: the same pair means the same file, however it was named.
    public struct Identity: Hashable, Sendable {
        public let device: UInt64
        public let inode: UInt64
    }

    /// What a write must find unchanged before it replaces a file.
    public struct Stamp: Equatable, Sendable {
        public let identity: Identity
        public let size: Int
        public let modified: timespec

        init(_ info: stat) {
            identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            size = Int(info.st_size)
            modified = info.st_mtim
        }

        public static func == (a: Stamp, b: Stamp) -> Bool {
            a.identity == b.identity && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec
                && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// A file read whole, with its stamp at the moment of reading.
    public struct Contents: Sendable {
        public let bytes: [UInt8]
        public let stamp: Stamp
    }

    /// Whether a file name makes a dossier: `.hoso` in any case, or `.hoso.txt` (Notepad's habit).
    public static func isDossierName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".hoso") && lower.count > 5 || isNotepadName(name)
    }

    /// Whether a name is a dossier with Notepad's `.txt` added (`x.hoso.txt`): checked, with a note to rename it.
    public static func isNotepadName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".hoso.txt") && lower.count > 9
    }

    /// The path itself if it is not a folder; the dossiers below it, sorted, if it is.
    ///
    /// `problem` hears of each folder that could not be listed (the caller must not report a
    /// clean result then). Throws when the path does not exist.
    public static func dossiers(at path: String, excluded: (String) -> Bool, problem: (String) -> Void = { _ in }) throws -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(message: "không tìm thấy \"\(path)\"; kiểm tra lại đường dẫn / \"\(path)\" does not exist; check the path")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return [path] }
        var result: [String] = [], links: [String] = []
        var visited: Set<Identity> = []
        let root = canonical(path)
        walk(path, root: root.hasSuffix("/") ? root : root + "/", into: &result, links: &links, visited: &visited, problem: problem)
        // Links last: when a link and its target are both found, the target's own name is reported.
        return (result + links).filter { !excluded($0) }
    }

    /// The canonical path (symlinks resolved).
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func walk(_ folder: String, root: String, into result: inout [String], links: inout [String], visited: inout Set<Identity>,
                             problem: (String) -> Void) {
        var info = stat()
        guard stat(folder, &info) == 0, visited.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let names = entries(of: folder) else {
            problem("không đọc được thư mục \"\(folder)\" (kiểm tra quyền); các tệp trong đó chưa được kiểm tra / cannot list the folder \"\(folder)\" (check its permissions); its files were not checked")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var entry = stat()
            guard lstat(child, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, root: root, into: &result, links: &links, visited: &visited, problem: problem)
            case S_IFREG:
                if isDossierName(name) { result.append(child) }
            case S_IFLNK:
                // A link to a file inside the walked folder is read; a link to a folder, or to
                // anything outside, is not (a link to `/` must not walk the disk).
                var target = stat()
                guard isDossierName(name), stat(child, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
                      canonical(child).hasPrefix(root) else { continue }
                links.append(child)
            default:
                continue  // FIFOs, sockets, devices: never dossiers, and reading a FIFO would hang.
            }
        }
    }

    /// The names in a folder, or nil when it cannot be listed.
    static func entries(of folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The bytes of a file, or a failure naming it (unreadable, not a regular file when one is
    /// required, or more than `maxFileBytes`).
    public static func read(_ path: String, regularOnly: Bool = true) throws -> [UInt8] {
        try contents(path, regularOnly: regularOnly).bytes
    }

    /// The bytes of a file and its stamp, read through one descriptor.
    ///
    /// With `regularOnly` (folder walks, configs, profiles, the server) anything but a regular
    /// file is refused without blocking: the open does not wait for a FIFO's writer. Without it
    /// (a path the user named: `<(…)`, `/dev/stdin`) any readable source is read. Either way at
    /// most `maxFileBytes` are read, however large the file is or becomes.
    public static func contents(_ path: String, regularOnly: Bool = true) throws -> Contents {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            throw Failure(message: "không đọc được \"\(path)\" (kiểm tra quyền đọc) / cannot read \"\(path)\" (check its permissions)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw Failure(message: "không đọc được \"\(path)\" / cannot read \"\(path)\"")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(message: "\"\(path)\" là thư mục, không phải tệp / \"\(path)\" is a folder, not a file")
        }
        if regularOnly && info.st_mode & S_IFMT != S_IFREG {
            throw Failure(message: "\"\(path)\" không phải tệp thường (FIFO, thiết bị hay socket), không đọc / \"\(path)\" is not a regular file (a FIFO, device or socket); not read")
        }
        if info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) > maxFileBytes {
            let size = Int(info.st_size) / 1_048_576, cap = maxFileBytes / 1_048_576
            throw Failure(message: "\"\(path)\" quá lớn (\(size) MB, tối đa \(cap) MB), không kiểm tra / \"\(path)\" is too large to check (\(size) MB > \(cap) MB)")
        }
        if regularOnly { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        let (bytes, failed) = FileDescriptorIO.readAll(fd, limit: maxFileBytes + 1)
        guard !failed else {
            throw Failure(message: "không đọc được \"\(path)\" / cannot read \"\(path)\"")
        }
        guard bytes.count <= maxFileBytes else {
            throw Failure(message: "\"\(path)\" quá lớn (hơn \(maxFileBytes / 1_048_576) MB), không kiểm tra / \"\(path)\" is too large to check (over \(maxFileBytes / 1_048_576) MB)")
        }
        return Contents(bytes: bytes, stamp: Stamp(info))
    }
}
