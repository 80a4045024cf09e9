import HosoText

/// HS004: mojibake — legacy TCVN3 or VNI bytes that were read as Latin-1 and saved as UTF-8.
public struct HS004: Rule {
    public static let code = "HS004"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Chữ bị lỗi phông (bảng mã cũ đọc sai)",
                                            en: "Mojibake (legacy encoding read as Latin-1)")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Văn bản là UTF-8 hợp lệ nhưng chứa chữ bị lỗi phông: văn bản gõ bằng TCVN3 (ABC) hoặc VNI đã bị đọc như Latin-1 rồi lưu lại, ví dụ \"Céng hßa x· héi\" (TCVN3) hay \"Coäng hoøa\" (VNI).",
            en: "The text is valid UTF-8 but garbled: TCVN3 (ABC) or VNI text was read as Latin-1 and saved again, e.g. \"Céng hßa x· héi\" (TCVN3) or \"Coäng hoøa\" (VNI)."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: văn bản dùng bộ mã Unicode theo TCVN 6909:2001.",
                             en: "Decree 30/2020/NĐ-CP: documents use Unicode per TCVN 6909:2001."),
        failingExample: "Về việc: Céng hßa x· héi chñ nghÜa ViÖt Nam",
        passingExample: "Về việc: Cộng hòa xã hội chủ nghĩa Việt Nam",
        fix: LocalizedText(vi: "Mở lại bản gốc bằng đúng phông (.VnTime cho TCVN3, VNI-Times cho VNI) và chuyển mã sang Unicode bằng Unikey; không sửa tay từng chữ.",
                           en: "Reopen the original with its font (.VnTime for TCVN3, VNI-Times for VNI) and convert to Unicode with Unikey; do not retype letter by letter."))

    /// Latin-1 letters that Vietnamese uses; any other Latin-1 character inside a word is suspect.
    static let vietnameseLatin1: Set<UInt32> = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars.map(\.value))
    /// For each continuation byte after C3 (U+00C0–U+00FF), whether that letter is suspect:
    /// the per-line prefilter looks it up instead of hashing every Vietnamese à, é, ô.
    static let suspectAfterC3: [Bool] = (0..<64).map { !vietnameseLatin1.contains(0xC0 + UInt32($0)) }

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let text = context.text
        let bytes = text.bytes
        for line in 0..<text.lineCount {
            let range = text.contentRange(ofLine: line)
            // Suspects are C2 xx (U+0080–U+00BF) or C3 xx outside the Vietnamese letters; skip lines without any.
            let suspect = Self.suspectAfterC3
            let hasSuspect = bytes.withUnsafeBufferPointer { bytes in
                range.contains { i in
                    bytes[i] == 0xC2 || (bytes[i] == 0xC3 && i + 1 < range.upperBound && suspect[Int(bytes[i + 1] & 0x3F)])
                }
            }
            guard hasSuspect else { continue }
            let scalars = Array(text.string(range).unicodeScalars)
            var offsets: [Int] = []
            var offset = range.lowerBound
            for s in scalars { offsets.append(offset); offset += String(s).utf8.count }
            var first: Int?, last: Int?
            var afterVowel = 0, suspects = 0
            for (k, s) in scalars.enumerated() {
                let v = s.value
                guard v >= 0xA0 && v <= 0xFF, v != 0xD0, v != 0xF0, v != 0xD7, v != 0xF7,
                      !Self.vietnameseLatin1.contains(v) else { continue }
                let before = k > 0 ? scalars[k - 1] : " "
                let after = k + 1 < scalars.count ? scalars[k + 1] : " "
                // Letters (ß, ä, ñ …) are suspect next to one letter; symbols that also serve as
                // punctuation (« » ° ± ·) only between two letters, as in "C«ng".
                let isSymbol = !s.properties.isAlphabetic
                guard isSymbol ? isLetter(before) && isLetter(after) : isLetter(before) || isLetter(after) else { continue }
                suspects += 1
                if "aeiouyAEIOUY".unicodeScalars.contains(before) { afterVowel += 1 }
                let word = extendOverLatin1Words(wordBounds(k, scalars), scalars)
                if first == nil { first = offsets[word.lowerBound] }
                last = word.upperBound < offsets.count ? offsets[word.upperBound] : range.upperBound
            }
            guard let start = first, let end = last, suspects > 0 else { continue }
            let guess = afterVowel * 2 > suspects ? "VNI-Windows" : "TCVN3/ABC"
            let sample = text.string(start..<end)
            sink.report(start..<end, LocalizedText(
                vi: "\"\(sample)\" là chữ bị lỗi phông (có lẽ gõ bằng bảng mã \(guess) rồi bị đọc sai). Hãy chuyển mã đoạn gốc sang Unicode bằng Unikey thay vì sửa tay.",
                en: "\"\(sample)\" is garbled text (probably typed in \(guess) and read with the wrong encoding). Convert the original passage to Unicode with Unikey instead of retyping."))
        }
    }

    func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    /// Widens a garbled word over neighbouring words that are also pure Latin-1 with accents
    /// ("Céng" next to "hßa"): they are most likely part of the same garbled passage.
    func extendOverLatin1Words(_ word: Range<Int>, _ scalars: [Unicode.Scalar]) -> Range<Int> {
        func isLatin1Word(_ range: Range<Int>) -> Bool {
            !range.isEmpty && range.allSatisfy { scalars[$0].value <= 0xFF } && range.contains { scalars[$0].value >= 0xA0 }
        }
        var result = word
        while result.lowerBound > 1 && scalars[result.lowerBound - 1].properties.isWhitespace {
            let previous = wordBounds(result.lowerBound - 2, scalars)
            guard isLatin1Word(previous) else { break }
            result = previous.lowerBound..<result.upperBound
        }
        while result.upperBound + 1 < scalars.count && scalars[result.upperBound].properties.isWhitespace {
            let next = wordBounds(result.upperBound + 1, scalars)
            guard isLatin1Word(next) else { break }
            result = result.lowerBound..<next.upperBound
        }
        return result
    }

    /// The scalar indices of the whitespace-delimited word holding index `k`.
    func wordBounds(_ k: Int, _ scalars: [Unicode.Scalar]) -> Range<Int> {
        var a = k, b = k
        while a > 0 && !scalars[a - 1].properties.isWhitespace { a -= 1 }
        while b < scalars.count && !scalars[b].properties.isWhitespace { b += 1 }
        return a..<b
    }
}
