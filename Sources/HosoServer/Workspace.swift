import FoundationEssentials
import HosoRules
import HosoSemantics
import HosoText
import HosoWorkspace

/// Editor settings (`hoso.profile`, `hoso.language`, `hoso.rules`), overriding `hoso.json`.
struct Settings: Equatable {
    var profilePath: String?
    var language: Language?
    var rules: [String: String] = [:]
}

/// One dossier the server knows: open in the editor (with a version) or only on disk.
///
/// A class: the workspace hands files around on every keystroke, and copying one would copy
/// (retain and release) its whole model.
final class TrackedFile {
    let uri: String
    /// The path used in messages and for `hoso.json` discovery.
    let path: String
    var text: SourceText
    var problem: EncodingProblem?
    /// The editor's version when open; nil for files known from disk only.
    var version: Int?
    var setup: Setup
    var checked: Linter.Checked
    /// The cross-file findings `findings` was finished with: when a recheck of its group gives
    /// the same, the file need not be finished again.
    var crossFileFindings: [Finding] = []
    /// Findings after cross-file rules and suppression: what is published.
    var findings: [Finding] = []
    /// Bumped whenever `findings` change, for pull diagnostics' result ids.
    var generation = 0

    init(uri: String, path: String, text: SourceText, problem: EncodingProblem?, version: Int?, setup: Setup, checked: Linter.Checked) {
        self.uri = uri
        self.path = path
        self.text = text
        self.problem = problem
        self.version = version
        self.setup = setup
        self.checked = checked
    }
}

/// The dossiers of the workspace and their findings, kept current one edit at a time.
///
/// An edit re-checks one file, then re-runs only the cross-file rules over the cached results of
/// the files that share its setup (profile and config), and reports which files' findings changed.
struct DossierWorkspace {
    private(set) var files: [String: TrackedFile] = [:] {
        didSet { uriByPath = nil }
    }
    /// Path → URI of the known files, rebuilt on demand after the file set changes.
    private var uriByPath: [String: String]?
    var settings = Settings()
    private var resolver: SetupResolver
    private(set) var folders: [String] = []
    /// Problems with config or profile, to show the user once.
    private(set) var setupErrors: [String] = []

    init() {
        resolver = try! SetupResolver(configPath: nil, profilePath: nil)
    }

    /// Adds workspace folders and loads every `.hoso` below them.
    ///
    /// Each file is checked on its own first; the cross-file rules then run once per group, not
    /// once per file added (which made a large workspace quadratic).
    mutating func addFolders(_ paths: [String]) -> Set<String> {
        var added: Set<String> = []
        for folder in paths where !folders.contains(folder) {
            folders.append(folder)
            let found = (try? FileWalker.dossiers(at: folder) { resolver.isExcluded($0) }) ?? []
            for path in found where files[FileURI.uri(path)] == nil {
                guard let bytes = try? FileWalker.read(path) else { continue }
                let (text, problem) = SourceDecoder.decode(bytes)
                check(uri: FileURI.uri(path), path: path, text: text, problem: problem, version: nil)
                added.insert(FileURI.uri(path))
            }
        }
        return recompute(groups: Set(added.compactMap { files[$0]?.setup.key }), always: added)
    }

    mutating func removeFolders(_ paths: [String]) -> Set<String> {
        folders.removeAll { paths.contains($0) }
        var changed: Set<String> = []
        for (uri, file) in files where file.version == nil && paths.contains(where: { file.path.hasPrefix($0 + "/") }) {
            files[uri] = nil
            changed.insert(uri)
        }
        return changed.union(recomputeAll())
    }

    /// The setup (profile, overrides) for a path, with editor settings applied.
    mutating func setup(for path: String) -> Setup {
        do {
            var base = try resolver.setup(for: path)
            var overrides = base.severityOverrides
            for (code, value) in settings.rules {
                overrides[code] = value == "off" ? Severity?.none : Severity(rawValue: value) ?? overrides[code] ?? nil
            }
            var profile = base.profile
            var key = base.key
            if let override = settings.profilePath {
                profile = try resolver.loadProfile(override)
                key = "settings|" + override
            }
            base = Setup(key: key + "|" + settings.rules.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
                         profile: profile, severityOverrides: overrides)
            return base
        } catch let error as WorkspaceError {
            note(error.message)
        } catch {
            note("\(error)")
        }
        return Setup(key: "default", profile: .sonLa2022, severityOverrides: [:])
    }

    private mutating func note(_ message: String) {
        if !setupErrors.contains(message) { setupErrors.append(message) }
    }

