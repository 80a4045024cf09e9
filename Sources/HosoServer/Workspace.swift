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
    /// Which check `checked` came from (a workspace-wide count): a cross-file result computed
    /// off the queue applies only if every member is still at the check it was computed from.
    var checkNumber = 0
    /// Whether `findings` are out of date: the file was checked and not yet finished.
    var needsFinish = true
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

    /// The group whose cross-file rules the file takes part in: its profile id, the campaign
    /// (a quota counts every dossier of it, whatever config each folder has).
    var group: String { setup.profile.id }

    /// The linter of the file's own setup: its severities, for its findings and its share of the group's.
    var linter: Linter { Linter(profile: setup.profile, severityOverrides: setup.severityOverrides) }
}

/// The cross-file rules of one group (files sharing a profile id) and the finishing of its
/// members, over a snapshot: pure, so it can run off the server's queue, then be applied with
/// `DossierWorkspace.apply` if the group is still as it was.
///
/// As `Linter.lintPooled` does for the command line: the rules run once over the group at their
/// default severities, and each member takes its share at its own config's severities.
struct CrossFileJob: Sendable {
    struct Member: Sendable {
        let uri: String
        let path: String
        /// The member's own setup: the severities it reports the group's findings at.
        let linter: Linter
        let checked: Linter.Checked
        let checkNumber: Int
        let needsFinish: Bool
        let crossFileFindings: [Finding]
    }

    /// A member's cross-file findings, and its finished result when it needs finishing (it was
    /// checked since, or its cross-file findings changed).
    struct Outcome: Sendable {
        let crossFileFindings: [Finding]
        let finished: LintResult?
    }

    /// The group: the members' profile id.
    let key: String
    /// Runs the cross-file rules for the whole group: the first member's profile, default severities.
    let pool: Linter
    let members: [Member]

    func run() -> [Outcome] {
        let pooled = pool.crossFileFindings(members.map { ($0.path, $0.checked) })
        return zip(members, pooled).map { member, found in
            let findings = member.linter.adopting(found)
            let due = member.needsFinish || findings != member.crossFileFindings
            return Outcome(crossFileFindings: findings, finished: due ? member.linter.finish(member.checked, extra: findings) : nil)
        }
    }
}

/// The dossiers of the workspace and their findings, kept current one edit at a time.
///
/// An edit re-checks one file, then re-runs only the cross-file rules over the cached results of
/// the files in its group (the same profile id, whatever their config), and reports which files'
/// findings changed.
/// Loading folders and re-checking after a config change are pending work, done by `step` a
/// slice at a time so that the server answers requests in between.
struct DossierWorkspace {
    private(set) var files: [String: TrackedFile] = [:] {
        didSet {
            uriByPath = nil
            membersByGroup = [:]
        }
    }
    /// Each group's members by path, rebuilt on demand after a file is added, removed or moved
    /// to another group (not on an edit: a keystroke must not sort thousands of paths).
    private var membersByGroup: [String: [TrackedFile]] = [:]
    /// Path → URI of the known files, rebuilt on demand after the file set changes.
    private var uriByPath: [String: String]?
    var settings = Settings()
    private var resolver: SetupResolver
    private(set) var folders: [String] = []
    /// Problems with config or profile, to show the user once.
    private(set) var setupErrors: [String] = []
    /// Checks done so far (numbers each file's latest check).
    private var checkCount = 0

    /// Work still to do: folders to walk, files to read and check, known files to re-check.
    private var foldersToWalk: [String] = []
    private var pathsToLoad: [String] = []
    private var urisToRecheck: [String] = []
    /// Groups whose cross-file rules must run again (files loaded or re-checked by `step`, or
    /// edited in a group too large to re-check on the keystroke).
    private var groupsDirty: Set<String> = []
    /// Groups with a job running off the queue: a group gets one job at a time.
    private var groupsRunning: Set<String> = []
    /// Files done and known in all since the pending work was last empty (for progress).
    private(set) var progress = (done: 0, total: 0)
    /// What the server stats to notice changes on disk, when it watches files itself (the client
    /// cannot): the folders walked, the dossiers read, the configs and profiles consulted.
    private(set) var disk: DiskWatch?

