import Foundation
import XCTest

/// Runs the shipped TextMate grammar over the examples and checks the scopes of key tokens.
final class GrammarTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var matcher: TextMateMatcher!
    var example: String!
    var scopes: [[[String]]]!

    override func setUpWithError() throws {
        matcher = try TextMateMatcher(grammar: Self.root.appendingPathComponent("Grammar/hoso.tmLanguage.json"))
        example = "<!-- hoso-disable-next-line HS208 -->\n" + (try String(contentsOf: Self.root.appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8))
        scopes = matcher.tokenize(example)
    }

    /// Asserts the scopes at the first occurrence of `token` on the line containing `line`.
    func assertScope(_ token: String, on line: String, has scope: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        let lines = example.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(line) }) else { return XCTFail("no line with \(line)", file: file, line: lineNumber) }
        let range = (lines[index] as NSString).range(of: token)
        guard range.location != NSNotFound else { return XCTFail("no \(token) on \(line)", file: file, line: lineNumber) }
        for offset in [range.location, range.location + range.length - 1] {
            XCTAssertTrue(scopes[index][offset].contains(scope), "\(token) at \(offset) on line \(index + 1): \(scopes[index][offset])", file: file, line: lineNumber)
        }
    }

    func testHeadings() {
        assertScope("TỜ TRÌNH", on: "# TỜ TRÌNH", has: "markup.heading.1.hoso")
        assertScope("BÁO CÁO THÀNH TÍCH", on: "# BÁO CÁO THÀNH TÍCH", has: "entity.name.section.part.hoso")
        assertScope("Nguyễn Thị Hoa", on: "# BÁO CÁO THÀNH TÍCH", has: "entity.name.tag.nominee.hoso")
        assertScope("II.", on: "## II. THÀNH TÍCH", has: "constant.numeric.section-number.hoso")
        assertScope("THÀNH TÍCH ĐẠT ĐƯỢC", on: "## II. THÀNH TÍCH", has: "markup.heading.2.hoso")
        assertScope("Cá nhân", on: "### Cá nhân: Nguyễn", has: "keyword.other.nominee-kind.hoso")
        assertScope("Nguyễn Thị Hoa", on: "### Cá nhân: Nguyễn", has: "entity.name.tag.nominee.hoso")
    }

    func testFieldsRatingsAndForms() {
        assertScope("Chức vụ", on: "Chức vụ: Chuyên viên", has: "variable.other.key.hoso")
        assertScope("Khen thưởng năm 2022", on: "Khen thưởng năm 2022: Không", has: "variable.other.key.hoso")
        assertScope("Năm 2020", on: "Năm 2020: Hoàn thành xuất sắc", has: "variable.other.key.hoso")
        assertScope("Hoàn thành xuất sắc nhiệm vụ", on: "Năm 2020: Hoàn thành xuất sắc", has: "constant.language.rating.hoso")
        assertScope("Hoàn thành tốt nhiệm vụ", on: "- Năm 2019: Hoàn thành tốt", has: "constant.language.rating.hoso")
        XCTAssertFalse(scopes[0][0].contains("variable.other.key.hoso"))
    }

    func testCitationsDatesAndVotes() {
        assertScope("Kế hoạch", on: "Căn cứ Kế hoạch số 179", has: "support.type.document.hoso")
        assertScope("179/KH-UBND", on: "Căn cứ Kế hoạch số 179", has: "constant.other.document-number.hoso")
        assertScope("02/8/2019", on: "Căn cứ Kế hoạch số 179", has: "constant.numeric.date.hoso")
        assertScope("91/2017/NĐ-CP", on: "Mẫu số 07", has: "constant.other.document-number.hoso")
        assertScope("điểm 2.2 khoản 2 Mục II", on: "Thực hiện tốt", has: "meta.clause.hoso")
        assertScope("45/QĐ-VPUB", on: "Sáng kiến: Số hóa", has: "constant.other.document-number.hoso")
        assertScope("ngày 18 tháng 5 năm 2022", on: "Sơn La, ngày 18", has: "constant.other.date.hoso")
        assertScope("Sơn La", on: "Sơn La, ngày 18", has: "entity.name.place.hoso")
        assertScope("7/8", on: "- Tổ Quản trị: 7/8", has: "constant.numeric.vote.hoso")
        assertScope("87,5%", on: "- Tổ Quản trị: 7/8", has: "constant.numeric.percentage.hoso")
    }

    func testCommentsAndSuppressionDirectives() {
        assertScope("hoso-disable-next-line", on: "<!-- hoso-disable", has: "keyword.control.directive.hoso")
        assertScope("HS208", on: "<!-- hoso-disable", has: "constant.other.rule-code.hoso")
        assertScope("<!--", on: "<!-- hoso-disable", has: "comment.block.hoso")
        let multi = matcher.tokenize("<!--\nhoso-disable HS305\n-->\nChức vụ: A")
        XCTAssertTrue(multi[1][0].contains("comment.block.hoso"))
        XCTAssertTrue(multi[1][0].contains("keyword.control.directive.hoso"))
        XCTAssertTrue(multi[1][13].contains("constant.other.rule-code.hoso"))
        XCTAssertTrue(multi[3][0].contains("variable.other.key.hoso"))
        XCTAssertFalse(multi[3][0].contains("comment.block.hoso"))
    }
}
