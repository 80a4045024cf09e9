import HosoRules

/// One option of a command, as parsing, help and the shell completions know it.
struct OptionSpec: Sendable {
    /// `--format`.
    let name: String
    /// A one-letter alias (`-o`), if any.
    let short: String?
    /// The value's placeholder in help (`FILE`, `N`); nil for a flag.
    let value: String?
    /// The values accepted, when they are a fixed list (checked by the parser, offered by completions).
    let choices: [String]
    /// What a value names, for completions: a file, a folder, or nothing in particular.
    let completes: Completion
    let help: LocalizedText

    init(_ name: String, short: String? = nil, value: String? = nil, choices: [String] = [], completes: Completion = .nothing,
         _ vi: String, _ en: String) {
        self.name = name
        self.short = short
        self.value = value ?? (choices.isEmpty ? nil : choices.joined(separator: "|"))
        self.choices = choices
        self.completes = completes
        help = LocalizedText(viText: vi, enText: en)
    }
}

/// What the shell should offer for a value or a positional argument.
enum Completion: Sendable, Equatable {
    case nothing
    case files
    case dossiers
    case words([String])
}

/// One command: its name, arguments, options and help.
struct CommandSpec: Sendable {
    let name: String
    /// The positional arguments in help (`[PATH…]`).
    let arguments: String
    let summary: LocalizedText
    let options: [OptionSpec]
    let positionals: Completion
    /// More help after the options (exit statuses, examples).
    let notes: LocalizedText?

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.short == name } ?? CommandTable.globalOptions.first { $0.name == name || $0.short == name }
    }
}

/// Every command and option of `hoso`: the one table that parsing, `--help`, `hoso help`,
/// the shell completions and the man page are made from.
enum CommandTable {
    /// Options every command takes, anywhere on the line.
    static let globalOptions = [
        OptionSpec("--lang", value: nil, choices: ["vi", "en"], "ngôn ngữ thông báo (mặc định: vi)", "message language (default: vi)"),
        OptionSpec("--help", short: "-h", "trợ giúp của lệnh", "help for the command"),
    ]

    /// `--force-exclude`, as `lint` and `format` take it.
    static let forceExclude = OptionSpec("--force-exclude", "áp dụng `exclude` cả cho tệp nêu tên trên dòng lệnh (hook dùng)",
                                         "apply `exclude` to files named on the command line too (hooks pass it)")

