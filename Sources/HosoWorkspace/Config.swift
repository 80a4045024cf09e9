import FoundationEssentials
import HosoProtocol
import HosoRules
import HosoSemantics

/// A `hoso.json`: profile, language, per-rule severities, exclude globs (RULES.md "Config file").
public struct Config: Sendable {
    /// The config file's path.
    public let file: String
    /// The folder holding it: relative paths in it are relative to this folder.
    public let directory: String
    public var profilePath: String?
    public var language: Language?
    public var severityOverrides: [String: Severity?] = [:]
    public var exclude: [String] = []
    /// Unknown keys and codes: reported on stderr, never fatal.
    public var warnings: [LocalizedText] = []

    /// Reads and checks a config file; a broken one is a `ConfigError` naming the file and key.
    public static func load(_ file: String) throws -> Config {
        let data: [UInt8]
        do { data = try FileWalker.read(file) } catch let failure as FileWalker.Failure {
            throw WorkspaceError(vi: "không đọc được tệp cấu hình: \(failure.vi)", en: "cannot read the config: \(failure.en)")
        }
        let value: JSON
        do {
            // Windows editors start JSON with a BOM; it is not part of the JSON.
            value = try JSONParser.parse(data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data)
        } catch {
            throw WorkspaceError(vi: "\(file): không phải JSON hợp lệ (\(error))", en: "\(file): not valid JSON (\(error))")
        }
        guard case .object(let members) = value else {
            throw WorkspaceError(vi: "\(file): $: cần một đối tượng JSON", en: "\(file): $: expected a JSON object")
        }
        let directory = file.deletingLastPathComponent
        var config = Config(file: file, directory: directory)
        func fail(_ key: String, _ vi: String, _ en: String) -> WorkspaceError {
            WorkspaceError(vi: "\(file): $.\(key): \(vi)", en: "\(file): $.\(key): \(en)")
        }
        for (key, member) in members {
            switch key {
            case "profile":
                if case .null = member { continue }  // the built-in profile, as `hoso init` writes it
                guard case .string(let path) = member else { throw fail(key, "cần đường dẫn tới tệp profile (chuỗi), hoặc null cho profile có sẵn", "expected a path string, or null for the built-in profile") }
                config.profilePath = path.hasPrefix("/") ? path : directory + "/" + path
            case "language":
                guard case .string(let code) = member, let language = Language(rawValue: code) else {
                    throw fail(key, "cần \"vi\" hoặc \"en\"", "expected \"vi\" or \"en\"")
                }
                config.language = language
            case "rules":
                guard case .object(let rules) = member else { throw fail(key, "cần một đối tượng mã → mức", "expected an object of code → severity") }
                for (code, setting) in rules {
                    guard case .string(let name) = setting, name == "off" || Severity(rawValue: name) != nil else {
                        throw fail("rules.\(code)", "cần error, warning, info, hint hoặc off", "expected error, warning, info, hint or off")
                    }
                    if RuleRegistry.rule(code: code) == nil {
                        config.warnings.append(LocalizedText(vi: "\(file): $.rules.\(code): không có quy tắc này, bỏ qua", en: "\(file): $.rules.\(code): no such rule, ignored"))
                        continue
                    }
                    config.severityOverrides[code] = name == "off" ? Severity?.none : Severity(rawValue: name)
                }
            case "exclude":
                guard case .array(let items) = member else { throw fail(key, "cần một mảng mẫu đường dẫn", "expected an array of globs") }
                config.exclude = try items.enumerated().map { index, item in
                    guard case .string(let glob) = item else { throw fail("exclude[\(index)]", "cần một chuỗi", "expected a string") }
                    return glob
                }
            default:
                config.warnings.append(LocalizedText(vi: "\(file): $.\(key): khoá không được hỗ trợ, bỏ qua", en: "\(file): $.\(key): unknown key, ignored"))
            }
        }
        return config
    }

    /// Whether a file (a path under `directory`) matches one of the exclude globs.
    public func excludes(_ path: String) -> Bool {
        let absolute = PathTools.absolute(path)
        let base = PathTools.absolute(directory)
        guard absolute.hasPrefix(base + "/") else { return false }
        let relative = String(absolute.dropFirst(base.count + 1))
        return exclude.contains { Glob.matches($0, relative) }
    }
}

/// Path helpers on plain strings.
public enum PathTools {
    public static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

extension String {
    /// The path without its last component (`.` for a bare name).
    public var deletingLastPathComponent: String {
        guard let slash = lastIndex(of: "/") else { return "." }
        return slash == startIndex ? "/" : String(self[..<slash])
    }
}

/// Shell-style globs for `exclude`: `*` and `?` within a path segment, `**` across segments.
/// A pattern without `/` matches the file name in any folder.
///
/// Matching is memoized on (pattern position, path position): at most pattern × path steps,
/// however many `*` the pattern has (plain backtracking is exponential in them).
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        if !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return run(Array(pattern), Array(name)) || path.split(separator: "/").dropLast().contains { run(Array(pattern), Array($0)) }
        }
        return run(Array(pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern), Array(path))
    }

    static func run(_ pattern: [Character], _ text: [Character]) -> Bool {
        var matcher = Matcher(pattern, text)
        return matcher.match(0, 0)
    }

    struct Matcher {
        let p: [Character], s: [Character]
        /// 0 unknown, 1 matches, 2 does not, per (i, j).
        var memo: [UInt8]

        init(_ p: [Character], _ s: [Character]) {
            self.p = p
            self.s = s
            memo = Array(repeating: 0, count: (p.count + 1) * (s.count + 1))
        }

        mutating func match(_ i: Int, _ j: Int) -> Bool {
            let slot = i * (s.count + 1) + j
            if memo[slot] != 0 { return memo[slot] == 1 }
            let result = compute(i, j)
            memo[slot] = result ? 1 : 2
            return result
        }

        mutating func compute(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            if p[i] == "*" {
                if i + 1 < p.count && p[i + 1] == "*" {
                    // `**` (and `**/`) spans any number of segments.
                    var next = i + 2
                    if next < p.count && p[next] == "/" { next += 1 }
                    for k in j...s.count where match(next, k) { return true }
                    return false
                }
                var k = j
                while true {
                    if match(i + 1, k) { return true }
                    if k == s.count || s[k] == "/" { return false }
                    k += 1
                }
            }
            guard j < s.count else { return false }
            if p[i] == "?" { return s[j] != "/" && match(i + 1, j + 1) }
            return p[i] == s[j] && match(i + 1, j + 1)
        }
    }
}

/// A problem with the files around the dossiers (config, profile, paths), with a message that
/// names the file and says what to do.
public struct WorkspaceError: Error, Equatable {
    public let message: LocalizedText
    public init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
}
