#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif os(Windows)
import Foundation
import WinSDK
#endif

/// This process: its id, its executable, programs on its `PATH`, signals, exit. The Darwin and
/// Windows branches are untested.
public enum CurrentProcess {
    /// The process id (`getpid`; `GetCurrentProcessId` on Windows).
    public static var id: Int32 {
        #if os(Windows)
        Int32(bitPattern: GetCurrentProcessId())
        #else
        getpid()
        #endif
    }

    /// Ends the process with `status`, flushing C streams (`exit`).
    public static func exit(_ status: Int32) -> Never {
        systemExit(status)
    }

    /// Makes a write to a pipe whose reader is gone fail with `brokenPipe` instead of killing
    /// the process (`SIGPIPE` ignored). Windows has no such signal: nothing to do there.
    public static func ignoreBrokenPipe() {
        #if !os(Windows)
        signal(SIGPIPE, SIG_IGN)
        #endif
    }

    /// The running executable's path, or nil when the system does not say: `/proc/self/exe` on
    /// Linux, `_NSGetExecutablePath` on macOS and `GetModuleFileNameW` on Windows (both untested).
    public static func executablePath() -> String? {
        #if os(Windows)
        var buffer = [WCHAR](repeating: 0, count: 32768)
        let length = GetModuleFileNameW(nil, &buffer, DWORD(buffer.count))
        guard length > 0, Int(length) < buffer.count else { return nil }
        return String(String(decoding: buffer[0..<Int(length)], as: UTF16.self).map { $0 == "\\" ? "/" : $0 })
        #elseif canImport(Darwin)
        var size: UInt32 = 4096
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #endif
    }

    /// The value of the environment variable `name`, if it is set (`getenv`; Foundation's
    /// `ProcessInfo` on Windows). Asking for the few names wanted costs a few hundred
    /// instructions, not the half million of copying the whole environment through `ProcessInfo`.
    public static func environmentValue(_ name: String) -> String? {
        #if os(Windows)
        return ProcessInfo.processInfo.environment[name]
        #else
        return getenv(name).map { String(cString: $0) }
        #endif
    }

    /// The full path of the program `name` runs: `name` itself when it holds a `/`, else the
    /// first executable `name` in a folder of `PATH` (on Windows also `name.exe`, `;`-separated).
    public static func executable(named name: String) -> String? {
        #if os(Windows)
        let separator: Character = ";", suffixes = ["", ".exe"]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #else
        let separator: Character = ":", suffixes = [""]
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        #endif
        if name.contains("/") { return FileSystem.isExecutable(name) ? name : nil }
        for folder in path.split(separator: separator) {
            for suffix in suffixes where FileSystem.isExecutable("\(folder)/\(name)\(suffix)") {
                return "\(folder)/\(name)\(suffix)"
            }
        }
        return nil
    }
}
