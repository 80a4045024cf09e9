import HosoSemantics
import HosoText

/// HS210: ratings in a BÁO CÁO THÀNH TÍCH disagree with the nominee's fields in the Tờ trình.
public struct HS210: Rule {
    public static let code = "HS210"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Xếp loại trong báo cáo khác với tờ trình", en: "Report ratings disagree with the Tờ trình")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Khi mục II của báo cáo thành tích nhắc lại xếp loại từng năm, chúng phải trùng với các dòng \"Năm YYYY:\" của người/tập thể đó trong Tờ trình. Một năm đánh giá mà Tờ trình để trống hay thiếu là lỗi HS201, không báo lại ở đây.",
            en: "When report section II repeats the yearly ratings, they must equal the nominee's \"Năm YYYY:\" lines in the Tờ trình. An evaluation year the Tờ trình leaves blank or out is HS201's, not reported again here."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: báo cáo thành tích \"thể hiện rõ thành tích theo tiêu chuẩn xét khen thưởng\".",
                             en: "Plan, III.5.1: the report \"shows the achievements against the criteria\"."),
        failingExample: "Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ   {note:(tờ trình)|(Tờ trình)}\n- Năm {middleYear}: Hoàn thành tốt nhiệm vụ   {note:(báo cáo)|(report)}",
        passingExample: "Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ   {note:(tờ trình)|(Tờ trình)}\n- Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ   {note:(báo cáo)|(report)}",
        fix: LocalizedText(vi: "Sửa cho hai nơi ghi cùng một mức xếp loại đúng.", en: "Make both places state the same, correct rating."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for report in dossier.reports {
            guard let index = report.nominee else { continue }
            let nominee = dossier.nominees[index]
            for stated in report.ratings {
                let declared = nominee.ratings.first { $0.year == stated.year }
                // An evaluation year the Tờ trình leaves blank or out is HS201's: one finding for a blank.
                if context.profile.evaluationYears.contains(stated.year) && declared?.isBlank ?? true { continue }
                let same: Bool
                if let a = stated.rating, let b = declared?.rating { same = a.id == b.id } else { same = Folding.key(stated.text) == Folding.key(declared?.text ?? "") }
                guard !same else { continue }
                if let declared {
                    sink.report(stated.valueRange, LocalizedText(
                        vi: "Báo cáo ghi năm \(stated.year) là \"\(stated.text)\" nhưng Tờ trình ghi \"\(declared.text)\".",
                        en: "The report rates \(stated.year) \"\(stated.text)\" but the Tờ trình says \"\(declared.text)\"."),
                        related: [RelatedLocation(range: declared.range, message: LocalizedText(vi: "xếp loại trong Tờ trình", en: "the Tờ trình's rating"))])
                } else {
                    sink.report(stated.valueRange, LocalizedText(
                        vi: "Báo cáo ghi xếp loại năm \(stated.year) nhưng Tờ trình không khai năm này cho \(nominee.shownName.vi).",
                        en: "The report rates \(stated.year) but the Tờ trình gives no rating for that year for \(nominee.shownName.en)."))
                }
            }
        }
    }
}
