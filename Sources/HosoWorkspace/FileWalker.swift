#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// Finds dossiers under paths and reads their bytes, safely: symlink loops, unreadable folders,
/// binary and oversized files are handled, never followed forever or read whole.
public enum FileWalker {
    public struct Failure: Error { public let message: String }

    /// Files larger than this are not read (a dossier is a few hundred kilobytes).
    public static let maxFileBytes = 64 * 1024 * 1024

    /// The path itself if it is a file; every `*.hoso` below it (sorted, hidden folders skipped) if a folder.
    /// Folders that cannot be listed are reported through `skipped` and passed over.
    public static func dossiers(at path: String, excluded: (String) -> Bool, skipped: (String) -> Void = { _ in }) throws -> [String] {
        var isDirectory: Bool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "không tìm thấy \"\(path)\"; kiểm tra lại đường dẫn / \"\(path)\" does not exist")
        }
        guard isDirectory else { return [path] }
        var result: [String] = []
        var visited: Set<String> = []
        walk(path, into: &result, visited: &visited, skipped: skipped)
        return result.filter { !excluded($0) }
    }

    /// The canonical path (symlinks resolved), so a folder reached twice is walked once.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func walk(_ folder: String, into result: inout [String], visited: inout Set<String>, skipped: (String) -> Void) {
        guard visited.insert(canonical(folder)).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            skipped("bỏ qua thư mục không đọc được \"\(folder)\" / skipped the unreadable folder \"\(folder)\"")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: Bool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory {
                walk(child, into: &result, visited: &visited, skipped: skipped)
            } else if name.hasSuffix(".hoso") {
                result.append(child)
            }
        }
    }

    /// The bytes of a file, or a failure naming it (unreadable, or larger than `maxFileBytes`).
    public static func read(_ path: String) throws -> [UInt8] {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maxFileBytes {
            let size = Int(info.st_size)
            throw Failure(message: "\"\(path)\" quá lớn (\(size / 1_048_576) MB, tối đa \(maxFileBytes / 1_048_576) MB), không kiểm tra / \"\(path)\" is too large to check (\(size / 1_048_576) MB > \(maxFileBytes / 1_048_576) MB)")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        let (bytes, failed) = fd < 0 ? ([], true) : FileDescriptorIO.readAll(fd)
        if fd >= 0 { close(fd) }
        guard !failed else {
            throw Failure(message: "không đọc được \"\(path)\" (kiểm tra quyền đọc) / cannot read \"\(path)\"")
        }
        return bytes
    }

    /// Whether bytes look like a binary file rather than text: a NUL byte near the start
    /// (UTF-16 text, which has them, is recognized by its BOM).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) { return false }
        return bytes.prefix(8192).contains(0)
    }
}
