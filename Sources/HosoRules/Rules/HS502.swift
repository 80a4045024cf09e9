import HosoSemantics
import HosoSyntax
import HosoText

/// HS502: the same nominee proposed twice, in one file or across files.
public struct HS502: CrossFileRule {
    public static let code = "HS502"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Một đối tượng được đề nghị hai lần", en: "Nominee proposed twice")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Cùng một người/tập thể (cùng tên, cùng loại) được đề nghị hai lần, trong một hồ sơ hay ở hai hồ sơ, cùng hoặc khác hình thức: không khen thưởng nhiều hình thức cho một thành tích.",
            en: "The same nominee (same name and kind) is proposed twice, in one dossier or two, for the same or different forms: one achievement earns one award."),
        basis: LocalizedText(vi: "Kế hoạch, mục I.2 (khen thưởng đúng thành tích) và III.4 Lưu ý; Luật Thi đua, khen thưởng: một thành tích không khen nhiều hình thức.",
                             en: "Plan, I.2 and III.4 note; the Law on Emulation and Commendation: one achievement, one award."),
        failingExample: "### Cá nhân: Nguyễn Thị Hoa   (Bằng khen)\n### Cá nhân: Nguyễn Thị Hoa   (Giấy khen)",
        passingExample: "### Cá nhân: Nguyễn Thị Hoa   (Bằng khen)\n### Cá nhân: Nguyễn Thị Hòa   {note:(Giấy khen, một người khác)|(Giấy khen, another person)}",
        fix: LocalizedText(vi: "Giữ một đề nghị, xoá đề nghị còn lại.", en: "Keep one proposal and delete the other."))

    /// How many of the other nominees a finding points at.
    static let relatedLimit = 10

    public init() {}

    public func check(_ files: [CrossFileInput], into sink: inout CrossFileSink) {
        // One group per (kind, name) of the named nominees.
        let groups = files.nomineeGroupsByName()
        for members in groups where members.count > 1 {
            for (i, member) in members.enumerated() {
                let others = Array(members.indices.lazy.filter { $0 != i }.prefix(Self.relatedLimit).map { members[$0] })
                let related = others.map { other in
                    RelatedLocation(path: files[other.file].path, range: files[other].nameRange,
                                    message: LocalizedText(vi: "đề nghị khác: \(files[other].awardForm?.name ?? "?")",
                                                           en: "other proposal: \(files[other].awardForm?.name ?? "?")"))
                }
                let where_ = others.map { files[$0.file].path == files[member.file].path ? "cùng tệp" : files[$0.file].path }
                let whereEn = others.map { files[$0.file].path == files[member.file].path ? "this file" : files[$0.file].path }
                let name = files[member].shownName.vi
                sink.report(file: member.file, files[member].nameRange, LocalizedText(
                    vi: "\(name) được đề nghị \(members.count) lần (cả ở \(where_.joined(separator: ", "))); một thành tích chỉ đề nghị một hình thức.",
                    en: "\(name) is proposed \(members.count) times (also in \(whereEn.joined(separator: ", "))); one achievement earns one award."),
                    related: related)
            }
        }
    }
}
