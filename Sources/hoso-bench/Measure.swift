#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// A number with `digits` decimals (no Foundation formatting).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard digits > 0 else { return String(scaled) }
    let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
    let text = String(fraction)
    return "\(whole).\(String(repeating: "0", count: digits - text.count))\(text)"
}

/// The monotonic clock in seconds.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func seconds(_ body: () -> Void) -> Double {
    let start = now()
    body()
    return now() - start
}

/// The median time of `runs` runs of `body`.
func median(_ runs: Int, _ body: () -> Void) -> Double {
    (0..<runs).map { _ in seconds(body) }.sorted()[runs / 2]
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// Writes bytes to a new file (the corpus on disk).
func write(_ bytes: [UInt8], to path: String) {
    guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

/// The full path of an executable on PATH, if there is one.
func which(_ name: String) -> String? {
    if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
    for folder in (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if access(path, X_OK) == 0 { return path }
    }
    return nil
}

/// Starts `arguments[0]` (a path) with the given stdin and stdout descriptors, /dev/null for a
/// nil one and always for stderr; `closing` are descriptors the child must not inherit.
func spawn(_ arguments: [String], stdin: Int32? = nil, stdout: Int32? = nil, closing: [Int32] = []) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdin { posix_spawn_file_actions_adddup2(&actions, stdin, 0) } else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
    if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) } else { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    for fd in closing { posix_spawn_file_actions_addclose(&actions, fd) }
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid: pid_t = 0
    return posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 ? pid : nil
}

/// Runs a program to its end with its standard streams on /dev/null; its exit status.
@discardableResult
func run(_ arguments: [String]) -> Int32 {
    guard let pid = spawn(arguments) else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
}

/// Resident memory of a process (VmRSS in /proc), in MB; 0 when unknown.
func residentMB(pid: pid_t) -> Double {
    guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(cString: line)
        if text.hasPrefix("VmRSS:") { return Double(text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) / 1024 }
    }
    return 0
}
