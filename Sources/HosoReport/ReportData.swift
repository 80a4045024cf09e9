import HosoRules
import HosoSemantics
import HosoSyntax
import HosoText

/// One dossier to put in the report: the name it is shown by and its lint result (checked with
/// the others of its run, so its quota and duplicate findings are there).
public struct ReportFile: Sendable {
    public let path: String
    public let result: LintResult

    public init(path: String, result: LintResult) {
        self.path = path
        self.result = result
    }
}

/// How many findings of each severity; infos and hints count together as notes.
public struct SeverityCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }

    mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info, .hint: notes += 1
        }
    }

    static func + (a: SeverityCounts, b: SeverityCounts) -> SeverityCounts {
        SeverityCounts(errors: a.errors + b.errors, warnings: a.warnings + b.warnings, notes: a.notes + b.notes)
    }

    /// Errors, else warnings, else clean (notes do not make a dossier unclean).
    public var status: ReportStatus { errors > 0 ? .error : warnings > 0 ? .warning : .clean }
}

/// What the office reads off a row: clean, warnings only, or errors.
public enum ReportStatus: String, Sendable, Equatable, CaseIterable {
    case clean, warning, error
}

/// Everything `hoso report` shows, collected from the lint results of one run and independent
/// of how it is drawn: one row per nominee, quota use per campaign, findings per file.
///
/// Dossiers are pooled by campaign (profile id) exactly as the linter pools them for HS501, and
/// quota use is counted by `HS501.classes`, so the figures are those the quota rule judges.
public struct ReportData: Sendable {
    /// A campaign (profile) of the run, with the quota use of its dossiers.
    public struct Campaign: Sendable {
        public let profile: Profile
        /// Indices into `files`.
        public let files: [Int]
        /// One row per award form and kind with a quota, in the profile's order (collectives
        /// first, as the plan lists them), then the forms proposed that have no quota.
        public let quotas: [QuotaRow]
    }

    /// The use of one award form and kind's quota.
    public struct QuotaRow: Sendable {
        public let formID: String
        public let formName: String
        public let kind: NomineeKind
        /// The most the profile allows; nil for a form without a quota (pending criteria).
        public let quota: Int?
        /// The nominees counted (for a form without a quota: proposed), in file and text order.
        public let members: [Member]

        public var used: Int { members.count }
        /// Whether more are proposed than the quota allows (HS501's verdict).
        public var isOver: Bool { quota.map { used > $0 } ?? false }
    }

    /// A nominee as a quota row lists it.
    public struct Member: Sendable, Equatable {
        public let name: LocalizedText
        /// Index into `files`.
        public let file: Int
    }

    /// One line of the big table: a nominee, or a dossier that proposes nobody readable.
    public struct Row: Sendable {
        /// Index into `files`.
        public let file: Int
        /// Index into `campaigns`.
        public let campaign: Int
        /// The dossier's `Đơn vị`, nil when it has none.
        public let unit: String?
        /// Nil for a dossier row without a nominee.
        public let kind: NomineeKind?
        /// The nominee's name, or a bracketed stand-in when the heading has none; nil for a
        /// dossier row without a nominee.
        public let name: LocalizedText?
        /// The 1-based line of the nominee's heading (of the file's first line for a dossier row).
        public let line: Int
        /// The award form's canonical name, or the `Hình thức:` value as written when the
        /// profile does not know it; nil when there is none.
        public let awardForm: String?
        /// The award form's id in the profile, nil when it is unknown or missing.
        public let awardFormID: String?
        /// One cell per evaluation year of the campaign.
        public let ratings: [RatingCell]
        /// The `Sáng kiến:` value, nil when blank or missing.
        public let initiative: String?
        /// The nominee's vote in the Biên bản, nil when there is none.
        public let vote: VoteCell?
        /// The findings in the nominee's block, its vote item and its report, plus those of
        /// the dossier that belong to no nominee (the Tờ trình's date, the Biên bản's members…).
        public let counts: SeverityCounts
        /// Whether the file could not be read as Unicode (HS001): nothing in it is trusted.
        public let unreadable: Bool

