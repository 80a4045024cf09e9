import HosoSemantics
import HosoText

/// HS010: a suppression comment that cannot work: misspelled, naming no code, or naming
/// something that is not a rule's code.
public struct HS010: Rule {
    public static let code = "HS010"
    public static let defaultSeverity = Severity.warning
    public static let title = LocalizedText(vi: "Chú thích tắt kiểm tra viết sai hoặc nêu mã không tồn tại",
                                            en: "Malformed suppression comment or unknown rule code")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Chú thích tắt kiểm tra phải viết đúng một trong ba chỉ thị <!-- hoso-disable MÃ … -->, <!-- hoso-enable [MÃ …] --> hoặc <!-- hoso-disable-next-line MÃ … --> và nêu ít nhất một mã có trong danh sách quy tắc (`hoso rules`); không có kiểu \"tắt tất cả\". Chỉ thị viết sai (hoso-disble, hoso-disable-nextline), chỉ thị không nêu mã, hoặc một từ không phải mã (ngoài phần lý do sau \" -- \") đều là HS010, và phần sai không tắt được gì; các mã đúng bên cạnh vẫn có tác dụng. Lý do chỉ bắt đầu sau hai dấu gạch nối \"--\": dấu gạch ngang \"–\" hay \"—\" (Word hay tự đổi \"--\" thành \"–\") không mở phần lý do. Các từ sai trong một chú thích được báo chung một lần.",
            en: "A suppression comment must be one of <!-- hoso-disable CODE … -->, <!-- hoso-enable [CODE …] --> or <!-- hoso-disable-next-line CODE … --> and name at least one code from the rule list (`hoso rules`); there is no \"disable everything\". A misspelled directive (hoso-disble, hoso-disable-nextline), a directive naming no code, or a word that is not a code (outside the reason after \" -- \") is HS010 and turns nothing off; valid codes beside it still work. Only two hyphens \"--\" open a reason: an en or em dash (Word turns \"--\" into \"–\") does not. The stray words of one comment are reported once."),
        basis: LocalizedText(vi: "Định dạng .hoso (docs/dinh-dang.md), mục \"Chú thích tắt kiểm tra\".",
                             en: "The .hoso format (docs/format.md), \"Suppression comments\"."),
        failingExample: "<!-- hoso-disable-next-line HS999 -->\n<!-- hoso-disable -->\n<!-- hoso-disble HS208 -->",
        passingExample: "<!-- hoso-disable-next-line HS208 -- ưu tiên theo ý kiến Lãnh đạo Văn phòng -->",
        fix: LocalizedText(vi: "Sửa chỉ thị và mã cho đúng (xem `hoso rules`); ghi lý do sau \" -- \".",
                           en: "Correct the directive and the codes (see `hoso rules`); write the reason after \" -- \"."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let text = context.text
        for directive in context.dossier.suppressions {
            let written = text.string(directive.directiveRange)
            guard let action = directive.action else {
                let meant = ["hoso-disable-next-line", "hoso-disable", "hoso-enable"]
                    .min { Folding.editDistance(written.lowercased(), $0) < Folding.editDistance(written.lowercased(), $1) }!
                sink.report(directive.reportRange(directive.directiveRange, in: text), LocalizedText(
                    vi: "Chỉ thị \"\(written)\" viết sai nên chú thích không tắt được gì; có phải \"\(meant)\"?",
                    en: "The directive \"\(written)\" is misspelled, so the comment turns nothing off; did you mean \"\(meant)\"?"))
                continue
            }
            if directive.codes.isEmpty && action != .enable {
                sink.report(directive.reportRange(directive.directiveRange, in: text), LocalizedText(
                    vi: "Chú thích \"\(written)\" không nêu mã quy tắc nào nên không tắt được gì (không có kiểu tắt tất cả); hãy ghi mã cần tắt, ví dụ <!-- \(written) HS208 -->.",
                    en: "\"\(written)\" names no rule code, so it turns nothing off (there is no disable-everything); name the codes, e.g. <!-- \(written) HS208 -->."))
                continue
            }
            // One finding per comment for its stray words, which are usually one reason written wrong.
            if let first = directive.strayWords.first, let last = directive.strayWords.last {
                let words = text.string(first.lowerBound..<last.upperBound)
                let stray = words.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(words.unicodeScalars.prefix(40))) + "…" : words
                let dashed = directive.strayWords.contains { ["\u{2013}", "\u{2014}"].contains(text.string($0).first.map(String.init) ?? "") }
                let hint = dashed
                    ? LocalizedText(vi: " (dấu \"–\" không mở phần lý do; trình soạn thảo như Word hay tự đổi \"--\" thành \"–\")",
                                    en: " (a dash \"–\" does not open a reason; editors such as Word turn \"--\" into \"–\")")
                    : LocalizedText(vi: "", en: "")
                sink.report(directive.reportRange(first.lowerBound..<last.upperBound, in: text), LocalizedText(
                    vi: "\"\(stray)\" không phải mã quy tắc; lý do tắt kiểm tra phải viết sau \" -- \" (hai dấu gạch nối)\(hint.vi), ví dụ <!-- \(written) HS208 -- lý do -->.",
                    en: "\"\(stray)\" is not a rule code; a reason goes after \" -- \" (two hyphens)\(hint.en), e.g. <!-- \(written) HS208 -- reason -->."))
            }
            for (code, range) in directive.codes where RuleRegistry.rule(code: code) == nil {
                let nearest = RuleRegistry.all.map { $0.code }.min { Folding.editDistance(code, $0) < Folding.editDistance(code, $1) }
                let hint = nearest.flatMap { Folding.editDistance(code, $0) <= 1 ? $0 : nil }
                sink.report(directive.reportRange(range, in: text), LocalizedText(
                    vi: "Không có quy tắc mã \"\(code)\"\(hint.map { "; có phải \($0)?" } ?? "; xem danh sách bằng `hoso rules`.")",
                    en: "There is no rule \"\(code)\"\(hint.map { "; did you mean \($0)?" } ?? "; list them with `hoso rules`.")"))
            }
        }
    }
}
