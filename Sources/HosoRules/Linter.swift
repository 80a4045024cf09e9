import HosoSemantics
import HosoSyntax
import HosoText

/// The outcome of linting one dossier: its text, its model and the findings that survive suppression.
public struct LintResult: Sendable {
    public let dossier: Dossier
    public let encodingProblem: EncodingProblem?
    /// Sorted by position, then code.
    public let findings: [Finding]
    public var text: SourceText { dossier.text }

    /// The same result keeping only the findings that satisfy `isIncluded`.
    public func filter(_ isIncluded: (Finding) -> Bool) -> LintResult {
        LintResult(dossier: dossier, encodingProblem: encodingProblem, findings: findings.filter(isIncluded))
    }
}

/// Runs every registered rule over a dossier and applies suppression comments.
public struct Linter: Sendable {
    public let profile: Profile
    /// Per-code severity overrides from a profile or config; `nil` turns a rule off.
    public let severityOverrides: [String: Severity?]

    public init(profile: Profile = .sonLa2022, severityOverrides: [String: Severity?] = [:]) {
        self.profile = profile
        self.severityOverrides = severityOverrides
    }

    /// Decodes, parses, resolves and checks a file's raw bytes.
    public func lint(bytes: [UInt8]) -> LintResult {
        let (text, problem) = SourceDecoder.decode(bytes)
        return lint(text: text, encodingProblem: problem)
    }

    /// Parses, resolves and checks decoded text.
    public func lint(text: SourceText, encodingProblem: EncodingProblem? = nil) -> LintResult {
        let dossier = Dossier(tree: Parser.parse(text), profile: profile)
        let context = RuleContext(dossier: dossier, encodingProblem: encodingProblem)
        var findings: [Finding] = []
        // HS001: when the bytes are not Unicode, nothing else is checked in that file.
        let rules = encodingProblem == nil ? RuleRegistry.all : [HS001.self]
        for rule in rules {
            var severity = rule.defaultSeverity
            if let override = severityOverrides[rule.code] {
                guard let chosen = override else { continue }
                severity = chosen
            }
            var sink = FindingSink(code: rule.code, severity: severity)
            rule.init().check(context, into: &sink)
            findings += sink.findings
        }
        let suppressions = SuppressionMap(dossier)
        findings.removeAll { suppressions.suppresses($0.code, atLine: text.line(ofByte: $0.range.lowerBound)) }
        findings.sort { ($0.range.lowerBound, $0.code) < ($1.range.lowerBound, $1.code) }
        return LintResult(dossier: dossier, encodingProblem: encodingProblem, findings: findings)
    }
}

/// Which codes are off on which lines, from `hoso-disable`, `hoso-enable` and `hoso-disable-next-line`.
struct SuppressionMap {
    /// Lines where every code (`nil`) or some codes are off.
    private var ranges: [(lines: Range<Int>, codes: Set<String>?)] = []

    init(_ dossier: Dossier) {
        var open: [(start: Int, codes: Set<String>?)] = []
        for directive in dossier.suppressions {
            let codes = directive.codes.isEmpty ? nil : Set(directive.codes.map(\.code))
            switch directive.action {
            case .disableNextLine:
                ranges.append((directive.nextLine..<(directive.nextLine + 1), codes))
            case .disable:
                open.append((directive.nextLine, codes))
            case .enable:
                let closingLine = directive.nextLine - 1
                var stillOpen: [(start: Int, codes: Set<String>?)] = []
                for region in open {
                    if codes == nil {
                        ranges.append((region.start..<closingLine, region.codes))
                    } else if let regionCodes = region.codes {
                        let closed = regionCodes.intersection(codes!)
                        if !closed.isEmpty { ranges.append((region.start..<closingLine, closed)) }
                        let rest = regionCodes.subtracting(codes!)
                        if !rest.isEmpty { stillOpen.append((region.start, rest)) }
                    } else {
                        stillOpen.append(region)  // `hoso-enable HS…` inside a disable-all keeps the rest off
                    }
                }
                open = stillOpen
            }
        }
        for region in open { ranges.append((region.start..<Int.max, region.codes)) }
    }

    func suppresses(_ code: String, atLine line: Int) -> Bool {
        ranges.contains { $0.lines.contains(line) && ($0.codes == nil || $0.codes!.contains(code)) }
    }
}
