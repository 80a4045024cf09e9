import HosoSemantics
import HosoText

/// HS108: a title, key, rating phrase or award form that matches only after folding.
public struct HS108: Rule {
    public static let code = "HS108"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let title = LocalizedText(vi: "Viết chưa đúng cách viết chuẩn", en: "Not the canonical spelling")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tiêu đề phần/mục, tên trường, mức xếp loại và hình thức khen thưởng được nhận ra cả khi viết sai hoa/thường, thiếu dấu, đặt dấu kiểu cũ (\"hoà\"/\"hòa\") hay thừa khoảng trắng; khi đó nên sửa về cách viết chuẩn để văn bản thống nhất. Những thói quen khi soạn bằng Word cũng được hiểu đúng nghĩa và nhắc sửa về dạng chuẩn: dấu đầu dòng \"•\", \"–\" thay cho \"- \"; tiêu đề thiếu khoảng trắng sau dấu # (\"#TỜ TRÌNH\"); tiêu đề người/tập thể thừa dấu # (\"#### Cá nhân: …\"); dòng xếp loại dùng gạch ngang thay dấu hai chấm (\"Năm 2019 - …\"). Tên người/tập thể có hai dấu cách liền nhau (\"Cầm  Thị Hương\") vẫn được nhận ra, nhưng được nhắc sửa về một dấu cách, vì tên được in ra như đã gõ.",
            en: "Part and section titles, field keys, rating phrases and award forms are recognized with wrong case, missing diacritics, old-style tone placement (\"hoà\"/\"hòa\") or extra spaces; such spellings should be made canonical for a consistent document. Habits of writing in Word are read as meant and made canonical too: the bullets \"•\", \"–\" for \"- \"; a heading with no space after its # (\"#TỜ TRÌNH\"); a nominee heading with too many # (\"#### Cá nhân: …\"); a rating line with a dash for its colon (\"Năm 2019 - …\"). A name with two spaces in a row (\"Cầm  Thị Hương\") is still recognized, but made one space, as names are printed as typed."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP về thể thức văn bản; các tên gọi theo Kế hoạch, mục III.2–III.5.",
                             en: "Decree 30/2020/NĐ-CP on document layout; the plan's names in III.2–III.5."),
        failingExample: "Chuc vu: Chuyên viên\n#### Cá nhân: Nguyễn Thị Hoa\nNăm {firstYear} - Hoàn thành tốt nhiệm vụ\n• Nguyễn Thị Hoa: 8/8 đồng ý (100%)",
        passingExample: "Chức vụ: Chuyên viên\n### Cá nhân: Nguyễn Thị Hoa\nNăm {firstYear}: Hoàn thành tốt nhiệm vụ\n- Nguyễn Thị Hoa: 8/8 đồng ý (100%)",
        fix: LocalizedText(vi: "Dùng sửa nhanh để thay bằng cách viết chuẩn.", en: "Apply the fix to use the canonical spelling."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for spelling in context.dossier.spellings {
            if let message = Self.markerMessage(spelling) {
                sink.report(spelling.range, message, fixes: [Fix(title: Self.markerFixTitle(spelling),
                                                                 edits: [Self.markerEdit(spelling, in: context.text)], isSafe: true)])
                continue
            }
            let what: LocalizedText
            switch spelling.target {
            case .partTitle: what = LocalizedText(vi: "Tiêu đề phần", en: "The part title")
            case .sectionTitle: what = LocalizedText(vi: "Tiêu đề mục", en: "The section title")
            case .nomineeLabel: what = LocalizedText(vi: "Nhãn đối tượng", en: "The nominee label")
            case .fieldKey: what = LocalizedText(vi: "Tên trường", en: "The field key")
            case .rating: what = LocalizedText(vi: "Mức xếp loại", en: "The rating")
            case .awardForm: what = LocalizedText(vi: "Hình thức khen thưởng", en: "The award form")
            case .listMarker, .headingSpace, .headingLevel, .fieldSeparator: continue  // `markerMessage`
            }
            sink.report(spelling.range, LocalizedText(
                vi: "\(what.vi) \"\(spelling.written)\" nên viết đúng cách viết chuẩn: \"\(spelling.canonical)\".",
                en: "\(what.en) \"\(spelling.written)\" should use the canonical spelling \"\(spelling.canonical)\"."),
                fixes: [Fix(title: LocalizedText(vi: "Sửa thành \"\(spelling.canonical)\"", en: "Change to \"\(spelling.canonical)\""),
                            edits: [TextEdit(range: spelling.range, newText: spelling.canonical)], isSafe: true)])
        }
        let dossier = context.dossier
        for range in dossier.nominees.map(\.nameRange) + dossier.votes.map(\.nameRange) + dossier.reports.map(\.nameRange) {
            reportRunsOfSpaces(inName: range, context.text, into: &sink)
        }
    }

