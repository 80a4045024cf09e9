import HosoSyntax
import HosoText

/// Formats a dossier's layout, never its words (`hoso format`, the editor's "format document").
///
/// Over the lossless tree, with edits as small as the change:
/// - spaces and tabs at a line's end go (two of them are no line break: the format gives them no
///   meaning); other Unicode spaces there are text and stay;
/// - a blank line (spaces only, Unicode spaces included, as the parser sees it) is emptied, a
///   run of them becomes one, and none stays at the start or the end of the file;
/// - every `#` part and `##` section heading gets exactly one blank line above it (none at the
///   start), put above the comments standing right on top of it, so a
///   `hoso-disable-next-line` stays on the line it governs;
/// - the file ends with exactly one line end.
/// A comment running over several lines keeps its lines, blank ones included; only spaces at
/// their ends go. An inserted line end copies the line above, so LF, CRLF and CR stay as the
/// file has them, and no edit makes a lone CR and an LF one CRLF. A U+FEFF is never moved to
/// the file's start, where it would be read as a byte order mark. No finding appears or
/// disappears: no rule reads spaces at a line's end or blank lines, and suppression comments
/// keep the lines they govern.
public enum LayoutFormatter {
    /// What formatting a file's bytes gives.
    public enum Outcome: Sendable, Equatable {
        case unchanged
        /// The formatted file, in the encoding it had (BOM kept).
        case formatted([UInt8])
        /// Not Unicode (HS001): the text that would be formatted is not the file's.
        case notUnicode
        /// UTF-16 that would not be written back byte for byte (an odd last byte).
        case notRoundTrip
    }

    /// Formats a file's raw bytes, keeping its encoding and BOM.
    public static func format(raw: [UInt8]) -> Outcome {
        let (text, problem) = SourceDecoder.decode(raw)
        guard problem == nil else { return .notUnicode }
        guard SourceDecoder.encode(text.bytes, as: text.encoding) == raw else { return .notRoundTrip }
        let edits = edits(Parser.parse(text))
        guard !edits.isEmpty else { return .unchanged }
        return .formatted(SourceDecoder.encode(EditApplier.apply(edits, to: text.bytes).bytes, as: text.encoding))
    }

    /// The edits that format a parsed dossier: in text order, none overlapping, empty when it is
    /// formatted already. Applying them and formatting again gives no edit.
    public static func edits(_ tree: SyntaxTree) -> [TextEdit] {
        let text = tree.text, bytes = text.bytes, elements = tree.elements
        var edits: [TextEdit] = []
        /// The line end of the line before the one starting at `offset` (a line end of the file
        /// when it has a single line).
        func lineEnd(before offset: Int) -> String {
            let line = text.line(ofByte: offset)
            guard line > 0 else { return text.lineEnding.rawValue }
            let index = text.lineIndex
            return String(decoding: bytes[index.contentEnd(line - 1)..<index.lineStart(line)], as: UTF8.self)
        }
        /// Whether emptying the line `start..<end` would join the lone CR ending the line above
        /// and its own LF into one CRLF, two lines into one (a file mixing old Mac line ends).
        func joinsLineEnds(_ start: Int, _ end: Int) -> Bool {
            start > 0 && bytes[start - 1] == 0x0D && end < bytes.count && bytes[end] == 0x0A
        }
        /// Removes the spaces and tabs before `end`, not reaching below `start`.
        func trim(_ start: Int, _ end: Int) {
            var from = end
            while from > start && (bytes[from - 1] == 0x20 || bytes[from - 1] == 0x09) { from -= 1 }
            if from == start && joinsLineEnds(start, end) { return }  // a comment's line keeps its spaces
            if from < end { edits.append(TextEdit(range: from..<end, newText: "")) }
        }
        /// Whether a blank line goes above element `i`: it is a part or section heading, or the
        /// first of the comments right on top of one.
        func opensHeading(_ i: Int) -> Bool {
            if i > 0 && elements[i - 1].kind == .comment { return false }
            var k = i
            while k < elements.count && elements[k].kind == .comment { k += 1 }
            guard k < elements.count else { return false }
            return elements[k].kind == .partHeading || elements[k].kind == .sectionHeading
        }
        var started = false  // a line of text has been kept
        var afterBlank = false  // the line kept last is the one blank line of a run
        var i = 0
        while i < elements.count {
            let element = elements[i]
            if element.kind == .blank {
                var j = i + 1
                while j < elements.count && elements[j].kind == .blank { j += 1 }
                let start = element.range.lowerBound, last = elements[j - 1]
                // U+FEFF opening the file would be read as a byte order mark: a blank line stays above it.
                let opensWithFEFF = j < elements.count && bytes[elements[j].range.lowerBound...].starts(with: [0xEF, 0xBB, 0xBF])
                if (!started && !opensWithFEFF) || j == elements.count {
                    let end = last.range.upperBound
                    if start < end { edits.append(TextEdit(range: start..<end, newText: "")) }  // an empty file has one empty blank
                } else if joinsLineEnds(start, last.content.upperBound) {
                    // The run becomes one empty line with the line end of the line above (a lone CR).
                    edits.append(TextEdit(range: start..<last.range.upperBound, newText: "\r"))
                    afterBlank = true
                } else {
                    // One empty line stays: the run's last line end.
                    let keep = last.content.upperBound
                    if start < keep { edits.append(TextEdit(range: start..<keep, newText: "")) }
                    afterBlank = true
                }
                i = j
                continue
            }
            if started && !afterBlank && opensHeading(i) {
                let at = element.range.lowerBound
                edits.append(TextEdit(range: at..<at, newText: lineEnd(before: at)))
            }
            if element.kind == .comment {
                let index = text.lineIndex
                for line in text.line(ofByte: element.range.lowerBound)...text.line(ofByte: element.content.upperBound) {
                    trim(index.lineStart(line), index.contentEnd(line))
                }
            } else {
                trim(element.content.lowerBound, element.content.upperBound)
            }
            started = true
            afterBlank = false
            i += 1
        }
        // The last line kept gets a line end if it has none (it is then the file's last line).
        if started, let last = elements.last, last.kind != .blank, last.content.upperBound == bytes.count {
            let end = lineEnd(before: bytes.count)
            if let trimmed = edits.last, trimmed.range.upperBound == bytes.count {
                edits[edits.count - 1] = TextEdit(range: trimmed.range, newText: end)
            } else {
                edits.append(TextEdit(range: bytes.count..<bytes.count, newText: end))
            }
        }
        return edits
    }
}
