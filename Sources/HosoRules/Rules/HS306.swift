import HosoSemantics

/// HS306: a document cited in a dossier dated on or after the day it was superseded.
public struct HS306: Rule {
    public static let code = "HS306"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Viện dẫn văn bản đã được thay thế", en: "Cites a superseded document")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Văn bản được viện dẫn đã bị thay thế trước ngày của hồ sơ (ví dụ Nghị định 91/2017/NĐ-CP được thay bằng Nghị định 98/2023/NĐ-CP từ 01/01/2024).",
            en: "The cited document was superseded before the dossier's date (e.g. Decree 91/2017/NĐ-CP, replaced by 98/2023/NĐ-CP from 01/01/2024)."),
        basis: LocalizedText(vi: "Danh mục văn bản của hồ sơ cấu hình (supersededBy).", en: "The profile's registry (supersededBy)."),
        failingExample: "Sơn La, ngày 10 tháng 5 năm 2024\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
        passingExample: "Sơn La, ngày 17 tháng 5 năm 2022\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
        fix: LocalizedText(vi: "Viện dẫn văn bản thay thế.", en: "Cite the replacing document."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        let registry = context.profile.registry
        // Most citations name no superseded document: that is decided on the registry index alone.
        for index in dossier.citations.indices {
            guard let k = dossier.registryIndex(ofCitation: index), registry[k].supersededBy != nil else { continue }
            let citation = dossier.citations[index], document = registry[k]
            guard let replacement = document.supersededBy,
                  let from = document.supersededFrom, let dated = context.documentDate(of: citation.element), dated.isValid,
                  !(dated < from) else { continue }
            sink.report(citation.typeRange.lowerBound..<(citation.numberRange?.upperBound ?? citation.range.upperBound), LocalizedText(
                vi: "\(document.type) số \(document.number) đã được thay thế bởi \(replacement) từ ngày \(from.officialForm); văn bản này ghi ngày \(dated.officialForm).",
                en: "\(document.type) \(document.number) was superseded by \(replacement) from \(from.officialForm); this document is dated \(dated.officialForm)."))
        }
    }
}