    /// Reports each run of two or more spaces inside a name as written in a nominee heading, a
    /// vote item or a report heading (`Cầm  Thị Hương`): names match whatever their spacing, but
    /// the doubled space would be printed and exported as typed.
    func reportRunsOfSpaces(inName range: Range<Int>, _ text: SourceText, into sink: inout FindingSink) {
        let bytes = text.bytes
        var i = range.lowerBound
        while i < range.upperBound {
            var end = i, count = 0
            while end < range.upperBound, case let n = ByteClass.spaceLength(bytes, at: end, end: range.upperBound), n > 0 {
                end += n
                count += 1
            }
            guard count >= 2 else {
                i = count == 1 ? end : i + 1
                continue
            }
            let name = Lookalikes.shownName(text.string(range))
            func words(_ part: Range<Int>) -> [Substring] {
                text.string(part).split { $0.unicodeScalars.allSatisfy { Folding.isSpace($0.value) } }
            }
            let before = words(range.lowerBound..<i).last ?? "", after = words(end..<range.upperBound).first ?? ""
            sink.report(i..<end, LocalizedText(
                vi: "Tên có \(count == 2 ? "hai" : String(count)) dấu cách liền nhau (giữa \"\(before)\" và \"\(after)\"); viết \"\(name)\".",
                en: "The name has \(count == 2 ? "two" : String(count)) spaces in a row (between \"\(before)\" and \"\(after)\"); write \"\(name)\"."),
                fixes: [Fix(title: LocalizedText(vi: "Chỉ để một dấu cách", en: "Leave one space"),
                            edits: [TextEdit(range: i..<end, newText: " ")], isSafe: true)])
            i = end
        }
    }

    /// The message for a marker or separator written otherwise than the format writes it; nil for
    /// the spellings of titles, keys, ratings and forms.
    static func markerMessage(_ spelling: Spelling) -> LocalizedText? {
        let written = spelling.written, line = spelling.suggestion ?? ""
        switch spelling.target {
        case .listMarker:
            return LocalizedText(
                vi: "Dấu đầu dòng \"\(written)\" (kiểu Word) không phải dấu danh sách của hồ sơ; hãy viết \"- \" (gạch nối và khoảng trắng) ở đầu dòng.",
                en: "The bullet \"\(written)\" (as Word writes it) is not a list marker of the format; start the line with \"- \" (hyphen and space).")
        case .headingSpace:
            return LocalizedText(vi: "Tiêu đề thiếu khoảng trắng sau \"\(written)\"; viết \"\(line)\".",
                                 en: "The heading lacks a space after \"\(written)\"; write \"\(line)\".")
        case .headingLevel:
            return LocalizedText(
                vi: "Tiêu đề người/tập thể được đề nghị mở đầu bằng \"###\" (ba dấu #), không phải \"\(written)\"; viết \"\(line)\".",
                en: "A nominee heading starts with \"###\" (three #), not \"\(written)\"; write \"\(line)\".")
        case .fieldSeparator:
            return LocalizedText(vi: "Dòng xếp loại dùng \"\(written)\" thay cho dấu hai chấm; viết \"\(line)\".",
                                 en: "The rating line has \"\(written)\" where the colon goes; write \"\(line)\".")
        case .partTitle, .sectionTitle, .nomineeLabel, .fieldKey, .rating, .awardForm:
            return nil
        }
    }

    /// The edit of a marker's fix: a bullet and the spaces after it (`•<TAB>`) become `- `, as the
    /// message says; other markers become their canonical spelling.
    static func markerEdit(_ spelling: Spelling, in text: SourceText) -> TextEdit {
        guard spelling.target == .listMarker else { return TextEdit(range: spelling.range, newText: spelling.canonical) }
        let bytes = text.bytes, end = text.contentRange(ofLine: text.line(ofByte: spelling.range.lowerBound)).upperBound
        var spacesEnd = spelling.range.upperBound
        while spacesEnd < end, case let n = ByteClass.spaceLength(bytes, at: spacesEnd, end: end), n > 0 { spacesEnd += n }
        return TextEdit(range: spelling.range.lowerBound..<spacesEnd, newText: "- ")
    }

    /// The title of a marker's fix.
    static func markerFixTitle(_ spelling: Spelling) -> LocalizedText {
        switch spelling.target {
        case .headingSpace: return LocalizedText(vi: "Thêm khoảng trắng sau \"\(spelling.written)\"", en: "Insert a space after \"\(spelling.written)\"")
        case .fieldSeparator: return LocalizedText(vi: "Thay \"\(spelling.written)\" bằng dấu hai chấm", en: "Replace \"\(spelling.written)\" with a colon")
        case .listMarker: return LocalizedText(vi: "Thay \"\(spelling.written)\" bằng \"- \"", en: "Replace \"\(spelling.written)\" with \"- \"")
        default: return LocalizedText(vi: "Sửa thành \"\(spelling.canonical)\"", en: "Change to \"\(spelling.canonical)\"")
        }
    }
}
