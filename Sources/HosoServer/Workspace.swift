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
    private(set) var files: [String: TrackedFile] = [:]
    var settings = Settings()
    private var resolver: SetupResolver
    private(set) var folders: [String] = []
    /// Problems with config or profile, to show the user once.
    private(set) var setupErrors: [String] = []

    init() {
        resolver = try! SetupResolver(configPath: nil, profilePath: nil)
    }

    /// Adds workspace folders and loads every `.hoso` below them.
    mutating func addFolders(_ paths: [String]) -> Set<String> {
        var changed: Set<String> = []
        for folder in paths where !folders.contains(folder) {
            folders.append(folder)
            let found = (try? FileWalker.dossiers(at: folder) { resolver.isExcluded($0) }) ?? []
            for path in found where files[FileURI.uri(path)] == nil {
                guard let bytes = try? FileWalker.read(path) else { continue }
                changed.formUnion(update(uri: FileURI.uri(path), path: path, bytes: bytes, version: nil))
            }
        }
        return changed
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
        let setup = setup(for: path)
        let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
        let checked = linter.check(text: text, encodingProblem: problem)
        let file = files[uri] ?? TrackedFile(uri: uri, path: path, text: text, problem: problem, version: version, setup: setup, checked: checked)
        file.text = text
        file.problem = problem
        file.version = version
        file.setup = setup
        file.checked = checked
        files[uri] = file
        return recompute(group: setup.key, always: uri)
    }

    mutating func update(uri: String, path: String, bytes: [UInt8], version: Int?) -> Set<String> {
        let (text, problem) = SourceDecoder.decode(bytes)
        return update(uri: uri, path: path, text: text, problem: problem, version: version)
    }

    /// Forgets a file (deleted from disk, or closed and not in a workspace folder).
    mutating func remove(uri: String) -> Set<String> {
        guard let file = files.removeValue(forKey: uri) else { return [] }
        return recompute(group: file.setup.key, always: nil)
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
        var changed: Set<String> = []
        for uri in Array(files.keys) {
            guard let file = files[uri] else { continue }
            changed.formUnion(update(uri: uri, path: file.path, text: file.text, problem: file.problem, version: file.version))
        }
        return changed
    }

    mutating func recomputeAll() -> Set<String> {
        var changed: Set<String> = []
        for key in Set(files.values.map(\.setup.key)) { changed.formUnion(recompute(group: key, always: nil)) }
        return changed
    }

    /// Re-runs cross-file rules for a group and finishes every member; returns the changed URIs.
    private mutating func recompute(group key: String, always: String?) -> Set<String> {
        let members = files.values.filter { $0.setup.key == key }.sorted { $0.path < $1.path }
        guard let setup = members.first?.setup else { return always.map { [$0] } ?? [] }
        let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
        let extra = linter.crossFileFindings(members.map { ($0.path, $0.checked) })
        var changed: Set<String> = []
        for (member, findings) in zip(members, extra) {
            // An unchanged file whose cross-file findings are the same keeps what it has.
            guard member.uri == always || findings != member.crossFileFindings else { continue }
            member.crossFileFindings = findings
            let result = linter.finish(member.checked, extra: findings)
            if result.findings != member.findings || member.uri == always {
                member.findings = result.findings
                member.generation += 1
                changed.insert(member.uri)
            }
        }
        return changed
    }

    /// The text of a file known to the workspace, for related locations in other files.
    func text(ofPath path: String) -> SourceText? {
        files.values.first { $0.path == path }?.text
    }
}
