import HosoSemantics

/// HS407: a place-date line with day 1–9 or month 1–2 without a leading zero.
public struct HS407: Rule {
    public static let code = "HS407"
    public static let defaultSeverity = Severity.info
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Ngày, tháng thiếu số 0 ở đầu", en: "Day or month without its leading zero")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Ở dòng địa danh, ngày tháng: ngày dưới 10 và tháng 1, 2 phải ghi thêm số 0 ở trước (ngày 05 tháng 02 năm 2022).",
            en: "On the place-date line, days below 10 and months 1 and 2 take a leading zero (ngày 05 tháng 02 năm 2022)."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5: địa danh và thời gian ban hành văn bản.",
                             en: "Decree 30/2020/NĐ-CP, Annex I, II.5: place and date of issue."),
        failingExample: "Sơn La, ngày 5 tháng 2 năm 2022",
        passingExample: "Sơn La, ngày 05 tháng 02 năm 2022",
        fix: LocalizedText(vi: "Dùng sửa nhanh để thêm số 0.", en: "Apply the fix to add the zero."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for element in context.dossier.tree.elements {
            guard let syntax = element.placeDate else { continue }
            for (range, isMonth) in [(syntax.day, false), (syntax.month, true)] where range.count == 1 {
                guard let value = Int(context.text.string(range)), value >= 1, isMonth ? value <= 2 : value <= 9 else { continue }
                let what = isMonth ? LocalizedText(vi: "tháng", en: "month") : LocalizedText(vi: "ngày", en: "day")
                sink.report(range, LocalizedText(vi: "Ghi \(what.vi) \(value) thành \"0\(value)\".",
                                                 en: "Write the \(what.en) \(value) as \"0\(value)\"."),
                            fixes: [Fix(title: LocalizedText(vi: "Thêm số 0", en: "Add the zero"),
                                        edits: [TextEdit(range: range, newText: "0\(value)")], isSafe: true)])
            }
        }
    }
}
