import XCTest
import HosoProtocol
@testable import HosoServer

/// Completion items replace the whole value typed so far (docs/language-server.md, "Completion"), in the
/// negotiated position encoding, filtered and sorted by the folded value, shaped for Neovim 0.7
/// (no `filterText` when the label starts with the typed text) and eglot 1.9 (`insertText` from the
/// word before the cursor).
final class CompletionTests: XCTestCase {
    let uri = "file:///tmp/hoso-completion-test/a.hoso"

    /// A client with the clean example open and line `line` replaced by `text`.
    func client(_ line: Int, _ text: String, encodings: [String]? = nil, snippets: Bool = false, crlf: Bool = false) -> TestClient {
        let client = TestClient()
        _ = client.initialize(encodings: encodings, snippets: snippets)
        var lines = cleanExample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line] = text
        client.open(uri, lines.joined(separator: crlf ? "\r\n" : "\n"))
        return client
    }

    func complete(_ client: TestClient, _ line: Int, _ character: Int) -> JSON? {
        client.request("textDocument/completion", .object([("textDocument", document(uri)), ("position", position(line, character))]))["result"]
    }

    func items(_ client: TestClient, _ line: Int, _ character: Int) -> [JSON] {
        complete(client, line, character)?["items"]?.arrayValue ?? []
    }

    func testARatingReplacesTheWholeValueInUTF16UTF8AndUTF32() {
        let typed = "Năm 2021: Hoàn thành xu"
        for (encoding, start, end) in [("utf-16", 10, typed.utf16.count), ("utf-8", "Năm 2021: ".utf8.count, typed.utf8.count),
                                       ("utf-32", 10, typed.unicodeScalars.count)] {
            let client = client(20, typed, encodings: [encoding])
            let result = complete(client, 20, end)
            XCTAssertEqual(result?["isIncomplete"], .bool(true))
            let items = result?["items"]?.arrayValue ?? []
            XCTAssertEqual(items.map { $0["label"]?.stringValue }, ["Hoàn thành xuất sắc nhiệm vụ"], encoding)
            let item = items.first
            XCTAssertEqual(item?["textEdit"]?["range"], range((20, start), (20, end)), encoding)
            XCTAssertEqual(item?["textEdit"]?["newText"]?.stringValue, "Hoàn thành xuất sắc nhiệm vụ")
            XCTAssertNil(item?["filterText"], "the label starts with the typed text: Neovim 0.7 needs no filterText to take the edit's start")
            XCTAssertEqual(item?["insertText"]?.stringValue, "xuất sắc nhiệm vụ", "eglot filters by the word before the cursor")
            XCTAssertNil(item?["insertTextFormat"])
        }
    }

    func testAPartTitleAfterVietnameseLetters() {
        for (encoding, end) in [("utf-16", "# BIÊN B".utf16.count), ("utf-8", "# BIÊN B".utf8.count)] {
            let client = client(32, "# BIÊN B", encodings: [encoding])
            let items = items(client, 32, end)
            XCTAssertEqual(items.map { $0["label"]?.stringValue }, ["BIÊN BẢN HỌP XÉT"], encoding)
            XCTAssertEqual(items.first?["textEdit"]?["range"], range((32, 2), (32, end)), encoding)
            XCTAssertEqual(items.first?["textEdit"]?["newText"]?.stringValue, "BIÊN BẢN HỌP XÉT")
            XCTAssertEqual(items.first?["insertText"]?.stringValue, "BẢN HỌP XÉT")
        }
        // After `# ` alone: every title, each from the cursor.
        let client = client(32, "# ")
        XCTAssertEqual(items(client, 32, 2).map { $0["label"]?.stringValue },
                       ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT", "BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa"])
        XCTAssertEqual(items(client, 32, 2).first?["textEdit"]?["range"], range((32, 2), (32, 2)))
        XCTAssertEqual(items(client, 32, 2).first?["insertText"], nil)
        // Right after a field's colon (the trigger character), the value comes with its space.
        let colon = self.client(20, "Năm 2021:")
        let rating = items(colon, 20, 9).first
        XCTAssertEqual(rating?["textEdit"]?["range"], range((20, 9), (20, 9)))
        XCTAssertEqual(rating?["textEdit"]?["newText"]?.stringValue, " Hoàn thành xuất sắc nhiệm vụ")
        XCTAssertNil(rating?["filterText"])
    }

    func testTextWithoutDiacriticsOrInAnotherCaseIsMatchedFolded() {
        let client = client(20, "Năm 2021: Hoan thanh xu")
        let item = items(client, 20, 23).first
        XCTAssertEqual(item?["label"]?.stringValue, "Hoàn thành xuất sắc nhiệm vụ")
        XCTAssertEqual(item?["textEdit"]?["range"], range((20, 10), (20, 23)))
        XCTAssertEqual(item?["filterText"]?.stringValue, "Hoan thanh xuất sắc nhiệm vụ", "the typed text leads, for clients that filter by it")
        XCTAssertEqual(item?["insertText"]?.stringValue, "xuất sắc nhiệm vụ")
        XCTAssertEqual(item?["sortText"]?.stringValue?.first, "2")

        let upper = self.client(32, "# bien ban")
        XCTAssertEqual(items(upper, 32, 10).map { $0["label"]?.stringValue }, ["BIÊN BẢN HỌP XÉT"])
        XCTAssertEqual(items(upper, 32, 10).first?["insertText"]?.stringValue, "ban HỌP XÉT")
    }

    func testSortTextPutsTheBestMatchFirst() {
        let client = client(20, "Năm 2021: Hoàn thành ")
        let items = items(client, 20, 21)
        // Profile order among equal prefixes; "Không hoàn thành nhiệm vụ" (a word inside) is left out.
        XCTAssertEqual(items.map { $0["label"]?.stringValue }, ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"])
        let sortTexts = items.compactMap { $0["sortText"]?.stringValue }
        XCTAssertEqual(sortTexts, sortTexts.sorted())
        XCTAssertEqual(items.map { $0["insertText"]?.stringValue }, ["xuất sắc nhiệm vụ", "tốt nhiệm vụ", "nhiệm vụ"])

        // The same text once folded first, then literal prefixes, then another spelling, then a word inside.
        let exact = self.client(20, "Năm 2021: hoàn thành nhiệm vụ")
        XCTAssertEqual(self.items(exact, 20, 29).map { $0["sortText"]?.stringValue?.first }, ["0"])
        let abbreviation = self.client(20, "Năm 2021: HTXS")
        let expanded = self.items(abbreviation, 20, 14).first
        XCTAssertEqual(expanded?["label"]?.stringValue, "Hoàn thành xuất sắc nhiệm vụ")
        XCTAssertEqual(expanded?["sortText"]?.stringValue?.first, "3")
        XCTAssertEqual(expanded?["insertText"]?.stringValue, "HTXSNV")
        let inside = self.client(17, "Hình thức: UBND")
        XCTAssertEqual(self.items(inside, 17, 15).map { $0["label"]?.stringValue },
                       ["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chánh Văn phòng UBND tỉnh"])
        XCTAssertEqual(self.items(inside, 17, 15).first?["insertText"]?.stringValue, "UBND tỉnh")
        let alias = self.client(17, "Hình thức: Cấp")
        XCTAssertEqual(self.items(alias, 17, 14).map { $0["label"]?.stringValue }, ["Khen thưởng cấp Nhà nước"])
    }

    func testKeysCodesNamesAndAwardsInTheirPlaces() {
        // A key being typed; prose matches no key and gets nothing.
        let key = client(23, "Chức")
        XCTAssertEqual(items(key, 23, 4).map { $0["textEdit"]?["newText"]?.stringValue }, ["Chức vụ: "])
        XCTAssertEqual(items(key, 23, 4).first?["textEdit"]?["range"], range((23, 0), (23, 4)))
        let prose = client(23, "Thực hiện tốt ")
        XCTAssertEqual(items(prose, 23, 14).count, 0)
        // Codes from the code being typed, none in the reason.
        let codes = client(23, "<!-- hoso-disable-next-line HS20")
        XCTAssertEqual(items(codes, 23, 32).map { $0["label"]?.stringValue }, (201...209).map { "HS\($0)" })
        XCTAssertEqual(items(codes, 23, 32).first?["textEdit"]?["range"], range((23, 28), (23, 32)))
        let reason = client(23, "<!-- hoso-disable-next-line HS208 -- HS")
        XCTAssertEqual(items(reason, 23, 39).count, 0)
        // A name voted on but not declared, after `### Cá nhân: `.
        let names = client(41, "- Lò Văn Nam: 8/8 đồng ý (100%)")
        names.change(uri, version: 2, [(((23, 0), (23, 0)), "### Cá nhân: L")])
        XCTAssertEqual(items(names, 23, 14).map { $0["label"]?.stringValue }, ["Lò Văn Nam"])
        XCTAssertEqual(items(names, 23, 14).first?["textEdit"]?["range"], range((23, 13), (23, 14)))
        // In the report's section of awards already received, `Năm YYYY:` takes award forms.
        let award = client(60, "- Năm 2020: Giấy")
        XCTAssertEqual(items(award, 60, 16).map { $0["label"]?.stringValue }, ["Giấy khen của Chánh Văn phòng UBND tỉnh"])
        XCTAssertEqual(items(award, 60, 16).first?["textEdit"]?["range"], range((60, 12), (60, 16)))
        // A registry citation after `Căn cứ `, from a word of its number.
        let citation = client(9, "Căn cứ 179")
        let document = items(citation, 9, 10).first
        XCTAssertEqual(document?["label"]?.stringValue, "Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh Sơn La")
        XCTAssertEqual(document?["textEdit"]?["range"], range((9, 7), (9, 10)))
    }

    func testNomineeBlockSnippetOnlyForClientsThatTakeSnippets() {
        let plain = client(23, "### ")
        let plainItems = items(plain, 23, 4)
        XCTAssertEqual(plainItems.map { $0["label"]?.stringValue }, ["Cá nhân: ", "Tập thể: "])
        XCTAssertFalse(plainItems.contains { $0["insertTextFormat"] != nil || ($0["textEdit"]?["newText"]?.stringValue ?? "").contains("\n") })

        let snippets = client(23, "### ", snippets: true)
        let block = items(snippets, 23, 4).filter { $0["insertTextFormat"]?.intValue == 2 }
        XCTAssertEqual(block.count, 2)
        XCTAssertEqual(block.first?["textEdit"]?["range"], range((23, 4), (23, 4)))
        XCTAssertEqual(block.first?["textEdit"]?["newText"]?.stringValue,
                       "Cá nhân: ${1:Họ và tên}\nChức vụ: $2\nHình thức: $3\nNăm 2019: $4\nNăm 2020: $5\nNăm 2021: $6\nSáng kiến: $7\nKhen thưởng năm 2022: $8$0")
        XCTAssertEqual(block.last?["textEdit"]?["newText"]?.stringValue,
                       "Tập thể: ${1:Tên tập thể}\nHình thức: $2\nNăm 2019: $3\nNăm 2020: $4\nNăm 2021: $5\nSáng kiến: $6\nKhen thưởng năm 2022: $7$0")
        // The document's line ends; and what was typed filters the blocks too.
        let crlf = client(23, "### Tập", snippets: true, crlf: true)
        let collective = items(crlf, 23, 7)
        XCTAssertEqual(collective.map { $0["label"]?.stringValue }, ["Tập thể: ", "Tập thể: … (khối đề nghị)"])
        XCTAssertTrue(collective.last?["textEdit"]?["newText"]?.stringValue?.hasPrefix("Tập thể: ${1:Tên tập thể}\r\nHình thức: $2\r\n") ?? false)
    }

    /// A very long line (a pasted blob) is answered at once: only the end of a line is read for a citation.
    func testALongLineStaysCheap() {
        let long = "Căn cứ " + String(repeating: "theo Kế hoạch tại ", count: 10_000) + "Kế h"
        let client = client(23, long)
        let clock = ContinuousClock()
        let elapsed = clock.measure { XCTAssertEqual(items(client, 23, long.utf16.count).count, 2) }
        XCTAssertLessThan(elapsed, .seconds(2))
    }
}
