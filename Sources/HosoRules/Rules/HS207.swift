import HosoSemantics

/// HS207: a rating written as an abbreviation.
public struct HS207: Rule {
    public static let code = "HS207"
    public static let defaultSeverity = Severity.info
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Mức xếp loại viết tắt", en: "Abbreviated rating")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chữ viết tắt như HTXSNV, HTTNV, HTNV, KHTNV, HTXS được chấp nhận nhưng văn bản hành chính nên viết đầy đủ.",
            en: "Abbreviations such as HTXSNV, HTTNV, HTNV, KHTNV, HTXS are accepted, but official documents should spell them out."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: chữ viết tắt phải được viết đầy đủ lần đầu.",
                             en: "Decree 30/2020/NĐ-CP: abbreviations are spelled out."),
        failingExample: "Năm {middleYear}: HTXSNV",
        passingExample: "Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        fix: LocalizedText(vi: "Dùng sửa nhanh để viết đầy đủ.", en: "Apply the fix to spell it out."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for index in dossier.nominees.indices { check(dossier.nominees[index].ratings, into: &sink) }
        for index in dossier.reports.indices { check(dossier.reports[index].ratings, into: &sink) }
    }

    func check(_ ratings: [YearRating], into sink: inout FindingSink) {
        for stated in ratings where stated.isAbbreviation {
            guard let rating = stated.rating else { continue }
            sink.report(stated.valueRange, LocalizedText(
                vi: "\"\(stated.text)\" là chữ viết tắt; nên viết đầy đủ \"\(rating.name)\".",
                en: "\"\(stated.text)\" is an abbreviation; spell it out as \"\(rating.name)\"."),
                fixes: [Fix(title: LocalizedText(vi: "Viết đầy đủ \"\(rating.name)\"", en: "Spell out \"\(rating.name)\""),
                            edits: [TextEdit(range: stated.valueRange, newText: rating.name)], isSafe: true)])
        }
    }
}
