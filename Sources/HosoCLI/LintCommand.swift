import FoundationEssentials
import HosoRules
import HosoSemantics
import HosoText
import HosoProtocol
import HosoSystem
import HosoWorkspace
import Synchronization

/// One dossier as the command line read it: the name to print and the lint result.
struct LintedFile {
    let path: String
    /// The config it was checked with (nil: none, the defaults).
    let config: String?
    let result: LintResult

    /// The last run's results, held for the rest of the process.
    private static let kept = Mutex<[LintedFile]>([])

    /// Keeps `files` (their dossiers, trees and findings: millions of objects on a large run)
    /// alive until the process exits, as clang's `-disable-free` does: `hoso lint` exits right
    /// after its report, and releasing them one by one first cost about a tenth of its time.
    /// A process that lints again (the tests) frees the previous run's results then.
    static func keepUntilExit(_ files: [LintedFile]) {
        kept.withLock { $0 = files }
    }
}

/// `hoso lint`: reads the paths, lints the files together, fixes, prints, picks the exit status.
enum LintCommand {
    enum Format: String { case text, json, github, sarif, junit, gitlab }

    struct Options {
        var format = Format.text
        var language = Language.vi
        var quiet = false
        var color = false
        var fix = false
        var unsafeFixes = false
        var diff = false
        var breakLinks = false
        var staged = false
        var maxWarnings: Int?
        var exitZero = false
        var statistics = false
        var inlineConfig = true
        var forceExclude = false
        var outputFile: String?
        var stdinName: String?
        var configPath: String?
        var profilePath: String?
    }

    /// A file to check: the name to report, where to look for `hoso.json`, its bytes, and, for
    /// a file on disk that `--fix` may rewrite, what was read (the write checks it is still so).
    struct Input {
        let path: String
        let configLookup: String
        var bytes: [UInt8]
        let read: FileWalker.Contents?
        var onDisk: Bool { read != nil }
    }

    static func options(_ parsed: ParsedArguments, io: CommandIO) throws -> Options {
        var options = Options()
        options.format = parsed["--format"].flatMap(Format.init(rawValue:)) ?? .text
        options.color = color(parsed, io: io)
        options.maxWarnings = try parsed.count("--max-warnings")
        options.quiet = parsed.has("--quiet")
        options.fix = parsed.has("--fix")
        options.breakLinks = parsed.has("--break-links")
        options.unsafeFixes = parsed.has("--unsafe-fixes")
        options.diff = parsed.has("--diff")
        if options.unsafeFixes && !options.fix && !options.diff {
            throw UsageError(vi: "--unsafe-fixes chỉ dùng cùng --fix hoặc --diff", en: "--unsafe-fixes only goes with --fix or --diff")
        }
        if options.diff && options.format != .text {
            throw UsageError(vi: "--diff in bản so sánh, không dùng cùng --format \(options.format.rawValue)",
                             en: "--diff prints a diff; it cannot be combined with --format \(options.format.rawValue)")
        }
        if options.diff && parsed.has("--statistics") {
            throw UsageError(vi: "--diff không dùng cùng --statistics", en: "--diff cannot be combined with --statistics")
        }
        options.staged = parsed.has("--staged")
        options.exitZero = parsed.has("--exit-zero")
        options.statistics = parsed.has("--statistics")
        options.inlineConfig = !parsed.has("--no-inline-config")
        options.forceExclude = parsed.has("--force-exclude")
        options.outputFile = parsed["--output-file"]
        options.stdinName = parsed["--stdin-filename"]
        options.configPath = parsed["--config"]
        options.profilePath = parsed["--profile"]
        if options.breakLinks && !options.fix {
            throw UsageError(vi: "--break-links chỉ dùng cùng --fix", en: "--break-links only goes with --fix")
        }
        if options.staged && options.fix && !options.diff {
            throw UsageError(vi: "--fix không dùng cùng --staged (bản trong chỉ mục git không phải tệp trên đĩa)",
                             en: "--fix cannot be combined with --staged (the staged versions are not files on disk)")
        }
        if options.statistics && options.format != .text {
            throw UsageError(vi: "--statistics chỉ dùng với --format text", en: "--statistics only goes with --format text")
        }
        return options
    }

