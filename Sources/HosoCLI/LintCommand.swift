import FoundationEssentials
import HosoRules
import HosoSemantics
import HosoText

/// One dossier as the command line read it: the name to print and the lint result.
struct LintedFile {
    let path: String
    let result: LintResult
}

/// `hoso lint`: reads the paths, lints each file, prints findings, chooses the exit status.
enum LintCommand {
    enum Format: String { case text, json, github }

    struct Options {
        var format = Format.text
        var language = Language.vi
        var quiet = false
        var color = false
        var maxWarnings: Int?
        var stdinName = "-"
    }

    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        var scanner = ArgumentScanner(arguments)
        let raw = try scanner.parse(valued: ["--format", "--lang", "--color", "--max-warnings", "--stdin-filename"],
                                    flags: ["--quiet", "--fix", "--staged"])
        var options = Options()
        if let value = raw["--format"] {
            guard let format = Format(rawValue: value) else {
                throw UsageError(message: "--format nhận text, json hoặc github, không nhận \"\(value)\" / --format takes text, json or github")
            }
            options.format = format
        }
        if let value = raw["--lang"] {
            guard let language = Language(rawValue: value) else {
                throw UsageError(message: "--lang nhận vi hoặc en, không nhận \"\(value)\" / --lang takes vi or en")
            }
            options.language = language
        }
        switch raw["--color"] ?? "auto" {
        case "auto": options.color = io.stdoutIsTerminal && io.environment["NO_COLOR"] == nil
        case "always": options.color = true
        case "never": options.color = false
        case let value: throw UsageError(message: "--color nhận auto, always hoặc never, không nhận \"\(value)\" / --color takes auto, always or never")
        }
        if let value = raw["--max-warnings"] {
            guard let n = Int(value), n >= 0 else {
                throw UsageError(message: "--max-warnings cần một số nguyên không âm, không phải \"\(value)\" / --max-warnings needs a non-negative integer")
            }
            options.maxWarnings = n
        }
        if raw["--fix"] != nil || raw["--staged"] != nil {
            throw UsageError(message: "--fix và --staged chưa có trong phiên bản này / --fix and --staged are not available in this version")
        }
        options.quiet = raw["--quiet"] != nil
        options.stdinName = raw["--stdin-filename"] ?? "-"

        let linter = Linter()
        var files: [LintedFile] = []
        var couldNotRun = false
        let paths = scanner.positionals.isEmpty ? ["."] : scanner.positionals
        for path in paths {
            if path == "-" {
                files.append(LintedFile(path: options.stdinName, result: linter.lint(bytes: io.readStdin())))
                continue
            }
            do {
                for file in try FileWalker.dossiers(at: path) {
                    files.append(LintedFile(path: file, result: linter.lint(bytes: try FileWalker.read(file))))
                }
            } catch let error as FileWalker.Failure {
                io.stderr.line("hoso: \(error.message)")
                couldNotRun = true
            }
        }
        if options.quiet {
            files = files.map { LintedFile(path: $0.path, result: $0.result.filter { $0.severity == .error }) }
        }
        switch options.format {
        case .text: TextReport.write(files, options: options, to: &io.stdout)
        case .json: io.stdout.line(JSONReport.render(files, profile: linter.profile, language: options.language))
        case .github: GitHubReport.write(files, language: options.language, to: &io.stdout)
        }
        if couldNotRun { return 2 }
        let findings = files.flatMap(\.result.findings)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if errors > 0 { return 1 }
        if let limit = options.maxWarnings, warnings > limit { return 1 }
        return 0
    }
}

/// Finds dossiers under paths and reads their bytes.
enum FileWalker {
    struct Failure: Error { let message: String }

    /// The path itself if it is a file; every `*.hoso` below it (sorted, hidden folders skipped) if a folder.
    static func dossiers(at path: String) throws -> [String] {
        var isDirectory: Bool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "không tìm thấy \"\(path)\"; kiểm tra lại đường dẫn / \"\(path)\" does not exist")
        }
        guard isDirectory else { return [path] }
        var result: [String] = []
        var visited: Set<String> = []
        walk(path, into: &result, visited: &visited)
        return result
    }

    private static func walk(_ folder: String, into result: inout [String], visited: inout Set<String>) {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) ?? folder
        let key = URL(fileURLWithPath: real).standardizedFileURL.path
        guard visited.insert(key).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: Bool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory {
                walk(child, into: &result, visited: &visited)
            } else if name.hasSuffix(".hoso") {
                result.append(child)
            }
        }
    }

    /// The bytes of a file, or a failure naming it.
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "không đọc được \"\(path)\" (kiểm tra quyền đọc) / cannot read \"\(path)\"")
        }
        return [UInt8](data)
    }
}
