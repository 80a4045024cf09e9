import HosoText

/// How wide a line of Times New Roman is, near enough to size the rules a paper draws under
/// the motto, the unit and the trích yếu.
///
/// Advance widths (thousandths of an em) of printable ASCII in Times New Roman regular and bold,
/// as Liberation Serif (metric-compatible) has them; a Vietnamese letter counts as its base
/// letter (`Ộ` as `O`, `đ` as `d`), which is within a few per cent of the real glyph.
enum TextWidth {
    /// Width of `text` in points at `size` points.
    static func points(_ text: String, size: Double, bold: Bool) -> Double {
        let table = bold ? Self.bold : Self.regular
        var total = 0
        for character in text {
            total += advance(of: character, in: table)
        }
        return Double(total) * size / 1000
    }

    private static func advance(of character: Character, in table: [Int]) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.value >= 0x20 && scalar.value < 0x7F { return table[Int(scalar.value) - 0x20] }
        if scalar.value == 0x2026 { return 1000 }  // …
        if scalar.value == 0xA0 { return table[0] }  // a no-break space is a space
        let base = Folding.key(String(character)).unicodeScalars
        guard base.count == 1, let letter = base.first, letter.isASCII, letter.properties.isAlphabetic else { return 500 }
        let printed = character.isUppercase ? Unicode.Scalar(UInt8(letter.value) & ~0x20) : letter
        return table[Int(printed.value) - 0x20]
    }

    /// U+0020…U+007E, regular.
    private static let regular = [
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
        500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
        500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    ]

    /// U+0020…U+007E, bold.
    private static let bold = [
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
        500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
        611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
        556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
    ]
}
