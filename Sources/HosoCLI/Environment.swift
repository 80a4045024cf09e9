import FoundationEssentials

/// The process environment, read through Foundation so the executable stays platform-neutral.
public enum ProcessEnvironment {
    public static func current() -> [String: String] { ProcessInfo.processInfo.environment }
}