    static let lint = CommandSpec(
        name: "lint", arguments: "[PATH…]",
        summary: LocalizedText(vi: "kiểm tra hồ sơ .hoso: tệp và thư mục (mặc định: thư mục hiện tại; \"-\" là đầu vào chuẩn)",
                               en: "check .hoso dossiers: files and folders (default: the current folder; \"-\" is standard input)"),
        options: [
            OptionSpec("--format", value: "FORMAT", choices: ["text", "json", "sarif", "github", "junit", "gitlab"],
                       "định dạng kết quả: text (mặc định), json, sarif, github, junit (JUnit XML cho CI), gitlab (Code Quality của GitLab)",
                       "report format: text (default), json, sarif, github, junit (JUnit XML for CI), gitlab (GitLab Code Quality)"),
            OptionSpec("--fix", "tự sửa các lỗi sửa được an toàn (ghi nguyên tử, giữ bảng mã, BOM, xuống dòng, chủ sở hữu, quyền)",
                       "apply the safe fixes in place (atomic writes that keep encoding, BOM, line ends, owner and mode)"),
            OptionSpec("--unsafe-fixes", "cùng --fix hoặc --diff: áp dụng cả các sửa cần người đọc lại (chuyển bảng mã cả tệp, xoá chú thích thừa…)",
                       "with --fix or --diff: apply the fixes a person should review too (converting a file's encoding, removing unused suppressions…)"),
            OptionSpec("--diff", "in bản so sánh (diff) những gì --fix sẽ sửa, không ghi tệp nào; trả mã 1 khi có chỗ sẽ sửa",
                       "print the diff of what --fix would change and write nothing; exit 1 when something would change"),
            OptionSpec("--break-links", "cùng --fix: sửa cả tệp có liên kết cứng (tách nó khỏi các tên kia)",
                       "with --fix: also fix files with hard links (separating them from their other names)"),
            OptionSpec("--staged", "kiểm tra bản đã `git add` (bản sẽ được commit), không phải bản trên đĩa",
                       "check the versions staged in git's index (what the commit records), not the working tree"),
            OptionSpec("--stdin-filename", value: "NAME", "tên của \"-\" trong kết quả, và nơi tìm hoso.json cho nó",
                       "the name to report for \"-\", and where to find its hoso.json from"),
            OptionSpec("--config", value: "FILE", completes: .files, "dùng tệp cấu hình này cho mọi tệp (thay cho hoso.json tìm được)",
                       "use this config for every file (instead of the hoso.json found)"),
            OptionSpec("--profile", value: "FILE", completes: .files, "dùng profile (kế hoạch) này", "use this profile (campaign plan)"),
            OptionSpec("--no-inline-config", "bỏ qua các chú thích tắt kiểm tra trong hồ sơ (cổng kiểm tra của văn phòng)",
                       "ignore suppression comments in the dossiers (the office's gate)"),
            forceExclude,
            OptionSpec("--max-warnings", value: "N", "trả mã 1 khi số cảnh báo vượt quá N", "exit 1 when there are more than N warnings"),
            OptionSpec("--exit-zero", "trả mã 0 cả khi có lỗi (không che mã 2: không kiểm tra được)",
                       "exit 0 even when there are findings (never hides 2: could not check)"),
            OptionSpec("--quiet", short: "-q", "chỉ in lỗi (error); mã thoát và --max-warnings vẫn tính đủ, và khi vượt --max-warnings thì cảnh báo vẫn được in",
                       "print errors only; the exit status and --max-warnings still count everything, and warnings over --max-warnings are printed"),
            OptionSpec("--statistics", "in số lượng theo từng quy tắc thay cho từng lỗi", "print a count per rule instead of the findings"),
            OptionSpec("--output-file", short: "-o", value: "FILE", completes: .files, "ghi kết quả vào FILE (ghi nguyên tử) thay cho đầu ra chuẩn",
                       "write the report to FILE (atomically) instead of standard output"),
            OptionSpec("--color", choices: ["auto", "always", "never"], "tô màu (auto: chỉ khi ra màn hình, tắt khi NO_COLOR có giá trị)",
                       "colour (auto: only to a terminal, off when NO_COLOR is set to a value)"),
        ],
        positionals: .dossiers,
        notes: LocalizedText(
            vi: "Mã thoát: 0 không có lỗi (và cảnh báo trong giới hạn --max-warnings); 1 có lỗi hoặc quá số cảnh báo (với --diff: có chỗ sẽ sửa); 2 không kiểm tra được (tham số sai, không đọc được tệp, profile hay cấu hình hỏng, không tìm thấy hồ sơ nào, không ghi được kết quả).\nCổng kiểm tra của văn phòng: hoso lint --config VANPHONG.json --no-inline-config --max-warnings 0 THƯ_MỤC",
            en: "Exit status: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings (with --diff: something would change); 2 the check could not run (bad arguments, an unreadable file, a broken profile or config, no dossier found, output that could not be written).\nThe office's gate: hoso lint --config OFFICE.json --no-inline-config --max-warnings 0 FOLDER"))

