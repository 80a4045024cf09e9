/// Reads bytes typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI-Windows) as Unicode.
///
/// The same tables serve two cases: a file whose bytes are legacy (HS001), and mojibake,
/// where the legacy bytes were once read as Latin-1 and saved as UTF-8, so each byte now
/// stands as the scalar of the same value (HS004). Both hand in byte values 0–255.
public enum LegacyDecoder {
    /// The text of legacy bytes in `encoding` (`.tcvn3` or `.vni`), NFC; nil for other encodings.
    ///
    /// Bytes that the encoding leaves unassigned, and VNI mark bytes after no vowel, are kept
    /// as the Latin-1 scalar of the same value, so a wrong guess shows instead of vanishing.
    public static func decode<C: Collection>(_ bytes: C, as encoding: LegacyEncoding) -> String? where C.Element == UInt8 {
        switch encoding {
        case .tcvn3:
            var scalars = String.UnicodeScalarView()
            for b in bytes { scalars.append(Unicode.Scalar(b < 0x80 ? UInt32(b) : tcvn3High[Int(b - 0x80)])!) }
            return Folding.nfc(String(scalars))
        case .vni:
            return decodeVNI(Array(bytes))
        case .windows1258, .unknown:
            return nil
        }
    }

    /// A file's bytes read in `encoding`, keeping any valid UTF-8 sequences as they are (a
    /// header typed in a Unicode editor above a passage pasted as legacy bytes); nil for
    /// encodings it cannot read.
    public static func decodeFile(_ bytes: [UInt8], as encoding: LegacyEncoding) -> String? {
        guard encoding == .tcvn3 || encoding == .vni else { return nil }
        var result = ""
        var legacy: [UInt8] = []
        var i = 0
        bytes.withUnsafeBufferPointer { p in
            while i < p.count {
                if p[i] >= 0x80, let n = SourceDecoder.utf8SequenceLength(p, at: i) {
                    result += decode(legacy, as: encoding)!
                    legacy.removeAll(keepingCapacity: true)
                    result += String(decoding: UnsafeBufferPointer(rebasing: p[i..<(i + n)]), as: UTF8.self)
                    i += n
                } else {
                    legacy.append(p[i])
                    i += 1
                }
            }
        }
        result = Folding.nfc(result + decode(legacy, as: encoding)!)
        return encoding == .tcvn3 ? capitalizingLinesInCapitals(result) : result
    }

    /// TCVN3 capitals are the lowercase codes in a .VnTimeH font: a line whose ASCII letters are
    /// all capitals (`# TÊ TR×NH`, at least two of them) is put in capitals.
    static func capitalizingLinesInCapitals(_ text: String) -> String {
        var lines: [String] = []
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(String.UnicodeScalarView(line))  // by scalars: "\r\n" is one Character
            let ascii = line.utf8.filter { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            lines.append(ascii.count >= 2 && !ascii.contains { $0 >= 0x61 } ? line.uppercased() : line)
        }
        return lines.joined(separator: "\n")
    }

    /// TCVN 5712 bytes 0x80–0xFF → Unicode: the ABC fonts' lowercase block at 0xA1–0xFF and the
    /// capitals of VN1 at 0x80–0x9F; 0xA0 stays a no-break space, 0xB0–0xB4 are the tone marks.
    ///
    /// The sixteen toned capitals VN1 squeezes into the lowercase block (Ằ at 0xAF, Ổ at 0xE0 …)
    /// are read as Latin-1: TCVN3 text writes capitals with a .VnTimeH font on the lowercase
    /// codes, so those bytes almost never mean a capital, while a correct `Là` next to mojibake
    /// must not become `LỔ`.
    static let tcvn3High: [UInt32] = {
        var table = vn1High
        for byte in [0xAF, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF] {
            table[byte - 0x80] = UInt32(byte)
        }
        return table
    }()

    /// TCVN 5712:1993 (VN1) bytes 0x80–0xFF → Unicode.
    static let vn1High: [UInt32] = [
        0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
        0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
        0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
        0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
        0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
        0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
    ]

