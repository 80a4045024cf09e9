import HosoRules
import HosoSystem

/// Finds dossiers under folders and reads files, boundedly: one reader for dossiers, configs
/// and profiles, so no source (a FIFO, `/dev/zero`, a file that keeps growing) can hang hoso
/// or fill its memory.
///
/// Folder walks (docs/cli.md, "What counts as a dossier") take regular files only, never
/// follow a symlinked folder, take a symlinked file only when its target lies inside the
/// folder walked, and skip hidden entries.
public enum FileWalker {
    /// Why a path could not be read or walked, in both languages.
    public struct Failure: Error {
        public let vi: String
        public let en: String
        public var text: LocalizedText { LocalizedText(viText: vi, enText: en) }
    }

    /// No more than this is read from any source (a dossier is a few hundred kilobytes).
    public static let maxFileBytes = 64 * 1024 * 1024

    /// What a write must find unchanged before it replaces a file.
    public struct Stamp: Equatable, Sendable {
        public let identity: FileIdentity
        public let size: Int
        public let modified: FileTime

        init(_ status: FileStatus) {
            identity = status.identity
            size = status.size
            modified = status.modified
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

    /// A folder a walk listed: its stamp, taken just before it was listed (an entry added,
    /// removed or renamed later changes it), and the root of the walk (the canonical path,
    /// ending in `/`, that links must stay under).
    public struct WalkedFolder: Sendable {
        public let path: String
        public let stamp: Stamp
        public let root: String
    }

    /// The path itself if it is not a folder; the dossiers below it, sorted, if it is.
    ///
    /// `problem` hears of each folder that could not be listed (the caller must not report a
    /// clean result then), `folder` of each folder listed. Throws when the path does not exist.
    public static func dossiers(at path: String, excluded: (String) -> Bool, problem: (Failure) -> Void = { _ in },
                                folder: (WalkedFolder) -> Void = { _ in }) throws -> [String] {
        let status: FileStatus
        do throws(SystemError) { status = try FileStatus(path: path) } catch { throw missing(path, error) }
        guard status.kind == .directory else { return [path] }
        let root = canonical(path)
        return dossiers(under: path, root: root.hasSuffix("/") ? root : root + "/", excluded: excluded, problem: problem, folder: folder)
    }

    /// The dossiers below `path`, a folder inside a walk from `root` (a `WalkedFolder`'s root),
    /// walked as that walk walks it: a folder that appeared since is taken in so.
    public static func dossiers(under path: String, root: String, excluded: (String) -> Bool, problem: (Failure) -> Void = { _ in },
                                folder: (WalkedFolder) -> Void = { _ in }) -> [String] {
        var result: [String] = [], links: [String] = []
        var visited: Set<FileIdentity> = []
        walk(path, root: root, into: &result, links: &links, visited: &visited, excluded: excluded, problem: problem, folder: folder)
        // Links last: when a link and its target are both found, the target's own name is reported.
        return (result + links).filter { !excluded($0) }
    }

    /// One folder's entries as a walk takes them, without descending: its dossiers (links to
    /// files under `root` after the files) and its subfolders, by name; nil when it cannot be
    /// listed. A watcher re-lists a folder whose stamp changed so.
    public static func listing(of path: String, root: String, excluded: (String) -> Bool,
                               problem: (Failure) -> Void = { _ in }) -> (dossiers: [String], folders: [String])? {
        var files: [String] = [], links: [String] = [], folders: [String] = []
        let listed = forEachEntry(in: path, root: root, excluded: excluded, problem: problem) { entry in
            switch entry {
            case .folder(let child): folders.append(child)
            case .dossier(let child): files.append(child)
            case .link(let child): links.append(child)
            }
        }
        return listed ? ((files + links).filter { !excluded($0) }, folders) : nil
    }

    /// The stamp of what a path reaches now (links followed), or nil when it reaches nothing.
    public static func stamp(ofPath path: String) -> Stamp? {
        (try? FileStatus(path: path)).map(Stamp.init)
    }

    /// The stamp of a folder (not a link to one), or nil when the path is no longer a folder.
    public static func folderStamp(ofPath path: String) -> Stamp? {
        guard let status = try? FileStatus(path: path, followingLinks: false), status.kind == .directory else { return nil }
        return Stamp(status)
    }

    /// The file a path reaches now, or nil when it reaches none.
    public static func identity(ofPath path: String) -> FileIdentity? { stamp(ofPath: path)?.identity }

    /// Why a path that `stat` (or `open`) refused with `error` cannot be checked: absent, a
    /// broken or looping link, or a folder on the way that may not be entered.
    static func missing(_ path: String, _ error: SystemError) -> Failure {
        let isLink = (try? FileStatus(path: path, followingLinks: false))?.kind == .symbolicLink
        switch error.kind {
        case .linkLoop:
            return Failure(vi: "\"\(path)\" là một vòng liên kết tượng trưng (liên kết trỏ về chính nó); sửa hoặc xóa liên kết", en: "\"\(path)\" is a symbolic link loop; fix or remove the link")
        case .permissionDenied:
            return Failure(vi: "không vào được thư mục chứa \"\(path)\" (kiểm tra quyền)", en: "cannot reach \"\(path)\": a folder on the way may not be entered; check its permissions")
        case .notFound where isLink:
            return Failure(vi: "\"\(path)\" là liên kết tượng trưng tới một tệp không còn tồn tại; sửa hoặc xóa liên kết", en: "\"\(path)\" is a symbolic link to a file that no longer exists; fix or remove the link")
        default:
            return Failure(vi: "không tìm thấy \"\(path)\"; kiểm tra lại đường dẫn", en: "\"\(path)\" does not exist; check the path")
        }
    }

    /// The canonical path (symlinks resolved).
    static func canonical(_ path: String) -> String {
        FileSystem.canonicalPath(path) ?? path
    }

    private static func walk(_ path: String, root: String, into result: inout [String], links: inout [String], visited: inout Set<FileIdentity>,
                             excluded: (String) -> Bool, problem: (Failure) -> Void, folder: (WalkedFolder) -> Void) {
        guard let status = try? FileStatus(path: path), visited.insert(status.identity).inserted else { return }
        folder(WalkedFolder(path: path, stamp: Stamp(status), root: root))
        forEachEntry(in: path, root: root, excluded: excluded, problem: problem) { entry in
            switch entry {
            case .folder(let child):
                walk(child, root: root, into: &result, links: &links, visited: &visited, excluded: excluded, problem: problem, folder: folder)
            case .dossier(let child): result.append(child)
            case .link(let child): links.append(child)
            }
        }
    }

    /// What a walk takes from a folder's entry.
    private enum Entry {
        case folder(String), dossier(String), link(String)
    }

    /// Hands `take` the entries of a folder a walk takes, by name (hidden ones skipped), as it
    /// meets them (problems come in the same order); false when the folder cannot be listed.
    @discardableResult
    private static func forEachEntry(in folder: String, root: String, excluded: (String) -> Bool, problem: (Failure) -> Void,
                                     _ take: (Entry) -> Void) -> Bool {
        guard let names = try? FileSystem.entries(ofFolder: folder) else {
            problem(Failure(vi: "không đọc được thư mục \"\(folder)\" (kiểm tra quyền); các tệp trong đó chưa được kiểm tra", en: "cannot list the folder \"\(folder)\" (check its permissions); its files were not checked"))
            return false
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let entry = try? FileStatus(path: child, followingLinks: false) else { continue }
            switch entry.kind {
            case .directory:
                take(.folder(child))
            case .regular:
                if isDossierName(name) { take(.dossier(child)) }
            case .symbolicLink:
                // A link to a file inside the walked folder is read; a link to a folder, or to
                // anything outside, is not (a link to `/` must not walk the disk). A link with a
                // dossier's name that is not read is said, never passed over: the office's gate
                // must not read as clean with a submitted dossier unchecked.
                guard isDossierName(name), !excluded(child) else { continue }
                let target: FileStatus
                do throws(SystemError) { target = try FileStatus(path: child) } catch { problem(missing(child, error)); continue }
                let resolved = canonical(child)
                guard target.kind == .regular, resolved.hasPrefix(root) else {
                    problem(Failure(vi: "\"\(child)\" là liên kết tượng trưng tới \"\(resolved)\", ngoài thư mục đang kiểm tra hoặc không phải tệp thường; không kiểm tra — hãy chép chính tệp vào thư mục, hoặc nêu tên nó trên dòng lệnh",
                                    en: "\"\(child)\" is a symbolic link to \"\(resolved)\", outside the folder checked or not a regular file; not checked — copy the file itself into the folder, or name it on the command line"))
                    continue
                }
                take(.link(child))
            default:
                // FIFOs, sockets, devices: never dossiers, and reading a FIFO would hang; one
                // with a dossier's name is said, as above.
                if isDossierName(name) && !excluded(child) {
                    problem(Failure(vi: "\"\(child)\" không phải tệp thường (FIFO, socket hay thiết bị); không kiểm tra",
                                    en: "\"\(child)\" is not a regular file (a FIFO, socket or device); not checked"))
                }
            }
        }
        return true
    }

    /// What a FIFO opened without blocking holds right now: its first bytes, or an empty
    /// array when a writer is attached but has not written yet; nil when it has no data and
    /// no writer (a blocking read would wait for one for ever).
    private static func firstBytes(ofFIFO fd: FileDescriptor) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        // An error is EAGAIN: a writer is attached; the blocking read waits for it.
        guard let n = try? fd.read(into: &chunk) else { return [] }
        return n > 0 ? Array(chunk[0..<n]) : nil
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
        // Non-blocking open: opening a FIFO must not wait for a writer.
        let fd: FileDescriptor
        do throws(SystemError) {
            fd = try FileDescriptor.openForReading(path, nonBlocking: true)
        } catch {
            if error.kind == .notFound || error.kind == .linkLoop { throw missing(path, error) }
            throw Failure(vi: "không đọc được \"\(path)\" (kiểm tra quyền đọc)", en: "cannot read \"\(path)\" (check its permissions)")
        }
        defer { try? fd.close() }
        guard let info = try? fd.status() else {
            throw Failure(vi: "không đọc được \"\(path)\"", en: "cannot read \"\(path)\"")
        }
        if info.kind == .directory {
            throw Failure(vi: "\"\(path)\" là thư mục, không phải tệp", en: "\"\(path)\" is a folder, not a file")
        }
        if regularOnly && info.kind != .regular {
            throw Failure(vi: "\"\(path)\" không phải tệp thường (FIFO, thiết bị hay socket), không đọc", en: "\"\(path)\" is not a regular file (a FIFO, device or socket); not read")
        }
        if info.kind == .regular && info.size > maxFileBytes {
            let size = info.size / 1_048_576, cap = maxFileBytes / 1_048_576
            throw Failure(vi: "\"\(path)\" quá lớn (\(size) MB, tối đa \(cap) MB), không kiểm tra", en: "\"\(path)\" is too large to check (\(size) MB > \(cap) MB)")
        }
        var first: [UInt8] = []
        if info.kind == .fifo {
            guard let bytes = firstBytes(ofFIFO: fd) else {
                throw Failure(vi: "\"\(path)\" là một FIFO không có dữ liệu và không có chương trình nào đang ghi vào; hãy chạy chương trình ghi trước, hoặc chuyển văn bản vào \"-\" (đầu vào chuẩn)", en: "\"\(path)\" is a FIFO with no data and no program writing to it; start the writer first, or pipe the text to \"-\"")
            }
            first = bytes
        }
        try? fd.setBlocking()
        var (bytes, failure) = fd.readAll(limit: maxFileBytes + 1 - first.count, sizeHint: info.kind == .regular ? info.size : nil)
        if !first.isEmpty { bytes = first + bytes }
        guard failure == nil else {
            throw Failure(vi: "không đọc được \"\(path)\"", en: "cannot read \"\(path)\"")
        }
        guard bytes.count <= maxFileBytes else {
            throw Failure(vi: "\"\(path)\" quá lớn (hơn \(maxFileBytes / 1_048_576) MB), không kiểm tra", en: "\"\(path)\" is too large to check (over \(maxFileBytes / 1_048_576) MB)")
        }
        return Contents(bytes: bytes, stamp: Stamp(info))
    }
}
