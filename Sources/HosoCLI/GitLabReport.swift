import HosoProtocol
import HosoRules
import HosoText

/// GitLab's Code Quality report (`artifacts: reports: codequality:`): a JSON array with one
/// issue per finding: `description` (the message), `check_name` (the code), `fingerprint`,
/// `severity` and `location` (`path`, `lines.begin`).
///
/// Severity: error → `major`, warning → `minor`, note and hint → `info` (as ESLint's GitLab
/// formatter does), leaving `critical` and `blocker` for what is worse than a finding. The
/// fingerprint is FNV-1a 64 (`FNV1a64`) of the path, the code, the text of the finding's line
/// and how many findings with that code on a line of that text came before it in the file: it
/// stays the same across runs, and when lines above move, so GitLab sees the same issue; it
/// differs between findings. A run that exits 2 is never an empty (clean-looking) array: each
/// problem is a `blocker` issue, `hoso/not-checked` (at the file or folder not checked) or
/// `hoso/run-failed` (a fix refused, a broken config: at the file concerned, else at `.`).
enum GitLabReport {
    static func render(_ files: [LintedFile], run: RunOutcome, language: Language) -> String {
        var issues: [JSON] = []
        for file in files {
            let text = file.result.text
            let path = repositoryPath(file.path)
            var locator = Locator(text)
            var seen: [String: Int] = [:]
            for finding in file.result.findings {
                let location = locator.locate(finding.range)
                let line = text.bytes[text.contentRange(ofLine: location.line - 1)]
                var hash = FNV1a64()
                hash.add(field: path)
                hash.add(field: finding.code)
                hash.add(line)
                hash.add(CollectionOfOne(0))
                let key = finding.code + "\u{0}" + String(decoding: line, as: UTF8.self)
                hash.add(field: String(seen[key, default: 0]))
                seen[key, default: 0] += 1
                issues.append(issue(description: finding.message.text(language), check: finding.code, fingerprint: hash.hex,
                                    severity: severity(finding.severity), path: path, line: location.line))
            }
        }
        var seen: [String: Int] = [:]
        for problem in run.problems {
            let check = "hoso/" + problem.kind.name
            let path = problem.path.map(repositoryPath) ?? "."
            // The English text: the fingerprint must not change with `--lang`.
            let key = check + "\u{0}" + path + "\u{0}" + problem.message.en
            var hash = FNV1a64()
            hash.add(field: key)
            hash.add(field: String(seen[key, default: 0]))
            seen[key, default: 0] += 1
            issues.append(issue(description: problem.message.text(language), check: check, fingerprint: hash.hex,
                                severity: "blocker", path: path, line: 1))
        }
        return JSON.array(issues).render()
    }

    static func issue(description: String, check: String, fingerprint: String, severity: String, path: String, line: Int) -> JSON {
        .object([
            ("description", .string(description)),
            ("check_name", .string(check)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity)),
            ("location", .object([("path", .string(path)), ("lines", .object([("begin", .int(line))]))])),
        ])
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "major"
        case .warning: return "minor"
        case .info, .hint: return "info"
        }
    }

    /// GitLab wants paths relative to the repository: a leading `./` goes (an absolute path,
    /// which GitLab cannot place, is kept as given).
    static func repositoryPath(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }
}