    /// Whether to colour the output: `--color always|never`, else (auto) only to a terminal and
    /// never when `NO_COLOR` has a value.
    static func color(_ parsed: ParsedArguments, io: CommandIO) -> Bool {
        switch parsed["--color"] ?? "auto" {
        case "always": return true
        case "never": return false
        default: return io.stdoutIsTerminal && (io.environment["NO_COLOR"] ?? "").isEmpty  // NO_COLOR= (empty) is unset
        }
    }

    /// Runs the check; a broken config or profile still gets a machine-readable report (JSON,
    /// SARIF, JUnit, GitLab), saying the run failed, where one was asked for (a CI step reading
    /// it must not see a clean run).
    static func run(_ parsed: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        do {
            return try check(parsed, io: &io)
        } catch let error as WorkspaceError {
            let format = parsed["--format"].flatMap(Format.init(rawValue:)) ?? .text
            let language = stoppedRunLanguage(parsed)
            io.stderr.line("hoso: " + error.message.text(language))
            guard format != .text && !parsed.has("--diff") else { return 2 }
            // Nothing was checked: each path named (the current folder when none) is counted so.
            let paths = parsed.positionals.isEmpty ? ["."] : parsed.positionals
            let skipped = paths.map { path in
                RunProblem(.notChecked, LocalizedText(vi: "\"\(path)\" chưa được kiểm tra: cấu hình hoặc profile hỏng",
                                                      en: "\"\(path)\" was not checked: broken config or profile"), path: path)
            }
            let run = RunOutcome(problems: [RunProblem(.failed, error.message)] + skipped)
            var options = Options()
            options.language = language
            var buffer = OutputBuffer()
            render([], counting: [], run: run, format: format, options: options, into: &buffer)
            let report = buffer.bytes
            _ = deliver(report, to: parsed["--output-file"], io: &io, language: language)
            return 2
        }
    }

    /// The language of a run that stopped on a broken config or profile, as the run would have
    /// spoken it: `--lang`, else the config of the path checked when it can still be read (one
    /// that says "en" and points at a broken profile gets its error in English), else Vietnamese.
    static func stoppedRunLanguage(_ parsed: ParsedArguments) -> Language {
        if let asked = parsed["--lang"].flatMap(Language.init(rawValue:)) { return asked }
        guard var resolver = try? SetupResolver(configPath: nil, profilePath: nil) else { return .vi }
        return (try? language(of: parsed, resolver: &resolver)) ?? .vi
    }

    /// The language a run speaks without `--lang`: that of the config the paths named are
    /// checked with (`--config`, or the nearest `hoso.json` of the first path, the current
    /// folder when none is named; a folder's own `hoso.json` counts), else Vietnamese.
    static func language(of parsed: ParsedArguments, resolver: inout SetupResolver) throws -> Language {
        let first = parsed.positionals.first ?? "."
        var lookup = first == "-" ? (parsed["--stdin-filename"] ?? "./-") : first
        var isFolder = false
        if first != "-", FileManager.default.fileExists(atPath: first, isDirectory: &isFolder), isFolder {
            lookup = (first.hasSuffix("/") ? first : first + "/") + "hoso.json"
        }
        return try resolver.config(for: lookup)?.language ?? .vi
    }

    /// Writes a report to `--output-file` (atomically) or standard output; false, with the
    /// reason said on stderr, when the file could not be written.
    static func deliver(_ report: [UInt8], to outputFile: String?, io: inout CommandIO, language: Language) -> Bool {
        guard let outputFile else {
            io.stdout.bytes(report)
            return true
        }
        do {
            try SafeFile.write(outputFile, report)
            return true
        } catch let refusal as SafeFile.Refusal {
            io.stderr.line("hoso: " + refusal.message.text(language))
        } catch {
            io.stderr.line("hoso: \(error)")
        }
        return false
    }

