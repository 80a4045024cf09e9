import HosoSemantics
import HosoSyntax
import HosoText

/// A rule's documentation page (`hoso explain`): what it checks, where the plan says so,
/// a failing and a passing example, and how to fix it.
///
/// The examples are dossier text, the same in both languages, but for their notes: a
/// `{note:VI|EN}` token (`(Ð là U+00D0)` / `(Ð is U+00D0)`) reads in the page's language.
public struct RuleDocumentation: Sendable {
    public let summary: LocalizedText
    /// The clause of the plan or the legal basis the rule enforces.
    public let basis: LocalizedText
    /// The failing example as the Vietnamese page shows it (`examples(in:)` for English).
    public let failingExample: String
    /// The passing example as the Vietnamese page shows it.
    public let passingExample: String
    public let fix: LocalizedText
    /// Both examples as the English page shows them.
    let englishExamples: (failing: String, passing: String)

    public init(summary: LocalizedText, basis: LocalizedText, failingExample: String, passingExample: String,
                fix: LocalizedText) {
        self.init(summary: summary, basis: basis, failingExample: failingExample, passingExample: passingExample, fix: fix,
                  englishExamples: (failingExample, passingExample))
    }

    init(summary: LocalizedText, basis: LocalizedText, failingExample: String, passingExample: String,
         fix: LocalizedText, englishExamples: (failing: String, passing: String)) {
        self.summary = summary
        self.basis = basis
        self.failingExample = failingExample
        self.passingExample = passingExample
        self.fix = fix
        self.englishExamples = englishExamples
    }

    /// The failing and the passing example with their notes in `language`.
    public func examples(in language: Language) -> (failing: String, passing: String) {
        language == .vi ? (failingExample, passingExample) : englishExamples
    }
}

/// Whether a rule's findings carry fixes: none, ones a person should review (editors only), or
/// safe ones that `hoso lint --fix` applies.
public enum FixAvailability: String, Sendable {
    case none, unsafe, safe
}

extension Rule {
    public static var fixAvailability: FixAvailability { .none }
    public static var severityIsFixed: Bool { false }
    public static var scope: RuleScope { .dossier }
}

/// What a rule's findings depend on, which decides what an edit makes it re-check.
public enum RuleScope: Sendable {
    /// The whole dossier: the rule runs again after every edit.
    case dossier
    /// One element at a time: each finding depends only on the element it starts in (its bytes,
    /// its kind, its citations and dates) and the profile, and findings come in text order.
    /// The rule checks only `RuleContext.region`; after an edit, the linter re-checks the
    /// elements the edit touched and keeps the other findings (moved).
    case element
}

/// The elements a check covers, and the bytes they span: every element for a full check, the
/// ones an edit touched when re-checking (`RuleScope.element` rules look only there).
public struct CheckRegion: Sendable, Equatable {
    /// Indices of elements of the tree.
    public let elements: Range<Int>
    /// From the first element's start to the last one's end.
    public let bytes: Range<Int>

    /// The elements `elements` of `tree`.
    public init(_ elements: Range<Int>, of tree: SyntaxTree) {
        self.elements = elements
        if elements.isEmpty {
            let at = elements.lowerBound < tree.elements.count ? tree.elements[elements.lowerBound].range.lowerBound : tree.text.bytes.count
            bytes = at..<at
        } else {
            bytes = tree.elements[elements.lowerBound].range.lowerBound..<tree.elements[elements.upperBound - 1].range.upperBound
        }
    }
}

/// What a rule sees: the resolved dossier, and the encoding problem if the bytes were not Unicode.
public struct RuleContext: Sendable {
    public let dossier: Dossier
    public let encodingProblem: EncodingProblem?
    /// What an element-scoped rule checks (everything, unless an edit is being re-checked).
    public let region: CheckRegion
    public var text: SourceText { dossier.text }
    public var profile: Profile { dossier.profile }

    public init(dossier: Dossier, encodingProblem: EncodingProblem?) {
        self.init(dossier: dossier, encodingProblem: encodingProblem, region: CheckRegion(dossier.tree.elements.indices, of: dossier.tree))
    }

    public init(dossier: Dossier, encodingProblem: EncodingProblem?, region: CheckRegion) {
        self.dossier = dossier
        self.encodingProblem = encodingProblem
        self.region = region
    }

    /// The citations of the region's elements (indices are those of `dossier.citations`).
    public var regionCitations: ArraySlice<Citation> { dossier.citations(in: region.elements) }

    /// The dates of the region's elements.
    public var regionDates: ArraySlice<DateMention> { dossier.dates(in: region.elements) }
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

    /// Whether findings come with a fix, and whether `--fix` applies it.
    static var fixAvailability: FixAvailability { get }

    /// Whether an edit re-checks the whole dossier or only the elements it touched.
    static var scope: RuleScope { get }

    /// Whether no config may change the rule's severity or turn it off (HS001: a file it fires
    /// on is checked by no other rule, so a lower severity would let an unread file pass).
    static var severityIsFixed: Bool { get }

    init()

    /// Appends the rule's findings for one dossier to `sink`.
    func check(_ context: RuleContext, into sink: inout FindingSink)
}