    /// What a VNI mark byte (either case) adds to the vowel before it.
    enum VNIMark { case tone(UInt32), circumflex(UInt32?), breve(UInt32?) }

    /// VNI mark bytes, lowercase forms (the capital form is 0x20 lower), with the combining
    /// marks they stand for: tones ù ø û õ ï; circumflex â and with a tone á à å ã ä; breve ê
    /// and with a tone é è ú ü ë.
    static let vniMarks: [UInt8: VNIMark] = [
        0xF9: .tone(0x301), 0xF8: .tone(0x300), 0xFB: .tone(0x309), 0xF5: .tone(0x303), 0xEF: .tone(0x323),
        0xE2: .circumflex(nil), 0xE1: .circumflex(0x301), 0xE0: .circumflex(0x300), 0xE5: .circumflex(0x309),
        0xE3: .circumflex(0x303), 0xE4: .circumflex(0x323),
        0xEA: .breve(nil), 0xE9: .breve(0x301), 0xE8: .breve(0x300), 0xFA: .breve(0x309), 0xFC: .breve(0x303), 0xEB: .breve(0x323),
    ]

    /// The combining marks a VNI mark adds to the vowel before it (`base`, lowercase: a, e, o …
    /// or ơ, ư), or nil when the mark does not go on that vowel (a breve only on `a`).
    static func combining(_ mark: VNIMark, onto base: UInt32) -> [UInt32]? {
        switch mark {
        case .tone(let tone): return [tone]
        case .circumflex(let tone) where base == 0x61 || base == 0x65 || base == 0x6F: return [0x302] + (tone.map { [$0] } ?? [])
        case .breve(let tone) where base == 0x61: return [0x306] + (tone.map { [$0] } ?? [])
        default: return nil
        }
    }

    /// VNI bytes that are letters by themselves (lowercase; capitals 0x20 lower): ơ ư đ and the i/y with tones.
    static let vniLetters: [UInt8: UInt32] = [
        0xF4: 0x01A1, 0xF6: 0x01B0, 0xF1: 0x0111, 0xED: 0x00ED, 0xEC: 0x00EC, 0xE6: 0x1EC9, 0xF3: 0x0129, 0xF2: 0x1ECB, 0xEE: 0x1EF5,
    ]

    /// VNI-Windows: a base vowel and the mark byte after it become one letter.
    static func decodeVNI(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        /// The vowel most recently appended (so a mark can attach), its scalar index.
        var lastVowel: (base: UInt32, index: String.UnicodeScalarView.Index)?
        for b in bytes {
            let lower = b >= 0xC0 && b <= 0xDF ? b + 0x20 : b
            let isCapital = lower != b
            if b >= 0xC0, let mark = vniMarks[lower], let vowel = lastVowel {
                if let composed = combining(mark, onto: vowel.base | 0x20) {  // ASCII lowercase, or ơ/ư
                    for mark in composed { scalars.append(Unicode.Scalar(mark)!) }
                    lastVowel = nil
                    continue
                }
            }
            if b >= 0xC0, let letter = vniLetters[lower] {
                let scalar = isCapital ? Unicode.Scalar(letter)!.properties.uppercaseMapping.unicodeScalars.first! : Unicode.Scalar(letter)!
                scalars.append(scalar)
                lastVowel = lower == 0xF4 || lower == 0xF6 ? (scalar.value, scalars.index(before: scalars.endIndex)) : nil
                continue
            }
            scalars.append(Unicode.Scalar(b))
            lastVowel = "aeiouyAEIOUY".utf8.contains(b) ? (UInt32(b), scalars.index(before: scalars.endIndex)) : nil
        }
        return Folding.nfc(String(scalars))
    }

    /// Whether legacy text decodes to Vietnamese: of its words with non-ASCII letters, at least
    /// three, and nine in ten, are well-formed syllables (HS001 offers conversion only then).
    public static func looksVietnamese(_ text: String) -> Bool {
        var words = 0, syllables = 0
        for word in MojibakeScanner.words(of: text) where !word.isASCII {
            words += 1
            if VietnameseSyllable.isValid(word.text) { syllables += 1 }
        }
        return words >= 3 && syllables * 10 >= words * 9
    }
}