    static func check(_ parsed: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        var options = try options(parsed, io: io)
        let positionals = parsed.positionals
        var resolver = try SetupResolver(configPath: options.configPath, profilePath: options.profilePath)
        options.language = try parsed["--lang"].flatMap(Language.init(rawValue:)) ?? language(of: parsed, resolver: &resolver)
        let language = options.language
        func say(_ text: LocalizedText) { io.stderr.line("hoso: " + text.text(language)) }
        /// What could not be checked (said on stderr, and listed in the machine-readable reports).
        var unchecked: [RunProblem] = []
        var inputs: [Input] = []
        if options.staged {
            inputs = try stagedInputs(positionals)
            if inputs.isEmpty {
                say(LocalizedText(vi: "không có tệp .hoso nào đã `git add`; không có gì để kiểm tra", en: "no staged .hoso file; nothing to check"))
                return 0
            }
        } else {
            let read = try readInputs(positionals, stdinName: options.stdinName, forceExclude: options.forceExclude,
                                  resolver: &resolver, language: language, io: &io)
            (inputs, unchecked) = (read.inputs, read.unchecked)
            if inputs.isEmpty && unchecked.isEmpty && read.excludedNamed > 0 {
                // What a hook passes for a draft that hoso.json excludes: not a failure.
                say(LocalizedText(vi: "mọi tệp nêu tên đều bị `exclude` loại trừ; không có gì để kiểm tra",
                                  en: "every file named is excluded by `exclude`; nothing to check"))
                return 0
            }
        }
        // `--stdin-filename NAME` stands for NAME's unsaved text: the copy on disk, when also
        // named or walked, is not checked beside it (that would pair every nominee with itself).
        if let name = options.stdinName, inputs.contains(where: { !$0.onDisk }), let file = FileWalker.identity(ofPath: name) {
            for input in inputs where input.read?.stamp.identity == file && positionals.contains(input.path) {
                // Named twice, as itself and through `-`: say which text is checked.
                say(LocalizedText(
                    vi: "\"\(input.path)\" được kiểm tra theo văn bản từ đầu vào chuẩn (--stdin-filename); bản trên đĩa không được kiểm tra\(options.fix ? " và không được sửa" : "")",
                    en: "\"\(input.path)\" is checked as the text on standard input (--stdin-filename); the copy on disk is not checked\(options.fix ? " or fixed" : "")"))
            }
            inputs.removeAll { $0.read?.stamp.identity == file }
        }
        let (setups, groupOf) = try Self.setups(for: inputs, resolver: &resolver)
        for warning in resolver.warnings { say(LocalizedText(vi: "cảnh báo: \(warning.vi)", en: "warning: \(warning.en)")) }
        func linter(_ setup: Setup) -> Linter {
            Linter(profile: setup.profile, severityOverrides: setup.severityOverrides, honorsSuppressions: options.inlineConfig,
                   messages: language)
        }

        if options.diff {
            return diff(inputs, linters: inputs.indices.map { linter(setups[groupOf[$0]]) }, unchecked: unchecked, options: options, io: &io)
        }

        var refused: [RunProblem] = []
        if options.fix {
            for index in inputs.indices {
                guard let (fixed, count) = Fixer.fixAll(raw: inputs[index].bytes, linter: linter(setups[groupOf[index]]), unsafe: options.unsafeFixes) else { continue }
                if let read = inputs[index].read {
                    do {
                        try SafeFile.replace(inputs[index].path, with: fixed, expecting: read, breakLinks: options.breakLinks)
                        inputs[index].bytes = fixed
                        say(LocalizedText(vi: "đã sửa \(count) chỗ trong \(inputs[index].path)", en: "fixed \(count) in \(inputs[index].path)"))
                    } catch let error as SafeFile.Refusal {
                        say(error.message)
                        refused.append(RunProblem(.failed, error.message, path: inputs[index].path))
                    }
                } else {
                    inputs[index].bytes = fixed
                }
            }
            // Standard input: the fixed text goes to stdout, the findings to stderr (like ruff).
            if let stdinIndex = inputs.firstIndex(where: { !$0.onDisk }) {
                io.stdout.bytes(inputs[stdinIndex].bytes)
            }
        }

        // Each file with its own setup; the cross-file rules over each campaign's files together.
        let linters = setups.map(linter)
        let results = Linter.lintPooled(inputs.indices.map { (LintInput(path: inputs[$0].path, bytes: inputs[$0].bytes), linters[groupOf[$0]]) })
        let linted = inputs.indices.map { LintedFile(path: inputs[$0].path, config: setups[groupOf[$0]].configFile, result: results[$0]) }
        LintedFile.keepUntilExit(linted)
        // Counted before `--quiet` filters what is printed: the status always counts everything.
        var errors = 0, warnings = 0
        for file in linted {
            for finding in file.result.findings {
                if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
            }
        }
        let tooManyWarnings = options.maxWarnings.map { warnings > $0 } ?? false
        // `--quiet` hides warnings only while they do not decide the status: a report (text or
        // JUnit, GitLab…) must always show why a run failed.
        let hidesWarnings = options.quiet && !tooManyWarnings
        let shown = hidesWarnings ? linted.map { LintedFile(path: $0.path, config: $0.config, result: $0.result.filter { $0.severity == .error }) } : linted
        let run = RunOutcome(profiles: setups.map(\.profile), problems: unchecked + refused)
        var report = OutputBuffer()
        render(shown, counting: linted, run: run, format: options.format, options: options, into: &report)
        if tooManyWarnings, let limit = options.maxWarnings, options.format == .text {
            report.line(language == .vi ? "Quá số cảnh báo cho phép: \(warnings) > --max-warnings \(limit)."
                                        : "Too many warnings: \(warnings) > --max-warnings \(limit).")
        }
        if options.fix && options.outputFile == nil && inputs.contains(where: { !$0.onDisk }) {
            io.stderr.bytes(report.bytes)  // stdout holds the fixed text
        } else if !deliver(report.bytes, to: options.outputFile, io: &io, language: language) {
            return 2
        }
        if !run.problems.isEmpty { return 2 }
        let failed = errors > 0 || tooManyWarnings
        return failed && !options.exitZero ? 1 : 0
    }

