import HosoSemantics

/// HS405: vote arithmetic that does not add up.
public struct HS405: Rule {
    public static let code = "HS405"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Số liệu biểu quyết không khớp", en: "Vote arithmetic does not add up")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Trong Biên bản: số đồng ý không vượt số có mặt; tỷ lệ % bằng đồng ý/có mặt (sai số 0,5 điểm); số có mặt trong \"Thành phần\" không vượt tổng số; số có mặt của từng biểu quyết bằng số có mặt trong \"Thành phần\". Mỗi dòng biểu quyết phải đọc được dạng A/B, không có số âm và số có mặt khác 0 (0 phiếu đồng ý vẫn là số hợp lệ; việc có đạt tỷ lệ hay không do HS406 xét).",
            en: "In the Biên bản: votes for ≤ members present; the percentage equals for/present (±0.5 point); present ≤ total in \"Thành phần\"; each vote's present equals \"Thành phần\"'s."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.5: biên bản họp xét; tính công khai, chính xác (mục I.2).",
                             en: "Plan, III.5: the review minutes; accuracy and openness (I.2)."),
        failingExample: "Thành phần: 8/9 công chức có mặt\n- Tổ Quản trị: 7/8 đồng ý (85%)",
        passingExample: "Thành phần: 8/9 công chức có mặt\n- Tổ Quản trị: 7/8 đồng ý (87,5%)",
        fix: LocalizedText(vi: "Sửa số liệu; với tỷ lệ %, dùng sửa nhanh để ghi đúng giá trị.", en: "Correct the numbers; for a percentage, apply the fix."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        var attendancePresent: Int?
        if let field = dossier.bienBanFields.first(where: { $0.key == .attendance }), let (present, total) = Self.fraction(field.value) {
            attendancePresent = present
            if present == 0 {
                attendancePresent = nil
                sink.report(field.valueRange, LocalizedText(
                    vi: "\"Thành phần\" ghi 0 thành viên có mặt; cuộc họp xét phải có thành viên có mặt, hãy ghi đúng số có mặt/tổng số.",
                    en: "\"Thành phần\" records no members present; a selection meeting needs members present: write present/total."))
            } else if present > total {
                sink.report(field.valueRange, LocalizedText(
                    vi: "Số có mặt (\(present)) lớn hơn tổng số thành viên (\(total)).",
                    en: "Members present (\(present)) exceed the total (\(total))."))
            }
        }
        for vote in dossier.votes where !vote.isBlank {  // a blank item is HS107's
            guard let votesFor = vote.votesFor, let present = vote.present, let countRange = vote.countRange else {
                let body = context.dossier.tree.elements[vote.element].head ?? context.content(vote.element)
                sink.report(body, LocalizedText(
                    vi: "\(vote.shownName.vi): không đọc được kết quả biểu quyết; hãy ghi theo dạng \"- \(vote.nameToWrite.vi): A/B đồng ý (P%)\", với A là số đồng ý, B là số có mặt.",
                    en: "\(vote.shownName.en): the vote count cannot be read; write it as \"- \(vote.nameToWrite.en): A/B đồng ý (P%)\", A the votes for, B the members present."))
                continue
            }
            if votesFor < 0 || present < 0 {
                sink.report(countRange, LocalizedText(
                    vi: "\(vote.shownName.vi): số phiếu không thể âm (\(votesFor)/\(present)).",
                    en: "\(vote.shownName.en): vote counts cannot be negative (\(votesFor)/\(present))."))
                continue
            }
            if present == 0 {
                sink.report(countRange, LocalizedText(
                    vi: "\(vote.shownName.vi): số có mặt khi biểu quyết là 0; một cuộc họp xét phải có thành viên có mặt.",
                    en: "\(vote.shownName.en): no members present at the vote; a selection meeting needs members present."))
                continue
            }
            if votesFor > present {
                sink.report(countRange, LocalizedText(
                    vi: "\(vote.shownName.vi): số đồng ý (\(votesFor)) lớn hơn số có mặt (\(present)).",
                    en: "\(vote.shownName.en): votes for (\(votesFor)) exceed members present (\(present))."))
                continue
            }
            if let attending = attendancePresent, attending != present {
                sink.report(countRange, LocalizedText(
                    vi: "\(vote.shownName.vi): số có mặt khi biểu quyết (\(present)) khác số có mặt ghi ở \"Thành phần\" (\(attending)).",
                    en: "\(vote.shownName.en): members present at the vote (\(present)) differ from \"Thành phần\" (\(attending))."))
            }
            guard present > 0, let percent = vote.percent, let percentRange = vote.percentRange else { continue }
            let actual = Double(votesFor) * 100 / Double(present)
            guard abs(actual - percent) > 0.5 else { continue }
            let corrected = Self.format(actual)
            sink.report(percentRange, LocalizedText(
                vi: "\(vote.shownName.vi): \(votesFor)/\(present) là \(corrected)%, không phải \(context.text.string(percentRange))%.",
                en: "\(vote.shownName.en): \(votesFor)/\(present) is \(corrected)%, not \(context.text.string(percentRange))%."),
                fixes: [Fix(title: LocalizedText(vi: "Sửa thành \(corrected)%", en: "Change to \(corrected)%"),
                            edits: [TextEdit(range: percentRange, newText: corrected)], isSafe: true)])
        }
    }

    /// The first `A/B` of ASCII digits in a text.
    static func fraction(_ text: String) -> (Int, Int)? {
        let bytes = Array(text.utf8)
        func number(_ start: Int) -> (Int, Int)? {
            var value = 0, i = start
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 6 { value = value * 10 + Int(bytes[i] - 0x30); i += 1 }
            return i > start ? (value, i) : nil
        }
        var i = 0
        while i < bytes.count {
            if let (a, end) = number(i) {
                if end < bytes.count, bytes[end] == 0x2F, let (b, _) = number(end + 1) { return (a, b) }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A percentage with at most one decimal, written with a Vietnamese decimal comma (`87,5`).
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10),\(tenths % 10)"
    }
}
