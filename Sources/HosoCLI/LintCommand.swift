import FoundationEssentials
import HosoRules
import HosoSemantics
import HosoText
import HosoProtocol
import HosoWorkspace

/// One dossier as the command line read it: the name to print and the lint result.
struct LintedFile {
    let path: String
    let result: LintResult
}

/// `hoso lint`: reads the paths, lints the files together, fixes, prints, picks the exit status.
enum LintCommand {
    enum Format: String { case text, json, github, sarif }

    struct Options {
        var format = Format.text
        var language: Language?
        var quiet = false
        var color = false
        var fix = false
        var breakLinks = false
        var staged = false
        var maxWarnings: Int?
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

    static func parse(_ arguments: [String], io: CommandIO) throws -> (Options, [String]) {
        var scanner = ArgumentScanner(arguments)
        let raw = try scanner.parse(valued: ["--format", "--lang", "--color", "--max-warnings", "--stdin-filename", "--config", "--profile"],
                                    flags: ["--quiet", "--fix", "--break-links", "--staged"])
        var options = Options()
        if let value = raw["--format"] {
            guard let format = Format(rawValue: value) else {
                throw UsageError(message: "--format nhận text, json, sarif hoặc github, không nhận \"\(value)\" / --format takes text, json, sarif or github")
            }
            options.format = format
        }
        options.language = try raw["--lang"].map { try LanguageOption.parse($0) }
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
        options.quiet = raw["--quiet"] != nil
        options.fix = raw["--fix"] != nil
        options.breakLinks = raw["--break-links"] != nil
        if options.breakLinks && !options.fix {
            throw UsageError(message: "--break-links chỉ dùng cùng --fix / --break-links only goes with --fix")
        }
        options.staged = raw["--staged"] != nil
        options.stdinName = raw["--stdin-filename"]
        options.configPath = raw["--config"]
        options.profilePath = raw["--profile"]
        if options.staged && options.fix {
            throw UsageError(message: "--fix không dùng cùng --staged (bản trong chỉ mục git không phải tệp trên đĩa) / --fix cannot be combined with --staged")
        }
        return (options, scanner.positionals)
    }

    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        let (options, positionals) = try parse(arguments, io: io)
        var resolver = try SetupResolver(configPath: options.configPath, profilePath: options.profilePath)
        var notChecked = 0
        var inputs: [Input] = []
        if options.staged {
            inputs = try stagedInputs(positionals)
        } else {
            var seen: Set<FileWalker.Identity> = []
            for path in positionals.isEmpty ? ["."] : positionals {
                if path == "-" {
                    let name = options.stdinName ?? "-"
                    let bytes = io.readStdin()
                    guard bytes.count <= FileWalker.maxFileBytes else {
                        io.stderr.line("hoso: đầu vào chuẩn quá lớn (hơn \(FileWalker.maxFileBytes / 1_048_576) MB), không kiểm tra / standard input is too large to check (over \(FileWalker.maxFileBytes / 1_048_576) MB)")
                        notChecked += 1
                        continue
                    }
                    inputs.append(Input(path: name, configLookup: options.stdinName ?? "./-", bytes: bytes, read: nil))
                    continue
                }
                let files: [String]
                do {
                    files = try FileWalker.dossiers(at: path, excluded: { resolver.isExcluded($0) },
                                                    problem: { io.stderr.line("hoso: \($0)"); notChecked += 1 })
                } catch let error as FileWalker.Failure {
                    io.stderr.line("hoso: \(error.message)")
                    notChecked += 1
                    continue
                }
                // A file named on the command line is read whatever it is; a walk takes regular files only.
                let named = files == [path]
                for file in files {
                    do {
                        let contents = try FileWalker.contents(file, regularOnly: !named)
                        // The same file reached twice (a repeated argument, a link) is checked once.
                        guard seen.insert(contents.stamp.identity).inserted else { continue }
                        if FileWalker.isNotepadName(file) {
                            io.stderr.line("hoso: lưu ý / note: \"\(file)\" có đuôi .txt do Notepad thêm vào; hãy đổi tên thành \"\(file.dropLast(4))\" / has the .txt Notepad adds; rename it to \"\(file.dropLast(4))\"")
                        }
                        inputs.append(Input(path: file, configLookup: file, bytes: contents.bytes, read: contents))
                    } catch let error as FileWalker.Failure {
                        io.stderr.line("hoso: \(error.message)")
                        notChecked += 1
                    }
                }
            }
        }
        // `--stdin-filename NAME` stands for NAME's unsaved text: the copy on disk, when also
        // named or walked, is not checked beside it (that would pair every nominee with itself).
        if let name = options.stdinName, inputs.contains(where: { !$0.onDisk }), let file = FileWalker.identity(ofPath: name) {
            inputs.removeAll { $0.read?.stamp.identity == file }
        }
        // Group files by setup: those sharing a profile and config are checked together.
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
        let folderConfig = try resolver.config(for: "./hoso.json")
        for warning in resolver.warnings { io.stderr.line("hoso: cảnh báo / warning: \(warning)") }
        let language = options.language ?? folderConfig?.language ?? .vi

