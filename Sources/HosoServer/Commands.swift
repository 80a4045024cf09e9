import HosoProtocol
import HosoRules
import HosoText

extension LanguageServer {
    /// The commands `workspace/executeCommand` runs.
    static let commands = ["hoso.fixAllInWorkspace", "hoso.export"]

    func executeCommand(_ params: Params) throws -> JSON {
        let command = try params.string("command")
        switch command {
        case "hoso.fixAllInWorkspace":
            fixAllInWorkspace()
            return .null
        case "hoso.export":
            return try exportDossier(params.optional("arguments")?.arrayValue ?? [])
        default:
            throw ResponseError(.invalidParams, "unknown command \"\(command)\"; the commands are \(Self.commands.joined(separator: ", "))")
        }
    }

    /// Applies every safe fix to every dossier the server knows (open ones in their editor text,
    /// the others as on disk) through one `workspace/applyEdit`: per document one edit, from the
    /// first line that changes to the end of the last, versioned for open documents when the
    /// client takes `documentChanges`.
    func fixAllInWorkspace() {
        var documents: [(file: TrackedFile, edit: JSON)] = []
        var fixes = 0
        for file in workspace.files.values.sorted(by: { $0.path < $1.path }) where file.problem == nil {
            // A file without a safe fix is not linted again.
            guard file.findings.contains(where: { $0.fixes.contains(where: \.isSafe) }),
                  let (fixed, count) = Fixer.fixAll(raw: file.text.bytes, linter: file.linter) else { continue }
            let edit = Self.lineEdit(from: file.text.bytes, to: fixed)
            documents.append((file, .object([("range", lspRange(edit.range, file.text)), ("newText", .string(edit.newText))])))
            fixes += count
        }
        guard !documents.isEmpty else {
            log("hoso.fixAllInWorkspace: nothing to fix safely")
            return
        }
        let edit: JSON
        if clientTakesDocumentChanges {
            edit = .object([("documentChanges", .array(documents.map { document in
                .object([("textDocument", .object([("uri", .string(document.file.uri)), ("version", document.file.version.map(JSON.int) ?? .null)])),
                         ("edits", .array([document.edit]))])
            }))])
        } else {
            edit = .object([("changes", .object(documents.map { ($0.file.uri, .array([$0.edit])) }))])
        }
        let vi = (workspace.settings.language ?? .vi) == .vi
        sink.send(Outgoing.request(id: .string("hoso-\(nextRequestID)"), "workspace/applyEdit", .object([
            ("label", .string(vi ? "hoso: sửa mọi lỗi sửa được an toàn trong thư mục" : "hoso: fix all safe problems in the workspace")),
            ("edit", edit),
        ])))
        nextRequestID += 1
        log("hoso.fixAllInWorkspace: \(fixes) fixes in \(documents.count) files")
    }

    /// The one edit that turns `old` into `new`: whole lines, from the first that differs to
    /// the end of the last (so its ends fall on line starts, never inside a character or a CRLF).
    static func lineEdit(from old: [UInt8], to new: [UInt8]) -> TextEdit {
        let limit = min(old.count, new.count)
        var prefix = 0
        while prefix < limit && old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0 && old[prefix - 1] != 0x0A { prefix -= 1 }
        var suffix = 0
        while suffix < limit - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0 && old.count - suffix > 0 && old[old.count - suffix - 1] != 0x0A { suffix -= 1 }
        return TextEdit(range: prefix..<(old.count - suffix), newText: String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self))
    }
}
