/// Writes papers as one self-contained HTML page (inline CSS, no script, nothing fetched) that
/// prints as the DOCX does: A4 pages with the same margins and type, each paper from a new
/// page, so a browser's "Print to PDF" gives the papers to sign.
///
/// On screen each paper shows as a sheet; in print the sheets are the pages. Unlike the DOCX,
/// the printed pages carry no page numbers (browsers cannot restart them per paper).
public enum HTMLWriter {
    /// The page's text (UTF-8).
    public static func document(_ papers: [Paper], title: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"hoso\">\n"
        out += "<title>\(XMLText.escaped(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        for paper in papers {
            out += "<section class=\"paper\" aria-label=\"\(XMLText.escaped(paper.name))\">\n"
            // The signatures never stand alone on a page: they and the paragraph before them
            // are one `.closing` that does not break.
            var closing = paper.blocks.count
            if case .signatures = paper.blocks.last {
                closing = paper.blocks.count - 1
                if paper.blocks.count > 1, case .paragraph = paper.blocks[paper.blocks.count - 2] { closing -= 1 }
            }
            for (index, block) in paper.blocks.enumerated() {
                if index == closing { out += "<div class=\"closing\">\n" }
                out += html(block)
            }
            if closing < paper.blocks.count { out += "</div>\n" }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static func html(_ block: Block) -> String {
        switch block {
        case .header(let header):
            let unitRule = millimetres(PageLayout.unitRule(header.unit))
            return "<table class=\"header\"><tr><td class=\"agency\">"
                + "<p class=\"parent\">\(text(header.parentBody))</p><p class=\"unit\">\(text(header.unit))</p>"
                + "<div class=\"rule\" style=\"width: \(unitRule)\"></div></td>"
                + "<td><p class=\"nation\">\(text(HeaderBlock.nation))</p><p><span class=\"motto\">\(text(HeaderBlock.motto))</span></p></td></tr>\n"
                + "<tr><td><p class=\"number\">\(header.number.map(text) ?? "")</p></td>"
                + "<td><p class=\"place-date\">\(text(header.placeDate))</p></td></tr></table>\n"
        case .title(let title):
            return "<h1 class=\"title\">\(text(title))</h1>\n"
        case .subject(let subject):
            return "<p class=\"subject\">\(text(subject))</p><div class=\"rule\" style=\"width: \(millimetres(PageLayout.subjectRule(subject)))\"></div>\n"
        case .paragraph(let paragraph):
            switch paragraph.kind {
            case .body: return "<p class=\"body\">\(runs(paragraph.runs))</p>\n"
            case .heading: return "<h2 class=\"heading\">\(runs(paragraph.runs.map { TextRun($0.text, italic: $0.italic) }))</h2>\n"
            case .centered: return "<p class=\"centered\">\(runs(paragraph.runs))</p>\n"
            case .note: return "<p class=\"note\">\(runs(paragraph.runs.map { TextRun($0.text, bold: $0.bold) }))</p>\n"
            }
        case .table(let table):
            var out = "<table class=\"grid\"><colgroup>" + table.columns.map { "<col style=\"width: \($0.width)%\">" }.joined() + "</colgroup>\n<thead><tr>"
            out += table.columns.map { "<th>\(text($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + zip(row, table.columns).map { cell, column in
                    (column.centered ? "<td class=\"centered-cell\">" : "<td>") + text(cell) + "</td>"
                }.joined() + "</tr>\n"
            }
            return out + "</tbody></table>\n"
        case .signatures(let left, let right):
            return "<table class=\"signatures\"><tr><td>\(lines(left))</td><td>\(lines(right))</td></tr></table>\n"
        }
    }

    static func lines(_ lines: [SignatureLine]) -> String {
        lines.map { line in
            switch line {
            case .role(let value): return "<p class=\"role\">\(text(value))</p>"
            case .ownTitle(let value): return "<p class=\"own-title\">\(text(value))</p>"
            case .hint(let value): return "<p class=\"hint\">\(text(value))</p>"
            case .text(let value): return "<p class=\"sign-text\">\(text(value))</p>"
            case .room: return "<div class=\"room\"></div>"
            case .name(let value): return "<p class=\"name\">\(text(value))</p>"
            case .recipientsLabel: return "<p class=\"recipients-label\">Nơi nhận:</p>"
            case .recipient(let value): return "<p class=\"recipient\">\(text(value))</p>"
            }
        }.joined()
    }

