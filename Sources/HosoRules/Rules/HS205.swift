import HosoSemantics

/// HS205: a year rated twice, or a rating for a year outside the evaluation years.
public struct HS205: Rule {
    public static let code = "HS205"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Năm xếp loại trùng hoặc ngoài các năm đánh giá", en: "Year rated twice or outside the evaluation years")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mỗi năm đánh giá chỉ khai một lần, và chỉ khai các năm {yearList}; năm khác không được tính.",
            en: "Each evaluation year is rated once, and only {yearList} count; other years are ignored."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3: \"từ năm {firstYear} đến năm {lastYear}\".", en: "Plan, III.3: \"from {firstYear} to {lastYear}\"."),
        failingExample: "Năm {yearBefore}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        passingExample: "Năm {firstYear}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        fix: LocalizedText(vi: "Xoá dòng thừa hoặc dòng của năm ngoài giai đoạn.", en: "Delete the extra line or the out-of-period year."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let years = context.profile.evaluationYears
        let nominees = context.dossier.nominees
        for index in nominees.indices {
            // A nominee rates a few years: looking back over them beats hashing each.
            let ratings = nominees[index].ratings
            for (k, rating) in ratings.enumerated() {
                if !years.contains(rating.year) {
                    sink.report(rating.range, LocalizedText(
                        vi: "Năm \(rating.year) không thuộc các năm đánh giá (\(years.map(String.init).joined(separator: ", "))); xếp loại này không được tính.",
                        en: "\(rating.year) is not an evaluation year (\(years.map(String.init).joined(separator: ", "))); this rating does not count."))
                } else if let first = ratings[..<k].first(where: { $0.year == rating.year }) {
                    let line = context.text.line(ofByte: first.range.lowerBound) + 1
                    sink.report(rating.range, LocalizedText(
                        vi: "Năm \(rating.year) đã được xếp loại ở dòng \(line); hãy giữ một dòng.",
                        en: "\(rating.year) was already rated on line \(line); keep one line."),
                        related: [RelatedLocation(range: first.range, message: LocalizedText(vi: "lần đầu ở đây", en: "first here"))])
                }
            }
        }
    }
}
