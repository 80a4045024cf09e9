import HosoSemantics

/// HS401: an impossible or unreadable date.
public struct HS401: Rule {
    public static let code = "HS401"
    public static let defaultSeverity = Severity.error
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Ngày tháng không hợp lệ", en: "Impossible or unreadable date")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Ngày không có thật (31/4/2022, 29/02/2021), tháng ngoài 1–12, hoặc ngày tháng năm để trống (\"ngày … tháng 5 năm 2022\").",
            en: "A date that does not exist (31/4/2022, 29/02/2021), a month outside 1–12, or a blank day, month or year (\"ngày … tháng 5 năm 2022\")."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: thời gian ban hành văn bản.", en: "Decree 30/2020/NĐ-CP: the date of a document."),
        failingExample: "Sơn La, ngày 31 tháng 4 năm 2022",
        passingExample: "Sơn La, ngày 30 tháng 4 năm 2022",
        fix: LocalizedText(vi: "Ghi đúng ngày tháng năm.", en: "Write the correct date."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for mention in context.regionDates {
            guard let date = mention.value else {
                let written = context.text.string(mention.range)
                sink.report(mention.range, LocalizedText(
                    vi: "\"\(written)\" chưa ghi đủ ngày, tháng, năm.",
                    en: "\"\(written)\" lacks its day, month or year."))
                continue
            }
            guard !date.isValid || date.year < 1945 || date.year > 2100 else { continue }
            let why: LocalizedText
            if date.month < 1 || date.month > 12 {
                why = LocalizedText(vi: "không có tháng \(date.month)", en: "there is no month \(date.month)")
            } else if date.day < 1 || date.day > DateValue.daysIn(month: date.month, year: date.year) {
                why = LocalizedText(vi: "tháng \(date.month)/\(date.year) chỉ có \(DateValue.daysIn(month: date.month, year: date.year)) ngày",
                                    en: "\(date.month)/\(date.year) has only \(DateValue.daysIn(month: date.month, year: date.year)) days")
            } else {
                why = LocalizedText(vi: "năm \(date.year) không hợp lý", en: "the year \(date.year) is implausible")
            }
            let written = context.text.string(mention.range)
            sink.report(mention.range, LocalizedText(vi: "Ngày \"\(written)\" không hợp lệ: \(why.vi).",
                                                     en: "The date \"\(written)\" is impossible: \(why.en)."))
        }
    }
}
