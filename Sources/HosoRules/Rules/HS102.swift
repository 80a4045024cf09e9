import HosoSemantics
import HosoSyntax
import HosoText

/// HS102: a `#` heading that is not a known part.
public struct HS102: Rule {
    public static let code = "HS102"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Tiêu đề phần không đúng", en: "Unknown part heading")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Dòng bắt đầu bằng \"# \" phải là một trong các phần của hồ sơ: TỜ TRÌNH, BIÊN BẢN HỌP XÉT, BÁO CÁO THÀNH TÍCH: <tên>. Tiêu đề khác làm hỏng cấu trúc hồ sơ.",
            en: "A line starting with \"# \" must be a dossier part: TỜ TRÌNH, BIÊN BẢN HỌP XÉT, BÁO CÁO THÀNH TÍCH: <name>. Other titles break the dossier's structure."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5: thành phần hồ sơ đề nghị khen thưởng.",
                             en: "Plan, III.5: what a commendation dossier consists of."),
        failingExample: "# TỜ TRÌNH ĐỀ NGHỊ",
        passingExample: "# TỜ TRÌNH",
        fix: LocalizedText(vi: "Sửa tiêu đề theo tên phần được gợi ý, hoặc dùng \"## \" nếu đó là một mục trong phần.",
                           en: "Rename it to the suggested part, or use \"## \" if it is a section inside a part."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let titles = PartKind.known.map(\.canonicalTitle)
        for part in context.dossier.tree.parts where part.kind == .unknown {
            let element = context.dossier.tree.elements[part.heading]
            let written = element.head.map { context.text.string($0) } ?? ""
            let range = element.head.flatMap { $0.isEmpty ? nil : $0 } ?? element.content
            let suggestion = Folding.nearest(written, among: titles)
            sink.report(range, LocalizedText(
                vi: "\"# \(written)\" không phải phần nào của hồ sơ\(suggestion.map { "; có phải \"# \($0)\"?" } ?? "; các phần là: \(titles.joined(separator: ", ")).")",
                en: "\"# \(written)\" is not a dossier part\(suggestion.map { "; did you mean \"# \($0)\"?" } ?? "; the parts are: \(titles.joined(separator: ", ")).")"))
        }
    }
}
