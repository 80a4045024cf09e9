/// A unified diff of two versions of a dossier, as `lint --diff` shows what `--fix` would do.
///
/// Headers `--- PATH` / `+++ PATH` (as ruff writes them: `patch -p0` reads them), hunks with
/// three lines of context, `\ No newline at end of file` where a version's last line has no
/// terminator. Lines are written byte for byte, terminators (CRLF) and a BOM included, so
/// `patch` and `git apply` take the diff as it is; written to a terminal, control characters
/// from the dossier get the text report's stand-ins (`TerminalText`) instead, so a diff can
/// neither drive the terminal nor hide text (the line's own CR and LF stay).
enum UnifiedDiff {
    static let context = 3

    /// One line of the edit script: kept (in both), removed (old only) or added (new only).
    enum Kind { case kept, removed, added }

    struct Step {
        let kind: Kind
        /// The line's index in the old text (for `kept` and `removed`) or the new one (`added`).
        let line: Int
        /// How many old and new lines come before this step.
        let oldBefore: Int, newBefore: Int
    }

    /// Writes the diff of two UTF-8 texts; false, writing nothing, when their lines are the same.
    static func write(old: [UInt8], new: [UInt8], path: String, color: Bool, standIns: Bool, to out: inout OutputBuffer) -> Bool {
        let oldLines = LineDiff.lines(old), newLines = LineDiff.lines(new)
        // Each distinct line (with its terminator) gets a number; the diff compares numbers.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func id(_ slice: ArraySlice<UInt8>) -> Int {
            if let known = ids[slice] { return known }
            ids[slice] = ids.count
            return ids.count - 1
        }
        let a = oldLines.map { id(old[$0]) }, b = newLines.map { id(new[$0]) }
        let steps = script(LineDiff.matches(a, b), oldCount: a.count, newCount: b.count)
        let changes = steps.indices.filter { steps[$0].kind != .kept }
        guard !changes.isEmpty else { return false }

        let bold = color ? "\u{1B}[1m" : "", cyan = color ? "\u{1B}[36m" : "", red = color ? "\u{1B}[31m" : ""
        let green = color ? "\u{1B}[32m" : "", reset = color ? "\u{1B}[0m" : ""
        let name = TerminalText.escape(path)
        out.write(bold); out.write("--- " + name); out.line(reset)
        out.write(bold); out.write("+++ " + name); out.line(reset)
        var index = 0
        while index < changes.count {
            // A hunk: changes with at most two contexts of kept lines between them belong together.
            var last = index
            while last + 1 < changes.count && changes[last + 1] - changes[last] - 1 <= 2 * context { last += 1 }
            let from = max(0, changes[index] - context), to = min(steps.count, changes[last] + context + 1)
            let hunk = steps[from..<to]
            let oldCount = hunk.filter { $0.kind != .added }.count, newCount = hunk.filter { $0.kind != .removed }.count
            let first = hunk.first!
            out.write(cyan)
            out.write("@@ -" + range(start: first.oldBefore, count: oldCount) + " +" + range(start: first.newBefore, count: newCount) + " @@")
            out.line(reset)
            for step in hunk {
                let (bytes, lines, sign, paint) = step.kind == .added ? (new, newLines, "+", green)
                    : (old, oldLines, step.kind == .removed ? "-" : " ", step.kind == .removed ? red : "")
                let line = lines[step.line]
                var end = line.upperBound
                if end > line.lowerBound && bytes[end - 1] == 0x0A { end -= 1 }
                if end > line.lowerBound && bytes[end - 1] == 0x0D { end -= 1 }
                out.write(paint); out.write(sign)
                if standIns { TerminalText.write(bytes, line.lowerBound..<end, into: &out) } else { out.bytes(bytes, line.lowerBound..<end) }
                out.write(paint.isEmpty ? "" : reset)
                if end == line.upperBound {
                    out.line()
                    out.line("\\ No newline at end of file")
                } else if line.upperBound - end == 1 && bytes[end] == 0x0D {
                    out.line()  // a lone CR (old Mac files): a diff line still ends in LF
                } else {
                    out.bytes(bytes, end..<line.upperBound)  // the line's own terminator, LF or CRLF
                }
            }
            index = last + 1
        }
        return true
    }

    /// `start,count` as in a hunk header: 1-based, `,count` left out when it is 1, and the line
    /// before (0 at the top) when the hunk holds no line of that version.
    static func range(start before: Int, count: Int) -> String {
        switch count {
        case 0: return "\(before),0"
        case 1: return "\(before + 1)"
        default: return "\(before + 1),\(count)"
        }
    }

    /// The edit script from the matched lines: between two matches, the old lines removed and
    /// then the new lines added.
    static func script(_ matches: [(Int, Int)], oldCount: Int, newCount: Int) -> [Step] {
        var steps: [Step] = []
        var i = 0, j = 0
        func advance(to nextOld: Int, _ nextNew: Int) {
            while i < nextOld { steps.append(Step(kind: .removed, line: i, oldBefore: i, newBefore: j)); i += 1 }
            while j < nextNew { steps.append(Step(kind: .added, line: j, oldBefore: i, newBefore: j)); j += 1 }
        }
        for (oldLine, newLine) in matches {
            advance(to: oldLine, newLine)
            steps.append(Step(kind: .kept, line: i, oldBefore: i, newBefore: j))
            i += 1
            j += 1
        }
        advance(to: oldCount, newCount)
        return steps
    }
}