    static let format = CommandSpec(
        name: "format", arguments: "[PATH…]",
        summary: LocalizedText(vi: "sắp lại bố cục hồ sơ .hoso, không đổi chữ nào (mặc định: thư mục hiện tại; \"-\" là đầu vào chuẩn)",
                               en: "tidy the layout of .hoso dossiers, never a word (default: the current folder; \"-\" is standard input)"),
        options: [
            OptionSpec("--check", "không ghi gì: liệt kê các tệp sẽ được định dạng lại; trả mã 1 khi có",
                       "write nothing: list the files that would be reformatted; exit 1 if any"),
            OptionSpec("--diff", "không ghi gì: in bản so sánh (diff) những gì sẽ đổi; trả mã 1 khi có",
                       "write nothing: print the diff of what would change; exit 1 if anything would"),
            OptionSpec("--config", value: "FILE", completes: .files, "dùng tệp cấu hình này (ngôn ngữ, `exclude`) thay cho hoso.json tìm được",
                       "use this config (language, `exclude`) instead of the hoso.json found"),
            forceExclude,
            OptionSpec("--stdin-filename", value: "NAME", "tên của \"-\" trong thông báo, và nơi tìm hoso.json cho nó",
                       "the name of \"-\" in messages, and where to find its hoso.json from"),
            OptionSpec("--break-links", "ghi cả tệp có liên kết cứng (tách nó khỏi các tên kia)",
                       "also rewrite files with hard links (separating them from their other names)"),
            OptionSpec("--color", choices: ["auto", "always", "never"], "tô màu bản so sánh (auto: chỉ khi ra màn hình, tắt khi NO_COLOR có giá trị)",
                       "colour the diff (auto: only to a terminal, off when NO_COLOR is set to a value)"),
        ],
        positionals: .dossiers,
        notes: LocalizedText(
            vi: "Chỉ đổi bố cục: xoá khoảng trắng và tab cuối dòng, gộp các dòng trống liền nhau thành một, bỏ dòng trống ở đầu và cuối tệp, để đúng một dòng trống trước mỗi tiêu đề # và ## (trên các chú thích nằm sát tiêu đề), kết thúc tệp bằng đúng một dấu xuống dòng. Giữ bảng mã, BOM và kiểu xuống dòng (LF/CRLF); tệp không đổi thì không bị ghi lại; không phát sinh hay mất lỗi nào của `hoso lint`.\nMã thoát: 0 đã đúng định dạng (hoặc đã ghi xong); 1 với --check hay --diff: có tệp sẽ đổi; 2 không định dạng được (tham số sai, không đọc hoặc ghi được tệp, tệp không phải Unicode, cấu hình hỏng, không tìm thấy hồ sơ nào).",
            en: "Layout only: removes spaces and tabs at line ends, turns runs of blank lines into one, drops blank lines at the start and end, keeps exactly one blank line before every # and ## heading (above the comments right on top of it), ends the file with exactly one line end. Encoding, BOM and line ends (LF/CRLF) are kept; an unchanged file is not written; no `hoso lint` finding appears or disappears.\nExit status: 0 formatted already (or written); 1 with --check or --diff: something would change; 2 could not format (bad arguments, a file not read or written, a file that is not Unicode, a broken config, no dossier found)."))

