import HosoSemantics
import HosoText

/// HS011: a suppression comment names a valid code that turned no finding off.
///
/// Whether a code was used is known only once every finding of the file (cross-file ones
/// included) has been matched against the comments, so `Linter.finish` calls `audit`; the
/// single-file `check` does nothing.
public struct HS011: Rule {
    public static let code = "HS011"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.unsafe
    public static let title = LocalizedText(vi: "Chú thích tắt kiểm tra không tắt lỗi nào",
                                            en: "Suppression comment suppresses nothing")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chú thích <!-- hoso-disable … --> hoặc <!-- hoso-disable-next-line … --> nêu một mã đúng nhưng không có lỗi nào mang mã đó ở chỗ nó tắt; hoặc <!-- hoso-enable … --> không đóng vùng nào. Chú thích thừa như vậy che mất lỗi sau này nếu nội dung thay đổi. Không áp dụng cho mã HS5xx (phụ thuộc các hồ sơ khác được kiểm tra cùng) và mã đã tắt trong cấu hình.",
            en: "A <!-- hoso-disable … --> or <!-- hoso-disable-next-line … --> comment names a valid code but no finding with that code stands where it applies, or a <!-- hoso-enable … --> closes no region. A stale comment would hide a real problem later, when the text changes. Never reported for HS5xx codes (they depend on the other dossiers checked) or for codes turned off in the config."),
        basis: LocalizedText(vi: "Định dạng .hoso (docs/dinh-dang.md), mục \"Chú thích tắt kiểm tra\": chú thích không tắt lỗi nào là HS011.",
                             en: "The .hoso format (docs/format.md), \"Suppression comments\": a suppression that suppresses no finding is HS011."),
        failingExample: "<!-- hoso-disable-next-line HS401 -->\nSơn La, ngày 16 tháng 5 năm 2022",
        passingExample: "<!-- hoso-disable-next-line HS407 -- mẫu cũ của đơn vị -->\nSơn La, ngày 6 tháng 5 năm 2022",
        fix: LocalizedText(vi: "Xoá mã đó khỏi chú thích (hoặc xoá cả chú thích nếu không còn mã nào). Sửa trong trình soạn thảo hoặc bằng `hoso lint --fix --unsafe-fixes`.",
                           en: "Remove the code from the comment (or the whole comment when no code is left). Fix it in the editor or with `hoso lint --fix --unsafe-fixes`."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {}

    /// Reports the unused codes of `map` and its stray `hoso-enable`s; `isOn(code)` says
    /// whether a code's rule runs (a code turned off is never reported).
    func audit(_ map: SuppressionMap, dossier: Dossier, isOn: (String) -> Bool, into sink: inout FindingSink) {
        let directives = dossier.suppressions
        var counts: [Int: Int] = [:]  // valid codes per directive, to know when one is the last
        for slot in map.slots { counts[slot.directive, default: 0] += 1 }
        for slot in map.slots where !slot.used && !slot.code.hasPrefix("HS5") && isOn(slot.code) {
            let directive = directives[slot.directive]
            let lone = counts[slot.directive] == 1 && directive.strayWords.isEmpty
                && directive.codes.count == 1
            let scope = directive.action == .disableNextLine
                ? LocalizedText(vi: "dòng sau chú thích", en: "the line after the comment")
                : LocalizedText(vi: "vùng chú thích này tắt", en: "the region this comment opens")
            sink.report(directive.reportRange(slot.codeRange, in: dossier.text), LocalizedText(
                vi: "Mã \(slot.code) trong chú thích không tắt lỗi nào: \(scope.vi) không có lỗi \(slot.code). Hãy xoá mã này để chú thích không che lỗi về sau.",
                en: "\(slot.code) in this comment suppresses nothing: \(scope.en) has no \(slot.code) finding. Remove it so the comment hides no future problem."),
                fixes: [removal(lone ? nil : slot.codeRange, directive, dossier)])
        }
        for stray in map.strayEnables {
            let directive = directives[stray.directive]
            guard stray.code.map({ !$0.hasPrefix("HS5") && isOn($0) }) ?? true else { continue }
            let message: LocalizedText
            if let code = stray.code {
                message = LocalizedText(
                    vi: "<!-- hoso-enable \(code) --> không đóng vùng nào: \(code) chưa bị tắt bằng <!-- hoso-disable \(code) --> ở phía trên. Hãy xoá mã này.",
                    en: "<!-- hoso-enable \(code) --> closes nothing: \(code) was not turned off by a <!-- hoso-disable \(code) --> above. Remove the code.")
            } else {
                message = LocalizedText(
                    vi: "<!-- hoso-enable --> không đóng vùng nào: phía trên không có <!-- hoso-disable … --> nào đang mở. Hãy xoá chú thích này.",
                    en: "<!-- hoso-enable --> closes nothing: no <!-- hoso-disable … --> region is open above it. Remove the comment.")
            }
            let lone = stray.code == nil || (directive.codes.count == 1 && directive.strayWords.isEmpty)
            sink.report(directive.reportRange(stray.range, in: dossier.text), message,
                        fixes: [removal(lone ? nil : stray.range, directive, dossier)])
        }
    }

    /// An unsafe fix removing one code (with the space before it), or the whole comment when `code` is nil.
    func removal(_ code: Range<Int>?, _ directive: SuppressionDirective, _ dossier: Dossier) -> Fix {
        guard let code else {
            return Fix(title: LocalizedText(vi: "Xoá chú thích", en: "Remove the comment"),
                       edits: [TextEdit(range: dossier.tree.elements[directive.element].range, newText: "")], isSafe: false)
        }
        let bytes = dossier.text.bytes
        var start = code.lowerBound
        while start > 0 && (bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 || bytes[start - 1] == 0x2C) { start -= 1 }
        return Fix(title: LocalizedText(vi: "Xoá mã khỏi chú thích", en: "Remove the code from the comment"),
                   edits: [TextEdit(range: start..<code.upperBound, newText: "")], isSafe: false)
    }
}
