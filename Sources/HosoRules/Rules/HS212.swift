import HosoSemantics
import HosoText

/// HS212: `Hình thức` is not an award form of the profile.
public struct HS212: Rule {
    public static let code = "HS212"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Hình thức khen thưởng không có trong kế hoạch", en: "Unknown award form")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "\"Hình thức:\" phải là một hình thức của kế hoạch: {forms}.",
            en: "\"Hình thức:\" must be one of the plan's awards: {forms}."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.2: hình thức khen thưởng.", en: "Plan, III.2: award forms."),
        failingExample: "Hình thức: Bằng khen của Giám đốc Sở",
        passingExample: "Hình thức: {form:bang-khen}",
        fix: LocalizedText(vi: "Ghi đúng tên một hình thức của kế hoạch (xem gợi ý).", en: "Write one of the plan's award forms (see the suggestion)."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let forms = context.profile.awardForms
        for nominee in context.dossier.nominees where nominee.awardForm == nil {
            guard let field = nominee.field(.awardForm), !field.isBlank else { continue }
            let nearest = Folding.nearest(field.value, among: forms.flatMap { [$0.name] + $0.aliases })
            sink.report(field.valueRange, LocalizedText(
                vi: "\"\(field.value)\" không phải hình thức khen thưởng của kế hoạch\(nearest.map { "; có phải \"\($0)\"?" } ?? "; các hình thức: \(forms.map(\.name).joined(separator: "; ")).")",
                en: "\"\(field.value)\" is not an award form of the plan\(nearest.map { "; did you mean \"\($0)\"?" } ?? "; the forms are: \(forms.map(\.name).joined(separator: "; ")).")"))
        }
    }
}