    static let report = CommandSpec(
        name: "report", arguments: "[PATH…]",
        summary: LocalizedText(vi: "lập báo cáo tổng hợp HTML cho nơi tiếp nhận hồ sơ: mọi đề nghị, chỉ tiêu đã dùng, các vấn đề theo tệp",
                               en: "write an HTML summary for the office collecting dossiers: every nominee, quota use, findings by file"),
        options: [
            OptionSpec("--output-file", short: "-o", value: "FILE", completes: .files,
                       "ghi vào FILE (mặc định: hoso-report.html ở thư mục hiện tại; \"-\": đầu ra chuẩn)",
                       "write to FILE (default: hoso-report.html in the current folder; \"-\": standard output)"),
            OptionSpec("--force", "ghi đè cả tệp có sẵn không phải báo cáo của hoso", "overwrite an existing file that is not a hoso report"),
            OptionSpec("--config", value: "FILE", completes: .files, "như `hoso lint --config`", "as `hoso lint --config`"),
            OptionSpec("--profile", value: "FILE", completes: .files, "như `hoso lint --profile`", "as `hoso lint --profile`"),
            OptionSpec("--no-inline-config", "bỏ qua các chú thích tắt kiểm tra trong hồ sơ", "ignore suppression comments in the dossiers"),
            forceExclude,
        ],
        positionals: .dossiers,
        notes: LocalizedText(
            vi: "Kiểm tra như `hoso lint` (cùng thư mục, hoso.json, profile, exclude; chỉ tiêu tính chung theo kế hoạch) rồi ghi một trang HTML tự chứa: mở không cần mạng, in được khổ A4. Một tệp có sẵn chỉ bị thay (ghi nguyên tử) khi đó là báo cáo hoso đã lập, hoặc có --force.\nMã thoát: 0 đã ghi báo cáo (các lỗi trong hồ sơ nằm trong báo cáo và dòng tóm tắt trên stderr); 2 không lập được (không có hồ sơ nào, tham số sai, cấu hình hay profile hỏng, không ghi được tệp).",
            en: "Checks as `hoso lint` does (same folders, hoso.json, profiles, exclude; quotas pooled by campaign), then writes one self-contained HTML page that opens offline and prints on A4. An existing file is replaced (atomically) only when it is a report hoso made, or with --force.\nExit status: 0 the report was written (the dossiers' findings are in it, and summed up on stderr); 2 no report (no dossier, bad arguments, a broken config or profile, the file could not be written)."))

    static let explain = CommandSpec(
        name: "explain", arguments: "HSnnn…",
        summary: LocalizedText(vi: "trang giải thích của quy tắc: kiểm tra gì, căn cứ, ví dụ sai và đúng, cách sửa",
                               en: "a rule's page: what it checks, the plan's clause, a failing and a passing example, the fix"),
        options: [
            OptionSpec("--profile", value: "FILE", completes: .files, "đọc trang theo profile này (mặc định: theo hoso.json của thư mục hiện tại)",
                       "read the page with this profile's facts (default: the current folder's hoso.json)"),
            OptionSpec("--config", value: "FILE", completes: .files, "dùng cấu hình này thay cho hoso.json tìm được", "use this config instead of the hoso.json found"),
        ],
        positionals: .words(RuleRegistry.all.map { $0.code }), notes: nil)

    static let rules = CommandSpec(
        name: "rules", arguments: "",
        summary: LocalizedText(vi: "liệt kê các quy tắc: mã, mức độ mặc định, tên", en: "list the rules: code, default severity, title"),
        options: [
            OptionSpec("--format", choices: ["text", "json", "markdown"], "định dạng (mặc định: text); markdown: trang của từng quy tắc",
                       "format (default: text); markdown: each rule's page"),
            OptionSpec("--output-dir", value: "DIR", completes: .files, "cùng --format markdown: ghi mỗi trang vào DIR/HSnnn.md (và DIR/README.md)",
                       "with --format markdown: write each page to DIR/HSnnn.md (and DIR/README.md)"),
        ],
        positionals: .nothing, notes: nil)

    static let new = CommandSpec(
        name: "new", arguments: "",
        summary: LocalizedText(vi: "in khung một hồ sơ mới; `hoso lint` chỉ ra các chỗ còn trống",
                               en: "print a new dossier's skeleton; `hoso lint` points at its blanks"),
        options: [
            OptionSpec("--award", value: "FORM", "hình thức khen thưởng (id trong profile: bang-khen, giay-khen)",
                       "award form (its id in the profile: bang-khen, giay-khen)"),
            OptionSpec("--kind", choices: ["ca-nhan", "tap-the"], "cá nhân hay tập thể", "individual or collective"),
            OptionSpec("--unit", value: "NAME", "tên đơn vị", "the unit's name"),
            OptionSpec("--profile", value: "FILE", completes: .files, "dùng profile này", "use this profile"),
            OptionSpec("--output", short: "-o", value: "FILE", completes: .files, "ghi vào FILE (không ghi đè tệp có sẵn nếu thiếu --force)",
                       "write to FILE (an existing file is kept unless --force)"),
            OptionSpec("--force", "cùng -o: ghi đè tệp có sẵn", "with -o: overwrite an existing file"),
        ],
        positionals: .nothing, notes: nil)

