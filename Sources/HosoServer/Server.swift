import HosoProtocol
import HosoRules
import HosoSemantics
import HosoText
import HosoWorkspace

/// Where the server's outgoing messages go (stdout in production, a buffer in tests), and who
/// runs its background work between messages.
public protocol MessageSink: AnyObject {
    func send(_ message: JSON)
    /// Runs `work` later, after the messages that have already arrived: the server's background
    /// steps (loading a workspace, re-checking after a config change) go through it.
    func schedule(_ work: @escaping () -> Void)
    /// Runs `work` away from the server (it touches no server state), then `then` with its result
    /// as `schedule` would: the cross-file rules of a large group run so, while requests are served.
    func offload<Result: Sendable>(_ work: @escaping @Sendable () -> Result, then: @escaping (Result) -> Void)
    /// Runs `work` as `schedule` would once `delay` has passed, unless the returned handle is
    /// cancelled first: the server's own watching of files polls so.
    func schedule(after delay: Duration, _ work: @escaping () -> Void) -> ScheduledWork
}

/// Work a `MessageSink` runs later unless it is cancelled first.
///
/// `@unchecked Sendable`: it is cancelled and checked only where the server runs (its queue).
public final class ScheduledWork: @unchecked Sendable {
    public private(set) var isCancelled = false

    public init() {}

    public func cancel() { isCancelled = true }
}

/// The hoso language server: LSP 3.17 handlers over a `DossierWorkspace`.
///
/// Not thread-safe: one caller feeds it messages in order (the stdio runner's processing queue,
/// or a test). It knows rules only through `Finding`s and the registry's titles.
public final class LanguageServer {
    enum Phase { case uninitialized, running, shutDown }

    let sink: MessageSink
    var phase = Phase.uninitialized
    var workspace = DossierWorkspace()
    var encoding = PositionEncoding.utf16
    /// Push diagnostics unless the client pulls them itself.
    var pushDiagnostics = true
    var canRegisterWatchers = false
    /// Whether the server notices changes on disk itself (the client cannot watch files).
    var watchesFilesItself = false
    /// The next poll of the files the server watches itself.
    var diskPoll: ScheduledWork?
    /// Whether the client takes `documentChanges` (versioned edits) in a workspace edit.
    var clientTakesDocumentChanges = false
    /// Each rule's page, for `codeDescription`.
    let ruleLinks: RuleLinks
    /// Whether the client shows `$/progress` for tokens the server creates.
    var clientShowsProgress = false
    /// Whether the client re-pulls diagnostics on `workspace/diagnostic/refresh`.
    var clientRefreshesDiagnostics = false
    /// Whether the client expands snippets in completion items (`completionItem.snippetSupport`).
    var clientTakesSnippets = false
    var nextRequestID = 1
    /// Whether a background step is scheduled.
    var stepScheduled = false
    /// Cross-file jobs of the background work that are running off the queue.
    var jobsRunning = 0
    /// Whether background work changed findings since a pulling client was last asked to refresh.
    var backgroundChanged = false
    /// The progress report of the background work: asked for (the create request's id and the
    /// token), shown (begun, with the last percentage sent), or none.
    var progress = BackgroundProgress.none
    /// Set once `exit` arrives: the process exit status.
    public private(set) var exitStatus: Int32?

    public init(sink: MessageSink, ruleLinks: RuleLinks = .beside) {
        self.sink = sink
        self.ruleLinks = ruleLinks
    }

    /// Handles one raw message body (JSON text); answers malformed input with the right error.
    public func handle(body: [UInt8]) {
        let json: JSON
        do {
            json = try JSONParser.parse(body)
        } catch {
            sink.send(Outgoing.error(id: nil, ResponseError(.parseError, "invalid JSON \(error)")))
            return
        }
        if case .array(let batch) = json {
            // JSON-RPC batches are not part of LSP; answer each element as an invalid request.
            if batch.isEmpty { sink.send(Outgoing.error(id: nil, ResponseError(.invalidRequest, "empty batch"))) }
            for item in batch { sink.send(Outgoing.error(id: item["id"].flatMap(RequestID.init), ResponseError(.invalidRequest, "batches are not supported"))) }
            return
        }
        switch Message.decode(json) {
        case .failure(let invalid):
            sink.send(Outgoing.error(id: invalid.id, ResponseError(.invalidRequest, invalid.reason)))
        case .success(let message):
            handle(message)
        }
    }

