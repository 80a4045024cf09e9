import HosoSemantics
import HosoSyntax

/// HS107: a required field is missing, empty, or only placeholder dots.
public struct HS107: Rule {
    public static let code = "HS107"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Thiếu thông tin bắt buộc", en: "A required field is missing or empty")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Các trường bắt buộc phải có và có nội dung (không phải \"...\"): Đơn vị; trong Tờ trình: Số, dòng địa danh - ngày tháng, Kính gửi; với mỗi người/tập thể: Chức vụ (cá nhân), Hình thức, Khen thưởng năm <năm loại trừ>; trong Biên bản: dòng địa danh - ngày tháng, Thời gian, Địa điểm, Thành phần, Chủ trì, Thư ký; một dòng biểu quyết để trống cả tên lẫn số phiếu (\"- : / đồng ý\", như khung của `hoso new`) cũng là một chỗ chưa điền.",
            en: "Required fields must be present and filled (not \"...\"): Đơn vị; in the Tờ trình: Số, the place-date line, Kính gửi; per nominee: Chức vụ (individuals), Hình thức, Khen thưởng năm <excluded year>; in the Biên bản: the place-date line, Thời gian, Địa điểm, Thành phần, Chủ trì, Thư ký; a vote item with neither name nor count (\"- : / đồng ý\", as `hoso new` writes it) is a blank too."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5 (thành phần hồ sơ) và III.4 Lưu ý (không khen thưởng đối tượng đã được khen năm {excludedYear}); Nghị định 30/2020/NĐ-CP về thể thức văn bản.",
                             en: "Plan, III.5 (dossier contents) and III.4 note (no award for those awarded in {excludedYear}); Decree 30/2020/NĐ-CP on document layout."),
        failingExample: "### Cá nhân: Nguyễn Thị Hoa\nChức vụ: ...\nHình thức: Bằng khen của Chủ tịch UBND tỉnh",
        passingExample: "### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\nHình thức: {form:bang-khen}\nKhen thưởng năm {excludedYear}: Không",
        fix: LocalizedText(vi: "Điền nội dung; với trường thiếu, dùng sửa nhanh để chèn \"Tên trường: \" rồi điền.",
                           en: "Fill it in; for a missing field, apply the fix to insert \"Key: \" and fill it."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        // Preamble: Đơn vị.
        checkField(context, .unit, in: dossier.preambleFields, owner: LocalizedText(vi: "phần đầu hồ sơ", en: "the preamble"),
                   range: dossier.text.contentRange(ofLine: 0),
                   insertion: { context, lines in context.insertLines(lines, before: context.dossier.tree.elements.isEmpty ? nil : 0) },
                   into: &sink)
        if let part = dossier.toTrinh {
            let owner = LocalizedText(vi: "Tờ trình", en: "the Tờ trình")
            let insertion = Self.insertion(after: dossier.toTrinhFields, heading: part.heading)
            checkField(context, .number, in: dossier.toTrinhFields, owner: owner, range: context.content(part.heading),
                       insertion: insertion, into: &sink)
            checkPlaceDate(dossier.toTrinhPlaceDate, owner: owner, range: context.content(part.heading), into: &sink)
            checkField(context, .recipient, in: dossier.toTrinhFields, owner: owner, range: context.content(part.heading),
                       insertion: insertion, into: &sink)
        }
        let excludedYear = context.profile.excludedYear
        for index in dossier.nominees.indices {
            let fields = dossier.nominees[index].fields, heading = dossier.nominees[index].block.heading
            if dossier.nominees[index].name.isEmpty {
                sink.report(context.content(heading), LocalizedText(
                    vi: "Chưa ghi tên sau \"### \(dossier.nominees[index].kind.canonicalLabel):\".",
                    en: "No name after \"### \(dossier.nominees[index].kind.canonicalLabel):\"."))
            }
            let insertion = Self.insertion(after: fields, heading: heading)
            for key in [FieldKey.position, .awardForm, .priorAwards(year: excludedYear)]
            where key != .position || dossier.nominees[index].kind == .individual {
                checkField(context, key, in: fields, owner: dossier.nominees[index].shownName, range: context.content(heading),
                           insertion: insertion, into: &sink)
            }
        }
        if let part = dossier.bienBan {
            let owner = LocalizedText(vi: "Biên bản họp xét", en: "the Biên bản")
            let ownEnd = part.sections.first?.heading ?? Int.max
            let insertion = Self.insertion(after: dossier.bienBanFields.filter { $0.element < ownEnd }, heading: part.heading)
            checkPlaceDate(dossier.bienBanPlaceDate, owner: owner, range: context.content(part.heading), into: &sink)
            for key in [FieldKey.time, .venue, .attendance, .chair, .secretary] {
                checkField(context, key, in: dossier.bienBanFields, owner: owner, range: context.content(part.heading),
                           insertion: insertion, into: &sink)
            }
            if let attendance = dossier.bienBanFields.first(where: { $0.key == .attendance }), !attendance.isBlank,
               !attendance.value.contains(where: \.isNumber) {
                sink.report(attendance.valueRange, LocalizedText(
                    vi: "\"Thành phần\" phải ghi số có mặt trên tổng số, ví dụ \"8/9 công chức có mặt\".",
                    en: "\"Thành phần\" must give present/total, e.g. \"8/9 công chức có mặt\"."))
            }
        }
        for vote in dossier.votes where vote.isBlank {
            sink.report(context.content(vote.element), LocalizedText(
                vi: "Dòng biểu quyết còn để trống; hãy ghi \"- <tên>: A/B đồng ý (P%)\", với A là số đồng ý, B là số có mặt.",
                en: "The vote item is blank; write \"- <name>: A/B đồng ý (P%)\", A the votes for, B the members present."))
        }
    }

    /// The edit inserting lines after the last of `fields` (after `heading` when there is none),
    /// found only when a fix is made.
    static func insertion(after fields: [Field], heading: Int) -> (RuleContext, [String]) -> TextEdit {
        { context, lines in context.insertLines(lines, after: context.fieldInsertionPoint(fields: fields, heading: heading)) }
    }

    /// Reports `key` missing from `fields` or left blank; `owner` (whose fields they are) is
    /// made only then.
    func checkField(_ context: RuleContext, _ key: FieldKey, in fields: [Field], owner: @autoclosure () -> LocalizedText,
                    range: Range<Int>, insertion: (RuleContext, [String]) -> TextEdit, into sink: inout FindingSink) {
        // The usual case, present and filled, read in place (a Field copied is a String retained).
        let index = fields.firstIndex { $0.key == key }
        if let index, !fields[index].isBlank { return }
        let field = index.map { fields[$0] }
        let name = key.canonicalSpelling
        let owner = owner()
        if let field {
            let line = context.content(field.element)
            sink.report(line, LocalizedText(vi: "Trường \"\(name)\" của \(owner.vi) đang để trống; hãy điền nội dung.",
                                            en: "The field \"\(name)\" of \(owner.en) is empty; fill it in."))
        } else {
            sink.report(range, LocalizedText(vi: "\(owner.vi.prefix(1).uppercased() + owner.vi.dropFirst()) thiếu trường \"\(name):\".",
                                             en: "\(owner.en.prefix(1).uppercased() + owner.en.dropFirst()) has no \"\(name):\" field."),
                        fixes: [Fix(title: LocalizedText(vi: "Chèn \"\(name): \"", en: "Insert \"\(name): \""),
                                    edits: [insertion(context, ["\(name): "])], isSafe: false)])
        }
    }

    func checkPlaceDate(_ placeDate: PlaceDate?, owner: LocalizedText, range: Range<Int>, into sink: inout FindingSink) {
        guard placeDate == nil else { return }
        sink.report(range, LocalizedText(
            vi: "\(owner.vi) thiếu dòng địa danh, ngày tháng (ví dụ \"Sơn La, ngày 18 tháng 5 năm 2022\").",
            en: "\(owner.en.prefix(1).uppercased() + owner.en.dropFirst()) has no place-date line (e.g. \"Sơn La, ngày 18 tháng 5 năm 2022\")."))
    }
}
