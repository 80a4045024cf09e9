// Which C library each platform has, and what every file of this module imports (the Windows
// branches of ChildProcess and CurrentProcess take Foundation too). No other module of hoso
// imports a C library at all.
//
// Linux: Glibc (built and tested), or Musl (for a static build; untested). macOS: Darwin
// (untested). Windows: ucrt and WinSDK, with Foundation for `Process` (untested).
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

// Members of this module named like C functions (`FileDescriptor.read`, `FileSystem.rename`,
// `CurrentProcess.exit`) hide those functions inside their types; these file-scope forwarders
// reach the C ones.

#if !os(Windows)
@inline(__always) func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

@inline(__always) func systemClose(_ fd: Int32) -> Int32 { close(fd) }

@inline(__always) func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

@inline(__always) func systemExit(_ status: Int32) -> Never { exit(status) }

/// The C library's `errno` now.
@inline(__always) func lastErrorCode() -> Int32 { errno }
#else
@inline(__always) func systemExit(_ status: Int32) -> Never { exit(status) }

/// The calling thread's last Win32 error code.
@inline(__always) func lastErrorCode() -> Int32 { Int32(bitPattern: GetLastError()) }

/// `path` as a NUL-terminated UTF-16 string, the form every `…W` call takes (an array passes
/// as the pointer). Forward slashes become backslashes: links made with `/` do not resolve.
func widePath(_ path: String) -> [WCHAR] {
    Array(String(path.map { $0 == "/" ? "\\" : $0 }).utf16) + [0]
}

/// A C runtime descriptor's Win32 handle (nil for a descriptor that is not open).
func windowsHandle(_ fd: Int32) -> HANDLE? {
    let raw = _get_osfhandle(fd)
    return raw == -1 ? nil : HANDLE(bitPattern: raw)
}

/// Seconds and nanoseconds since 1970 of a Windows `FILETIME` (100 ns ticks since 1601).
func unixTime(_ time: FILETIME) -> (seconds: Int, nanoseconds: Int) {
    let ticks = Int64(UInt64(time.dwHighDateTime) << 32 | UInt64(time.dwLowDateTime)) - 116_444_736_000_000_000
    return (Int(ticks / 10_000_000), Int(ticks % 10_000_000) * 100)
}
#endif
