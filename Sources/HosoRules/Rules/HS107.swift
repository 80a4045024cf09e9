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
        checkFields(context, [.unit], in: dossier.preambleFields, owner: LocalizedText(vi: "phần đầu hồ sơ", en: "the preamble"),
                    range: dossier.text.contentRange(ofLine: 0),
                    insertion: { context.insertLines($0, before: dossier.tree.elements.isEmpty ? nil : 0) }, into: &sink)
        if let part = dossier.toTrinh {
            let owner = LocalizedText(vi: "Tờ trình", en: "the Tờ trình")
            let at = context.fieldInsertionPoint(fields: dossier.toTrinhFields, heading: part.heading)
            checkFields(context, [.number], in: dossier.toTrinhFields, owner: owner, range: context.content(part.heading),
                        insertion: { context.insertLines($0, after: at) }, into: &sink)
            checkPlaceDate(dossier.toTrinhPlaceDate, owner: owner, range: context.content(part.heading), into: &sink)
            checkFields(context, [.recipient], in: dossier.toTrinhFields, owner: owner, range: context.content(part.heading),
                        insertion: { context.insertLines($0, after: at) }, into: &sink)
        }
        for nominee in dossier.nominees {
            if nominee.name.isEmpty {
                sink.report(context.content(nominee.block.heading), LocalizedText(
                    vi: "Chưa ghi tên sau \"### \(nominee.kind.canonicalLabel):\".",
                    en: "No name after \"### \(nominee.kind.canonicalLabel):\"."))
            }
            var keys: [FieldKey] = nominee.kind == .individual ? [.position] : []
            keys += [.awardForm, .priorAwards(year: context.profile.excludedYear)]
            let at = context.fieldInsertionPoint(fields: nominee.fields, heading: nominee.block.heading)
            checkFields(context, keys, in: nominee.fields, owner: nominee.shownName,
                        range: context.content(nominee.block.heading),
                        insertion: { context.insertLines($0, after: at) }, into: &sink)
        }
        if let part = dossier.bienBan {
            let owner = LocalizedText(vi: "Biên bản họp xét", en: "the Biên bản")
            let ownFields = dossier.bienBanFields.filter { field in
                part.sections.first.map { field.element < $0.heading } ?? true
            }
            let at = context.fieldInsertionPoint(fields: ownFields, heading: part.heading)
            checkPlaceDate(dossier.bienBanPlaceDate, owner: owner, range: context.content(part.heading), into: &sink)
            checkFields(context, [.time, .venue, .attendance, .chair, .secretary], in: dossier.bienBanFields, owner: owner,
                        range: context.content(part.heading), insertion: { context.insertLines($0, after: at) }, into: &sink)
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

    func checkFields(_ context: RuleContext, _ keys: [FieldKey], in fields: [Field], owner: LocalizedText,
                     range: Range<Int>, insertion: ([String]) -> TextEdit, into sink: inout FindingSink) {
        for key in keys {
            let field = fields.first { $0.key == key }
            if let field, !field.isBlank { continue }  // the usual case: present and filled
            let name = key.canonicalSpelling
            if let field {
                let line = context.content(field.element)
                sink.report(line, LocalizedText(vi: "Trường \"\(name)\" của \(owner.vi) đang để trống; hãy điền nội dung.",
                                                en: "The field \"\(name)\" of \(owner.en) is empty; fill it in."))
            } else {
                sink.report(range, LocalizedText(vi: "\(owner.vi.prefix(1).uppercased() + owner.vi.dropFirst()) thiếu trường \"\(name):\".",
                                                 en: "\(owner.en.prefix(1).uppercased() + owner.en.dropFirst()) has no \"\(name):\" field."),
                            fixes: [Fix(title: LocalizedText(vi: "Chèn \"\(name): \"", en: "Insert \"\(name): \""),
                                        edits: [insertion(["\(name): "])], isSafe: false)])
            }
        }
    }

    func checkPlaceDate(_ placeDate: PlaceDate?, owner: LocalizedText, range: Range<Int>, into sink: inout FindingSink) {
        guard placeDate == nil else { return }
        sink.report(range, LocalizedText(
            vi: "\(owner.vi) thiếu dòng địa danh, ngày tháng (ví dụ \"Sơn La, ngày 18 tháng 5 năm 2022\").",
            en: "\(owner.en.prefix(1).uppercased() + owner.en.dropFirst()) has no place-date line (e.g. \"Sơn La, ngày 18 tháng 5 năm 2022\")."))
    }
}
