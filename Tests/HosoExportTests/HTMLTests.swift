import XCTest
@testable import HosoExport

/// The HTML page: self-contained, Vietnamese, A4 print CSS, a page per paper, the same texts.
final class HTMLTests: XCTestCase {
    func html(_ text: String) -> String {
        String(decoding: Exporter.export(Fixture.dossier(text), format: .html, created: Fixture.created).bytes, as: UTF8.self)
    }

    func testPageIsSelfContainedAndPrintsOnA4() throws {
        let page = html(try Fixture.example("phong-tchcqt.hoso"))
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(page.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(page.contains("@page { size: A4 portrait; margin: 20.0mm 15.0mm 20.0mm 30.0mm; }"), page)
        XCTAssertTrue(page.contains("break-before: page; page-break-before: always;"))
        XCTAssertTrue(page.contains("\"Times New Roman\""))
        // Nothing is fetched: no scripts, links, images or URLs.
        for needle in ["<script", "<link", "<img", "src=", "href=", "http:", "https:", "url("] {
            XCTAssertFalse(page.contains(needle), needle)
        }
        XCTAssertEqual(page.components(separatedBy: "<section class=\"paper\"").count - 1, 3)
    }

    func testSameTextsAsThePaperModel() throws {
        let page = html(try Fixture.example("phong-tchcqt.hoso"))
        for text in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<span class=\"motto\">Độc lập - Tự do - Hạnh phúc</span>",
                     "VĂN PHÒNG UBND TỈNH SƠN LA", "PHÒNG TỔ CHỨC\u{00A0}- HÀNH CHÍNH\u{00A0}- QUẢN TRỊ", "Số: 12/TTr-TCHCQT",
                     "<p class=\"place-date\">Sơn La, ngày 18 tháng 5 năm 2022</p>", "<h1 class=\"title\">TỜ TRÌNH</h1>",
                     "<h1 class=\"title\">BIÊN BẢN</h1>", "<h1 class=\"title\">BÁO CÁO THÀNH TÍCH</h1>",
                     "Về việc đề nghị khen thưởng sơ kết 03 năm thực hiện phong trào thi đua", "<td>Nguyễn Thị Hoa</td>", "<td>Tổ Quản trị</td>",
                     "<p class=\"recipients-label\">Nơi nhận:</p>", "<p class=\"name\">Lê Văn Bình</p>"] {
            XCTAssertTrue(page.contains(text), text)
        }
    }

    /// The signatures and the paragraph before them are one block that does not break across pages.
    func testSignaturesKeepTheParagraphBeforeThem() throws {
        let page = html(try Fixture.example("phong-kinh-te.hoso"))
        XCTAssertTrue(page.contains(".closing { break-inside: avoid; page-break-inside: avoid; }"))
        let closings = page.components(separatedBy: "<div class=\"closing\">\n").dropFirst()
        XCTAssertEqual(closings.count, 2, "one per paper")
        // The Tờ trình ends with its list (a table is never held whole), the Biên bản with a paragraph.
        XCTAssertTrue(closings.first?.hasPrefix("<table class=\"signatures\">") ?? false)
        XCTAssertTrue(closings.last?.hasPrefix("<p class=\"body\">") ?? false)
        for closing in closings {
            let end = try XCTUnwrap(closing.range(of: "</div>\n</section>"))
            XCTAssertEqual(closing[..<end.lowerBound].components(separatedBy: "<table class=\"signatures\">").count, 2)
        }
        XCTAssertTrue(page.contains(".own-title { font-weight: bold; text-align: center; }"))
        XCTAssertTrue(page.contains("table.header td.agency { width: 74.0mm; }"))
    }

    func testMarkupInTheDossierIsText() throws {
        let page = html(try Fixture.example("phong-tchcqt.hoso").replacingOccurrences(of: "Căn cứ Kế hoạch số 179", with: "Căn cứ <script>x</script> & **đậm** Kế hoạch số 179"))
        XCTAssertTrue(page.contains("Căn cứ &lt;script&gt;x&lt;/script&gt; &amp; <b>đậm</b> Kế hoạch số 179"))
        XCTAssertFalse(page.contains("<script>"))
    }
}
