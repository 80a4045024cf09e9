import HosoText
import HosoSemantics

/// HS301: a citation of a registry document with a wrong date, issuer code or symbol.
public struct HS301: Rule {
    public static let code = "HS301"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.safe
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Trích dẫn văn bản sai ngày hoặc sai ký hiệu", en: "Citation with a wrong date or symbol")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Văn bản có trong danh mục của kế hoạch (179/KH-UBND ngày 02/8/2019, 29/KH-VPUB ngày 14/8/2019, 91/2017/NĐ-CP ngày 31/7/2017 …) phải được trích đúng số, ký hiệu và ngày ban hành.",
            en: "Documents in the plan's registry (179/KH-UBND of 02/8/2019, 29/KH-VPUB of 14/8/2019, 91/2017/NĐ-CP of 31/7/2017 …) must be cited with the right number, symbol and date."),
        basis: LocalizedText(vi: "Kế hoạch, phần mở đầu và mục III.3, III.5.1 (các văn bản được viện dẫn); Nghị định 30/2020/NĐ-CP về viện dẫn văn bản.",
                             en: "Plan, preamble and III.3, III.5.1 (the cited documents); Decree 30/2020/NĐ-CP on citing documents."),
        failingExample: "Căn cứ Kế hoạch số 179/KH-VPUB ngày 02/9/2019 của UBND tỉnh;",
        passingExample: "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;",
        fix: LocalizedText(vi: "Dùng sửa nhanh để ghi lại số, ký hiệu và ngày như trong danh mục.", en: "Apply the fix to rewrite number, symbol and date as the registry has them."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for citation in context.regionCitations {
            guard let document = context.profile.registryDocument(for: citation), let number = citation.number,
                  let numberRange = citation.numberRange else { continue }
            // A symbol wrong only by diacritics or case (`ND` for `NĐ`) is HS308's alone (docs/rules/HS308.md).
            if number.symbol != nil && number.raw != document.number && Folding.key(number.raw) != Folding.key(document.number) {
                sink.report(numberRange, LocalizedText(
                    vi: "Số, ký hiệu \"\(number.raw)\" không đúng; \(document.type) này là \(document.number) ngày \(document.date.officialForm) của \(document.issuer).",
                    en: "The number \"\(number.raw)\" is wrong; this \(document.type) is \(document.number) of \(document.date.officialForm) by \(document.issuer)."),
                    fixes: [Fix(title: LocalizedText(vi: "Sửa thành \(document.number)", en: "Change to \(document.number)"),
                                edits: [TextEdit(range: numberRange, newText: document.number)], isSafe: true)])
            }
            if let mention = citation.date, let date = mention.value, date.isValid, date != document.date {
                let spelled = context.text.bytes[mention.range.lowerBound] | 0x20 == 0x6E
                let replacement = spelled ? document.date.spelledForm : document.date.officialForm
                sink.report(mention.range, LocalizedText(
                    vi: "\(document.type) số \(document.number) ban hành ngày \(document.date.officialForm), không phải \(date.officialForm).",
                    en: "\(document.type) \(document.number) is dated \(document.date.officialForm), not \(date.officialForm)."),
                    fixes: [Fix(title: LocalizedText(vi: "Sửa ngày thành \(document.date.officialForm)", en: "Change the date to \(document.date.officialForm)"),
                                edits: [TextEdit(range: mention.range, newText: replacement)], isSafe: true)])
            }
        }
    }
}