    static let export = CommandSpec(
        name: "export", arguments: "FILE",
        summary: LocalizedText(vi: "xuất hồ sơ thành văn bản để in, ký: tờ trình, biên bản, báo cáo thành tích (DOCX hoặc HTML, thể thức NĐ 30/2020)",
                               en: "export a dossier as the papers to print and sign: Tờ trình, Biên bản, Báo cáo thành tích (DOCX or HTML, NĐ 30/2020 layout)"),
        options: [
            OptionSpec("--output", short: "-o", value: "OUT", completes: .files,
                       "ghi vào OUT (mặc định: tên hồ sơ với đuôi mới, cạnh hồ sơ; một thư mục: tên đó, trong thư mục; -: đầu ra chuẩn)",
                       "write to OUT (default: the dossier's name with the new extension, beside it; a folder: that name inside it; -: standard output)"),
            OptionSpec("--format", choices: ["docx", "html"], "định dạng (mặc định: theo đuôi của OUT, nếu không thì docx)",
                       "format (default: from OUT's extension, else docx)"),
            OptionSpec("--force", "ghi đè OUT nếu đã có", "overwrite OUT if it exists"),
            OptionSpec("--config", value: "FILE", completes: .files, "dùng tệp cấu hình này thay cho hoso.json tìm được", "use this config instead of the hoso.json found"),
            OptionSpec("--profile", value: "FILE", completes: .files, "dùng profile (kế hoạch) này", "use this profile (campaign plan)"),
        ],
        positionals: .dossiers,
        notes: LocalizedText(
            vi: "Các trường in (không bắt buộc): đầu tệp `Cơ quan chủ quản:`; trong tờ trình `Người ký: HỌ TÊN, CHỨC VỤ` và `Nơi nhận: …; …`; trong báo cáo `Người báo cáo:` (cá nhân) hoặc `Thủ trưởng đơn vị:` (tập thể). Chỗ thiếu để dòng chấm để điền tay. Hồ sơ còn lỗi vẫn được xuất, kèm cảnh báo.\nMã thoát: 0 đã ghi; 2 không đọc được hồ sơ, không ghi được tệp, OUT đã có (thiếu --force) hoặc tham số sai.",
            en: "Printing fields (optional): at the top `Cơ quan chủ quản:`; in the Tờ trình `Người ký: NAME, TITLE` and `Nơi nhận: …; …`; in a report `Người báo cáo:` (individual) or `Thủ trưởng đơn vị:` (collective). What is missing is a dotted line to fill by hand. A dossier with errors is exported too, with a warning.\nExit status: 0 written; 2 the dossier could not be read, the file could not be written, OUT exists (without --force) or bad arguments."))

    static let config = CommandSpec(
        name: "config", arguments: "[FILE]",
        summary: LocalizedText(vi: "cấu hình dùng cho một tệp (mặc định: thư mục hiện tại) và mỗi giá trị lấy từ đâu",
                               en: "the settings in effect for a file (default: the current folder) and where each came from"),
        options: [
            OptionSpec("--config", value: "FILE", completes: .files, "như `hoso lint --config`", "as `hoso lint --config`"),
            OptionSpec("--profile", value: "FILE", completes: .files, "như `hoso lint --profile`", "as `hoso lint --profile`"),
            OptionSpec("--format", choices: ["text", "json"], "định dạng (mặc định: text)", "format (default: text)"),
        ],
        positionals: .dossiers, notes: nil)

