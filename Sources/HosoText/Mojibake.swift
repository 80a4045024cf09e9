/// Finds mojibake in a line: TCVN3 or VNI text that was read as Latin-1 and saved as UTF-8.
///
/// A word is *evidence* when, as written, it is not a Vietnamese syllable and holds a letter
/// Vietnamese does not use (`hßa`, `hoøa`), yet re-read as legacy bytes it is one (`hòa`).
/// Words next to evidence that also turn into different syllables (`Céng` → `Cộng`) join the
/// run. Correct foreign words (`Français`, `Göttingen`, `señor`) never become syllables, and
/// Unicode spaces separate words, so neither draws a finding.
public enum MojibakeScanner {
    /// A run of mojibake words in a line.
    public struct Run: Sendable, Equatable {
        /// UTF-8 offsets in the line, from the first word's start to the last word's end.
        public let utf8Range: Range<Int>
        /// The encoding the run re-reads as; nil when TCVN3 and VNI fit equally well.
        public let encoding: LegacyEncoding?
        /// The run converted to Unicode, when the encoding is certain.
        public let converted: String?
    }

    /// One word: letters (ASCII or not) between spaces, ASCII punctuation and digits.
    struct Word {
        var utf8Range: Range<Int>
        var text: String
        /// Each re-reading that gives a syllable the written word is not (tcvn3, vni).
        var reading: [LegacyEncoding: String] = [:]
        var evidence: Set<LegacyEncoding> = []
        var isASCII: Bool
        /// The encodings whose reading leaves the word as it is (VNI reads `chí` as `chí`).
        var readsTheSameIn: Set<LegacyEncoding> = []
        /// At least two ASCII capitals and no ASCII lowercase (`HßA`, typed with a .VnTimeH font).
        var isCapitals = false
    }

    /// For each continuation byte after C3 (U+00C0–U+00FF), whether that letter is one Vietnamese
    /// does not write (ä, ß, ñ, ø …).
    static let foreignAfterC3: [Bool] = (0..<64).map { VietnameseSyllable.table[0xC0 + UInt32($0)] == nil }

    /// A quick look at UTF-8 bytes: evidence needs a Latin-1 symbol (C2 xx) or a foreign Latin-1
    /// letter (C3 xx), so lines of ordinary Vietnamese (à, é, ô) are never split into words.
    public static func mayHoldMojibake(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let foreign = foreignAfterC3
        return bytes.withUnsafeBufferPointer { bytes in
            range.contains { i in
                bytes[i] == 0xC2 || (bytes[i] == 0xC3 && i + 1 < range.upperBound && foreign[Int(bytes[i + 1] & 0x3F)])
            }
        }
    }

    /// The mojibake runs of `line` (its text without the line end).
    public static func runs(in line: String) -> [Run] {
        var words = self.words(of: line)
        var evidence: [LegacyEncoding: Int] = [.tcvn3: 0, .vni: 0]
        for k in words.indices where !words[k].isASCII {
            examine(&words[k])
            for encoding in words[k].evidence { evidence[encoding, default: 0] += 1 }
        }
        let tcvn3 = evidence[.tcvn3]!, vni = evidence[.vni]!
        guard tcvn3 + vni > 0 else { return [] }
        let encoding: LegacyEncoding? = tcvn3 > vni ? .tcvn3 : vni > tcvn3 ? .vni : nil
        let candidates: [LegacyEncoding] = encoding.map { [$0] } ?? [.tcvn3, .vni]
        /// The re-reading of word `k` in the line's encoding (the first that fits when undecided).
        func reading(_ k: Int) -> String? { candidates.lazy.compactMap { words[k].reading[$0] }.first }
        var flagged = words.indices.map { k in candidates.contains { words[k].evidence.contains($0) } }
        // Spread from the evidence to neighbouring words that also re-read as syllables.
        var changed = true
        while changed {
            changed = false
            for k in words.indices where !flagged[k] && reading(k) != nil {
                if (k > 0 && flagged[k - 1]) || (k + 1 < words.count && flagged[k + 1]) { flagged[k] = true; changed = true }
            }
        }
        // Runs: flagged words, joined across neutral words (which read the same in any encoding).
        var runs: [Run] = []
        var k = 0
        while k < words.count {
            guard flagged[k] else { k += 1; continue }
            var last = k
            var j = k + 1
            while j < words.count && (flagged[j] || words[j].isASCII || candidates.allSatisfy(words[j].readsTheSameIn.contains)) {
                if flagged[j] { last = j }
                j += 1
            }
            let range = words[k].utf8Range.lowerBound..<words[last].utf8Range.upperBound
            var converted: String?
            if let encoding {
                // A run typed in capitals (`CéNG HßA X· HéI`) is converted in capitals, `X·` too.
                let inCapitals = encoding == .tcvn3 && (k...last).contains { flagged[$0] && words[$0].isCapitals }
                    && !(k...last).contains { w in flagged[w] && words[w].text.unicodeScalars.contains { $0.value >= 0x61 && $0.value <= 0x7A } }
                var text = ""
                var cursor = range.lowerBound
                for w in k...last where flagged[w] {
                    text += slice(line, cursor..<words[w].utf8Range.lowerBound)
                    text += inCapitals ? reading(w)!.uppercased() : reading(w)!
                    cursor = words[w].utf8Range.upperBound
                }
                converted = text + slice(line, cursor..<range.upperBound)
            }
            runs.append(Run(utf8Range: range, encoding: encoding, converted: converted))
            k = last + 1
        }
        return runs
    }

