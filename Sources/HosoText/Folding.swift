/// Vietnamese-aware text folding and normalization used for matching names of things.
///
/// FORMAT.md: titles, keys, rating phrases and award forms match after folding case,
/// diacritics (đ→d included), tone placement and runs of spaces; Markdown emphasis is ignored.
/// Names of people are compared with `Folding.name`, which keeps diacritics.
public enum Folding {
    /// Folds text to its matching key: no diacritics, lowercase, single spaces, no `*`, trimmed.
    ///
    /// "Chức  vụ", "CHUC VU" and "**Chức vụ**" all fold to "chuc vu". Look-alike letters of
    /// Đ/đ (Ð, ð, Ɖ, ɖ) fold to "d" so that HS003 text still finds its structure.
    public static func key<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var bytes = text.utf8.makeIterator()
        while let b = bytes.next() {
            if b < 0x80 {
                if b == 0x2A { continue }                                  // '*' emphasis
                if b == 0x20 || b == 0x09 { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                continue
            }
            // Decode the scalar from its lead byte and continuation bytes.
            var v: UInt32
            let extra: Int
            if b < 0xE0 { v = UInt32(b & 0x1F); extra = 1 } else if b < 0xF0 { v = UInt32(b & 0x0F); extra = 2 } else { v = UInt32(b & 0x07); extra = 3 }
            for _ in 0..<extra { v = v << 6 | UInt32((bytes.next() ?? 0x80) & 0x3F) }
            if isCombiningMark(v) { continue }
            if v == 0xA0 || v == 0x3000 || (v >= 0x2000 && v <= 0x200A) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if v < 0x250, latinBase[Int(v)] != 0 {
                out.append(latinBase[Int(v)])
            } else if v >= 0x1E00 && v <= 0x1EFF, extendedBase[Int(v - 0x1E00)] != 0 {
                out.append(extendedBase[Int(v - 0x1E00)])
            } else if let scalar = Unicode.Scalar(v) {
                out.append(contentsOf: Array(scalar.properties.lowercaseMapping.utf8))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `key` for ASCII-only text, straight from the bytes.
    static func asciiKey<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in bytes {
            if b == 0x2A { continue }
            if b == 0x20 || b == 0x09 { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Normalizes a person's or collective's name for comparison: NFC, lowercase, single spaces,
    /// emphasis removed; diacritics are kept ("Hoa", "Hòa" and "Hóa" stay different).
    public static func name<S: StringProtocol>(_ text: S) -> String {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "\u{A0}" })
            .joined(separator: " ")
        return nfc(collapsed).lowercased()
    }

    /// The text in Unicode NFC (composed, "dựng sẵn").
    public static func nfc<S: StringProtocol>(_ text: S) -> String {
        let string = String(text)
        return isSurelyNFC(string) ? string : String(decoding: string._nfcCodeUnits, as: UTF8.self)
    }

    /// A fast check that holds for precomposed Vietnamese: every scalar below U+0300 or in
    /// Latin Extended Additional (U+1E00–U+1EFF), none of which NFC changes.
    static func isSurelyNFC(_ string: String) -> Bool {
        var utf8 = string.utf8.makeIterator()
        while let b = utf8.next() {
            if b < 0xCC || (b >= 0x80 && b < 0xC0) { continue }
            if b == 0xE1, let b1 = utf8.next(), b1 >= 0xB8 && b1 <= 0xBB { continue }
            return false
        }
        return true
    }

    /// Whether a scalar is a combining diacritical mark (the blocks Vietnamese NFD text uses).
    @inline(__always)
    public static func isCombiningMark(_ v: UInt32) -> Bool {
        (v >= 0x300 && v <= 0x36F) || (v >= 0x1DC0 && v <= 0x1DFF) || (v >= 0x20D0 && v <= 0x20FF)
            || (v >= 0xFE20 && v <= 0xFE2F)
    }

    /// Levenshtein distance between two strings, by scalars (for "did you mean" suggestions).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `text` by edit distance of folded keys, if it is near enough
    /// (at most a third of the longer key, and at least 2 edits allowed).
    public static func nearest(_ text: String, among candidates: [String]) -> String? {
        let folded = key(text)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(folded, key(candidate))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, max(folded.unicodeScalars.count, key(candidate).unicodeScalars.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// Base letters of U+0000–U+024F (0 where a scalar has none): a flat table for speed.
    static let latinBase: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x250)
        for (scalar, base) in baseLetters where scalar < 0x250 { table[Int(scalar)] = base }
        return table
    }()

    /// Base letters of Latin Extended Additional (U+1E00–U+1EFF), where most Vietnamese letters are.
    static let extendedBase: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x100)
        for (scalar, base) in baseLetters where scalar >= 0x1E00 && scalar <= 0x1EFF { table[Int(scalar - 0x1E00)] = base }
        return table
    }()

    /// Precomposed Latin letters (Vietnamese and the look-alikes of đ) mapped to their ASCII base.
    static let baseLetters: [UInt32: UInt8] = {
        let groups: [(UInt8, String)] = [
            (0x61, "aàáảãạăằắẳẵặâầấẩẫậäåā"), (0x65, "eèéẻẽẹêềếểễệëē"), (0x69, "iìíỉĩịïī"),
            (0x6F, "oòóỏõọôồốổỗộơờớởỡợöō"), (0x75, "uùúủũụưừứửữựüū"), (0x79, "yỳýỷỹỵÿ"),
            (0x64, "dđðɖ"), (0x63, "cç"), (0x6E, "nñ"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars where scalar.value >= 0x80 {
                table[scalar.value] = base
                for upper in scalar.properties.uppercaseMapping.unicodeScalars where upper.value >= 0x80 {
                    table[upper.value] = base
                }
            }
        }
        table[0x0189] = 0x64  // Ɖ African D
        return table
    }()
}
