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

/// Paths: resolving, listing, permission checks, and the pieces of an atomic replace (a
/// temporary file beside the target, synced, then renamed or exchanged over it).
///
/// Paths are `/`-separated strings, as the rest of hoso writes them; on Windows (untested) they
/// are converted at the call and canonical paths come back with `/`.
public enum FileSystem {
    /// The canonical absolute path (links resolved, `.` and `..` gone), or nil when the path
    /// reaches nothing (`realpath`; `GetFinalPathNameByHandleW` on Windows).
    public static func canonicalPath(_ path: String) -> String? {
        #if os(Windows)
        let handle: HANDLE = CreateFileW(widePath(path), 0, DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE), nil,
                                         DWORD(OPEN_EXISTING), DWORD(FILE_FLAG_BACKUP_SEMANTICS), nil)
        guard handle != INVALID_HANDLE_VALUE else { return nil }
        defer { CloseHandle(handle) }
        let length = GetFinalPathNameByHandleW(handle, nil, 0, DWORD(FILE_NAME_NORMALIZED))
        guard length > 0 else { return nil }
        var buffer = [WCHAR](repeating: 0, count: Int(length) + 1)
        guard GetFinalPathNameByHandleW(handle, &buffer, DWORD(buffer.count), DWORD(FILE_NAME_NORMALIZED)) > 0 else { return nil }
        var resolved = String(decoding: buffer.prefix { $0 != 0 }, as: UTF16.self)
        if resolved.hasPrefix(#"\\?\UNC\"#) {
            resolved = #"\\"# + resolved.dropFirst(8)
        } else if resolved.hasPrefix(#"\\?\"#) {
            resolved = String(resolved.dropFirst(4))
        }
        return String(resolved.map { $0 == "\\" ? "/" : $0 })
        #else
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
        #endif
    }

    /// The names in a folder, in the order the system gives them, without `.` and `..`.
    public static func entries(ofFolder folder: String) throws(SystemError) -> [String] {
        var names: [String] = []
        #if os(Windows)
        var found = WIN32_FIND_DATAW()
        let search: HANDLE = FindFirstFileW(widePath(folder + "/*"), &found)
        guard search != INVALID_HANDLE_VALUE else { throw SystemError.last(.list, path: folder) }
        defer { FindClose(search) }
        repeat {
            let name = withUnsafeBytes(of: found.cFileName) {
                $0.withMemoryRebound(to: WCHAR.self) { String(decodingCString: $0.baseAddress!, as: UTF16.self) }
            }
            if name != "." && name != ".." { names.append(name) }
        } while FindNextFileW(search, &found)
        #else
        guard let directory = opendir(folder) else { throw SystemError.last(.list, path: folder) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        #endif
        return names
    }

    /// Whether this process may write the file (`access(W_OK)`; on Windows, not read-only).
    public static func isWritable(_ path: String) -> Bool {
        #if os(Windows)
        let attributes = GetFileAttributesW(widePath(path))
        return attributes != 0xFFFF_FFFF /* INVALID_FILE_ATTRIBUTES */ && attributes & DWORD(FILE_ATTRIBUTE_READONLY) == 0
        #else
        access(path, W_OK) == 0
        #endif
    }

    /// Whether the file may be run by this process (`access(X_OK)`; on Windows, a regular file).
    public static func isExecutable(_ path: String) -> Bool {
        #if os(Windows)
        (try? FileStatus(path: path))?.kind == .regular
        #else
        access(path, X_OK) == 0
        #endif
    }

    /// Removes a file's name (`unlink`; `DeleteFileW`).
    public static func remove(_ path: String) throws(SystemError) {
        #if os(Windows)
        guard DeleteFileW(widePath(path)) else { throw SystemError.last(.remove, path: path) }
        #else
        guard unlink(path) == 0 else { throw SystemError.last(.remove, path: path) }
        #endif
    }

    /// Renames `source` to `target`, atomically replacing what `target` named (`rename`; on
    /// Windows `MoveFileExW` with replace and write-through).
    public static func rename(_ source: String, to target: String) throws(SystemError) {
        #if os(Windows)
        guard MoveFileExW(widePath(source), widePath(target), DWORD(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) else {
            throw SystemError.last(.rename, path: target)
        }
        #else
        guard systemRename(source, target) == 0 else { throw SystemError.last(.rename, path: target) }
        #endif
    }

    /// Atomically swaps what two paths name: true when done, false when this system or file
    /// system has no atomic exchange (then nothing happened; a plain rename is the fallback).
    ///
    /// Linux: `renameat2(RENAME_EXCHANGE)` (glibc 2.28, looked up at run time). macOS (untested):
    /// `renamex_np(RENAME_SWAP)`. Windows: none.
    public static func exchange(_ first: String, _ second: String) throws(SystemError) -> Bool {
        #if os(Linux)
        guard let renameat2 = CLibrary.renameat2 else { return false }
        let done = renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
        #elseif canImport(Darwin)
        let done = renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
        #if os(Linux) || canImport(Darwin)
        if done { return true }
        let error = errno
        if error == EINVAL || error == ENOSYS || error == ENOTSUP { return false }
        throw SystemError(.exchange, path: second, code: error)
        #endif
    }

    /// Makes renames in a folder durable (`fsync` of the folder); best effort. Nothing on
    /// Windows, where `rename` writes through.
    public static func syncFolder(_ folder: String) {
        #if !os(Windows)
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); _ = systemClose(fd) }
        #endif
    }

    /// The permissions of a new ordinary file: read-write for all, less the process's umask
    /// (0o666 on Windows).
    public static var newFilePermissions: UInt32 {
        #if os(Windows)
        0o666
        #else
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~UInt32(mask)
        #endif
    }

    /// A new file in `folder`, named after `name` (hidden, with a random suffix), holding
    /// `contents`, with `owner` and `permissions` and the extended attributes of `attributesFrom`,
    /// synced to disk; its path. On failure nothing is left behind, and the error's operation
    /// says which step failed (`createTemporary`, `changeOwner`, `changePermissions`,
    /// `copyAttributes`, `write`, `sync`, `close`).
    ///
    /// The owner is changed only when it is not this process's (changing it clears set-id
    /// bits, so it comes before the permissions). On Windows (untested) owner, permissions and
    /// extended attributes are not carried over: the file takes its folder's inherited ACL.
    public static func writeTemporaryFile(in folder: String, namedAfter name: String, contents: [UInt8], owner: FileOwner,
                                          permissions: UInt32, attributesFrom source: String?) throws(SystemError) -> String {
        #if os(Windows)
        var temporary = ""
        var handle: HANDLE = INVALID_HANDLE_VALUE
        for _ in 0..<100 where handle == INVALID_HANDLE_VALUE {
            temporary = "\(folder)/.\(name).hoso-tmp-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
            handle = CreateFileW(widePath(temporary), DWORD(GENERIC_WRITE), 0, nil, DWORD(CREATE_NEW), DWORD(FILE_ATTRIBUTE_NORMAL), nil)
            if handle == INVALID_HANDLE_VALUE && GetLastError() != DWORD(ERROR_FILE_EXISTS) { break }
        }
        guard handle != INVALID_HANDLE_VALUE else { throw SystemError.last(.createTemporary, path: folder) }
        let fd = _open_osfhandle(Int(bitPattern: handle), _O_WRONLY)
        guard fd >= 0 else {
            CloseHandle(handle)
            try? remove(temporary)
            throw SystemError(.createTemporary, path: folder, code: Int32(ERROR_TOO_MANY_OPEN_FILES))
        }
        let file = FileDescriptor(rawValue: fd)
        #else
        var template = Array("\(folder)/.\(name).hoso-tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SystemError.last(.createTemporary, path: folder) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let file = FileDescriptor(rawValue: fd)
        #endif
        do throws(SystemError) {
            #if !os(Windows)
            if owner != FileOwner.current {
                guard fchown(fd, owner.user, owner.group) == 0 else { throw SystemError.last(.changeOwner, path: temporary) }
            }
            guard fchmod(fd, mode_t(permissions & 0o7777)) == 0 else { throw SystemError.last(.changePermissions, path: temporary) }
            if let source { try copyExtendedAttributes(from: source, to: fd) }
            #endif
            try file.writeAll(contents)
            try file.sync()
        } catch {
            try? file.close()
            try? remove(temporary)
            throw error
        }
        do throws(SystemError) {
            try file.close()
        } catch {
            try? remove(temporary)
            throw error
        }
        return temporary
    }

    #if !os(Windows)
    /// Copies every extended attribute (ACLs and SELinux labels are ones) of `source` onto
    /// `fd`. A file system without extended attributes has none to copy. Linux and macOS
    /// (untested); Musl's static builds may lack the functions, and then copy none.
    static func copyExtendedAttributes(from source: String, to fd: Int32) throws(SystemError) {
        #if os(Linux)
        guard let list = CLibrary.listxattr, let get = CLibrary.getxattr, let set = CLibrary.fsetxattr else { return }
        #elseif canImport(Darwin)
        func list(_ path: UnsafePointer<CChar>, _ names: UnsafeMutablePointer<CChar>?, _ size: Int) -> Int { listxattr(path, names, size, 0) }
        func get(_ path: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>, _ value: UnsafeMutableRawPointer?, _ size: Int) -> Int {
            getxattr(path, name, value, size, 0, 0)
        }
        func set(_ fd: Int32, _ name: UnsafePointer<CChar>, _ value: UnsafeRawPointer, _ size: Int, _ flags: Int32) -> Int32 {
            fsetxattr(fd, name, value, size, 0, flags)
        }
        #endif
        let size = list(source, nil, 0)
        if size < 0 {
            if errno == ENOTSUP { return }
            throw SystemError.last(.copyAttributes, path: source)
        }
        guard size > 0 else { return }
        var names = [CChar](repeating: 0, count: size)
        let listed = list(source, &names, size)
        guard listed >= 0 else { throw SystemError.last(.copyAttributes, path: source) }
        var start = 0
        while start < listed {
            let name = names.withUnsafeBufferPointer { String(cString: $0.baseAddress! + start) }
            start += name.utf8.count + 1
            let length = get(source, name, nil, 0)
            guard length >= 0 else { throw SystemError.last(.copyAttributes, path: source) }
            var value = [UInt8](repeating: 0, count: max(1, length))
            let got = get(source, name, &value, length)
            guard got >= 0, set(fd, name, value, got, 0) == 0 else { throw SystemError.last(.copyAttributes, path: source) }
        }
    }
    #endif
}

#if os(Linux)
/// C library functions that Swift's Glibc module does not declare (`<sys/xattr.h>`, and
/// `renameat2` from glibc 2.28), looked up once at run time; nil where the C library lacks them.
enum CLibrary {
    typealias ListXattr = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias GetXattr = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias FSetXattr = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: type) }
    }

    static let listxattr = symbol("listxattr", as: ListXattr.self)
    static let getxattr = symbol("getxattr", as: GetXattr.self)
    static let fsetxattr = symbol("fsetxattr", as: FSetXattr.self)
    static let renameat2 = symbol("renameat2", as: Renameat2.self)
}
#endif