    init() {
        resolver = try! SetupResolver(configPath: nil, profilePath: nil)
    }

    /// Keeps the stamps of what is read from now on, for `pollDisk`.
    mutating func watchDisk() {
        guard disk == nil else { return }
        disk = DiskWatch()
        resolver.recordsConsulted = true
    }

    /// Reads dossiers again from disk (created or changed there), in the background: `step`
    /// re-checks them, skipping those open in the editor, and forgets those it cannot read.
    mutating func reread(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        pathsToLoad.insert(contentsOf: paths.reversed(), at: 0)  // after the files already waiting
        progress.total += paths.count
    }

    /// The bytes of a dossier on disk, its stamp kept when the server watches files itself.
    mutating func readFromDisk(_ path: String) -> [UInt8]? {
        guard let contents = try? FileWalker.contents(path) else {
            disk?.forgetFile(path)
            return nil
        }
        disk?.noteFile(path, contents.stamp)
        return contents.bytes
    }

    /// Stats what the server watches itself (nil when it does not) and returns what changed on
    /// disk since it was read; the caller takes it in as it takes `workspace/didChangeWatchedFiles`.
    mutating func pollDisk() -> DiskWatch.Changes? {
        guard var watch = disk else { return nil }
        disk = nil  // out of `self` while the poll asks the resolver what a config excludes
        for (path, stamp) in resolver.takeConsulted() { watch.noteSetupFile(path, stamp) }
        let changes = watch.poll { resolver.isExcluded($0) }
        disk = watch
        return changes
    }

    /// Whether `step` has work to do.
    var isWorking: Bool { !foldersToWalk.isEmpty || !pathsToLoad.isEmpty || !urisToRecheck.isEmpty }

    /// Adds workspace folders; their dossiers are loaded by `step`.
    mutating func addFolders(_ paths: [String]) {
        for folder in paths where !folders.contains(folder) {
            folders.append(folder)
            foldersToWalk.append(folder)
        }
    }

    /// Re-resolves setups (settings or `hoso.json` changed); `step` re-checks every file, the
    /// open ones first.
    mutating func reloadAll() {
        // What the old resolver read stays watched (a change to it is a change all the same).
        for (path, stamp) in resolver.takeConsulted() { disk?.noteSetupFile(path, stamp) }
        resolver = try! SetupResolver(configPath: nil, profilePath: nil)
        resolver.recordsConsulted = disk != nil
        let queued = Set(urisToRecheck)
        let fresh = files.values.filter { !queued.contains($0.uri) }
            .sorted { ($0.version == nil ? 1 : 0, $0.path) < ($1.version == nil ? 1 : 0, $1.path) }.map(\.uri)
        urisToRecheck.insert(contentsOf: fresh.reversed(), at: 0)  // taken from the end: open files first
        progress.total += fresh.count
    }

    /// Does pending work until `deadline` (at least one item). Returns nil while work remains;
    /// once none is left, the cross-file jobs of the groups it touched, for the caller to run.
    ///
    /// An item is one folder walked, one file read and checked, or one file re-checked; the
    /// progress counts files.
    mutating func step(until deadline: ContinuousClock.Instant) -> [CrossFileJob]? {
        repeat {
            if let folder = foldersToWalk.popLast() {
                let found: [String]
                if var watch = disk {
                    disk = nil  // out of `self` while the walk asks the resolver
                    found = watch.walk(folder) { resolver.isExcluded($0) }
                    disk = watch
                } else {
                    found = (try? FileWalker.dossiers(at: folder) { resolver.isExcluded($0) }) ?? []
                }
                pathsToLoad.append(contentsOf: found.reversed())
                progress.total += found.count
            } else if let path = pathsToLoad.popLast() {
                progress.done += 1
                let uri = FileURI.uri(path)
                // The editor's text wins over the disk; a file known from disk is read again.
                guard files[uri]?.version == nil else { continue }
                if let bytes = readFromDisk(path) {
                    let (text, problem) = SourceDecoder.decode(bytes)
                    // Read again as it was (a watcher could not tell from its stamp): nothing to do.
                    if let known = files[uri], known.text.bytes == text.bytes, known.text.encoding == text.encoding,
                       known.problem == problem { continue }
                    check(uri: uri, path: path, text: text, problem: problem, version: nil)
                    groupsDirty.insert(files[uri]!.group)
                } else if let gone = files.removeValue(forKey: uri) {
                    groupsDirty.insert(gone.group)
                }
            } else if let uri = urisToRecheck.popLast() {
                progress.done += 1
                if let file = files[uri] {
                    check(uri: uri, path: file.path, text: file.text, problem: file.problem, version: file.version)
                    groupsDirty.insert(file.group)
                }
            } else {
                break
            }
        } while ContinuousClock.now < deadline
        guard !isWorking else { return nil }
        progress = (0, 0)
        let ready = groupsDirty.subtracting(groupsRunning)
        groupsDirty.subtract(ready)
        groupsRunning.formUnion(ready)
        return ready.sorted().compactMap { crossFileJob(group: $0) }
    }