    /// Tries a non-ASCII word in both legacy encodings.
    static func examine(_ word: inout Word) {
        let text = Folding.nfc(word.text)
        guard text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return }  // modern Vietnamese, other scripts
        let isWrittenValid = VietnameseSyllable.isValid(text)
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        // A lone letter (ö, §) proves nothing; the word must hold a letter Vietnamese does not use.
        let isStrong = bytes.count >= 2 && text.unicodeScalars.contains { $0.value >= 0x80 && VietnameseSyllable.table[$0.value] == nil }
        word.isCapitals = bytes.filter { $0 >= 0x41 && $0 <= 0x5A }.count >= 2 && !bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
        for encoding in [LegacyEncoding.tcvn3, .vni] {
            guard var decoded = LegacyDecoder.decode(bytes, as: encoding) else { continue }
            if decoded == text { word.readsTheSameIn.insert(encoding); continue }
            guard VietnameseSyllable.isValid(decoded) else { continue }
            // .VnTimeH capitals share the lowercase codes: a word typed in capitals stays in capitals.
            if encoding == .tcvn3 && word.isCapitals { decoded = decoded.uppercased() }
            guard hasWordCase(decoded) else { continue }
            word.reading[encoding] = decoded
            if isStrong && !isWrittenValid { word.evidence.insert(encoding) }
        }
    }

    /// Whether a word is cased as words are: all lowercase, all capitals, or one leading capital
    /// (`lỔ`, the TCVN3 reading of a correct `là`, is not).
    static func hasWordCase(_ word: String) -> Bool {
        let tail = word.unicodeScalars.dropFirst()
        return !tail.contains { $0.properties.isUppercase } || !tail.contains { $0.properties.isLowercase }
            && !(word.unicodeScalars.first?.properties.isLowercase ?? false)
    }

    /// The words of a line with their UTF-8 ranges.
    static func words(of line: String) -> [Word] {
        var result: [Word] = []
        var start: Int?, isASCII = true
        var offset = 0
        var current = String.UnicodeScalarView()
        func close() {
            if let s = start { result.append(Word(utf8Range: s..<offset, text: String(current), isASCII: isASCII)) }
            start = nil; isASCII = true; current = String.UnicodeScalarView()
        }
        for scalar in line.unicodeScalars {
            let v = scalar.value
            // Non-ASCII scalars are word parts (TCVN3 letters include · « ¸ §), except spaces and
            // General Punctuation (dashes, curly quotes, U+2000–U+206F).
            let isLetterPart = v < 0x80 ? (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
                : !scalar.properties.isWhitespace && v != 0xFEFF && !(v >= 0x2000 && v <= 0x206F)
            if isLetterPart {
                if start == nil { start = offset }
                if v >= 0x80 { isASCII = false }
                current.append(scalar)
            } else {
                close()
            }
            offset += UTF8.width(scalar)
        }
        close()
        return result
    }

    static func slice(_ line: String, _ range: Range<Int>) -> String {
        let utf8 = line.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound), b = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return String(line[a..<b])
    }
}
