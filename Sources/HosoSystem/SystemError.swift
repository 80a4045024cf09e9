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

/// An operating-system call that failed: what was attempted, on which path, and the system's
/// own error code. Callers decide what to tell the user; this layer never crashes on one.
public struct SystemError: Error, Sendable {
    /// What was being done.
    public enum Operation: Sendable {
        case open, read, write, sync, close, status, list, canonicalize
        case createTemporary, changeOwner, changePermissions, copyAttributes
        case rename, exchange, remove, pipe, spawn
    }

    /// The causes callers tell apart; everything else is `other`.
    public enum Kind: Sendable {
        case notFound, linkLoop, permissionDenied, wouldBlock, brokenPipe, unsupported, other
    }

    public let operation: Operation
    /// The path the call was given, when it was given one.
    public let path: String?
    /// `errno` on Linux and macOS; the Win32 error code (`GetLastError`) on Windows.
    public let code: Int32

    public init(_ operation: Operation, path: String? = nil, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The error the last failed call left (`errno`, or `GetLastError` on Windows).
    static func last(_ operation: Operation, path: String? = nil) -> SystemError {
        SystemError(operation, path: path, code: lastErrorCode())
    }

    /// What `code` means, as far as callers care (the Windows mapping is untested).
    public var kind: Kind {
        #if os(Windows)
        switch DWORD(bitPattern: code) {
        case DWORD(ERROR_FILE_NOT_FOUND), DWORD(ERROR_PATH_NOT_FOUND), DWORD(ERROR_INVALID_NAME): return .notFound
        case DWORD(ERROR_CANT_RESOLVE_FILENAME): return .linkLoop
        case DWORD(ERROR_ACCESS_DENIED), DWORD(ERROR_SHARING_VIOLATION): return .permissionDenied
        case DWORD(ERROR_BROKEN_PIPE), DWORD(ERROR_NO_DATA): return .brokenPipe
        case DWORD(ERROR_NOT_SUPPORTED), DWORD(ERROR_CALL_NOT_IMPLEMENTED): return .unsupported
        default: return .other
        }
        #else
        switch code {
        case ENOENT: return .notFound
        case ELOOP: return .linkLoop
        case EACCES: return .permissionDenied
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        case EPIPE: return .brokenPipe
        case ENOSYS, ENOTSUP, EOPNOTSUPP: return .unsupported
        default: return .other
        }
        #endif
    }

    /// The system's own wording of `code` (`strerror`; "Windows error N" on Windows).
    public var reason: String {
        #if os(Windows)
        "Windows error \(code)"
        #else
        String(cString: strerror(code))
        #endif
    }
}
