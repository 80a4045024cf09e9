import HosoSemantics
import HosoSyntax
import HosoText

/// HS101: a part every dossier needs (TỜ TRÌNH, BIÊN BẢN HỌP XÉT) is missing.
public struct HS101: Rule {
    public static let code = "HS101"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Thiếu phần bắt buộc của hồ sơ", en: "A required part is missing")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mọi hồ sơ phải có TỜ TRÌNH và BIÊN BẢN HỌP XÉT (theo hồ sơ mẫu của kế hoạch); thiếu phần nào thì hồ sơ không được xét.",
            en: "Every dossier needs a TỜ TRÌNH (submission) and a BIÊN BẢN HỌP XÉT (meeting minutes) as the plan's dossier lists; without them it is not considered."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1 và III.5.2: Tờ trình của phòng, ban, đơn vị; Biên bản họp xét.",
                             en: "Plan, III.5.1 and III.5.2: the unit's submission; the minutes of the review meeting."),
        failingExample: "Đơn vị: Phòng Tổng hợp\n\n# TỜ TRÌNH\n…\n{note:(không có # BIÊN BẢN HỌP XÉT)|(no # BIÊN BẢN HỌP XÉT)}",
        passingExample: "# TỜ TRÌNH\n…\n# BIÊN BẢN HỌP XÉT\n…",
        fix: LocalizedText(vi: "Dùng sửa nhanh để chèn khung của phần còn thiếu đúng vị trí rồi điền nội dung.",
                           en: "Apply the fix to insert the missing part's skeleton in its place, then fill it in."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        // Lists, not sets: there are three kinds of part, and hashing each nominee's would cost more.
        var required = context.profile.requiredParts
        for nominee in dossier.nominees {
            for kind in nominee.awardForm?.requiredParts ?? [] where !required.contains(kind) { required.append(kind) }
        }
        var present = dossier.tree.parts.map(\.kind)
        // An unknown heading that is a misspelling of a part is HS102's; do not also call the part missing.
        for part in dossier.tree.parts where part.kind == .unknown {
            let written = dossier.tree.elements[part.heading].head.map { context.text.string($0) } ?? ""
            if let nearest = Folding.nearest(written, among: PartKind.known.map(\.canonicalTitle)),
               let kind = PartKind.known.first(where: { $0.canonicalTitle == nearest }) {
                present.append(kind)
            }
        }
        for (order, kind) in PartKind.known.enumerated() where kind != .report && required.contains(kind) && !present.contains(kind) {
            // In its place: before the first known part that comes after it in the order.
            let next = dossier.tree.parts.first { part in
                PartKind.known.firstIndex(of: part.kind).map { $0 > order } ?? false
            }
            let edit = context.insertLines(skeleton(kind, dossier), before: next?.heading)
            let range = next.map { context.content($0.heading) } ?? edit.range
            sink.report(range, LocalizedText(
                vi: "Hồ sơ thiếu phần \(kind.displayName.vi); hãy thêm \"# \(kind.canonicalTitle)\" \(next.map { "trước phần \"\(context.text.string(context.content($0.heading)))\"" } ?? "vào cuối tệp").",
                en: "The dossier has no \(kind.displayName.en) part; add \"# \(kind.canonicalTitle)\" \(next.map { "before \"\(context.text.string(context.content($0.heading)))\"" } ?? "at the end")."),
                fixes: [Fix(title: LocalizedText(vi: "Chèn khung phần \(kind.canonicalTitle)", en: "Insert a \(kind.canonicalTitle) skeleton"),
                            edits: [edit], isSafe: false)])
        }
    }

    /// The lines of a part's skeleton, with a vote item per nominee for the minutes.
    func skeleton(_ kind: PartKind, _ dossier: Dossier) -> [String] {
        switch kind {
        case .toTrinh:
            return ["# TỜ TRÌNH", "Số: ", "Kính gửi: ", "Về việc: ", "", "## DANH SÁCH ĐỀ NGHỊ", ""]
        case .bienBan:
            return ["# BIÊN BẢN HỌP XÉT", "Thời gian: ", "Địa điểm: ", "Thành phần: ", "Chủ trì: ", "Thư ký: ", "",
                    "## KẾT QUẢ BIỂU QUYẾT"] + dossier.nominees.map { "- \(Lookalikes.shownName($0.name)): " } + [""]
        case .report, .unknown:
            return []
        }
    }
}
