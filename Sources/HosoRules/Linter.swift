import Dispatch
import HosoSemantics
import HosoSyntax
import HosoText

/// The outcome of linting one dossier: its text, its model and the findings that survive suppression.
///
/// A class, immutable: results travel through every report and are kept until the process ends.
public final class LintResult: Sendable {
    public let dossier: Dossier
    public let encodingProblem: EncodingProblem?
    /// Sorted by position, then code.
    public let findings: [Finding]
    /// The findings that suppression comments turned off, in the same order.
    public let suppressed: [SuppressedFinding]
    public var text: SourceText { dossier.text }

    init(dossier: Dossier, encodingProblem: EncodingProblem?, findings: [Finding], suppressed: [SuppressedFinding]) {
        self.dossier = dossier
        self.encodingProblem = encodingProblem
        self.findings = findings
        self.suppressed = suppressed
    }

    /// The same result keeping only the findings that satisfy `isIncluded`.
    public func filter(_ isIncluded: (Finding) -> Bool) -> LintResult {
        LintResult(dossier: dossier, encodingProblem: encodingProblem, findings: findings.filter(isIncluded),
                   suppressed: suppressed)
    }
}

/// Runs every registered rule over a dossier and applies suppression comments.
///
/// A class, immutable: a linter is handed to every file it checks, and copying the profile it
/// holds retained each of its arrays.
public final class Linter: Sendable {
    public let profile: Profile
    /// Per-code severity overrides from a profile or config; `nil` turns a rule off.
    public let severityOverrides: [String: Severity?]
    /// Whether suppression comments count; `--no-inline-config` (the office's gate) turns them
    /// off, and with them HS011.
    public let honorsSuppressions: Bool
    /// The one language findings' messages and fix titles are built in, for a front end that
    /// shows only that one (`hoso lint --lang`); nil builds both (an editor may switch).
    public let messages: Language?

    public init(profile: Profile = .sonLa2022, severityOverrides: [String: Severity?] = [:], honorsSuppressions: Bool = true,
                messages: Language? = nil) {
        self.profile = profile
        self.messages = messages
        // A rule whose severity is fixed keeps it whatever a config or an editor setting says.
        self.severityOverrides = severityOverrides.filter { !(RuleRegistry.rule(code: $0.key)?.severityIsFixed ?? false) }
        self.honorsSuppressions = honorsSuppressions
    }

    /// Checks files that each have their own linter (their setup's severities), pooled for the
    /// cross-file rules by profile id (a campaign's quota counts every dossier of
    /// it, whatever config each folder has). Results come back in input order.
    public static func lintPooled(_ inputs: [(input: LintInput, linter: Linter)], parallel: Bool = true) -> [LintResult] {
        var slots = [Checked?](repeating: nil, count: inputs.count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            let checkOne: @Sendable (Int) -> Void = { i in
                let (text, problem) = SourceDecoder.decode(inputs[i].input.bytes)
                out[i] = inputs[i].linter.check(text: text, encodingProblem: problem)
            }
            if parallel && inputs.count > 1 {
                DispatchQueue.concurrentPerform(iterations: inputs.count, execute: checkOne)
            } else {
                for i in inputs.indices { checkOne(i) }
            }
        }
        let checked = slots.map { $0! }
        var extra = Array(repeating: [Finding](), count: inputs.count)
        var pools: [String: [Int]] = [:]
        for (i, item) in inputs.enumerated() { pools[item.linter.profile.id, default: []].append(i) }
        for members in pools.values {
            let pool = Linter(profile: inputs[members[0]].linter.profile, messages: inputs[members[0]].linter.messages)
            let found = pool.crossFileFindings(members.map { (inputs[$0].input.path, checked[$0]) })
            for (member, findings) in zip(members, found) { extra[member] = inputs[member].linter.adopting(findings) }
        }
        return checked.indices.map { inputs[$0].linter.finish(checked[$0], extra: extra[$0]) }
    }

