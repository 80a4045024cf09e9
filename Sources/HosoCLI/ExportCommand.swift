import FoundationEssentials
import HosoExport
import HosoRules
import HosoSystem
import HosoWorkspace

/// `hoso export FILE [-o OUT] [--format docx|html] [--force]`: the dossier as the papers it
/// stands for (Tờ trình, Biên bản, one Báo cáo thành tích per report), to print and sign.
///
/// The format is `--format`'s, else OUT's extension's, else DOCX. OUT defaults to FILE's name
/// with the format's extension, beside it; a folder as OUT gets that name inside it; `-o -`
/// writes to standard output. An existing OUT is kept unless `--force`, and the dossier itself
/// is never overwritten. A dossier with errors is exported too, with a warning on stderr; one
/// that is not Unicode text (HS001) or is empty is not (`Exporter.refusal`).
/// Exit 0 once written, 2 when the dossier could not be read or the file written.
enum ExportCommand {
    static func run(_ options: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        guard options.positionals.count == 1, let source = options.positionals.first else {
            throw UsageError(vi: "`hoso export` cần đúng một tệp hồ sơ (ví dụ: hoso export ho-so.hoso)",
                             en: "`hoso export` takes exactly one dossier (for example: hoso export dossier.hoso)")
        }
        var resolver = try SetupResolver(configPath: options["--config"], profilePath: options["--profile"])
        let lookup = source == "-" ? "./-" : source
        let language = try options["--lang"].flatMap(Language.init(rawValue:)) ?? resolver.config(for: lookup)?.language ?? .vi
        func say(_ vi: String, _ en: String) { io.stderr.line("hoso: " + (language == .vi ? vi : en)) }

        var output = options["--output"]
        if source == "-" && output == nil {
            throw UsageError(vi: "hồ sơ đọc từ đầu vào chuẩn cần -o TỆP (hoặc -o - để in ra đầu ra chuẩn)",
                             en: "a dossier read from standard input needs -o FILE (or -o - for standard output)")
        }
        if let folder = output, folder != "-", FileWalker.folderStamp(ofPath: folder) != nil {
            // A folder: the default name, inside it.
            let inside = (folder.hasSuffix("/") ? folder : folder + "/") + (source.split(separator: "/").last.map(String.init) ?? source)
            output = Exporter.defaultOutput(for: inside, format: try format(options, output: nil))
        }
        let format = try format(options, output: output)
        let target = output ?? Exporter.defaultOutput(for: source, format: format)
        if target != "-", let folder = missingFolder(of: target) {
            throw UsageError(vi: "thư mục \"\(folder)\" không có (hoso không tạo thư mục); tạo nó trước hoặc chọn thư mục có sẵn cho -o",
                             en: "the folder \"\(folder)\" does not exist (hoso creates no folders); create it first or choose an existing folder for -o")
        }

        let bytes: [UInt8]
        if source == "-" {
            bytes = io.readStdin()
        } else {
            do {
                bytes = try FileWalker.contents(source, regularOnly: false).bytes
            } catch let failure as FileWalker.Failure {
                io.stderr.line("hoso: " + failure.text.text(language))
                return 2
            }
        }
        if target != "-" {
            if source != "-", let written = FileWalker.identity(ofPath: target), written == FileWalker.identity(ofPath: source) {
                throw UsageError(vi: "\"\(target)\" là chính hồ sơ; chọn tên khác cho bản xuất (-o)",
                                 en: "\"\(target)\" is the dossier itself; choose another name for the export (-o)")
            }
            if !options.has("--force") && FileWalker.identity(ofPath: target) != nil {
                throw UsageError(vi: "\"\(target)\" đã có; không ghi đè (thêm --force để ghi đè)",
                                 en: "\"\(target)\" exists; not overwritten (add --force to overwrite)")
            }
        }

        let setup = try resolver.setup(for: lookup)
        for warning in resolver.warnings { say("cảnh báo: " + warning.vi, "warning: " + warning.en) }
        let result = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides).lint(bytes: bytes)
        if let refusal = Exporter.refusal(result.text, problem: result.encodingProblem, shown: source) {
            say(refusal.vi, refusal.en)
            return 2
        }
        let exported = Exporter.export(result.dossier, format: format, created: createdTime(io.environment))

        if target == "-" {
            io.stdout.bytes(exported.bytes)
        } else {
            do {
                try SafeFile.write(target, exported.bytes)
            } catch let refusal as SafeFile.Refusal {
                io.stderr.line("hoso: " + refusal.message.text(language))
                return 2
            }
        }
        let errors = result.findings.filter { $0.severity == .error }.count
        if errors > 0 {
            let shown = source == "-" ? "-" : source
            say("cảnh báo: hồ sơ có \(errors) lỗi; bản in vẫn được xuất, nhưng hãy sửa trước khi trình ký (xem `hoso lint \(shown)`)",
                "warning: the dossier has \(errors) \(errors == 1 ? "error" : "errors"); the papers were exported anyway, but fix \(errors == 1 ? "it" : "them") before signing (see `hoso lint \(shown)`)")
        }
        if target != "-" {
            let reports = exported.papers.filter { $0.kind == .report }.count
            say("đã ghi \(target): tờ trình, biên bản" + (reports > 0 ? " và \(reports) báo cáo thành tích" : ""),
                "wrote \(target): the Tờ trình, the Biên bản" + (reports > 0 ? " and \(reports) Báo cáo thành tích" : ""))
        }
        return 0
    }

    /// The folder `target` would be written in when it is not a folder that exists (`in/` of
    /// `in/a.docx`, or `in/` itself), nil when it is one (or `target` names none).
    static func missingFolder(of target: String) -> String? {
        let folder: String
        if target.hasSuffix("/") {
            folder = target
        } else if let slash = target.lastIndex(of: "/") {
            folder = String(target[...slash])
        } else {
            return nil
        }
        let status = try? FileStatus(path: folder, followingLinks: true)
        return status?.kind == .directory ? nil : folder
    }

    /// The format asked for: `--format`, else the output's extension, else DOCX. An output
    /// named with another extension (`.pdf`), or with the other format's (`--format html -o
    /// a.docx`), is a mistake worth a word.
    static func format(_ options: ParsedArguments, output: String?) throws -> Exporter.Format {
        if let name = options["--format"] {
            let format = Exporter.Format(rawValue: name) ?? .docx  // the parser checked the choices
            if let output, output != "-", let named = Exporter.Format(pathExtensionOf: output), named != format {
                throw UsageError(vi: "--format \(format.rawValue) nhưng tệp ra \"\(output)\" là .\(named.fileExtension); đổi đuôi tệp hoặc bỏ --format",
                                 en: "--format \(format.rawValue) but the output \"\(output)\" is a .\(named.fileExtension); change its extension or drop --format")
            }
            return format
        }
        guard let output, output != "-" else { return .docx }
        if let format = Exporter.Format(pathExtensionOf: output) { return format }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[dot...]
            throw UsageError(vi: "không xuất được ra \(ext): hoso export ghi .docx hoặc .html (chọn bằng --format docx|html)",
                             en: "cannot export to \(ext): hoso export writes .docx or .html (choose with --format docx|html)")
        }
        return .docx
    }

    /// When the export is made: `SOURCE_DATE_EPOCH` if set (reproducible files), else now.
    static func createdTime(_ environment: [String: String]) -> Int64 {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init) { return epoch }
        return Int64(Date().timeIntervalSince1970)
    }
}
