import FoundationEssentials

/// Finds dossiers under paths and reads their bytes.
public enum FileWalker {
    public struct Failure: Error { public let message: String }

    /// The path itself if it is a file; every `*.hoso` below it (sorted, hidden folders skipped) if a folder.
    public static func dossiers(at path: String, excluded: (String) -> Bool) throws -> [String] {
        var isDirectory: Bool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "không tìm thấy \"\(path)\"; kiểm tra lại đường dẫn / \"\(path)\" does not exist")
        }
        guard isDirectory else { return [path] }
        var result: [String] = []
        var visited: Set<String> = []
        walk(path, into: &result, visited: &visited)
        return result.filter { !excluded($0) }
    }

    private static func walk(_ folder: String, into result: inout [String], visited: inout Set<String>) {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) ?? folder
        let key = URL(fileURLWithPath: real).standardizedFileURL.path
        guard visited.insert(key).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: Bool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory {
                walk(child, into: &result, visited: &visited)
            } else if name.hasSuffix(".hoso") {
                result.append(child)
            }
        }
    }

    /// The bytes of a file, or a failure naming it.
    public static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "không đọc được \"\(path)\" (kiểm tra quyền đọc) / cannot read \"\(path)\"")
        }
        return [UInt8](data)
    }
}
