import HosoSemantics
import HosoText

/// HS208: a Bằng khen individual who holds a leadership post (the plan prefers non-leaders).
public struct HS208: Rule {
    public static let code = "HS208"
    public static let defaultSeverity = Severity.info
    public static let title = LocalizedText(vi: "Người được đề nghị Bằng khen giữ chức vụ lãnh đạo", en: "Certificate of Merit nominee holds a leadership post")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chỉ tiêu Bằng khen rất ít (01 cá nhân); kế hoạch ưu tiên cá nhân không giữ chức vụ lãnh đạo. Đây là lưu ý, không phải lỗi.",
            en: "The Certificate of Merit quota is tiny (one individual); the plan gives priority to people without a leadership post. A note, not an error."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.4, Lưu ý: \"Ưu tiên xét chọn những tập thể nhỏ, cá nhân không giữ chức vụ lãnh đạo\".",
                             en: "Plan, III.4 note: \"priority to small collectives and individuals without leadership posts\"."),
        failingExample: "### Cá nhân: Lê Văn Bình\nChức vụ: Trưởng phòng\nHình thức: Bằng khen của Chủ tịch UBND tỉnh",
        passingExample: "### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\nHình thức: Bằng khen của Chủ tịch UBND tỉnh",
        fix: LocalizedText(vi: "Cân nhắc đề nghị một cá nhân không giữ chức vụ lãnh đạo; nếu vẫn giữ, có thể tắt lưu ý bằng <!-- hoso-disable-next-line HS208 -->.",
                           en: "Consider a nominee without a leadership post; to keep this one, silence the note with <!-- hoso-disable-next-line HS208 -->."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let titles = context.profile.lookup.paddedLeadershipKeys
        for nominee in context.dossier.nominees where nominee.kind == .individual {
            guard let form = nominee.awardForm, form.preferNonLeaders, let position = nominee.field(.position),
                  !position.isBlank else { continue }
            let folded = " " + Folding.key(position.value.map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) }) + " "
            guard titles.contains(where: { folded.contains($0) }) else { continue }
            sink.report(position.valueRange, LocalizedText(
                vi: "\(nominee.name) giữ chức vụ lãnh đạo (\(position.value)); kế hoạch ưu tiên đề nghị \(form.name) cho cá nhân không giữ chức vụ lãnh đạo.",
                en: "\(nominee.name) holds a leadership post (\(position.value)); the plan prefers nominees without one for \(form.name)."))
        }
    }
}
