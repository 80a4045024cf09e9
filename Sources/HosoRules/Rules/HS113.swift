import HosoSemantics
import HosoSyntax

/// HS113: the same field given twice in one block.
public struct HS113: Rule {
    public static let code = "HS113"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Một trường khai hai lần", en: "A field is given twice")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Trong cùng một khối (phần đầu, Tờ trình, một người/tập thể, Biên bản) mỗi trường chỉ khai một lần; khai hai lần thì không rõ giá trị nào đúng.",
            en: "Within one block (preamble, Tờ trình, a nominee, Biên bản) each field is given once; twice leaves it unclear which value holds."),
        basis: LocalizedText(vi: "Định dạng .hoso (docs/dinh-dang.md, mục \"Bố cục hồ sơ\"): mỗi trường một lần trong một khối, mỗi năm một dòng.",
                             en: "The .hoso format (docs/format.md, \"The shape of a dossier\"): each field once per block, one line per year."),
        failingExample: "Năm {middleYear}: Hoàn thành tốt nhiệm vụ\nNăm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        passingExample: "Năm {middleYear}: Hoàn thành xuất sắc nhiệm vụ",
        fix: LocalizedText(vi: "Xoá dòng thừa, giữ lại giá trị đúng.", en: "Delete the extra line, keeping the right value."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        check(dossier.preambleFields, context, &sink)
        check(dossier.toTrinhFields, context, &sink)
        for index in dossier.nominees.indices { check(dossier.nominees[index].fields, context, &sink) }
        check(dossier.bienBanFields, context, &sink)
    }

    func check(_ fields: [Field], _ context: RuleContext, _ sink: inout FindingSink) {
        // A block has a handful of fields: looking back over them beats hashing every key.
        var firstByKey: [FieldKey: Int] = [:]
        let looksBack = fields.count <= 16
        for index in fields.indices {
            let key = fields[index].key
            if case .rating = key { continue }  // a year rated twice is HS205's
            let firstIndex: Int?
            if looksBack {
                firstIndex = fields[..<index].firstIndex { $0.key == key }
            } else {
                firstIndex = firstByKey[key]
                if firstIndex == nil { firstByKey[key] = index }
            }
            guard let firstIndex else { continue }
            let first = fields[firstIndex], field = fields[index]
            let line = context.text.line(ofByte: first.keyRange.lowerBound) + 1
            sink.report(context.content(field.element), LocalizedText(
                vi: "Trường \"\(field.key.canonicalSpelling)\" đã khai ở dòng \(line); hãy xoá một trong hai dòng.",
                en: "The field \"\(field.key.canonicalSpelling)\" was already given on line \(line); delete one of the two."),
                related: [RelatedLocation(range: context.content(first.element), message: LocalizedText(vi: "lần đầu ở đây", en: "first here"))])
        }
    }
}
