#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif os(Windows)
import ucrt
import WinSDK
#endif

/// Which file a path or descriptor reaches: the same pair means the same file, however it was
/// named. Device and inode on Linux and macOS; volume serial number and file index on Windows.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// What a directory entry is.
public enum FileKind: Sendable {
    case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, unknown
}

/// A point in wall-clock time as file systems keep it: seconds and nanoseconds since 1970.
public struct FileTime: Equatable, Sendable {
    public let seconds: Int
    public let nanoseconds: Int

    public init(seconds: Int, nanoseconds: Int) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The wall clock now (`CLOCK_REALTIME`), comparable with modification times.
    public static func now() -> FileTime {
        #if os(Windows)
        var time = FILETIME()
        GetSystemTimePreciseAsFileTime(&time)
        let unix = unixTime(time)
        return FileTime(seconds: unix.seconds, nanoseconds: unix.nanoseconds)
        #else
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return FileTime(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
        #endif
    }

    /// Nanoseconds from `earlier` to this time (negative when `earlier` is later).
    public func nanoseconds(since earlier: FileTime) -> Int {
        (seconds - earlier.seconds) * 1_000_000_000 + (nanoseconds - earlier.nanoseconds)
    }
}

/// A file's user and group. Windows has neither here: both are 0 there.
public struct FileOwner: Equatable, Sendable {
    public let user: UInt32
    public let group: UInt32

    public init(user: UInt32, group: UInt32) {
        self.user = user
        self.group = group
    }

    /// The effective user and group of this process (what a new file gets).
    public static var current: FileOwner {
        #if os(Windows)
        FileOwner(user: 0, group: 0)
        #else
        FileOwner(user: geteuid(), group: getegid())
        #endif
    }
}

/// What `stat` says of a file: identity, kind, size, modification time, links, permissions, owner.
public struct FileStatus: Sendable {
    public let identity: FileIdentity
    public let kind: FileKind
    /// Bytes (0 for what is not a regular file on Windows).
    public let size: Int
    public let modified: FileTime
    /// How many names (hard links) the file has.
    public let linkCount: Int
    /// The permission bits, set-id and sticky bits included (`mode & 0o7777`). Windows has only
    /// a read-only attribute: 0o444 for a read-only file there, 0o666 otherwise.
    public let permissions: UInt32
    public let owner: FileOwner

    /// The status of what `path` names; with `followingLinks` false, of a symbolic link itself
    /// (`lstat`).
    public init(path: String, followingLinks: Bool = true) throws(SystemError) {
        #if os(Windows)
        // Untested: the Windows branch has never been compiled.
        let flags = DWORD(followingLinks ? FILE_FLAG_BACKUP_SEMANTICS : FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)
        let handle: HANDLE = CreateFileW(widePath(path), 0, DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE), nil,
                                         DWORD(OPEN_EXISTING), flags, nil)
        guard handle != INVALID_HANDLE_VALUE else { throw SystemError.last(.status, path: path) }
        defer { CloseHandle(handle) }
        try self.init(handle: handle, path: path)
        #else
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { throw SystemError.last(.status, path: path) }
        self.init(info)
        #endif
    }

    #if os(Windows)
    /// The status of an open Win32 handle: a disk file by `GetFileInformationByHandle`, a pipe
    /// as a FIFO, a console as a character device. Untested.
    init(handle: HANDLE, path: String?) throws(SystemError) {
        switch GetFileType(handle) {
        case DWORD(FILE_TYPE_DISK):
            var info = BY_HANDLE_FILE_INFORMATION()
            guard GetFileInformationByHandle(handle, &info) else { throw SystemError.last(.status, path: path) }
            let attributes = info.dwFileAttributes
            identity = FileIdentity(device: UInt64(info.dwVolumeSerialNumber),
                                    inode: UInt64(info.nFileIndexHigh) << 32 | UInt64(info.nFileIndexLow))
            if attributes & DWORD(FILE_ATTRIBUTE_REPARSE_POINT) != 0 {
                kind = .symbolicLink
            } else if attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) != 0 {
                kind = .directory
            } else {
                kind = .regular
            }
            size = Int(UInt64(info.nFileSizeHigh) << 32 | UInt64(info.nFileSizeLow))
            let unix = unixTime(info.ftLastWriteTime)
            modified = FileTime(seconds: unix.seconds, nanoseconds: unix.nanoseconds)
            linkCount = Int(info.nNumberOfLinks)
            permissions = attributes & DWORD(FILE_ATTRIBUTE_READONLY) != 0 ? 0o444 : 0o666
        case DWORD(FILE_TYPE_PIPE), DWORD(FILE_TYPE_CHAR):
            identity = FileIdentity(device: 0, inode: 0)
            kind = GetFileType(handle) == DWORD(FILE_TYPE_PIPE) ? .fifo : .characterDevice
            size = 0
            modified = FileTime(seconds: 0, nanoseconds: 0)
            linkCount = 1
            permissions = 0o666
        default:
            throw SystemError.last(.status, path: path)
        }
        owner = FileOwner(user: 0, group: 0)
    }
    #else
    init(_ info: stat) {
        identity = FileIdentity(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
        let mode = UInt32(info.st_mode)
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): kind = .regular
        case UInt32(S_IFDIR): kind = .directory
        case UInt32(S_IFLNK): kind = .symbolicLink
        case UInt32(S_IFIFO): kind = .fifo
        case UInt32(S_IFSOCK): kind = .socket
        case UInt32(S_IFCHR): kind = .characterDevice
        case UInt32(S_IFBLK): kind = .blockDevice
        default: kind = .unknown
        }
        size = Int(info.st_size)
        #if canImport(Darwin)
        let time = info.st_mtimespec  // Untested: macOS names the field differently.
        #else
        let time = info.st_mtim
        #endif
        modified = FileTime(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
        linkCount = Int(info.st_nlink)
        permissions = mode & 0o7777
        owner = FileOwner(user: UInt32(info.st_uid), group: UInt32(info.st_gid))
    }
    #endif
}
