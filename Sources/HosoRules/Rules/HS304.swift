import HosoSemantics

/// HS304: the first citation of a document lacks its number/symbol or its date.
public struct HS304: Rule {
    public static let code = "HS304"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Trích dẫn văn bản lần đầu chưa đầy đủ", en: "Incomplete first citation")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Lần đầu viện dẫn một văn bản phải ghi đủ tên loại, số, ký hiệu và ngày ban hành (ví dụ \"Kế hoạch số 179/KH-UBND ngày 02/8/2019\"); các lần sau có thể viết gọn (\"KH 179\").",
            en: "The first time a document is cited it needs its type, number, symbol and date (e.g. \"Kế hoạch số 179/KH-UBND ngày 02/8/2019\"); later mentions may be short (\"KH 179\")."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP, Phụ lục I: viện dẫn văn bản.", en: "Decree 30/2020/NĐ-CP, Annex I: citing documents."),
        failingExample: "Căn cứ KH 179 của UBND tỉnh;",
        passingExample: "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;",
        fix: LocalizedText(vi: "Dùng sửa nhanh để ghi đủ theo danh mục văn bản.", en: "Apply the fix to complete it from the registry."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        var seen: Set<String> = []
        let dossier = context.dossier
        for index in dossier.citations.indices where dossier.citations[index].role == .basis {
            let citation = dossier.citations[index]
            guard let number = citation.number, let numberRange = citation.numberRange else { continue }
            let document = dossier.registryDocument(ofCitation: index)
            let key = document?.number ?? "\(citation.type.name)|\(number.serial.map(String.init) ?? number.raw)"
            guard seen.insert(key).inserted else { continue }
            let lacksSymbol = number.symbol == nil
            guard lacksSymbol || citation.date == nil else { continue }
            let missing = lacksSymbol && citation.date == nil
                ? LocalizedText(vi: "ký hiệu và ngày ban hành", en: "symbol and date")
                : lacksSymbol ? LocalizedText(vi: "ký hiệu", en: "symbol") : LocalizedText(vi: "ngày ban hành", en: "date")
            let end = citation.date?.range.upperBound ?? numberRange.upperBound
            let range = citation.typeRange.lowerBound..<end
            let fixes = document.map { document in
                [Fix(title: LocalizedText(vi: "Ghi đủ \"\(context.fullCitation(document, issuer: false))\"", en: "Complete as \"\(context.fullCitation(document, issuer: false))\""),
                     edits: [TextEdit(range: range, newText: context.fullCitation(document, issuer: false))], isSafe: true)]
            } ?? []
            sink.report(range, LocalizedText(
                vi: "Lần đầu viện dẫn \"\(context.text.string(range))\" còn thiếu \(missing.vi)\(document.map { "; ghi đủ: \(context.fullCitation($0, issuer: false))" } ?? "").",
                en: "The first citation \"\(context.text.string(range))\" lacks its \(missing.en)\(document.map { "; in full: \(context.fullCitation($0, issuer: false))" } ?? "")."),
                fixes: fixes)
        }
    }
}
