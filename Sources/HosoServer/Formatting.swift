import HosoProtocol
import HosoRules
import HosoText

extension LanguageServer {
    /// `textDocument/formatting`: `LayoutFormatter`'s edits, each as small as the change, so the
    /// editor moves no text it need not. The client's `FormattingOptions` are not needed: the
    /// layout of a dossier has no tab width or style to choose.
    func formatting(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        return textEdits(formattingEdits(file), in: file)
    }

    /// `textDocument/rangeFormatting`: the edits of the whole document's formatting that lie in
    /// the lines the range touches (a range ending at the start of a line does not take it).
    func rangeFormatting(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let range = try params.range("range")
        let text = file.text
        let from = offset(range.start, text), to = offset(range.end, text)
        let firstLine = text.line(ofByte: from)
        var lastLine = text.line(ofByte: max(from, to))
        if lastLine > firstLine && to == text.lineIndex.lineStart(lastLine) { lastLine -= 1 }
        let start = text.lineIndex.lineStart(firstLine), end = text.fullRange(ofLine: lastLine).upperBound
        // An insertion at `end` is the next line's (the blank line above its heading), unless it
        // is the file's final line end.
        let edits = formattingEdits(file).filter {
            start <= $0.range.lowerBound && $0.range.upperBound <= end && ($0.range.lowerBound < end || end == text.bytes.count)
        }
        return textEdits(edits, in: file)
    }

    /// The formatting edits of an open file; none for a file that is not Unicode (the text
    /// shown is not the file's).
    func formattingEdits(_ file: TrackedFile) -> [TextEdit] {
        guard file.problem == nil else { return [] }
        return LayoutFormatter.edits(file.checked.dossier.tree)
    }

    /// LSP `TextEdit`s, in the negotiated position encoding (edits in text order: one walk).
    ///
    /// An edit reaching the end of a text whose last line has no line end (the formatter gives
    /// it one) ends at the start of the line after the last. Clients clamp that to the end
    /// (vscode-languageserver-textdocument, eglot); Neovim, whose buffer keeps the final line end
    /// apart (`'eol'`), then knows the file's end is meant and adds no empty last line, which
    /// saving would write as a blank line.
    func textEdits(_ edits: [TextEdit], in file: TrackedFile) -> JSON {
        let text = file.text
        let open = text.lineIndex.lineStart(text.lineCount - 1) < text.bytes.count  // a last line without a line end
        var starts = PositionCursor(text, encoding), ends = PositionCursor(text, encoding)
        return .array(edits.map { edit in
            let from = starts.position(ofByte: edit.range.lowerBound)
            let to = open && edit.range.upperBound == text.bytes.count
                ? TextPosition(line: text.lineCount, character: 0) : ends.position(ofByte: edit.range.upperBound)
            return .object([("range", .range((from.line, from.character), (to.line, to.character))), ("newText", .string(edit.newText))])
        })
    }
}
