/// Writes papers as a Word document (Office Open XML, ECMA-376 transitional) that Word,
/// LibreOffice and python-docx open: a zip of XML parts, written here without any package.
///
/// Layout is in styles (`word/styles.xml`: Normal, Title, heading 1, body text, header pieces,
/// signature pieces, table styles), not repeated on every run; runs carry only the emphasis the
/// dossier wrote. Each paper is a section of its own: it starts on a new page (`nextPage`), its
/// pages are numbered from 1 at the top centre, and its first page carries no number
/// (`titlePg`), as NĐ 30/2020 asks. Element order follows the schema's sequences (`w:pPr`,
/// `w:rPr`, `w:tblPr`, `w:sectPr`), which Word enforces.
public enum DOCXWriter {
    /// What the package says about itself (`docProps/core.xml`).
    public struct Metadata: Sendable {
        public var title: String
        /// When it was made, in seconds since 1970-01-01 UTC (also the zip entries' time).
        public var created: Int64

        public init(title: String, created: Int64) {
            self.title = title
            self.created = created
        }
    }

    /// The `.docx` file's bytes.
    public static func document(_ papers: [Paper], metadata: Metadata) -> [UInt8] {
        var zip = ZipWriter(modified: metadata.created)
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", packageRelationships)
        zip.add("docProps/core.xml", coreProperties(metadata))
        zip.add("docProps/app.xml", appProperties)
        zip.add("word/document.xml", documentXML(papers))
        zip.add("word/styles.xml", stylesXML)
        zip.add("word/settings.xml", settingsXML)
        zip.add("word/header1.xml", pageNumberHeader)
        zip.add("word/header2.xml", firstPageHeader)
        zip.add("word/_rels/document.xml.rels", documentRelationships)
        return zip.finish()
    }