    /// Whether some group waits for its cross-file rules (`step` hands out its job).
    var hasCrossFileWork: Bool { !groupsDirty.subtracting(groupsRunning).isEmpty }

    /// Notes that a job from `step` ended, applied or not: its group may get another.
    mutating func jobEnded(_ job: CrossFileJob) {
        groupsRunning.remove(job.key)
    }

    /// Groups with more members than this have their cross-file rules run in the background
    /// after an edit; smaller ones on the keystroke (about 10 ms at this size).
    static let keystrokeGroupLimit = 200

    /// A snapshot of a group for its cross-file rules; nil when the group has no member.
    mutating func crossFileJob(group key: String) -> CrossFileJob? {
        let members = members(of: key)
        guard let first = members.first else { return nil }
        return CrossFileJob(key: key, pool: Linter(profile: first.setup.profile),
                            members: members.map {
                                CrossFileJob.Member(uri: $0.uri, path: $0.path, linter: $0.linter, checked: $0.checked,
                                                    checkNumber: $0.checkNumber, needsFinish: $0.needsFinish,
                                                    crossFileFindings: $0.crossFileFindings)
                            })
    }

    /// The files of a group, by path.
    private mutating func members(of key: String) -> [TrackedFile] {
        if let cached = membersByGroup[key] { return cached }
        let members = files.values.filter { $0.group == key }.sorted { $0.path < $1.path }
        membersByGroup[key] = members
        return members
    }

    /// Takes a job's results into its group; returns the URIs whose findings changed, or nil when
    /// the group changed after the snapshot (a member re-checked, added or removed: that change
    /// ran the group's rules itself).
    mutating func apply(_ job: CrossFileJob, _ outcomes: [CrossFileJob.Outcome]) -> Set<String>? {
        var current: [TrackedFile] = []
        for member in job.members {
            guard let file = files[member.uri], file.checkNumber == member.checkNumber, file.group == job.key else { return nil }
            current.append(file)
        }
        guard members(of: job.key).count == current.count else { return nil }
        var changed: Set<String> = []
        for (file, outcome) in zip(current, outcomes) {
            guard let result = outcome.finished else { continue }  // finished, and its cross-file findings are the same
            let fresh = file.needsFinish
            file.crossFileFindings = outcome.crossFileFindings
            file.needsFinish = false
            if result.findings != file.findings || fresh {
                file.findings = result.findings
                file.generation += 1
                changed.insert(file.uri)
            }
        }
        return changed
    }

