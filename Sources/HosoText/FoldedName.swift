/// A name folded by `Folding.name`, hashed once: the key of sets and dictionaries of names.
///
/// A folded name keeps its tones as combining marks at word ends (`placingTones`), so it is not
/// NFC, and String hashes and compares such text by normalizing it each time (about 10,000
/// instructions per hash). This keeps `String`'s meaning exactly — equal when the Strings are `==`
/// (canonically equivalent) — and hashes the name's NFC bytes, which canonically equivalent
/// names share: made by composing each word's tone into its last letter (`composingTones`), a
/// table lookup, for what `Folding.name`'s fast path writes, and by the general normalization
/// for anything else. Equality compares bytes before falling back to `==`.
public struct FoldedName: Hashable, Sendable {
    /// The folded name (`Folding.name`).
    public let string: String
    /// The hash of the name's NFC bytes: the same for canonically equivalent Strings.
    public let nfcHash: Int

    /// The key of an already folded name.
    public init(folded: String) {
        string = folded
        var folded = folded
        nfcHash = folded.withUTF8 { bytes in
            // Composing never lengthens: a letter and a 2-byte mark become one scalar of at most 3 bytes.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
                if let count = Self.composingTones(bytes, into: out) {
                    return Self.hash(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[..<count])))
                }
                let nfc = Array(String(decoding: bytes, as: UTF8.self)._nfcCodeUnits)
                return nfc.withUnsafeBytes { Self.hash($0) }
            }
        }
    }

    /// The key of a name as written.
    public init(_ name: String) {
        self.init(folded: Folding.name(name))
    }

    public static func == (a: FoldedName, b: FoldedName) -> Bool {
        a.nfcHash == b.nfcHash && (sameBytes(a.string, b.string) || a.string == b.string)
    }

    /// Whether two Strings hold the same UTF-8, compared in their storage.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in ByteScan.equal(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) } }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nfcHash)
    }

    /// The hash of NFC bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// The NFC form of UTF-8 text made only of scalars NFC leaves alone (below U+0300 and in
    /// Latin Extended Additional, as `Folding.isSurelyNFC` says) and of single tone marks each
    /// right after a lowercase letter of `toneBases`, which is `Folding.name`'s output: each such
    /// pair written as its precomposed letter (`composedTones`) or left as it is where Unicode
    /// has none. Nil for any other text (two marks in a row, a mark after another scalar, other
    /// scripts): the caller normalizes it the general way.
    static func composingTones(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let composed = composedTones
        var count = 0
        // The row of `toneBases` of the scalar written last and where it starts, while no mark follows it.
        var base = -1, baseStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                base = b &- 0x61 < 26 ? Int(b &- 0x61) : -1
                baseStart = count
                out[count] = b; count += 1; i += 1
                continue
            }
            let (v, length) = UTF8Scalar.decode(bytes, at: i)
            if v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF) {
                base = toneBaseRow(v)
                baseStart = count
                for j in i..<(i + length) { out[count] = bytes[j]; count += 1 }
                i += length
                continue
            }
            guard base >= 0, let tone = Folding.toneMarks.firstIndex(of: v) else { return nil }
            let letter = composed[tone][base]
            if letter == toneBaseScalars[base] {
                for j in i..<(i + length) { out[count] = bytes[j]; count += 1 }
            } else {
                count = baseStart + Folding.encode(letter, into: out, at: baseStart)
            }
            base = -1
            i += length
        }
        return count
    }

    /// The lowercase letters a tone mark may follow in a folded name: the 26 ASCII ones, then
    /// the Vietnamese letters with their own diacritics (tones are taken off vowels before this).
    static let toneBases = "abcdefghijklmnopqrstuvwxyzăâêôơưđ"
    /// `toneBases` as scalars.
    static let toneBaseScalars: [UInt32] = toneBases.unicodeScalars.map(\.value)

    /// The row of `toneBases` of a non-ASCII scalar, or -1.
    @inline(__always)
    static func toneBaseRow(_ v: UInt32) -> Int {
        switch v {
        case 0x103: 26
        case 0xE2: 27
        case 0xEA: 28
        case 0xF4: 29
        case 0x1A1: 30
        case 0x1B0: 31
        case 0x111: 32
        default: -1
        }
    }

    /// For each tone of `Folding.toneMarks` (huyền, sắc, hỏi, ngã, nặng), the NFC of each letter
    /// of `toneBases` followed by it: a precomposed letter, or the letter itself where Unicode has
    /// none (a test checks every entry against the standard library's normalization).
    static let composedTones: [[UInt32]] = [
        "àbcdèfghìjklmǹòpqrstùvẁxỳzằầềồờừđ",
        "ábćdéfǵhíjḱĺḿńóṕqŕśtúvẃxýźắấếốớứđ",
        "ảbcdẻfghỉjklmnỏpqrstủvwxỷzẳẩểổởửđ",
        "ãbcdẽfghĩjklmñõpqrstũṽwxỹzẵẫễỗỡữđ",
        "ạḅcḍẹfgḥịjḳḷṃṇọpqṛṣṭụṿẉxỵẓặậệộợựđ",
    ].map { $0.unicodeScalars.map(\.value) }
}

/// Folded names and the first value entered for each: a dictionary of names hashed once, by
/// their own NFC hash (a `Dictionary` runs each key's hash through SipHash on every lookup).
public struct FoldedNameIndex: Sendable {
    /// Open addressing: each slot holds an entry's index plus one, or 0 when empty.
    private var slots: [Int32]
    private var entries: [(name: FoldedName, value: Int)] = []

    /// An empty index with room for `capacity` names before it grows.
    public init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        entries.reserveCapacity(capacity)
    }

    /// Enters `name` with `value` unless an equal name is there already (the first one stays).
    public mutating func insertIfAbsent(_ name: FoldedName, _ value: Int) {
        let mask = slots.count - 1
        var slot = name.nfcHash & mask
        while slots[slot] != 0 {
            if entries[Int(slots[slot]) - 1].name == name { return }
            slot = (slot + 1) & mask
        }
        entries.append((name, value))
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    /// The value entered with a name equal to `name`, if any.
    public subscript(name: FoldedName) -> Int? {
        let mask = slots.count - 1
        var slot = name.nfcHash & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.name == name { return entry.value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Twice the slots, each entry placed again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, entry) in entries.enumerated() {
            var slot = entry.name.nfcHash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }
}
