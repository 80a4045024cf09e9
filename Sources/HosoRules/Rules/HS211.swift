import HosoSemantics

/// HS211: the initiative's recognizing decision is dated after the Tờ trình.
public struct HS211: Rule {
    public static let code = "HS211"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Quyết định công nhận sáng kiến có ngày sau tờ trình", en: "Initiative decision dated after the Tờ trình")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Sáng kiến phải đã được công nhận khi lập tờ trình: ngày của quyết định công nhận không được sau ngày của Tờ trình.",
            en: "The initiative must be recognized before the submission: its decision cannot be dated after the Tờ trình."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3: sáng kiến \"được cấp cơ sở công nhận\".", en: "Plan, III.3: initiative \"recognized at unit level\"."),
        failingExample: "Sơn La, ngày 18 tháng 5 năm 2022\n…\nSáng kiến: Số hóa hồ sơ (Quyết định số 60/QĐ-VPUB ngày 20/5/2022)",
        passingExample: "Sơn La, ngày 18 tháng 5 năm 2022\n…\nSáng kiến: Số hóa hồ sơ (Quyết định số 45/QĐ-VPUB ngày 20/12/2021)",
        fix: LocalizedText(vi: "Kiểm tra lại ngày của quyết định hoặc của tờ trình.", en: "Check the decision's date or the Tờ trình's."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        guard let submitted = dossier.toTrinhPlaceDate?.date, submitted.isValid else { return }
        for index in dossier.nominees.indices {
            guard let field = dossier.nominees[index].field(.initiative) else { continue }
            let nominee = dossier.nominees[index]
            for citation in dossier.citations(in: field.element..<(field.element + 1)) {
                guard let mention = citation.date, let date = mention.value, date.isValid, submitted < date else { continue }
                sink.report(mention.range, LocalizedText(
                    vi: "Quyết định công nhận sáng kiến của \(nominee.shownName.vi) ngày \(date) sau ngày Tờ trình (\(submitted)).",
                    en: "The decision recognizing \(nominee.shownName.en)'s initiative is dated \(date), after the Tờ trình (\(submitted))."))
            }
        }
    }
}
