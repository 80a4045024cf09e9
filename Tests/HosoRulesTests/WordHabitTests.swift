import Foundation
import XCTest
import HosoRules
import HosoSemantics
import HosoText

/// Text as office staff write it in Word: bullets, headings without their space, dashes and
/// quotes where the format has a colon or nothing, no-break spaces, Word's dashes in symbols,
/// placeholder names. Each is read as what it means, and a finding (if any) stands on the line
/// that has it, never as a cascade elsewhere. Line numbers refer to Fixtures/clean.hoso.
final class WordHabitTests: XCTestCase {
    /// The messages of the findings with `code`, in Vietnamese.
    func messages(_ code: String, _ source: String) -> [String] {
        lint(source).findings.filter { $0.code == code }.map(\.message.vi)
    }

    // MARK: 1. Word bullets on vote items and basis lines

    func testWordBulletsOnVoteItemsAreVoteItems() {
        let source = Fixture.replacing("- Nguyễn Thị Hoa: 8/8", with: "• Nguyễn Thị Hoa: 8/8")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: "–\u{00A0}Tổ Quản trị: 7/8")
        // Not HS112 at both nominees: the items are read, and only the bullets are reported.
        assertSpots(source, [Spot("HS108", 42, 1), Spot("HS108", 43, 1)])
        XCTAssertEqual(messages("HS108", source), [
            "Dấu đầu dòng \"•\" (kiểu Word) không phải dấu danh sách của hồ sơ; hãy viết \"- \" (gạch nối và khoảng trắng) ở đầu dòng.",
            "Dấu đầu dòng \"–\" (kiểu Word) không phải dấu danh sách của hồ sơ; hãy viết \"- \" (gạch nối và khoảng trắng) ở đầu dòng.",
        ])
        XCTAssertEqual(lint(source).findings[0].message.en,
                       "The bullet \"•\" (as Word writes it) is not a list marker of the format; start the line with \"- \" (hyphen and space).")
        // The bullet and the space after it, no-break or not, become the "- " the message asks for.
        XCTAssertEqual(applyingFixes(of: "HS108", to: source), Fixture.clean)
        // The vote arithmetic is checked on a bulleted item as on any other.
        assertSpots(Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)", with: "▪ Tổ Quản trị: 7/8 đồng ý (80%)"),
                    [Spot("HS108", 43, 1), Spot("HS405", 43, 28)])
    }

    /// Word writes a tab (or several spaces) after its bullet; the fix writes exactly "- ".
    func testTheBulletFixWritesHyphenAndOneSpace() {
        let source = Fixture.replacing("- Năm 2019: Hoàn thành tốt nhiệm vụ", with: "•\tNăm 2019: Hoàn thành tốt nhiệm vụ")
            .replacingOccurrences(of: "- Năm 2020: Hoàn thành xuất sắc nhiệm vụ", with: "•  \t Năm 2020: Hoàn thành xuất sắc nhiệm vụ")
        assertSpots(source, [Spot("HS108", 56, 1), Spot("HS108", 57, 1)])
        let finding = lint(source).findings[0]
        XCTAssertEqual(finding.range.count, "•".utf8.count, "the finding stays on the bullet")
        XCTAssertEqual(finding.fixes.first?.title.vi, "Thay \"•\" bằng \"- \"")
        XCTAssertEqual(finding.fixes.first?.title.en, "Replace \"•\" with \"- \"")
        XCTAssertEqual(applyingFixes(of: "HS108", to: source), Fixture.clean)
    }

    func testFormatListMarkersOnVoteItemsDrawNothing() {
        for (hoa, to) in [("+ ", "* "), ("1. ", "2. "), ("1) ", "2) "), ("a) ", "b) ")] {
            let source = Fixture.replacing("- Nguyễn Thị Hoa: 8/8", with: hoa + "Nguyễn Thị Hoa: 8/8")
                .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: to + "Tổ Quản trị: 7/8")
            assertSpots(source, [], "\(hoa)/\(to)")
        }
    }

    func testWordBulletsOnBasisLinesMakeThemBasisLines() {
        // A basis citation is held against the registry (HS305) only when the line is a basis sentence.
        let source = Fixture.replacing("Căn cứ Biên bản họp xét", with: "• Căn cứ Kế hoạch số 50/KH-SNV ngày 01/3/2022 của Sở Nội vụ;\n• Căn cứ Biên bản họp xét")
        assertSpots(source, [Spot("HS108", 12, 1), Spot("HS305", 12, 10), Spot("HS108", 13, 1)])
    }

    func testADashWithNoSpaceIsNoBullet() {
        // `–2025` continues a sentence; it is not an item.
        assertSpots(Fixture.replacing("Phòng Tổ chức - Hành chính - Quản trị.\n\n## II.",
                                      with: "Phòng Tổ chức - Hành chính - Quản trị.\n–2025 tiếp tục phấn đấu.\n\n## II."), [])
    }

    // MARK: 2, 3. Headings without their space, nominee headings too deep

    func testHeadingsWithoutTheirSpaceAreHeadings() {
        let source = Fixture.replacing("# TỜ TRÌNH", with: "#TỜ TRÌNH")
            .replacingOccurrences(of: "### Cá nhân: Nguyễn Thị Hoa", with: "###Cá nhân: Nguyễn Thị Hoa")
            .replacingOccurrences(of: "## KẾT QUẢ BIỂU QUYẾT", with: "##**KẾT QUẢ BIỂU QUYẾT**")
        // Not HS101 "thiếu phần TỜ TRÌNH" with HS111 after it: the headings are read, their form reported.
        assertSpots(source, [Spot("HS108", 4, 1), Spot("HS108", 16, 1), Spot("HS108", 41, 1)])
        XCTAssertEqual(messages("HS108", source), [
            "Tiêu đề thiếu khoảng trắng sau \"#\"; viết \"# TỜ TRÌNH\".",
            "Tiêu đề thiếu khoảng trắng sau \"###\"; viết \"### Cá nhân: Nguyễn Thị Hoa\".",
            "Tiêu đề thiếu khoảng trắng sau \"##\"; viết \"## **KẾT QUẢ BIỂU QUYẾT**\".",
        ])
        XCTAssertEqual(lint(source).findings[0].message.en, "The heading lacks a space after \"#\"; write \"# TỜ TRÌNH\".")
        XCTAssertEqual(applyingFixes(of: "HS108", to: source),
                       Fixture.clean.replacingOccurrences(of: "## KẾT QUẢ BIỂU QUYẾT", with: "## **KẾT QUẢ BIỂU QUYẾT**"))
    }

    func testANomineeHeadingTooDeepIsStillTheNominee() {
        let source = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "#### Cá nhân: Nguyễn Thị Hoa")
        // Not HS111 at her vote and report: she is a nominee, the heading's form is reported.
        assertSpots(source, [Spot("HS108", 16, 1)])
        XCTAssertEqual(messages("HS108", source),
                       ["Tiêu đề người/tập thể được đề nghị mở đầu bằng \"###\" (ba dấu #), không phải \"####\"; viết \"### Cá nhân: Nguyễn Thị Hoa\"."])
        XCTAssertEqual(applyingFixes(of: "HS108", to: source), Fixture.clean)
        // Her fields are checked.
        assertSpots(Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: Xuất sắc", in: source),
                    [Spot("HS108", 16, 1), Spot("HS202", 19, 11), Spot("HS210", 56, 13)])
        // Too deep and no space: one finding, one fix.
        let both = Fixture.replacing("### Tập thể: Tổ Quản trị", with: "#####Tập thể: Tổ Quản trị")
        assertSpots(both, [Spot("HS108", 25, 1)])
        XCTAssertEqual(applyingFixes(of: "HS108", to: both), Fixture.clean)
    }

    func testDeepHeadingsElsewhereStayMinorHeadings() {
        // `####` in a report is the writer's own sub-heading; `#5` and `#!` are not headings.
        assertSpots(Fixture.replacing("- Năm 2019: Hoàn thành tốt nhiệm vụ\n- Năm 2020",
                                      with: "#### Cá nhân: Nguyễn Thị Hoa\n- Năm 2019: Hoàn thành tốt nhiệm vụ\n- Năm 2020"), [])
        assertSpots(Fixture.replacing("Phó Chánh Văn phòng Phạm Văn Dũng xác nhận.", with: "Phó Chánh Văn phòng Phạm Văn Dũng xác nhận.\n#5 năm liền\n#!"), [])
    }

    // MARK: 4. A dash for the rating's colon

    func testARatingWithADashForItsColonIsTheRating() {
        let source = Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019 - Hoàn thành tốt nhiệm vụ")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm\u{00A0}2020\u{00A0}–\u{00A0}Hoàn thành xuất sắc nhiệm vụ\nNăm 2021")
            .replacingOccurrences(of: "Năm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô", with: "**Năm 2021 —** Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô")
        // Not HS201 at the nominee with HS210 in the report: the lines are ratings, their dash reported.
        assertSpots(source, [Spot("HS108", 19, 9), Spot("HS108", 20, 9), Spot("HS108", 29, 11)])
        XCTAssertEqual(messages("HS108", source), [
            "Dòng xếp loại dùng \"-\" thay cho dấu hai chấm; viết \"Năm 2019: Hoàn thành tốt nhiệm vụ\".",
            "Dòng xếp loại dùng \"–\" thay cho dấu hai chấm; viết \"Năm\u{00A0}2020: Hoàn thành xuất sắc nhiệm vụ\".",
            "Dòng xếp loại dùng \"—\" thay cho dấu hai chấm; viết \"Năm 2021: Hoàn thành tốt nhiệm vụ\".",
        ])
        XCTAssertEqual(lint(source).findings[0].message.en,
                       "The rating line has \"-\" where the colon goes; write \"Năm 2019: Hoàn thành tốt nhiệm vụ\".")
        XCTAssertEqual(applyingFixes(of: "HS108", to: source),
                       Fixture.clean.replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm\u{00A0}2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021")
                           .replacingOccurrences(of: "Năm 2021: Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô", with: "**Năm 2021:** Hoàn thành tốt nhiệm vụ\nSáng kiến: Mô"))
        // The rating is judged like any other: a year below the minimum.
        assertSpots(Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019 - Hoàn thành nhiệm vụ"),
                    [Spot("HS108", 19, 9), Spot("HS203", 19, 12), Spot("HS210", 56, 13)])
    }

    func testASpanOfYearsOrARemarkBesideTheRatingIsNoRating() {
        assertSpots(Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể",
                                      with: "Khen thưởng năm 2022: Không\nNăm 2019 - 2021: luôn đi đầu trong phong trào.\n\n### Tập thể"), [])
        // Beside `Năm 2021:`, `Năm 2021 - …` is a remark about the year, not a second rating (HS205, HS202, HS113).
        assertSpots(Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể",
                                      with: "Khen thưởng năm 2022: Không\nNăm 2021 - đạt danh hiệu Lao động tiên tiến\n\n### Tập thể"), [])
        // Alone, it is the rating, and judged as one.
        let alone = Fixture.replacing("Năm 2021: Hoàn thành tốt nhiệm vụ", with: "Năm 2021 - đạt danh hiệu Lao động tiên tiến")
        assertSpots(alone, [Spot("HS108", 21, 9), Spot("HS202", 21, 12), Spot("HS210", 58, 13)])
    }

    // MARK: 5. Quotes around a rating or an award form

    /// Quotes around a rating are emphasis, as `**…**` is: the rating is the phrase inside, and
    /// nothing is reported (they make the text neither wrong nor unclear).
    func testQuotedRatingsAreThoseRatings() {
        let source = Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: “Hoàn thành tốt nhiệm vụ”")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm 2020: \"Hoàn thành xuất sắc nhiệm vụ\".\nNăm 2021")
            .replacingOccurrences(of: "- Năm 2021: Hoàn thành tốt nhiệm vụ", with: "- Năm 2021: «Hoàn thành tốt nhiệm vụ» (Quyết định số 12/QĐ-VPUB)")
            .replacingOccurrences(of: "Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: ‘Giấy khen của Chánh Văn phòng UBND tỉnh’")
        // Not HS202 "không phải mức xếp loại; có phải <the same text>?" with HS210 in the report.
        assertSpots(source, [])
        // What is inside the quotes is judged as written.
        let wrong = Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: “Xuất sắc”")
        assertSpots(wrong, [Spot("HS202", 19, 12), Spot("HS210", 56, 13)])
        XCTAssertEqual(messages("HS202", wrong), ["\"Xuất sắc\" không phải mức xếp loại; các mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ."])
        let abbreviated = Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: \"HTTNV\"")
        assertSpots(abbreviated, [Spot("HS207", 19, 12)])
        XCTAssertEqual(applyingFixes(of: "HS207", to: abbreviated),
                       Fixture.replacing("Năm 2019: Hoàn thành tốt nhiệm vụ", with: "Năm 2019: \"Hoàn thành tốt nhiệm vụ\""))
    }

    // MARK: 6. No-break spaces in suppression comments

    func testNoBreakSpacesInADirectiveAreSpaces() {
        let leader = Fixture.replacing("Chức vụ: Chuyên viên\nHình thức: Bằng khen", with: "Chức vụ: Phó Trưởng phòng\nHình thức: Bằng khen")
        assertSpots(leader, [Spot("HS208", 17, 10)])
        let source = Fixture.replacing("Chức vụ: Phó Trưởng phòng", with: "<!--\u{00A0}hoso-disable-next-line\u{00A0}HS208\u{00A0}-->\u{00A0}\nChức vụ: Phó Trưởng phòng", in: leader)
        // Not HS208 as if the comment were prose: it is the directive, and it is used (no HS011).
        let result = lint(source)
        XCTAssertEqual(spots(result), [])
        XCTAssertEqual(result.suppressed.map(\.finding.code), ["HS208"])
        // Narrow no-break and em spaces, before the codes and around the reason's `--`.
        let region = Fixture.replacing("Chức vụ: Phó Trưởng phòng", with: "<!--\u{202F}hoso-disable\u{2003}HS208,\u{00A0}HS108\u{00A0}--\u{00A0}lý do:\u{00A0}Word\u{202F}-->\nChuc vu: Phó Trưởng phòng\n<!-- hoso-enable -->", in: leader)
        let regionResult = lint(region)
        XCTAssertEqual(spots(regionResult), [])
        XCTAssertEqual(regionResult.suppressed.map(\.finding.code), ["HS108", "HS208"])
        XCTAssertEqual(regionResult.suppressed.map(\.reason), ["lý do:\u{00A0}Word", "lý do:\u{00A0}Word"])
    }

    // MARK: 7. Word's dashes in document symbols

    func testWordDashesInSymbolsAreReadAsHyphensAndReportedOnce() {
        let source = Fixture.replacing("179/KH-UBND ngày 02/8/2019 của UBND tỉnh;", with: "179/KH–UBND ngày 02/8/2019 của UBND tỉnh;")
            .replacingOccurrences(of: "Kế hoạch số 29/KH-VPUB", with: "Kế hoạch số 29/KH\u{2011}VPUB")
            .replacingOccurrences(of: "Số: 12/TTr-TCHCQT", with: "Số: 12/TTr–TCHCQT")
            .replacingOccurrences(of: "91/2017/NĐ-CP", with: "91/2017/NĐ—CP")
        // Not HS301 "179/KH–UBND không đúng" with HS308 "mang ký hiệu KH–UBND": one finding on each dash.
        assertSpots(source, [Spot("HS404", 5, 11), Spot("HS308", 10, 26), Spot("HS308", 11, 25), Spot("HS308", 49, 52)])
        let findings = lint(source).findings
        XCTAssertEqual(findings.map(\.message.vi), [
            "Số, ký hiệu \"12/TTr–TCHCQT\" dùng dấu gạch ngang ngắn \"–\" (U+2013, thường do Word tự thay) thay cho dấu gạch nối \"-\"; viết \"12/TTr-TCHCQT\".",
            "Số, ký hiệu \"179/KH–UBND\" dùng dấu gạch ngang ngắn \"–\" (U+2013, thường do Word tự thay) thay cho dấu gạch nối \"-\"; viết \"179/KH-UBND\".",
            "Số, ký hiệu \"29/KH\u{2011}VPUB\" dùng dấu gạch nối không ngắt dòng \"\u{2011}\" (U+2011, thường do Word tự thay) thay cho dấu gạch nối \"-\"; viết \"29/KH-VPUB\".",
            "Số, ký hiệu \"91/2017/NĐ—CP\" dùng dấu gạch ngang dài \"—\" (U+2014, thường do Word tự thay) thay cho dấu gạch nối \"-\"; viết \"91/2017/NĐ-CP\".",
        ])
        XCTAssertEqual(findings[1].message.en,
                       "The number \"179/KH–UBND\" has an en dash \"–\" (U+2013, often put in by Word) where the hyphen \"-\" goes; write \"179/KH-UBND\".")
        XCTAssertEqual(findings.map { $0.range.count }, [3, 3, 3, 3])
        XCTAssertEqual(applyingFixes(of: "HS308", to: applyingFixes(of: "HS404", to: source)), Fixture.clean)
        // A dash after the number, in words, is no part of it.
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: 12/TTr-TCHCQT – bản trình lần 2"), [])
    }

    func testASymbolWithWordsDashStillNamesItsDocument() {
        // The citation resolves: a wrong issuer is HS301 as with "-", and 179/KH-UBND counts as cited (no HS302).
        let source = Fixture.replacing("179/KH-UBND ngày 02/8/2019 của UBND tỉnh;", with: "179/KH–VPUB ngày 02/8/2019 của UBND tỉnh;")
        assertSpots(source, [Spot("HS301", 10, 20), Spot("HS308", 10, 26)])
        XCTAssertEqual(applyingFixes(of: "HS301", to: source), Fixture.clean)
        // Two Word dashes in one number are one finding, one fix.
        let two = Fixture.replacing("Quyết định số 45/QĐ-VPUB", with: "Quyết định số 45/QĐ–VPUB–TH")
        assertSpots(two, [Spot("HS308", 22, 71)])
        XCTAssertEqual(applyingFixes(of: "HS308", to: two), Fixture.replacing("Quyết định số 45/QĐ-VPUB", with: "Quyết định số 45/QĐ-VPUB-TH"))
    }

    // MARK: 8. Placeholder names

    func testPlaceholderNamesAreNoNames() {
        let source = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "### Cá nhân: ...")
            .replacingOccurrences(of: "- Nguyễn Thị Hoa: 8/8", with: "- …: 8/8")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: "- —: 7/8")
            .replacingOccurrences(of: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: -")
        // Not HS110 'chưa có "# BÁO CÁO THÀNH TÍCH: ..."' or HS111 'ghi "—"': each blank is reported as blank.
        assertSpots(source, [Spot("HS107", 16, 1), Spot("HS112", 25, 14), Spot("HS111", 42, 1), Spot("HS111", 43, 1), Spot("HS111", 47, 1)])
        XCTAssertEqual(lint(source).findings.map(\.message.vi), [
            "Chưa ghi tên sau \"### Cá nhân:\".",
            "Tổ Quản trị chưa có kết quả biểu quyết; thêm \"- Tổ Quản trị: A/B đồng ý (P%)\" vào mục KẾT QUẢ BIỂU QUYẾT của Biên bản.",
            "Dòng biểu quyết chưa ghi tên; viết \"- <tên>: A/B đồng ý (P%)\".",
            "Dòng biểu quyết chưa ghi tên; viết \"- <tên>: A/B đồng ý (P%)\".",
            "Báo cáo thành tích chưa ghi tên; viết \"# BÁO CÁO THÀNH TÍCH: <tên người/tập thể được đề nghị>\".",
        ])
        // Messages about the unnamed nominee never quote the placeholder as a name.
        let unrated = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "### Cá nhân: …………")
            .replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành xuất sắc", with: "Năm 2020: Hoàn thành xuất sắc")
        XCTAssertEqual(messages("HS201", unrated), ["[cá nhân chưa ghi tên] thiếu xếp loại năm 2019 (\"Năm 2019: …\")."])
        // Two reports that name no one yet are not one nominee's report twice (HS103).
        let twice = Fixture.clean.replacingOccurrences(of: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: ...")
            + "\n# BÁO CÁO THÀNH TÍCH: ___\n"
        XCTAssertEqual(spots(lint(twice)).filter { $0.code == "HS103" || $0.code == "HS111" }.map(\.description), ["HS111@47:1", "HS111@66:1"])
    }

    func testNamesWithDotsOrDashesInsideAreNames() {
        // Only a name made of nothing but dots and dashes is a placeholder.
        let source = Fixture.replacing("### Tập thể: Tổ Quản trị", with: "### Tập thể: Tổ Hành chính - Quản trị")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: "- Tổ Hành chính - Quản trị: 7/8")
        assertSpots(source, [])
    }
}
