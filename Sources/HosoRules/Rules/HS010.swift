import HosoText

/// HS010: a suppression comment names a code that no rule has.
public struct HS010: Rule {
    public static let code = "HS010"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Chú thích tắt kiểm tra nêu mã quy tắc không tồn tại",
                                            en: "Suppression comment names an unknown rule code")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chú thích <!-- hoso-disable … -->, <!-- hoso-enable … --> hoặc <!-- hoso-disable-next-line … --> nêu một mã không có trong danh sách quy tắc (`hoso rules`), nên không tắt được gì.",
            en: "A <!-- hoso-disable … -->, <!-- hoso-enable … --> or <!-- hoso-disable-next-line … --> comment names a code that is not in the rule list (`hoso rules`), so it turns nothing off."),
        basis: LocalizedText(vi: "Định dạng .hoso (FORMAT.md), mục chú thích tắt kiểm tra.",
                             en: "The .hoso format (FORMAT.md), suppression comments."),
        failingExample: "<!-- hoso-disable-next-line HS999 -->",
        passingExample: "<!-- hoso-disable-next-line HS208 -->",
        fix: LocalizedText(vi: "Sửa thành mã đúng (xem `hoso rules`) hoặc xoá mã đó.",
                           en: "Correct the code (see `hoso rules`) or remove it."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        for directive in context.dossier.suppressions {
            for (code, range) in directive.codes where RuleRegistry.rule(code: code) == nil {
                let nearest = RuleRegistry.all.map { $0.code }.min { Folding.editDistance(code, $0) < Folding.editDistance(code, $1) }
                let hint = nearest.map { Folding.editDistance(code, $0) <= 1 ? $0 : nil } ?? nil
                sink.report(range, LocalizedText(
                    vi: "Không có quy tắc mã \"\(code)\"" + (hint.map { "; có phải \($0)?" } ?? "; xem danh sách bằng `hoso rules`."),
                    en: "There is no rule \"\(code)\"" + (hint.map { "; did you mean \($0)?" } ?? "; list them with `hoso rules`.")))
            }
        }
    }
}
