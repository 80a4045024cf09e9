import HosoSemantics
import HosoSyntax

/// HS106: the sections of a BÁO CÁO THÀNH TÍCH are out of the profile's order.
public struct HS106: Rule {
    public static let code = "HS106"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Các mục của báo cáo thành tích không đúng thứ tự",
                                            en: "Achievement report sections out of order")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Các mục của báo cáo thành tích phải theo thứ tự của {reportForm}: I, II, III, rồi phần xác nhận.",
            en: "Report sections follow {reportForm}'s order: I, II, III, then the confirmation."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1; {reportForm}, Nghị định {reportDecree}.",
                             en: "Plan, III.5.1; {reportForm} of Decree {reportDecree}."),
        failingExample: "## II. THÀNH TÍCH ĐẠT ĐƯỢC\n## I. SƠ LƯỢC LÝ LỊCH",
        passingExample: "## I. SƠ LƯỢC LÝ LỊCH\n## II. THÀNH TÍCH ĐẠT ĐƯỢC",
        fix: LocalizedText(vi: "Chuyển mục đó lên đúng vị trí.", en: "Move the section to its place."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        for report in dossier.reports {
            let kind = report.nominee.map { dossier.nominees[$0].kind } ?? .individual
            let required = context.profile.reportSections.sections(for: kind)
            var latest: Int?
            for section in report.sections {
                guard let k = section.profileIndex else { continue }
                if let previous = latest, k < previous {
                    sink.report(context.content(section.node.heading), LocalizedText(
                        vi: "Mục \"\(required[k].title)\" phải đứng trước mục \"\(required[previous].title)\".",
                        en: "The section \"\(required[k].title)\" must come before \"\(required[previous].title)\"."))
                } else {
                    latest = k
                }
            }
        }
    }
}
