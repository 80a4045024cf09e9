import HosoSemantics

/// HS204: fewer "xuất sắc" years than the award needs.
public struct HS204: Rule {
    public static let code = "HS204"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Chưa đủ số năm hoàn thành xuất sắc nhiệm vụ", en: "Too few years rated excellent")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "{form:bang-khen} đòi hỏi trong các năm {years} có ít nhất {excellent:bang-khen} năm \"Hoàn thành xuất sắc nhiệm vụ\". Một năm chưa ghi xếp loại (HS201) hay ghi không đọc được (HS202) chưa bị tính là thiếu: quy tắc chỉ báo khi dù các năm đó được ghi \"xuất sắc\" cũng không đủ.",
            en: "{form:bang-khen} requires at least {excellent:bang-khen} year(s) in {years} rated \"Hoàn thành xuất sắc nhiệm vụ\". A year with no rating yet (HS201) or one that does not read (HS202) is not counted short: the rule fires only when even those years rated excellent would not be enough."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1: trong các năm đánh giá có ít nhất {excellent:bang-khen} năm được xếp loại hoàn thành xuất sắc nhiệm vụ.",
                             en: "Plan, III.3.1: at least {excellent:bang-khen} of the evaluation years rated excellent."),
        failingExample: "Hình thức: {form:bang-khen}\nNăm {firstYear}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành tốt nhiệm vụ\nNăm {lastYear}: Hoàn thành tốt nhiệm vụ",
        passingExample: "Hình thức: {form:bang-khen}\nNăm {firstYear}: Hoàn thành xuất sắc nhiệm vụ\nNăm {middleYear}: Hoàn thành xuất sắc nhiệm vụ\nNăm {lastYear}: Hoàn thành tốt nhiệm vụ",
        fix: LocalizedText(vi: "Kiểm tra lại xếp loại; nếu đúng, hãy đề nghị hình thức thấp hơn (Giấy khen).",
                           en: "Check the ratings; if they are right, propose a lower award (Giấy khen)."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let profile = context.profile
        let topRank = profile.topRank
        let topName = profile.ratings.first { $0.rank == topRank }?.name ?? ""
        let span = yearSpan(profile)
        for nominee in context.dossier.nominees {
            guard let form = nominee.awardForm, !form.pending, form.excellentYearsNeeded > 0 else { continue }
            // The evaluation years are a few: distinct years kept in lists, not hashed sets.
            var excellentYears: [Int] = [], ratedYears: [Int] = []
            for stated in nominee.ratings where profile.evaluationYears.contains(stated.year) {
                guard let rating = stated.rating else { continue }
                if !ratedYears.contains(stated.year) { ratedYears.append(stated.year) }
                if rating.rank == topRank && !excellentYears.contains(stated.year) { excellentYears.append(stated.year) }
            }
            let needed = form.excellentYearsNeeded
            // A year with no rating read (blank or missing: HS201; not a rating: HS202) may yet be
            // "xuất sắc": only a shortfall those years cannot make up is this rule's.
            var unreadYears: [Int] = []
            for year in profile.evaluationYears where !ratedYears.contains(year) && !unreadYears.contains(year) { unreadYears.append(year) }
            let unread = unreadYears.count
            guard excellentYears.count + unread < needed else { continue }
            sink.report(nominee.nameRange, LocalizedText(
                vi: "\(form.name) cần ít nhất \(needed) năm \"\(topName)\" trong \(span); \(nominee.shownName.vi) có \(excellentYears.count).",
                en: "\(form.name) needs at least \(needed) year(s) rated \"\(topName)\" in \(span); \(nominee.shownName.en) has \(excellentYears.count)."))
        }
    }

    func yearSpan(_ profile: Profile) -> String {
        guard let first = profile.evaluationYears.min(), let last = profile.evaluationYears.max() else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }
}
