import Dispatch
import FoundationEssentials
import HosoSystem

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
    guard (try? Data(bytes).write(to: URL(fileURLWithPath: path))) != nil else { fatalError("cannot write \(path)") }
}

/// Makes a folder (nothing when it exists).
func makeFolder(_ path: String) {
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
}

/// Starts `arguments[0]` (a path) with the given stdin and stdout descriptors, /dev/null for a
/// nil one and always for stderr; `closing` are descriptors the child must not inherit.
func spawn(_ arguments: [String], stdin: FileDescriptor? = nil, stdout: FileDescriptor? = nil, closing: [FileDescriptor] = []) -> ChildProcess? {
    try? ChildProcess.spawn(arguments, standardInput: stdin.map { .descriptor($0) } ?? .null,
                            standardOutput: stdout.map { .descriptor($0) } ?? .null, standardError: .null, closing: closing)
}

/// Runs a program to its end with its standard streams on /dev/null; its exit status (-1 when
/// it could not be started).
@discardableResult
func run(_ arguments: [String]) -> Int32 {
    spawn(arguments)?.wait() ?? -1
}

/// Resident memory of a process (VmRSS in /proc), in MB; 0 when unknown.
func residentMB(pid: Int32) -> Double {
    guard let file = try? FileDescriptor.openForReading("/proc/\(pid)/status") else { return 0 }
    defer { try? file.close() }
    for line in String(decoding: file.readAll().bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Double(line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) / 1024
    }
    return 0
}
