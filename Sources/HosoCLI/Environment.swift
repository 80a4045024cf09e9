import HosoSystem

/// The process environment, read through HosoSystem so the executable stays platform-neutral.
public enum ProcessEnvironment {
    /// The variables hoso reads (`NO_COLOR` for lint's colors, `SOURCE_DATE_EPOCH` for the
    /// dates of report and export); a command that reads another must name it here.
    public static let names = ["NO_COLOR", "SOURCE_DATE_EPOCH"]

    /// The set variables among `names`.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        for name in names { if let value = CurrentProcess.environmentValue(name) { result[name] = value } }
        return result
    }
}
