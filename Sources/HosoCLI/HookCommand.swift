import FoundationEssentials
import HosoText
import HosoWorkspace

/// `hoso hook install|uninstall [--force]`: the git pre-commit hook that lints staged dossiers.
///
/// The hook is a small shell script carrying a marker line; hoso only replaces or removes a hook
/// that has the marker. `--force` replaces a foreign hook after copying it to `pre-commit.hoso-backup`.
enum HookCommand {
    static let marker = "# hoso pre-commit hook (written by `hoso hook install`)"

    static func script(hoso: String) -> String {
        """
        #!/bin/sh
        \(marker)
        # Lints the staged .hoso files (what the commit would record); a dossier with errors stops the commit.
        # Skip once with: git commit --no-verify
        HOSO="${HOSO:-\(hoso)}"
        command -v "$HOSO" >/dev/null 2>&1 || HOSO=hoso
        exec "$HOSO" lint --staged

        """
    }

    static func run(_ arguments: [String], io: inout CommandIO) throws -> Int32 {
        var scanner = ArgumentScanner(arguments)
        let options = try scanner.parse(valued: [], flags: ["--force"])
        guard let action = scanner.positionals.first, ["install", "uninstall"].contains(action) else {
            throw UsageError(message: "dùng `hoso hook install [--force]` hoặc `hoso hook uninstall` / use `hoso hook install [--force]` or `hoso hook uninstall`")
        }
        guard let hooks = Subprocess.run(["git", "rev-parse", "--git-path", "hooks"]), hooks.status == 0 else {
            throw UsageError(message: "không ở trong một kho git; hãy chạy lệnh trong thư mục của kho / not inside a git repository")
        }
        let folder = String(decoding: hooks.stdout, as: UTF8.self).trimmingCharacters(in: "\n")
        let path = folder + "/pre-commit"
        let backup = path + ".hoso-backup"
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let ours = existing?.contains(marker) ?? false
        if action == "uninstall" {
            guard let existing else {
                io.stdout.line("hoso: không có hook pre-commit nào / there is no pre-commit hook")
                return 0
            }
            guard existing.contains(marker) else {
                throw UsageError(message: "\(path) không do hoso cài, không gỡ / \(path) was not written by hoso; left alone")
            }
            try? FileManager.default.removeItem(atPath: path)
            if FileManager.default.fileExists(atPath: backup) {
                try FileManager.default.moveItem(atPath: backup, toPath: path)
                io.stdout.line("hoso: đã gỡ hook và khôi phục hook cũ / removed the hook and restored the previous one")
            } else {
                io.stdout.line("hoso: đã gỡ hook pre-commit / removed the pre-commit hook")
            }
            return 0
        }
        if existing != nil && !ours {
            guard options["--force"] != nil else {
                throw UsageError(message: "\(path) đã có hook khác; không ghi đè. Dùng --force để thay (hook cũ được lưu ở \(backup)) / a foreign hook exists; use --force to replace it (a backup is kept)")
            }
            try? FileManager.default.removeItem(atPath: backup)
            try FileManager.default.copyItem(atPath: path, toPath: backup)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hoso = CommandLine.arguments.first.map { $0.hasPrefix("/") ? $0 : PathTools.absolute($0) } ?? "hoso"
        guard FileManager.default.createFile(atPath: path, contents: Data(script(hoso: hoso).utf8),
                                             attributes: [.posixPermissions: 0o755]) else {
            throw UsageError(message: "không ghi được \(path) / cannot write \(path)")
        }
        io.stdout.line("hoso: đã cài hook pre-commit tại \(path) / installed the pre-commit hook")
        return 0
    }
}
