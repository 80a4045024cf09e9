import HosoSemantics

/// HS307: a nominee's criteria clause cites the plan of the other award form.
public struct HS307: Rule {
    public static let code = "HS307"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Tiêu chuẩn viện dẫn kế hoạch của hình thức khác", en: "Criteria cite the other award's plan")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tiêu chuẩn Bằng khen lấy theo Kế hoạch 179/KH-UBND, tiêu chuẩn Giấy khen theo Kế hoạch 29/KH-VPUB; báo cáo của người được đề nghị Bằng khen không nên viện dẫn tiêu chuẩn của 29/KH-VPUB và ngược lại.",
            en: "Certificate of Merit criteria come from plan 179/KH-UBND, Giấy khen criteria from 29/KH-VPUB; a Bằng khen nominee's report should not cite 29/KH-VPUB's criteria, nor the reverse."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1 (179/KH-UBND) và III.3.2 (29/KH-VPUB).", en: "Plan, III.3.1 (179/KH-UBND) and III.3.2 (29/KH-VPUB)."),
        failingExample: "Hình thức: Bằng khen của Chủ tịch UBND tỉnh\n…\ntại điểm 2.2 khoản 2 Mục II Kế hoạch số 29/KH-VPUB ngày 14/8/2019",
        passingExample: "Hình thức: Bằng khen của Chủ tịch UBND tỉnh\n…\ntại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02/8/2019",
        fix: LocalizedText(vi: "Viện dẫn kế hoạch tiêu chuẩn của đúng hình thức khen thưởng.", en: "Cite the criteria plan of the proposed award."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        let plans = context.profile.awardForms.compactMap(\.criteriaPlan)  // one per form: a list
        for citationIndex in dossier.citations.indices where dossier.citations[citationIndex].clause != nil {
            let citation = dossier.citations[citationIndex]
            guard let report = context.report(containing: citation.element), let index = report.nominee,
                  let form = dossier.nominees[index].awardForm, let own = form.criteriaPlan,
                  let cited = dossier.registryDocument(ofCitation: citationIndex)?.number, cited != own, plans.contains(cited)
            else { continue }
            sink.report(citation.numberRange ?? citation.range, LocalizedText(
                vi: "\(report.nomineeName) được đề nghị \(form.name), tiêu chuẩn theo \(own); \(cited) là tiêu chuẩn của hình thức khác.",
                en: "\(report.nomineeName) is proposed for \(form.name), whose criteria are in \(own); \(cited) holds another award's criteria."))
        }
    }
}