    /// The setups in play, one per profile and config, and the index of each input's setup.
    static func setups(for inputs: [Input], resolver: inout SetupResolver) throws -> (setups: [Setup], groupOf: [Int]) {
        var setups: [Setup] = []
        var groupOf: [Int] = []
        for input in inputs {
            let setup = try resolver.setup(for: input.configLookup)
            if let index = setups.firstIndex(where: { $0.key == setup.key }) {
                groupOf.append(index)
            } else {
                setups.append(setup)
                groupOf.append(setups.count - 1)
            }
        }
        return (setups, groupOf)
    }

    /// What the paths of a command line name, read: the files, what could not be read (said on
    /// stderr as it happens) and how many named files `--force-exclude` left out.
    struct ReadInputs {
        var inputs: [Input] = []
        var unchecked: [RunProblem] = []
        var excludedNamed = 0
    }

    /// Reads the paths named (the current folder when none; `-` is standard input): folders are
    /// walked for dossiers honouring `exclude`, a file reached twice is read once.
    static func readInputs(_ positionals: [String], stdinName: String?, forceExclude: Bool, resolver: inout SetupResolver,
                           language: Language, io: inout CommandIO) throws -> ReadInputs {
        func say(_ text: LocalizedText) { io.stderr.line("hoso: " + text.text(language)) }
        var read = ReadInputs()
        /// Says why `path` is not checked; `isFile` when it is a file that could not be read.
        func skip(_ text: LocalizedText, path: String?, isFile: Bool = false) {
            say(text)
            read.unchecked.append(RunProblem(.notChecked, text, path: path, isFile: isFile))
        }
        var seen: Set<FileIdentity> = []
        for path in positionals.isEmpty ? ["."] : positionals {
            if path == "-" {
                let name = stdinName ?? "-"
                let bytes = io.readStdin()
                guard bytes.count <= FileWalker.maxFileBytes else {
                    let cap = FileWalker.maxFileBytes / 1_048_576
                    skip(LocalizedText(vi: "đầu vào chuẩn quá lớn (hơn \(cap) MB), không kiểm tra", en: "standard input is too large to check (over \(cap) MB)"),
                         path: stdinName ?? "-", isFile: true)
                    continue
                }
                read.inputs.append(Input(path: name, configLookup: stdinName ?? "./-", bytes: bytes, read: nil))
                continue
            }
            let files: [String]
            do {
                files = try FileWalker.dossiers(at: path, excluded: { resolver.isExcluded($0) },
                                                problem: { skip($0.text, path: nil) })
            } catch let error as FileWalker.Failure {
                skip(error.text, path: path)
                continue
            }
            // A file named on the command line is read whatever it is; a walk takes regular files only.
            let named = files == [path]
            if named && forceExclude && resolver.isExcluded(path) {
                read.excludedNamed += 1
                continue
            }
            if !named && files.isEmpty {
                skip(LocalizedText(vi: "không có hồ sơ nào (*.hoso) trong \"\(path)\"; kiểm tra lại thư mục", en: "no dossier (*.hoso) in \"\(path)\"; check the folder"), path: path)
                continue
            }
            for file in files {
                // What the current folder holds is named from it, as people write it: `a.hoso`, not `./a.hoso`.
                let shown = !named && (path == "." || path == "./") && file.hasPrefix("./") ? String(file.dropFirst(2)) : file
                do {
                    let contents = try FileWalker.contents(file, regularOnly: !named)
                    // The same file reached twice (a repeated argument, a link) is checked once.
                    guard seen.insert(contents.stamp.identity).inserted else { continue }
                    if FileWalker.isNotepadName(shown) {
                        say(LocalizedText(vi: "lưu ý: \"\(shown)\" có đuôi .txt do Notepad thêm vào; hãy đổi tên thành \"\(shown.dropLast(4))\"",
                                          en: "note: \"\(shown)\" has the .txt Notepad adds; rename it to \"\(shown.dropLast(4))\""))
                    }
                    read.inputs.append(Input(path: shown, configLookup: file, bytes: contents.bytes, read: contents))
                } catch let error as FileWalker.Failure {
                    skip(error.text, path: shown, isFile: true)
                }
            }
        }
        return read
    }

