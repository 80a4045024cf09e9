import Foundation
import HosoProtocol
import HosoSystem

/// A language server started as a child process and spoken to over its pipes, as an editor does:
/// the benchmark's view of a server includes framing, JSON and the pipe in both directions.
///
/// A reader thread takes every message off the server's stdout, answers the server's own
/// requests (`workspace/workspaceFolders`, `client/registerCapability`) with null, and records
/// when each `publishDiagnostics` (uri, version) arrived; `waitForDiagnostics` blocks on that.
final class PipeClient: @unchecked Sendable {
    let child: ChildProcess
    private let input: FileDescriptor
    private let output: FileDescriptor
    private let condition = NSCondition()
    private let writeLock = NSLock()
    /// The latest published version of each URI (guarded by `condition`).
    private var published: [String: Int] = [:]
    private var responses: Set<Int> = []
    /// How many `$/progress` reports have ended (guarded by `condition`).
    private(set) var progressEnds = 0
    private var closed = false
    private var nextID = 1

    /// Starts `arguments` with pipes for stdin and stdout (stderr goes to /dev/null).
    init?(_ arguments: [String]) {
        guard let toChild = try? FileDescriptor.makePipe(), let fromChild = try? FileDescriptor.makePipe(),
              let child = spawn(arguments, stdin: toChild.readEnd, stdout: fromChild.writeEnd,
                                closing: [toChild.readEnd, toChild.writeEnd, fromChild.readEnd, fromChild.writeEnd]) else { return nil }
        try? toChild.readEnd.close()
        try? fromChild.writeEnd.close()
        self.child = child
        input = toChild.writeEnd
        output = fromChild.readEnd
        Thread.detachNewThread { [self] in readLoop() }
    }

    private func readLoop() {
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            guard let count = try? output.read(into: &buffer), count > 0 else { break }
            framer.push(buffer[0..<count])
            while let event = framer.next() {
                guard case .message(let body) = event, let json = try? JSONParser.parse(body),
                      case .success(let message) = Message.decode(json) else { continue }
                switch message {
                case .request(let id, _, _):
                    send(Outgoing.response(id: id, result: .null))
                case .notification("$/progress", let params) where params["value"]?["kind"]?.stringValue == "end":
                    condition.lock()
                    progressEnds += 1
                    condition.broadcast()
                    condition.unlock()
                case .notification(let method, let params):
                    guard method == "textDocument/publishDiagnostics", let uri = params["uri"]?.stringValue else { continue }
                    condition.lock()
                    published[uri] = params["version"]?.intValue ?? -1
                    condition.broadcast()
                    condition.unlock()
                case .response(let id, _, _):
                    guard case .number(let number)? = id else { continue }
                    condition.lock()
                    responses.insert(number)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Writes one framed message.
    func send(_ message: JSON) {
        var body: [UInt8] = []
        message.encode(into: &body)
        writeLock.lock()
        defer { writeLock.unlock() }
        try? input.writeAll(MessageFramer.frame(body))
    }

    func notify(_ method: String, _ params: JSON) {
        send(Outgoing.notification(method, params))
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSON) {
        let id = nextID
        nextID += 1
        send(Outgoing.request(id: .number(id), method, params))
        condition.lock()
        while !responses.contains(id) && !closed { condition.wait() }
        condition.unlock()
    }

    /// Initializes the server for a workspace folder, as a client with push diagnostics (and, with
    /// `progress`, work-done progress) does.
    func initialize(rootURI: String, progress: Bool = false) {
        var capabilities: [(String, JSON)] = [("textDocument", .object([("publishDiagnostics", .object([("versionSupport", .bool(true))]))]))]
        if progress { capabilities.append(("window", .object([("workDoneProgress", .bool(true))]))) }
        request("initialize", .object([
            ("processId", .int(Int(CurrentProcess.id))), ("rootUri", .string(rootURI)),
            ("workspaceFolders", .array([.object([("uri", .string(rootURI)), ("name", .string("bench"))])])),
            ("capabilities", .object(capabilities)),
        ]))
        notify("initialized", .object([]))
    }

    /// Whether `count` progress reports have ended, waiting for at most `seconds`.
    func waitForProgressEnds(_ count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while progressEnds < count && !closed && condition.wait(until: deadline) {}
        return progressEnds >= count
    }

    /// Whether a progress report has ended, without waiting.
    var hasEndedProgress: Bool {
        condition.lock()
        defer { condition.unlock() }
        return progressEnds > 0
    }

    func open(_ uri: String, language: String, text: String) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string(language)), ("version", .int(1)), ("text", .string(text))]))]))
    }

    /// Waits until diagnostics for `uri` at `version` or later have arrived (false if the server died).
    @discardableResult
    func waitForDiagnostics(_ uri: String, version: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while (published[uri] ?? Int.min) < version && !closed { condition.wait() }
        return !closed
    }

    /// Shuts the server down and reaps it.
    func stop() {
        request("shutdown", .null)
        notify("exit", .null)
        try? input.close()
        _ = child.wait()
    }
}

/// A one-character edit at the start of `line`: inserted on even versions, deleted on odd ones,
/// so the text returns to what it was every two edits.
func characterEdit(_ uri: String, version: Int, line: Int) -> JSON {
    let insert = version % 2 == 0
    let range: JSON = .range((line, 0), (line, insert ? 0 : 1))
    return .object([
        ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
        ("contentChanges", .array([.object([("range", range), ("text", .string(insert ? "x" : ""))])]))])
}

/// A whole-text change (what servers with full sync, such as tombi's, receive for each keystroke).
func fullTextEdit(_ uri: String, version: Int, text: String) -> JSON {
    .object([("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
             ("contentChanges", .array([.object([("text", .string(text))])]))])
}

/// Times `edits` changes from the write to the publishDiagnostics of that version.
func keystrokeLatencies(_ client: PipeClient, uri: String, edits: Int, firstVersion: Int = 2,
                        change: (Int) -> JSON) -> [Double] {
    var samples: [Double] = []
    for i in 0..<edits {
        let version = firstVersion + i
        let message = change(version)
        let start = now()
        client.notify("textDocument/didChange", message)
        guard client.waitForDiagnostics(uri, version: version) else { break }
        samples.append((now() - start) * 1000)
    }
    return samples
}
