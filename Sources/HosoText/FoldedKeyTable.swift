/// A few folded keys (`Folding.key`) and their values, looked up by the UTF-8 of a key: a
/// campaign names a handful of ratings or report sections, and comparing bytes with each beats
/// making a String of the key and hashing it (`SourceText.withKey` folds without a String).
public struct FoldedKeyTable<Value: Sendable>: Sendable {
    /// The keys' UTF-8 laid end to end, in the order they were entered.
    @usableFromInline let keyBytes: [UInt8]
    /// Where each key of `keyBytes` ends, with its value.
    @usableFromInline let entries: [(end: Int, value: Value)]

    /// The table of `keys` (folded already); the first of equal keys wins, as a dictionary
    /// filled with "only if absent" would have it.
    public init(_ keys: [(key: String, value: Value)]) {
        var bytes: [UInt8] = [], entries: [(end: Int, value: Value)] = [], seen: Set<String> = []
        for (key, value) in keys where seen.insert(key).inserted {
            bytes += Array(key.utf8)
            entries.append((bytes.count, value))
        }
        keyBytes = bytes
        self.entries = entries
    }

    /// The value of the key whose UTF-8 is `key`, byte for byte.
    @inlinable
    public func value(forKey key: UnsafeBufferPointer<UInt8>) -> Value? {
        keyBytes.withUnsafeBufferPointer { all in
            var start = 0
            for index in entries.indices {
                let end = entries[index].end
                defer { start = end }
                guard end - start == key.count else { continue }
                var k = 0
                while k < key.count && all[start + k] == key[k] { k += 1 }
                if k == key.count { return entries[index].value }
            }
            return nil
        }
    }
}
