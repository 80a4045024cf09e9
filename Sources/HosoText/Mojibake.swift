/// Finds mojibake in a line: TCVN3 or VNI text that was read as Latin-1 and saved as UTF-8.
///
/// A word is *evidence* when, as written, it is not a Vietnamese syllable and holds a letter
/// Vietnamese does not use (`hßa`, `hoøa`), yet re-read as legacy bytes it is one (`hòa`).
/// Words next to evidence that also turn into different syllables (`Céng` → `Cộng`) join the
/// run. Correct foreign words (`Français`, `Göttingen`, `señor`) never become syllables, and
/// Unicode spaces separate words, so neither draws a finding.
///
/// A word that is already a Vietnamese syllable as written (`chú`, `công`) is *doubtful*: its
/// re-reading is one too (`chỳ`, `cụng`), yet it may be a correct word typed beside the pasted
/// passage. It joins only when it shows a typical artefact of the encoding (`artefacts(of:)`),
/// or where the run surrounds it (`joinsDoubtful` in `runs(in:)`). A colon ends a stretch of
/// text that a run never crosses: the `Key:` of a field (`Ghi chú: Céng hßa`) is never part of
/// its value's run.
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
        var isASCII: Bool
        /// Which stretch of the line the word is in: stretches are separated by `:`.
        var stretch = 0
        /// Each re-reading that gives a syllable the written word is not (tcvn3, vni).
        var reading: [LegacyEncoding: String] = [:]
        var evidence: Set<LegacyEncoding> = []
        /// Whether the word as written is a Vietnamese syllable (`chú`, and `Céng` too).
        var isWrittenValid = false
        /// The encodings whose typical artefacts the word shows (see `artefacts(of:)`).
        var artefacts: Set<LegacyEncoding> = []
        /// The encodings whose reading leaves the word as it is (VNI reads `chí` as `chí`).
        var readsTheSameIn: Set<LegacyEncoding> = []
        /// At least two ASCII capitals and no ASCII lowercase (`HßA`, typed with a .VnTimeH font).
        var isCapitals = false
    }

    /// For each continuation byte after C3 (U+00C0–U+00FF), whether that letter is one Vietnamese
    /// does not write (ä, ß, ñ, ø …).
    static let foreignAfterC3: [Bool] = (0..<64).map { VietnameseSyllable.table[0xC0 + UInt32($0)] == nil }

    /// A quick look at UTF-8 bytes: where the first evidence of mojibake may stand in `range`, or
    /// nil. Evidence needs a Latin-1 symbol (C2 xx) or a foreign Latin-1 letter (C3 xx), so lines
    /// of ordinary Vietnamese (à, é, ô) are never split into words. Over many lines at once, this
    /// finds the first line that may hold mojibake (a C3 is always followed by its continuation
    /// byte, in the same line).
    public static func firstSuspect(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let foreign = foreignAfterC3
        return bytes.withUnsafeBufferPointer { bytes in
            var i = range.lowerBound
            while true {
                i = ByteScan.firstCandidate(bytes, from: i, to: range.upperBound, word: { ByteScan.within($0, 0xC2, 0xC3) },
                                            byte: { $0 == 0xC2 || $0 == 0xC3 })
                guard i < range.upperBound else { return nil }
                if bytes[i] == 0xC2 || (i + 1 < range.upperBound && foreign[Int(bytes[i + 1] & 0x3F)]) { return i }
                i += 1
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
        /// The encoding word `k` is re-read in: the line's (the first that fits when undecided).
        func readingEncoding(_ k: Int) -> LegacyEncoding? { candidates.first { words[k].reading[$0] != nil } }
        func reading(_ k: Int) -> String? { readingEncoding(k).flatMap { words[k].reading[$0] } }
        /// A word that re-reads as a syllable and surely is mojibake if its neighbour is.
        func isSure(_ k: Int) -> Bool {
            guard let encoding = readingEncoding(k) else { return false }
            return !words[k].isWrittenValid || words[k].artefacts.contains(encoding)
        }
        /// A word that reads the same in any encoding: ASCII, or `chí` in VNI.
        func isNeutral(_ k: Int) -> Bool { words[k].isASCII || candidates.allSatisfy(words[k].readsTheSameIn.contains) }
        func sameStretch(_ a: Int, _ b: Int) -> Bool { words[a].stretch == words[b].stretch }
        var flagged = words.indices.map { k in candidates.contains { words[k].evidence.contains($0) } }
        /// An unflagged word that is doubtful (it re-reads, but is a syllable as written) or neutral.
        func isDoubtfulOrNeutral(_ k: Int) -> Bool { !flagged[k] && !isSure(k) && (reading(k) != nil || isNeutral(k)) }
        /// Whether the doubtful words of a stretch of doubtful and neutral words join the run:
        /// it must touch the run, and on its other side the run, a sure word or the edge of the
        /// text. Coming from the edge *before* the run, it must hold no neutral word: `chú` is
        /// left alone in `Ghi chú Céng hßa`, where a label was typed before the pasted passage,
        /// while `vô` (`vụ`) joins in `nhiÖm vô`, and `Sôn` (`Sơn`) in `Tænh Sôn La`.
        func joinsDoubtful(_ stretch: Range<Int>) -> Bool {
            let before = stretch.lowerBound > 0 && sameStretch(stretch.lowerBound - 1, stretch.lowerBound) ? stretch.lowerBound - 1 : nil
            let after = stretch.upperBound < words.count && sameStretch(stretch.lowerBound, stretch.upperBound) ? stretch.upperBound : nil
            let touchesRun = before.map { flagged[$0] } == true || after.map { flagged[$0] } == true
            let openBefore = before.map { flagged[$0] || isSure($0) } ?? !stretch.contains(where: isNeutral)
            let openAfter = after.map { flagged[$0] || isSure($0) } ?? true
            return touchesRun && openBefore && openAfter
        }
        var changed = true
        while changed {
            changed = false
            // Spread from the evidence to neighbouring words that surely are mojibake too.
            for k in words.indices where !flagged[k] && isSure(k) {
                if (k > 0 && flagged[k - 1] && sameStretch(k - 1, k)) || (k + 1 < words.count && flagged[k + 1] && sameStretch(k, k + 1)) {
                    flagged[k] = true; changed = true
                }
            }
            // Doubtful words join where the run surrounds them (see `joinsDoubtful`).
            var k = 0
            while k < words.count {
                guard isDoubtfulOrNeutral(k) else { k += 1; continue }
                var end = k + 1
                while end < words.count && sameStretch(k, end) && isDoubtfulOrNeutral(end) { end += 1 }
                if joinsDoubtful(k..<end) {
                    for w in k..<end where reading(w) != nil { flagged[w] = true; changed = true }
                }
                k = end
            }
        }
        // Runs: flagged words, joined across neutral words (which read the same in any encoding).
        var runs: [Run] = []
        var k = 0
        while k < words.count {
            guard flagged[k] else { k += 1; continue }
            var last = k
            var j = k + 1
            while j < words.count && sameStretch(k, j) && (flagged[j] || isNeutral(j)) {
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
        word.isWrittenValid = isWrittenValid
        if isWrittenValid { word.artefacts = artefacts(of: bytes) }
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

    /// The encodings whose typical artefacts a word (its Latin-1 scalars as bytes) shows:
    /// things Vietnamese typed in Unicode does not write, but text in that encoding read as
    /// Latin-1 does.
    /// - TCVN3: `è` or `é`, rare in Vietnamese, yet TCVN3's `ố` and `ộ`, two of its commonest
    ///   letters (`Céng`, `Sè`, `mét`); or a capital right after a lowercase letter (`chÝ`,
    ///   `thÓ`: TCVN3 writes some toned letters with the codes of Latin-1 capitals).
    /// - VNI: a mark byte right after the vowel it marks (`xaõ`, `veà`, `chuù`), except the
    ///   old-style tone on the `a` of `oa` (`hoà`, `hoá`, `loã`), which Unicode text writes so.
    static func artefacts(of bytes: [UInt8]) -> Set<LegacyEncoding> {
        var found: Set<LegacyEncoding> = []
        func isLower(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0xDF && b != 0xF7) }
        func isUpper(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0xC0 && b <= 0xDE && b != 0xD7) }
        for (k, b) in bytes.enumerated() {
            if b == 0xE8 || b == 0xE9 || (k > 0 && isUpper(b) && isLower(bytes[k - 1])) { found.insert(.tcvn3) }
            guard k > 0, b >= 0xC0, let mark = LegacyDecoder.vniMarks[b <= 0xDF ? b + 0x20 : b] else { continue }
            let previous = bytes[k - 1]
            let base: UInt32
            switch previous {
            case 0x41, 0x45, 0x49, 0x4F, 0x55, 0x59, 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: base = UInt32(previous | 0x20)
            case 0xD4, 0xF4: base = 0x1A1  // ơ
            case 0xD6, 0xF6: base = 0x1B0  // ư
            default: continue
            }
            let oldStyleTone = base == 0x6F && [0xE0, 0xE1, 0xE3].contains(b | 0x20)
            if LegacyDecoder.combining(mark, onto: base) != nil && !oldStyleTone { found.insert(.vni) }
        }
        return found
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
        var offset = 0, stretch = 0
        var current = String.UnicodeScalarView()
        func close() {
            if let s = start { result.append(Word(utf8Range: s..<offset, text: String(current), isASCII: isASCII, stretch: stretch)) }
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
                if v == 0x3A { stretch += 1 }
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
