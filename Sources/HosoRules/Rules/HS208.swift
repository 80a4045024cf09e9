import HosoSemantics
import HosoText

/// HS208: a Bằng khen individual who holds a leadership post (the plan prefers non-leaders).
public struct HS208: Rule {
    public static let code = "HS208"
    public static let defaultSeverity = Severity.info
    public static let title = LocalizedText(vi: "Người được đề nghị Bằng khen giữ chức vụ lãnh đạo", en: "Certificate of Merit nominee holds a leadership post")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chỉ tiêu {form:bang-khen} rất ít ({quota:bang-khen:ca-nhan} cá nhân); kế hoạch ưu tiên cá nhân không giữ chức vụ lãnh đạo. Đây là lưu ý, không phải lỗi. Chức vụ có thể ghi nhiều chức danh, cách nhau bằng dấu phẩy hoặc chấm phẩy; một chức danh là lãnh đạo khi nó bắt đầu bằng một chức danh lãnh đạo trong hồ sơ cấu hình (profile) (\"Phó Trưởng phòng Tổng hợp\", \"kiêm Tổ trưởng\" là lãnh đạo; \"Thư ký Phó Chủ tịch UBND tỉnh\" thì không).",
            en: "The quota of {form:bang-khen} is tiny ({quota:bang-khen:ca-nhan} individual(s)); the plan gives priority to people without a leadership post. A note, not an error. Chức vụ may list several posts separated by commas or semicolons; a post is a leader's when it begins with one of the profile's leadership titles (\"Phó Trưởng phòng Tổng hợp\" and \"kiêm Tổ trưởng\" are; \"Thư ký Phó Chủ tịch UBND tỉnh\", an aide, is not)."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.4, Lưu ý: \"Ưu tiên xét chọn những tập thể nhỏ, cá nhân không giữ chức vụ lãnh đạo\".",
                             en: "Plan, III.4 note: \"priority to small collectives and individuals without leadership posts\"."),
        failingExample: "### Cá nhân: Lê Văn Bình\nChức vụ: Trưởng phòng\nHình thức: {form:bang-khen}",
        passingExample: "### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\nHình thức: {form:bang-khen}",
        fix: LocalizedText(vi: "Cân nhắc đề nghị một cá nhân không giữ chức vụ lãnh đạo; nếu vẫn giữ, có thể tắt lưu ý bằng <!-- hoso-disable-next-line HS208 -->.",
                           en: "Consider a nominee without a leadership post; to keep this one, silence the note with <!-- hoso-disable-next-line HS208 -->."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let titles = context.profile.lookup.leadershipKeys
        let nominees = context.dossier.nominees
        for index in nominees.indices where nominees[index].kind == .individual {
            guard let form = nominees[index].awardForm, form.preferNonLeaders, let position = nominees[index].field(.position),
                  !position.isBlank, Self.holdsLeadershipPost(position.value, titles: titles) else { continue }
            let nominee = nominees[index]
            sink.report(position.valueRange, LocalizedText(
                vi: "\(nominee.shownName.vi) giữ chức vụ lãnh đạo (\(position.value)); kế hoạch ưu tiên đề nghị \(form.name) cho cá nhân không giữ chức vụ lãnh đạo.",
                en: "\(nominee.shownName.en) holds a leadership post (\(position.value)); the plan prefers nominees without one for \(form.name)."))
        }
    }

    /// Whether one of the posts in a `Chức vụ` value begins with a leadership title.
    ///
    /// Posts are separated by `,` or `;`; a leading `kiêm` ("concurrently") is not part of the
    /// post. `Thư ký Phó Chủ tịch UBND tỉnh` is an aide's post, not a leader's: only the start counts.
    static func holdsLeadershipPost(_ value: String, titles: [String]) -> Bool {
        for post in value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let words = Folding.key(String(post.map { $0.isLetter || $0.isNumber ? $0 : " " }))
            var folded = Substring(words + " ")
            if folded.hasPrefix("kiem ") { folded = folded.dropFirst(5) }
            if titles.contains(where: { folded.hasPrefix($0) }) { return true }
        }
        return false
    }
}
