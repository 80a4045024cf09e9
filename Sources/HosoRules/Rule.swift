import HosoSemantics
import HosoText

/// A rule's documentation page (`hoso explain`): what it checks, where the plan says so,
/// a failing and a passing example, and how to fix it.
public struct RuleDocumentation: Sendable {
    public let summary: LocalizedText
    /// The clause of the plan or the legal basis the rule enforces.
    public let basis: LocalizedText
    public let failingExample: String
    public let passingExample: String
    public let fix: LocalizedText

    public init(summary: LocalizedText, basis: LocalizedText, failingExample: String, passingExample: String,
                fix: LocalizedText) {
        self.summary = summary
        self.basis = basis
        self.failingExample = failingExample
        self.passingExample = passingExample
        self.fix = fix
    }
}

/// What a rule sees: the resolved dossier, and the encoding problem if the bytes were not Unicode.
public struct RuleContext: Sendable {
    public let dossier: Dossier
    public let encodingProblem: EncodingProblem?
    public var text: SourceText { dossier.text }
    public var profile: Profile { dossier.profile }

    public init(dossier: Dossier, encodingProblem: EncodingProblem?) {
        self.dossier = dossier
        self.encodingProblem = encodingProblem
    }
}

/// One check: a small type with a code, a default severity, a title, documentation and `check`.
///
/// Each rule lives in its own file under `Rules/` and is listed in `RuleRegistry.all`.
public protocol Rule: Sendable {
    /// The stable code, `HSnnn`.
    static var code: String { get }
    static var defaultSeverity: Severity { get }
    /// One line, for `hoso rules` and hovers.
    static var title: LocalizedText { get }
    static var documentation: RuleDocumentation { get }

    init()

    /// Appends the rule's findings for one dossier to `sink`.
    func check(_ context: RuleContext, into sink: inout FindingSink)
}