    static func runs(_ runs: [TextRun]) -> String {
        runs.map { run in
            var out = text(run.text)
            if run.italic { out = "<i>\(out)</i>" }
            if run.bold { out = "<b>\(out)</b>" }
            return out
        }.joined()
    }

    static func text(_ value: String) -> String { XMLText.escaped(value) }

    static func millimetres(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)mm"
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))pt" : "\(value)pt"
    }

    /// The style sheet: the sizes and margins of `PageLayout`.
    static let css: String = {
        let P = PageLayout.self
        let margins = "\(millimetres(P.top)) \(millimetres(P.right)) \(millimetres(P.bottom)) \(millimetres(P.left))"
        return """
        @page { size: A4 portrait; margin: \(margins); }
        html { background: #e6e6e6; }
        body { margin: 0; color: #000; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: \(points(P.body)); line-height: \(P.lineSpacing); }
        .paper { box-sizing: border-box; width: \(millimetres(P.pageWidth)); min-height: \(millimetres(P.pageHeight)); margin: 8mm auto; padding: \(margins); background: #fff; box-shadow: 0 0 2mm rgba(0, 0, 0, 0.3); }
        @media print {
          html { background: none; }
          .paper { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-before: page; page-break-before: always; }
          .paper:first-child { break-before: auto; page-break-before: auto; }
        }
        p, h1, h2 { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        table.header td { vertical-align: top; text-align: center; padding: 0 \(millimetres(P.headerCellPadding)); line-height: 1.2; }
        table.header td.agency { width: \(millimetres(P.agencyColumn)); }
        .parent { font-size: \(points(P.agency)); }
        .unit { font-size: \(points(P.agency)); font-weight: bold; }
        .nation { font-size: \(points(P.nation)); font-weight: bold; white-space: nowrap; }
        .motto { display: inline-block; font-size: \(points(P.motto)); font-weight: bold; white-space: nowrap; padding-bottom: 2pt; border-bottom: 0.75pt solid #000; }
        .rule { height: 0; margin: 2pt auto 0; border-bottom: 0.75pt solid #000; }
        .number { font-size: \(points(P.number)); margin-top: 8pt; }
        .place-date { font-size: \(points(P.placeDate)); font-style: italic; margin-top: 8pt; }
        h1.title { font-size: \(points(P.title)); font-weight: bold; text-align: center; margin-top: 18pt; }
        .subject { font-size: \(points(P.title)); font-weight: bold; text-align: center; }
        .body, h2.heading { font-size: \(points(P.body)); text-align: justify; text-indent: \(millimetres(P.indent)); margin-top: \(points(P.paragraphSpace)); }
        h2.heading { font-weight: bold; break-after: avoid; page-break-after: avoid; }
        .centered { text-align: center; margin: 12pt 0 6pt; }
        .note { font-size: \(points(P.note)); font-style: italic; text-align: center; margin-top: 6pt; }
        table.grid { font-size: \(points(P.table)); margin-top: 6pt; }
        table.grid th, table.grid td { border: 0.5pt solid #000; padding: 2pt \(millimetres(P.cellPadding)); vertical-align: top; text-align: left; }
        table.grid th { text-align: center; vertical-align: middle; }
        table.grid td.centered-cell { text-align: center; }
        table.grid tr { break-inside: avoid; page-break-inside: avoid; }
        .closing { break-inside: avoid; page-break-inside: avoid; }
        table.signatures { margin-top: 6pt; break-inside: avoid; page-break-inside: avoid; }
        table.signatures td { vertical-align: top; padding: 0 \(millimetres(P.cellPadding)); }
        table.signatures td:first-child { width: \(Int(P.signatureLeftShare * 100))%; }
        .role { font-weight: bold; text-align: center; margin-top: 12pt; }
        .own-title { font-weight: bold; text-align: center; }
        .hint { font-size: \(points(P.note)); font-style: italic; text-align: center; }
        .sign-text { font-size: \(points(P.note)); text-align: center; }
        .room { height: \(millimetres(P.signingRoom)); }
        .name { font-weight: bold; text-align: center; }
        .recipients-label { font-size: \(points(P.recipientsLabel)); font-weight: bold; font-style: italic; margin-top: 12pt; }
        .recipient { font-size: \(points(P.recipient)); line-height: 1.2; padding-left: \(millimetres(P.recipientHanging)); text-indent: -\(millimetres(P.recipientHanging)); }

        """
    }()
}
