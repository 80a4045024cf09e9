#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HosoWorkspace

/// Runs a program and captures its standard output (for `git` in `--staged`), without Foundation's Process.
enum Subprocess {
    struct Result {
        let status: Int32
        let stdout: [UInt8]
    }

    /// Runs `arguments[0]` found on PATH; stderr is discarded. Nil when it cannot be started.
    static func run(_ arguments: [String]) -> Result? {
        var pipe: [Int32] = [0, 0]
        guard pipe.withUnsafeMutableBufferPointer({ Glibc.pipe($0.baseAddress!) }) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(pipe[1])
        guard spawned == 0 else { close(pipe[0]); return nil }
        let output = FileDescriptorIO.readAll(pipe[0]).bytes
        close(pipe[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitCode, stdout: output)
    }
}
