import XCTest
import HosoRules
import HosoText

/// HS1xx: structure. Line numbers refer to the clean example (Fixtures/clean.hoso).
final class StructureRuleTests: XCTestCase {
    /// The clean example cut at `# BÁO CÁO THÀNH TÍCH` (everything before the report).
    var withoutReport: String { String(Fixture.clean[..<Fixture.clean.range(of: "# BÁO CÁO THÀNH TÍCH")!.lowerBound]) }

    func testHS101MissingBienBanWithSkeletonFix() {
        let start = Fixture.clean.range(of: "# BIÊN BẢN HỌP XÉT")!.lowerBound
        let end = Fixture.clean.range(of: "# BÁO CÁO THÀNH TÍCH")!.lowerBound
        var source = Fixture.clean
        source.removeSubrange(start..<end)
        assertSpots(source, [Spot("HS101", 33, 1)])
        XCTAssertEqual(lint(source).findings[0].message.vi,
                       "Hồ sơ thiếu phần BIÊN BẢN HỌP XÉT; hãy thêm \"# BIÊN BẢN HỌP XÉT\" trước phần \"# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\".")
        let fixed = applyingFixes(of: "HS101", to: source)
        XCTAssertTrue(fixed.contains("# BIÊN BẢN HỌP XÉT\nThời gian: \n"))
        XCTAssertTrue(fixed.contains("## KẾT QUẢ BIỂU QUYẾT\n- Nguyễn Thị Hoa: \n- Tổ Quản trị: \n\n# BÁO CÁO THÀNH TÍCH"))
        XCTAssertFalse(lint(fixed).findings.contains { $0.code == "HS101" })
    }

    func testHS101MissingToTrinhInAnEmptyFile() {
        assertSpots("Đơn vị: Phòng Tổng hợp\n", [Spot("HS101", 2, 1), Spot("HS101", 2, 1)])
    }

    func testHS101PassesWhenPartsExist() {
        assertSpots(Fixture.clean, [])
    }

