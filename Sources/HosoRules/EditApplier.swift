/// Applies text edits to UTF-8 bytes: the shared engine of `--fix`, code actions and tests.
public enum EditApplier {
    /// The bytes with every edit applied; edits that overlap an earlier-chosen one are skipped.
    ///
    /// Edits are taken in position order; an insertion at the same offset as another keeps both,
    /// in the order given.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        var applied = 0
        for edit in ordered {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= bytes.count else { continue }
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.newText.utf8)
            cursor = edit.range.upperBound
            applied += 1
        }
        out.append(contentsOf: bytes[cursor...])
        return (out, applied)
    }
}
