import HosoText

/// HS004: mojibake — legacy TCVN3 or VNI bytes that were read as Latin-1 and saved as UTF-8.
public struct HS004: Rule {
    public static let code = "HS004"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Chữ bị lỗi phông (bảng mã cũ đọc sai)",
                                            en: "Mojibake (legacy encoding read as Latin-1)")
    public static let fixAvailability = FixAvailability.unsafe
    public static let scope = RuleScope.element
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Văn bản là UTF-8 hợp lệ nhưng chứa chữ bị lỗi phông: văn bản gõ bằng TCVN3 (ABC) hoặc VNI đã bị đọc như Latin-1 rồi lưu lại, ví dụ \"Céng hßa x· héi\" (TCVN3) hay \"Coäng hoøa\" (VNI). Quy tắc chỉ báo khi đọc lại các chữ đó theo TCVN3 hoặc VNI cho ra âm tiết tiếng Việt mà chữ như đang viết không phải: tên nước ngoài viết đúng (Institut Français, Göttingen, Ångström, señor) và dấu cách đặc biệt (dấu cách không ngắt từ Word) không bị báo. Khi chắc chắn bảng mã, có sửa nhanh (không an toàn, cần đọc lại) chuyển đoạn đó sang Unicode.",
            en: "The text is valid UTF-8 but garbled: TCVN3 (ABC) or VNI text was read as Latin-1 and saved again, e.g. \"Céng hßa x· héi\" (TCVN3) or \"Coäng hoøa\" (VNI). It fires only where re-reading the words as TCVN3 or VNI gives Vietnamese syllables that the words as written are not: correct foreign names (Institut Français, Göttingen, Ångström, señor) and Unicode spaces (Word's no-break space) never draw it. When the encoding is certain, an unsafe fix (proofread it) converts the passage to Unicode."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: văn bản dùng bộ mã Unicode theo TCVN 6909:2001.",
                             en: "Decree 30/2020/NĐ-CP: documents use Unicode per TCVN 6909:2001."),
        failingExample: "Về việc: Céng hßa x· héi chñ nghÜa ViÖt Nam",
        passingExample: "Về việc: Cộng hòa xã hội chủ nghĩa Việt Nam",
        fix: LocalizedText(vi: "Dùng sửa nhanh \"Chuyển mã … sang Unicode\" trong trình soạn thảo (hoặc `hoso lint --fix --unsafe-fixes`) rồi đọc lại đoạn đó; hoặc mở bản gốc bằng đúng phông (.VnTime cho TCVN3, VNI-Times cho VNI) và chuyển mã bằng Unikey. Không sửa tay từng chữ.",
                           en: "Apply the \"Convert from … to Unicode\" quick fix in the editor (or `hoso lint --fix --unsafe-fixes`) and proofread the passage; or reopen the original with its font (.VnTime for TCVN3, VNI-Times for VNI) and convert it with Unikey. Do not retype letter by letter."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let text = context.text
        let bytes = text.bytes
        let region = context.region.bytes
        guard !region.isEmpty else { return }
        let regionLines = text.line(ofByte: region.lowerBound)...text.line(ofByte: region.upperBound - 1)
        let scanned = text.fullRange(ofLine: regionLines.lowerBound).lowerBound..<text.fullRange(ofLine: regionLines.upperBound).upperBound
        var from = scanned.lowerBound
        // Only the lines where the quick look finds evidence, found over all the lines at once.
        while let suspect = MojibakeScanner.firstSuspect(bytes, from..<scanned.upperBound) {
            let line = text.line(ofByte: suspect)
            let range = text.contentRange(ofLine: line)
            from = text.fullRange(ofLine: line).upperBound
            for run in MojibakeScanner.runs(in: text.string(range)) {
                let runRange = (range.lowerBound + run.utf8Range.lowerBound)..<(range.lowerBound + run.utf8Range.upperBound)
                let sample = text.string(runRange)
                let guess = run.encoding?.rawValue ?? "TCVN3/ABC hoặc VNI-Windows"
                let guessEnglish = run.encoding?.rawValue ?? "TCVN3/ABC or VNI-Windows"
                var fixes: [Fix] = []
                var vi = "\"\(sample)\" là chữ bị lỗi phông: văn bản gõ bằng bảng mã \(guess) đã bị đọc sai."
                var en = "\"\(sample)\" is garbled: text typed in \(guessEnglish) was read with the wrong encoding."
                if let converted = run.converted {
                    vi += " Đọc đúng bảng mã thì là \"\(converted)\"; chuyển mã đoạn này (sửa nhanh trong trình soạn thảo) rồi đọc lại."
                    en += " Read in that encoding it says \"\(converted)\"; convert the passage (a quick fix in the editor) and proofread it."
                    fixes = [Fix(title: LocalizedText(vi: "Chuyển mã \(guess) sang Unicode: \"\(converted)\"",
                                                      en: "Convert from \(guessEnglish) to Unicode: \"\(converted)\""),
                                 edits: [TextEdit(range: runRange, newText: converted)], isSafe: false)]
                } else {
                    vi += " Hãy chuyển mã đoạn gốc sang Unicode bằng Unikey thay vì sửa tay."
                    en += " Convert the original passage to Unicode with Unikey instead of retyping it."
                }
                sink.report(runRange, LocalizedText(viText: vi, enText: en), fixes: fixes)
            }
        }
    }
}