    func testHS102UnknownPartSuggestsNearest() {
        let source = Fixture.replacing("# BIÊN BẢN HỌP XÉT", with: "# BIÊN BẢN HỌP")
        assertSpots(source, [Spot("HS102", 33, 3)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "\"# BIÊN BẢN HỌP\" không phải phần nào của hồ sơ; có phải \"# BIÊN BẢN HỌP XÉT\"?")
        let other = Fixture.replacing("## XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG", with: "# KẾT LUẬN\n## XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG")
        // The unknown part also cuts XÁC NHẬN off the report.
        assertSpots(other, [Spot("HS105", 47, 1), Spot("HS102", 63, 3)])
    }

    func testHS102PassesOnFoldedTitles() {
        // "# to trinh" is the Tờ trình (HS108 asks for the canonical spelling, HS102 stays quiet).
        assertSpots(Fixture.replacing("# TỜ TRÌNH", with: "# to trinh"), [Spot("HS108", 4, 3)])
    }

    func testHS103DuplicatePartPointsAtTheFirst() {
        let source = Fixture.clean + "\n# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n"
        let result = lint(source)
        XCTAssertEqual(spots(result).filter { $0.code == "HS103" }, [Spot("HS103", 66, 1)])
        let finding = result.findings.first { $0.code == "HS103" }!
        XCTAssertEqual(finding.related.map { result.text.line(ofByte: $0.range.lowerBound) + 1 }, [47])
    }

    func testHS103PassesOnReportsForDifferentNominees() {
        XCTAssertFalse(lint(Fixture.clean + "\n# BÁO CÁO THÀNH TÍCH: Tổ Quản trị\n").findings.contains { $0.code == "HS103" })
    }

    func testHS104PartsOutOfOrder() {
        let report = String(Fixture.clean[Fixture.clean.range(of: "# BÁO CÁO THÀNH TÍCH")!.lowerBound...])
        let bienBanStart = Fixture.clean.range(of: "# BIÊN BẢN HỌP XÉT")!.lowerBound
        let bienBan = String(Fixture.clean[bienBanStart..<Fixture.clean.range(of: "# BÁO CÁO THÀNH TÍCH")!.lowerBound])
        let source = String(Fixture.clean[..<bienBanStart]) + report + "\n" + bienBan
        assertSpots(source, [Spot("HS104", 52, 1)])
    }

    func testHS104PassesInOrder() {
        assertSpots(Fixture.clean, [])
    }

    func testHS105MissingSectionWithFixInItsPlace() {
        let source = Fixture.replacing("## III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\n- Năm 2020: Giấy khen của Chánh Văn phòng UBND tỉnh\n\n", with: "")
        assertSpots(source, [Spot("HS105", 47, 1)])
        let fixed = applyingFixes(of: "HS105", to: source)
        XCTAssertTrue(fixed.contains("- Năm 2021: Hoàn thành tốt nhiệm vụ\n\n## III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\n## XÁC NHẬN"))
        assertSpots(fixed, [])
    }

    func testHS105CollectiveNeedsItsOwnFirstSection() {
        // A report for the collective with the individual's first section lacks ĐẶC ĐIỂM, TÌNH HÌNH.
        let source = Fixture.replacing("# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: Tổ Quản trị")
        let result = lint(source)
        XCTAssertEqual(spots(result).filter { $0.code == "HS105" }, [Spot("HS105", 47, 1)])
        XCTAssertEqual(result.findings.first { $0.code == "HS105" }?.message.vi,
                       "Báo cáo thành tích của Tổ Quản trị thiếu mục \"I. ĐẶC ĐIỂM, TÌNH HÌNH\".")
        let spelled = Fixture.replacing("# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: Tổ Quản trị")
            .replacingOccurrences(of: "## I. SƠ LƯỢC LÝ LỊCH", with: "## I. Đặc điểm tình hình")
        XCTAssertEqual(spots(lint(spelled)).filter { $0.code == "HS105" || $0.code == "HS108" }, [Spot("HS108", 51, 7)])
    }

    func testHS106SectionsOutOfOrder() {
        let source = Fixture.replacing("## I. SƠ LƯỢC LÝ LỊCH\nHọ và tên: Nguyễn Thị Hoa. Chức vụ: Chuyên viên, Phòng Tổ chức - Hành chính - Quản trị.\n\n", with: "")
            .replacingOccurrences(of: "## XÁC NHẬN", with: "## I. SƠ LƯỢC LÝ LỊCH\nHọ và tên: Nguyễn Thị Hoa.\n\n## XÁC NHẬN")
        assertSpots(source, [Spot("HS106", 60, 1)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Mục \"SƠ LƯỢC LÝ LỊCH\" phải đứng trước mục \"CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\".")
    }

    func testHS106PassesOnExtraSections() {
        assertSpots(Fixture.replacing("## XÁC NHẬN", with: "## IV. PHƯƠNG HƯỚNG\nTiếp tục phấn đấu.\n\n## XÁC NHẬN"), [])
    }

    func testHS107BlankAndMissingFields() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: ……\nHình")
            .replacingOccurrences(of: "Thư ký: Bà Trần Thị Cúc, Chuyên viên\n", with: "")
            .replacingOccurrences(of: "Đơn vị: Phòng Tổ chức - Hành chính - Quản trị\n", with: "Đơn vị: ...\n")
        assertSpots(source, [Spot("HS107", 1, 1), Spot("HS107", 17, 1), Spot("HS107", 33, 1)])
        let messages = lint(source).findings.map(\.message.vi)
        XCTAssertEqual(messages[1], "Trường \"Chức vụ\" của Nguyễn Thị Hoa đang để trống; hãy điền nội dung.")
        XCTAssertEqual(messages[2], "Biên bản họp xét thiếu trường \"Thư ký:\".")
        let fixed = applyingFixes(of: "HS107", to: source)
        XCTAssertTrue(fixed.contains("Chủ trì: Ông Lê Văn Bình, Trưởng phòng\nThư ký: \n"))
    }

    func testHS107MissingPlaceDateAndPriorAwards() {
        let source = Fixture.replacing("Sơn La, ngày 18 tháng 5 năm 2022\n", with: "")
            .replacingOccurrences(of: "Sáng kiến: Mô hình \"Công sở xanh - sạch - đẹp\" (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)\nKhen thưởng năm 2022: Không\n",
                                  with: "Sáng kiến: Mô hình \"Công sở xanh - sạch - đẹp\" (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)\n")
        assertSpots(source, [Spot("HS107", 4, 1), Spot("HS107", 24, 1)])
        XCTAssertEqual(lint(source).findings[1].message.en, "Tổ Quản trị has no \"Khen thưởng năm 2022:\" field.")
    }

    func testHS107PassesOnBlankDocumentNumber() {
        assertSpots(Fixture.replacing("Số: 12/TTr-TCHCQT", with: "Số: /TTr-TCHCQT"), [])
    }

    func testHS108NonCanonicalSpellings() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "CHUC  VU: Chuyên viên\nHình")
            .replacingOccurrences(of: "Năm 2020: Hoàn thành xuất sắc nhiệm vụ\nNăm 2021", with: "Năm 2020: hoàn thành xuất sắc nhiệm vụ\nNăm 2021")
            .replacingOccurrences(of: "Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của Chánh văn phòng UBND tỉnh")
            .replacingOccurrences(of: "## KẾT QUẢ BIỂU QUYẾT", with: "## Kết quả biểu quyết")
            .replacingOccurrences(of: "### Tập thể:", with: "### Tập Thể:")
        assertSpots(source, [Spot("HS108", 17, 1), Spot("HS108", 20, 11), Spot("HS108", 25, 5), Spot("HS108", 26, 12), Spot("HS108", 41, 4)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Tên trường \"CHUC  VU\" nên viết đúng cách viết chuẩn: \"Chức vụ\".")
        XCTAssertEqual(applyingFixes(of: "HS108", to: source), Fixture.clean)
    }

