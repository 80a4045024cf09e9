import HosoSemantics

/// HS305: a basis citation of a document the profile's registry does not know.
public struct HS305: Rule {
    public static let code = "HS305"
    public static let defaultSeverity = Severity.info
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Căn cứ văn bản không có trong danh mục", en: "Basis document not in the registry")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Một căn cứ (dòng \"Căn cứ …\", điều khoản tiêu chuẩn, dòng {reportForm}) viện dẫn văn bản mà danh mục của kế hoạch không có, nên không kiểm tra được số, ngày. Quyết định công nhận sáng kiến, khen thưởng của đơn vị không bị lưu ý này.",
            en: "A basis (a \"Căn cứ …\" line, a criteria clause, the {reportForm} line) cites a document the plan's registry lacks, so its number and date cannot be verified. Unit-level decisions (initiatives, earlier awards) never draw this note."),
        basis: LocalizedText(vi: "Kế hoạch: các văn bản được viện dẫn làm căn cứ.", en: "Plan: the documents it builds on."),
        failingExample: "Căn cứ Kế hoạch số 50/KH-SNV ngày 01/3/2022 của Sở Nội vụ;",
        passingExample: "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;",
        fix: LocalizedText(vi: "Kiểm tra lại văn bản; nếu đúng, có thể bổ sung vào danh mục của hồ sơ cấu hình (profile).",
                           en: "Check the document; if it is right, add it to the profile's registry."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let citations = context.regionCitations
        for index in citations.indices where citations[index].role == .basis {
            let citation = citations[index]
            guard context.dossier.registryIndex(ofCitation: index) == nil, let number = citation.number else { continue }
            sink.report(citation.typeRange.lowerBound..<(citation.numberRange?.upperBound ?? citation.range.upperBound), LocalizedText(
                vi: "\(citation.type.name) số \(number.raw) không có trong danh mục văn bản của kế hoạch; không kiểm tra được số và ngày.",
                en: "\(citation.type.name) \(number.raw) is not in the plan's registry; its number and date cannot be verified."))
        }
    }
}
