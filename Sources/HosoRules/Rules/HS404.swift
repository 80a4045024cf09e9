import HosoSemantics
import HosoText

/// HS404: `Số:` not of the form `N/TTr-UNIT`.
public struct HS404: Rule {
    public static let code = "HS404"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Số, ký hiệu tờ trình sai thể thức", en: "Malformed Tờ trình number")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "\"Số:\" của tờ trình có dạng số/TTr-<viết tắt đơn vị>, ví dụ 12/TTr-TCHCQT; có thể để trống số trước khi vào sổ (\"/TTr-TCHCQT\").",
            en: "The Tờ trình's \"Số:\" reads number/TTr-<unit>, e.g. 12/TTr-TCHCQT; the number may be blank before registration (\"/TTr-TCHCQT\")."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP, Phụ lục I: số, ký hiệu của văn bản; Phụ lục III: TTr là tờ trình.",
                             en: "Decree 30/2020/NĐ-CP, Annex I: numbers and symbols; Annex III: TTr for a submission."),
        failingExample: "Số: 12/TCHCQT",
        passingExample: "Số: 12/TTr-TCHCQT",
        fix: LocalizedText(vi: "Ghi lại theo dạng số/TTr-<đơn vị>; dấu gạch của Word (\"–\") trong ký hiệu thì dùng sửa nhanh để thay bằng \"-\".",
                           en: "Rewrite as number/TTr-<unit>; for Word's dash (\"–\") in the symbol, apply the fix to use \"-\"."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        guard let field = context.dossier.toTrinhFields.first(where: { $0.key == .number }), !field.isBlank else { return }
        // Word's dashes in the number (`12/TTr–TCHCQT`, its first word) are read as `-` and reported as such.
        let bytes = context.text.bytes
        var numberEnd = field.valueRange.lowerBound
        while numberEnd < field.valueRange.upperBound && ByteClass.spaceLength(bytes, at: numberEnd, end: field.valueRange.upperBound) == 0 { numberEnd += 1 }
        let written = field.valueRange.lowerBound..<numberEnd
        if let dashes = context.text.lookalikeDashFinding(context.text.lookalikeDashes(in: written), inNumber: written) {
            sink.report(dashes.range, dashes.message, fixes: [dashes.fix])
        }
        let number = DocumentNumber.parse(field.value.filter { $0 != " " })
        guard number?.typeCode != "TTr" || number?.issuerCode?.isEmpty != false || number?.year != nil else { return }
        sink.report(field.valueRange, LocalizedText(
            vi: "\"\(field.value)\" không đúng dạng số/TTr-<đơn vị> (ví dụ 12/TTr-TCHCQT).",
            en: "\"\(field.value)\" is not number/TTr-<unit> (e.g. 12/TTr-TCHCQT)."))
    }
}
