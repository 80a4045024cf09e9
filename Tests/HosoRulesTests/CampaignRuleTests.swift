import Foundation
import XCTest
import HosoRules
import HosoSemantics
import HosoText

/// HS2xx ratings and criteria, HS3xx citations, HS4xx dates and votes. Lines refer to Fixtures/clean.hoso.
final class CampaignRuleTests: XCTestCase {
    let hoaRatings = "Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa"

    func testHS201MissingYearWithFix() {
        let source = Fixture.replacing(hoaRatings, with: "Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành xuất sắc nhiệm vụ\nSáng kiến: Số hóa")
        // The report's 2021 rating is not also HS210: the year missing from the Tờ trình is HS201's.
        assertSpots(source, [Spot("HS201", 16, 14)])
        let fixed = applyingFixes(of: "HS201", to: source)
        XCTAssertTrue(fixed.contains("Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: \nSáng kiến"))
        assertSpots(Fixture.replacing("Năm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô hình", with: "Năm 2021:\nSáng kiến: Mô hình"), [Spot("HS201", 29, 1)])
    }

    func testHS201PassesWithAllYears() { assertSpots(Fixture.clean, []) }

    func testHS202UnknownRatingSuggests() {
        let source = Fixture.replacing("Năm 2020: Hoàn thành tốt nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô hình",
                                       with: "Năm 2020: Hoàn thành tốt nhiệm vục\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô hình")
        assertSpots(source, [Spot("HS202", 28, 11)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "\"Hoàn thành tốt nhiệm vục\" không phải mức xếp loại; có phải \"Hoàn thành tốt nhiệm vụ\"?")
    }

    func testHS202PassesOnAliases() {
        // The pre-2020 wording is an accepted alias of "Hoàn thành nhiệm vụ" (it then draws HS203, not HS202).
        let source = Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành tốt nhiệm vụ",
                                       with: "Năm 2019: Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực\nNăm 2020: Hoàn thành tốt nhiệm vụ")
        assertSpots(source, [Spot("HS203", 27, 11)])
    }

    func testHS203BelowMinimum() {
        let source = Fixture.replacing(hoaRatings, with: hoaRatings.replacingOccurrences(of: "Năm 2021: Hoàn thành tốt nhiệm vụ", with: "Năm 2021: Hoàn thành nhiệm vụ"))
        assertSpots(source, [Spot("HS203", 21, 11), Spot("HS210", 58, 13)])
        XCTAssertEqual(lint(source).findings[0].message.vi,
                       "Năm 2021 Nguyễn Thị Hoa xếp loại \"Hoàn thành nhiệm vụ\", thấp hơn mức tối thiểu \"Hoàn thành tốt nhiệm vụ\" của Bằng khen của Chủ tịch UBND tỉnh.")
    }

    func testHS203PassesAtTheMinimum() { assertSpots(Fixture.clean, []) }

    func testHS204NoExcellentYear() {
        let source = Fixture.replacing("Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa",
                                       with: "Năm 2020: Hoàn thành tốt nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa")
            .replacingOccurrences(of: "- Năm 2020: Hoàn thành xuất sắc nhiệm vụ", with: "- Năm 2020: Hoàn thành tốt nhiệm vụ")
        assertSpots(source, [Spot("HS204", 16, 14)])
        XCTAssertEqual(lint(source).findings[0].message.en,
                       "Bằng khen của Chủ tịch UBND tỉnh needs at least 1 year(s) rated \"Hoàn thành xuất sắc nhiệm vụ\" in 2019–2021; Nguyễn Thị Hoa has 0.")
    }

    func testHS204PassesForGiayKhenWithoutExcellentYears() { assertSpots(Fixture.clean, []) }

    /// Issue 15: a blank year drew HS201 and, on top, HS204 "có 0" (and HS210: the report's rating
    /// "differs" from the blank). A year with no rating read (blank, missing, or not a rating) may
    /// yet be excellent: HS201 or HS202 speaks, not HS204.
    func testHS204LeavesBlankAndUnreadYearsToHS201AndHS202() {
        let noExcellent = Fixture.replacing("Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa",
                                            with: "Năm 2020: \nNăm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Số hóa")
            .replacingOccurrences(of: "- Năm 2020: Hoàn thành xuất sắc nhiệm vụ", with: "- Năm 2020: Hoàn thành tốt nhiệm vụ")
        assertSpots(noExcellent, [Spot("HS201", 20, 1)])
        let misspelt = noExcellent.replacingOccurrences(of: "Năm 2020: \n", with: "Năm 2020: Hoàn thành xuât sắc\n")
        assertSpots(misspelt, [Spot("HS202", 20, 11), Spot("HS210", 57, 13)])  // the report's "tốt" disagrees
        let missing = noExcellent.replacingOccurrences(of: "Năm 2020: \n", with: "")
        assertSpots(missing, [Spot("HS201", 16, 14)])
    }

