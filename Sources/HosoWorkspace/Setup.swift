import FoundationEssentials
import HosoRules
import HosoSemantics

/// What a file is checked with: its profile and severity overrides, and where they came from.
public struct Setup: Sendable {
    /// Files with the same key are checked with the same severities; quotas count across every
    /// file of the same profile id.
    public let key: String
    public let profile: Profile
    public let severityOverrides: [String: Severity?]
    /// The config file it comes from, if any.
    public let configFile: String?

    public init(key: String, profile: Profile, severityOverrides: [String: Severity?], configFile: String? = nil) {
        self.key = key
        self.profile = profile
        self.severityOverrides = severityOverrides
        self.configFile = configFile
    }
}

/// Finds the `hoso.json` and profile that apply to each file, caching by folder and path.
///
/// `--config` and `--profile` override discovery; warnings (unknown keys) are collected once.
public struct SetupResolver {
    let explicitConfig: Config?
    let explicitProfilePath: String?
    private var configByFolder: [String: Config?] = [:]
    /// `configByFolder` by a file's folder as its path spells it (`corpus`, `/a/b/../c`): the
    /// files of one folder skip making the absolute path again.
    private var configBySpelledFolder: [String: Config?] = [:]
    private var profileByPath: [String: Profile] = [:]
    public private(set) var warnings: [LocalizedText] = []
    private var warned: Set<String> = []
    /// The configs and profiles read, and the places a `hoso.json` was looked for and not found,
    /// since `takeConsulted` was last called: each with its stamp taken before it was read (nil
    /// when absent), so a watcher that stats them later sees any change made after the read.
    private var consulted: [(path: String, stamp: FileWalker.Stamp?)] = []
    /// Whether `consulted` is kept (only a watcher takes it).
    public var recordsConsulted = false

    public init(configPath: String?, profilePath: String?) throws {
        explicitConfig = try configPath.map(Config.load)
        explicitProfilePath = profilePath
        if let config = explicitConfig { note(config) }
    }

    /// The nearest `hoso.json` above a file (or the explicit one).
    public mutating func config(for file: String) throws -> Config? {
        if let explicitConfig { return explicitConfig }
        // The folder as spelled: what precedes the last `/` (on bytes: `/` is ASCII), when the
        // last component is a name (not empty, `.` or `..`, whose folder is elsewhere).
        let slash = file.utf8.lastIndex(of: 0x2F)
        let name = file.utf8[(slash.map { file.utf8.index(after: $0) } ?? file.utf8.startIndex)...]
        let spelledFolder = name.isEmpty || name.elementsEqual(".".utf8) || name.elementsEqual("..".utf8)
            ? nil : slash.map { String(file[..<$0]) + "/" } ?? ""
        if let spelledFolder, let cached = configBySpelledFolder[spelledFolder] {
            if let cached { note(cached) }
            return cached
        }
        var folder = PathTools.absolute(file).deletingLastPathComponent
        var visited: [String] = []
        var found: Config?
        while true {
            if let cached = configByFolder[folder] { found = cached; break }
            visited.append(folder)
            let candidate = folder == "/" ? "/hoso.json" : folder + "/hoso.json"
            let stamp = FileWalker.stamp(ofPath: candidate)
            if recordsConsulted { consulted.append((candidate, stamp)) }
            if stamp != nil {
                found = try Config.load(candidate)
                break
            }
            if folder == "/" { break }
            folder = folder.deletingLastPathComponent
        }
        for path in visited { configByFolder[path] = found }
        if let spelledFolder { configBySpelledFolder[spelledFolder] = found }
        if let found { note(found) }
        return found
    }

    /// Whether the nearest `hoso.json` excludes `file` (an unreadable config excludes nothing).
    public mutating func isExcluded(_ file: String) -> Bool {
        (try? config(for: file))??.excludes(file) ?? false
    }

    /// The profile and overrides for a file.
    public mutating func setup(for file: String) throws -> Setup {
        let config = try config(for: file)
        let profilePath = explicitProfilePath ?? config?.profilePath
        let profile = try profilePath.map { try loadProfile($0) } ?? .sonLa2022
        return Setup(key: (config?.file ?? "") + "|" + (profilePath ?? ""), profile: profile,
                     severityOverrides: config?.severityOverrides ?? [:], configFile: config?.file)
    }

    public mutating func loadProfile(_ path: String) throws -> Profile {
        let absolute = PathTools.absolute(path)
        if let cached = profileByPath[absolute] { return cached }
        if recordsConsulted { consulted.append((absolute, FileWalker.stamp(ofPath: absolute))) }
        let data: [UInt8]
        do { data = try FileWalker.read(path) } catch let failure as FileWalker.Failure {
            throw WorkspaceError(vi: "không đọc được tệp profile: \(failure.vi)", en: "cannot read the profile: \(failure.en)")
        }
        do {
            var problems: [ProfileError] = []
            let profile = try Profile.load(json: data, file: path, warnings: &problems)
            profileByPath[absolute] = profile
            warnings += problems.map { LocalizedText(viText: $0.text(vietnamese: true), enText: $0.text(vietnamese: false)) }
            return profile
        } catch let error as ProfileError {
            throw WorkspaceError(vi: "profile hỏng: \(error.text(vietnamese: true))", en: "broken profile: \(error.text(vietnamese: false))")
        }
    }

    /// The files consulted since the last call (see `consulted`), and forgets them.
    public mutating func takeConsulted() -> [(path: String, stamp: FileWalker.Stamp?)] {
        defer { consulted = [] }
        return consulted
    }

    private mutating func note(_ config: Config) {
        guard warned.insert(config.file).inserted else { return }
        warnings += config.warnings
    }
}
