/// FNV-1a, 64-bit: a small, fast, stable hash (the same bytes give the same value on every
/// machine and run, unlike Swift's seeded `Hasher`). Not cryptographic: it names findings,
/// it does not protect anything.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// Adds a string's UTF-8 and a NUL after it, so fields cannot run into each other.
    mutating func add(field: String) {
        add(field.utf8)
        add(CollectionOfOne(0))
    }

    /// The value as 16 lowercase hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