        public var status: ReportStatus { counts.status }
    }

    /// What a nominee says for one evaluation year.
    public struct RatingCell: Sendable, Equatable {
        public let year: Int
        /// The values written for the year, in text order (more than one is HS205's business).
        public let written: [String]
        /// The rating the first value names, when the profile knows it.
        public let rating: Rating?

        /// The shortest form to show: the rating's first abbreviation, else its name, else as written.
        public var short: String? {
            guard let rating else { return written.first }
            return rating.abbreviations.first ?? rating.name
        }
    }

    /// `A/B đồng ý (P%)`, as the numbers make it.
    public struct VoteCell: Sendable, Equatable {
        public let votesFor: Int?
        public let present: Int?
        /// votesFor / present in percent, nil when it cannot be computed.
        public var percent: Double? {
            guard let votesFor, let present, present > 0 else { return nil }
            return Double(votesFor) * 100 / Double(present)
        }
    }

    /// A dossier with its findings, for the section grouped by file.
    public struct FileEntry: Sendable {
        public let path: String
        public let unit: String?
        /// Index into `campaigns`.
        public let campaign: Int
        /// The first `shownPerFile` findings, in text order.
        public let findings: [FindingEntry]
        /// Every finding, listed or not.
        public let counts: SeverityCounts
        /// How many findings suppression comments turned off.
        public let suppressed: Int
        /// How many nominees the dossier proposes (none when it is unreadable).
        public let nominees: Int
        public let unreadable: Bool
    }

    /// A finding as a person reads it: where, what, and the line it is on.
    public struct FindingEntry: Sendable, Equatable {
        /// 1-based line and column (in characters, as the text output counts them).
        public let line: Int
        public let column: Int
        public let code: String
        public let severity: Severity
        public let message: LocalizedText
        /// The source line cut around the finding: the text before, the finding's own text
        /// (on its first line) and the text after; `cutBefore`/`cutAfter` when a long line was cut.
        public let before: String
        public let marked: String
        public let after: String
        public let cutBefore: Bool
        public let cutAfter: Bool
    }

    /// Something named on the command line that could not be checked.
    public struct NotChecked: Sendable, Equatable {
        public let path: String?
        public let message: LocalizedText

        public init(path: String?, message: LocalizedText) {
            self.path = path
            self.message = message
        }
    }

    public let files: [FileEntry]
    public let rows: [Row]
    public let campaigns: [Campaign]
    public let notChecked: [NotChecked]

    /// Every finding of every file.
    public var totals: SeverityCounts { files.reduce(SeverityCounts()) { $0 + $1.counts } }
    /// How many nominees the readable dossiers propose.
    public var nominees: Int { files.reduce(0) { $0 + $1.nominees } }
    /// The files that could not be read as Unicode (HS001), as indices into `files`: nothing in
    /// them is checked, listed as a nominee or counted against a quota.
    public var unreadableFiles: [Int] { files.indices.filter { files[$0].unreadable } }
    /// How many things could not be checked: what could not be read at all (`notChecked`) and the
    /// files that are not Unicode text.
    public var uncheckedCount: Int { notChecked.count + unreadableFiles.count }

    /// How many characters of a source line are shown before a finding, and at most in all.
    static let windowBefore = 40, windowLength = 160
    /// The most findings of a file listed (the counts count them all), as the text output lists.
    public static let shownPerFile = 200

    /// Collects the report of `files` (in the order given) and what could not be checked.
    public init(files input: [ReportFile], notChecked: [NotChecked] = []) {
        // Campaigns in order of first use; files pooled by profile id, as `Linter.lintPooled` pools them.
        var campaignIndex: [String: Int] = [:]
        var profiles: [Profile] = []
        var members: [[Int]] = []
        var campaignOf: [Int] = []
        for (index, file) in input.enumerated() {
            let profile = file.result.dossier.profile
            let campaign = campaignIndex[profile.id] ?? profiles.count
            if campaign == profiles.count {
                campaignIndex[profile.id] = campaign
                profiles.append(profile)
                members.append([])
            }
            members[campaign].append(index)
            campaignOf.append(campaign)
        }

        var files: [FileEntry] = []
        var rows: [Row] = []
        for (index, file) in input.enumerated() {
            let (entry, fileRows) = Self.collect(file, index: index, campaign: campaignOf[index])
            files.append(entry)
            rows += fileRows
        }
        self.files = files
        self.rows = rows
        campaigns = profiles.indices.map { c in
            Campaign(profile: profiles[c], files: members[c], quotas: Self.quotaRows(profiles[c], files: members[c], input: input))
        }
        self.notChecked = notChecked
    }

