import HosoSemantics
import HosoSyntax
import HosoText

/// HS105: a BÁO CÁO THÀNH TÍCH lacks a section the profile requires for its nominee's kind.
public struct HS105: Rule {
    public static let code = "HS105"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Báo cáo thành tích thiếu mục bắt buộc", en: "Achievement report lacks a required section")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Báo cáo thành tích theo {reportForm} phải có: I. SƠ LƯỢC LÝ LỊCH (cá nhân) hoặc I. ĐẶC ĐIỂM, TÌNH HÌNH (tập thể); II. THÀNH TÍCH ĐẠT ĐƯỢC; III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG; XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG.",
            en: "A {reportForm} achievement report needs: I. SƠ LƯỢC LÝ LỊCH (individual) or I. ĐẶC ĐIỂM, TÌNH HÌNH (collective); II. THÀNH TÍCH ĐẠT ĐƯỢC; III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG; XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: báo cáo thành tích theo {reportForm}, Nghị định {reportDecree}, có xác nhận của Lãnh đạo Văn phòng.",
                             en: "Plan, III.5.1: report per {reportForm} of Decree {reportDecree}, confirmed by the Office's leadership."),
        failingExample: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n## I. SƠ LƯỢC LÝ LỊCH\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n{note:(thiếu mục III và mục xác nhận)|(section III and the confirmation missing)}",
        passingExample: "## I. SƠ LƯỢC LÝ LỊCH\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n## III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\n## XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG",
        fix: LocalizedText(vi: "Dùng sửa nhanh để chèn tiêu đề mục còn thiếu đúng vị trí rồi viết nội dung.",
                           en: "Apply the fix to insert the missing section heading in its place, then write it."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for report in dossier.reports {
            guard let nomineeIndex = report.nominee else { continue }
            let required = context.profile.reportSections.sections(for: dossier.nominees[nomineeIndex].kind)
            let present = report.sections.compactMap(\.profileIndex)  // a few sections: a list
            for (k, section) in required.enumerated() where !present.contains(k) {
                let heading = "## " + (section.numbering.map { "\($0). " } ?? "") + section.title
                let next = report.sections.first { ($0.profileIndex ?? -1) > k }
                let edit = next.map { context.insertLines([heading], before: $0.node.heading) }
                    ?? context.insertLines([heading], after: report.part.elements.upperBound - 1)
                sink.report(context.content(report.part.heading), LocalizedText(
                    vi: "Báo cáo thành tích của \(Lookalikes.shownName(report.nomineeName)) thiếu mục \"\(heading.dropFirst(3))\".",
                    en: "The achievement report of \(Lookalikes.shownName(report.nomineeName)) lacks the section \"\(heading.dropFirst(3))\"."),
                    fixes: [Fix(title: LocalizedText(vi: "Chèn mục \"\(section.title)\"", en: "Insert the section \"\(section.title)\""),
                                edits: [edit], isSafe: false)])
            }
        }
    }
}
