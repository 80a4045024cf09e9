import HosoText

/// Applies every safe fix (with `unsafe`, every first fix) to a file's bytes, keeping its
/// encoding, BOM and line ends.
public enum Fixer {
    /// The fixed bytes and how many fixes went in; nil when nothing changes or the file
    /// cannot be rewritten byte-for-byte (lossy UTF-16). A file that is not Unicode is only
    /// converted with `unsafe` (HS001's conversion), to UTF-8.
    public static func fixAll(raw: [UInt8], linter: Linter, unsafe: Bool = false) -> (bytes: [UInt8], fixes: Int)? {
        let (decoded, problem) = SourceDecoder.decode(raw)
        var text = decoded
        var total = 0
        var encoding = decoded.encoding
        if problem != nil {
            // Not Unicode: only HS001's whole-file conversion (unsafe: a person must proofread
            // it) applies; the converted text is UTF-8 and is fixed further like any other.
            guard unsafe, let conversion = linter.lint(text: decoded, encodingProblem: problem).findings
                .first(where: { $0.code == HS001.code })?.fixes.first else { return nil }
            let (bytes, applied) = EditApplier.apply(conversion.edits, to: decoded.bytes)
            total += applied
            text = SourceText(utf8: bytes)
            encoding = text.encoding
        } else if SourceDecoder.encode(decoded.bytes, as: decoded.encoding) != raw {
            return nil  // a file that would not be written back byte for byte is left alone
        }
        // Fixes can overlap (an NFC run and a canonical spelling); later rounds pick up the rest.
        for _ in 0..<8 {
            let edits = linter.lint(text: text).findings.compactMap { finding in
                unsafe ? finding.fixes.first : finding.fixes.first(where: \.isSafe)
            }.flatMap(\.edits)
            guard !edits.isEmpty else { break }
            let (bytes, applied) = EditApplier.apply(edits, to: text.bytes)
            guard bytes != text.bytes else { break }
            total += applied
            text = SourceText(utf8: bytes, encoding: encoding)
        }
        guard total > 0, text.bytes != decoded.bytes || problem != nil else { return nil }
        return (SourceDecoder.encode(text.bytes, as: encoding), total)
    }
}
