import HosoSemantics

/// HS403: the Biên bản or a BÁO CÁO THÀNH TÍCH is dated after the Tờ trình.
public struct HS403: Rule {
    public static let code = "HS403"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Ngày tháng các văn bản không đúng trình tự", en: "Documents dated out of order")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tờ trình được lập sau cuộc họp xét và sau báo cáo thành tích: Biên bản và báo cáo không được ghi ngày sau Tờ trình.",
            en: "The Tờ trình follows the review meeting and the reports: the Biên bản and reports cannot be dated after it."),
        basis: LocalizedText(vi: "Kế hoạch, mục IV.1: họp, lựa chọn rồi đề xuất khen thưởng.", en: "Plan, IV.1: meet, select, then propose."),
        failingExample: "# TỜ TRÌNH\nSơn La, ngày 16 tháng 5 năm 2022\n…\n# BIÊN BẢN HỌP XÉT\nSơn La, ngày 18 tháng 5 năm 2022",
        passingExample: "# TỜ TRÌNH\nSơn La, ngày 18 tháng 5 năm 2022\n…\n# BIÊN BẢN HỌP XÉT\nSơn La, ngày 16 tháng 5 năm 2022",
        fix: LocalizedText(vi: "Kiểm tra lại ngày của các văn bản.", en: "Check the documents' dates."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        guard let submitted = dossier.toTrinhPlaceDate?.date, submitted.isValid else { return }
        var dated: [(PlaceDate, LocalizedText)] = []
        if let placeDate = dossier.bienBanPlaceDate { dated.append((placeDate, LocalizedText(vi: "Biên bản họp xét", en: "The Biên bản"))) }
        for report in dossier.reports {
            if let placeDate = report.placeDate {
                dated.append((placeDate, LocalizedText(vi: "Báo cáo thành tích của \(report.nomineeName)", en: "The report of \(report.nomineeName)")))
            }
        }
        for (placeDate, what) in dated {
            guard let date = placeDate.date, date.isValid, submitted < date else { continue }
            sink.report(placeDate.syntax.date, LocalizedText(
                vi: "\(what.vi) ghi ngày \(date.officialForm), sau ngày Tờ trình (\(submitted.officialForm)).",
                en: "\(what.en) is dated \(date.officialForm), after the Tờ trình (\(submitted.officialForm))."),
                related: [RelatedLocation(range: dossier.toTrinhPlaceDate!.syntax.date, message: LocalizedText(vi: "ngày Tờ trình", en: "the Tờ trình's date"))])
        }
    }
}