    /// Takes the errors gathered since the last call.
    mutating func takeSetupErrors() -> [String] {
        defer { setupErrors = [] }
        return setupErrors
    }

    /// The language for messages.
    mutating func language(for path: String) -> Language {
        if let language = settings.language { return language }
        return ((try? resolver.config(for: path)) ?? nil)?.language ?? .vi
    }

    /// Replaces a file's text; returns the URIs whose findings changed.
    mutating func update(uri: String, path: String, text: SourceText, problem: EncodingProblem?, version: Int?) -> Set<String> {
        check(uri: uri, path: path, text: text, problem: problem, version: version)
        return recompute(group: files[uri]!.setup.key, always: [uri])
    }

    /// Replaces a file's text and checks it on its own; the cross-file rules are left to `recompute`.
    private mutating func check(uri: String, path: String, text: SourceText, problem: EncodingProblem?, version: Int?) {
        let setup = setup(for: path)
        let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
        let checked = linter.check(text: text, encodingProblem: problem)
        let file = files[uri] ?? TrackedFile(uri: uri, path: path, text: text, problem: problem, version: version, setup: setup, checked: checked)
        file.text = text
        file.problem = problem
        file.version = version
        file.setup = setup
        file.checked = checked
        if files[uri] == nil { files[uri] = file }
    }

    mutating func update(uri: String, path: String, bytes: [UInt8], version: Int?) -> Set<String> {
        let (text, problem) = SourceDecoder.decode(bytes)
        return update(uri: uri, path: path, text: text, problem: problem, version: version)
    }

    /// Forgets a file (deleted from disk, or closed and not in a workspace folder).
    mutating func remove(uri: String) -> Set<String> {
        guard let file = files.removeValue(forKey: uri) else { return [] }
        return recompute(group: file.setup.key, always: [])
    }

    /// Marks an open file closed: it stays known if it lies in a workspace folder.
    mutating func close(uri: String) -> Set<String> {
        guard let file = files[uri] else { return [] }
        if folders.contains(where: { file.path.hasPrefix($0 + "/") }), let bytes = try? FileWalker.read(file.path) {
            return update(uri: uri, path: file.path, bytes: bytes, version: nil)
        }
        return remove(uri: uri)
    }

    /// Re-resolves setups and re-checks every file (settings or `hoso.json` changed).
    mutating func reloadAll() -> Set<String> {
        resolver = try! SetupResolver(configPath: nil, profilePath: nil)
        let all = Set(files.keys)
        for (uri, file) in files { check(uri: uri, path: file.path, text: file.text, problem: file.problem, version: file.version) }
        return recompute(groups: Set(files.values.map(\.setup.key)), always: all)
    }

    mutating func recomputeAll() -> Set<String> {
        recompute(groups: Set(files.values.map(\.setup.key)), always: [])
    }

    private mutating func recompute(groups: Set<String>, always: Set<String>) -> Set<String> {
        var changed: Set<String> = []
        for key in groups { changed.formUnion(recompute(group: key, always: always)) }
        return changed
    }

    /// Re-runs cross-file rules for a group and finishes every member; returns the changed URIs
    /// (`always`: files whose own check just ran, finished and reported whatever happens).
    private mutating func recompute(group key: String, always: Set<String>) -> Set<String> {
        let members = files.values.filter { $0.setup.key == key }.sorted { $0.path < $1.path }
        guard let setup = members.first?.setup else { return always }
        let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
        let extra = linter.crossFileFindings(members.map { ($0.path, $0.checked) })
        var changed: Set<String> = []
        for (member, findings) in zip(members, extra) {
            // An unchanged file whose cross-file findings are the same keeps what it has.
            let fresh = always.contains(member.uri)
            guard fresh || findings != member.crossFileFindings else { continue }
            member.crossFileFindings = findings
            let result = linter.finish(member.checked, extra: findings)
            if result.findings != member.findings || fresh {
                member.findings = result.findings
                member.generation += 1
                changed.insert(member.uri)
            }
        }
        return changed
    }

    /// The text of a file known to the workspace, for related locations in other files.
    mutating func text(ofPath path: String) -> SourceText? {
        uri(ofPath: path).flatMap { files[$0]?.text }
    }

    /// The URI of a known file, by its path (an index, not a scan: related locations ask often).
    mutating func uri(ofPath path: String) -> String? {
        if uriByPath == nil {
            var index: [String: String] = [:]
            for (uri, file) in files where index[file.path] == nil { index[file.path] = uri }
            uriByPath = index
        }
        return uriByPath![path]
    }
}
