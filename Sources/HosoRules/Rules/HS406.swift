import HosoSemantics

/// HS406: approval not above the profile's threshold.
public struct HS406: Rule {
    public static let code = "HS406"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Tỷ lệ đồng ý chưa vượt ngưỡng", en: "Approval not above the threshold")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Người/tập thể được đề nghị phải được quá {threshold}% số thành viên có mặt đồng ý.",
            en: "A nominee needs the approval of more than {threshold}% of the members present."),
        basis: LocalizedText(vi: "Nguyên tắc biểu quyết của hội đồng xét khen thưởng; Kế hoạch, mục I.2 (dân chủ, công khai).",
                             en: "Voting rule of the review meeting; plan I.2 (democratic, open)."),
        failingExample: "- Tổ Quản trị: 4/8 đồng ý (50%)",
        passingExample: "- Tổ Quản trị: 5/8 đồng ý (62,5%)",
        fix: LocalizedText(vi: "Kiểm tra kết quả; nếu đúng, người/tập thể này không đủ điều kiện đề nghị.", en: "Check the result; if right, the nominee does not qualify."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let threshold = context.profile.votePercentThreshold
        for vote in context.dossier.votes {
            guard let votesFor = vote.votesFor, let present = vote.present, present > 0, votesFor >= 0, votesFor <= present,
                  let range = vote.countRange else { continue }
            let percent = Double(votesFor) * 100 / Double(present)
            guard percent <= threshold else { continue }
            sink.report(range, LocalizedText(
                vi: "\(vote.shownName.vi) chỉ được \(votesFor)/\(present) (\(HS405.format(percent))%) đồng ý, chưa quá \(HS405.format(threshold))% số có mặt.",
                en: "\(vote.shownName.en) has only \(votesFor)/\(present) (\(HS405.format(percent))%) in favour, not above \(HS405.format(threshold))% of those present."))
        }
    }
}
