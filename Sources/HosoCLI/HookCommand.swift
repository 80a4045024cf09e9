import FoundationEssentials
import HosoRules
import HosoText
import HosoWorkspace

/// `hoso hook install|uninstall [--force]`: the git pre-commit hook that lints staged dossiers.
///
/// The hook is a small shell script carrying a marker line; hoso only replaces or removes a hook
/// that has the marker. `--force` replaces a foreign hook after copying it to a backup that no
/// later `--force` overwrites (`pre-commit.hoso-backup`, then `.hoso-backup.2`, …); uninstall
/// puts the newest backup back.
enum HookCommand {
    static let marker = "# hoso pre-commit hook (written by `hoso hook install`)"

    /// The hook script; the binary's path is single-quoted, so no character in it (`$(…)`, a
    /// quote, a space) is ever run or split by the shell.
    static func script(hoso: String) -> String {
        """
        #!/bin/sh
        \(marker)
        # Lints the staged .hoso files (what the commit would record); a dossier with errors stops the commit.
        # Files that hoso.json excludes are skipped. Skip the hook once with: git commit --no-verify
        installed=\(shellQuoted(hoso))
        HOSO="${HOSO:-$installed}"
        command -v "$HOSO" >/dev/null 2>&1 || HOSO=hoso
        exec "$HOSO" lint --staged --force-exclude

        """
    }

    /// `text` as one single-quoted shell word.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    /// The backups earlier `--force` installs made, oldest first.
    static func backups(of hook: String) -> [String] {
        var found: [String] = []
        var candidate = hook + ".hoso-backup"
        while FileManager.default.fileExists(atPath: candidate) {
            found.append(candidate)
            candidate = hook + ".hoso-backup.\(found.count + 1)"
        }
        return found
    }

    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        let vi = language == .vi
        guard let action = options.positionals.first, ["install", "uninstall"].contains(action), options.positionals.count == 1 else {
            throw UsageError(vi: "dùng `hoso hook install [--force]` hoặc `hoso hook uninstall`", en: "use `hoso hook install [--force]` or `hoso hook uninstall`")
        }
        guard let hooks = Subprocess.run(["git", "rev-parse", "--git-path", "hooks"]), hooks.status == 0 else {
            throw UsageError(vi: "không ở trong một kho git; hãy chạy lệnh trong thư mục của kho", en: "not inside a git repository")
        }
        let folder = String(decoding: hooks.stdout, as: UTF8.self).trimmingCharacters(in: "\n")
        let path = folder + "/pre-commit"
        let backups = Self.backups(of: path)
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let ours = existing?.contains(marker) ?? false
        if action == "uninstall" {
            guard let existing else {
                io.stdout.line(vi ? "hoso: không có hook pre-commit nào" : "hoso: there is no pre-commit hook")
                return 0
            }
            guard existing.contains(marker) else {
                throw UsageError(vi: "\(path) không do hoso cài, không gỡ", en: "\(path) was not written by hoso; left alone")
            }
            try? FileManager.default.removeItem(atPath: path)
            if let backup = backups.last {
                try FileManager.default.moveItem(atPath: backup, toPath: path)
                io.stdout.line(vi ? "hoso: đã gỡ hook và khôi phục hook cũ" : "hoso: removed the hook and restored the previous one")
            } else {
                io.stdout.line(vi ? "hoso: đã gỡ hook pre-commit" : "hoso: removed the pre-commit hook")
            }
            return 0
        }
        if existing != nil && !ours {
            let backup = backups.isEmpty ? path + ".hoso-backup" : path + ".hoso-backup.\(backups.count + 1)"
            guard options.has("--force") else {
                throw UsageError(vi: "\(path) đã có hook khác; không ghi đè. Dùng --force để thay (hook cũ được lưu ở \(backup))", en: "a foreign hook exists; use --force to replace it (a backup is kept in \(backup))")
            }
            try FileManager.default.copyItem(atPath: path, toPath: backup)
            io.stdout.line(vi ? "hoso: đã lưu hook cũ ở \(backup)" : "hoso: saved the previous hook as \(backup)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hoso = CommandLine.arguments.first.map { $0.hasPrefix("/") ? $0 : PathTools.absolute($0) } ?? "hoso"
        do {
            try SafeFile.write(path, Array(script(hoso: hoso).utf8), permissions: 0o755)
        } catch let error as SafeFile.Refusal {
            throw UsageError(error.message)
        }
        io.stdout.line(vi ? "hoso: đã cài hook pre-commit tại \(path)" : "hoso: installed the pre-commit hook")
        return 0
    }
}
