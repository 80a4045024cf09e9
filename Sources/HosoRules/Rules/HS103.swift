import HosoSemantics
import HosoSyntax
import HosoText

/// HS103: a part appears twice (a report twice for the same nominee).
public struct HS103: Rule {
    public static let code = "HS103"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Một phần xuất hiện hai lần", en: "A part appears twice")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mỗi hồ sơ chỉ có một TỜ TRÌNH, một BIÊN BẢN HỌP XÉT và mỗi người/tập thể được đề nghị chỉ có một BÁO CÁO THÀNH TÍCH.",
            en: "A dossier has one TỜ TRÌNH, one BIÊN BẢN HỌP XÉT, and one BÁO CÁO THÀNH TÍCH per nominee."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: hồ sơ gồm một tờ trình, một biên bản, báo cáo thành tích của từng đối tượng.",
                             en: "Plan, III.5.1: one submission, one set of minutes, a report per nominee."),
        failingExample: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n…\n# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa",
        passingExample: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n…\n# BÁO CÁO THÀNH TÍCH: Tổ Quản trị",
        fix: LocalizedText(vi: "Gộp nội dung hai phần vào một và xoá phần thừa.", en: "Merge the two parts into one and delete the extra one."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        // The first heading of each part kind, and of each report by its nominee's folded name
        // (reports can be many: those are found by the name's own hash, not compared in turn or
        // hashed again by SipHash).
        var firstOfKind: [(kind: PartKind, heading: Int)] = []
        var firstReport = FoldedNameIndex()
        for part in dossier.tree.parts where part.kind != .unknown {
            var report: Report?
            if part.kind == .report, let found = dossier.report(containing: part.heading) {
                // A report that names no one yet is HS111's; two of them are not one nominee twice.
                if found.nomineeName.isEmpty { continue }
                report = found
            }
            let first: Int
            if let report {
                guard let earlier = firstReport[report.foldedName] else {
                    firstReport.insertIfAbsent(report.foldedName, part.heading)
                    continue
                }
                first = earlier
            } else {
                guard let earlier = firstOfKind.first(where: { $0.kind == part.kind })?.heading else {
                    firstOfKind.append((part.kind, part.heading))
                    continue
                }
                first = earlier
            }
            let label = part.kind.canonicalTitle + (report.map { ": " + Lookalikes.shownName($0.nomineeName) } ?? "")
            let firstLine = context.text.line(ofByte: context.content(first).lowerBound) + 1
            sink.report(context.content(part.heading), LocalizedText(
                vi: "Phần \"\(label)\" đã có ở dòng \(firstLine); hãy gộp hai phần làm một.",
                en: "The part \"\(label)\" already appears on line \(firstLine); merge the two."),
                related: [RelatedLocation(range: context.content(first), message: LocalizedText(vi: "lần đầu ở đây", en: "first here"))])
        }
    }
}
