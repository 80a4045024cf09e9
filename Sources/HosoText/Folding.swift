/// Vietnamese-aware text folding and normalization used for matching names of things.
///
/// docs/format.md, "Recognition": titles, keys, rating phrases and award forms match after folding case,
/// diacritics (đ→d included), tone placement and runs of spaces; Markdown emphasis is ignored.
/// Names of people are compared with `Folding.name`, which keeps diacritics.
public enum Folding {
    /// Folds text to its matching key: no diacritics, lowercase, single spaces, no `*`, trimmed.
    ///
    /// "Chức  vụ", "CHUC VU" and "**Chức vụ**" all fold to "chuc vu". Look-alike letters of
    /// Đ/đ (Ð, ð, Ɖ, ɖ) fold to "d" so that HS003 text still finds its structure.
    public static func key(_ text: String) -> String {
        var text = text
        return text.withUTF8 { key(utf8: $0) }
    }

    /// `key` of a substring, without copying it first.
    public static func key(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { key(utf8: $0) }
    }

    /// `key` of UTF-8 bytes (a range of a source buffer, say), straight to the folded String.
    public static func key(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        fastFold(bytes, .key) ?? slowKey(bytes)
    }

    /// What `fastFold` computes: a matching key, or a name.
    enum FoldMode { case key, name }

