import HosoSemantics
import HosoSyntax
import HosoText

/// HS302: a required basis is not cited (the criteria plan in the Tờ trình, NĐ 91/2017 in each report).
public struct HS302: Rule {
    public static let code = "HS302"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Thiếu căn cứ bắt buộc", en: "A required basis is not cited")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tờ trình phải căn cứ Kế hoạch {plan:bang-khen} khi đề nghị Bằng khen và Kế hoạch {plan:giay-khen} khi đề nghị Giấy khen; mỗi báo cáo thành tích phải nêu {reportForm} theo Nghị định {reportDecree} (số mẫu có hay không có số 0 đầu đều được). Báo cáo viết theo mẫu khác (một \"Mẫu số …\" khác, của nghị định này hay nghị định khác) cũng bị báo, ngay tại dòng ghi mẫu đó, nêu mẫu và văn bản nó viện dẫn; thiếu hẳn thì báo ở tiêu đề phần. Câu căn cứ mở đầu bằng \"Căn cứ\" hoặc \"Thực hiện\", kể cả khi viết thành danh sách (\"- Căn cứ …\", \"1. Thực hiện …\").",
            en: "The Tờ trình must cite plan {plan:bang-khen} when it proposes a Bằng khen and {plan:giay-khen} when it proposes a Giấy khen; each achievement report must name {reportForm} of Decree {reportDecree} (with or without a leading zero). A report on another form (another \"Mẫu số …\", of this decree or another) draws it too, on the line naming that form, saying what it cites; a missing citation is reported on the part heading. A basis sentence opens with \"Căn cứ\" or \"Thực hiện\", also as a list item (\"- Căn cứ …\", \"1. Thực hiện …\")."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.3.1, III.3.2 (tiêu chuẩn theo 179/KH-UBND và 29/KH-VPUB) và III.5.1 ({reportForm}).",
                             en: "Plan, III.3.1, III.3.2 (criteria from 179/KH-UBND and 29/KH-VPUB) and III.5.1 ({reportForm})."),
        failingExample: "# TỜ TRÌNH\n…\nCăn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;\n{note:(đề nghị Bằng khen nhưng không căn cứ 179/KH-UBND)|(Bằng khen proposed without citing 179/KH-UBND)}",
        passingExample: "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;",
        fix: LocalizedText(vi: "Dùng sửa nhanh để chèn dòng căn cứ còn thiếu; dòng \"Mẫu số …\" sai mẫu thì sửa nhanh viết lại chính dòng đó.",
                           en: "Apply the fix to insert the missing basis line; a \"Mẫu số …\" line on the wrong form is rewritten in place by the fix."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        let profile = context.profile
        if let part = dossier.toTrinh {
            // The criteria plans of the forms proposed, each once (a dossier proposes a few forms).
            var plans: [String] = []
            for index in dossier.nominees.indices {
                guard let form = dossier.nominees[index].awardForm, !form.pending, let plan = form.criteriaPlan,
                      !plans.contains(plan) else { continue }
                plans.append(plan)
            }
            for plan in plans where !cites(plan, in: part.elements, context) {
                guard let document = profile.document(numbered: plan) else { continue }
                // After the last "Căn cứ …" line (cited or not), else after the Tờ trình's fields.
                let basisLines = part.elements.filter { i in
                    dossier.tree.elements[i].kind == .prose && Folding.key(context.text.string(context.content(i))).hasPrefix("can cu")
                }
                let after = basisLines.max() ?? context.fieldInsertionPoint(fields: dossier.toTrinhFields, heading: part.heading)
                let forms = profile.awardForms.filter { $0.criteriaPlan == plan }.map(\.name).joined(separator: ", ")
                sink.report(context.content(part.heading), LocalizedText(
                    vi: "Tờ trình đề nghị \(forms) nhưng không căn cứ \(document.type) số \(document.number).",
                    en: "The Tờ trình proposes \(forms) but does not cite \(document.type) \(document.number)."),
                    fixes: [Fix(title: LocalizedText(vi: "Chèn \"Căn cứ \(document.type) số \(document.number) …\"", en: "Insert \"Căn cứ \(document.type) số \(document.number) …\""),
                                edits: [context.insertLines(["Căn cứ \(context.fullCitation(document));"], after: after)], isSafe: false)])
            }
        }
        let form = profile.reportForm
        guard let document = profile.document(numbered: form.citation) else { return }
        for report in dossier.reports {
            let citations = dossier.citations(in: report.part.elements)
            func isOfDocument(_ index: Int) -> Bool {
                dossier.registryIndex(ofCitation: index).map { profile.registry[$0].number == form.citation } ?? false
            }
            // The usual case: the report cites the form of the required document.
            if citations.indices.contains(where: { isOfDocument($0) && (citations[$0].form.map { Self.sameForm($0, form.form) } ?? false) }) {
                continue
            }
            let ofDocument = citations.indices.filter(isOfDocument).map { dossier.citations[$0] }
            let formLine = "\(form.form) ban hành kèm theo \(context.fullCitation(document))"
            let required = LocalizedText(vi: "\(form.form) theo \(document.type) số \(document.number)",
                                         en: "\(form.form) of \(document.type) \(document.number)")
            let owner = report.nomineeName.isEmpty
                ? LocalizedText(vi: "Báo cáo thành tích (chưa ghi tên)", en: "The achievement report (no name yet)")
                : LocalizedText(vi: "Báo cáo thành tích của \(report.nomineeName)", en: "\(report.nomineeName)'s achievement report")
            let replaceTitle = LocalizedText(vi: "Thay bằng dòng \(form.form) theo \(document.type) số \(document.number)",
                                             en: "Replace with the \(form.form) line of \(document.type) \(document.number)")
            // A report on another form, of this decree or another (`Mẫu số 01 … Nghị định số
            // 98/2023/NĐ-CP`): reported on that line, naming what it cites; the fix rewrites the line.
            // The form is taken from its `Mẫu số` line, else a form of the required decree anywhere,
            // else another decree's form in its opening lines; never a form named in its body.
            let opening = report.part.heading..<(report.part.sections.first?.heading ?? report.part.elements.upperBound)
            if let other = citations.first(where: { $0.form != nil && $0.element == report.formLine })
                ?? ofDocument.first(where: { $0.form != nil })
                ?? citations.first(where: { $0.form != nil && opening.contains($0.element) }),
               let written = other.form, let number = other.number {
                let cited = LocalizedText(vi: "\(written) của \(other.type.name) số \(number.raw)", en: "\(written) of \(other.type.name) \(number.raw)")
                sink.report(context.content(other.element), LocalizedText(
                    vi: "\(owner.vi) ghi theo \(cited.vi), nhưng kế hoạch yêu cầu \(required.vi); hãy lập lại báo cáo theo \(form.form).",
                    en: "\(owner.en) follows \(cited.en), but the plan requires \(required.en); redo the report on \(form.form)."),
                    fixes: [Fix(title: replaceTitle, edits: [TextEdit(range: context.statement(other.element), newText: formLine)], isSafe: false)])
                continue
            }
            // Not cited: reported on the part heading. A `Mẫu số` line that cites nothing is
            // rewritten, not left beside a second one.
            let edit = report.formLine.map { TextEdit(range: context.statement($0), newText: formLine) }
                ?? context.insertLines([formLine], after: report.placeDate?.element ?? report.part.heading)
            sink.report(context.content(report.part.heading), LocalizedText(
                vi: "\(owner.vi) không nêu \(required.vi).",
                en: "\(owner.en) does not name \(required.en)."),
                fixes: [Fix(title: report.formLine == nil ? LocalizedText(vi: "Chèn dòng \(form.form)", en: "Insert the \(form.form) line") : replaceTitle,
                            edits: [edit], isSafe: false)])
        }
    }

    /// Whether two `Mẫu số N` texts name the same form (`Mẫu số 7` is `Mẫu số 07`).
    static func sameForm(_ a: String, _ b: String) -> Bool {
        /// The number its ASCII digits make, read as `Int` reads them: nil for none or too many.
        func number(_ s: String) -> Int? {
            var value = 0, digits = 0
            for b in s.utf8 where b >= 0x30 && b <= 0x39 {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
                if o1 || o2 { return nil }
                value = sum
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        return number(a) != nil && number(a) == number(b)
    }

    /// Whether some citation among `elements` names the registry document `number`.
    func cites(_ number: String, in elements: Range<Int>, _ context: RuleContext) -> Bool {
        let dossier = context.dossier
        let registry = context.profile.registry
        return dossier.citations(in: elements).indices.contains { index in
            dossier.registryIndex(ofCitation: index).map { registry[$0].number == number } ?? false
        }
    }
}
