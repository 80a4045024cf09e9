/// The release of hoso: the one version every front end reports.
///
/// `hoso --version`, `hoso help`, the JSON report's `tool.version`, SARIF's `driver.version`
/// and the language server's `serverInfo.version` all print this constant, and
/// `Scripts/release.sh` names the packages after it. To release: change it here, date it in
/// `releaseDate`, add the release to CHANGELOG.md and set the same version in
/// editors/vscode/package.json and editors/emacs/hoso-mode.el (`ReleaseTests` holds them equal).
public enum HosoVersion {
    /// The version, `MAJOR.MINOR.PATCH` (semantic versioning).
    public static let current = "1.1.0"
    /// The day `current` was released (`YYYY-MM-DD`), as CHANGELOG.md dates it: the man page's date.
    public static let releaseDate = "2026-12-07"
}