    /// The one-pass fold behind `key` and `name`, on UTF-8 straight into the result String.
    ///
    /// ASCII, the precomposed Latin letters of the flat tables, combining marks (`key` drops
    /// them) and spaces fold in place, never longer than the input; nil when another scalar
    /// (rare: Greek, Cyrillic, symbols, letters whose lowercase is longer) needs the general path.
    @inline(__always)
    static func fastFold(_ bytes: UnsafeBufferPointer<UInt8>, _ mode: FoldMode) -> String? {
        if bytes.isEmpty { return "" }
        var needsSlowPath = false
        let folded = String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
            guard let count = fastFold(bytes, mode, into: out) else { needsSlowPath = true; return 0 }
            return count
        }
        return needsSlowPath ? nil : folded
    }

    /// `fastFold` into a buffer of at least `bytes.count` bytes: how many bytes it wrote, or nil
    /// when a scalar needs the general path.
    @inline(__always)
    static func fastFold(_ bytes: UnsafeBufferPointer<UInt8>, _ mode: FoldMode, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        // The tables once, not through their lazy accessors for every letter; as pointers, so
        // a call retains and releases nothing (most calls fold one short word).
        let tables = foldTables
        var count = 0
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                // Letters and digits (above '*') first: most bytes folded are.
                if b <= 0x2A {
                    // '*' (emphasis) vanishes from a key and separates words of a name.
                    if b == 0x2A { if mode == .name { pendingSpace = count > 0 }; continue }
                    if b == 0x20 || b == 0x09 { pendingSpace = count > 0; continue }
                }
                if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                out[count] = b &- 0x41 < 26 ? b | 0x20 : b
                count += 1
                continue
            }
            let (v, length) = UTF8Scalar.decode(bytes, at: i)
            i += length
            // The tables hold letters only (never a mark or a space): a letter found there is
            // written before the other tests are made.
            let mapped: UInt32
            switch mode {
            case .key:
                mapped = UInt32(v < latinEnd ? tables.latinBase[Int(v)] : v >= 0x1E00 && v <= 0x1EFF ? tables.extendedBase[Int(v - 0x1E00)] : 0)
                if mapped != 0 {
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = UInt8(truncatingIfNeeded: mapped)  // an ASCII base letter
                    count += 1
                    continue
                }
                if isCombiningMark(v) { continue }
                if isSpace(v) { pendingSpace = count > 0; continue }
                return nil
            case .name:
                mapped = v < latinEnd ? tables.latinLower[Int(v)] : v >= 0x1E00 && v <= 0x1EFF ? tables.extendedLower[Int(v - 0x1E00)] : 0
                if mapped == 0 {
                    if isSpace(v) { pendingSpace = count > 0; continue }
                    return nil
                }
            }
            if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
            count += encode(mapped, into: out, at: count)
        }
        return count
    }

    /// `key` of UTF-8 bytes into a buffer of at least `bytes.count` bytes, without making a
    /// String: how many bytes it wrote, or nil when the key needs the general path (`key(utf8:)`
    /// gives it then).
    public static func fastKey(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        fastFold(bytes, .key, into: out)
    }

    /// `key` for text with scalars outside the flat tables: lowercases them by Unicode.
    static func slowKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b == 0x2A { continue }
                if b == 0x20 || b == 0x09 { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b &- 0x41 < 26 ? b | 0x20 : b)
                continue
            }
            let (v, length) = UTF8Scalar.decode(bytes, at: i)
            i += length
            if isCombiningMark(v) { continue }
            if isSpace(v) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if v < latinEnd, latinBase[Int(v)] != 0 {
                out.append(latinBase[Int(v)])
            } else if v >= 0x1E00 && v <= 0x1EFF, extendedBase[Int(v - 0x1E00)] != 0 {
                out.append(extendedBase[Int(v - 0x1E00)])
            } else if let scalar = Unicode.Scalar(v) {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Normalizes a person's or collective's name for comparison: NFC, lowercase, single spaces,
    /// emphasis removed, look-alike letters repaired (`Lookalikes`: "Ðinh" with Ð U+00D0 is
    /// "Đinh"); diacritics are kept ("Hoa", "Hòa" and "Hóa" stay different).
    public static func name(_ text: String) -> String {
        var text = text
        return text.withUTF8 { name(utf8: $0) }
    }

    /// `name` of a substring, without copying it first.
    public static func name(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { name(utf8: $0) }
    }

    /// `name` of UTF-8 bytes: one pass with flat lowercase tables for precomposed Latin text
    /// (all of Vietnamese); decomposed text and other scripts take `slowName`.
    public static func name(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard isSurelyNFC(bytes), !bytes.isEmpty else { return bytes.isEmpty ? "" : slowName(bytes) }
        // The fold never lengthens the text; the tones are placed from it into the one String made.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            guard let count = fastFold(bytes, .name, into: buffer) else { return slowName(bytes) }
            let folded = UnsafeBufferPointer(rebasing: buffer[..<count])
            return placingTones(utf8: folded) ?? String(decoding: folded, as: UTF8.self)
        }
    }

    /// `name` by the general Unicode algorithms (NFC, then full lowercasing).
    static func slowName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = Lookalikes.repaired(String(decoding: bytes, as: UTF8.self))
        let collapsed = text.split(whereSeparator: { c in
            c == "*" || c.unicodeScalars.allSatisfy { isSpace($0.value) }
        }).joined(separator: " ")
        return placingTones(nfc(collapsed).lowercased())
    }

    /// Whether a scalar is a space for matching: space, tab, and the Unicode spaces Word
    /// pastes (U+00A0, U+2000–U+200A, U+202F, U+3000).
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x3000
    }

    /// A lowercase NFC name with each word's tone mark taken off its vowel and written as a
    /// combining mark at the word's end, so old and new tone placement give the same key
    /// ("thuỷ" and "thủy" → "thuy" + U+0309; "hoà" and "hòa" → "hoa" + U+0300) while the
    /// tones themselves still tell names apart ("hoa", "hòa", "hóa").
    static func placingTones(_ name: String) -> String {
        var name = name
        return name.withUTF8 { placingTones(utf8: $0) } ?? name
    }

    /// `placingTones` on UTF-8 bytes, in one pass with flat tables; nil when no vowel has a tone.
    static func placingTones(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var first = 0
        while first < bytes.count {
            if bytes[first] < 0x80 { first += 1; continue }
            let (v, length) = UTF8Scalar.decode(bytes, at: first)
            if toneOf(v) != 0 { break }
            first += length
        }
        guard first < bytes.count else { return nil }
        // A vowel of 2 or 3 bytes becomes its base (1 to 3 bytes) plus a 2-byte mark.
        return String(unsafeUninitializedCapacity: bytes.count * 2) { out -> Int in
            var count = 0
            for j in 0..<first { out[count] = bytes[j]; count += 1 }
            // No vowel before `first` has a tone, so a word's tones are those from here to its end.
            var wordStart = first
            var i = first
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20 { count = writeTones(of: bytes, wordStart..<i, into: out, at: count); wordStart = i }
                    out[count] = b; count += 1; i += 1
                    continue
                }
                let (v, length) = UTF8Scalar.decode(bytes, at: i)
                let entry = toneOf(v)
                if entry != 0 {
                    count += encode(entry >> 8, into: out, at: count)
                } else {
                    for j in i..<(i + length) { out[count] = bytes[j]; count += 1 }
                }
                i += length
            }
            return writeTones(of: bytes, wordStart..<bytes.count, into: out, at: count)
        }
    }

    /// Writes the tone marks of the toned vowels in `range` of `bytes`, in their order, at
    /// `offset`; returns where they end.
    @inline(__always)
    static func writeTones(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>,
                           at offset: Int) -> Int {
        var count = offset
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] < 0x80 { i += 1; continue }
            let (v, length) = UTF8Scalar.decode(bytes, at: i)
            let entry = toneOf(v)
            if entry != 0 { count += encode(toneMarks[Int(entry & 0xFF)], into: out, at: count) }
            i += length
        }
        return count
    }

    /// The tone marks, in the order of the rows of `tonedVowelRows` (huyền, sắc, hỏi, ngã, nặng).
    static let toneMarks: [UInt32] = [0x300, 0x301, 0x309, 0x303, 0x323]

    /// Each lowercase Vietnamese vowel, then that vowel with each tone of `toneMarks`.
    static let tonedVowelRows = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ",
                                 "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"]

    /// A toned lowercase vowel → its toneless vowel << 8 | its tone's index in `toneMarks`; 0 for
    /// any other scalar.
    @inline(__always)
    static func toneOf(_ v: UInt32) -> UInt32 {
        v < latinEnd ? latinTones[Int(v)] : v >= 0x1E00 && v <= 0x1EFF ? extendedTones[Int(v - 0x1E00)] : 0
    }

    /// `toneOf` for U+0000–U+025F and for Latin Extended Additional (U+1E00–U+1EFF): flat tables.
    static let (latinTones, extendedTones): ([UInt32], [UInt32]) = {
        var latin = [UInt32](repeating: 0, count: Int(latinEnd))
        var extended = [UInt32](repeating: 0, count: 0x100)
        for row in tonedVowelRows {
            let scalars = Array(row.unicodeScalars)
            for k in 1..<6 {
                let v = scalars[k].value, entry = scalars[0].value << 8 | UInt32(k - 1)
                if v < latinEnd { latin[Int(v)] = entry } else { extended[Int(v - 0x1E00)] = entry }
            }
        }
        return (latin, extended)
    }()

    /// Writes a scalar's UTF-8 at `offset`, returning how many bytes it took.
    @inline(__always)
    static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        if v < 0x80 { out[offset] = UInt8(v); return 1 }
        if v < 0x800 {
            out[offset] = UInt8(0xC0 | v >> 6); out[offset + 1] = UInt8(0x80 | v & 0x3F)
            return 2
        }
        out[offset] = UInt8(0xE0 | v >> 12); out[offset + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
        out[offset + 2] = UInt8(0x80 | v & 0x3F)
        return 3
    }

    /// Where the first flat tables end: U+0000–U+025F, Latin-1, Extended-A and -B and the IPA
    /// letters up to ɖ (U+0256), a look-alike of đ.
    static let latinEnd: UInt32 = 0x260

    /// Lowercase of U+0000–U+025F for the letters of `letters` (Đ, Ơ, Ư …); 0 elsewhere (the slow path).
    static let latinLower: [UInt32] = {
        var table = [UInt32](repeating: 0, count: Int(latinEnd))
        for letter in letters where letter.scalar < latinEnd { table[Int(letter.scalar)] = letter.lower }
        // A name with a look-alike of Đ/đ is the name with the letter meant (HS003 reports the fake).
        for lookalike: UInt32 in [0xD0, 0x189, 0xF0, 0x256] { table[Int(lookalike)] = 0x111 }
        return table
    }()

    /// Lowercase of Latin Extended Additional (U+1E00–U+1EFF) for the letters of `letters`.
    static let extendedLower: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x100)
        for letter in letters where letter.scalar >= 0x1E00 && letter.scalar <= 0x1EFF { table[Int(letter.scalar - 0x1E00)] = letter.lower }
        return table
    }()

    /// The text in Unicode NFC (composed, "dựng sẵn").
    public static func nfc<S: StringProtocol>(_ text: S) -> String {
        let string = String(text)
        return isSurelyNFC(string) ? string : String(decoding: string._nfcCodeUnits, as: UTF8.self)
    }

    /// `nfc` of UTF-8 bytes (valid ones: a range of a source text), made into one String.
    public static func nfc(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        return isSurelyNFC(bytes) ? string : String(decoding: string._nfcCodeUnits, as: UTF8.self)
    }

    /// A fast check that holds for precomposed Vietnamese: every scalar below U+0300 or in
    /// Latin Extended Additional (U+1E00–U+1EFF), none of which NFC changes.
    static func isSurelyNFC(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { isSurelyNFC($0) }
    }

    /// `isSurelyNFC` of UTF-8 bytes.
    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b < 0xCC || (b >= 0x80 && b < 0xC0) { continue }
            if b == 0xE1, i < bytes.count, bytes[i] >= 0xB8 && bytes[i] <= 0xBB { i += 1; continue }
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

    /// The four flat tables as pointers to copies made once and kept for the process's life.
    struct FoldTables: @unchecked Sendable {  // read-only after they are made
        let latinBase: UnsafePointer<UInt8>, extendedBase: UnsafePointer<UInt8>
        let latinLower: UnsafePointer<UInt32>, extendedLower: UnsafePointer<UInt32>
    }

    static let foldTables: FoldTables = {
        func kept<T>(_ table: [T]) -> UnsafePointer<T> {
            let copy = UnsafeMutablePointer<T>.allocate(capacity: table.count)
            copy.initialize(from: table, count: table.count)
            return UnsafePointer(copy)
        }
        return FoldTables(latinBase: kept(latinBase), extendedBase: kept(extendedBase), latinLower: kept(latinLower),
                          extendedLower: kept(extendedLower))
    }()

    /// Base letters of U+0000–U+025F (0 where a scalar has none): a flat table for speed.
    static let latinBase: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(latinEnd))
        for letter in letters where letter.scalar < latinEnd { table[Int(letter.scalar)] = letter.base }
        return table
    }()

    /// Base letters of Latin Extended Additional (U+1E00–U+1EFF), where most Vietnamese letters are.
    static let extendedBase: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x100)
        for letter in letters where letter.scalar >= 0x1E00 && letter.scalar <= 0x1EFF { table[Int(letter.scalar - 0x1E00)] = letter.base }
        return table
    }()

    /// The precomposed Latin letters the fast folds know (Vietnamese and the look-alikes of đ),
    /// in both cases, each with its ASCII base and its lowercase. The four flat tables above are
    /// built from this list, not from Unicode's full case data, to keep start-up short; any
    /// other letter takes the general path.
    static let letters: [(scalar: UInt32, base: UInt8, lower: UInt32)] = {
        let groups: [(UInt8, String)] = [
            (0x61, "aàáảãạăằắẳẵặâầấẩẫậäåā"), (0x65, "eèéẻẽẹêềếểễệëē"), (0x69, "iìíỉĩịïī"),
            (0x6F, "oòóỏõọôồốổỗộơờớởỡợöō"), (0x75, "uùúủũụưừứửữựüū"), (0x79, "yỳýỷỹỵÿ"),
            (0x64, "dđðɖ"), (0x63, "cç"), (0x6E, "nñ"),
        ]
        var result: [(scalar: UInt32, base: UInt8, lower: UInt32)] = []
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars where scalar.value >= 0x80 {
                result.append((scalar.value, base, scalar.value))
                for upper in scalar.properties.uppercaseMapping.unicodeScalars where upper.value >= 0x80 {
                    result.append((upper.value, base, scalar.value))
                }
            }
        }
        return result
    }()
}
