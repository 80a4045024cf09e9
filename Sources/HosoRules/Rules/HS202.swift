import HosoSemantics
import HosoText

/// HS202: a rating phrase that is not one the profile knows.
public struct HS202: Rule {
    public static let code = "HS202"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Mức xếp loại không đúng", en: "Unrecognized rating phrase")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mức xếp loại phải là một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ (hoặc chữ viết tắt HTXSNV, HTTNV, HTNV, KHTNV).",
            en: "A rating must be one of: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ (or HTXSNV, HTTNV, HTNV, KHTNV)."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3; các mức xếp loại chất lượng cán bộ, công chức, viên chức.",
                             en: "Plan, III.3; the official performance ratings."),
        failingExample: "Năm {middleYear}: Xuất sắc",
        passingExample: "Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        fix: LocalizedText(vi: "Ghi đúng một mức xếp loại (xem gợi ý trong thông báo).", en: "Write one of the ratings (see the suggestion)."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for index in dossier.nominees.indices { check(dossier.nominees[index].ratings, context, into: &sink) }
        for index in dossier.reports.indices { check(dossier.reports[index].ratings, context, into: &sink) }
    }

    func check(_ ratings: [YearRating], _ context: RuleContext, into sink: inout FindingSink) {
        for rating in ratings where rating.rating == nil && !rating.isBlank {
            let names = context.profile.ratings.flatMap { [$0.name] + $0.aliases }
            let nearest = Folding.nearest(rating.text, among: names)
            sink.report(rating.valueRange, LocalizedText(
                vi: "\"\(rating.text)\" không phải mức xếp loại\(nearest.map { "; có phải \"\($0)\"?" } ?? "; các mức: \(context.profile.ratings.map(\.name).joined(separator: ", ")).")",
                en: "\"\(rating.text)\" is not a rating\(nearest.map { "; did you mean \"\($0)\"?" } ?? "; the ratings are: \(context.profile.ratings.map(\.name).joined(separator: ", ")).")"))
        }
    }
}
