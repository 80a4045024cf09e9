import HosoRules
import HosoSystem
import HosoWorkspace

/// Each rule's documentation page on disk, as a `file:` URI for `codeDescription.href`, so the
/// editor opens it offline; found once, relative to the executable.
///
/// Installed, the pages are in `../share/hoso/rules/` beside the executable's folder; in a
/// checkout, `docs/rules/` or `docs/` of a folder above the executable (`.build/…/debug/hoso`).
/// The first of these folders that holds any page is used; a rule without a page there gets no link.
public struct RuleLinks: Sendable {
    /// Code → `file:` URI of its page.
    public let hrefs: [String: String]

    public init(hrefs: [String: String]) {
        self.hrefs = hrefs
    }

    /// No links.
    public static let none = RuleLinks(hrefs: [:])

    /// The pages found from this process's executable, looked for once.
    public static let beside = find(executable: executablePath(), codes: RuleRegistry.all.map { $0.code })

    /// The pages of `codes` found from an executable's path (its links resolved).
    public static func find(executable: String, codes: [String]) -> RuleLinks {
        func join(_ folder: String, _ rest: String) -> String { (folder == "/" ? "" : folder) + "/" + rest }
        let folder = canonical(executable).deletingLastPathComponent
        var candidates = [join(folder.deletingLastPathComponent, "share/hoso/rules")]
        var above = folder
        while true {
            candidates += [join(above, "docs/rules"), join(above, "docs")]
            if above == "/" || above == "." { break }
            above = above.deletingLastPathComponent
        }
        for candidate in candidates {
            guard (try? FileStatus(path: candidate))?.kind == .directory else { continue }
            var hrefs: [String: String] = [:]
            for code in codes {
                let page = candidate + "/" + code + ".md"
                if (try? FileStatus(path: page))?.kind == .regular { hrefs[code] = FileURI.uri(page) }
            }
            if !hrefs.isEmpty { return RuleLinks(hrefs: hrefs) }
        }
        return .none
    }

    /// The running executable (as the system says, else the first argument).
    static func executablePath() -> String {
        CurrentProcess.executablePath() ?? PathTools.absolute(CommandLine.arguments.first ?? ".")
    }

    static func canonical(_ path: String) -> String {
        FileSystem.canonicalPath(path) ?? PathTools.absolute(path)
    }
}
