import HosoSemantics

/// HS108: a title, key, rating phrase or award form that matches only after folding.
public struct HS108: Rule {
    public static let code = "HS108"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Viết chưa đúng cách viết chuẩn", en: "Not the canonical spelling")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tiêu đề phần/mục, tên trường, mức xếp loại và hình thức khen thưởng được nhận ra cả khi viết sai hoa/thường, thiếu dấu, đặt dấu kiểu cũ (\"hoà\"/\"hòa\") hay thừa khoảng trắng; khi đó nên sửa về cách viết chuẩn để văn bản thống nhất.",
            en: "Part and section titles, field keys, rating phrases and award forms are recognized with wrong case, missing diacritics, old-style tone placement (\"hoà\"/\"hòa\") or extra spaces; such spellings should be made canonical for a consistent document."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP về thể thức văn bản; các tên gọi theo Kế hoạch, mục III.2–III.5.",
                             en: "Decree 30/2020/NĐ-CP on document layout; the plan's names in III.2–III.5."),
        failingExample: "Chuc vu: Chuyên viên",
        passingExample: "Chức vụ: Chuyên viên",
        fix: LocalizedText(vi: "Dùng sửa nhanh để thay bằng cách viết chuẩn.", en: "Apply the fix to use the canonical spelling."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for spelling in context.dossier.spellings {
            let what: LocalizedText
            switch spelling.target {
            case .partTitle: what = LocalizedText(vi: "Tiêu đề phần", en: "The part title")
            case .sectionTitle: what = LocalizedText(vi: "Tiêu đề mục", en: "The section title")
            case .nomineeLabel: what = LocalizedText(vi: "Nhãn đối tượng", en: "The nominee label")
            case .fieldKey: what = LocalizedText(vi: "Tên trường", en: "The field key")
            case .rating: what = LocalizedText(vi: "Mức xếp loại", en: "The rating")
            case .awardForm: what = LocalizedText(vi: "Hình thức khen thưởng", en: "The award form")
            }
            sink.report(spelling.range, LocalizedText(
                vi: "\(what.vi) \"\(spelling.written)\" nên viết đúng cách viết chuẩn: \"\(spelling.canonical)\".",
                en: "\(what.en) \"\(spelling.written)\" should use the canonical spelling \"\(spelling.canonical)\"."),
                fixes: [Fix(title: LocalizedText(vi: "Sửa thành \"\(spelling.canonical)\"", en: "Change to \"\(spelling.canonical)\""),
                            edits: [TextEdit(range: spelling.range, newText: spelling.canonical)], isSafe: true)])
        }
    }
}
