import HosoText

/// Applies every safe fix to a file's bytes, keeping its encoding, BOM and line ends.
public enum Fixer {
    /// The fixed bytes and how many fixes went in; nil when nothing changes or the file
    /// cannot be rewritten byte-for-byte (invalid UTF-8, lossy UTF-16).
    public static func fixAll(raw: [UInt8], linter: Linter) -> (bytes: [UInt8], fixes: Int)? {
        let (decoded, problem) = SourceDecoder.decode(raw)
        guard problem == nil, SourceDecoder.encode(decoded.bytes, as: decoded.encoding) == raw else { return nil }
        var text = decoded
        var total = 0
        // Fixes can overlap (an NFC run and a canonical spelling); later rounds pick up the rest.
        for _ in 0..<8 {
            let edits = linter.lint(text: text).findings.compactMap { $0.fixes.first(where: \.isSafe) }.flatMap(\.edits)
            guard !edits.isEmpty else { break }
            let (bytes, applied) = EditApplier.apply(edits, to: text.bytes)
            guard bytes != text.bytes else { break }
            total += applied
            text = SourceText(utf8: bytes, encoding: decoded.encoding)
        }
        guard total > 0, text.bytes != decoded.bytes else { return nil }
        return (SourceDecoder.encode(text.bytes, as: decoded.encoding), total)
    }
}
