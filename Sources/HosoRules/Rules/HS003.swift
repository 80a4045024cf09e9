import HosoText

/// HS003: look-alike letters — Ð/ð/Ɖ/ɖ for Đ/đ, Cyrillic or Greek letters inside Latin words.
public struct HS003: Rule {
    public static let code = "HS003"
    public static let defaultSeverity = Severity.error
    public static let fixAvailability = FixAvailability.safe
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Chữ cái giả dạng (Ð thay Đ, chữ Kirin/Hy Lạp lẫn vào)",
                                            en: "Look-alike letters (Ð for Đ, Cyrillic/Greek mixed in)")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Ký tự trông giống chữ tiếng Việt nhưng là chữ khác: Ð (U+00D0, chữ Eth Iceland), ð, Ɖ thay cho Đ/đ; hoặc chữ Kirin, Hy Lạp (а, о, р, с …) lẫn trong từ Latinh. Tên người, đơn vị sẽ không khớp và không tìm thấy.",
            en: "Characters that look Vietnamese but are not: Ð (U+00D0, Icelandic Eth), ð, Ɖ for Đ/đ; or Cyrillic/Greek letters (а, о, р, с …) inside Latin words. Names stop matching and cannot be found."),
        basis: LocalizedText(vi: "TCVN 6909:2001: bảng chữ cái tiếng Việt.", en: "TCVN 6909:2001: the Vietnamese alphabet."),
        failingExample: "Ðơn vị: Phòng Tổ chức - Hành chính - Quản trị   {note:(Ð là U+00D0)|(Ð is U+00D0)}",
        passingExample: "Đơn vị: Phòng Tổ chức - Hành chính - Quản trị",
        fix: LocalizedText(vi: "Dùng sửa nhanh để thay bằng chữ tiếng Việt đúng.", en: "Apply the fix to use the Vietnamese letter."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let text = context.text
        let bytes = text.bytes
        var i = context.region.bytes.lowerBound
        let n = context.region.bytes.upperBound
        while true {
            // Only Ð ð (C3), Ɖ (C6), ɖ (C9) and Greek or Cyrillic (CD–D3) matter: the scan stops
            // at lead bytes C3–D3 only, eight bytes at a time; ASCII and E1 letters pass undecoded.
            i = bytes.withUnsafeBufferPointer {
                ByteScan.firstCandidate($0, from: i, to: n, word: { ByteScan.within($0, 0xC3, 0xD3) }, byte: { $0 >= 0xC3 && $0 <= 0xD3 })
            }
            guard i < n else { break }
            // Most of these lead bytes are Vietnamese letters (à, ê, ơ, ư…): told from their two
            // bytes without decoding. Only Ð ð (C3 90, C3 B0), Ɖ (C6 89), ɖ (C9 96) and Greek or
            // Cyrillic (CD B0 and up, CE–D3) go on.
            let lead = bytes[i], next = i + 1 < n ? bytes[i + 1] : 0
            switch lead {
            case 0xC3 where next != 0x90 && next != 0xB0, 0xC6 where next != 0x89, 0xC9 where next != 0x96,
                 0xCD where next < 0xB0, 0xC4, 0xC5, 0xC7, 0xC8, 0xCA, 0xCB, 0xCC:
                i += 2
                continue
            default:
                break
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            switch scalar {
            case 0xD0, 0x189, 0xF0, 0x256:
                let letter = Lookalikes.dLetter(scalar)
                let written = String(Unicode.Scalar(scalar).map(Character.init) ?? "?")
                // A run of such letters is one finding (one fix), not one per letter.
                var end = i + length, count = 1, replacement = letter
                while end < n {
                    let (next, nextLength) = UTF8Scalar.decode(bytes, at: end)
                    guard Lookalikes.isDLookalike(next) else { break }
                    replacement += Lookalikes.dLetter(next)
                    end += nextLength
                    count += 1
                }
                let message = count == 1
                    ? LocalizedText(vi: "Chữ \"\(written)\" (U+\(hex(scalar))) không phải chữ \(letter) tiếng Việt; hãy gõ lại bằng \(letter).",
                                    en: "\"\(written)\" (U+\(hex(scalar))) is not the Vietnamese letter \(letter); retype it as \(letter).")
                    : LocalizedText(vi: "\(count) chữ liền nhau giống Đ/đ (như \"\(written)\", U+\(hex(scalar))) không phải chữ Đ/đ tiếng Việt; hãy gõ lại.",
                                    en: "\(count) letters in a row that look like Đ/đ (such as \"\(written)\", U+\(hex(scalar))) are not the Vietnamese Đ/đ; retype them.")
                sink.report(i..<end, message,
                    fixes: [Fix(title: LocalizedText(vi: count == 1 ? "Thay bằng \(letter)" : "Thay bằng Đ/đ", en: count == 1 ? "Replace with \(letter)" : "Replace with Đ/đ"),
                                edits: [TextEdit(range: i..<end, newText: replacement)], isSafe: true)])
                i = end
            case 0x0370...0x03FF, 0x0400...0x04FF:
                i = checkWord(around: i, text: text, sink: &sink)
            default:
                i += length
            }
        }
    }

    /// Reports a word that mixes Latin letters with Cyrillic or Greek ones; returns where to continue.
    func checkWord(around i: Int, text: SourceText, sink: inout FindingSink) -> Int {
        let bytes = text.bytes
        let line = text.contentRange(ofLine: text.line(ofByte: i))
        var a = i, b = i
        func isWordByte(_ k: Int) -> Bool {
            let c = bytes[k]
            return c >= 0x80 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39)
        }
        while a > line.lowerBound && isWordByte(a - 1) { a -= 1 }
        while b < line.upperBound && isWordByte(b) { b += 1 }
        while a < b && bytes[a] & 0xC0 == 0x80 { a += 1 }
        let word = text.string(a..<b)
        let hasLatin = word.unicodeScalars.contains(where: Lookalikes.isLatinLetter)
        guard hasLatin else { return b }
        var repaired = ""
        var repairable = true
        var foreign: [String] = []
        for scalar in word.unicodeScalars {
            if (0x0370...0x04FF).contains(scalar.value) {
                foreign.append("\(Character(scalar)) U+\(hex(scalar.value))")
                if let latin = Lookalikes.latinLetter[scalar.value] { repaired += latin } else { repairable = false }
            } else {
                repaired.unicodeScalars.append(scalar)
            }
        }
        let fixes = repairable ? [Fix(title: LocalizedText(vi: "Thay bằng \"\(repaired)\"", en: "Replace with \"\(repaired)\""),
                                      edits: [TextEdit(range: a..<b, newText: repaired)], isSafe: true)] : []
        sink.report(a..<b, LocalizedText(
            vi: "Từ \"\(word)\" lẫn chữ Kirin/Hy Lạp giả dạng chữ Latinh (\(foreign.joined(separator: ", ")))\(repairable ? "; hãy gõ lại: \"\(repaired)\"" : "").",
            en: "\"\(word)\" mixes Cyrillic/Greek look-alikes into a Latin word (\(foreign.joined(separator: ", ")))\(repairable ? "; retype it: \"\(repaired)\"" : "")."),
            fixes: fixes)
        return b
    }
}

/// Upper-case hexadecimal with at least four digits, as Unicode code points are written.
func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