    // MARK: The document

    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// `word/document.xml`: every paper, one section each.
    static func documentXML(_ papers: [Paper]) -> String {
        var body = ""
        for (index, paper) in papers.enumerated() {
            var afterTable = false
            for (position, block) in paper.blocks.enumerated() {
                let isTable: Bool, isSignatures: Bool
                switch block {
                case .signatures: (isTable, isSignatures) = (true, true)
                case .header, .table: (isTable, isSignatures) = (true, false)
                default: (isTable, isSignatures) = (false, false)
                }
                // The signatures never stand alone on a page: the paragraph right before them keeps with them.
                var beforeSignatures = false
                if position + 1 < paper.blocks.count, case .signatures = paper.blocks[position + 1] { beforeSignatures = true }
                // Word joins tables that touch into one: an empty line keeps them apart.
                if afterTable && isTable { body += paragraph(Properties(keepNext: isSignatures), []) }
                body += xml(block, keepNext: beforeSignatures)
                afterTable = isTable
            }
            let section = sectionProperties(startsNewPage: index > 0)
            // A section ends with a paragraph holding its properties; the last one's stand in the
            // body. Either way a paragraph closes the paper (Word wants one after a table).
            if index < papers.count - 1 {
                body += paragraph(Properties(spacing: .init(before: 0, after: 0, line: 20, exact: true), markSize: 2, section: section), [])
            } else {
                body += paragraph(Properties(spacing: .init(before: 0, after: 0, line: 20, exact: true), markSize: 2), []) + section
            }
        }
        if papers.isEmpty { body = paragraph(Properties(), []) + sectionProperties(startsNewPage: false) }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    /// A section: A4 portrait, the margins, page numbers from 1 shown from the second page.
    static func sectionProperties(startsNewPage: Bool) -> String {
        let margins = [("top", PageLayout.top), ("right", PageLayout.right), ("bottom", PageLayout.bottom), ("left", PageLayout.left)]
            .map { #"w:\#($0.0)="\#(PageLayout.twips($0.1))""# }.joined(separator: " ")
        return #"<w:sectPr><w:headerReference w:type="default" r:id="rIdPageNumber"/><w:headerReference w:type="first" r:id="rIdFirstPage"/>"#
            + (startsNewPage ? #"<w:type w:val="nextPage"/>"# : "")
            + #"<w:pgSz w:w="\#(PageLayout.twips(PageLayout.pageWidth))" w:h="\#(PageLayout.twips(PageLayout.pageHeight))"/>"#
            + #"<w:pgMar \#(margins) w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/>"#
            + #"<w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>"#
    }

    /// A block's XML; `keepNext` keeps a paragraph on the page of what follows (the signatures).
    static func xml(_ block: Block, keepNext: Bool = false) -> String {
        switch block {
        case .header(let header): return headerTable(header)
        case .title(let text): return paragraph(Properties(style: "Title"), [TextRun(text)])
        case .subject(let text):
            return paragraph(Properties(style: "HosoSubject"), [TextRun(text)]) + rule(length: PageLayout.subjectRule(text), within: PageLayout.textWidth)
        case .paragraph(let paragraph):
            let style: String
            switch paragraph.kind {
            case .body: style = "HosoBody"
            case .heading: style = "Heading1"
            case .centered: style = "HosoCentered"
            case .note: style = "HosoNote"
            }
            // A heading's bold is its style's; its runs say it again only where the text did.
            let runs = paragraph.kind == .heading ? paragraph.runs.map { TextRun($0.text, italic: $0.italic) } : paragraph.runs
            return self.paragraph(Properties(style: style, keepNext: keepNext), runs)
        case .table(let table): return ruledTable(table, lastRowKeepsNext: keepNext)
        case .signatures(let left, let right): return signatureTable(left: left, right: right)
        }
    }

    /// The agency block and motto: a borderless table of two columns and two rows, so that
    /// `Số:` and the place-date line stand on one line.
    static func headerTable(_ header: HeaderBlock) -> String {
        let left = PageLayout.agencyColumn, right = PageLayout.mottoColumn
        let mottoIndent = max(0, (right - 2 * PageLayout.headerCellPadding - PageLayout.mottoRule) / 2)
        let agency = paragraph(Properties(style: "HosoAgency"), [TextRun(header.parentBody)])
            + paragraph(Properties(style: "HosoUnit"), [TextRun(header.unit)])
            + rule(length: PageLayout.unitRule(header.unit), within: left - 2 * PageLayout.headerCellPadding)
        let motto = paragraph(Properties(style: "HosoNation"), [TextRun(HeaderBlock.nation)])
            + paragraph(Properties(style: "HosoMotto", bottomBorder: true, indent: PageLayout.twips(mottoIndent)), [TextRun(HeaderBlock.motto)])
        let number = paragraph(Properties(style: "HosoNumber"), header.number.map { [TextRun($0)] } ?? [])
        let placeDate = paragraph(Properties(style: "HosoPlaceDate"), [TextRun(header.placeDate)])
        return table(style: "HosoLayout", widths: [left, right], borders: false, cellPadding: PageLayout.headerCellPadding, rows: [
            (header: false, cells: [agency, motto]),
            (header: false, cells: [number, placeDate]),
        ])
    }

    /// A short centred rule: an empty paragraph `length` mm wide with a bottom border.
    static func rule(length: Double, within width: Double) -> String {
        let indent = max(0, (width - length) / 2)
        return paragraph(Properties(style: "HosoRule", bottomBorder: true, indent: PageLayout.twips(indent), markSize: 2), [])
    }

    /// A table with a heading row and ruled cells; `lastRowKeepsNext` keeps its last row on the
    /// page of what follows (the signatures).
    static func ruledTable(_ table: Table, lastRowKeepsNext: Bool = false) -> String {
        let widths = table.columns.map { PageLayout.textWidth * Double($0.width) / 100 }
        let heading = table.columns.map { paragraph(Properties(style: "HosoTableHeading"), [TextRun($0.title)]) }
        let rows = table.rows.enumerated().map { index, row in
            let keep = lastRowKeepsNext && index == table.rows.count - 1
            return (header: false, cells: zip(row, table.columns).map { text, column in
                paragraph(Properties(style: "HosoTableText", keepNext: keep, centered: column.centered), [TextRun(text)])
            })
        }
        return self.table(style: "HosoGrid", widths: widths, borders: true, rows: [(header: true, cells: heading)] + rows)
    }

    /// Nơi nhận (or a second signer) on the left, the signer on the right, without borders.
    static func signatureTable(left: [SignatureLine], right: [SignatureLine]) -> String {
        func cell(_ lines: [SignatureLine]) -> String {
            let paragraphs = lines.map { line -> String in
                switch line {
                case .role(let text): return paragraph(Properties(style: "HosoSignRole"), [TextRun(text)])
                case .ownTitle(let text): return paragraph(Properties(style: "HosoSignOwnTitle"), [TextRun(text)])
                case .hint(let text): return paragraph(Properties(style: "HosoSignHint"), [TextRun(text)])
                case .text(let text): return paragraph(Properties(style: "HosoSignText"), [TextRun(text)])
                case .room:
                    return paragraph(Properties(spacing: .init(before: 0, after: 0, line: PageLayout.twips(PageLayout.signingRoom), exact: true)), [])
                case .name(let text): return paragraph(Properties(style: "HosoSignName"), [TextRun(text)])
                case .recipientsLabel: return paragraph(Properties(style: "HosoRecipientsLabel"), [TextRun("Nơi nhận:")])
                case .recipient(let text): return paragraph(Properties(style: "HosoRecipient"), [TextRun(text)])
                }
            }.joined()
            return paragraphs.isEmpty ? paragraph(Properties(), []) : paragraphs
        }
        let leftWidth = PageLayout.textWidth * PageLayout.signatureLeftShare
        return table(style: "HosoLayout", widths: [leftWidth, PageLayout.textWidth - leftWidth], borders: false,
                     rows: [(header: false, cells: [cell(left), cell(right)])])
    }

    /// A table of fixed column widths (millimetres); rows that do not split across pages,
    /// a heading row repeated on each page; `cellPadding` (millimetres, each side) in place of the style's.
    static func table(style: String, widths: [Double], borders: Bool, cellPadding: Double? = nil,
                      rows: [(header: Bool, cells: [String])]) -> String {
        let twips = widths.map(PageLayout.twips)
        let edge = borders ? #"w:val="single" w:sz="4" w:space="0" w:color="000000""# : #"w:val="nil""#
        let borderXML = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(edge)/>" }.joined()
        var out = #"<w:tbl><w:tblPr><w:tblStyle w:val="\#(style)"/><w:tblW w:w="\#(twips.reduce(0, +))" w:type="dxa"/>"#
            + #"<w:jc w:val="center"/><w:tblBorders>\#(borderXML)</w:tblBorders><w:tblLayout w:type="fixed"/>"#
        if let cellPadding {
            let side = PageLayout.twips(cellPadding)
            out += #"<w:tblCellMar><w:left w:w="\#(side)" w:type="dxa"/><w:right w:w="\#(side)" w:type="dxa"/></w:tblCellMar>"#
        }
        out += "</w:tblPr><w:tblGrid>"
        out += twips.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        for row in rows {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (row.header ? "<w:tblHeader/>" : "") + "</w:trPr>"
            for (cell, width) in zip(row.cells, twips) {
                out += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>"# + (row.header ? #"<w:vAlign w:val="center"/>"# : "") + "</w:tcPr>\(cell)</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    // MARK: Paragraphs

    /// A paragraph's own properties, written in the order of `CT_PPr`.
    struct Properties {
        struct Spacing {
            var before: Int?
            var after: Int?
            var line: Int?
            var exact = false
        }

        var style: String?
        /// Kept on the page of the next paragraph (or table row).
        var keepNext = false
        var bottomBorder = false
        var spacing: Spacing?
        /// Left and right indent, in twips.
        var indent: Int?
        var centered = false
        /// The paragraph mark's size in half-points (a rule's empty paragraph is 1 pt).
        var markSize: Int?
        var section: String?

        var xml: String {
            var out = ""
            if let style { out += #"<w:pStyle w:val="\#(style)"/>"# }
            if keepNext { out += "<w:keepNext/>" }
            if bottomBorder { out += #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="000000"/></w:pBdr>"# }
            if let spacing {
                out += "<w:spacing"
                if let before = spacing.before { out += #" w:before="\#(before)""# }
                if let after = spacing.after { out += #" w:after="\#(after)""# }
                if let line = spacing.line { out += #" w:line="\#(line)" w:lineRule="\#(spacing.exact ? "exact" : "auto")""# }
                out += "/>"
            }
            if let indent { out += #"<w:ind w:left="\#(indent)" w:right="\#(indent)"/>"# }
            if centered { out += #"<w:jc w:val="center"/>"# }
            if let markSize { out += #"<w:rPr><w:sz w:val="\#(markSize)"/><w:szCs w:val="\#(markSize)"/></w:rPr>"# }
            if let section { out += section }
            return out.isEmpty ? "" : "<w:pPr>\(out)</w:pPr>"
        }
    }

    static func paragraph(_ properties: Properties, _ runs: [TextRun]) -> String {
        "<w:p>" + properties.xml + runs.map(run).joined() + "</w:p>"
    }

    /// A run: its emphasis (in `CT_RPr` order) and its text, spaces kept.
    static func run(_ run: TextRun) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            + #"<w:t xml:space="preserve">\#(XMLText.escaped(run.text))</w:t></w:r>"#
    }

    // MARK: Headers (page numbers)

    /// The header of every page but a paper's first: its page number, centred.
    static let pageNumberHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:hdr \(namespaces)>"
        + #"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
        + #"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        + #"<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#

    /// The header of a paper's first page: nothing.
    static let firstPageHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:hdr \(namespaces)>"
        + #"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>"#

    // MARK: Styles

    /// `word/styles.xml`.
    static let stylesXML: String = {
        let fonts = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#
        func size(_ points: Double) -> String {
            let half = Int((points * 2).rounded())
            return #"<w:sz w:val="\#(half)"/><w:szCs w:val="\#(half)"/>"#
        }
        func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }
        /// A paragraph style; `pPr` and `rPr` hold their children, already in schema order.
        func style(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, pPr: String = "", rPr: String = "") -> String {
            #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
                + (basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "") + (next.map { #"<w:next w:val="\#($0)"/>"# } ?? "")
                + "<w:qFormat/>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "</w:style>"
        }
        let center = #"<w:jc w:val="center"/>"#
        let keepNext = "<w:keepNext/>"
        func space(before: Double = 0, after: Double = 0) -> String { #"<w:spacing w:before="\#(twips(before))" w:after="\#(twips(after))"/>"# }
        let bold = "<w:b/><w:bCs/>", italic = "<w:i/><w:iCs/>"
        let bodyLine = Int((240 * PageLayout.lineSpacing).rounded())
        let cellMargins = #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="\#(PageLayout.twips(PageLayout.cellPadding))" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="\#(PageLayout.twips(PageLayout.cellPadding))" w:type="dxa"/></w:tblCellMar>"#
        func tableStyle(_ id: String, _ name: String, borders: String) -> String {
            #"<w:style w:type="table" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\#(borders)</w:tblBorders></w:tblPr></w:style>"#
        }
        let single = ["top", "left", "bottom", "right", "insideH", "insideV"].map { #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"# }.joined()
        let none = ["top", "left", "bottom", "right", "insideH", "insideV"].map { #"<w:\#($0) w:val="nil"/>"# }.joined()
        let styles = [
            #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#
                + #"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>\#(fonts)<w:color w:val="000000"/>\#(size(PageLayout.body))<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:style>"#,
            #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
            #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\#(cellMargins)</w:tblPr></w:style>"#,
            tableStyle("HosoGrid", "Hoso Grid", borders: single),
            tableStyle("HosoLayout", "Hoso Layout", borders: none),
            style("HosoBody", "Body Text", next: "HosoBody",
                  pPr: #"<w:spacing w:before="\#(twips(PageLayout.paragraphSpace))" w:after="0" w:line="\#(bodyLine)" w:lineRule="auto"/><w:ind w:firstLine="\#(PageLayout.twips(PageLayout.indent))"/><w:jc w:val="both"/>"#),
            style("Heading1", "heading 1", basedOn: "HosoBody", next: "HosoBody", pPr: keepNext + "<w:outlineLvl w:val=\"0\"/>", rPr: bold),
            style("Title", "Title", next: "HosoSubject", pPr: keepNext + space(before: 18) + center, rPr: bold + size(PageLayout.title)),
            style("HosoSubject", "Hoso Subject", next: "HosoBody", pPr: keepNext + center, rPr: bold + size(PageLayout.title)),
            style("HosoRule", "Hoso Rule", pPr: keepNext + #"<w:spacing w:before="0" w:after="0" w:line="80" w:lineRule="exact"/>"#, rPr: size(1)),
            style("HosoAgency", "Hoso Agency", pPr: center, rPr: size(PageLayout.agency)),
            style("HosoUnit", "Hoso Unit", basedOn: "HosoAgency", rPr: bold),
            style("HosoNumber", "Hoso Number", pPr: space(before: 8) + center, rPr: size(PageLayout.number)),
            style("HosoNation", "Hoso Nation", pPr: center, rPr: bold + size(PageLayout.nation)),
            style("HosoMotto", "Hoso Motto", pPr: center, rPr: bold + size(PageLayout.motto)),
            style("HosoPlaceDate", "Hoso Place and Date", pPr: space(before: 8) + center, rPr: italic + size(PageLayout.placeDate)),
            style("HosoCentered", "Hoso Centered", next: "HosoBody", pPr: space(before: 12, after: 6) + center),
            style("HosoNote", "Hoso Note", next: "HosoBody", pPr: space(before: 6) + center, rPr: italic + size(PageLayout.note)),
            style("HosoTableHeading", "Hoso Table Heading", pPr: keepNext + space(before: 2, after: 2) + center, rPr: bold + size(PageLayout.table)),
            style("HosoTableText", "Hoso Table Text", pPr: space(before: 2, after: 2), rPr: size(PageLayout.table)),
            style("HosoSignRole", "Hoso Signer Title", pPr: keepNext + space(before: 12) + center, rPr: bold),
            style("HosoSignOwnTitle", "Hoso Signer Own Title", pPr: keepNext + center, rPr: bold),
            style("HosoSignHint", "Hoso Signing Hint", pPr: keepNext + center, rPr: italic + size(PageLayout.note)),
            style("HosoSignText", "Hoso Signing Text", pPr: keepNext + center, rPr: size(PageLayout.note)),
            style("HosoSignName", "Hoso Signer Name", pPr: center, rPr: bold),
            style("HosoRecipientsLabel", "Hoso Recipients Label", pPr: keepNext + space(before: 12), rPr: bold + italic + size(PageLayout.recipientsLabel)),
            style("HosoRecipient", "Hoso Recipient",
                  pPr: #"<w:ind w:left="\#(PageLayout.twips(PageLayout.recipientHanging))" w:hanging="\#(PageLayout.twips(PageLayout.recipientHanging))"/>"#,
                  rPr: size(PageLayout.recipient)),
            style("Header", "header", pPr: center, rPr: size(PageLayout.pageNumber)),
        ]
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>"#
            + fonts + size(PageLayout.body) + #"<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + styles.joined() + "</w:styles>"
    }()

    // MARK: Package parts

    /// `word/settings.xml` (children in `CT_Settings` order).
    static let settingsXML = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/>"#
        + #"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#
        + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="vi-VN"/></w:settings>"#

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#
        + #"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
        + #"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        + "</Types>"

    static let packageRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let documentRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
        + #"<Relationship Id="rIdPageNumber" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#
        + #"<Relationship Id="rIdFirstPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>"#
        + "</Relationships>"

    static func coreProperties(_ metadata: Metadata) -> String {
        let when = CivilTime(metadata.created).w3cdtf
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XMLText.escaped(metadata.title))</dc:title><dc:creator>hoso</dc:creator><dc:language>vi-VN</dc:language>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(when)</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">\#(when)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    static let appProperties = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>hoso</Application></Properties>"#
}
