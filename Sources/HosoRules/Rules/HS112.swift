import HosoSemantics
import HosoText

/// HS112: a nominee has no vote item in the Biên bản's KẾT QUẢ BIỂU QUYẾT.
public struct HS112: Rule {
    public static let code = "HS112"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Thiếu kết quả biểu quyết của người/tập thể được đề nghị",
                                            en: "A nominee has no vote result")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Mỗi người/tập thể trong DANH SÁCH ĐỀ NGHỊ phải có một dòng \"- <tên>: A/B đồng ý (P%)\" trong mục KẾT QUẢ BIỂU QUYẾT của Biên bản.",
            en: "Each nominee of DANH SÁCH ĐỀ NGHỊ needs a \"- <name>: A/B đồng ý (P%)\" item under the Biên bản's KẾT QUẢ BIỂU QUYẾT."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1, III.5.2: biên bản họp xét của phòng, ban, đơn vị.",
                             en: "Plan, III.5.1, III.5.2: the unit's review meeting minutes."),
        failingExample: "## KẾT QUẢ BIỂU QUYẾT\n- Tổ Quản trị: 7/8 đồng ý (87,5%)\n{note:(thiếu Nguyễn Thị Hoa)|(Nguyễn Thị Hoa missing)}",
        passingExample: "## KẾT QUẢ BIỂU QUYẾT\n- Nguyễn Thị Hoa: 8/8 đồng ý (100%)\n- Tổ Quản trị: 7/8 đồng ý (87,5%)",
        fix: LocalizedText(vi: "Thêm dòng kết quả biểu quyết cho người/tập thể đó.", en: "Add a vote item for the nominee."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        guard dossier.bienBan != nil else { return }
        let voted = Set(dossier.votes.map(\.foldedName))
        for index in dossier.nominees.indices where !dossier.nominees[index].name.isEmpty && !voted.contains(dossier.nominees[index].foldedName) {
            let nominee = dossier.nominees[index]
            sink.report(nominee.nameRange, LocalizedText(
                vi: "\(nominee.shownName.vi) chưa có kết quả biểu quyết; thêm \"- \(nominee.nameToWrite.vi): A/B đồng ý (P%)\" vào mục KẾT QUẢ BIỂU QUYẾT của Biên bản.",
                en: "\(nominee.shownName.en) has no vote result; add \"- \(nominee.nameToWrite.en): A/B đồng ý (P%)\" under the Biên bản's KẾT QUẢ BIỂU QUYẾT."))
        }
    }
}
