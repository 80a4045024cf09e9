import HosoProtocol
import HosoRules
import HosoText
import HosoWorkspace

extension LanguageServer {
    func trackedFile(_ params: Params) throws -> TrackedFile {
        let uri = try params.documentURI()
        guard let file = workspace.files[uri] else { throw ResponseError(.invalidParams, "unknown document \(uri); open it first") }
        return file
    }

    func didOpen(_ params: Params) throws {
        let document = try params.object("textDocument")
        let uri = try document.string("uri")
        let text = try document.string("text")
        let version = try document.int("version")
        let path = FileURI.path(uri) ?? uri
        publish(workspace.update(uri: uri, path: path, text: SourceText(text), problem: nil, version: version))
    }

    func didChange(_ params: Params) throws {
        let document = try params.object("textDocument")
        let uri = try document.string("uri")
        let version = try document.int("version")
        guard let file = workspace.files[uri], file.version != nil else {
            throw ResponseError(.invalidParams, "didChange for \(uri), which is not open")
        }
        var current = file.text
        for change in try params.array("contentChanges") {
            let change = Params(change)
            guard let text = change.json["text"]?.stringValue else { throw ResponseError.invalidParams("a content change needs \"text\"") }
            if change.optional("range") == nil {
                current = SourceText(text)
                continue
            }
            let range = try change.range("range")
            var start = current.byteOffset(of: TextPosition(line: range.start.line, character: range.start.character), in: encoding)
            var end = current.byteOffset(of: TextPosition(line: range.end.line, character: range.end.character), in: encoding)
            if end < start { swap(&start, &end) }
            // The line index is updated around the change, not rebuilt.
            current = current.replacing(start..<end, with: Array(text.utf8))
        }
        publish(workspace.update(uri: uri, path: file.path, text: current, problem: nil, version: version, isEdit: true))
    }

    /// Forgets the editor's text: a file in a workspace folder is read again from disk, and its
    /// findings on disk replace those of the (perhaps unsaved) text; any other gets an empty list.
    func didClose(_ params: Params) throws {
        let uri = try params.documentURI()
        guard workspace.files[uri] != nil else { return }
        let changed = workspace.close(uri: uri)
        if pushDiagnostics {
            let diagnostics = workspace.files[uri].map(diagnostics) ?? .array([])
            sink.send(Outgoing.notification("textDocument/publishDiagnostics",
                                            .object([("uri", .string(uri)), ("diagnostics", diagnostics)])))
        }
        publish(changed)
    }

    func didSave(_ params: Params) throws {
        let uri = try params.documentURI()
        if let path = FileURI.path(uri), path.hasSuffix("hoso.json") || path.hasSuffix(".json") {
            workspace.reloadAll()
            startBackgroundWork()
        }
    }

    func didChangeConfiguration(_ params: Params) {
        if let settings = params.optional("settings") { workspace.settings = Self.settings(from: settings) }
        workspace.reloadAll()
        startBackgroundWork()
    }

    func didChangeWatchedFiles(_ params: Params) throws {
        var read: [String] = [], removed: [String] = []
        var setupChanged = false
        for change in try params.array("changes") {
            let change = Params(change)
            let uri = try change.string("uri")
            let type = try change.int("type")  // 1 created, 2 changed, 3 deleted
            guard let path = FileURI.path(uri) else { continue }
            if path.hasSuffix(".json") { setupChanged = true; continue }
            guard FileWalker.isDossierName(path.split(separator: "/").last.map(String.init) ?? path) else { continue }
            if workspace.files[uri]?.version != nil { continue }  // the editor's text wins
            if type == 3 { removed.append(path) } else { read.append(path) }
        }
        diskChanged(read: read, removed: removed, setupChanged: setupChanged)
    }

    /// Takes in changes on disk, as the client reports them (`workspace/didChangeWatchedFiles`)
    /// or the server's own polling finds them: dossiers created or changed are read again in the
    /// background, removed ones forgotten (an open document's editor text wins over the disk
    /// either way), and a config or profile change re-checks everything with the new setups.
    /// A pulling client is asked to pull again once the work is done.
    func diskChanged(read: [String], removed: [String], setupChanged: Bool) {
        let gone = removed.map(FileURI.uri).filter { workspace.files[$0] != nil && workspace.files[$0]?.version == nil }
        let changed = workspace.remove(uris: gone)
        if !gone.isEmpty { backgroundChanged = true }
        workspace.reread(read)
        if setupChanged { workspace.reloadAll() }
        publish(changed)  // and starts the background work
        finishBackgroundWork()
    }

    func didChangeWorkspaceFolders(_ params: Params) throws {
        let event = try params.object("event")
        let added = try event.array("added").compactMap { $0["uri"]?.stringValue.flatMap(FileURI.path) }
        let removed = try event.array("removed").compactMap { $0["uri"]?.stringValue.flatMap(FileURI.path) }
        publish(workspace.removeFolders(removed))
        workspace.addFolders(added)
        startBackgroundWork()
    }

    /// Pushes diagnostics for the open documents among `uris`, shows any config or profile
    /// problem the checks that changed them ran into, and schedules what the change left for
    /// the background (the cross-file rules of a large group).
    func publish(_ uris: Set<String>) {
        reportSetupErrors()
        startBackgroundWork()
        guard pushDiagnostics else { return }
        for uri in uris.sorted() {
            guard let file = workspace.files[uri], let version = file.version else { continue }
            sink.send(Outgoing.notification("textDocument/publishDiagnostics", .object([
                ("uri", .string(uri)), ("version", .int(version)), ("diagnostics", diagnostics(file)),
            ])))
        }
    }
}
