import Foundation
import XCTest
import HosoProtocol
@testable import HosoServer

/// An in-process client: sends JSON-RPC messages to a `LanguageServer` and keeps what it sends back.
final class TestClient: MessageSink {
    private(set) var received: [JSON] = []
    var server: LanguageServer!
    private var nextID = 1

    init(ruleLinks: RuleLinks = .none) {
        server = LanguageServer(sink: self, ruleLinks: ruleLinks)
    }

    func send(_ message: JSON) { received.append(message) }

    /// Background work the server scheduled and that has not run yet.
    private(set) var scheduled: [() -> Void] = []
    /// Whether scheduled work runs to the end after each message (as if the client waited).
    var runsScheduledWork = true

    func schedule(_ work: @escaping () -> Void) { scheduled.append(work) }
    func offload<Result: Sendable>(_ work: @escaping @Sendable () -> Result, then: @escaping (Result) -> Void) {
        scheduled.append { then(work()) }
    }

    /// The client's clock for delayed work: it moves only when a test calls `advance`.
    private(set) var clock = Duration.zero
    /// Work scheduled for a time on `clock`, in the order it was scheduled.
    private(set) var timers: [(due: Duration, handle: ScheduledWork, work: () -> Void)] = []

    func schedule(after delay: Duration, _ work: @escaping () -> Void) -> ScheduledWork {
        let handle = ScheduledWork()
        timers.append((clock + delay, handle, work))
        return handle
    }

    /// Timers still to run (not cancelled).
    var pendingTimers: Int { timers.filter { !$0.handle.isCancelled }.count }

    /// Moves the clock on by `duration`, running each timer that falls due on the way (at its
    /// time, earliest first) and the work it schedules.
    func advance(by duration: Duration) {
        let end = clock + duration
        while let next = timers.indices.filter({ timers[$0].due <= end }).min(by: { timers[$0].due < timers[$1].due }) {
            let timer = timers.remove(at: next)
            clock = timer.due
            if !timer.handle.isCancelled { timer.work() }
            settle()
        }
        clock = end
    }

    /// Runs one piece of scheduled work; false when there was none.
    @discardableResult
    func runScheduled() -> Bool {
        guard !scheduled.isEmpty else { return false }
        scheduled.removeFirst()()
        return true
    }

    private func settle() {
        guard runsScheduledWork else { return }
        while runScheduled() {}
    }

    /// Sends a request and returns its response (the last message with that id).
    @discardableResult
    func request(_ method: String, _ params: JSON = .object([])) -> JSON {
        let id = nextID
        nextID += 1
        server.handle(body: Array(Outgoing.request(id: .number(id), method, params).render(indent: nil).utf8))
        let response = received.last { $0["id"]?.intValue == id } ?? .null
        settle()
        return response
    }

    func notify(_ method: String, _ params: JSON = .object([])) {
        server.handle(body: Array(Outgoing.notification(method, params).render(indent: nil).utf8))
        settle()
    }

    /// Messages received since `mark` that are notifications named `method`.
    func notifications(_ method: String, since mark: Int = 0) -> [JSON] {
        received[mark...].filter { $0["method"]?.stringValue == method }
    }

    var mark: Int { received.count }

    /// Initializes the server; `watch` offers dynamic file watching, `documentChanges` versioned workspace edits.
    func initialize(encodings: [String]? = nil, pull: Bool = false, options: JSON? = nil, root: String? = nil,
                    progress: Bool = false, refresh: Bool = false, snippets: Bool = false, watch: Bool = false,
                    documentChanges: Bool = false) -> JSON {
        var capabilities: [(String, JSON)] = []
        if let encodings { capabilities.append(("general", .object([("positionEncodings", .array(encodings.map(JSON.string)))]))) }
        var textDocument: [(String, JSON)] = []
        if pull { textDocument.append(("diagnostic", .object([]))) }
        if snippets { textDocument.append(("completion", .object([("completionItem", .object([("snippetSupport", .bool(true))]))]))) }
        if !textDocument.isEmpty { capabilities.append(("textDocument", .object(textDocument))) }
        if progress { capabilities.append(("window", .object([("workDoneProgress", .bool(true))]))) }
        var workspace: [(String, JSON)] = []
        if refresh { workspace.append(("diagnostics", .object([("refreshSupport", .bool(true))]))) }
        if watch { workspace.append(("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))) }
        if documentChanges { workspace.append(("workspaceEdit", .object([("documentChanges", .bool(true))]))) }
        if !workspace.isEmpty { capabilities.append(("workspace", .object(workspace))) }
        var params: [(String, JSON)] = [("capabilities", .object(capabilities)), ("processId", .null)]
        if let options { params.append(("initializationOptions", options)) }
        if let root { params.append(("rootUri", .string(FileURI.uri(root)))) }
        let response = request("initialize", .object(params))
        notify("initialized")
        return response
    }

    /// Answers a request the server sent (by its id) with a null result.
    func answer(_ request: JSON) {
        guard let id = request["id"] else { return }
        server.handle(body: Array(JSON.object([("jsonrpc", .string("2.0")), ("id", id), ("result", .null)]).render(indent: nil).utf8))
        settle()
    }

    /// Requests received since `mark` that are named `method`.
    func requests(_ method: String, since mark: Int = 0) -> [JSON] {
        notifications(method, since: mark).filter { $0["id"] != nil }
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("hoso")), ("version", .int(version)), ("text", .string(text)),
        ]))]))
    }

    func change(_ uri: String, version: Int, _ changes: [(range: ((Int, Int), (Int, Int))?, text: String)]) {
        notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
            ("contentChanges", .array(changes.map { change in
                var members: [(String, JSON)] = [("text", .string(change.text))]
                if let r = change.range { members.insert(("range", range(r.0, r.1)), at: 0) }
                return .object(members)
            })),
        ]))
    }

    /// The codes and 0-based start positions of the latest published diagnostics for `uri`.
    func published(_ uri: String) -> (version: Int?, spots: [String])? {
        guard let last = notifications("textDocument/publishDiagnostics").last(where: { $0["params"]?["uri"]?.stringValue == uri }) else { return nil }
        let items = last["params"]?["diagnostics"]?.arrayValue ?? []
        return (last["params"]?["version"]?.intValue, items.map(spot))
    }

    func spot(_ diagnostic: JSON) -> String {
        let start = diagnostic["range"]?["start"]
        return "\(diagnostic["code"]?.stringValue ?? "?")@\(start?["line"]?.intValue ?? -1):\(start?["character"]?.intValue ?? -1)"
    }
}

func range(_ start: (Int, Int), _ end: (Int, Int)) -> JSON {
    .object([("start", .object([("line", .int(start.0)), ("character", .int(start.1))])),
             ("end", .object([("line", .int(end.0)), ("character", .int(end.1))]))])
}

func position(_ line: Int, _ character: Int) -> JSON {
    .object([("line", .int(line)), ("character", .int(character))])
}

func document(_ uri: String) -> JSON { .object([("uri", .string(uri))]) }

/// The clean example dossier.
let cleanExample: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HosoRulesTests/Fixtures/clean.hoso")
    return try! String(contentsOf: url, encoding: .utf8)
}()
