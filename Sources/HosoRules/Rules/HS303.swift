import HosoSemantics
import HosoSyntax
import HosoText

/// HS303: a criteria clause that does not fit the nominee's kind (điểm 2.1 collectives, 2.2 individuals).
public struct HS303: Rule {
    public static let code = "HS303"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Điều khoản tiêu chuẩn không đúng đối tượng", en: "Criteria clause for the wrong kind of nominee")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tiêu chuẩn của tập thể nằm ở điểm 2.1, của cá nhân ở điểm 2.2 khoản 2 Mục II kế hoạch; báo cáo của cá nhân không được viện dẫn điểm 2.1 và ngược lại.",
            en: "Collectives' criteria are in point 2.1, individuals' in point 2.2 of clause 2, section II; an individual's report must not cite 2.1, nor a collective's 2.2."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1 a), b) và III.3.2 a), b).", en: "Plan, III.3.1 a), b) and III.3.2 a), b)."),
        failingExample: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n…\nThực hiện tốt các nội dung thi đua tại điểm 2.1 khoản 2 Mục II Kế hoạch số 179/KH-UBND …",
        passingExample: "Thực hiện tốt các nội dung thi đua tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND …",
        fix: LocalizedText(vi: "Dùng sửa nhanh để đổi sang điều khoản của đúng đối tượng.", en: "Apply the fix to cite the clause for the nominee's kind."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for citation in dossier.citations {
            guard let clause = citation.clause, let point = clause.point, let report = context.report(containing: citation.element),
                  let index = report.nominee, let form = dossier.nominees[index].awardForm else { continue }
            let kind = dossier.nominees[index].kind
            let other: NomineeKind = kind == .individual ? .collective : .individual
            guard let own = form.criteriaClauses[kind.rawValue], let wrong = form.criteriaClauses[other.rawValue],
                  Self.point(of: wrong) == point, Self.point(of: own) != point else { continue }
            let kindName = kind == .individual ? LocalizedText(vi: "cá nhân", en: "an individual") : LocalizedText(vi: "tập thể", en: "a collective")
            sink.report(clause.range, LocalizedText(
                vi: "\(report.nomineeName) là \(kindName.vi); tiêu chuẩn áp dụng là \(own), không phải \(clause.text).",
                en: "\(report.nomineeName) is \(kindName.en); the criteria are in \(own), not \(clause.text)."),
                fixes: [Fix(title: LocalizedText(vi: "Đổi thành \(own)", en: "Change to \(own)"),
                            edits: [TextEdit(range: clause.range, newText: own)], isSafe: true)])
        }
    }

    /// The point number of a profile clause (`điểm 2.2 khoản 2 Mục II` → `2.2`).
    static func point(of clause: String) -> String? {
        let words = clause.split(separator: " ")
        guard let i = words.firstIndex(where: { Folding.key($0) == "diem" }), i + 1 < words.count else { return nil }
        return String(words[i + 1])
    }
}
