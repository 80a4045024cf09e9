import HosoSemantics
import HosoSyntax
import HosoText

/// Small helpers the rules share for ranges and inserted text.
extension RuleContext {
    /// The content (no terminator) of an element of the tree.
    func content(_ element: Int) -> Range<Int> { dossier.tree.elements[element].content }

    /// An edit inserting whole lines right after an element, in the file's line ending.
    ///
    /// When the element is the last line and has no terminator, a line break comes first.
    func insertLines(_ lines: [String], after element: Int) -> TextEdit {
        let range = dossier.tree.elements[element].range
        let eol = text.lineEnding.rawValue
        let needsBreak = range.upperBound == dossier.tree.elements[element].content.upperBound
        let body = lines.joined(separator: eol) + eol
        return TextEdit(range: range.upperBound..<range.upperBound, newText: (needsBreak ? eol : "") + body)
    }

    /// An edit inserting whole lines before an element (or at the end of the file if `nil`).
    func insertLines(_ lines: [String], before element: Int?) -> TextEdit {
        let eol = text.lineEnding.rawValue
        let body = lines.joined(separator: eol) + eol
        guard let element else {
            let end = text.bytes.count
            let needsBreak = end > 0 && text.bytes[end - 1] != 0x0A && text.bytes[end - 1] != 0x0D
            return TextEdit(range: end..<end, newText: (needsBreak ? eol : "") + body)
        }
        let start = dossier.tree.elements[element].range.lowerBound
        return TextEdit(range: start..<start, newText: body)
    }

    /// What a line says: its content without a list marker, spaces and emphasis around it
    /// (`*Mẫu số 01 …*` → `Mẫu số 01 …`), for a fix that rewrites the statement and keeps its form.
    func statement(_ element: Int) -> Range<Int> {
        let bytes = text.bytes
        let element = dossier.tree.elements[element]
        let start = element.kind == .listItem ? element.head?.lowerBound ?? element.content.lowerBound : element.content.lowerBound
        return ByteClass.trimmingSpacesAndEmphasis(bytes, start..<element.content.upperBound)
    }

    /// The place for a missing field: after the last field among `fields`, else after `heading`.
    func fieldInsertionPoint(fields: [Field], heading: Int) -> Int {
        fields.map(\.element).max() ?? heading
    }
}

/// Vietnamese and English names of the parts, for messages.
extension PartKind {
    var displayName: LocalizedText {
        switch self {
        case .toTrinh: return LocalizedText(vi: "TỜ TRÌNH", en: "TỜ TRÌNH (submission)")
        case .bienBan: return LocalizedText(vi: "BIÊN BẢN HỌP XÉT", en: "BIÊN BẢN HỌP XÉT (meeting minutes)")
        case .report: return LocalizedText(vi: "BÁO CÁO THÀNH TÍCH", en: "BÁO CÁO THÀNH TÍCH (achievement report)")
        case .unknown: return LocalizedText(vi: "(không rõ)", en: "(unknown)")
        }
    }
}

extension RuleContext {
    /// The date of the document an element belongs to: its report's or Biên bản's place-date,
    /// else the Tờ trình's.
    func documentDate(of element: Int) -> DateValue? {
        let dossier = self.dossier
        if let report = dossier.report(containing: element), let date = report.placeDate?.date {
            return date
        }
        if let part = dossier.bienBan, part.elements.contains(element), let date = dossier.bienBanPlaceDate?.date {
            return date
        }
        return dossier.toTrinhPlaceDate?.date
    }

    /// The report holding an element, if any.
    func report(containing element: Int) -> Report? { dossier.report(containing: element) }

    /// How a registry document is cited in full: `Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh Sơn La`.
    func fullCitation(_ document: RegistryDocument, issuer: Bool = true) -> String {
        "\(document.type) số \(document.number) ngày \(document.date.officialForm)" + (issuer ? " của \(document.issuer)" : "")
    }
}

extension SuppressionDirective {
    /// Where HS010 and HS011 report a word of the comment: the word itself when it stands on
    /// the comment's first line, else that whole line (docs/format.md, "Suppression comments").
    func reportRange(_ word: Range<Int>, in text: SourceText) -> Range<Int> {
        text.line(ofByte: word.lowerBound) == firstLine ? word : text.contentRange(ofLine: firstLine)
    }
}

