import HosoSemantics
import HosoSyntax

/// HS501: more nominees of one award form and kind than its quota, across the dossiers checked together.
public struct HS501: CrossFileRule {
    public static let code = "HS501"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Vượt số lượng khen thưởng", en: "Quota exceeded")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tổng số đề nghị của mọi hồ sơ được kiểm tra cùng nhau không vượt chỉ tiêu: {form:bang-khen} không quá {quota:bang-khen:tap-the} tập thể và {quota:bang-khen:ca-nhan} cá nhân; {form:giay-khen} không quá {quota:giay-khen:tap-the} tập thể và {quota:giay-khen:ca-nhan} cá nhân.",
            en: "Across all dossiers checked together: at most {quota:bang-khen:tap-the} collective(s) and {quota:bang-khen:ca-nhan} individual(s) for {form:bang-khen}; at most {quota:giay-khen:tap-the} collective(s) and {quota:giay-khen:ca-nhan} individual(s) for {form:giay-khen}."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.4.1 và III.4.2: số lượng xét tặng.", en: "Plan, III.4.1 and III.4.2: quotas."),
        failingExample: "phong-a.hoso, phong-b.hoso: tổng cộng {quotaPlusOne:bang-khen:ca-nhan} \"### Cá nhân\" đề nghị {form:bang-khen}",
        passingExample: "phong-a.hoso, phong-b.hoso: tổng cộng {quota:bang-khen:ca-nhan} \"### Cá nhân\" đề nghị {form:bang-khen}, các cá nhân khác đề nghị {form:giay-khen}",
        fix: LocalizedText(vi: "Các đơn vị thống nhất rút bớt đề nghị, hoặc chuyển sang hình thức còn chỉ tiêu.",
                           en: "Agree between units to withdraw proposals or move them to a form with quota left."))

    /// How many of the other nominees a finding points at.
    static let relatedLimit = 10

    public init() {}

    public func check(_ files: [CrossFileInput], into sink: inout CrossFileSink) {
        for quotaClass in Self.classes(files) where quotaClass.isOver {
            let members = quotaClass.members
            let form = quotaClass.form, kind = quotaClass.kind, quota = quotaClass.quota
            let kindName = kind == .individual ? LocalizedText(vi: "cá nhân", en: "individuals") : LocalizedText(vi: "tập thể", en: "collectives")
            let message = LocalizedText(
                vi: "\(form.name) chỉ được đề nghị không quá \(quota) \(kindName.vi), nhưng các hồ sơ đề nghị \(members.count).",
                en: "\(form.name) allows at most \(quota) \(kindName.en), but the dossiers propose \(members.count).")
            // Each member points at the first `relatedLimit + 1` others (a campaign of thousands
            // must not print millions of lines); their notes are made once.
            let shown = members.prefix(Self.relatedLimit + 1).map { member -> RelatedLocation in
                let nominee = files[member]
                return RelatedLocation(path: files[member.file].path, range: nominee.nameRange,
                                       message: LocalizedText(vi: "cũng đề nghị: \(nominee.shownName.vi)", en: "also proposed: \(nominee.shownName.en)"))
            }
            // A member past the shown ones points at the first `relatedLimit`: one array for all of them.
            let toFirst = Array(shown.prefix(Self.relatedLimit))
            for (i, member) in members.enumerated() {
                let related = i < shown.count ? Array(shown.indices.lazy.filter { $0 != i }.prefix(Self.relatedLimit).map { shown[$0] }) : toFirst
                sink.report(file: member.file, files[member].nameRange, message, related: related)
            }
        }
    }

    /// The quota classes of one campaign's dossiers (readable ones, as the linter pools them):
    /// each award form and kind that has a quota and at least one nominee, with the nominees that
    /// count against it, in the order their first members appear. HS501 reports the classes over
    /// their quota; `hoso report` draws them all.
    public static func classes(_ files: [CrossFileInput]) -> [QuotaClass] {
        struct Key: Equatable { let form: String; let kind: NomineeKind }
        let groups = files.nomineeGroups { nominee -> Key? in
            guard let form = nominee.awardForm, !form.pending, form.quota[nominee.kind.rawValue] != nil else { return nil }
            return Key(form: form.id, kind: nominee.kind)
        }
        return groups.map { members in
            let first = files[members[0]]
            return QuotaClass(form: first.awardForm!, kind: first.kind, members: members)
        }
    }
}

/// An award form and kind with a quota (Bằng khen, cá nhân: at most 1), and the nominees of the
/// dossiers checked together that count against it.
public struct QuotaClass: Sendable {
    public let form: AwardForm
    public let kind: NomineeKind
    /// The nominees counted, in file order and, within a file, in text order.
    public let members: [NomineeRef]

    /// The most nominees the profile allows for the form and kind.
    public var quota: Int { form.quota[kind.rawValue] ?? 0 }
    /// Whether more nominees are proposed than the quota allows (what HS501 reports).
    public var isOver: Bool { members.count > quota }
}
