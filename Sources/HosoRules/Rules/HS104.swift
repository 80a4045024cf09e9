import HosoSemantics
import HosoSyntax

/// HS104: parts out of the order TỜ TRÌNH, BIÊN BẢN HỌP XÉT, BÁO CÁO THÀNH TÍCH.
public struct HS104: Rule {
    public static let code = "HS104"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Các phần không đúng thứ tự", en: "Parts out of order")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Các phần của hồ sơ phải theo thứ tự: TỜ TRÌNH, BIÊN BẢN HỌP XÉT, rồi các BÁO CÁO THÀNH TÍCH.",
            en: "Parts go in the order TỜ TRÌNH, BIÊN BẢN HỌP XÉT, then the BÁO CÁO THÀNH TÍCH reports."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: thứ tự thành phần hồ sơ.", en: "Plan, III.5.1: the order of the dossier's documents."),
        failingExample: "# BIÊN BẢN HỌP XÉT\n…\n# TỜ TRÌNH",
        passingExample: "# TỜ TRÌNH\n…\n# BIÊN BẢN HỌP XÉT",
        fix: LocalizedText(vi: "Chuyển phần đó lên đúng vị trí.", en: "Move the part to its place."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        var latest: (order: Int, kind: PartKind)?
        var seen: [PartKind] = []  // three kinds at most: a list, not a hashed set
        for part in context.dossier.tree.parts {
            guard let order = PartKind.known.firstIndex(of: part.kind) else { continue }
            // A second TỜ TRÌNH or BIÊN BẢN is HS103's; its position is beside the point.
            let isFirst = !seen.contains(part.kind)
            if isFirst { seen.append(part.kind) }
            guard isFirst || part.kind == .report else { continue }
            if let previous = latest, order < previous.order {
                sink.report(context.content(part.heading), LocalizedText(
                    vi: "Phần \(part.kind.canonicalTitle) phải đứng trước \(previous.kind.canonicalTitle) (thứ tự: TỜ TRÌNH, BIÊN BẢN HỌP XÉT, BÁO CÁO THÀNH TÍCH).",
                    en: "The \(part.kind.canonicalTitle) part must come before \(previous.kind.canonicalTitle) (order: TỜ TRÌNH, BIÊN BẢN HỌP XÉT, BÁO CÁO THÀNH TÍCH)."))
            } else {
                latest = (order, part.kind)
            }
        }
    }
}
