import HosoSemantics
import HosoSyntax

/// HS206: no initiative where the award needs one, or one without a recognizing decision.
public struct HS206: Rule {
    public static let code = "HS206"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Thiếu sáng kiến được công nhận", en: "No recognized initiative")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Bằng khen và Giấy khen đều đòi hỏi sáng kiến, giải pháp hoặc mô hình \"được cấp cơ sở công nhận\": trường \"Sáng kiến:\" phải có và nêu quyết định công nhận (Quyết định số N/QĐ-… ngày …).",
            en: "Both awards require an initiative, solution or model \"recognized at unit level\": the \"Sáng kiến:\" field must be present and cite the recognizing decision (Quyết định số N/QĐ-… ngày …)."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1 và III.3.2: \"có sáng kiến hoặc giải pháp … được cấp cơ sở công nhận\".",
                             en: "Plan, III.3.1 and III.3.2: \"has an initiative or solution … recognized at unit level\"."),
        failingExample: "Sáng kiến: Số hóa quy trình tiếp nhận văn bản đến",
        passingExample: "Sáng kiến: Số hóa quy trình tiếp nhận văn bản đến (Quyết định số 45/QĐ-VPUB ngày 20/12/2021)",
        fix: LocalizedText(vi: "Thêm trường \"Sáng kiến:\" với tên sáng kiến và quyết định công nhận, có số và ngày.",
                           en: "Add \"Sáng kiến:\" with the initiative and its recognizing decision, number and date."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for index in dossier.nominees.indices {
            guard let form = dossier.nominees[index].awardForm, !form.pending, form.initiativeRequired else { continue }
            let nominee = dossier.nominees[index]
            guard let field = nominee.field(.initiative), !field.isBlank else {
                sink.report(nominee.field(.initiative).map { context.content($0.element) } ?? nominee.nameRange, LocalizedText(
                    vi: "\(form.name) đòi hỏi sáng kiến được cấp cơ sở công nhận; \(nominee.shownName.vi) chưa khai \"Sáng kiến:\".",
                    en: "\(form.name) requires an initiative recognized at unit level; \(nominee.shownName.en) has no \"Sáng kiến:\"."))
                continue
            }
            let decisions = dossier.citations(in: field.element..<(field.element + 1)).filter { $0.type.name == "Quyết định" }
            if decisions.contains(where: { $0.number?.serial != nil && $0.date != nil }) { continue }
            let missing = decisions.isEmpty
                ? LocalizedText(vi: "không nêu quyết định công nhận", en: "cites no recognizing decision")
                : LocalizedText(vi: "nêu quyết định công nhận nhưng thiếu số hoặc ngày", en: "cites a decision without its number or date")
            sink.report(field.valueRange, LocalizedText(
                vi: "Sáng kiến của \(nominee.shownName.vi) \(missing.vi); ghi thêm \"(Quyết định số N/QĐ-… ngày dd/mm/yyyy)\".",
                en: "\(nominee.shownName.en)'s initiative \(missing.en); add \"(Quyết định số N/QĐ-… ngày dd/mm/yyyy)\"."))
        }
    }
}
