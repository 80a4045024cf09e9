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
        var bytes = file.text.bytes
        for change in try params.array("contentChanges") {
            let change = Params(change)
            guard let text = change.json["text"]?.stringValue else { throw ResponseError.invalidParams("a content change needs \"text\"") }
            if change.optional("range") == nil {
                bytes = Array(text.utf8)
                continue
            }
            let range = try change.range("range")
            let current = SourceText(utf8: bytes)
            var start = current.byteOffset(of: TextPosition(line: range.start.line, character: range.start.character), in: encoding)
            var end = current.byteOffset(of: TextPosition(line: range.end.line, character: range.end.character), in: encoding)
            if end < start { swap(&start, &end) }
            bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        }
        publish(workspace.update(uri: uri, path: file.path, text: SourceText(utf8: bytes), problem: nil, version: version))
    }

    func didClose(_ params: Params) throws {
        let uri = try params.documentURI()
        let wasKnown = workspace.files[uri] != nil
        let changed = workspace.close(uri: uri)
        if pushDiagnostics && wasKnown && workspace.files[uri] == nil {
            sink.send(Outgoing.notification("textDocument/publishDiagnostics",
                                            .object([("uri", .string(uri)), ("diagnostics", .array([]))])))
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
        var changed: Set<String> = []
        var reload = false
        for change in try params.array("changes") {
            let change = Params(change)
            let uri = try change.string("uri")
            let type = try change.int("type")  // 1 created, 2 changed, 3 deleted
            guard let path = FileURI.path(uri) else { continue }
            if path.hasSuffix(".json") { reload = true; continue }
            guard path.hasSuffix(".hoso") else { continue }
            if let open = workspace.files[uri], open.version != nil { continue }  // the editor's text wins
            if type == 3 {
                changed.formUnion(workspace.remove(uri: uri))
            } else if let bytes = try? FileWalker.read(path) {
                changed.formUnion(workspace.update(uri: uri, path: path, bytes: bytes, version: nil))
            }
        }
        publish(changed)
        if reload {
            workspace.reloadAll()
            startBackgroundWork()
        }
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
