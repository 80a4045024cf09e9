import HosoSemantics

/// HS109: the Tờ trình names no nominee.
public struct HS109: Rule {
    public static let code = "HS109"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Tờ trình không có người/tập thể được đề nghị", en: "The Tờ trình proposes no one")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tờ trình phải có mục \"## DANH SÁCH ĐỀ NGHỊ\" với ít nhất một khối \"### Cá nhân: <tên>\" hoặc \"### Tập thể: <tên>\". Nếu đã có các khối \"###\" nhưng quên dòng \"## DANH SÁCH ĐỀ NGHỊ\", lỗi được báo ở khối đầu tiên, có sửa nhanh (không an toàn) chèn dòng đó; các khối vẫn được đọc như người được đề nghị nên biểu quyết và báo cáo vẫn được đối chiếu.",
            en: "The Tờ trình needs a \"## DANH SÁCH ĐỀ NGHỊ\" section with at least one \"### Cá nhân: <name>\" or \"### Tập thể: <name>\" block. When \"###\" blocks are there but the \"## DANH SÁCH ĐỀ NGHỊ\" line is missing, the finding stands on the first block with an unsafe fix that inserts the line; the blocks are still read as nominees, so votes and reports are still checked against them."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5.1: tờ trình nêu rõ thông tin hoặc kèm danh sách tập thể, cá nhân được đề nghị.",
                             en: "Plan, III.5.1: the submission states or lists the proposed collectives and individuals."),
        failingExample: "# TỜ TRÌNH\nSố: 12/TTr-TCHCQT\n{note:(không có ## DANH SÁCH ĐỀ NGHỊ)|(no ## DANH SÁCH ĐỀ NGHỊ)}",
        passingExample: "## DANH SÁCH ĐỀ NGHỊ\n\n### Cá nhân: Nguyễn Thị Hoa",
        fix: LocalizedText(vi: "Thêm mục \"## DANH SÁCH ĐỀ NGHỊ\" và một khối \"### Cá nhân: …\" hoặc \"### Tập thể: …\" cho mỗi đối tượng.",
                           en: "Add a \"## DANH SÁCH ĐỀ NGHỊ\" section with a \"### Cá nhân: …\" or \"### Tập thể: …\" block per nominee."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        guard let part = dossier.toTrinh, dossier.nominees.isEmpty || !dossier.hasNomineeList else { return }
        if let first = dossier.nominees.first {
            // Nominee blocks stand in the Tờ trình, but not under the list: they are still read
            // (so votes and reports are checked against them), and the heading is missing where
            // the finding stands: right above the first block.
            sink.report(context.content(first.block.heading), LocalizedText(
                vi: "Tờ trình có \(dossier.nominees.count) khối \"### Cá nhân/Tập thể\" nhưng không có mục \"## DANH SÁCH ĐỀ NGHỊ\"; hãy thêm dòng \"## DANH SÁCH ĐỀ NGHỊ\" ngay trước khối đầu tiên (\(first.shownName.vi)).",
                en: "The Tờ trình has \(dossier.nominees.count) \"### Cá nhân/Tập thể\" block(s) but no \"## DANH SÁCH ĐỀ NGHỊ\" section; add the line \"## DANH SÁCH ĐỀ NGHỊ\" right before the first block (\(first.shownName.en))."),
                fixes: [Fix(title: LocalizedText(vi: "Chèn \"## DANH SÁCH ĐỀ NGHỊ\"", en: "Insert \"## DANH SÁCH ĐỀ NGHỊ\""),
                            edits: [context.insertLines(["## DANH SÁCH ĐỀ NGHỊ", ""], before: first.block.heading)], isSafe: false)])
        } else if dossier.hasNomineeList {
            sink.report(context.content(part.heading), LocalizedText(
                vi: "Mục DANH SÁCH ĐỀ NGHỊ chưa có ai; thêm \"### Cá nhân: <họ tên>\" hoặc \"### Tập thể: <tên>\". Nếu đã có các khối \"###\" nhưng quên dòng \"## DANH SÁCH ĐỀ NGHỊ\", lỗi được báo ở khối đầu tiên, có sửa nhanh (không an toàn) chèn dòng đó; các khối vẫn được đọc như người được đề nghị nên biểu quyết và báo cáo vẫn được đối chiếu.",
                en: "DANH SÁCH ĐỀ NGHỊ lists no one; add \"### Cá nhân: <name>\" or \"### Tập thể: <name>\"."))
        } else {
            sink.report(context.content(part.heading), LocalizedText(
                vi: "Tờ trình không có mục \"## DANH SÁCH ĐỀ NGHỊ\" nêu người/tập thể được đề nghị.",
                en: "The Tờ trình has no \"## DANH SÁCH ĐỀ NGHỊ\" section naming the nominees."))
        }
    }
}
