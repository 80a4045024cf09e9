import HosoProtocol
import HosoRules
import HosoSemantics
import HosoText
import HosoWorkspace

/// Where the server's outgoing messages go: stdout in production, a buffer in tests.
public protocol MessageSink: AnyObject {
    func send(_ message: JSON)
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
    var nextRequestID = 1
    /// Set once `exit` arrives: the process exit status.
    public private(set) var exitStatus: Int32?

    public init(sink: MessageSink) {
        self.sink = sink
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
        case .response:
            break  // answers to our registerCapability requests need no handling
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
        case "initialized": registerWatchers()
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
        pushDiagnostics = capabilities["textDocument"]?["diagnostic"] == nil
        canRegisterWatchers = capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        if let options = params.optional("initializationOptions") { workspace.settings = Self.settings(from: options) }
        var folders: [String] = []
        if let list = params.optional("workspaceFolders")?.arrayValue {
            folders = list.compactMap { $0["uri"]?.stringValue.flatMap(FileURI.path) }
        } else if let root = params.optional("rootUri")?.stringValue.flatMap(FileURI.path) {
            folders = [root]
        } else if let root = params.optional("rootPath")?.stringValue {
            folders = [root]
        }
        phase = .running
        _ = workspace.addFolders(folders)
        reportSetupErrors()
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
                ("workspace", .object([("workspaceFolders", .object([("supported", .bool(true)), ("changeNotifications", .bool(true))]))])),
            ])),
            ("serverInfo", .object([("name", .string("hoso")), ("version", .string(ServerInfo.version))])),
        ])
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

    /// `{"hoso": {"profile", "language", "rules"}}` or the inner object itself.
    static func settings(from json: JSON) -> Settings {
        let inner = json["hoso"] ?? json
        var settings = Settings()
        settings.profilePath = inner["profile"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        settings.language = inner["language"]?.stringValue.flatMap(Language.init(rawValue:))
        for (code, value) in inner["rules"]?.objectValue ?? [] {
            if let name = value.stringValue { settings.rules[code] = name }
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

/// The version the server reports.
public enum ServerInfo {
    public static let version = "0.1.0"
}
