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

/// An open file, pipe or terminal: whole reads and writes (one place for the partial-transfer
/// and `EINTR` loops), status, sync, close.
///
/// On Windows the raw value is a C runtime descriptor and I/O goes through its Win32 handle
/// (`ReadFile`, `WriteFile`), always binary. Tested on Linux only; the Darwin branch is the
/// same POSIX calls.
public struct FileDescriptor: Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let standardInput = FileDescriptor(rawValue: 0)
    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    /// Opens an existing file (links followed) to read; close-on-exec. `nonBlocking` makes the
    /// open itself not wait for a FIFO's writer, and the reads not wait either until
    /// `setBlocking()`. Windows has no FIFOs in its file system; the flag does nothing there.
    public static func openForReading(_ path: String, nonBlocking: Bool = false) throws(SystemError) -> FileDescriptor {
        #if os(Windows)
        let handle: HANDLE = CreateFileW(widePath(path), DWORD(GENERIC_READ), DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE),
                                         nil, DWORD(OPEN_EXISTING), DWORD(FILE_FLAG_BACKUP_SEMANTICS), nil)
        guard handle != INVALID_HANDLE_VALUE else { throw SystemError.last(.open, path: path) }
        let fd = _open_osfhandle(Int(bitPattern: handle), _O_RDONLY)
        guard fd >= 0 else {
            CloseHandle(handle)
            throw SystemError(.open, path: path, code: Int32(ERROR_TOO_MANY_OPEN_FILES))
        }
        return FileDescriptor(rawValue: fd)
        #else
        let fd = open(path, O_RDONLY | O_CLOEXEC | (nonBlocking ? O_NONBLOCK : 0))
        guard fd >= 0 else { throw SystemError.last(.open, path: path) }
        return FileDescriptor(rawValue: fd)
        #endif
    }

    /// A new pipe: what is written to `writeEnd` is read from `readEnd`. Both ends are
    /// inherited by children spawned later unless they are listed in `ChildProcess.spawn`'s
    /// `closing` (on Windows neither end is inheritable; `Process` passes what it is given).
    public static func makePipe() throws(SystemError) -> (readEnd: FileDescriptor, writeEnd: FileDescriptor) {
        #if os(Windows)
        var readHandle: HANDLE? = nil, writeHandle: HANDLE? = nil
        guard CreatePipe(&readHandle, &writeHandle, nil, 0), let readHandle, let writeHandle else { throw SystemError.last(.pipe) }
        let readEnd = _open_osfhandle(Int(bitPattern: readHandle), _O_RDONLY)
        let writeEnd = _open_osfhandle(Int(bitPattern: writeHandle), _O_WRONLY)
        guard readEnd >= 0, writeEnd >= 0 else {
            if readEnd >= 0 { _close(readEnd) } else { CloseHandle(readHandle) }
            if writeEnd >= 0 { _close(writeEnd) } else { CloseHandle(writeHandle) }
            throw SystemError(.pipe, code: Int32(ERROR_TOO_MANY_OPEN_FILES))
        }
        return (FileDescriptor(rawValue: readEnd), FileDescriptor(rawValue: writeEnd))
        #else
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SystemError.last(.pipe) }
        return (FileDescriptor(rawValue: ends[0]), FileDescriptor(rawValue: ends[1]))
        #endif
    }

    /// Reads what is there, at most `count` bytes and at most `buffer.count`, into the start of
    /// `buffer`; 0 at end of input. Interrupted reads are resumed. A descriptor without data
    /// that must not block throws `wouldBlock`.
    public func read(into buffer: inout [UInt8], upTo count: Int = .max) throws(SystemError) -> Int {
        let wanted = Swift.min(count, buffer.count)
        #if os(Windows)
        guard let handle = windowsHandle(rawValue) else { throw SystemError(.read, code: Int32(ERROR_INVALID_HANDLE)) }
        var done: DWORD = 0
        let read = buffer.withUnsafeMutableBytes { ReadFile(handle, $0.baseAddress, DWORD(wanted), &done, nil) }
        if read { return Int(done) }
        let error = GetLastError()
        if error == DWORD(ERROR_BROKEN_PIPE) { return 0 }  // the writer closed its end: end of input
        throw SystemError(.read, code: Int32(bitPattern: error))
        #else
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(rawValue, $0.baseAddress, wanted) }
            if n >= 0 { return n }
            let error = errno
            if error != EINTR { throw SystemError(.read, code: error) }
        }
        #endif
    }

    /// Everything up to end of input or `limit` bytes, whichever comes first, and the error
    /// that stopped a read before it (what was read is kept).
    ///
    /// `sizeHint` (a regular file's size) sizes the first read one byte larger, so a small file
    /// costs no 64 KB buffer to clear; the buffer grows to 64 KB if more comes.
    public func readAll(limit: Int = .max, sizeHint: Int? = nil) -> (bytes: [UInt8], error: SystemError?) {
        var bytes: [UInt8] = []
        let full = 65536
        var chunk = [UInt8](repeating: 0, count: sizeHint.map { Swift.min(full, Swift.max(0, $0) + 1) } ?? full)
        while bytes.count < limit {
            let n: Int
            do { n = try read(into: &chunk, upTo: limit - bytes.count) } catch { return (bytes, error) }
            if n == 0 { return (bytes, nil) }
            bytes.append(contentsOf: chunk[0..<n])
            if n == chunk.count && chunk.count < full { chunk = [UInt8](repeating: 0, count: full) }
        }
        return (bytes, nil)
    }

    /// Writes all of `bytes`, resuming after partial writes and interruptions; throws when the
    /// descriptor refuses more (disk full, the reader gone: `brokenPipe`).
    public func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        #if os(Windows)
        guard let handle = windowsHandle(rawValue) else { throw SystemError(.write, code: Int32(ERROR_INVALID_HANDLE)) }
        while offset < bytes.count {
            var done: DWORD = 0
            let written = bytes[offset...].withUnsafeBufferPointer { WriteFile(handle, $0.baseAddress, DWORD($0.count), &done, nil) }
            guard written, done > 0 else { throw SystemError.last(.write) }
            offset += Int(done)
        }
        #else
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(rawValue, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw SystemError.last(.write) }
            offset += n
        }
        #endif
    }

    /// Flushes what was written to the disk (`fsync`; `FlushFileBuffers` on Windows).
    public func sync() throws(SystemError) {
        #if os(Windows)
        guard let handle = windowsHandle(rawValue), FlushFileBuffers(handle) else { throw SystemError.last(.sync) }
        #else
        guard fsync(rawValue) == 0 else { throw SystemError.last(.sync) }
        #endif
    }

    /// Closes the descriptor; a failure can mean that written data was lost (NFS, a full disk).
    public func close() throws(SystemError) {
        #if os(Windows)
        guard _close(rawValue) == 0 else { throw SystemError.last(.close) }
        #else
        guard systemClose(rawValue) == 0 else { throw SystemError.last(.close) }
        #endif
    }

    /// Makes reads wait for data again after `openForReading(_:nonBlocking: true)`.
    public func setBlocking() throws(SystemError) {
        #if !os(Windows)
        let flags = fcntl(rawValue, F_GETFL)
        guard flags >= 0, fcntl(rawValue, F_SETFL, flags & ~O_NONBLOCK) == 0 else { throw SystemError.last(.open) }
        #endif
    }

    /// The status of the open file (`fstat`).
    public func status() throws(SystemError) -> FileStatus {
        #if os(Windows)
        guard let handle = windowsHandle(rawValue) else { throw SystemError(.status, code: Int32(ERROR_INVALID_HANDLE)) }
        return try FileStatus(handle: handle, path: nil)
        #else
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw SystemError.last(.status) }
        return FileStatus(info)
        #endif
    }

    /// Whether the descriptor is a terminal (`isatty`; `_isatty` on Windows).
    public var isTerminal: Bool {
        #if os(Windows)
        _isatty(rawValue) != 0
        #else
        isatty(rawValue) == 1
        #endif
    }
}