    /// A shortfall the blank years cannot make up is still HS204's: two excellent years needed
    /// (Examples/ke-hoach-2024), one blank and two rated "tốt".
    func testHS204StillFiresWhenBlankYearsCannotMakeUpTheShortfall() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/ke-hoach-2024")
        let profile = try Profile.load(json: Array(try Data(contentsOf: folder.appendingPathComponent("profile.json"))), file: "profile.json")
        let linter = Linter(profile: profile, severityOverrides: ["HS208": Severity?.none])  // as its hoso.json
        let dossier = try String(contentsOf: folder.appendingPathComponent("phong-tong-hop-2024.hoso"), encoding: .utf8)
        let oneBlank = dossier.replacingOccurrences(of: "Năm 2022: Hoàn thành xuất sắc nhiệm vụ\nNăm 2023: Hoàn thành xuất sắc nhiệm vụ\n",
                                                    with: "Năm 2022: Hoàn thành tốt nhiệm vụ\nNăm 2023: \n")
            .replacingOccurrences(of: "- Năm 2022: Hoàn thành xuất sắc nhiệm vụ\n- Năm 2023: Hoàn thành xuất sắc nhiệm vụ",
                                  with: "- Năm 2022: Hoàn thành tốt nhiệm vụ\n- Năm 2023: Hoàn thành tốt nhiệm vụ")
        let result = linter.lint(bytes: Array(oneBlank.utf8))
        XCTAssertEqual(spots(result), [Spot("HS204", 14, 14), Spot("HS201", 19, 1)])
        XCTAssertEqual(result.findings[0].message.vi, "Bằng khen của Chủ tịch UBND tỉnh cần ít nhất 2 năm \"Hoàn thành xuất sắc nhiệm vụ\" trong 2021–2023; Tòng Văn Dũng có 0.")
        // One excellent year beside the blank one could still make two: HS201 alone.
        let couldMakeIt = oneBlank.replacingOccurrences(of: "Năm 2022: Hoàn thành tốt nhiệm vụ\nNăm 2023: \n",
                                                        with: "Năm 2022: Hoàn thành xuất sắc nhiệm vụ\nNăm 2023: \n")
            .replacingOccurrences(of: "- Năm 2022: Hoàn thành tốt nhiệm vụ", with: "- Năm 2022: Hoàn thành xuất sắc nhiệm vụ")
        XCTAssertEqual(spots(linter.lint(bytes: Array(couldMakeIt.utf8))), [Spot("HS201", 19, 1)])
    }

    func testHS205DuplicateAndOutOfPeriodYears() {
        let source = Fixture.replacing("Năm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô hình",
                                       with: "Năm 2021: Hoàn thành tốt nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nNăm 2018: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô hình")
        assertSpots(source, [Spot("HS205", 30, 1), Spot("HS205", 31, 1)])
    }

    func testHS205PassesOnceEach() { assertSpots(Fixture.clean, []) }

    func testHS206InitiativeMissingOrUnrecognized() {
        let source = Fixture.replacing("Sáng kiến: Số hóa quy trình tiếp nhận văn bản đến (Quyết định số 45/QĐ-VPUB ngày 20/12/2021)\n", with: "")
            .replacingOccurrences(of: "Sáng kiến: Mô hình \"Công sở xanh - sạch - đẹp\" (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)",
                                  with: "Sáng kiến: Mô hình \"Công sở xanh - sạch - đẹp\"")
        assertSpots(source, [Spot("HS206", 16, 14), Spot("HS206", 29, 12)])
        let noDate = Fixture.replacing("(Quyết định số 51/QĐ-VPUB ngày 28/12/2021)", with: "(Quyết định số 51/QĐ-VPUB)")
        XCTAssertEqual(lint(noDate).findings.map(\.message.en),
                       ["Tổ Quản trị's initiative cites a decision without its number or date; add \"(Quyết định số N/QĐ-… ngày dd/mm/yyyy)\"."])
    }

    func testHS206PassesWithDecision() { assertSpots(Fixture.clean, []) }

    func testHS207AbbreviationSpelledOut() {
        let source = Fixture.replacing(hoaRatings, with: hoaRatings.replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ", with: "Năm 2020: HTXSNV"))
            .replacingOccurrences(of: "- Năm 2019: Hoàn thành tốt nhiệm vụ", with: "- Năm 2019: HTTNV")
        assertSpots(source, [Spot("HS207", 20, 11), Spot("HS207", 56, 13)])
        XCTAssertEqual(applyingFixes(of: "HS207", to: source), Fixture.clean)
    }

    func testHS207PassesSpelledOut() { assertSpots(Fixture.clean, []) }

    /// A note after the rating phrase (in parentheses, after ` - `, `;` or `,`) is not part of the rating.
    func testRatingsWithANote() {
        let noted = Fixture.replacing(hoaRatings, with: hoaRatings
            .replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: Hoàn thành tốt nhiệm vụ (Quyết định số 12/QĐ-VPUB ngày 30/12/2019)")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ", with: "Năm 2020: *Hoàn thành xuất sắc nhiệm vụ* – tiêu biểu của phòng.")
            .replacingOccurrences(of: "Năm 2021: Hoàn thành tốt nhiệm vụ", with: "Năm 2021: Hoàn thành tốt nhiệm vụ; đã được Chánh Văn phòng phê duyệt"))
        assertSpots(noted, [])
        // The note stays where it is when the abbreviation before it is spelled out.
        let abbreviated = noted.replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ (", with: "Năm 2019: HTTNV (")
        assertSpots(abbreviated, [Spot("HS207", 19, 11)])
        XCTAssertEqual(applyingFixes(of: "HS207", to: abbreviated), noted)
        // A misspelt or unknown phrase is reported without its note.
        let misspelt = noted.replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ (", with: "Năm 2019: Hoàn thành tôt nhiệm vụ (")
        XCTAssertEqual(lint(misspelt).findings.map(\.message.vi), ["Mức xếp loại \"Hoàn thành tôt nhiệm vụ\" nên viết đúng cách viết chuẩn: \"Hoàn thành tốt nhiệm vụ\"."])
        let unknown = noted.replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ (", with: "Năm 2019: Hoàn thành tất nhiệm vụ (")
        XCTAssertEqual(lint(unknown).findings.map(\.code), ["HS202", "HS210"])
        XCTAssertEqual(lint(unknown).findings[0].message.vi, "\"Hoàn thành tất nhiệm vụ\" không phải mức xếp loại; có phải \"Hoàn thành tốt nhiệm vụ\"?")
    }

    func testHS208LeaderForBangKhen() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Phó Trưởng phòng\nHình")
        assertSpots(source, [Spot("HS208", 17, 10)])
        XCTAssertEqual(lint(source).findings[0].severity, .info)
    }

    func testHS208PassesForNonLeaders() {
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên viên chính\nHình"), [])
    }

    /// Posts are split at `,` and `;`; only a post that begins with a title is a leader's.
    func testHS208ReadsEachPostFromItsStart() {
        for aide in ["Thư ký Phó Chủ tịch UBND tỉnh", "Chuyên viên giúp việc Trưởng ban", "Chuyên viên, Bí thư Chi đoàn"] {
            assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: \(aide)\nHình"), [], aide)
        }
        for (leader, utf16Column) in [("Chuyên viên; Phó Trưởng phòng Tổng hợp", 10), ("Chuyên viên, kiêm Tổ trưởng tổ công đoàn", 10),
                                      ("*Trưởng phòng*, kiêm Phó Bí thư Chi bộ", 11)] {
            assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: \(leader)\nHình"), [Spot("HS208", 17, utf16Column)], leader)
        }
    }

    func testHS209AwardedInExcludedYear() {
        let source = Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể", with: "Khen thưởng năm 2022: Giấy khen chuyên đề cải cách hành chính\n\n### Tập thể")
            .replacingOccurrences(of: "- Năm 2020: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "- Năm 2020: Giấy khen của Chánh Văn phòng UBND tỉnh\n- Năm 2022: Giấy khen chuyên đề")
        assertSpots(source, [Spot("HS209", 23, 23), Spot("HS209", 62, 1)])
    }

    func testHS209PassesOnKhong() {
        assertSpots(Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể", with: "Khen thưởng năm 2022: không.\n\n### Tập thể"), [])
        assertSpots(Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể", with: "Khen thưởng năm 2022: *Chưa*\n\n### Tập thể"), [])
        assertSpots(Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể", with: "Khen thưởng năm 2022: chưa được khen thưởng\n\n### Tập thể"), [])
    }

    func testHS210ReportDisagrees() {
        let source = Fixture.replacing("- Năm 2021: Hoàn thành tốt nhiệm vụ", with: "- Năm 2021: Hoàn thành xuất sắc nhiệm vụ")
        assertSpots(source, [Spot("HS210", 58, 13)])
        let finding = lint(source).findings[0]
        XCTAssertEqual(finding.message.vi, "Báo cáo ghi năm 2021 là \"Hoàn thành xuất sắc nhiệm vụ\" nhưng Tờ trình ghi \"Hoàn thành tốt nhiệm vụ\".")
        XCTAssertEqual(finding.related.count, 1)
    }

    func testHS210PassesWhenAbbreviationAgrees() {
        assertSpots(Fixture.replacing("- Năm 2021: Hoàn thành tốt nhiệm vụ", with: "- Năm 2021: HTTNV"), [Spot("HS207", 58, 13)])
    }

    func testHS211DecisionAfterSubmission() {
        let source = Fixture.replacing("Quyết định số 45/QĐ-VPUB ngày 20/12/2021", with: "Quyết định số 45/QĐ-VPUB ngày 19/5/2022")
        assertSpots(source, [Spot("HS211", 22, 82)])
    }

    func testHS211PassesOnEarlierDecision() { assertSpots(Fixture.clean, []) }

    func testHS212UnknownAwardForm() {
        let source = Fixture.replacing("Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của Chánh Văn phòng")
        let spots = spots(lint(source))
        XCTAssertEqual(spots, [Spot("HS212", 26, 12)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "\"Giấy khen của Chánh Văn phòng\" không phải hình thức khen thưởng của kế hoạch; có phải \"Giấy khen của Chánh Văn phòng UBND tỉnh\"?")
    }

    func testHS212PassesOnAlias() {
        assertSpots(Fixture.replacing("Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của Chánh Văn phòng Ủy ban nhân dân tỉnh"), [])
    }

    /// A pending form is not checked: no HS2xx criteria and no required basis for it (HS302).
    func testHS213PendingForm() {
        let source = Fixture.replacing("Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Khen thưởng cấp Nhà nước")
        assertSpots(source, [Spot("HS213", 26, 12)])
    }

    func testHS213PassesOnPublishedForms() { assertSpots(Fixture.clean, []) }

    // MARK: HS3xx

    func testHS301WrongSymbolAndDateWithFix() {
        let source = Fixture.replacing("Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019", with: "Căn cứ Kế hoạch số 179/KH-VPUB ngày 02/9/2019")
        assertSpots(source, [Spot("HS301", 10, 20), Spot("HS301", 10, 37)])
        XCTAssertEqual(lint(source).findings[1].message.vi, "Kế hoạch số 179/KH-UBND ban hành ngày 02/8/2019, không phải 02/9/2019.")
        XCTAssertEqual(applyingFixes(of: "HS301", to: source), Fixture.clean)
        let spelled = Fixture.replacing("tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02/8/2019", with: "tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 2 tháng 9 năm 2019")
        XCTAssertTrue(applyingFixes(of: "HS301", to: spelled).contains("Kế hoạch số 179/KH-UBND ngày 02 tháng 8 năm 2019 của UBND tỉnh."))
    }

    func testHS301PassesOnExactCitation() { assertSpots(Fixture.clean, []) }

    func testHS302MissingBasisInToTrinhAndReport() {
        let source = Fixture.replacing("Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;\n", with: "")
            .replacingOccurrences(of: "Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ\n", with: "")
        assertSpots(source, [Spot("HS302", 4, 1), Spot("HS302", 46, 1)])
        let fixed = applyingFixes(of: "HS302", to: source)
        XCTAssertTrue(fixed.contains("Căn cứ Biên bản họp xét ngày 16/5/2022 của Phòng Tổ chức - Hành chính - Quản trị.\nCăn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh Sơn La;\n"))
        XCTAssertTrue(fixed.contains("Sơn La, ngày 17 tháng 5 năm 2022\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ\n"))
        assertSpots(fixed, [])
    }

    func testHS302PassesWhenCited() { assertSpots(Fixture.clean, []) }

    func testHS302ReportOnTheWrongForm() {
        // Mẫu số 01 is a different form of NĐ 91, not the required Mẫu số 07.
        let source = Fixture.replacing("Mẫu số 07 ban hành", with: "Mẫu số 01 ban hành")
        assertSpots(source, [Spot("HS302", 49, 1)])
        XCTAssertTrue(lint(source).findings[0].message.vi.contains("theo Mẫu số 01"))
        assertSpots(Fixture.replacing("Mẫu số 07 ban hành", with: "*Mẫu số 7* ban hành"), [])
    }

    /// A report on the right form number of another decree is on another form: reported on its
    /// `Mẫu số` line, naming what it cites, and the fix rewrites that line (never a second one).
    func testHS302ReportOnAFormOfAnotherDecree() {
        let newer = "Mẫu số 01 ban hành kèm theo Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ"
        let required = "Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ"
        let source = Fixture.replacing(required, with: newer)
        assertSpots(source, [Spot("HS302", 49, 1)])
        let finding = lint(source).findings[0]
        XCTAssertEqual(finding.message.vi, "Báo cáo thành tích của Nguyễn Thị Hoa ghi theo Mẫu số 01 của Nghị định số 98/2023/NĐ-CP, nhưng kế hoạch yêu cầu Mẫu số 07 theo Nghị định số 91/2017/NĐ-CP; hãy lập lại báo cáo theo Mẫu số 07.")
        XCTAssertEqual(finding.message.en, "Nguyễn Thị Hoa's achievement report follows Mẫu số 01 of Nghị định 98/2023/NĐ-CP, but the plan requires Mẫu số 07 of Nghị định 91/2017/NĐ-CP; redo the report on Mẫu số 07.")
        XCTAssertEqual(finding.fixes.map(\.isSafe), [false])
        XCTAssertEqual(applyingFixes(of: "HS302", to: source), Fixture.clean)
        // Emphasis and a list marker around the line stay; what it says is rewritten.
        let marked = Fixture.replacing(required, with: "- *\(newer)*")
        assertSpots(marked, [Spot("HS302", 49, 1)])
        XCTAssertEqual(applyingFixes(of: "HS302", to: marked), Fixture.replacing(required, with: "- *\(required)*"))
        // A form named in the report's body is not the form it is written on: missing, on the heading.
        let inBody = Fixture.replacing(required + "\n", with: "")
            .replacingOccurrences(of: "## III. CÁC", with: "Số liệu tổng hợp theo Mẫu số 02 ban hành kèm theo Thông tư số 12/2019/TT-BNV ngày 04/11/2019.\n\n## III. CÁC")
        XCTAssertEqual(spots(lint(inBody)).filter { $0.code == "HS302" }, [Spot("HS302", 47, 1)])
        // The right form of the right decree still passes, wherever another citation stands.
        assertSpots(Fixture.replacing(required, with: required + "; thay thế bởi Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 từ 01/01/2024"), [])
    }

    /// A `Mẫu số` line that cites no decree is a missing citation (reported on the heading), and
    /// its fix rewrites that line rather than adding a second `Mẫu số` line under it.
    func testHS302FormLineWithoutItsDecreeIsRewritten() {
        let source = Fixture.replacing("Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ", with: "Mẫu số 07.")
        assertSpots(source, [Spot("HS302", 47, 1)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Báo cáo thành tích của Nguyễn Thị Hoa không nêu Mẫu số 07 theo Nghị định số 91/2017/NĐ-CP.")
        XCTAssertEqual(applyingFixes(of: "HS302", to: source), Fixture.clean)
    }

    /// Under a profile whose report form is Mẫu số 01 of NĐ 98/2023 (Examples/ke-hoach-2024), a
    /// report still on the 2022 form is reported on its line, and the fix writes the 2024 form.
    func testHS302UnderTheProfileOfAnotherCampaign() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/ke-hoach-2024")
        let profile = try Profile.load(json: Array(try Data(contentsOf: folder.appendingPathComponent("profile.json"))), file: "profile.json")
        let linter = Linter(profile: profile, severityOverrides: ["HS208": Severity?.none])  // as its hoso.json
        let dossier = try String(contentsOf: folder.appendingPathComponent("phong-tong-hop-2024.hoso"), encoding: .utf8)
        let form2024 = "Mẫu số 01 ban hành kèm theo Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ"
        XCTAssertTrue(dossier.contains(form2024))
        XCTAssertEqual(linter.lint(bytes: Array(dossier.utf8)).findings.map(\.code), [])
        let old = dossier.replacingOccurrences(of: form2024, with: "Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ")
        let result = linter.lint(bytes: Array(old.utf8))
        XCTAssertEqual(spots(result), [Spot("HS302", 38, 1), Spot("HS306", 38, 29)])
        XCTAssertEqual(result.findings[0].message.vi, "Báo cáo thành tích của Tòng Văn Dũng ghi theo Mẫu số 07 của Nghị định số 91/2017/NĐ-CP, nhưng kế hoạch yêu cầu Mẫu số 01 theo Nghị định số 98/2023/NĐ-CP; hãy lập lại báo cáo theo Mẫu số 01.")
        let edits = result.findings[0].fixes[0].edits
        XCTAssertEqual(String(decoding: EditApplier.apply(edits, to: result.text.bytes).bytes, as: UTF8.self), dossier)
    }

    func testHS302ThucHienListItemsAreBasisCitations() {
        let source = Fixture.replacing("Căn cứ Kế hoạch số 179/KH-UBND", with: "- Thực hiện Kế hoạch số 179/KH-UBND")
            .replacingOccurrences(of: "Căn cứ Kế hoạch số 29/KH-VPUB", with: "- Căn cứ Kế hoạch số 29/KH-VPUB")
        assertSpots(source, [])
    }

    func testHS303ClauseForTheOtherKind() {
        let source = Fixture.replacing("tại điểm 2.2 khoản 2 Mục II", with: "tại điểm 2.1 khoản 2 Mục II")
        assertSpots(source, [Spot("HS303", 55, 40)])
        XCTAssertEqual(applyingFixes(of: "HS303", to: source), Fixture.clean)
    }

    func testHS303PassesOnOwnClause() { assertSpots(Fixture.clean, []) }

    func testHS304IncompleteFirstCitation() {
        let source = Fixture.replacing("Căn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;", with: "Căn cứ KH 29 của Văn phòng UBND tỉnh;")
        assertSpots(source, [Spot("HS304", 11, 8)])
        XCTAssertEqual(applyingFixes(of: "HS304", to: source), Fixture.clean)
    }

    func testHS304PassesOnLaterShortMentions() {
        assertSpots(Fixture.replacing("Căn cứ Biên bản họp xét", with: "Căn cứ KH 179 và Biên bản họp xét"), [])
    }

    func testHS305UnknownBasisButNotEvidence() {
        let source = Fixture.replacing("Căn cứ Biên bản họp xét", with: "Căn cứ Kế hoạch số 50/KH-SNV ngày 01/3/2022 của Sở Nội vụ;\nCăn cứ Biên bản họp xét")
        assertSpots(source, [Spot("HS305", 12, 8)])
        XCTAssertEqual(lint(source).findings[0].severity, .info)
    }

    func testHS305PassesOnEvidenceCitations() { assertSpots(Fixture.clean, []) }

    /// "Mẫu sổ" (a logbook's form) folds like "Mẫu số" but names no form: the initiative's
    /// decision stays evidence, not a basis the registry must hold.
    func testHS305PassesOnAnInitiativeNamedAfterALogbook() {
        let source = Fixture.replacing("Sáng kiến: Mô hình \"Công sở xanh - sạch - đẹp\" (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)",
                                       with: "Sáng kiến: Mẫu sổ theo dõi công cụ dụng cụ (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)")
        assertSpots(source, [])
    }

    func testHS306SupersededDecree() {
        let source = Fixture.replacing("# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\nSơn La, ngày 17 tháng 5 năm 2022", with: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\nSơn La, ngày 17 tháng 5 năm 2024")
        let spots = spots(lint(source)).filter { $0.code == "HS306" }
        XCTAssertEqual(spots, [Spot("HS306", 49, 29)])
        XCTAssertEqual(lint(source).findings.first { $0.code == "HS306" }?.message.vi,
                       "Nghị định số 91/2017/NĐ-CP đã được thay thế bởi 98/2023/NĐ-CP từ ngày 01/01/2024; văn bản này ghi ngày 17/5/2024.")
    }

    func testHS306PassesBeforeTheDate() { assertSpots(Fixture.clean, []) }

    func testHS307CriteriaOfTheOtherForm() {
        let source = Fixture.replacing("tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh", with: "tại điểm 2.2 khoản 2 Mục II Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh")
        assertSpots(source, [Spot("HS307", 55, 76)])
    }

    func testHS307PassesOnOwnPlan() { assertSpots(Fixture.clean, []) }

    func testHS308TypeCodeMismatchAndMalformed() {
        let source = Fixture.replacing("Căn cứ Biên bản họp xét", with: "Căn cứ Kế hoạch số 12/QĐ-UBND ngày 01/3/2022 của UBND tỉnh;\nCăn cứ Biên bản họp xét")
            .replacingOccurrences(of: "Nghị định số 91/2017/NĐ-CP", with: "Nghị định số 91/2017/ND-CP")
        // `ND` for `NĐ` is HS308 alone, never also HS301 (docs/rules/HS308.md), and still cites 91/2017 (no HS302).
        assertSpots(source, [Spot("HS305", 12, 8), Spot("HS308", 12, 20), Spot("HS308", 50, 42)])
        XCTAssertEqual(lint(source).findings[2].message.vi, "Ký hiệu \"ND\" trong \"91/2017/ND-CP\" phải viết là \"NĐ\".")
    }

    func testHS308PassesOnWellFormedNumbers() { assertSpots(Fixture.clean, []) }

    // MARK: HS4xx

    func testHS401ImpossibleDates() {
        let source = Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 31 tháng 4 năm 2022")
            .replacingOccurrences(of: "Thời gian: 08 giờ 00, ngày 16/5/2022", with: "Thời gian: 08 giờ 00, ngày 29/02/2021")
        assertSpots(source, [Spot("HS401", 34, 9), Spot("HS401", 35, 28)])
        XCTAssertEqual(lint(source).findings[1].message.vi, "Ngày \"29/02/2021\" không hợp lệ: tháng 2/2021 chỉ có 28 ngày.")
        let month = Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 16 tháng 13 năm 2022")
        XCTAssertEqual(lint(month).findings.map(\.message.en), ["The date \"ngày 16 tháng 13 năm 2022\" is impossible: there is no month 13."])
    }

    func testHS401PassesOnLeapDay() {
        assertSpots(Fixture.replacing("Thời gian: 08 giờ 00, ngày 16/5/2022", with: "Thời gian: 08 giờ 00, ngày 16/5/2022 (họp bù ngày 29/02/2020)"), [])
    }

    func testHS402PastDeadline() {
        let source = Fixture.replacing("Sơn La, ngày 18 tháng 5 năm 2022", with: "Sơn La, ngày 21 tháng 5 năm 2022")
        assertSpots(source, [Spot("HS402", 6, 9)])
    }

    func testHS402PassesTheDayBefore() {
        assertSpots(Fixture.replacing("Sơn La, ngày 18 tháng 5 năm 2022", with: "Sơn La, ngày 20 tháng 5 năm 2022"), [])
    }

    func testHS403DocumentsAfterTheToTrinh() {
        let source = Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 19 tháng 5 năm 2022")
        assertSpots(source, [Spot("HS403", 34, 9)])
    }

    func testHS403PassesOnTheSameDay() {
        assertSpots(Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 18 tháng 5 năm 2022"), [])
    }

    func testHS404MalformedNumber() {
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: 12/TCHCQT"), [Spot("HS404", 5, 5)])
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: 12/BC-TCHCQT"), [Spot("HS404", 5, 5)])
    }

    func testHS404PassesOnBlankNumber() {
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: /TTr-TCHCQT"), [])
        // Placeholders left for the clerk who registers the document are blank numbers too (docs/format.md, "Recognition").
        for placeholder in ["....../TTr-TCHCQT", "…/TTr-TCHCQT", "___/TTr-TCHCQT", " .... /TTr-TCHCQT"] {
            assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: \(placeholder)"), [], placeholder)
        }
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: ..a../TTr-TCHCQT"), [Spot("HS404", 5, 5)])
    }

    func testHS405VoteArithmetic() {
        let source = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: 7/8 đồng ý (85%)")
            .replacingOccurrences(of: "- Nguyễn Thị Hoa: 8/8 đồng ý (100%)", with: "- Nguyễn Thị Hoa: 9/8 đồng ý (100%)")
        assertSpots(source, [Spot("HS405", 42, 19), Spot("HS405", 43, 28)])
        XCTAssertEqual(lint(source).findings[1].message.vi, "Tổ Quản trị: 7/8 là 87,5%, không phải 85%.")
        XCTAssertTrue(applyingFixes(of: "HS405", to: source).contains("- Tổ Quản trị: 7/8 đồng ý (87,5%)"))
        let attendance = Fixture.replacing("Thành phần: 8/9 công chức có mặt", with: "Thành phần: 9/8 công chức có mặt")
        assertSpots(attendance, [Spot("HS405", 37, 13), Spot("HS405", 42, 19), Spot("HS405", 43, 16)])
    }

    func testHS405UnreadableNegativeAndZeroCounts() {
        let source = Fixture.replacing("- Nguyễn Thị Hoa: 8/8 đồng ý (100%)", with: "- Nguyễn Thị Hoa: tám trên tám đồng ý")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: -1/8 đồng ý")
        assertSpots(source, [Spot("HS405", 42, 3), Spot("HS405", 43, 16)])
        XCTAssertEqual(lint(source).findings[1].message.en, "Tổ Quản trị: vote counts cannot be negative (-1/8).")
        let zero = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: 0/0 đồng ý")
        assertSpots(zero, [Spot("HS405", 43, 16)])
        let nobody = Fixture.replacing("Thành phần: 8/9", with: "Thành phần: 0/9")
        assertSpots(nobody, [Spot("HS405", 37, 13)])
    }

    /// Issue 15: the skeleton's blank vote item `- : / đồng ý` drew HS111 (no name) and HS405 (no
    /// count): a blank is one finding, HS107's. A name or a count alone is still checked.
    func testABlankVoteItemIsOneFindingOfHS107() {
        let blank = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- : / đồng ý")
        assertSpots(blank, [Spot("HS112", 25, 14), Spot("HS107", 43, 1)])
        XCTAssertEqual(lint(blank).findings[1].message.vi, "Dòng biểu quyết còn để trống; hãy ghi \"- <tên>: A/B đồng ý (P%)\", với A là số đồng ý, B là số có mặt.")
        let noName = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- : 7/8 đồng ý (85%)")
        assertSpots(noName, [Spot("HS112", 25, 14), Spot("HS111", 43, 1), Spot("HS405", 43, 17)])
        let noCount = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: / đồng ý")
        assertSpots(noCount, [Spot("HS405", 43, 3)])
    }

    func testHS405ZeroVotesForIsACountNotAnError() {
        // 0/8 is readable: only HS406 (not above half) speaks.
        let source = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: 0/8 đồng ý (0%)")
        assertSpots(source, [Spot("HS406", 43, 16)])
        assertSpots(Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: **7 / 8** đồng ý (87,5%)"), [])
    }

    func testHS405PassesWithinHalfAPoint() {
        assertSpots(Fixture.replacing("7/8 đồng ý (87,5%)", with: "7/8 đồng ý (88%)"), [])
    }

    func testHS406NotAboveThreshold() {
        let source = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: 4/8 đồng ý (50%)")
        assertSpots(source, [Spot("HS406", 43, 16)])
    }

    func testHS406PassesAboveThreshold() {
        assertSpots(Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "- Tổ Quản trị: 5/8 đồng ý (62,5%)"), [])
    }

    func testHS407LeadingZeroWithFix() {
        let source = Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 6 tháng 5 năm 2022")
            .replacingOccurrences(of: "Thời gian: 08 giờ 00, ngày 16/5/2022", with: "Thời gian: 08 giờ 00, ngày 6/5/2022")
        assertSpots(source, [Spot("HS407", 34, 14)])
        XCTAssertTrue(applyingFixes(of: "HS407", to: source).contains("Sơn La, ngày 06 tháng 5 năm 2022"))
    }

    func testHS407PassesWithZeros() {
        assertSpots(Fixture.replacing("Sơn La, ngày 16 tháng 5 năm 2022", with: "Sơn La, ngày 06 tháng 5 năm 2022")
            .replacingOccurrences(of: "ngày 16/5/2022", with: "ngày 06/5/2022"), [])
    }

    /// Every fix is marked safe exactly when its rule says its fixes are safe.
    func testFixSafetyMatchesTheRule() {
        let sources = [
            Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuye\u{302}n\u{200B} viên\nHình"),
            Fixture.replacing("Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;\n", with: ""),
            Fixture.replacing("7/8 đồng ý (87,5%)", with: "7/8 đồng ý (80%)"),
            String(Fixture.clean[..<Fixture.clean.range(of: "# BÁO CÁO")!.lowerBound]),
        ]
        var seen = 0
        for source in sources {
            for finding in lint(source).findings {
                let rule = RuleRegistry.rule(code: finding.code)!
                for fix in finding.fixes {
                    seen += 1
                    XCTAssertEqual(fix.isSafe, rule.fixAvailability == .safe, finding.code)
                    XCTAssertNotEqual(rule.fixAvailability, .none, finding.code)
                }
            }
        }
        XCTAssertGreaterThan(seen, 4)
    }
}
