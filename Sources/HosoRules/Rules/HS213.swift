import HosoSemantics

/// HS213: an award form whose criteria the profile marks as pending.
public struct HS213: Rule {
    public static let code = "HS213"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Hình thức khen thưởng chưa có hướng dẫn tiêu chuẩn", en: "Award form with pending criteria")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Khen thưởng cấp Nhà nước \"có hướng dẫn của Ban Thi đua - Khen thưởng Trung ương sau\": chưa có tiêu chuẩn nên không kiểm tra được gì về đề nghị này.",
            en: "State-level awards get their guidance \"later, from the Central Emulation and Commendation Board\": with no criteria, nothing about this proposal can be checked."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.2: \"Cấp Nhà nước (có hướng dẫn của Ban Thi đua - Khen thưởng Trung ương sau)\".",
                             en: "Plan, III.2: \"State level (guidance to follow from the Central Board)\"."),
        failingExample: "Hình thức: Khen thưởng cấp Nhà nước",
        passingExample: "Hình thức: Bằng khen của Chủ tịch UBND tỉnh",
        fix: LocalizedText(vi: "Chờ hướng dẫn, hoặc đề nghị một hình thức đã có tiêu chuẩn.", en: "Wait for the guidance, or propose a form whose criteria exist."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for nominee in context.dossier.nominees {
            guard let form = nominee.awardForm, form.pending, let field = nominee.field(.awardForm) else { continue }
            sink.report(field.valueRange, LocalizedText(
                vi: "\(form.name) chưa có hướng dẫn tiêu chuẩn; không kiểm tra được xếp loại, sáng kiến hay chỉ tiêu của \(nominee.shownName.vi).",
                en: "\(form.name) has no published criteria yet; \(nominee.shownName.en)'s ratings, initiative and quota cannot be checked."))
        }
    }
}