        var refusedFixes = 0
        if options.fix {
            for index in inputs.indices {
                let linter = Linter(profile: setups[groupOf[index]].profile, severityOverrides: setups[groupOf[index]].severityOverrides)
                guard let (fixed, count) = Fixer.fixAll(raw: inputs[index].bytes, linter: linter) else { continue }
                if let read = inputs[index].read {
                    do {
                        try SafeFile.replace(inputs[index].path, with: fixed, expecting: read, breakLinks: options.breakLinks)
                        inputs[index].bytes = fixed
                        io.stderr.line(language == .vi ? "hoso: đã sửa \(count) chỗ trong \(inputs[index].path)" : "hoso: fixed \(count) in \(inputs[index].path)")
                    } catch let error as SafeFile.Refusal {
                        io.stderr.line("hoso: \(error.message)")
                        refusedFixes += 1
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

        var files = Array(repeating: LintedFile?.none, count: inputs.count)
        for (groupIndex, setup) in setups.enumerated() {
            let members = inputs.indices.filter { groupOf[$0] == groupIndex }
            let linter = Linter(profile: setup.profile, severityOverrides: setup.severityOverrides)
            let results = linter.lintTogether(members.map { LintInput(path: inputs[$0].path, bytes: inputs[$0].bytes) })
            for (member, result) in zip(members, results) { files[member] = LintedFile(path: inputs[member].path, result: result) }
        }
        var linted = files.compactMap { $0 }
        if options.quiet {
            linted = linted.map { LintedFile(path: $0.path, result: $0.result.filter { $0.severity == .error }) }
        }
        var report = OutputBuffer()
        switch options.format {
        case .text: TextReport.write(linted, notChecked: notChecked, language: language, color: options.color, to: &report)
        case .json: report.line(JSONReport.render(linted, notChecked: notChecked, profile: setups.first?.profile ?? .sonLa2022, language: language))
        case .github: GitHubReport.write(linted, language: language, to: &report)
        case .sarif: report.line(SARIFReport.render(linted, language: language))
        }
        if options.fix && inputs.contains(where: { !$0.onDisk }) {
            io.stderr.bytes(report.bytes)
        } else {
            io.stdout.bytes(report.bytes)
        }
        if notChecked > 0 || refusedFixes > 0 { return 2 }
        // Counted in place: copying every finding of a large campaign into one array is not free.
        var errors = 0, warnings = 0
        for file in linted {
            for finding in file.result.findings {
                if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
            }
        }
        if errors > 0 { return 1 }
        if let limit = options.maxWarnings, warnings > limit { return 1 }
        return 0
    }

    /// The `.hoso` files staged in git's index, with their staged contents.
    static func stagedInputs(_ paths: [String]) throws -> [Input] {
        guard let list = Subprocess.run(["git", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--relative", "--"] + paths),
              list.status == 0 else {
            throw UsageError(message: "--staged cần chạy trong một kho git / --staged must run inside a git repository")
        }
        var inputs: [Input] = []
        for name in list.stdout.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) }) where name.hasSuffix(".hoso") {
            guard let blob = Subprocess.run(["git", "show", ":./\(name)"]), blob.status == 0 else {
                throw UsageError(message: "không đọc được bản trong chỉ mục của \"\(name)\" / cannot read the staged \"\(name)\"")
            }
            inputs.append(Input(path: name, configLookup: name, bytes: blob.stdout, read: nil))
        }
        return inputs
    }
}