    /// Cross-file findings computed for a pool at default severities, as this linter reports
    /// them: codes it turns off dropped, the severities it overrides applied.
    public func adopting(_ findings: [Finding]) -> [Finding] {
        guard !severityOverrides.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let override = severityOverrides[finding.code] else { return finding }
            guard let severity = override else { return nil }
            var adopted = finding
            adopted.severity = severity
            return adopted
        }
    }

    /// Decodes, parses, resolves and checks a file's raw bytes.
    public func lint(bytes: [UInt8]) -> LintResult {
        lintTogether([LintInput(path: "-", bytes: bytes)])[0]
    }

    /// Parses, resolves and checks decoded text.
    public func lint(text: SourceText, encodingProblem: EncodingProblem? = nil) -> LintResult {
        finish(check(text: text, encodingProblem: encodingProblem), extra: [])
    }

    /// Checks dossiers together: each on its own (on every core when `parallel`), then the
    /// cross-file rules (quotas, duplicates) over all of them. Results come back in input order.
    public func lintTogether(_ inputs: [LintInput], parallel: Bool = true) -> [LintResult] {
        Self.lintPooled(inputs.map { ($0, self) }, parallel: parallel)
    }

    /// A dossier and its single-file findings, before suppression: what an editor caches per
    /// file so a keystroke re-checks one file and only re-runs the cross-file rules.
    ///
    /// A class, immutable: it is passed from check to pool to finish (and kept by the server),
    /// and a copy is then one count, not one per part of the dossier.
    public final class Checked: Sendable {
        public let dossier: Dossier
        public let problem: EncodingProblem?
        /// Each rule's findings, by its index in `RuleRegistry.all` (empty for rules not run).
        let findingsByRule: [[Finding]]
        /// The severities the rules ran at: a later check reuses these findings only under the same.
        let severityOverrides: [String: Severity?]

        init(dossier: Dossier, problem: EncodingProblem?, findingsByRule: [[Finding]], severityOverrides: [String: Severity?]) {
            self.dossier = dossier
            self.problem = problem
            self.findingsByRule = findingsByRule
            self.severityOverrides = severityOverrides
        }

        /// Every rule's findings, in registry order.
        var findings: [Finding] { Array(findingsByRule.joined()) }
    }

    /// The cross-file rules' findings for each of `files` (same order); undecodable files get none.
    public func crossFileFindings(_ files: [(path: String, checked: Checked)]) -> [[Finding]] {
        LocalizedText.$onlyLanguage.withValue(messages) { crossFileFindingsInLanguage(files) }
    }

    private func crossFileFindingsInLanguage(_ files: [(path: String, checked: Checked)]) -> [[Finding]] {
        var extra = Array(repeating: [Finding](), count: files.count)
        let indices = files.indices.filter { files[$0].checked.problem == nil }
        let inputs = indices.map { CrossFileInput(path: files[$0].path, dossier: files[$0].checked.dossier) }
        for rule in RuleRegistry.crossFile {
            guard let severity = severity(of: rule) else { continue }
            var sink = CrossFileSink(code: rule.code, severity: severity)
            rule.init().check(inputs, into: &sink)
            for (file, finding) in sink.findings { extra[indices[file]].append(finding) }
        }
        return extra
    }

    /// Runs the single-file rules on decoded text.
    ///
    /// With `previous`, the check of an earlier version of the same file under the same linter,
    /// only what the edit touched is done again: the lines around it are parsed again, their
    /// citations and dates found again, the element-scoped rules (`RuleScope.element`) run over
    /// them alone, and the dossier-scoped rules over the new model. The result is the one a
    /// check without `previous` gives (a test replays thousands of random edits to hold it to that).
    public func check(text: SourceText, encodingProblem: EncodingProblem?, previous: Checked? = nil) -> Checked {
        LocalizedText.$onlyLanguage.withValue(messages) { checkInLanguage(text: text, encodingProblem: encodingProblem, previous: previous) }
    }

    private func checkInLanguage(text: SourceText, encodingProblem: EncodingProblem?, previous: Checked?) -> Checked {
        // The same profile object: element-scoped rules may read it (HS301 reads its registry).
        if let previous, encodingProblem == nil, previous.problem == nil, previous.severityOverrides == severityOverrides,
           previous.dossier.profile.lookup === profile.lookup {
            return recheck(text: text, previous: previous)
        }
        let dossier = Dossier(tree: Parser.parse(text), profile: profile)
        let context = RuleContext(dossier: dossier, encodingProblem: encodingProblem)
        var findingsByRule = [[Finding]](repeating: [], count: RuleRegistry.all.count)
        for (index, rule) in RuleRegistry.all.enumerated() {
            // HS001: when the bytes are not Unicode, nothing else is checked in that file.
            guard encodingProblem == nil || rule == HS001.self, let severity = severity(of: rule) else { continue }
            var sink = FindingSink(code: rule.code, severity: severity)
            rule.init().check(context, into: &sink)
            findingsByRule[index] = sink.findings
        }
        return Checked(dossier: dossier, problem: encodingProblem, findingsByRule: findingsByRule, severityOverrides: severityOverrides)
    }

    /// `check(text:encodingProblem:previous:)` for a Unicode text whose previous version was checked.
    private func recheck(text: SourceText, previous: Checked) -> Checked {
        let old = previous.dossier.tree
        let change = TextChange(from: old.text.bytes, to: text.bytes)
        let (tree, reuse) = Parser.reparse(old, as: text, change: change)
        let dossier = Dossier(tree: tree, profile: profile, reusing: previous.dossier, reuse)
        let context = RuleContext(dossier: dossier, encodingProblem: nil)
        let changed = RuleContext(dossier: dossier, encodingProblem: nil, region: CheckRegion(reuse.changed, of: tree))
        // Old findings starting before the first changed element, or at or after the first
        // element kept at the end, are kept (the latter moved).
        let keptBefore = reuse.prefixCount < old.elements.count ? old.elements[reuse.prefixCount].range.lowerBound : Int.max
        let keptFrom = reuse.oldSuffixStart < old.elements.count ? old.elements[reuse.oldSuffixStart].range.lowerBound : Int.max
        var findingsByRule = [[Finding]](repeating: [], count: RuleRegistry.all.count)
        for (index, rule) in RuleRegistry.all.enumerated() {
            guard let severity = severity(of: rule) else { continue }
            var sink = FindingSink(code: rule.code, severity: severity)
            guard rule.scope == .element else {
                rule.init().check(context, into: &sink)
                findingsByRule[index] = sink.findings
                continue
            }
            rule.init().check(changed, into: &sink)
            let before = previous.findingsByRule[index]
            var findings = before.prefix { $0.range.lowerBound < keptBefore }
            findings += sink.findings
            if let first = before.firstIndex(where: { $0.range.lowerBound >= keptFrom }) {
                for finding in before[first...] { findings.append(finding.shifted(by: reuse.byteDelta)) }
            }
            findingsByRule[index] = Array(findings)
        }
        return Checked(dossier: dossier, problem: nil, findingsByRule: findingsByRule, severityOverrides: severityOverrides)
    }

    /// The severity a rule runs at, or nil when it is off.
    func severity(of rule: any Rule.Type) -> Severity? {
        guard let override = severityOverrides[rule.code] else { return rule.defaultSeverity }
        return override
    }

    /// Adds cross-file findings, applies suppression comments, reports the comments that
    /// suppressed nothing (HS011) and sorts.
    public func finish(_ checked: Checked, extra: [Finding]) -> LintResult {
        LocalizedText.$onlyLanguage.withValue(messages) { finishInLanguage(checked, extra: extra) }
    }

    private func finishInLanguage(_ checked: Checked, extra: [Finding]) -> LintResult {
        let dossier = checked.dossier
        let text = dossier.text
        var findings = checked.findings + extra
        var suppressed: [SuppressedFinding] = []
        if honorsSuppressions && !dossier.suppressions.isEmpty {
            var map = SuppressionMap(dossier)
            findings.removeAll { finding in
                guard let directive = map.suppress(finding.code, atLine: text.line(ofByte: finding.range.lowerBound)) else {
                    return false
                }
                suppressed.append(SuppressedFinding(finding: finding, reason: dossier.suppressions[directive].reason))
                return true
            }
            if checked.problem == nil, let severity = severity(of: HS011.self) {
                var sink = FindingSink(code: HS011.code, severity: severity)
                HS011().audit(map, dossier: dossier, isOn: { code in
                    RuleRegistry.rule(code: code).map { self.severity(of: $0) != nil } ?? false
                }, into: &sink)
                findings += sink.findings
            }
        }
        let order = { (a: Finding, b: Finding) in (a.range.lowerBound, a.code) < (b.range.lowerBound, b.code) }
        findings.sort(by: order)
        suppressed.sort { order($0.finding, $1.finding) }
        return LintResult(dossier: dossier, encodingProblem: checked.problem, findings: findings, suppressed: suppressed)
    }
}

/// One file to lint: the path to report and its raw bytes.
public struct LintInput: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