    /// The quota rows of one campaign: every form and kind with a quota (used or not), counted
    /// by HS501 over the campaign's readable dossiers, then the forms proposed without a quota.
    static func quotaRows(_ profile: Profile, files: [Int], input: [ReportFile]) -> [QuotaRow] {
        // The dossiers the cross-file rules see: undecodable files take no part (`Linter.crossFileFindings`).
        let readable = files.filter { input[$0].result.encodingProblem == nil }
        let pool = readable.map { CrossFileInput(path: input[$0].path, dossier: input[$0].result.dossier) }
        let classes = HS501.classes(pool)
        func member(_ ref: NomineeRef) -> Member {
            Member(name: pool[ref.file].dossier.nominees[ref.nominee].shownName, file: readable[ref.file])
        }
        var rows: [QuotaRow] = []
        for form in profile.awardForms where !form.pending {
            for kind in [NomineeKind.collective, .individual] {
                guard let quota = form.quota[kind.rawValue] else { continue }
                let counted = classes.first { $0.form.id == form.id && $0.kind == kind }?.members ?? []
                rows.append(QuotaRow(formID: form.id, formName: form.name, kind: kind, quota: quota, members: counted.map(member)))
            }
        }
        // Forms proposed that count against no quota (pending criteria, or no quota for the kind).
        for form in profile.awardForms {
            for kind in [NomineeKind.collective, .individual] where form.pending || form.quota[kind.rawValue] == nil {
                var proposed: [Member] = []
                for (f, dossier) in pool.map(\.dossier).enumerated() {
                    for nominee in dossier.nominees where nominee.kind == kind && nominee.awardForm?.id == form.id {
                        proposed.append(Member(name: nominee.shownName, file: readable[f]))
                    }
                }
                if !proposed.isEmpty {
                    rows.append(QuotaRow(formID: form.id, formName: form.name, kind: kind, quota: nil, members: proposed))
                }
            }
        }
        return rows
    }

