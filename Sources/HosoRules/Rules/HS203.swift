import HosoSemantics

/// HS203: a year rated below the award form's minimum.
public struct HS203: Rule {
    public static let code = "HS203"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Xếp loại thấp hơn mức tối thiểu của hình thức khen thưởng",
                                            en: "A year is rated below the award's minimum")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mọi hình thức khen thưởng trong kế hoạch đòi hỏi mỗi năm {years} được xếp loại \"hoàn thành tốt nhiệm vụ trở lên\"; một năm \"Hoàn thành nhiệm vụ\" hay thấp hơn là không đủ tiêu chuẩn.",
            en: "Every award of the plan requires each year {years} rated \"Hoàn thành tốt nhiệm vụ\" or better; a year at \"Hoàn thành nhiệm vụ\" or below does not qualify."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1 và III.3.2: \"được xếp loại hoàn thành tốt nhiệm vụ trở lên\".",
                             en: "Plan, III.3.1 and III.3.2: \"rated good or better\"."),
        failingExample: "Hình thức: {form:giay-khen}\nNăm {middleYear}: Hoàn thành nhiệm vụ",
        passingExample: "Hình thức: {form:giay-khen}\nNăm {middleYear}: Hoàn thành tốt nhiệm vụ",
        fix: LocalizedText(vi: "Kiểm tra lại xếp loại; nếu đúng, người/tập thể này không đủ tiêu chuẩn hình thức đã chọn.",
                           en: "Check the rating; if it is right, the nominee does not qualify for this award."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let profile = context.profile
        let nominees = context.dossier.nominees
        for index in nominees.indices {
            guard let form = nominees[index].awardForm, !form.pending, let minimumID = form.minimumRating,
                  let minimum = profile.ratings.first(where: { $0.id == minimumID }) else { continue }
            for stated in nominees[index].ratings where profile.evaluationYears.contains(stated.year) {
                guard let rating = stated.rating, rating.rank < minimum.rank else { continue }
                let name = nominees[index].shownName
                sink.report(stated.valueRange, LocalizedText(
                    vi: "Năm \(stated.year) \(name.vi) xếp loại \"\(rating.name)\", thấp hơn mức tối thiểu \"\(minimum.name)\" của \(form.name).",
                    en: "In \(stated.year) \(name.en) was rated \"\(rating.name)\", below the minimum \"\(minimum.name)\" for \(form.name)."))
            }
        }
    }
}
