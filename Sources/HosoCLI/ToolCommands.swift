import HosoProtocol
import HosoRules
import HosoWorkspace

/// `hoso config [FILE]`: the settings a file is checked with, and where each one came from.
enum ConfigCommand {
    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        let vi = language == .vi
        let named = options.positionals.first
        if let named, FileWalker.identity(ofPath: named) == nil {
            // Asking about a file not written yet is fine (where would it be excluded?), but say so.
            io.stderr.line(vi ? "hoso: lưu ý: \"\(named)\" chưa có; đây là cấu hình một tệp ở đó sẽ dùng"
                              : "hoso: note: \"\(named)\" does not exist; these are the settings a file there would get")
        }
        // With no file: what a dossier in the current folder would be checked with.
        let file = named ?? "./hoso.json"
        let shownName = named ?? (vi ? "thư mục hiện tại" : "the current folder")
        var resolver = try SetupResolver(configPath: options["--config"], profilePath: options["--profile"])
        let config = try resolver.config(for: file)
        let setup = try resolver.setup(for: file)
        let configSource = options["--config"] != nil ? "--config" : (config == nil ? (vi ? "không có" : "none") : (vi ? "tìm thấy" : "found"))
        let profileSource = options["--profile"] != nil ? "--profile" : (config?.profilePath != nil ? "hoso.json" : (vi ? "có sẵn" : "built-in"))
        let asked = options["--lang"].flatMap(Language.init(rawValue:))
        let languageValue = asked ?? config?.language ?? .vi
        let languageSource = asked != nil ? "--lang" : (config?.language != nil ? "hoso.json" : (vi ? "mặc định" : "default"))
        let overrides = setup.severityOverrides.sorted { $0.key < $1.key }
        if options["--format"] == "json" {
            io.stdout.line(JSON.object([
                ("file", .string(file)),
                ("config", .object([("path", config.map { .string($0.file) } ?? .null), ("source", .string(configSource))])),
                ("profile", .object([("id", .string(setup.profile.id)), ("title", .string(setup.profile.title)),
                                     ("path", (options["--profile"] ?? config?.profilePath).map(JSON.string) ?? .null),
                                     ("source", .string(profileSource))])),
                ("language", .object([("value", .string(languageValue.rawValue)), ("source", .string(languageSource))])),
                ("rules", .object(overrides.map { ($0.key, .string($0.value?.rawValue ?? "off")) })),
                ("exclude", .array((config?.exclude ?? []).map(JSON.string))),
                ("excluded", .bool(config?.excludes(file) ?? false)),
            ]).render())
            return 0
        }
        func row(_ label: String, _ value: String, _ source: String) { io.stdout.line(label.padding(12) + value + "  (" + source + ")") }
        io.stdout.line((vi ? "Cấu hình cho " : "Settings for ") + shownName + ":")
        row(vi ? "cấu hình" : "config", config?.file ?? "—", configSource)
        row("profile", "\(setup.profile.id) — \(setup.profile.title)", profileSource)
        row(vi ? "ngôn ngữ" : "language", languageValue.rawValue, languageSource)
        if overrides.isEmpty {
            row(vi ? "quy tắc" : "rules", vi ? "mức mặc định cho mọi quy tắc" : "every rule at its default severity", vi ? "mặc định" : "default")
        }
        for (code, severity) in overrides {
            let rule = RuleRegistry.rule(code: code)
            row(code, (severity?.rawValue ?? "off") + " (" + (vi ? "mặc định " : "default ") + (rule?.defaultSeverity.rawValue ?? "?") + ")", config?.file ?? "hoso.json")
        }
        if let config, !config.exclude.isEmpty {
            row("exclude", config.exclude.joined(separator: ", "), config.file)
            if options.positionals.first != nil {
                row("", config.excludes(file) ? (vi ? "tệp này bị loại trừ" : "this file is excluded") : (vi ? "tệp này được kiểm tra" : "this file is checked"), "exclude")
            }
        }
        for warning in resolver.warnings { io.stderr.line((vi ? "hoso: cảnh báo: " : "hoso: warning: ") + warning.text(language)) }
        return 0
    }
}

/// `hoso init`: a `hoso.json` in the current folder with every key at its default.
enum InitCommand {
    /// Every key of `hoso.json` at its default: the built-in profile, Vietnamese, each rule at
    /// its default severity, nothing excluded.
    static let defaultConfig = """
        {
          "profile": null,
          "language": "vi",
          "rules": {},
          "exclude": []
        }

        """

    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        let path = "hoso.json"
        if !options.has("--force") && FileWalker.identity(ofPath: path) != nil {
            throw UsageError(vi: "đã có hoso.json ở thư mục này; không ghi đè (thêm --force để ghi đè)",
                             en: "hoso.json exists in this folder; not overwritten (add --force to overwrite)")
        }
        do {
            try SafeFile.write(path, Array(defaultConfig.utf8))
        } catch let refusal as SafeFile.Refusal {
            throw UsageError(refusal.message)
        }
        io.stderr.line(language == .vi ? "hoso: đã ghi hoso.json (`hoso help init` giải thích từng khoá; `hoso config` cho biết cấu hình đang dùng)"
                                       : "hoso: wrote hoso.json (`hoso help init` explains each key; `hoso config` shows the settings in effect)")
        return 0
    }
}

/// `hoso completions bash|zsh|fish`: tab completion made from `CommandTable`.
enum CompletionsCommand {
    static func run(_ options: ParsedArguments, io: inout CommandIO) throws -> Int32 {
        switch options.positionals.first {
        case "bash": io.stdout.write(bash())
        case "zsh": io.stdout.write(zsh())
        case "fish": io.stdout.write(fish())
        case let other:
            let hint = other.flatMap { Suggestion.nearest($0, among: ["bash", "zsh", "fish"]) }
            throw UsageError(vi: "cần tên shell: bash, zsh hoặc fish" + (hint.map { " (có phải ý bạn là \($0)?)" } ?? ""),
                             en: "a shell is needed: bash, zsh or fish" + (hint.map { " (did you mean \($0)?)" } ?? ""))
        }
        return 0
    }

