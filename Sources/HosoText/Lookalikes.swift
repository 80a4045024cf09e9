/// Letters that look Vietnamese but are not, and the letters they stand for (HS003's mapping).
///
/// Names are compared and quoted with these repaired: a nominee written `Ðinh` (Ð U+00D0) is
/// the `Đinh` of the vote line, and a message never asks anyone to copy the fake letter.
public enum Lookalikes {
    /// The look-alikes of Đ and đ: Ð (U+00D0), Ɖ (U+0189), ð (U+00F0), ɖ (U+0256).
    public static func isDLookalike(_ scalar: UInt32) -> Bool {
        scalar == 0xD0 || scalar == 0x189 || scalar == 0xF0 || scalar == 0x256
    }

    /// The Vietnamese letter a look-alike of Đ or đ stands for.
    public static func dLetter(_ scalar: UInt32) -> String { scalar == 0xD0 || scalar == 0x189 ? "Đ" : "đ" }

    /// Cyrillic and Greek letters that look like Latin ones, with the Latin letter meant.
    public static let latinLetter: [UInt32: String] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0456: "i",
        0x0458: "j", 0x0455: "s", 0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M", 0x041D: "H",
        0x041E: "O", 0x0420: "P", 0x0421: "C", 0x0422: "T", 0x0425: "X", 0x0406: "I", 0x0405: "S", 0x0408: "J",
        0x03BF: "o", 0x03B1: "a", 0x039F: "O", 0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0397: "H", 0x0399: "I",
        0x039A: "K", 0x039C: "M", 0x039D: "N", 0x03A1: "P", 0x03A4: "T", 0x03A7: "X", 0x03A5: "Y", 0x0396: "Z",
        0x03BD: "v", 0x03C1: "p", 0x03B9: "i",
    ]

    /// Whether the text has a look-alike of Đ/đ or a Greek or Cyrillic scalar, by the bytes
    /// that start them: Ð C3 90, ð C3 B0, Ɖ C6 89, ɖ C9 96; U+0370–U+04FF are CD B0 to D3 BF.
    static func mayHaveLookalikes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                let b = bytes[i], next = bytes[i + 1]
                i += 1
                guard b >= 0xC3 && b <= 0xD3 else { continue }
                switch b {
                case 0xC3: if next == 0x90 || next == 0xB0 { return true }
                case 0xC6: if next == 0x89 { return true }
                case 0xC9: if next == 0x96 { return true }
                case 0xCD: if next >= 0xB0 { return true }
                case 0xCE...0xD3: return true
                default: break
                }
            }
            return false
        }
    }

    /// Whether a scalar is Greek or Cyrillic.
    public static func isGreekOrCyrillic(_ scalar: UInt32) -> Bool { (0x0370...0x04FF).contains(scalar) }

    /// Whether a scalar is a Latin letter: ASCII, Latin-1 to IPA, or Latin Extended Additional.
    public static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x80 && scalar.properties.isAlphabetic) || (v >= 0xC0 && v < 0x250) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// The text with every look-alike HS003 repairs replaced by the letter meant: Ð/ð/Ɖ/ɖ by Đ/đ
    /// everywhere, and Greek or Cyrillic look-alikes inside a Latin word when every foreign letter
    /// of the word has a Latin twin (as HS003's fix does). Text without them is returned as is.
    public static func repaired(_ text: String) -> String {
        guard mayHaveLookalikes(text) else { return text }
        var out = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        func flushWord() {
            let mixed = word.contains { isLatinLetter($0) }
                && word.allSatisfy { !isGreekOrCyrillic($0.value) || latinLetter[$0.value] != nil }
            for scalar in word {
                if isGreekOrCyrillic(scalar.value), mixed, let latin = latinLetter[scalar.value] {
                    out.append(contentsOf: latin.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isDLookalike(scalar.value) {
                word.append(contentsOf: dLetter(scalar.value).unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || Folding.isCombiningMark(scalar.value) {
                word.append(scalar)
            } else {
                flushWord()
                out.append(scalar)
            }
        }
        flushWord()
        return String(out)
    }

    /// Whether `name` may hold a run of spaces or a space other than U+0020: one pass over its
    /// bytes for two spaces in a row, a tab, or the lead byte of a Unicode space (U+00A0 starts
    /// with C2, U+2000–U+202F with E2, U+3000 with E3; Vietnamese letters never do). Names are
    /// quoted in many messages, so this stays off the String search algorithms.
    static func mayHaveOddSpaces(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if (byte == 0x20 && previous == 0x20) || byte == 0x09 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 {
                return true
            }
            previous = byte
        }
        return false
    }

    /// A name as messages quote it and fixes write it: look-alikes repaired, each run of spaces
    /// (tabs and Word's Unicode spaces included) written as one space.
    public static func shownName(_ name: String) -> String {
        let name = repaired(name)
        guard mayHaveOddSpaces(name) else { return name }
        return name.split(whereSeparator: { $0.unicodeScalars.allSatisfy { Folding.isSpace($0.value) } })
            .joined(separator: " ")
    }
}
