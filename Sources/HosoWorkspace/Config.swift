import FoundationEssentials
import HosoJSON
import HosoProtocol
import HosoText
import HosoRules
import HosoSemantics

/// A `hoso.json`: profile, language, per-rule severities, exclude globs (docs/cli.md, "The config file").
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
            value = try JSONParser.parse(data, options: .file)
        } catch let error as JSONParseError {
            let (line, column) = TextPoint.lineColumn(of: error.offset, in: data)
            throw WorkspaceError(vi: "\(file):\(line):\(column): không phải JSON hợp lệ: \(error.vi)",
                                 en: "\(file):\(line):\(column): not valid JSON: \(error.en)")
        }
        let map = JSONSourceMap(data)
        /// `FILE:LINE:COL: $.path: ` for a path of the config, at its key or at its value.
        func place(_ path: String, atKey: Bool = false) -> String {
            guard let (line, column) = map.point(of: path, atKey: atKey) else { return "\(file): \(path): " }
            return "\(file):\(line):\(column): \(path): "
        }
        let directory = file.deletingLastPathComponent
        var config = Config(file: file, directory: directory)
        var warnings: [LocalizedText] = []
        do {
            try config.read(JSONCursor(value).object()) { path, vi, en in
                let at = place(path, atKey: true)
                warnings.append(LocalizedText(viText: at + vi, enText: at + en))
            }
        } catch let error as JSONSchemaError {
            let at = place(error.path, atKey: error.atKey)
            throw WorkspaceError(vi: at + error.vi, en: at + error.en)
        }
        config.warnings = warnings
        return config
    }

    /// Takes the settings of a config's top-level object; `warn` gets each ignored key's path.
    private mutating func read(_ object: JSONObjectCursor, warn: (_ path: String, _ vi: String, _ en: String) -> Void) throws {
        for (key, member) in object.entries {
            switch key {
            case "profile":
                if member.value.isNull { continue }  // the built-in profile, as `hoso init` writes it
                guard case .string(let path) = member.value, !path.isEmpty else {
                    throw member.mismatch(("đường dẫn tới tệp profile (chuỗi), hoặc null cho profile có sẵn",
                                           "a path to a profile (a string), or null for the built-in profile"))
                }
                profilePath = path.hasPrefix("/") ? path : directory + "/" + path
            case "language":
                guard case .string(let code) = member.value, let language = Language(rawValue: code.lowercased()) else {
                    throw member.mismatch(("\"vi\" hoặc \"en\"", "\"vi\" or \"en\""))
                }
                self.language = language
            case "rules":
                for (code, setting) in try member.object().entries {
                    let name = (try? setting.string())?.lowercased()
                    guard let name, name == "off" || Severity(rawValue: name) != nil else {
                        throw setting.mismatch(("error, warning, info, hint hoặc off", "error, warning, info, hint or off"))
                    }
                    // Codes are read in any case, as `hoso explain` reads them: `hs204` is HS204.
                    guard let rule = RuleRegistry.rule(code: code.uppercased()) else {
                        let nearest = NearestNames.typo(code.uppercased(), among: RuleRegistry.all.map { $0.code })
                        warn(setting.path, "không có quy tắc \"\(code)\", bỏ qua" + (nearest.map { " (có phải \($0)?)" } ?? ""),
                             "no rule \"\(code)\", ignored" + (nearest.map { " (did you mean \($0)?)" } ?? ""))
                        continue
                    }
                    if rule.severityIsFixed && name != rule.defaultSeverity.rawValue {
                        warn(setting.path, "\(rule.code) luôn ở mức \(rule.defaultSeverity.rawValue): tệp không đọc được thì không kiểm tra được gì khác, nên không tắt hay hạ mức được; bỏ qua",
                             "\(rule.code) is always \(rule.defaultSeverity.rawValue): nothing else can be checked in a file it fires on, so it cannot be turned off or down; ignored")
                        continue
                    }
                    severityOverrides[rule.code] = name == "off" ? Severity?.none : Severity(rawValue: name)
                }
            case "exclude":
                exclude = try member.array().map { item in
                    let glob = try item.string()
                    guard !glob.isEmpty else { throw item.error(vi: "mẫu đường dẫn rỗng", en: "an empty glob") }
                    return glob
                }
            default:
                let nearest = NearestNames.typo(key, among: ["profile", "language", "rules", "exclude"])
                warn(member.path, "khoá không được hỗ trợ, bỏ qua" + (nearest.map { " (có phải \"\($0)\"?)" } ?? ""),
                     "unknown key, ignored" + (nearest.map { " (did you mean \"\($0)\"?)" } ?? ""))
            }
        }
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
    /// `path` from the root, against the current folder if relative, without `.`, `..` and
    /// doubled slashes (`..` above the root stays at the root).
    public static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return asciiNormalized(joined) ?? normalized(joined)
    }

    /// `absolute` of a path from the root, by Characters.
    static func normalized(_ joined: String) -> String {
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// What `absolute` makes of an ASCII path, on its bytes (a twentieth of the instructions of
    /// splitting into Characters); nil for any other path. In ASCII a Character is one byte (or
    /// CR LF) and `/` never joins another, so the two agree.
    static func asciiNormalized(_ joined: String) -> String? {
        var joined = joined
        return joined.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1)
            var partStarts: [Int] = []  // where each part kept starts in `out`: at its `/`
            var i = 0
            while i < bytes.count {
                while i < bytes.count && bytes[i] == 0x2F { i += 1 }
                let start = i
                while i < bytes.count && bytes[i] != 0x2F { i += 1 }
                let length = i - start
                if length == 0 || (length == 1 && bytes[start] == 0x2E) { continue }
                if length == 2 && bytes[start] == 0x2E && bytes[start + 1] == 0x2E {
                    if let last = partStarts.popLast() { out.removeSubrange(last...) }
                    continue
                }
                partStarts.append(out.count)
                out.append(0x2F)
                out.append(contentsOf: bytes[start..<i])
            }
            return out.isEmpty ? "/" : String(decoding: out, as: UTF8.self)
        }
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
    public init(vi: String, en: String) { message = LocalizedText(viText: vi, enText: en) }
}