    static var commandNames: [String] { CommandTable.commands.map(\.name) }

    static func options(of command: CommandSpec) -> [OptionSpec] { command.options + CommandTable.globalOptions }

    static func bash() -> String {
        var cases: [String] = []
        for command in CommandTable.commands {
            var valueCases: [String] = []
            for option in options(of: command) where option.value != nil {
                let names = ([option.name] + (option.short.map { [$0] } ?? [])).joined(separator: "|")
                switch (option.choices.isEmpty, option.completes) {
                case (false, _): valueCases.append("      \(names)) COMPREPLY=($(compgen -W \"\(option.choices.joined(separator: " "))\" -- \"$cur\")); return ;;")
                case (true, .files), (true, .dossiers): valueCases.append("      \(names)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
                default: valueCases.append("      \(names)) return ;;")
                }
            }
            let words = options(of: command).flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }.joined(separator: " ")
            let positional: String
            switch command.positionals {
            case .words(let list): positional = "COMPREPLY=($(compgen -W \"\(list.joined(separator: " "))\" -- \"$cur\"))"
            case .files, .dossiers: positional = "COMPREPLY=($(compgen -f -- \"$cur\"))"
            case .nothing: positional = "COMPREPLY=()"
            }
            cases.append("""
                  \(command.name))
                    case "$prev" in
                \(valueCases.joined(separator: "\n"))
                    esac
                    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "\(words)" -- "$cur")); else \(positional); fi
                    ;;
                """)
        }
        return """
            # bash completion for hoso (generated by `hoso completions bash`)
            _hoso() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" i
              for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in
                  --lang) ((i++)) ;;
                  -*) ;;
                  *) command="${COMP_WORDS[i]}"; break ;;
                esac
              done
              if [[ -z "$command" ]]; then
                COMPREPLY=($(compgen -W "\(commandNames.joined(separator: " ")) --version --help --lang" -- "$cur"))
                return
              fi
              case "$command" in
            \(cases.joined(separator: "\n"))
              esac
            }
            complete -o filenames -F _hoso hoso

            """
    }

    /// An option's help for zsh and fish, with the characters they treat specially escaped.
    static func plain(_ text: String) -> String {
        text.replacing("'", with: "’").replacing("[", with: "(").replacing("]", with: ")")
            .replacing(":", with: "\\:")
    }

    static func zsh() -> String {
        var functions: [String] = []
        for command in CommandTable.commands {
            let specs = options(of: command).map { option -> String in
                let action: String
                if !option.choices.isEmpty {
                    action = ":\(option.value!):(\(option.choices.joined(separator: " ")))"
                } else if option.value != nil {
                    action = ":\(option.value!):" + (option.completes == .nothing ? " " : "_files")
                } else {
                    action = ""
                }
                let help = plain(option.help.en)
                let names = option.short.map { "'(\($0) \(option.name))'{\($0),\(option.name)}" } ?? "'\(option.name)"
                return option.short == nil ? "\(names)[\(help)]\(action)'" : "\(names)'[\(help)]\(action)'"
            }
            let positional: String
            switch command.positionals {
            case .words(let list): positional = "'*:argument:(\(list.joined(separator: " ")))'"
            case .files, .dossiers: positional = "'*:file:_files'"
            case .nothing: positional = ""
            }
            functions.append("""
                _hoso_\(command.name)() {
                  _arguments \\
                    \((specs + (positional.isEmpty ? [] : [positional])).joined(separator: " \\\n    "))
                }
                """)
        }
        let commandList = CommandTable.commands.map { "'\($0.name):\(plain($0.summary.en))'" }.joined(separator: " ")
        return """
            #compdef hoso
            # zsh completion for hoso (generated by `hoso completions zsh`)
            \(functions.joined(separator: "\n"))
            _hoso() {
              local context state line
              _arguments '--version[print the version]' '--lang[message language]:language:(vi en)' '1:command:->command' '*::argument:->argument'
              case $state in
                command) _describe 'command' "(\(commandList))" ;;
                argument) (( $+functions[_hoso_$line[1]] )) && _hoso_$line[1] ;;
              esac
            }
            _hoso "$@"

            """
    }

    static func fish() -> String {
        var lines = ["# fish completion for hoso (generated by `hoso completions fish`)",
                     "complete -c hoso -f",
                     "complete -c hoso -n '__fish_use_subcommand' -l version -d 'print the version'"]
        for command in CommandTable.commands {
            lines.append("complete -c hoso -n '__fish_use_subcommand' -a \(command.name) -d '\(plain(command.summary.en).replacing("\\:", with: ":"))'")
            let condition = "'__fish_seen_subcommand_from \(command.name)'"
            for option in options(of: command) {
                var line = "complete -c hoso -n \(condition) -l \(option.name.dropFirst(2))"
                if let short = option.short { line += " -s \(short.dropFirst())" }
                if !option.choices.isEmpty {
                    line += " -x -a '\(option.choices.joined(separator: " "))'"
                } else if option.value != nil {
                    line += option.completes == .nothing ? " -x" : " -r -F"
                }
                lines.append(line + " -d '\(plain(option.help.en).replacing("\\:", with: ":"))'")
            }
            switch command.positionals {
            case .words(let list): lines.append("complete -c hoso -n \(condition) -a '\(list.joined(separator: " "))'")
            case .files, .dossiers: lines.append("complete -c hoso -n \(condition) -F")
            case .nothing: break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