    func testHS108OldTonePlacementAndEmphasis() {
        let source = Fixture.replacing("Sáng kiến: Số hóa", with: "**Sáng kiến:** Số hóa")
            .replacingOccurrences(of: "Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành xuất sắc", with: "Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành xuất sắc")
        assertSpots(source, [])
        assertSpots(Fixture.replacing("# BIÊN BẢN HỌP XÉT", with: "# BIÊN BẢN HỌP XÉT"), [])
        assertSpots(Fixture.replacing("Kết thúc: 09 giờ 30", with: "KẾT THÚC: 09 giờ 30"), [Spot("HS108", 45, 1)])
    }

    /// Word's no-break space is a space, not a misspelling (docs/format.md, "Recognition"); a doubled space still is one.
    func testHS108IgnoresUnicodeSpacesButNotRunsOfSpaces() {
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình thức: Bằng khen của Chủ tịch UBND tỉnh",
                                      with: "Chức\u{A0}vụ:\u{A0}Chuyên viên\nHình\u{202F}thức: Bằng\u{A0}khen của Chủ\u{A0}tịch UBND tỉnh"), [])
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên", with: "Chức  vụ: Chuyên viên"), [Spot("HS108", 17, 1)])
    }

    /// Names match whatever their spacing, but a doubled space would be printed as typed: each
    /// run inside a name, where it is written, is HS108 with a fix to one space.
    func testHS108RunsOfSpacesInsideNames() {
        let source = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "### Cá nhân: Nguyễn  Thị Hoa")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: "- Tổ Quản \t trị: 7/8")
            .replacingOccurrences(of: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị\u{A0}\u{A0}Hoa")
        assertSpots(source, [Spot("HS108", 16, 20), Spot("HS108", 43, 10), Spot("HS108", 47, 33)])
        let findings = lint(source).findings
        XCTAssertEqual(findings.map(\.message.vi), [
            "Tên có hai dấu cách liền nhau (giữa \"Nguyễn\" và \"Thị\"); viết \"Nguyễn Thị Hoa\".",
            "Tên có 3 dấu cách liền nhau (giữa \"Quản\" và \"trị\"); viết \"Tổ Quản trị\".",
            "Tên có hai dấu cách liền nhau (giữa \"Thị\" và \"Hoa\"); viết \"Nguyễn Thị Hoa\".",
        ])
        XCTAssertEqual(findings[0].message.en, "The name has two spaces in a row (between \"Nguyễn\" and \"Thị\"); write \"Nguyễn Thị Hoa\".")
        XCTAssertEqual(findings[0].range.count, 2)
        XCTAssertEqual(applyingFixes(of: "HS108", to: source), Fixture.clean)
        // Other rules quote the name with one space.
        let noVote = source.replacingOccurrences(of: "- Nguyễn Thị Hoa: 8/8 đồng ý (100%)\n", with: "")
        XCTAssertEqual(lint(noVote).findings.filter { $0.code == "HS112" }.map(\.message.vi),
                       ["Nguyễn Thị Hoa chưa có kết quả biểu quyết; thêm \"- Nguyễn Thị Hoa: A/B đồng ý (P%)\" vào mục KẾT QUẢ BIỂU QUYẾT của Biên bản."])
        // One space of any kind between words is no finding: a no-break space is a space.
        assertSpots(Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "### Cá nhân: Nguyễn\u{A0}Thị Hoa"), [])
    }

    func testHS108AcceptsAliasesAsCanonical() {
        assertSpots(Fixture.replacing("Hình thức: Bằng khen của Chủ tịch UBND tỉnh", with: "Hình thức: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"), [])
        assertSpots(Fixture.replacing("Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh", with: "Hình thức: Giấy khen của Chánh Văn phòng Ủy ban nhân dân tỉnh"), [])
        assertSpots(Fixture.replacing("Về việc:", with: "V/v:"), [])
        XCTAssertEqual(lint(Fixture.replacing("Hình thức: Bằng khen của Chủ tịch UBND tỉnh", with: "Hình thức: Cấp Nhà nước")).findings.map(\.code), ["HS213"])
        // Old tone placement in an alias ("Uỷ") is folded and corrected to the alias it matches.
        let source = Fixture.replacing("Hình thức: Bằng khen của Chủ tịch UBND tỉnh", with: "Hình thức: Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh")
        assertSpots(source, [Spot("HS108", 18, 12)])
        XCTAssertTrue(applyingFixes(of: "HS108", to: source).contains("Hình thức: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n"))
    }

    func testHS109NoNomineeList() {
        let toTrinh = String(Fixture.clean[..<Fixture.clean.range(of: "## DANH SÁCH ĐỀ NGHỊ")!.lowerBound])
        let source = toTrinh + "# BIÊN BẢN HỌP XÉT\nSơn La, ngày 16 tháng 5 năm 2022\nThời gian: 08 giờ\nĐịa điểm: Phòng họp\nThành phần: 8/9\nChủ trì: Ông A\nThư ký: Bà B\n"
        assertSpots(source, [Spot("HS109", 4, 1)])
        let emptyList = toTrinh + "## DANH SÁCH ĐỀ NGHỊ\n\n" + "# BIÊN BẢN HỌP XÉT\nSơn La, ngày 16 tháng 5 năm 2022\nThời gian: 08 giờ\nĐịa điểm: Phòng họp\nThành phần: 8/9\nChủ trì: Ông A\nThư ký: Bà B\n"
        XCTAssertEqual(lint(emptyList).findings.map(\.message.en), ["DANH SÁCH ĐỀ NGHỊ lists no one; add \"### Cá nhân: <name>\" or \"### Tập thể: <name>\"."])
    }

    func testHS109NomineeBlocksWithoutTheListHeading() {
        let source = Fixture.replacing("## DANH SÁCH ĐỀ NGHỊ\n\n", with: "")
        assertSpots(source, [Spot("HS109", 14, 1)])
        let finding = lint(source).findings[0]
        XCTAssertEqual(finding.fixes.first?.isSafe, false)
        // The fix puts the heading back; the nominees were read all along, so nothing else is reported.
        XCTAssertEqual(applyingFixes(of: "HS109", to: source), Fixture.clean)
    }

    func testHS109PassesWithOneNominee() {
        assertSpots(Fixture.clean, [])
    }

    func testHS110MissingReportWithSkeletonFix() {
        assertSpots(withoutReport, [Spot("HS110", 16, 14)])
        let fixed = applyingFixes(of: "HS110", to: withoutReport)
        XCTAssertTrue(fixed.contains("# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/07/2017 của Chính phủ\n\n## I. SƠ LƯỢC LÝ LỊCH\n\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n- Năm 2019: Hoàn thành tốt nhiệm vụ\n- Năm 2020: Hoàn thành xuất sắc nhiệm vụ\n"))
        assertSpots(fixed, [])
    }

    func testHS110PassesForGiayKhenWithoutReport() {
        // The collective is proposed for a Giấy khen, which needs no report: the clean example has none for it.
        assertSpots(Fixture.clean, [])
    }

    func testHS111NamesThatAreNotNominees() {
        let source = Fixture.replacing("# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa", with: "# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hòa")
            .replacingOccurrences(of: "- Tổ Quản trị: 7/8", with: "- Tổ Quản lý: 7/8")
        assertSpots(source, [Spot("HS110", 16, 14), Spot("HS112", 25, 14), Spot("HS111", 43, 3), Spot("HS111", 47, 23)])
        let messages = lint(source).findings.map(\.message.vi)
        XCTAssertEqual(messages[3], "Báo cáo thành tích ghi \"Nguyễn Thị Hòa\", không có trong DANH SÁCH ĐỀ NGHỊ; có phải \"Nguyễn Thị Hoa\"?")
    }

    func testHS111PassesOnCaseAndSpacing() {
        // The name matches; only its doubled space is reported, as HS108's.
        assertSpots(Fixture.replacing("- Tổ Quản trị: 7/8", with: "- TỔ QUẢN  TRỊ: 7/8"), [Spot("HS108", 43, 10)])
    }

    func testHS112NomineeWithoutVote() {
        let source = Fixture.replacing("- Tổ Quản trị: 7/8 đồng ý (87,5%)\n", with: "")
        assertSpots(source, [Spot("HS112", 25, 14)])
    }

    func testHS112PassesWhenEveryoneVoted() {
        assertSpots(Fixture.clean, [])
    }

    /// A look-alike letter in a nominee's name is HS003's alone: her vote written with the real
    /// letter is hers, and no message or fix asks anyone to copy the fake letter.
    func testHS111AndHS112CompareNamesWithLookalikesRepaired() {
        let ngoc = Fixture.clean.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Đinh Thị Ngọc")
        let source = Fixture.replacing("### Cá nhân: Đinh Thị Ngọc", with: "### Cá nhân: \u{D0}inh Thị Ngọc", in: ngoc)
        assertSpots(source, [Spot("HS003", 16, 14)])
        // Without her vote, HS112 asks for it in the real spelling.
        let noVote = source.replacingOccurrences(of: "- Đinh Thị Ngọc: 8/8 đồng ý (100%)\n", with: "")
        assertSpots(noVote, [Spot("HS003", 16, 14), Spot("HS112", 16, 14)])
        XCTAssertEqual(lint(noVote).findings[1].message.vi,
                       "Đinh Thị Ngọc chưa có kết quả biểu quyết; thêm \"- Đinh Thị Ngọc: A/B đồng ý (P%)\" vào mục KẾT QUẢ BIỂU QUYẾT của Biên bản.")
        // A misspelt vote is pointed at the real spelling.
        let misspelt = source.replacingOccurrences(of: "- Đinh Thị Ngọc: 8/8", with: "- Đinh Thị Ngoc: 8/8")
        assertSpots(misspelt, [Spot("HS003", 16, 14), Spot("HS112", 16, 14), Spot("HS111", 42, 3)])
        XCTAssertEqual(lint(misspelt).findings[2].message.vi,
                       "Kết quả biểu quyết ghi \"Đinh Thị Ngoc\", không có trong DANH SÁCH ĐỀ NGHỊ; có phải \"Đinh Thị Ngọc\"?")
        // The report HS110 writes is headed with the real spelling.
        let withoutReport = String(source[..<source.range(of: "# BÁO CÁO THÀNH TÍCH")!.lowerBound])
        XCTAssertTrue(applyingFixes(of: "HS110", to: withoutReport).contains("# BÁO CÁO THÀNH TÍCH: Đinh Thị Ngọc\n"))
        // Cyrillic look-alikes inside a Latin name too (о U+043E): her vote and report are hers.
        assertSpots(Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "### Cá nhân: Nguyễn Thị H\u{43E}a"), [Spot("HS003", 16, 25)])
    }

    func testHS113FieldGivenTwice() {
        let source = Fixture.replacing("Khen thưởng năm 2022: Không\n\n### Tập thể", with: "Khen thưởng năm 2022: Không\nChức vụ: Chuyên viên chính\n\n### Tập thể")
        assertSpots(source, [Spot("HS113", 24, 1)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Trường \"Chức vụ\" đã khai ở dòng 17; hãy xoá một trong hai dòng.")
    }

    func testHS113PassesOnSameKeyInDifferentBlocks() {
        assertSpots(Fixture.clean, [])
    }

    func testSuppressionRegionsAndNextLine() {
        let base = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        assertSpots(base, [Spot("HS108", 17, 1)])
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS108 -->\nChuc vu: Chuyên viên\nHình"), [])
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS113 -->\nChuc vu: Chuyên viên\nHình"), [Spot("HS011", 17, 29), Spot("HS108", 18, 1)])
        let region = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "<!-- hoso-disable HS108 -->\n### Cá nhân: Nguyễn Thị Hoa")
            .replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
            .replacingOccurrences(of: "### Tập thể: Tổ Quản trị\n", with: "<!-- hoso-enable -->\n### Tập thể: Tổ Quản trị\nHINH THUC: Giấy khen của Chánh Văn phòng UBND tỉnh\n")
        XCTAssertEqual(spots(lint(region)).filter { $0.code == "HS108" }, [Spot("HS108", 28, 1)])
        // There is no "disable everything": a directive naming no code is HS010 and suppresses nothing.
        let all = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "<!--\n  hoso-disable\n-->\n### Cá nhân: Nguyễn Thị Hoa")
            .replacingOccurrences(of: "Chức vụ: Chuyên viên\nHình", with: "Chuc vu: ...\nHình")
        assertSpots(all, [Spot("HS010", 16, 1), Spot("HS107", 20, 1), Spot("HS108", 20, 1)])
    }
}