/// A dossier as a cross-file rule sees it: its path and model.
public struct CrossFileInput: Sendable {
    public let path: String
    public let dossier: Dossier

    public init(path: String, dossier: Dossier) {
        self.path = path
        self.dossier = dossier
    }
}

/// What the cross-file rules read of one dossier: whether it was readable and, for each nominee,
/// its kind, award form, name (as written and folded) and where the name stands.
///
/// When an edit leaves a file's summary as it was, no cross-file finding of its campaign can
/// change (the server then skips re-running them; `IncrementalTests` holds that). A cross-file
/// rule that reads anything more must add it here.
public struct CrossFileSummary: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        let kind: NomineeKind
        let formID: String?
        let formIsPending: Bool
        let name: String
        let foldedName: FoldedName
        let nameRange: Range<Int>
    }
    let isReadable: Bool
    let entries: [Entry]

    public init(_ checked: Linter.Checked) {
        isReadable = checked.problem == nil
        entries = checked.dossier.nominees.map { nominee in
            Entry(kind: nominee.kind, formID: nominee.awardForm?.id, formIsPending: nominee.awardForm?.pending ?? false,
                  name: nominee.name, foldedName: nominee.foldedName, nameRange: nominee.nameRange)
        }
    }

    /// Byte-exact names: two spellings that are canonically equivalent are still two texts to quote.
    public static func == (a: CrossFileSummary, b: CrossFileSummary) -> Bool {
        a.isReadable == b.isReadable && a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { x, y in
                x.kind == y.kind && x.formID == y.formID && x.formIsPending == y.formIsPending && x.nameRange == y.nameRange
                    && x.foldedName == y.foldedName && x.name.utf8.elementsEqual(y.name.utf8)
            }
    }
}

/// Where a nominee stands among the dossiers checked together: indices, not a copy of the model.
public struct NomineeRef: Sendable, Equatable {
    /// The index of the file among those checked together.
    public let file: Int
    /// The index of the nominee in its dossier's `nominees`.
    public let nominee: Int
}

extension Array where Element == CrossFileInput {
    /// The nominee a reference points at.
    subscript(ref: NomineeRef) -> Nominee { self[ref.file].dossier.nominees[ref.nominee] }

    /// Every file's nominees grouped by `key` (nil leaves a nominee out), the groups in the
    /// order their first members appear. For few groups (an award form and kind): the keys are
    /// compared in turn, not hashed.
    func nomineeGroups<Key: Equatable>(by key: (Nominee) -> Key?) -> [[NomineeRef]] {
        var keys: [Key] = []
        var groups: [[NomineeRef]] = []
        for (f, file) in enumerated() {
            for (n, nominee) in file.dossier.nominees.enumerated() {
                guard let k = key(nominee) else { continue }
                let ref = NomineeRef(file: f, nominee: n)
                if let g = keys.firstIndex(of: k) {
                    groups[g].append(ref)
                } else {
                    keys.append(k)
                    groups.append([ref])
                }
            }
        }
        return groups
    }

    /// Every file's named nominees grouped by kind and folded name, the groups in the order
    /// their first members appear: a name's first group is found by its own hash
    /// (`FoldedNameIndex`), a group of the same name and the other kind through `nextOfName`.
    func nomineeGroupsByName() -> [[NomineeRef]] {
        var firstOfName = FoldedNameIndex(capacity: reduce(0) { $0 + $1.dossier.nominees.count })
        var groups: [[NomineeRef]] = [], kinds: [NomineeKind] = [], nextOfName: [Int] = []
        for (f, file) in enumerated() {
            for (n, nominee) in file.dossier.nominees.enumerated() where !nominee.name.isEmpty {
                let ref = NomineeRef(file: f, nominee: n)
                var g = firstOfName[nominee.foldedName]
                var last: Int?
                while let current = g, kinds[current] != nominee.kind {
                    last = current
                    g = nextOfName[current] < 0 ? nil : nextOfName[current]
                }
                if let g {
                    groups[g].append(ref)
                    continue
                }
                if let last { nextOfName[last] = groups.count } else { firstOfName.insertIfAbsent(nominee.foldedName, groups.count) }
                groups.append([ref])
                kinds.append(nominee.kind)
                nextOfName.append(-1)
            }
        }
        return groups
    }
}

/// Collects a cross-file rule's findings, each tagged with the index of its file.
public struct CrossFileSink {
    public let code: String
    public let severity: Severity
    public private(set) var findings: [(file: Int, finding: Finding)] = []

    public mutating func report(file: Int, _ range: Range<Int>, _ message: LocalizedText, related: [RelatedLocation] = []) {
        findings.append((file, Finding(code: code, severity: severity, range: range, message: message, related: related)))
    }
}

/// A rule over every dossier checked together (HS5xx): quotas and duplicates.
///
/// Its single-file `check` does nothing; `Linter.lintTogether` calls the cross-file one.
public protocol CrossFileRule: Rule {
    func check(_ files: [CrossFileInput], into sink: inout CrossFileSink)
}

extension CrossFileRule {
    public func check(_ context: RuleContext, into sink: inout FindingSink) {}
}