extension Nominee {
    /// How messages name the nominee: its name (`Lookalikes.shownName`: look-alike letters
    /// repaired, runs of spaces one), or a bracketed stand-in while the heading has none (`hoso
    /// new` writes headings without names), never an empty gap in a sentence.
    public var shownName: LocalizedText {
        guard name.isEmpty else { return LocalizedText(both: Lookalikes.shownName(name)) }
        return kind == .individual
            ? LocalizedText(vi: "[cá nhân chưa ghi tên]", en: "[individual with no name yet]")
            : LocalizedText(vi: "[tập thể chưa ghi tên]", en: "[collective with no name yet]")
    }

    /// The name inside a line the message tells the user to write: the name as `shownName`
    /// writes it, or `<tên>`.
    public var nameToWrite: LocalizedText {
        name.isEmpty ? LocalizedText(vi: "<tên>", en: "<name>") : LocalizedText(both: Lookalikes.shownName(name))
    }
}

extension Vote {
    /// How messages name a vote line: its name as `Nominee.shownName` writes one, or a bracketed
    /// stand-in when it has none.
    public var shownName: LocalizedText {
        name.isEmpty ? LocalizedText(vi: "[dòng biểu quyết chưa ghi tên]", en: "[vote line with no name]") : LocalizedText(both: Lookalikes.shownName(name))
    }

    /// The name inside a line the message tells the user to write: the name as `shownName`
    /// writes it, or `<tên>`.
    public var nameToWrite: LocalizedText {
        name.isEmpty ? LocalizedText(vi: "<tên>", en: "<name>") : LocalizedText(both: Lookalikes.shownName(name))
    }
}

extension SourceText {
    /// The dashes in `range` that only look like `-` (Word's en dash, non-breaking hyphen …,
    /// `ByteClass.dashLookalikeLength`), in order.
    func lookalikeDashes(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let n = bytes[i] >= 0xE2 ? ByteClass.dashLookalikeLength(bytes, at: i, end: range.upperBound) : 0
            if n > 0 { result.append(i..<(i + n)); i += n } else { i += 1 }
        }
        return result
    }

    /// Where, what and how to fix the look-alike `dashes` of the document number at `number`:
    /// from the first dash to the last, with a safe fix writing `-` for each; nil when there are
    /// none. HS308 reports it in citations, HS404 in the Tờ trình's own `Số:`.
    func lookalikeDashFinding(_ dashes: [Range<Int>], inNumber number: Range<Int>) -> (range: Range<Int>, message: LocalizedText, fix: Fix)? {
        guard let first = dashes.first, let last = dashes.last else { return nil }
        let written = string(number)
        var corrected: [UInt8] = []
        var from = number.lowerBound
        for dash in dashes {
            corrected += bytes[from..<dash.lowerBound]
            corrected.append(0x2D)
            from = dash.upperBound
        }
        corrected += bytes[from..<number.upperBound]
        let fixed = String(decoding: corrected, as: UTF8.self)
        let dash = string(first)
        let codePoint = dash.unicodeScalars.first.map { "U+" + hex($0.value) } ?? ""
        let what: LocalizedText
        switch dash {
        case "\u{2011}": what = LocalizedText(vi: "dấu gạch nối không ngắt dòng", en: "a non-breaking hyphen")
        case "\u{2013}": what = LocalizedText(vi: "dấu gạch ngang ngắn", en: "an en dash")
        case "\u{2014}": what = LocalizedText(vi: "dấu gạch ngang dài", en: "an em dash")
        default: what = LocalizedText(vi: "dấu gạch", en: "a dash")
        }
        let message = LocalizedText(
            vi: "Số, ký hiệu \"\(written)\" dùng \(what.vi) \"\(dash)\" (\(codePoint), thường do Word tự thay) thay cho dấu gạch nối \"-\"; viết \"\(fixed)\".",
            en: "The number \"\(written)\" has \(what.en) \"\(dash)\" (\(codePoint), often put in by Word) where the hyphen \"-\" goes; write \"\(fixed)\".")
        let edits = dashes.map { TextEdit(range: $0, newText: "-") }
        return (first.lowerBound..<last.upperBound, message,
                Fix(title: LocalizedText(vi: "Sửa thành \"\(fixed)\"", en: "Change to \"\(fixed)\""), edits: edits, isSafe: true))
    }
}
