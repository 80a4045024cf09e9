import HosoWorkspace
/// What a command may touch besides the file system: its streams and environment.
///
/// Tests pass buffers and a fake stdin; the executable passes the real ones.
public struct CommandIO {
    public var stdout = OutputBuffer()
    public var stderr = OutputBuffer()
    /// Reads all of standard input (called only for `-`).
    public var readStdin: () -> [UInt8]
    public var stdoutIsTerminal: Bool
    public var environment: [String: String]

    public init(readStdin: @escaping () -> [UInt8] = { [] }, stdoutIsTerminal: Bool = false,
                environment: [String: String] = [:]) {
        self.readStdin = readStdin
        self.stdoutIsTerminal = stdoutIsTerminal
        self.environment = environment
    }
}

/// The `hoso` command line: dispatches to subcommands and maps outcomes to exit statuses.
public enum CLI {
    public static let version = "0.1.0"

    /// Runs `hoso` with `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String], io: inout CommandIO) -> Int32 {
        guard let command = arguments.first else {
            io.stdout.write(help(nil))
            return 0
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            io.stdout.write(help(command))
            return 0
        }
        do {
            switch command {
            case "lint": return try LintCommand.run(rest, io: &io)
            case "rules": return try RulesCommand.run(rest, io: &io)
            case "explain": return try ExplainCommand.run(rest, io: &io)
            case "new": return try NewCommand.run(rest, io: &io)
            case "lsp": return try LSPCommand.run(rest, io: &io)
            case "hook": return try HookCommand.run(rest, io: &io)
            case "--version", "-V", "version":
                io.stdout.line("hoso \(version)")
                return 0
            case "help", "--help", "-h":
                io.stdout.write(help(rest.first))
                return 0
            default:
                throw UsageError(message: "không có lệnh \"\(command)\"; xem `hoso help` / unknown command \"\(command)\"; see `hoso help`")
            }
        } catch let error as UsageError {
            io.stderr.line("hoso: \(error.message)")
            return 2
        } catch let error as WorkspaceError {
            io.stderr.line("hoso: \(error.message)")
            return 2
        } catch {
            io.stderr.line("hoso: \(error)")
            return 2
        }
    }

    static func help(_ command: String?) -> String {
        switch command {
        case "lint":
            return """
            hoso lint [PATH…] — kiểm tra hồ sơ .hoso (tệp, thư mục; \"-\" là đầu vào chuẩn)

              --format text|json|sarif|github  định dạng kết quả (mặc định: text)
              --fix                       tự sửa các lỗi sửa được an toàn (ghi nguyên tử, giữ bảng mã, BOM, xuống dòng, chủ sở hữu, quyền)
              --break-links               cùng --fix: sửa cả tệp có liên kết cứng (tách nó khỏi các tên kia)
              --staged                    kiểm tra bản đã `git add` (bản sẽ được commit)
              --config FILE               dùng tệp cấu hình này thay cho hoso.json tìm được
              --profile FILE              dùng profile (kế hoạch) này
              --lang vi|en                ngôn ngữ thông báo (mặc định: vi)
              --quiet                     chỉ báo lỗi (error)
              --color auto|always|never   tô màu (auto: chỉ khi ra màn hình, tắt khi có NO_COLOR)
              --max-warnings N            trả mã 1 khi số cảnh báo vượt quá N
              --stdin-filename NAME       tên hiển thị cho \"-\"

            Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc quá số cảnh báo); 2 không kiểm tra được.

            """
        default:
            return """
            hoso \(version) — kiểm tra hồ sơ đề nghị khen thưởng (.hoso)

            Cách dùng:
              hoso lint [PATH…]     kiểm tra tệp và thư mục (mặc định: thư mục hiện tại)
              hoso rules            liệt kê các quy tắc (--format json)
              hoso lsp              máy chủ ngôn ngữ (LSP) trên stdin/stdout, cho trình soạn thảo
              hoso hook install     cài hook pre-commit của git kiểm tra các tệp .hoso đã `git add` (--force; hook uninstall)
              hoso explain HSnnn    giải thích một quy tắc
              hoso new              in khung hồ sơ (--award bang-khen|giay-khen, --kind ca-nhan|tap-the, --unit TÊN)
              hoso --version        phiên bản
              hoso help [LỆNH]      trợ giúp

            """
        }
    }
}