    /// One file's entry and rows.
    static func collect(_ file: ReportFile, index: Int, campaign: Int) -> (FileEntry, [Row]) {
        let result = file.result
        let dossier = result.dossier
        let text = dossier.text
        let unreadable = result.encodingProblem != nil
        let unit = dossier.preambleFields.first { $0.key == .unit && !$0.isBlank }?.value
        // Nothing of an undecodable file is trusted: it is one row, with its HS001.
        let nominees = unreadable ? [] : dossier.nominees
        let spans = nominees.indices.map { nomineeSpans(dossier, $0) }
        var own = Array(repeating: SeverityCounts(), count: nominees.count)
        var general = SeverityCounts()
        var counts = SeverityCounts()
        var findings: [FindingEntry] = []
        var cursor = PositionCursor(text, .utf32)
        for finding in result.findings {
            counts.add(finding.severity)
            let at = finding.range.lowerBound
            if let owner = spans.firstIndex(where: { $0.contains { $0.contains(at) || ($0.isEmpty && $0.lowerBound == at) } }) {
                own[owner].add(finding.severity)
            } else {
                general.add(finding.severity)
            }
            if findings.count < shownPerFile { findings.append(entry(finding, in: text, cursor: &cursor)) }
        }
        let entry = FileEntry(path: file.path, unit: unit, campaign: campaign, findings: findings, counts: counts,
                              suppressed: result.suppressed.count, nominees: nominees.count, unreadable: unreadable)
        guard !nominees.isEmpty else {
            let years = dossier.profile.evaluationYears
            return (entry, [Row(file: index, campaign: campaign, unit: unit, kind: nil, name: nil, line: 1, awardForm: nil,
                                awardFormID: nil, ratings: years.map { RatingCell(year: $0, written: [], rating: nil) },
                                initiative: nil, vote: nil, counts: counts, unreadable: unreadable)])
        }
        let votes = Dictionary(dossier.votes.map { (Folding.name($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        let rows = nominees.indices.map { n -> Row in
            let nominee = nominees[n]
            let form = nominee.field(.awardForm).flatMap { $0.isBlank ? nil : $0.value }
            let ratings = dossier.profile.evaluationYears.map { year -> RatingCell in
                let written = nominee.ratings.filter { $0.year == year && !$0.isBlank }
                return RatingCell(year: year, written: written.map(\.text), rating: written.first?.rating)
            }
            let vote = nominee.nameKey.isEmpty ? nil : votes[nominee.nameKey].map { VoteCell(votesFor: $0.votesFor, present: $0.present) }
            return Row(file: index, campaign: campaign, unit: unit, kind: nominee.kind, name: nominee.shownName,
                       line: text.line(ofByte: dossier.tree.elements[nominee.block.heading].range.lowerBound) + 1,
                       awardForm: nominee.awardForm?.name ?? form, awardFormID: nominee.awardForm?.id, ratings: ratings,
                       initiative: nominee.field(.initiative).flatMap { $0.isBlank ? nil : $0.value }, vote: vote,
                       counts: own[n] + general, unreadable: false)
        }
        return (entry, rows)
    }

    /// The byte ranges that belong to a nominee: its `###` block, its vote items and its reports.
    static func nomineeSpans(_ dossier: Dossier, _ index: Int) -> [Range<Int>] {
        let elements = dossier.tree.elements
        func bytes(_ range: Range<Int>) -> Range<Int> {
            range.isEmpty ? 0..<0 : elements[range.lowerBound].range.lowerBound..<elements[range.upperBound - 1].range.upperBound
        }
        let nominee = dossier.nominees[index]
        var spans = [bytes(nominee.block.elements)]
        if !nominee.nameKey.isEmpty {
            spans += dossier.votes.filter { Folding.name($0.name) == nominee.nameKey }.map { elements[$0.element].range }
        }
        spans += dossier.reports.filter { $0.nominee == index }.map { bytes($0.part.elements) }
        return spans
    }

    /// A finding with its position and the source line around it (a long line cut to a window).
    static func entry(_ finding: Finding, in text: SourceText, cursor: inout PositionCursor) -> FindingEntry {
        let bytes = text.bytes
        let line = text.line(ofByte: finding.range.lowerBound)
        let content = text.contentRange(ofLine: line)
        let from = max(content.lowerBound, min(finding.range.lowerBound, content.upperBound))
        let to = max(from, min(finding.range.upperBound, content.upperBound))
        /// The offset `count` scalars before (negative) or after `offset`, within the line.
        func step(_ offset: Int, _ count: Int) -> (offset: Int, steps: Int) {
            var i = offset, n = 0
            while n < abs(count) && (count < 0 ? i > content.lowerBound : i < content.upperBound) {
                if count < 0 {
                    i -= 1
                    while i > content.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
                } else {
                    i = min(content.upperBound, i + UTF8Scalar.length(lead: bytes[i]))
                }
                n += 1
            }
            return (i, n)
        }
        let start = step(from, -windowBefore)
        let markedEnd = min(to, step(from, windowLength - start.steps).offset)
        let markedScalars = text.string(from..<markedEnd).unicodeScalars.count
        let end = step(markedEnd, windowLength - start.steps - markedScalars).offset
        return FindingEntry(line: line + 1, column: cursor.position(ofByte: finding.range.lowerBound).character + 1, code: finding.code,
                            severity: finding.severity, message: finding.message,
                            before: text.string(start.offset..<from), marked: text.string(from..<markedEnd),
                            after: text.string(markedEnd..<end), cutBefore: start.offset > content.lowerBound,
                            cutAfter: end < content.upperBound)
    }
}
