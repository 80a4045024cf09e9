import FoundationEssentials
import HosoExport
import HosoProtocol
import HosoRules
import HosoSemantics
import HosoText
import HosoWorkspace

extension LanguageServer {
    /// `hoso.export` with arguments `[uri]`, `[uri, format]` or `[{"uri", "format", "force"}]`:
    /// exports the editor's text of the dossier (unsaved changes included; a dossier not open is
    /// read from disk) beside its file, named as `hoso export` names it (`a.hoso` → `a.docx`).
    /// Answers with the written path and says so with `window/showMessage`.
    ///
    /// A dossier that is not Unicode text (HS001) or is empty is refused (`Exporter.refusal`):
    /// an error response and a `window/showMessage`, nothing written.
    ///
    /// A file already there is replaced only when hoso wrote it (an earlier export): one that
    /// Word or a person saved since is kept unless `force` is true, so exporting again from the
    /// editor never loses edits made to the printed papers.
    func exportDossier(_ arguments: [JSON]) throws -> JSON {
        var uri: String?, formatName: String?, force = false
        if let object = arguments.first, case .object = object {
            uri = object["uri"]?.stringValue
            formatName = object["format"]?.stringValue
            force = object["force"]?.boolValue ?? false
        } else {
            uri = arguments.first?.stringValue
            formatName = arguments.count > 1 ? arguments[1].stringValue : nil
        }
        guard let uri, let path = FileURI.path(uri) else {
            throw ResponseError(.invalidParams, "hoso.export takes [uri], [uri, format] or [{\"uri\", \"format\", \"force\"}] with a file: URI")
        }
        guard let format = Exporter.Format(rawValue: formatName ?? "docx") else {
            throw ResponseError(.invalidParams, "hoso.export: the format is docx or html, not \"\(formatName ?? "")\"")
        }
        let language = workspace.language(for: path)
        let vi = language == .vi
        func fail(_ viText: String, _ enText: String) -> ResponseError {
            let message = vi ? viText : enText
            sink.send(Outgoing.notification("window/showMessage", .object([("type", .int(1)), ("message", .string("hoso: " + message))])))
            return ResponseError(.requestFailed, message)
        }

        let dossier: Dossier
        let problem: EncodingProblem?
        let errors: Int
        // The client's own spelling of the URI first, then any known file at that path.
        if let file = workspace.files[uri] ?? workspace.uri(ofPath: path).flatMap({ workspace.files[$0] }) {
            dossier = file.checked.dossier
            problem = file.checked.problem
            errors = file.findings.filter { $0.severity == .error }.count
        } else {
            let bytes: [UInt8]
            do {
                bytes = try FileWalker.contents(path).bytes
            } catch let failure as FileWalker.Failure {
                throw fail(failure.vi, failure.en)
            }
            let setup = workspace.setup(for: path)
            reportSetupErrors()
            let result = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides).lint(bytes: bytes)
            dossier = result.dossier
            problem = result.encodingProblem
            errors = result.findings.filter { $0.severity == .error }.count
        }
        if let refusal = Exporter.refusal(dossier.text, problem: problem, shown: path) {
            throw fail(refusal.vi, refusal.en)
        }
        let target = Exporter.defaultOutput(for: path, format: format)
        if !force, let existing = try? FileWalker.contents(target), !Exporter.isOwnExport(existing.bytes, format: format) {
            throw fail("\(target) đã có và không phải bản hoso xuất ra (có thể đã sửa tay); đổi tên hoặc xoá nó rồi xuất lại",
                       "\(target) exists and was not written by hoso (it may hold edits); rename or delete it, then export again")
        }
        let exported = Exporter.export(dossier, format: format, created: Int64(Date().timeIntervalSince1970))
        do {
            try SafeFile.write(target, exported.bytes)
        } catch let refusal as SafeFile.Refusal {
            throw fail(refusal.message.vi, refusal.message.en)
        }
        let reports = exported.papers.filter { $0.kind == .report }.count
        var message = vi ? "hoso: đã xuất \(target) (tờ trình, biên bản" + (reports > 0 ? ", \(reports) báo cáo thành tích)" : ")")
                         : "hoso: exported \(target) (Tờ trình, Biên bản" + (reports > 0 ? ", \(reports) Báo cáo thành tích)" : ")")
        if errors > 0 {
            message += vi ? "; hồ sơ còn \(errors) lỗi, hãy sửa trước khi trình ký" : "; the dossier has \(errors) \(errors == 1 ? "error" : "errors") to fix before signing"
        }
        sink.send(Outgoing.notification("window/showMessage", .object([("type", .int(errors > 0 ? 2 : 3)), ("message", .string(message))])))
        log("hoso.export: \(target)")
        return .string(target)
    }
}