    static let initialize = CommandSpec(
        name: "init", arguments: "",
        summary: LocalizedText(vi: "ghi hoso.json vào thư mục hiện tại, mọi khoá ở giá trị mặc định",
                               en: "write a hoso.json in the current folder, every key at its default"),
        options: [OptionSpec("--force", "ghi đè hoso.json có sẵn", "overwrite an existing hoso.json")],
        positionals: .nothing,
        notes: LocalizedText(
            vi: """
                Các khoá của hoso.json (hoso dùng tệp hoso.json gần nhất: ở thư mục của hồ sơ, rồi các thư mục cha):
                  profile   đường dẫn tới profile (tính từ thư mục của hoso.json); null là kế hoạch có sẵn
                  language  "vi" (tiếng Việt) hoặc "en" (tiếng Anh)
                  rules     mức của từng quy tắc, ví dụ {"HS208": "off"}: "error", "warning", "info", "hint" hoặc "off" (tắt)
                  exclude   mẫu tên tệp bỏ qua, ví dụ ["nhap/**", "*.cu.hoso"]
                `hoso config [TỆP]` cho biết cấu hình dùng cho một tệp và mỗi giá trị lấy từ đâu.
                """,
            en: """
                The keys of hoso.json (hoso uses the nearest hoso.json: in the dossier's folder, then its parents):
                  profile   the path to a profile (from the folder of hoso.json); null is the built-in plan
                  language  "vi" (Vietnamese) or "en" (English)
                  rules     a level per rule, e.g. {"HS208": "off"}: "error", "warning", "info", "hint" or "off"
                  exclude   globs of files to skip, e.g. ["nhap/**", "*.cu.hoso"]
                `hoso config [FILE]` shows the settings in effect for a file and where each came from.
                """))

    static let lsp = CommandSpec(
        name: "lsp", arguments: "",
        summary: LocalizedText(vi: "máy chủ ngôn ngữ (LSP) trên stdin/stdout, cho trình soạn thảo",
                               en: "the language server (LSP) on stdin/stdout, for editors"),
        options: [OptionSpec("--stdio", "(nhận cho các trình soạn thảo truyền nó; luôn dùng stdio)", "(accepted for editors that pass it; stdio is always used)")],
        positionals: .nothing, notes: nil)

    static let hook = CommandSpec(
        name: "hook", arguments: "install|uninstall",
        summary: LocalizedText(vi: "cài (gỡ) hook pre-commit của git kiểm tra các tệp .hoso đã `git add`",
                               en: "install (remove) the git pre-commit hook that checks the staged .hoso files"),
        options: [OptionSpec("--force", "thay hook khác đang có (hook cũ được lưu lại)", "replace a foreign hook (a backup is kept)")],
        positionals: .words(["install", "uninstall"]), notes: nil)

    static let completions = CommandSpec(
        name: "completions", arguments: "bash|zsh|fish",
        summary: LocalizedText(vi: "in mã gợi ý lệnh (tab) cho shell", en: "print tab completion for a shell"),
        options: [], positionals: .words(["bash", "zsh", "fish"]),
        notes: LocalizedText(vi: "Ví dụ: hoso completions bash > /etc/bash_completion.d/hoso",
                             en: "Example: hoso completions bash > /etc/bash_completion.d/hoso"))

    static let help = CommandSpec(
        name: "help", arguments: "[COMMAND]",
        summary: LocalizedText(vi: "trợ giúp (của một lệnh)", en: "help (for one command)"),
        options: [OptionSpec("--man", "in trang hướng dẫn hoso(1) của mọi lệnh, dạng roff (gói cài đặt đặt nó vào man1/hoso.1)",
                             "print the hoso(1) manual page of every command, in roff (the packages install it as man1/hoso.1)")], positionals: .words(["lint", "format", "report", "explain", "rules", "new", "export", "config", "init", "lsp", "hook", "completions"]), notes: nil)

    /// Every command, in the order help lists them.
    static let commands = [lint, format, report, explain, rules, new, export, config, initialize, lsp, hook, completions, help]

    static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }
}
