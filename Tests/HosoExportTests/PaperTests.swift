import XCTest
import HosoRules
import HosoSemantics
@testable import HosoExport

/// The paper model of the examples: the exact texts each paper prints, the printing fields,
/// blanks where the dossier is silent, and emphasis.
final class PaperTests: XCTestCase {
    func papers(_ text: String, profile: Profile = .sonLa2022) -> [Paper] {
        PaperBuilder(Fixture.dossier(text, profile: profile)).papers()
    }

    func header(_ paper: Paper) throws -> HeaderBlock {
        guard case .header(let header) = paper.blocks.first else { throw XCTSkip("no header") }
        return header
    }

    func tables(_ paper: Paper) -> [Table] {
        paper.blocks.compactMap { if case .table(let table) = $0 { return table } else { return nil } }
    }

    func paragraphs(_ paper: Paper) -> [String] {
        paper.blocks.compactMap { if case .paragraph(let paragraph) = $0 { return paragraph.text } else { return nil } }
    }

    func signatures(_ paper: Paper) throws -> (left: [SignatureLine], right: [SignatureLine]) {
        guard case .signatures(let left, let right) = paper.blocks.last else {
            XCTFail("a paper ends with its signatures")
            return ([], [])
        }
        return (left, right)
    }

    func testToTrinhOfTheExample() throws {
        let all = papers(try Fixture.example("phong-tchcqt.hoso"))
        XCTAssertEqual(all.map(\.kind), [.toTrinh, .bienBan, .report])
        XCTAssertEqual(all.map(\.name), ["Tờ trình", "Biên bản họp xét", "Báo cáo thành tích: Nguyễn Thị Hoa"])
        let paper = all[0]
        XCTAssertEqual(try header(paper), HeaderBlock(parentBody: "VĂN PHÒNG UBND TỈNH SƠN LA", unit: "PHÒNG TỔ CHỨC\u{00A0}- HÀNH CHÍNH\u{00A0}- QUẢN TRỊ",
                                                      number: "Số: 12/TTr-TCHCQT", placeDate: "Sơn La, ngày 18 tháng 5 năm 2022"))
        XCTAssertEqual(HeaderBlock.nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        XCTAssertEqual(HeaderBlock.motto, "Độc lập - Tự do - Hạnh phúc")
        XCTAssertEqual(paper.blocks[1], .title("TỜ TRÌNH"))
        XCTAssertEqual(paper.blocks[2], .subject("Về việc đề nghị khen thưởng sơ kết 03 năm thực hiện phong trào thi đua"))
        XCTAssertEqual(paragraphs(paper), [
            "Kính gửi: Chánh Văn phòng UBND tỉnh",
            "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;",
            "Căn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;",
            "Căn cứ Biên bản họp xét ngày 16/5/2022 của Phòng Tổ chức - Hành chính - Quản trị.",
            "DANH SÁCH ĐỀ NGHỊ",
        ])
        let list = try XCTUnwrap(tables(paper).first)
        XCTAssertEqual(list.columns.map(\.title), ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng"])
        XCTAssertEqual(list.columns.map(\.width).reduce(0, +), 100)
        XCTAssertEqual(list.rows, [
            ["1", "Nguyễn Thị Hoa", "Chuyên viên, Phòng Tổ chức - Hành chính - Quản trị", "Bằng khen của Chủ tịch UBND tỉnh"],
            ["2", "Tổ Quản trị", "Phòng Tổ chức - Hành chính - Quản trị", "Giấy khen của Chánh Văn phòng UBND tỉnh"],
        ])
        // No Người ký, no Nơi nhận: blanks to fill by hand, and the archive line from the symbol.
        let signed = try signatures(paper)
        XCTAssertEqual(signed.left, [.recipientsLabel, .recipient("- Như trên;"), .recipient("- \(Blank.line);"), .recipient("- Lưu: VT, TCHCQT.")])
        XCTAssertEqual(signed.right, [.role(Blank.line), .room, .name(Blank.line)])
    }

    func testBienBanOfTheExample() throws {
        let paper = papers(try Fixture.example("phong-tchcqt.hoso"))[1]
        XCTAssertEqual(try header(paper).number, "Số: \(Blank.short)/BB-TCHCQT")
        XCTAssertEqual(try header(paper).placeDate, "Sơn La, ngày 16 tháng 5 năm 2022")
        XCTAssertEqual(paper.blocks[1], .title("BIÊN BẢN"))
        XCTAssertEqual(paper.blocks[2], .subject("Họp xét đề nghị khen thưởng sơ kết 03 năm thực hiện phong trào thi đua"))
        XCTAssertEqual(paragraphs(paper), [
            "Thời gian: 08 giờ 00, ngày 16/5/2022", "Địa điểm: Phòng họp tầng 3, Văn phòng UBND tỉnh", "Thành phần: 8/9 công chức có mặt",
            "Chủ trì: Ông Lê Văn Bình, Trưởng phòng", "Thư ký: Bà Trần Thị Cúc, Chuyên viên", "KẾT QUẢ BIỂU QUYẾT", "Kết thúc: 09 giờ 30 cùng ngày",
        ])
        XCTAssertEqual(tables(paper).first?.rows, [["1", "Nguyễn Thị Hoa", "8/8", "100%"], ["2", "Tổ Quản trị", "7/8", "87,5%"]])
        let signed = try signatures(paper)
        XCTAssertEqual(signed.left, [.role("THƯ KÝ"), .room, .name("Trần Thị Cúc")])
        XCTAssertEqual(signed.right, [.role("CHỦ TRÌ"), .room, .name("Lê Văn Bình")])
    }

    func testReportOfTheExample() throws {
        let paper = papers(try Fixture.example("phong-tchcqt.hoso"))[2]
        XCTAssertNil(try header(paper).number)
        XCTAssertEqual(try header(paper).placeDate, "Sơn La, ngày 17 tháng 5 năm 2022")
        XCTAssertEqual(paper.blocks[1], .title("BÁO CÁO THÀNH TÍCH"))
        XCTAssertEqual(paper.blocks[2], .subject("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh"))
        XCTAssertEqual(paper.blocks[3], .paragraph(Paragraph(.centered, [TextRun("Nguyễn Thị Hoa", bold: true)])), "whose report it is")
        XCTAssertEqual(paragraphs(paper), [
            "Nguyễn Thị Hoa",
            "(Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ)",
            "I. SƠ LƯỢC LÝ LỊCH",
            "Họ và tên: Nguyễn Thị Hoa. Chức vụ: Chuyên viên, Phòng Tổ chức - Hành chính - Quản trị.",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "Thực hiện tốt các nội dung thi đua tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh.",
            "- Năm 2019: Hoàn thành tốt nhiệm vụ", "- Năm 2020: Hoàn thành xuất sắc nhiệm vụ", "- Năm 2021: Hoàn thành tốt nhiệm vụ",
            "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG",
            "- Năm 2020: Giấy khen của Chánh Văn phòng UBND tỉnh",
        ])
        let signed = try signatures(paper)
        XCTAssertEqual(signed.left, [.role("XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG"), .text("Phó Chánh Văn phòng Phạm Văn Dũng xác nhận."), .room])
        XCTAssertEqual(signed.right, [.role("NGƯỜI BÁO CÁO"), .hint("(Ký, ghi rõ họ và tên)"), .room, .name("Nguyễn Thị Hoa")])
    }

    /// The printing fields of `Examples/phong-kinh-te.hoso`: parent body, signer, recipients.
    func testPrintingFieldsOfTheSecondExample() throws {
        let all = papers(try Fixture.example("phong-kinh-te.hoso"))
        XCTAssertEqual(all.map(\.kind), [.toTrinh, .bienBan])
        XCTAssertEqual(try header(all[0]).parentBody, "VĂN PHÒNG UBND TỈNH SƠN LA")
        XCTAssertEqual(try header(all[0]).unit, "PHÒNG KINH TẾ\u{00A0}- TỔNG HỢP")
        XCTAssertEqual(try header(all[0]).number, "Số: 08/TTr-KTTH")
        XCTAssertEqual(all[0].blocks[2], .subject("Về việc đề nghị tặng Giấy khen sơ kết 03 năm phong trào thi đua văn hóa công sở"))
        let printed = paragraphs(all[0]).joined(separator: "\n")
        XCTAssertFalse(printed.contains("Người ký"), "a printing field is not body text")
        XCTAssertFalse(printed.contains("Nơi nhận"))
        XCTAssertEqual(tables(all[0]).first?.rows.map { $0[1] }, ["Lò Thị Xuân", "Quàng Văn Toàn"])
        let signed = try signatures(all[0])
        XCTAssertEqual(signed.left, [.recipientsLabel, .recipient("- Như trên;"), .recipient("- Phòng Tổ chức - Hành chính - Quản trị;"),
                                     .recipient("- Lưu: VT, KTTH.")])
        XCTAssertEqual(signed.right, [.role("TRƯỞNG PHÒNG"), .room, .name("Cầm Thị Lan")])
        XCTAssertEqual(try signatures(all[1]).right, [.role("CHỦ TRÌ"), .room, .name("Cầm Thị Lan")])
    }

    /// Printing fields written the way Word users write: emphasis, a list marker, inside a
    /// nominee block or a section; the reporter and the head of a collective's unit.
    func testPrintingFieldsAnywhereInTheirPart() throws {
        var text = try Fixture.example("phong-tchcqt.hoso")
        text = "**Cơ quan chủ quản:** Sở Nội vụ tỉnh Sơn La\n" + text
        text = text.replacingOccurrences(of: "Khen thưởng năm 2022: Không\n\n# BIÊN", with: """
            Khen thưởng năm 2022: Không
            - *Người ký:* Ông Lê Văn Bình, Trưởng phòng.
            Nơi nhận: Lưu: VT, TCHCQT; Như trên;; Sở Nội vụ (b/c)

            # BIÊN
            """)
        text += "Người báo cáo: Nguyễn Thị Hoa, Chuyên viên\n"
        let all = papers(text)
        XCTAssertEqual(try header(all[0]).parentBody, "SỞ NỘI VỤ TỈNH SƠN LA")
        let signed = try signatures(all[0])
        XCTAssertEqual(signed.right, [.role("TRƯỞNG PHÒNG"), .room, .name("Lê Văn Bình")])
        XCTAssertEqual(signed.left, [.recipientsLabel, .recipient("- Như trên;"), .recipient("- Sở Nội vụ (b/c);"), .recipient("- Lưu: VT, TCHCQT.")])
        XCTAssertEqual(try signatures(all[2]).right.last, .name("Nguyễn Thị Hoa"))
        XCTAssertFalse(paragraphs(all[2]).contains { $0.contains("Người báo cáo") })
        // A collective's report is signed by the head of the unit.
        let collective = text.replacingOccurrences(of: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: Tổ Quản trị")
            .replacingOccurrences(of: "Người báo cáo: Nguyễn Thị Hoa, Chuyên viên", with: "Thủ trưởng đơn vị: Bà Đỗ Thu Hà, Trưởng phòng")
        let report = papers(collective)[2]
        XCTAssertEqual(report.blocks[2], .subject("Đề nghị tặng Giấy khen của Chánh Văn phòng UBND tỉnh"))
        XCTAssertEqual(report.blocks[3], .paragraph(Paragraph(.centered, [TextRun("Tổ Quản trị", bold: true)])), "the collective's name under the title")
        XCTAssertEqual(try signatures(report).right, [.role("THỦ TRƯỞNG ĐƠN VỊ"), .hint("(Ký, đóng dấu)"), .room, .name("Đỗ Thu Hà")])
    }

    /// `Người ký: NAME, KT. TITLE, OWN TITLE` signs on another's behalf: two lines, as NĐ 30 prints them.
    func testSigningOnBehalfPrintsTwoLines() throws {
        XCTAssertEqual(PaperBuilder.titleLines("KT. Trưởng phòng, Phó Trưởng phòng"), [.role("KT. TRƯỞNG PHÒNG"), .ownTitle("PHÓ TRƯỞNG PHÒNG")])
        XCTAssertEqual(PaperBuilder.titleLines("TM. Ủy ban nhân dân, Chủ tịch"), [.role("TM. ỦY BAN NHÂN DÂN"), .ownTitle("CHỦ TỊCH")])
        XCTAssertEqual(PaperBuilder.titleLines("Trưởng phòng, Phòng Tổ chức"), [.role("TRƯỞNG PHÒNG, PHÒNG TỔ CHỨC")], "not on behalf: as written")
        XCTAssertEqual(PaperBuilder.titleLines("KT. Trưởng phòng"), [.role("KT. TRƯỞNG PHÒNG")])
        XCTAssertEqual(PaperBuilder.titleLines(""), [.role(Blank.line)])
        let text = try Fixture.example("phong-kinh-te.hoso")
        let start = try XCTUnwrap(text.range(of: "Người ký: "))
        let end = try XCTUnwrap(text[start.upperBound...].firstIndex(of: "\n"))
        let signed = text.replacingCharacters(in: start.upperBound..<end, with: "Lê Văn Bình, KT. Trưởng phòng, Phó Trưởng phòng")
        XCTAssertEqual(try signatures(papers(signed)[0]).right, [.role("KT. TRƯỞNG PHÒNG"), .ownTitle("PHÓ TRƯỞNG PHÒNG"), .room, .name("Lê Văn Bình")])
    }

    /// The agency column is 45% of the line, the motto's still holds the nation's name on one line,
    /// and a unit's ` - ` never leaves a hyphen at the start of a line.
    func testHeaderColumnsAndHyphens() throws {
        XCTAssertEqual(PageLayout.agencyColumn / PageLayout.textWidth, 0.45, accuracy: 0.01)
        let nation = PageLayout.millimetres(TextWidth.points(HeaderBlock.nation, size: PageLayout.nation, bold: true))
        XCTAssertLessThan(nation, PageLayout.mottoColumn - 2 * PageLayout.headerCellPadding)
        let header = try header(papers("Cơ quan chủ quản: Sở Văn hóa - Thể thao\nĐơn vị: Phòng Hành chính - Văn thư - Lưu trữ\n")[0])
        XCTAssertEqual(header.unit, "PHÒNG HÀNH CHÍNH\u{00A0}- VĂN THƯ\u{00A0}- LƯU TRỮ")
        XCTAssertEqual(header.parentBody, "SỞ VĂN HÓA\u{00A0}- THỂ THAO")
        XCTAssertEqual(TextWidth.points("\u{00A0}", size: 10, bold: false), TextWidth.points(" ", size: 10, bold: false))
    }

    /// The printing fields draw no finding: lint must not call them unknown.
    func testPrintingFieldsAreNoFindingForLint() throws {
        var text = try Fixture.example("phong-tchcqt.hoso")
        text = "Cơ quan chủ quản: VĂN PHÒNG UBND TỈNH SƠN LA\n" + text
        text = text.replacingOccurrences(of: "## DANH SÁCH ĐỀ NGHỊ", with: "Người ký: Lê Văn Bình, Trưởng phòng\nNơi nhận: Như trên; Lưu: VT, TCHCQT.\n\n## DANH SÁCH ĐỀ NGHỊ")
        text = text.replacingOccurrences(of: "Khen thưởng năm 2022: Không\n\n# BIÊN", with: "Khen thưởng năm 2022: Không\n**Người ký:** Lê Văn Bình, Trưởng phòng\n\n# BIÊN")
        text += "Người báo cáo: Nguyễn Thị Hoa, Chuyên viên\nThủ trưởng đơn vị: Lê Văn Bình, Trưởng phòng\n"
        XCTAssertEqual(Linter().lint(bytes: Array(text.utf8)).findings.map(\.code), [])
        XCTAssertEqual(Linter().lint(bytes: Array(try Fixture.example("phong-kinh-te.hoso").utf8)).findings.map(\.code), [])
    }

    func testMissingPartsAndFieldsAreBlanks() throws {
        let all = papers("Đơn vị: Phòng Tổng hợp\n\n# TỜ TRÌNH\nSố: /TTr-TH\n")
        XCTAssertEqual(all.map(\.kind), [.toTrinh, .bienBan])
        let top = try header(all[0])
        XCTAssertEqual(top.parentBody, "VĂN PHÒNG UBND TỈNH SƠN LA", "the profile's default")
        XCTAssertEqual(top.unit, "PHÒNG TỔNG HỢP")
        XCTAssertEqual(top.number, "Số: /TTr-TH")
        XCTAssertEqual(top.placeDate, Blank.placeDate)
        XCTAssertEqual(all[0].blocks[2], .subject("Về việc " + Blank.line))
        XCTAssertEqual(paragraphs(all[0]), ["Kính gửi: " + Blank.line])
        XCTAssertEqual(paragraphs(all[1]).first, "Thời gian: " + Blank.line)
        XCTAssertEqual(try signatures(all[1]).right, [.role("CHỦ TRÌ"), .room, .name(Blank.line)])
        // A profile without a default parent body leaves it blank.
        var profile = Profile.sonLa2022
        profile.parentBody = nil
        XCTAssertEqual(try header(papers("", profile: profile)[0]).parentBody, Blank.line)
    }

    func testEmphasisBecomesRuns() {
        XCTAssertEqual(InlineText.runs("Xét tặng không quá **01** tập thể"),
                       [TextRun("Xét tặng không quá "), TextRun("01", bold: true), TextRun(" tập thể")])
        XCTAssertEqual(InlineText.runs("*(theo Kế hoạch)* và __đậm__ _nghiêng_"),
                       [TextRun("(theo Kế hoạch)", italic: true), TextRun(" và "), TextRun("đậm", bold: true), TextRun(" "), TextRun("nghiêng", italic: true)])
        XCTAssertEqual(InlineText.runs("5 * 3 = 15, ten_file_x, a ** b"), [TextRun("5 * 3 = 15, ten_file_x, a ** b")])
        XCTAssertEqual(InlineText.runs("**không đóng"), [TextRun("**không đóng")])
        XCTAssertEqual(InlineText.plain("a <!-- ghi chú --> b\u{A0}\u{A0}c\u{AD}d\u{7}"), "a b cd")
    }

    /// A line of nothing but emphasis marks, and a thousand nominees, export in linear time.
    func testPathologicalDossiersStayFast() {
        let marks = String(repeating: "*_ **a", count: 50_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            XCTAssertTrue(InlineText.plain(marks).contains("a"))
        }
        XCTAssertLessThan(elapsed, .seconds(5))
        var text = "Đơn vị: Phòng Tổng hợp\n\n# TỜ TRÌNH\nSố: 01/TTr-TH\n\n## DANH SÁCH ĐỀ NGHỊ\n"
        for n in 0..<1000 { text += "### Cá nhân: Người \(n)\nChức vụ: Chuyên viên\nHình thức: Giấy khen của Chánh Văn phòng UBND tỉnh\n" }
        text += "# BIÊN BẢN HỌP XÉT\n## KẾT QUẢ BIỂU QUYẾT\n" + (0..<1000).map { "- Người \($0): 5/5 đồng ý\n" }.joined()
        let dossier = Fixture.dossier(text)
        let whole = clock.measure {
            XCTAssertGreaterThan(Exporter.export(dossier, format: .docx, created: 0).bytes.count, 100_000)
        }
        XCTAssertLessThan(whole, .seconds(10))
    }

    func testSignerAndTrichYeu() {
        XCTAssertEqual(Signer("Ông Lê Văn Bình, Trưởng phòng."), Signer(name: "Lê Văn Bình", title: "Trưởng phòng"))
        XCTAssertEqual(Signer("Đ/c Hà Văn Nam"), Signer(name: "Hà Văn Nam", title: ""))
        XCTAssertNil(Signer("……, ……"))
        XCTAssertEqual(PaperBuilder.lowercasingVerb("Đề nghị khen thưởng"), "đề nghị khen thưởng")
        XCTAssertEqual(PaperBuilder.lowercasingVerb("Sơn La khen thưởng"), "Sơn La khen thưởng")
        XCTAssertEqual(PaperBuilder.percent(700.0 / 8), "87,5%")
        XCTAssertEqual(PaperBuilder.percent(100), "100%")
        XCTAssertEqual(PaperBuilder.withoutNumbering("IV. XÁC NHẬN CỦA LÃNH ĐẠO"), "XÁC NHẬN CỦA LÃNH ĐẠO")
        XCTAssertEqual(Exporter.defaultOutput(for: "ho-so/a.hoso", format: .docx), "ho-so/a.docx")
        XCTAssertEqual(Exporter.defaultOutput(for: "a.HOSO.txt", format: .html), "a.html")
        XCTAssertEqual(Exporter.defaultOutput(for: "ho-so/.hoso", format: .docx), "ho-so/.hoso.docx")
        XCTAssertEqual(Exporter.defaultOutput(for: "notes.txt", format: .docx), "notes.docx")
        XCTAssertEqual(Exporter.defaultOutput(for: "ban.v2/ho-so", format: .html), "ban.v2/ho-so.html")
        XCTAssertEqual(Exporter.Format(pathExtensionOf: "x/Bản in.HTM"), .html)
        XCTAssertNil(Exporter.Format(pathExtensionOf: "x.pdf"))
    }
}
