import HosoSemantics
import HosoSyntax

/// HS201: no rating for one of the profile's evaluation years.
public struct HS201: Rule {
    public static let code = "HS201"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Thiếu xếp loại của một năm đánh giá", en: "A rating is missing for an evaluation year")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mỗi người/tập thể được đề nghị phải khai xếp loại của từng năm đánh giá ({yearList}) bằng dòng \"Năm YYYY: <mức xếp loại>\".",
            en: "Each nominee must state the rating of every evaluation year ({yearList}) as \"Năm YYYY: <rating>\"."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3: \"từ năm {firstYear} đến năm {lastYear} được xếp loại hoàn thành tốt nhiệm vụ trở lên\".",
                             en: "Plan, III.3: \"rated at least 'good' every year from {firstYear} to {lastYear}\"."),
        failingExample: "Năm {firstYear}: Hoàn thành tốt nhiệm vụ\nNăm {lastYear}: Hoàn thành tốt nhiệm vụ",
        passingExample: "Năm {firstYear}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành xuất sắc nhiệm vụ\nNăm {lastYear}: Hoàn thành tốt nhiệm vụ",
        fix: LocalizedText(vi: "Dùng sửa nhanh để chèn \"Năm YYYY: \" rồi ghi mức xếp loại của năm đó.",
                           en: "Apply the fix to insert \"Năm YYYY: \" and write that year's rating."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let nominees = context.dossier.nominees
        for index in nominees.indices where nominees[index].awardForm?.pending != true {
            let ratings = nominees[index].ratings
            for year in context.profile.evaluationYears {
                // How many ratings state the year, and the first: no array of them.
                var count = 0, firstStated = 0
                for k in ratings.indices where ratings[k].year == year {
                    if count == 0 { firstStated = k }
                    count += 1
                }
                guard count <= 1, count == 0 || ratings[firstStated].isBlank else { continue }
                let nominee = nominees[index]
                if count == 1 {
                    let blank = ratings[firstStated]
                    sink.report(blank.range, LocalizedText(
                        vi: "\(nominee.shownName.vi) chưa ghi xếp loại năm \(year); hãy ghi mức xếp loại sau \"Năm \(year): \".",
                        en: "\(nominee.shownName.en) has no rating for \(year); write it after \"Năm \(year): \"."))
                } else {
                    let after = nominee.ratings.filter { $0.year < year }.compactMap { r in nominee.fields.first { $0.keyRange.lowerBound == r.range.lowerBound } }.last
                        ?? nominee.fields.first { $0.key == .awardForm }
                    let at = after?.element ?? context.fieldInsertionPoint(fields: nominee.fields, heading: nominee.block.heading)
                    sink.report(nominee.nameRange, LocalizedText(
                        vi: "\(nominee.shownName.vi) thiếu xếp loại năm \(year) (\"Năm \(year): …\").",
                        en: "\(nominee.shownName.en) has no rating for \(year) (\"Năm \(year): …\")."),
                        fixes: [Fix(title: LocalizedText(vi: "Chèn \"Năm \(year): \"", en: "Insert \"Năm \(year): \""),
                                    edits: [context.insertLines(["Năm \(year): "], after: at)], isSafe: false)])
                }
            }
        }
    }
}
