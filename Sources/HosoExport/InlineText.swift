import HosoText

/// A dossier line as printed text: Markdown emphasis turned into bold and italic runs, comments
/// and characters no document can hold dropped.
enum InlineText {
    /// The runs of `line`: `**bold**`/`__bold__` and `*italic*`/`_italic_` become emphasis when
    /// they open before a non-space and close after one; an unmatched mark stays as written.
    static func runs(_ line: String) -> [TextRun] {
        let chars = Array(printable(line))
        let closers = lastClosers(chars)
        var runs: [TextRun] = []
        var current = ""
        var bold = false, italic = false
        func flush() {
            if !current.isEmpty { runs.append(TextRun(current, bold: bold, italic: italic)) }
            current = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "*" || c == "_" else {
                current.append(c)
                i += 1
                continue
            }
            let double = i + 1 < chars.count && chars[i + 1] == c
            let width = double ? 2 : 1
            let isOpen = double ? bold : italic
            if isOpen, i > 0, chars[i - 1] != " " {
                flush()
                if double { bold = false } else { italic = false }
                i += width
                continue
            }
            if !isOpen, closers[kind(c, width)] > i + width, i + width < chars.count, chars[i + width] != " ",
               c == "*" || i == 0 || !chars[i - 1].isLetter && !chars[i - 1].isNumber {
                flush()
                if double { bold = true } else { italic = true }
                i += width
                continue
            }
            current.append(c)
            i += 1
        }
        flush()
        return merged(runs)
    }

    /// Where the last closing mark of each kind stands (`kind(mark, width)`): after a
    /// non-space, and for a single mark not half of a double one. A mark opens emphasis only
    /// when such a closer follows it; one pass keeps a line full of `*` linear.
    private static func lastClosers(_ chars: [Character]) -> [Int] {
        var last = [-1, -1, -1, -1]
        for j in chars.indices.dropFirst() where chars[j - 1] != " " {
            for mark in ["*", "_"] as [Character] where chars[j] == mark {
                let doubled = j + 1 < chars.count && chars[j + 1] == mark
                if doubled { last[kind(mark, 2)] = j }
                if !doubled && chars[j - 1] != mark { last[kind(mark, 1)] = j }
            }
        }
        return last
    }

    private static func kind(_ mark: Character, _ width: Int) -> Int { (mark == "*" ? 0 : 2) + width - 1 }

    /// Adjacent runs with the same emphasis joined.
    private static func merged(_ runs: [TextRun]) -> [TextRun] {
        var out: [TextRun] = []
        for run in runs {
            if let last = out.last, last.bold == run.bold, last.italic == run.italic {
                out[out.count - 1].text += run.text
            } else {
                out.append(run)
            }
        }
        return out
    }

    /// The text of `line` without emphasis marks: what `runs` prints, as one string.
    static func plain(_ line: String) -> String { runs(line).map(\.text).joined() }

    /// `text` as a paper can print it: NFC; `<!-- … -->` comments removed; tabs, no-break and
    /// other Unicode spaces as spaces, runs of spaces as one; control characters, U+FEFF and
    /// the soft hyphen dropped (XML cannot hold most controls; the others print as nothing
    /// or as garbage); trimmed.
    static func printable(_ text: String) -> String {
        var source = Folding.nfc(text)
        while let open = source.range(of: "<!--") {
            let close = source[open.upperBound...].range(of: "-->")?.upperBound ?? source.endIndex
            source.replaceSubrange(open.lowerBound..<close, with: " ")
        }
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in source.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || Folding.isSpace(v) || v == 0x0A || v == 0x0D {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFEFF || v == 0xAD || v == 0xFFFE || v == 0xFFFF { continue }
            out.append(scalar)
            lastWasSpace = false
        }
        var result = String(out)
        while result.last == " " { result.removeLast() }
        return result
    }
}

extension StringProtocol where Index == String.Index {
    /// The `range(of:)` of Foundation, for the few searches the export makes without it.
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) { return start..<index(start, offsetBy: needle.count) }
            start = index(after: start)
        }
        return nil
    }
}
