import HosoSemantics
import HosoText

/// HS111: a report or a vote item names someone who is not a nominee.
public struct HS111: Rule {
    public static let code = "HS111"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Tên không có trong danh sách đề nghị", en: "Name is not a nominee")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tên trong \"# BÁO CÁO THÀNH TÍCH: <tên>\" và trong kết quả biểu quyết phải trùng đúng (kể cả dấu) với một người/tập thể trong DANH SÁCH ĐỀ NGHỊ. \"Hoa\", \"Hòa\" và \"Hóa\" là ba người khác nhau.",
            en: "The name in \"# BÁO CÁO THÀNH TÍCH: <name>\" and in vote items must equal (diacritics included) a nominee of DANH SÁCH ĐỀ NGHỊ. \"Hoa\", \"Hòa\" and \"Hóa\" are three different people."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: biên bản và báo cáo thành tích của đúng tập thể, cá nhân được đề nghị.",
                             en: "Plan, III.5.1: minutes and reports are about the proposed nominees."),
        failingExample: "### Cá nhân: Nguyễn Thị Hoa\n…\n# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hòa",
        passingExample: "### Cá nhân: Nguyễn Thị Hoa\n…\n# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa",
        fix: LocalizedText(vi: "Sửa tên cho trùng với tên trong danh sách đề nghị (hoặc thêm người đó vào danh sách).",
                           en: "Make the name match the nominee list (or add that nominee)."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        // Made at the first name that matches no nominee: most dossiers have none.
        var matcher: NomineeNameMatcher?
        func nearest(to name: String) -> String? {
            if matcher == nil { matcher = dossier.nomineeNameMatcher() }
            return matcher?.nearest(to: name)
        }
        for report in dossier.reports where report.nominee == nil {
            guard !report.nomineeName.isEmpty else {
                sink.report(context.content(report.part.heading), LocalizedText(
                    vi: "Báo cáo thành tích chưa ghi tên; viết \"# BÁO CÁO THÀNH TÍCH: <tên người/tập thể được đề nghị>\".",
                    en: "The achievement report names no one; write \"# BÁO CÁO THÀNH TÍCH: <nominee's name>\"."))
                continue
            }
            reportName(report.nomineeName, at: report.nameRange, where: LocalizedText(vi: "Báo cáo thành tích", en: "The achievement report"),
                   nearest: nearest(to:), into: &sink)
        }
        for vote in dossier.votes where !vote.isBlank && dossier.nomineeIndex(folded: vote.foldedName) == nil {
            guard !vote.name.isEmpty else {
                sink.report(context.content(vote.element), LocalizedText(
                    vi: "Dòng biểu quyết chưa ghi tên; viết \"- <tên>: A/B đồng ý (P%)\".",
                    en: "The vote item names no one; write \"- <name>: A/B đồng ý (P%)\"."))
                continue
            }
            reportName(vote.name, at: vote.nameRange, where: LocalizedText(vi: "Kết quả biểu quyết", en: "The vote item"),
                   nearest: nearest(to:), into: &sink)
        }
    }

    func reportName(_ name: String, at range: Range<Int>, where place: LocalizedText, nearest: (String) -> String?,
                    into sink: inout FindingSink) {
        let nearest = nearest(name)
        let name = Lookalikes.shownName(name)
        sink.report(range, LocalizedText(
            vi: "\(place.vi) ghi \"\(name)\", không có trong DANH SÁCH ĐỀ NGHỊ\(nearest.map { "; có phải \"\($0)\"?" } ?? ".")",
            en: "\(place.en) names \"\(name)\", who is not in DANH SÁCH ĐỀ NGHỊ\(nearest.map { "; did you mean \"\($0)\"?" } ?? ".")"))
    }
}
