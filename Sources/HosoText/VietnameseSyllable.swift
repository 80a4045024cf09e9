/// Whether a word has the shape of a Vietnamese syllable (onset, rhyme, at most one tone).
///
/// The check is about form, not the dictionary: `nghĩa`, `khuỷu`, `quốc` and `gì` pass, and so
/// would a well-formed syllable nobody uses. Foreign words (`Français`, `Göttingen`, `señor`)
/// and mojibake (`Céng`-style TCVN3 or `hoøa`-style VNI text read as Latin-1) fail. HS004 asks
/// this of a word as written and of the same word re-read in a legacy encoding.
public enum VietnameseSyllable {
    /// Whether `word` (any case, NFC) is one well-formed Vietnamese syllable.
    public static func isValid<S: StringProtocol>(_ word: S) -> Bool {
        var letters: [UInt8] = []  // `Letter` raw values, tones removed
        var tone = Tone.level
        for scalar in word.unicodeScalars {
            guard let entry = table[scalar.value] else { return false }
            if entry.tone != .level {
                guard tone == .level, entry.letter.isVowel else { return false }
                tone = entry.tone
            }
            letters.append(entry.letter.rawValue)
            if letters.count > 7 { return false }  // the longest, "nghiêng", has seven letters
        }
        guard !letters.isEmpty else { return false }
        for onset in onsets where onset.count < letters.count && letters.starts(with: onset) {
            if isRhyme(letters[onset.count...], tone: tone) { return true }
        }
        return isRhyme(letters[...], tone: tone)
    }

    /// Whether the letters after an onset form a rhyme the tone may sit on.
    static func isRhyme(_ letters: ArraySlice<UInt8>, tone: Tone) -> Bool {
        let key = Array(letters)
        if openRhymes.contains(key) { return true }
        for coda in codas where coda.letters.count < key.count && key.reversed().starts(with: coda.letters.reversed()) {
            let nucleus = Array(key.dropLast(coda.letters.count))
            guard closedNuclei.contains(nucleus) else { continue }
            if coda.onlyAfterFrontVowels && !frontNuclei.contains(nucleus) { continue }
            // After -c, -ch, -p, -t only the rising and the heavy tone are possible.
            if coda.isStop && tone != .acute && tone != .dotBelow { continue }
            return true
        }
        return false
    }

    /// The five tones and the level (unmarked) one.
    enum Tone: UInt8 { case level, grave, acute, hook, tilde, dotBelow }

    /// The 29 letters of the Vietnamese alphabet plus the f, j, w, z of loanwords (never valid here).
    enum Letter: UInt8 {
        case a, ă, â, b, c, d, đ, e, ê, g, h, i, k, l, m, n, o, ô, ơ, p, q, r, s, t, u, ư, v, x, y, foreign
        var isVowel: Bool {
            switch self {
            case .a, .ă, .â, .e, .ê, .i, .o, .ô, .ơ, .u, .ư, .y: return true
            default: return false
            }
        }
    }

    /// Each letter scalar of either case → its letter and tone; missing scalars are not Vietnamese letters.
    static let table: [UInt32: (letter: Letter, tone: Tone)] = {
        var table: [UInt32: (letter: Letter, tone: Tone)] = [:]
        func enter(_ scalar: Unicode.Scalar, _ letter: Letter, _ tone: Tone) {
            table[scalar.value] = (letter, tone)
            for upper in scalar.properties.uppercaseMapping.unicodeScalars where upper != scalar { table[upper.value] = (letter, tone) }
        }
        let vowels: [(String, Letter)] = [("aàáảãạ", .a), ("ăằắẳẵặ", .ă), ("âầấẩẫậ", .â), ("eèéẻẽẹ", .e), ("êềếểễệ", .ê),
                                          ("iìíỉĩị", .i), ("oòóỏõọ", .o), ("ôồốổỗộ", .ô), ("ơờớởỡợ", .ơ), ("uùúủũụ", .u),
                                          ("ưừứửữự", .ư), ("yỳýỷỹỵ", .y)]
        let tones: [Tone] = [.level, .grave, .acute, .hook, .tilde, .dotBelow]
        for (row, letter) in vowels {
            for (k, scalar) in row.unicodeScalars.enumerated() { enter(scalar, letter, tones[k]) }
        }
        let consonants: [(Unicode.Scalar, Letter)] = [("b", .b), ("c", .c), ("d", .d), ("đ", .đ), ("g", .g), ("h", .h), ("k", .k),
                                                      ("l", .l), ("m", .m), ("n", .n), ("p", .p), ("q", .q), ("r", .r), ("s", .s),
                                                      ("t", .t), ("v", .v), ("x", .x), ("f", .foreign), ("j", .foreign),
                                                      ("w", .foreign), ("z", .foreign)]
        for (scalar, letter) in consonants { enter(scalar, letter, .level) }
        return table
    }()

    /// Letters of a spelling, tone marks ignored (`"ngh"` → [n, g, h]).
    static func spell(_ text: String) -> [UInt8] { text.unicodeScalars.map { table[$0.value]!.letter.rawValue } }

    /// Initial consonants, longest first so that `ngh` is tried before `ng` and `n`.
    static let onsets: [[UInt8]] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                                    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"].map(spell)
    /// Rhymes with no final consonant (semivowel endings included).
    static let openRhymes: Set<[UInt8]> = Set(["a", "ai", "ao", "au", "ay", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu", "iêu",
                                               "o", "oa", "oai", "oao", "oay", "oe", "oeo", "oi", "ô", "ôi", "ơ", "ơi", "u", "ua",
                                               "uây", "uê", "ui", "uôi", "uơ", "uy", "uya", "uyu", "ư", "ưa", "ưi", "ươi", "ươu",
                                               "ưu", "y", "yêu"].map(spell))
    /// Vowel nuclei that take a final consonant.
    static let closedNuclei: Set<[UInt8]> = Set(["a", "ă", "â", "e", "ê", "i", "iê", "yê", "o", "oa", "oă", "oe", "oo", "ô", "ơ",
                                                 "u", "uâ", "uê", "uô", "uy", "uyê", "ư", "ươ"].map(spell))
    /// Nuclei before which -ch and -nh stand (`anh`, `ếch`, `inh`, `oanh`, `uệch`, `huỳnh`).
    static let frontNuclei: Set<[UInt8]> = Set(["a", "ê", "i", "oa", "uê", "uy"].map(spell))
    /// Final consonants.
    static let codas: [(letters: [UInt8], isStop: Bool, onlyAfterFrontVowels: Bool)] = [
        (spell("ch"), true, true), (spell("nh"), false, true), (spell("ng"), false, false),
        (spell("c"), true, false), (spell("m"), false, false), (spell("n"), false, false),
        (spell("p"), true, false), (spell("t"), true, false),
    ]
}
