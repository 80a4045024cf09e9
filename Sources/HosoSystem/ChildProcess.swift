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

/// A program started by this one (`posix_spawn`; Foundation's `Process` on Windows, untested),
/// with its standard streams inherited, on the null device, or on descriptors given (pipe ends).
public struct ChildProcess {
    /// Where one of the child's standard streams goes.
    public enum Stream {
        /// The same as this process's.
        case inherit
        /// The null device.
        case null
        /// This descriptor (duplicated onto the stream in the child).
        case descriptor(FileDescriptor)
    }

    #if os(Windows)
    private let process: Process
    /// The child's process id.
    public var id: Int32 { process.processIdentifier }
    #else
    /// The child's process id.
    public let id: Int32
    #endif

    /// Starts `arguments[0]` with the rest as its arguments and this process's environment.
    /// `searchingPath` looks a bare name up on `PATH` (`posix_spawnp`); otherwise it is a path.
    /// `closing` are descriptors the child must not keep (the other ends of its pipes).
    public static func spawn(_ arguments: [String], searchingPath: Bool = false, standardInput: Stream = .inherit,
                             standardOutput: Stream = .inherit, standardError: Stream = .inherit,
                             closing: [FileDescriptor] = []) throws(SystemError) -> ChildProcess {
        #if os(Windows)
        // Windows does not hand a child other descriptors unless asked: `closing` has nothing to do.
        let executable: String? = searchingPath ? CurrentProcess.executable(named: arguments[0]) : arguments[0]
        guard let executable else { throw SystemError(.spawn, path: arguments[0], code: Int32(ERROR_FILE_NOT_FOUND)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        func handle(_ stream: Stream) -> FileHandle? {
            switch stream {
            case .inherit: return nil
            case .null: return FileHandle.nullDevice
            case .descriptor(let fd): return FileHandle(fileDescriptor: fd.rawValue, closeOnDealloc: false)
            }
        }
        if let input = handle(standardInput) { process.standardInput = input }
        if let output = handle(standardOutput) { process.standardOutput = output }
        if let error = handle(standardError) { process.standardError = error }
        do { try process.run() } catch { throw SystemError.last(.spawn, path: executable) }
        return ChildProcess(process: process)
        #else
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in [(Int32(0), standardInput), (1, standardOutput), (2, standardError)] {
            switch stream {
            case .inherit: break
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd.rawValue, target)
            }
        }
        for fd in closing { posix_spawn_file_actions_addclose(&actions, fd.rawValue) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        #if canImport(Darwin)
        let environment = _NSGetEnviron().pointee  // Untested: macOS has no `environ` in Swift.
        #else
        let environment = environ
        #endif
        var pid: pid_t = 0
        let result = searchingPath ? posix_spawnp(&pid, arguments[0], &actions, nil, argv, environment)
                                   : posix_spawn(&pid, arguments[0], &actions, nil, argv, environment)
        guard result == 0 else { throw SystemError(.spawn, path: arguments[0], code: result) }
        return ChildProcess(id: pid)
        #endif
    }

    /// Waits for the child to end and reaps it: its exit code, or 128 + the signal that ended it.
    public func wait() -> Int32 {
        #if os(Windows)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        #else
        var status: Int32 = 0
        while waitpid(id, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        #endif
    }
}
