/// A name folded by `Folding.name`, hashed once: the key of sets and dictionaries of names.
///
/// A folded name keeps its tones as combining marks (`placingTones`), so it is not NFC, and
/// String hashes and compares such text by normalizing it each time (thousands of instructions
/// per lookup). This keeps `String`'s meaning exactly — equal when the Strings are `==`
/// (canonically equivalent) — but pays for the normalizing hash once, when the key is made, and
/// compares bytes before falling back to `==`.
public struct FoldedName: Hashable, Sendable {
    /// The folded name (`Folding.name`).
    public let string: String
    /// `string.hashValue`, which is the same for canonically equivalent Strings.
    private let stringHash: Int

    /// The key of an already folded name.
    public init(folded: String) {
        string = folded
        stringHash = folded.hashValue
    }

    /// The key of a name as written.
    public init(_ name: String) {
        self.init(folded: Folding.name(name))
    }

    public static func == (a: FoldedName, b: FoldedName) -> Bool {
        a.stringHash == b.stringHash && (a.string.utf8.elementsEqual(b.string.utf8) || a.string == b.string)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stringHash)
    }
}