    /// `--diff`: the unified diff of what `--fix` (with `--unsafe-fixes`, those too) would change
    /// in each file, as the fix would decode and re-encode it; nothing is written. Exit 1 when
    /// something would change, 2 when something could not be checked.
    static func diff(_ inputs: [Input], linters: [Linter], unchecked: [RunProblem], options: Options, io: inout CommandIO) -> Int32 {
        guard !inputs.isEmpty else { return 2 }  // nothing was read: the reasons are on stderr already
        let language = options.language
        var report = OutputBuffer()
        var files = 0, fixes = 0
        for index in inputs.indices {
            guard let (fixed, count) = Fixer.fixAll(raw: inputs[index].bytes, linter: linters[index], unsafe: options.unsafeFixes) else { continue }
            if writeDiff(inputs[index].bytes, fixed, path: inputs[index].path, color: options.color,
                         standIns: io.stdoutIsTerminal && options.outputFile == nil, language: language, io: &io, to: &report) {
                files += 1
                fixes += count
            }
        }
        let command = options.unsafeFixes ? "--fix --unsafe-fixes" : "--fix"
        io.stderr.line("hoso: " + (files == 0
            ? (language == .vi ? "\(command) không có gì để sửa" : "nothing for \(command) to fix")
            : (language == .vi ? "\(command) sẽ sửa \(fixes) chỗ trong \(files) tệp (chưa ghi gì)"
                               : "\(command) would make \(fixes) \(fixes == 1 ? "fix" : "fixes") in \(files) \(files == 1 ? "file" : "files") (nothing written)")))
        if !deliver(report.bytes, to: options.outputFile, io: &io, language: language) || !unchecked.isEmpty { return 2 }
        return files > 0 && !options.exitZero ? 1 : 0
    }

