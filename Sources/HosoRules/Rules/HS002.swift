import HosoText

/// HS002: text not in NFC (decomposed "tổ hợp" marks); fix normalizes each affected run.
public struct HS002: Rule {
    public static let code = "HS002"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Văn bản không ở dạng Unicode dựng sẵn (NFC)",
                                            en: "Text is not in Unicode NFC")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Dấu thanh, dấu mũ được gõ thành ký tự tổ hợp rời (NFD, \"Unicode tổ hợp\") thay vì ký tự dựng sẵn. Văn bản trông giống hệt nhưng tìm kiếm, so khớp và sắp xếp sai.",
            en: "Tone and vowel marks are separate combining characters (NFD) instead of precomposed letters. The text looks the same but search, matching and sorting break."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP, Phụ lục I: phông chữ Unicode TCVN 6909:2001 (dựng sẵn).",
                             en: "Decree 30/2020/NĐ-CP, Annex I: Unicode fonts per TCVN 6909:2001 (precomposed)."),
        failingExample: "Chức vụ: Chuyên viên   {note:(\"ư\" gõ thành u + U+031B)|(\"ư\" typed as u + U+031B)}",
        passingExample: "Chức vụ: Chuyên viên",
        fix: LocalizedText(vi: "Dùng sửa nhanh để chuẩn hoá đoạn đó sang NFC, hoặc chọn bảng mã \"Unicode dựng sẵn\" trong bộ gõ.",
                           en: "Apply the fix to normalize the run to NFC, or set the input method to precomposed Unicode."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let text = context.text
        let bytes = text.bytes
        var line = -1
        var runStart = -1, runEnd = -1
        func flush() {
            guard runStart >= 0 else { return }
            let range = runStart..<runEnd
            let original = text.string(range)
            let normalized = Folding.nfc(original)
            // Compare bytes: Swift's String == treats NFD and NFC as equal.
            if !normalized.utf8.elementsEqual(original.utf8) {
                sink.report(range, LocalizedText(
                    vi: "Đoạn \"\(normalized)\" được gõ bằng dấu tổ hợp rời (NFD); hãy chuyển sang Unicode dựng sẵn (NFC).",
                    en: "\"\(normalized)\" is typed with separate combining marks (NFD); convert it to precomposed Unicode (NFC)."),
                    fixes: [Fix(title: LocalizedText(vi: "Chuẩn hoá sang Unicode dựng sẵn (NFC)", en: "Normalize to NFC"),
                                edits: [TextEdit(range: range, newText: normalized)], isSafe: true)])
            }
            runStart = -1
        }
        var i = context.region.bytes.lowerBound
        let n = context.region.bytes.upperBound
        while true {
            // Combining marks are U+0300–U+036F (CC/CD lead bytes) or, rarely, in E1 B7 / E2 83 / EF B8:
            // every lead byte of one is at least CC, which Vietnamese letters (C3–C6, E1) but E1 are not.
            i = bytes.withUnsafeBufferPointer {
                ByteScan.firstCandidate($0, from: i, to: n, word: { ByteScan.atLeast($0, 0xCC) }, byte: { $0 >= 0xCC })
            }
            guard i < n else { break }
            let b = bytes[i]
            // The second byte rules out the precomposed letters (E1 BA/BB) without decoding them.
            let next = i + 1 < n ? bytes[i + 1] : 0
            if b == 0xCC || b == 0xCD || (b == 0xE1 && next == 0xB7) || (b == 0xE2 && next == 0x83) || (b == 0xEF && next == 0xB8) {
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                if Folding.isCombiningMark(scalar) {
                    let l = text.line(ofByte: i)
                    let word = wordRange(around: i, in: text.contentRange(ofLine: l), bytes)
                    if l == line && runStart >= 0 {
                        runEnd = max(runEnd, word.upperBound)
                    } else {
                        flush()
                        line = l
                        runStart = word.lowerBound
                        runEnd = word.upperBound
                    }
                    i = max(i + length, word.upperBound)
                    continue
                }
            }
            // Not a mark: the scan resumes on the next byte (continuation bytes are never candidates).
            i += 1
        }
        flush()
    }

    /// The whitespace-delimited word holding byte `i`, within its line.
    func wordRange(around i: Int, in line: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var a = i, b = i
        while a > line.lowerBound && bytes[a - 1] != 0x20 && bytes[a - 1] != 0x09 { a -= 1 }
        while b < line.upperBound && bytes[b] != 0x20 && bytes[b] != 0x09 { b += 1 }
        return a..<b
    }
}