    /// Handles a decoded message.
    public func handle(_ message: Message) {
        switch message {
        case .request(let id, let method, let params):
            let result: Result<JSON, ResponseError>
            do {
                result = .success(try request(method, Params(params)))
            } catch let error as ResponseError {
                result = .failure(error)
            } catch {
                result = .failure(ResponseError(.internalError, "\(error)"))
            }
            switch result {
            case .success(let value): sink.send(Outgoing.response(id: id, result: value))
            case .failure(let error): sink.send(Outgoing.error(id: id, error))
            }
        case .notification(let method, let params):
            do {
                try notification(method, Params(params))
            } catch let error as ResponseError {
                log("\(method): \(error.message)")
            } catch {
                log("\(method): \(error)")
            }
        case .response(let id, _, let error):
            // Only the answer to a progress token's creation matters; registrations need none.
            if case .asked(let asked, let token) = progress, id == asked {
                progress = .none
                if error == nil && workspace.isWorking { beginProgress(token) }
            }
        }
    }

    /// Answers a request the runner cancelled before it ran.
    public func cancelled(_ id: RequestID) {
        sink.send(Outgoing.error(id: id, ResponseError(.requestCancelled, "request \(id) was cancelled")))
    }

    // MARK: Dispatch

    func request(_ method: String, _ params: Params) throws -> JSON {
        switch phase {
        case .uninitialized where method != "initialize":
            throw ResponseError(.serverNotInitialized, "the server is not initialized; send \"initialize\" first")
        case .shutDown:
            throw ResponseError(.invalidRequest, "the server is shut down; only \"exit\" is accepted")
        case .running where method == "initialize":
            throw ResponseError(.invalidRequest, "\"initialize\" was already received")
        default:
            break
        }
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown":
            phase = .shutDown
            diskPoll?.cancel()
            diskPoll = nil
            return .null
        case "textDocument/diagnostic": return try documentDiagnostic(params)
        case "workspace/diagnostic": return try workspaceDiagnostic(params)
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/foldingRange": return try foldingRanges(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/rangeFormatting": return try rangeFormatting(params)
        case "workspace/executeCommand": return try executeCommand(params)
        default:
            throw ResponseError(.methodNotFound, "unknown method \"\(method)\"")
        }
    }

    func notification(_ method: String, _ params: Params) throws {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            return
        }
        guard phase == .running else { return }  // notifications before initialize are dropped
        switch method {
        case "initialized":
            registerWatchers()
            if watchesFilesItself {
                log("watching files itself (the client cannot): hoso.json, profiles and dossiers on disk are polled every \(Self.diskPollInterval.components.seconds) s")
                scheduleDiskPoll()
            } else {
                log("the client watches files")
            }
        case "textDocument/didOpen": try didOpen(params)
        case "textDocument/didChange": try didChange(params)
        case "textDocument/didClose": try didClose(params)
        case "textDocument/didSave": try didSave(params)
        case "workspace/didChangeConfiguration": didChangeConfiguration(params)
        case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
        case "workspace/didChangeWorkspaceFolders": try didChangeWorkspaceFolders(params)
        default: break  // unknown notifications ($/setTrace, $/progress …) are ignored
        }
    }

    // MARK: Lifecycle

    func initialize(_ params: Params) throws -> JSON {
        let capabilities = params.optional("capabilities") ?? .object([])
        let offered = capabilities["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
        let options = params.optional("initializationOptions")
        if let forced = (options?["hoso"] ?? options)?["positionEncoding"]?.stringValue, !forced.isEmpty {
            // For clients that read offsets as their own columns and cannot say so (Vim + ALE: bytes).
            if let forced = PositionEncoding(rawValue: forced.lowercased()) {
                encoding = forced
            } else {
                log("hoso.positionEncoding \"\(forced)\" is not utf-8, utf-16 or utf-32; using \(encoding.rawValue)")
            }
        }
        pushDiagnostics = capabilities["textDocument"]?["diagnostic"] == nil
        canRegisterWatchers = capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        watchesFilesItself = !canRegisterWatchers
        if watchesFilesItself { workspace.watchDisk() }
        clientTakesDocumentChanges = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        clientShowsProgress = capabilities["window"]?["workDoneProgress"]?.boolValue ?? false
        clientRefreshesDiagnostics = capabilities["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        clientTakesSnippets = capabilities["textDocument"]?["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
        if let options { workspace.settings = Self.settings(from: options) }
        var folders: [String] = []
        if let list = params.optional("workspaceFolders")?.arrayValue {
            folders = list.compactMap { $0["uri"]?.stringValue.flatMap(FileURI.path) }
        } else if let root = params.optional("rootUri")?.stringValue.flatMap(FileURI.path) {
            folders = [root]
        } else if let root = params.optional("rootPath")?.stringValue {
            folders = [root]
        }
        phase = .running
        // Answered at once: the folders are loaded in the background, between messages.
        workspace.addFolders(folders)
        startBackgroundWork()
        return .object([
            ("capabilities", .object([
                ("positionEncoding", .string(encoding.rawValue)),
                ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2)),
                                              ("save", .object([("includeText", .bool(false))]))])),
                ("diagnosticProvider", .object([("identifier", .string("hoso")), ("interFileDependencies", .bool(true)),
                                                ("workspaceDiagnostics", .bool(true))])),
                ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix"), .string("source.fixAll.hoso")]))])),
                ("hoverProvider", .bool(true)),
                ("completionProvider", .object([("triggerCharacters", .array([" ", ":", "#", "-"].map(JSON.string)))])),
                ("documentSymbolProvider", .bool(true)),
                ("foldingRangeProvider", .bool(true)),
                ("definitionProvider", .bool(true)),
                ("referencesProvider", .bool(true)),
                ("renameProvider", .object([("prepareProvider", .bool(true))])),
                ("documentFormattingProvider", .bool(true)),
                ("documentRangeFormattingProvider", .bool(true)),
                ("executeCommandProvider", .object([("commands", .array(Self.commands.map(JSON.string)))])),
                ("workspace", .object([("workspaceFolders", .object([("supported", .bool(true)), ("changeNotifications", .bool(true))]))])),
            ])),
            ("serverInfo", .object([("name", .string("hoso")), ("version", .string(HosoVersion.current))])),
        ])
    }

    // MARK: Background work

    /// Schedules steps of the workspace's pending work (loading folders, re-checking after a
    /// config change) until none is left, with a progress report where the client shows one.
    func startBackgroundWork() {
        guard workspace.isWorking || workspace.hasCrossFileWork, !stepScheduled else { return }
        if workspace.isWorking, clientShowsProgress, case .none = progress {
            let id = RequestID.string("hoso-\(nextRequestID)")
            nextRequestID += 1
            let token = "hoso-check-\(nextRequestID)"
            progress = .asked(id, token: token)
            sink.send(Outgoing.request(id: id, "window/workDoneProgress/create", .object([("token", .string(token))])))
        }
        stepScheduled = true
        sink.schedule { [self] in backgroundStep() }
    }

    /// How long one background step may run: a request waits for at most one step.
    static let backgroundStepBudget = Duration.milliseconds(8)

    func backgroundStep() {
        stepScheduled = false
        guard phase == .running else { return }
        guard let jobs = workspace.step(until: .now + Self.backgroundStepBudget) else {
            reportProgress()
            stepScheduled = true
            sink.schedule { [self] in backgroundStep() }
            return
        }
        jobsRunning += jobs.count
        for job in jobs {
            sink.offload({ job.run() }) { [self] outcomes in
                jobsRunning -= 1
                workspace.jobEnded(job)
                // A group changed meanwhile has been marked again; this stale result is dropped.
                if let changed = workspace.apply(job, outcomes), !changed.isEmpty {
                    backgroundChanged = true
                    publish(changed)  // and schedules the group again if it was edited meanwhile
                } else {
                    startBackgroundWork()
                }
                finishBackgroundWork()
            }
        }
        finishBackgroundWork()
    }

    /// Ends the progress report, and asks a pulling client to pull again if findings changed,
    /// once nothing is left to do.
    func finishBackgroundWork() {
        guard jobsRunning == 0, !stepScheduled, !workspace.isWorking, !workspace.hasCrossFileWork else { return }
        endProgress()
        if backgroundChanged && !pushDiagnostics && clientRefreshesDiagnostics {
            sink.send(Outgoing.request(id: .string("hoso-\(nextRequestID)"), "workspace/diagnostic/refresh", .null))
            nextRequestID += 1
        }
        backgroundChanged = false
    }

    func progressMessage() -> String {
        let (done, total) = workspace.progress
        let vi = (workspace.settings.language ?? .vi) == .vi
        if total == 0 { return vi ? "Đang tìm hồ sơ trong thư mục…" : "Finding dossiers in the folder…" }
        return vi ? "Đang kiểm tra hồ sơ: \(done)/\(total)" : "Checking dossiers: \(done)/\(total)"
    }

    func progressPercentage() -> Int {
        let (done, total) = workspace.progress
        return total == 0 ? 0 : min(99, done * 100 / total)
    }

    func beginProgress(_ token: String) {
        let percentage = progressPercentage()
        progress = .shown(token: token, percentage: percentage)
        sendProgress(token, [("kind", .string("begin")), ("title", .string("hoso")), ("cancellable", .bool(false)),
                             ("message", .string(progressMessage())), ("percentage", .int(percentage))])
    }

    /// Reports how far the work is, when the percentage moved (not on every step).
    func reportProgress() {
        guard case .shown(let token, let last) = progress else { return }
        let percentage = progressPercentage()
        guard percentage != last else { return }
        progress = .shown(token: token, percentage: percentage)
        sendProgress(token, [("kind", .string("report")), ("message", .string(progressMessage())), ("percentage", .int(percentage))])
    }

    func endProgress() {
        switch progress {
        case .shown(let token, _):
            sendProgress(token, [("kind", .string("end"))])
            progress = .none
        case .asked, .none:
            break  // an answer still to come finds no work and shows nothing
        }
    }

    func sendProgress(_ token: String, _ value: [(String, JSON)]) {
        sink.send(Outgoing.notification("$/progress", .object([("token", .string(token)), ("value", .object(value))])))
    }

    // MARK: Watching files itself

    /// How often the server stats what it watches when the client cannot watch files.
    static let diskPollInterval = Duration.seconds(1)
    /// A poll may take at most this share of the time: a tree so large that its stat pass takes
    /// longer than 1/20 of a second is polled less often.
    static let diskPollShare = 20

    func scheduleDiskPoll(after delay: Duration = diskPollInterval) {
        diskPoll = sink.schedule(after: delay) { [self] in pollDisk() }
    }

    /// Stats the configs, profiles, dossiers and folders the workspace read, and takes in what
    /// changed as `workspace/didChangeWatchedFiles` would; then polls again a second later.
    func pollDisk() {
        diskPoll = nil
        guard phase == .running else { return }
        var cost = Duration.zero
        // While files are read or re-checked the poll waits: what changes meanwhile differs from
        // the stamps taken when it was read, and is found once the work is done.
        if !workspace.isWorking {
            var found: DiskWatch.Changes?
            cost = ContinuousClock().measure { found = workspace.pollDisk() }
            if let changes = found, !changes.isEmpty {
                diskChanged(read: changes.created + changes.changed, removed: changes.removed, setupChanged: changes.setupChanged)
            }
        }
        scheduleDiskPoll(after: max(Self.diskPollInterval, cost * Self.diskPollShare))
    }

    /// Asks the client to watch dossiers and configs, if it can register watchers dynamically.
    func registerWatchers() {
        guard canRegisterWatchers else { return }
        let watchers: JSON = .array(["**/*.hoso", "**/hoso.json", "**/*.json"].map { .object([("globPattern", .string($0))]) })
        let registration: JSON = .object([("id", .string("hoso-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                                          ("registerOptions", .object([("watchers", watchers)]))])
        sink.send(Outgoing.request(id: .string("hoso-\(nextRequestID)"), "client/registerCapability",
                                   .object([("registrations", .array([registration]))])))
        nextRequestID += 1
    }

    /// `{"hoso": {"profile", "language", "rules"}}` or the inner object itself (`positionEncoding`
    /// is read by `initialize` alone: it cannot change once the client has it).
    static func settings(from json: JSON) -> Settings {
        let inner = json["hoso"] ?? json
        var settings = Settings()
        settings.profilePath = inner["profile"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        settings.language = inner["language"]?.stringValue.flatMap(Language.init(rawValue:))
        for (code, value) in inner["rules"]?.objectValue ?? [] {
            // Codes and severities in any case, as in hoso.json.
            if let name = value.stringValue { settings.rules[code.uppercased()] = name.lowercased() }
        }
        return settings
    }

    func log(_ text: String) {
        sink.send(Outgoing.notification("window/logMessage", .object([("type", .int(3)), ("message", .string("hoso: " + text))])))
    }

    func reportSetupErrors() {
        for message in workspace.takeSetupErrors() {
            sink.send(Outgoing.notification("window/showMessage", .object([("type", .int(1)), ("message", .string("hoso: " + message))])))
        }
    }
}

/// Where the progress report of the server's background work stands.
enum BackgroundProgress {
    case none
    /// `window/workDoneProgress/create` sent with this id; the token is used once it is answered.
    case asked(RequestID, token: String)
    /// Begun; the percentage last reported.
    case shown(token: String, percentage: Int)
}