    /// Writes the unified diff of a file's raw bytes and their rewrite; false when no line changes.
    ///
    /// A UTF-8 file (BOM or not) is diffed byte for byte, so `patch` applies the diff to it (CRLF
    /// and the BOM kept); other encodings as the decoded text, with a note on stderr.
    static func writeDiff(_ raw: [UInt8], _ rewritten: [UInt8], path: String, color: Bool, standIns: Bool, language: Language,
                     io: inout CommandIO, to report: inout OutputBuffer) -> Bool {
        let decoded = SourceDecoder.decode(raw)
        let exact = decoded.problem == nil && (decoded.text.encoding == .utf8 || decoded.text.encoding == .utf8BOM)
        let before = exact ? raw : decoded.text.bytes
        let after = exact ? rewritten : SourceDecoder.decode(rewritten).text.bytes
        if !exact {
            io.stderr.line("hoso: " + (language == .vi
                ? "lưu ý: \(path) không phải UTF-8; bản so sánh là văn bản đã giải mã, `patch` không áp dụng được vào tệp"
                : "note: \(path) is not UTF-8; the diff shows the decoded text, which `patch` cannot apply to the file"))
        }
        return UnifiedDiff.write(old: before, new: after, path: path, color: color, standIns: standIns, to: &report)
    }

    /// Writes the report of `files` (those shown) in a format; the text summary counts `counting`.
    static func render(_ files: [LintedFile], counting: [LintedFile], run: RunOutcome, format: Format, options: Options,
                       into report: inout OutputBuffer) {
        let language = options.language
        switch format {
        case .text where options.statistics:
            TextReport.statistics(counting, notChecked: run.notChecked, language: language, to: &report)
        case .text: TextReport.write(files, counting: counting, notChecked: run.notChecked, language: language, color: options.color, to: &report)
        case .json: report.line(JSONReport.render(files, run: run, language: language))
        case .github: GitHubReport.write(files, run: run, language: language, to: &report)
        case .sarif: report.line(SARIFReport.render(files, run: run, language: language))
        case .junit: report.line(JUnitReport.render(files, run: run, language: language))
        case .gitlab: report.line(GitLabReport.render(files, run: run, language: language))
        }
    }

    /// The paths of regular files in `git diff --cached --raw -z` output: symlinks (mode 120000,
    /// whose blob is the target's name) and submodules are not dossiers, as in a folder walk.
    static func stagedFiles(_ raw: [UInt8]) -> [String] {
        let fields = raw.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var files: [String] = []
        var i = 0
        while i < fields.count {
            let meta = fields[i]
            guard meta.hasPrefix(":") else { i += 1; continue }
            let parts = meta.split(separator: " ")
            let status = parts.last ?? ""
            let paths = status.hasPrefix("R") || status.hasPrefix("C") ? 2 : 1
            guard i + paths < fields.count else { break }
            let mode = parts.count > 1 ? parts[1] : ""
            if mode.hasPrefix("100") { files.append(fields[i + paths]) }
            i += paths + 1
        }
        return files
    }

    /// The dossiers staged in git's index, with their staged contents: the whole repository's
    /// (or those under `paths`), wherever in it hoso runs. Paths are shown from the current folder.
    static func stagedInputs(_ paths: [String]) throws -> [Input] {
        guard let list = Subprocess.run(["git", "diff", "--cached", "--raw", "-z", "--diff-filter=ACMR", "--"] + paths),
              list.status == 0, let up = Subprocess.run(["git", "rev-parse", "--show-cdup"]), up.status == 0 else {
            throw UsageError(vi: "--staged cần chạy trong một kho git", en: "--staged must run inside a git repository")
        }
        let toRoot = String(decoding: up.stdout, as: UTF8.self).trimmingCharacters(in: "\n")
        var inputs: [Input] = []
        for name in stagedFiles(list.stdout) {
            let base = String(name.split(separator: "/").last ?? "")
            guard FileWalker.isDossierName(base) || FileWalker.isNotepadName(base) else { continue }
            guard let blob = Subprocess.run(["git", "show", ":\(name)"]), blob.status == 0 else {
                throw UsageError(vi: "không đọc được bản trong chỉ mục của \"\(name)\"", en: "cannot read the staged \"\(name)\"")
            }
            let shown = toRoot + name
            inputs.append(Input(path: shown, configLookup: shown, bytes: blob.stdout, read: nil))
        }
        return inputs
    }
}