    mutating func removeFolders(_ paths: [String]) -> Set<String> {
        func inside(_ path: String) -> Bool { paths.contains { path.hasPrefix($0 + "/") } }
        folders.removeAll { paths.contains($0) }
        for path in paths { disk?.forget(folder: path) }
        foldersToWalk.removeAll { paths.contains($0) }
        pathsToLoad.removeAll(where: inside)
        var changed: Set<String> = []
        var groups: Set<String> = []
        for (uri, file) in files where file.version == nil && inside(file.path) {
            files[uri] = nil
            changed.insert(uri)
            groups.insert(file.group)
        }
        return changed.union(recomputeOrDefer(groups: groups))
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
            note(error.message.text(settings.language ?? .vi))
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
    ///
    /// `isEdit`: the text is an editor's change to the file's current text, so only what the
    /// change touched is checked again (`Linter.check(text:encodingProblem:previous:)`).
    mutating func update(uri: String, path: String, text: SourceText, problem: EncodingProblem?, version: Int?,
                         isEdit: Bool = false) -> Set<String> {
        let before = files[uri]?.group
        let previous = files[uri]?.crossFileFindings ?? []
        // What the cross-file rules read of the file before the edit, when its group is settled.
        let summaryBefore = isEdit ? files[uri].flatMap { $0.needsFinish ? nil : ($0.setup.key, CrossFileSummary($0.checked)) } : nil
        check(uri: uri, path: path, text: text, problem: problem, version: version, isEdit: isEdit)
        let file = files[uri]!
        var changed: Set<String> = []
        if let (key, summary) = summaryBefore, key == file.setup.key, CrossFileSummary(file.checked) == summary {
            // The edit left everything the cross-file rules read as it was: their findings stand,
            // in this file (its nominees' names did not move) and in every other.
        } else {
            changed = recomputeOrDefer(groups: Set([before, file.group].compactMap { $0 }))
        }
        if file.needsFinish {
            // A large group: the file is shown now with its last cross-file findings (those still
            // inside the text), and gets the new ones when its group's job lands.
            let kept = previous.filter { $0.range.upperBound <= text.bytes.count }
            file.crossFileFindings = kept
            file.needsFinish = false
            file.findings = file.linter.finish(file.checked, extra: kept).findings
            file.generation += 1
            changed.insert(uri)
        }
        return changed
    }

    /// Replaces a file's text and checks it on its own; the cross-file rules are left to `recompute`.
    private mutating func check(uri: String, path: String, text: SourceText, problem: EncodingProblem?, version: Int?,
                                isEdit: Bool = false) {
        let setup = setup(for: path)
        let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
        let previous = isEdit ? files[uri].flatMap { $0.setup.key == setup.key ? $0.checked : nil } : nil
        let checked = linter.check(text: text, encodingProblem: problem, previous: previous)
        let file = files[uri] ?? TrackedFile(uri: uri, path: path, text: text, problem: problem, version: version, setup: setup, checked: checked)
        file.text = text
        file.problem = problem
        file.version = version
        if file.group != setup.profile.id { membersByGroup = [:] }
        file.setup = setup
        file.checked = checked
        checkCount += 1
        file.checkNumber = checkCount
        file.needsFinish = true
        if files[uri] == nil { files[uri] = file }
    }

    mutating func update(uri: String, path: String, bytes: [UInt8], version: Int?) -> Set<String> {
        let (text, problem) = SourceDecoder.decode(bytes)
        return update(uri: uri, path: path, text: text, problem: problem, version: version)
    }

    /// Forgets files (deleted from disk, or closed and not in a workspace folder); their groups'
    /// cross-file rules run once for all.
    mutating func remove(uris: [String]) -> Set<String> {
        var groups: Set<String> = []
        for uri in uris {
            if let file = files.removeValue(forKey: uri) { groups.insert(file.group) }
        }
        return recomputeOrDefer(groups: groups)
    }

    /// Forgets a file (deleted from disk, or closed and not in a workspace folder).
    mutating func remove(uri: String) -> Set<String> {
        remove(uris: [uri])
    }

    /// Marks an open file closed: it stays known, with the text on disk, if it lies in a workspace folder.
    mutating func close(uri: String) -> Set<String> {
        guard let file = files[uri] else { return [] }
        if folders.contains(where: { file.path.hasPrefix($0 + "/") }), let bytes = readFromDisk(file.path) {
            return update(uri: uri, path: file.path, bytes: bytes, version: nil)
        }
        return remove(uri: uri)
    }

    /// Runs the cross-file rules of small groups now and finishes their members; marks larger
    /// ones for `step` (their members are finished when the job lands).
    private mutating func recomputeOrDefer(groups: Set<String>) -> Set<String> {
        var changed: Set<String> = []
        for key in groups.sorted() {
            if members(of: key).count > Self.keystrokeGroupLimit {
                groupsDirty.insert(key)
            } else if let job = crossFileJob(group: key) {
                changed.formUnion(apply(job, job.run()) ?? [])
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
