import HosoSemantics
import HosoSyntax

/// HS110: a nominee whose award form needs a BÁO CÁO THÀNH TÍCH has none.
public struct HS110: Rule {
    public static let code = "HS110"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Thiếu báo cáo thành tích của người/tập thể được đề nghị",
                                            en: "A nominee's achievement report is missing")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Người/tập thể được đề nghị Bằng khen của Chủ tịch UBND tỉnh phải có \"# BÁO CÁO THÀNH TÍCH: <tên>\" ({reportForm}).",
            en: "A nominee for the Chairman's Certificate of Merit needs a \"# BÁO CÁO THÀNH TÍCH: <name>\" part ({reportForm})."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: báo cáo thành tích theo {reportForm}, Nghị định {reportDecree}.",
                             en: "Plan, III.5.1: achievement report per {reportForm}, Decree {reportDecree}."),
        failingExample: "### Cá nhân: Nguyễn Thị Hoa\nHình thức: Bằng khen của Chủ tịch UBND tỉnh\n{note:(không có # BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa)|(no # BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa)}",
        passingExample: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa",
        fix: LocalizedText(vi: "Dùng sửa nhanh để thêm khung báo cáo (các mục và xếp loại đã khai) ở cuối tệp rồi viết nội dung.",
                           en: "Apply the fix to append a report skeleton (sections and the declared ratings), then write it."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        var reported = [Bool](repeating: false, count: dossier.nominees.count)
        for report in dossier.reports { if let index = report.nominee { reported[index] = true } }
        for index in dossier.nominees.indices {
            guard let form = dossier.nominees[index].awardForm, form.requiresReport, !dossier.nominees[index].name.isEmpty,
                  !reported[index] else { continue }
            let nominee = dossier.nominees[index]
            let edit = context.insertLines(skeleton(nominee, context.profile), before: nil)
            sink.report(nominee.nameRange, LocalizedText(
                vi: "\(nominee.shownName.vi) được đề nghị \(form.name) nhưng chưa có \"# BÁO CÁO THÀNH TÍCH: \(nominee.nameToWrite.vi)\".",
                en: "\(nominee.shownName.en) is proposed for \(form.name) but has no \"# BÁO CÁO THÀNH TÍCH: \(nominee.nameToWrite.en)\"."),
                fixes: [Fix(title: LocalizedText(vi: "Thêm khung báo cáo thành tích", en: "Append a report skeleton"),
                            edits: [edit], isSafe: false)])
        }
    }

    /// A report for the nominee: the form line, the required sections, the declared ratings.
    func skeleton(_ nominee: Nominee, _ profile: Profile) -> [String] {
        var lines = ["", "# BÁO CÁO THÀNH TÍCH: \(nominee.nameToWrite.vi)"]
        if let document = profile.registry.first(where: { $0.number == profile.reportForm.citation }) {
            lines.append("\(profile.reportForm.form) ban hành kèm theo \(document.type) số \(document.number) ngày \(document.date) của \(document.issuer)")
        }
        for section in profile.reportSections.sections(for: nominee.kind) {
            lines.append("")
            lines.append("## " + (section.numbering.map { "\($0). " } ?? "") + section.title)
            if section.role == "achievements" {
                lines += nominee.ratings.map { "- Năm \($0.year): \($0.rating?.name ?? $0.text)" }
            }
        }
        return lines
    }
}
