/// Byte-level tests for the characters that recognition skips: Unicode spaces, Markdown
/// emphasis and the punctuation that may follow a date or a number (docs/format.md,
/// "Recognition"). Everything here looks at UTF-8 bytes (an array or a buffer, indexed from 0),
/// never at Characters.
public enum ByteClass {
    /// The length of the space at `i` (space, tab, U+00A0, U+2000–U+200A, U+202F, U+3000), or 0.
    @inlinable
    public static func spaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int, end: Int) -> Int where Bytes.Index == Int {
        let b = bytes[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xC2 { return i + 1 < end && bytes[i + 1] == 0xA0 ? 2 : 0 }
        guard b == 0xE2 || b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80 else { return 0 }
        let c = bytes[i + 2]
        if b == 0xE3 { return c == 0x80 ? 3 : 0 }
        return (c >= 0x80 && c <= 0x8A) || c == 0xAF ? 3 : 0
    }

    /// The length of the space that ends just before `i` (not reaching below `start`), or 0.
    @inlinable
    public static func spaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, before i: Int, start: Int) -> Int where Bytes.Index == Int {
        guard i > start else { return 0 }
        let b = bytes[i - 1]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xA0 { return i - 2 >= start && bytes[i - 2] == 0xC2 ? 2 : 0 }
        guard i - 3 >= start, b >= 0x80, b < 0xC0 else { return 0 }
        return spaceLength(bytes, at: i - 3, end: i) == 3 ? 3 : 0
    }

    /// The length of a list bullet that Word pastes in place of `- ` at `i`, or 0: • ‣ ◦ ⁃ ∙ · ● ○ ■ ▪ ► ➢,
    /// the en and em dash – —, and the Symbol and Wingdings bullets of Word's private use area
    /// (U+F0A7, U+F0B7). ASCII markers (`-`, `+`, `*`, digits) are not bullets here.
    @inlinable
    public static func bulletLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int, end: Int) -> Int where Bytes.Index == Int {
        let b = bytes[i]
        if b == 0xC2 { return i + 1 < end && bytes[i + 1] == 0xB7 ? 2 : 0 }  // ·
        guard (b == 0xE2 || b == 0xEF), i + 2 < end else { return 0 }
        switch (b, bytes[i + 1], bytes[i + 2]) {
        case (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94), (0xE2, 0x80, 0xA2), (0xE2, 0x80, 0xA3),  // – — • ‣
             (0xE2, 0x81, 0x83), (0xE2, 0x88, 0x99),  // ⁃ ∙
             (0xE2, 0x96, 0xA0), (0xE2, 0x96, 0xAA), (0xE2, 0x96, 0xBA),  // ■ ▪ ►
             (0xE2, 0x97, 0x8B), (0xE2, 0x97, 0x8F), (0xE2, 0x97, 0xA6),  // ○ ● ◦
             (0xE2, 0x9E, 0xA2), (0xEF, 0x82, 0xA7), (0xEF, 0x82, 0xB7):  // ➢ U+F0A7 U+F0B7
            return 3
        default:
            return 0
        }
    }

    /// The length of a dash that looks like the hyphen-minus `-` at `i`, or 0: the hyphen and
    /// non-breaking hyphen (U+2010, U+2011), figure, en, em dash and horizontal bar (U+2012–U+2015),
    /// the minus sign (U+2212) and the small and full-width hyphen-minus (U+FE63, U+FF0D).
    @inlinable
    public static func dashLookalikeLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int, end: Int) -> Int where Bytes.Index == Int {
        let b = bytes[i]
        guard (b == 0xE2 || b == 0xEF), i + 2 < end else { return 0 }
        let c = bytes[i + 1], d = bytes[i + 2]
        if b == 0xE2 { return (c == 0x80 && d >= 0x90 && d <= 0x95) || (c == 0x88 && d == 0x92) ? 3 : 0 }
        return (c == 0xB9 && d == 0xA3) || (c == 0xBC && d == 0x8D) ? 3 : 0
    }

    /// The length of a quotation mark at `i` (`"` `'` “ ” ‘ ’ „ « »), or 0.
    @inlinable
    public static func quoteLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int, end: Int) -> Int where Bytes.Index == Int {
        let b = bytes[i]
        if b == 0x22 || b == 0x27 { return 1 }
        if b == 0xC2 { return i + 1 < end && (bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB) ? 2 : 0 }
        guard b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 else { return 0 }
        let c = bytes[i + 2]
        return c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x9E ? 3 : 0
    }

    /// The length of a quotation mark that ends just before `i` (not reaching below `start`), or 0.
    @inlinable
    public static func quoteLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, before i: Int, start: Int) -> Int where Bytes.Index == Int {
        guard i > start else { return 0 }
        if bytes[i - 1] < 0x80 { return quoteLength(bytes, at: i - 1, end: i) }
        if i - 2 >= start, quoteLength(bytes, at: i - 2, end: i) == 2 { return 2 }
        if i - 3 >= start, quoteLength(bytes, at: i - 3, end: i) == 3 { return 3 }
        return 0
    }

    /// `*` or `_`: Markdown emphasis delimiters.
    @inlinable
    public static func isEmphasis(_ b: UInt8) -> Bool { b == 0x2A || b == 0x5F }

    /// `range` without the spaces (Unicode ones too) and emphasis marks (`*`, `_`) at its ends.
    public static func trimmingSpacesAndEmphasis(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b {
            let n = spaceLength(bytes, at: a, end: b)
            if n > 0 { a += n } else if isEmphasis(bytes[a]) { a += 1 } else { break }
        }
        while b > a {
            let n = spaceLength(bytes, before: b, start: a)
            if n > 0 { b -= n } else if isEmphasis(bytes[b - 1]) { b -= 1 } else { break }
        }
        return a..<b
    }

    /// The length of the punctuation at `i` that may close a date, a number or a phrase:
    /// `. , ; : ) ] * _ " ' ! ?`, and the closing quotes ” ’ » and the ellipsis …; 0 otherwise.
    @inlinable
    public static func closingPunctuationLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int, end: Int) -> Int where Bytes.Index == Int {
        switch bytes[i] {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x29, 0x5D, 0x2A, 0x5F, 0x22, 0x27, 0x21, 0x3F: return 1
        case 0xC2: return i + 1 < end && bytes[i + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard i + 2 < end, bytes[i + 1] == 0x80 else { return 0 }
            return [0x9D, 0x99, 0xA6].contains(bytes[i + 2]) ? 3 : 0
        default: return 0
        }
    }

    /// Whether `range` holds only closing punctuation (true when empty).
    @inlinable
    public static func isClosingPunctuation<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Bool where Bytes.Index == Int {
        var i = range.lowerBound
        while i < range.upperBound {
            let n = closingPunctuationLength(bytes, at: i, end: range.upperBound)
            guard n > 0 else { return false }
            i += n
        }
        return true
    }

    /// Where `range` ends without its trailing closing punctuation.
    @inlinable
    public static func endWithoutClosingPunctuation<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Int where Bytes.Index == Int {
        var e = range.upperBound
        while e > range.lowerBound {
            let b = bytes[e - 1]
            if b < 0x80 {
                guard closingPunctuationLength(bytes, at: e - 1, end: e) == 1 else { break }
                e -= 1
            } else if e - 2 >= range.lowerBound, closingPunctuationLength(bytes, at: e - 2, end: e) == 2 {
                e -= 2
            } else if e - 3 >= range.lowerBound, closingPunctuationLength(bytes, at: e - 3, end: e) == 3 {
                e -= 3
            } else {
                break
            }
        }
        return e
    }
}
