import HosoSemantics

/// HS402: the Tờ trình is dated on or after the profile's deadline.
public struct HS402: Rule {
    public static let code = "HS402"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Tờ trình quá hạn nộp", en: "Tờ trình dated past the deadline")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Hồ sơ gửi về phòng Tổ chức - Hành chính - Quản trị trước ngày {deadline}: Tờ trình ghi ngày {deadline} trở đi là quá hạn.",
            en: "Dossiers are due before {deadline}: a Tờ trình dated {deadline} or later is late."),
        basis: LocalizedText(vi: "Kế hoạch, mục IV.1: \"gửi về phòng Tổ chức - Hành chính - Quản trị trước ngày {deadline}\".",
                             en: "Plan, IV.1: \"send … before {deadline}\"."),
        failingExample: "Sơn La, {deadlineSpelled}",
        passingExample: "Sơn La, {dayBeforeDeadlineSpelled}",
        fix: LocalizedText(vi: "Kiểm tra ngày của Tờ trình; hồ sơ quá hạn cần xin ý kiến phòng Tổ chức - Hành chính - Quản trị.",
                           en: "Check the Tờ trình's date; a late dossier needs the office's consent."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        guard let placeDate = context.dossier.toTrinhPlaceDate, let date = placeDate.date, date.isValid,
              !(date < context.profile.deadline) else { return }
        sink.report(placeDate.syntax.date, LocalizedText(
            vi: "Tờ trình ghi ngày \(date.officialForm), không trước hạn nộp \(context.profile.deadline.officialForm); hồ sơ phải gửi trước ngày đó.",
            en: "The Tờ trình is dated \(date.officialForm), not before the deadline \(context.profile.deadline.officialForm); dossiers are due before it."))
    }
}
