import Foundation
import XCTest
import HosoSemantics
@testable import HosoExport

/// The DOCX package: its parts, well-formed XML, the schema's element order, styles, the page.
final class DOCXTests: XCTestCase {
    func export(_ text: String) throws -> ZipArchive {
        try ZipArchive(Exporter.export(Fixture.dossier(text), format: .docx, created: Fixture.created).bytes)
    }

    func testPackageHasEveryPartAndTheyAreWellFormed() throws {
        let archive = try export(try Fixture.example("phong-tchcqt.hoso"))
        XCTAssertEqual(archive.entries.first?.name, "[Content_Types].xml")
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                     "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml", "docProps/core.xml", "docProps/app.xml"] {
            let text = try XCTUnwrap(archive.text(part), part)
            XCTAssertNoThrow(try parseXML(text), part)
        }
        // Every part a relationship names exists, and has a content type.
        let types = try parseXML(archive.text("[Content_Types].xml")!)
        let overrides = Set(types.all.compactMap { $0.attributes["PartName"] })
        for (rels, folder) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
            for relationship in try parseXML(archive.text(rels)!).all where relationship.name == "Relationship" {
                let target = folder + relationship.attributes["Target"]!
                XCTAssertNotNil(archive.data(target), target)
                XCTAssertTrue(overrides.contains("/" + target), target)
            }
        }
        let core = try parseXML(archive.text("docProps/core.xml")!)
        XCTAssertEqual(core.all.first { $0.name == "dc:title" }?.text, "Hồ sơ đề nghị khen thưởng - Phòng Tổ chức - Hành chính - Quản trị")
        XCTAssertEqual(core.all.first { $0.name == "dcterms:created" }?.text, "2022-05-18T08:30:00Z")
    }

    /// Word refuses a document whose property elements are out of the schema's order.
    func testElementsFollowTheSchemaOrder() throws {
        let archive = try export(try Fixture.example("phong-tchcqt.hoso"))
        var checked = 0
        for part in ["word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml"] {
            for node in try parseXML(archive.text(part)!).all {
                guard let order = Self.sequences[node.name] else { continue }
                let names = node.children.map(\.name)
                let positions = names.map { order.firstIndex(of: $0) }
                XCTAssertFalse(positions.contains(nil), "\(part): unknown child in \(node.name): \(names)")
                let known = positions.compactMap { $0 }
                XCTAssertEqual(known, known.sorted(), "\(part): \(node.name) children out of order: \(names)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }

    /// The sequences of ECMA-376 Part 1 (transitional) for the elements written.
    static let sequences: [String: [String]] = [
        "w:pPr": ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                  "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                  "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                  "w:sectPr", "w:pPrChange"],
        "w:rPr": ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
                  "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
                  "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath"],
        "w:tblPr": ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
                    "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
                    "w:tblLook"],
        "w:tcPr": ["w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
                   "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"],
        "w:sectPr": ["w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
                     "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign",
                     "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings"],
        "w:style": ["w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
                    "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
                    "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"],
        "w:styles": ["w:docDefaults", "w:latentStyles", "w:style"],
        "w:pBdr": ["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
        "w:tblBorders": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"],
        "w:tblCellMar": ["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
        "w:tbl": ["w:tblPr", "w:tblGrid", "w:tr"],
        "w:tr": ["w:trPr", "w:tc"],
        "w:tc": ["w:tcPr", "w:p"],
        "w:p": ["w:pPr", "w:r"],
        "w:r": ["w:rPr", "w:t", "w:fldChar", "w:instrText"],
        "w:settings": ["w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:defaultTabStop",
                       "w:characterSpacingControl", "w:compat", "w:themeFontLang"],
    ]

    func testPageIsA4WithTheMarginsAndEachPaperASection() throws {
        let archive = try export(try Fixture.example("phong-tchcqt.hoso"))
        let document = try parseXML(archive.text("word/document.xml")!)
        let sections = document.all.filter { $0.name == "w:sectPr" }
        XCTAssertEqual(sections.count, 3, "Tờ trình, Biên bản, one Báo cáo thành tích")
        for (index, section) in sections.enumerated() {
            let size = try XCTUnwrap(section.children.first { $0.name == "w:pgSz" })
            XCTAssertEqual(size.attributes["w:w"], "11906")
            XCTAssertEqual(size.attributes["w:h"], "16838")
            let margins = try XCTUnwrap(section.children.first { $0.name == "w:pgMar" })
            // Top and bottom 20 mm, left 30 mm, right 15 mm.
            XCTAssertEqual(margins.attributes["w:top"], "1134")
            XCTAssertEqual(margins.attributes["w:bottom"], "1134")
            XCTAssertEqual(margins.attributes["w:left"], "1701")
            XCTAssertEqual(margins.attributes["w:right"], "850")
            // Each paper after the first starts on a new page; page numbers restart, none on a first page.
            XCTAssertEqual(section.children.first { $0.name == "w:type" }?.attributes["w:val"], index == 0 ? nil : "nextPage")
            XCTAssertEqual(section.children.first { $0.name == "w:pgNumType" }?.attributes["w:start"], "1")
            XCTAssertTrue(section.children.contains { $0.name == "w:titlePg" })
        }
        // The body ends with the last section's properties.
        XCTAssertEqual(document.children.first?.children.last?.name, "w:sectPr")
    }

    func testStylesNameTimesNewRomanAndBodyTextIsJustifiedAndIndented() throws {
        let styles = try parseXML(try export(try Fixture.example("phong-tchcqt.hoso")).text("word/styles.xml")!)
        let fonts = styles.all.filter { $0.name == "w:rFonts" }
        XCTAssertFalse(fonts.isEmpty)
        for font in fonts {
            for key in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] { XCTAssertEqual(font.attributes[key], "Times New Roman") }
        }
        func style(_ id: String) throws -> XMLNode { try XCTUnwrap(styles.all.first { $0.name == "w:style" && $0.attributes["w:styleId"] == id }, id) }
        func property(_ node: XMLNode, _ name: String) -> XMLNode? { node.all.first { $0.name == name } }
        let body = try style("HosoBody")
        XCTAssertEqual(property(body, "w:jc")?.attributes["w:val"], "both")
        XCTAssertEqual(property(body, "w:ind")?.attributes["w:firstLine"], "720", "1.27 cm")
        XCTAssertGreaterThanOrEqual(Int(property(body, "w:spacing")?.attributes["w:before"] ?? "0") ?? 0, 120, "at least 6 pt")
        let normal = try style("Normal")
        XCTAssertEqual(property(normal, "w:sz")?.attributes["w:val"], "28", "14 pt")
        XCTAssertEqual(property(normal, "w:color")?.attributes["w:val"], "000000")
        XCTAssertEqual(property(try style("HosoNation"), "w:sz")?.attributes["w:val"], "24", "12 pt")
        XCTAssertEqual(property(try style("HosoMotto"), "w:sz")?.attributes["w:val"], "26", "13 pt")
        XCTAssertNotNil(property(try style("HosoPlaceDate"), "w:i"))
        XCTAssertNotNil(property(try style("Title"), "w:b"))
        XCTAssertNotNil(property(try style("HosoRecipientsLabel"), "w:i"))
        XCTAssertEqual(property(try style("HosoRecipient"), "w:sz")?.attributes["w:val"], "22", "11 pt")
        // Every style a paragraph or table names exists.
        let ids = Set(styles.all.compactMap { $0.name == "w:style" ? $0.attributes["w:styleId"] : nil })
        let document = try parseXML(try export(try Fixture.example("phong-tchcqt.hoso")).text("word/document.xml")!)
        for use in document.all where use.name == "w:pStyle" || use.name == "w:tblStyle" {
            XCTAssertTrue(ids.contains(use.attributes["w:val"]!), use.attributes["w:val"]!)
        }
    }

    /// Word joins tables that touch: a paragraph stands between the nominees and the signatures.
    func testNoTwoTablesTouch() throws {
        let document = try parseXML(try export(try Fixture.example("phong-tchcqt.hoso")).text("word/document.xml")!)
        let body = try XCTUnwrap(document.children.first)
        let names = body.children.map(\.name)
        XCTAssertEqual(names.filter { $0 == "w:tbl" }.count, 8, "3 headers, the nominees, the votes, 3 signature blocks")
        for (a, b) in zip(names, names.dropFirst()) { XCTAssertFalse(a == "w:tbl" && b == "w:tbl") }
    }

    /// The signatures never stand alone on a page: the paragraph before each signature table keeps
    /// with it, and its row does not split; a second title line has its own style.
    func testSignaturesKeepTheParagraphBeforeThem() throws {
        let document = try parseXML(try export(try Fixture.example("phong-kinh-te.hoso")).text("word/document.xml")!)
        let body = try XCTUnwrap(document.children.first).children
        let signatures = body.indices.filter { index in
            body[index].name == "w:tbl" && body[index].all.contains { ["HosoSignRole", "HosoRecipientsLabel"].contains($0.attributes["w:val"] ?? "") }
                && !body[index].all.contains { $0.attributes["w:val"] == "HosoNation" }
        }
        XCTAssertEqual(signatures.count, 2, "the Tờ trình's and the Biên bản's")
        for index in signatures {
            let before = body[index - 1]
            XCTAssertEqual(before.name, "w:p")
            XCTAssertTrue(before.children.first { $0.name == "w:pPr" }?.children.contains { $0.name == "w:keepNext" } ?? false,
                          "the paragraph before the signatures keeps with them: \(before.allText)")
            XCTAssertTrue(body[index].all.filter { $0.name == "w:tr" }.allSatisfy { $0.all.contains { $0.name == "w:cantSplit" } })
        }
        // The Tờ trình ends with its list: the list's last row keeps with the signatures.
        let list = body[signatures[0] - 2]
        XCTAssertEqual(list.name, "w:tbl")
        XCTAssertTrue(list.children.last { $0.name == "w:tr" }?.all.contains { $0.name == "w:keepNext" } ?? false)
        let styles = try parseXML(try export("").text("word/styles.xml")!)
        XCTAssertTrue(styles.all.contains { $0.name == "w:style" && $0.attributes["w:styleId"] == "HosoSignOwnTitle" })
        let recipient = try XCTUnwrap(styles.all.first { $0.name == "w:style" && $0.attributes["w:styleId"] == "HosoRecipient" })
        XCTAssertNotNil(recipient.all.first { $0.name == "w:ind" }?.attributes["w:hanging"], "a wrapped recipient hangs under its text")
    }

    /// The motto's rule is drawn (a paragraph border, as long as the text), never an underline.
    func testMottoRuleIsABorderNotAnUnderline() throws {
        let document = try parseXML(try export(try Fixture.example("phong-tchcqt.hoso")).text("word/document.xml")!)
        XCTAssertFalse(document.all.contains { $0.name == "w:u" })
        let motto = try XCTUnwrap(document.all.first { $0.name == "w:p" && $0.allText == HeaderBlock.motto })
        let border = try XCTUnwrap(motto.all.first { $0.name == "w:pBdr" }?.children.first)
        XCTAssertEqual(border.name, "w:bottom")
        XCTAssertEqual(border.attributes["w:val"], "single")
        // Sized to the text: the indents leave the motto's width (about 56 mm) between them.
        let indent = try XCTUnwrap(motto.all.first { $0.name == "w:ind" }?.attributes["w:left"].flatMap(Int.init))
        let width = (PageLayout.mottoColumn - 2 * PageLayout.headerCellPadding) - 2 * Double(indent) * 25.4 / 1440
        XCTAssertEqual(width, 57, accuracy: 3)
    }

    /// Control characters, markup and quotes in a dossier come out as text, and the XML parses.
    func testHostileTextIsEscaped() throws {
        let text = try Fixture.example("phong-tchcqt.hoso")
            .replacingOccurrences(of: "Căn cứ Kế hoạch số 179", with: "Căn cứ <w:p> & \"x\" 'y' \u{1}\u{B}\u{7F}\u{FEFF} Kế hoạch số 179")
            .replacingOccurrences(of: "Đơn vị: Phòng Tổ chức", with: "Đơn vị: ]]> Phòng Tổ chức")
        let archive = try export(text)
        let document = try parseXML(archive.text("word/document.xml")!)
        XCTAssertTrue(document.allText.contains("Căn cứ <w:p> & \"x\" 'y' Kế hoạch số 179"), document.allText)
        XCTAssertTrue(document.allText.contains("]]> PHÒNG TỔ CHỨC"))
        XCTAssertNoThrow(try parseXML(archive.text("docProps/core.xml")!))
    }

    func testEmptyDossierStillGivesTheTwoFormsToFill() throws {
        let archive = try export("")
        let document = try parseXML(archive.text("word/document.xml")!)
        XCTAssertEqual(document.all.filter { $0.name == "w:sectPr" }.count, 2)
        XCTAssertTrue(document.allText.contains("TỜ TRÌNH"))
        XCTAssertTrue(document.allText.contains("BIÊN BẢN"))
        XCTAssertTrue(document.allText.contains(Blank.line))
    }
}
