import XCTest
import HosoRules
import HosoText

/// HS0xx: the text itself.
final class TextRuleTests: XCTestCase {
    func testCleanExampleReportsNothing() {
        assertSpots(Fixture.clean, [])
    }

    func testHS001LegacyBytesStopEverythingElse() {
        let tcvn3: [UInt8] = "Céng hßa x· héi".unicodeScalars.map { UInt8($0.value) }
        let raw = Array("Đơn vị: Phòng Tổng hợp\n\n".utf8) + tcvn3 + Array("\n# KHÔNG PHẢI PHẦN\n".utf8)
        let result = Linter().lint(bytes: raw)
        XCTAssertEqual(spots(result), [Spot("HS001", 3, 1)])
        XCTAssertEqual(result.findings[0].message.vi,
                       "Tệp không phải UTF-8 hợp lệ (byte lỗi đầu tiên ở dòng 3; có lẽ là bảng mã TCVN3/ABC). Có thể chuyển mã cả tệp sang UTF-8 (sửa nhanh trong trình soạn thảo, hoặc `hoso lint --fix --unsafe-fixes`), đọc lại rồi kiểm tra lại; các lỗi khác chưa được kiểm tra.")
        // The whole-file conversion is unsafe: it changes the file's encoding, so a person proofreads it.
        let fix = try! XCTUnwrap(result.findings[0].fixes.first)
        XCTAssertFalse(fix.isSafe)
        XCTAssertEqual(fix.edits.map(\.newText), ["Đơn vị: Phòng Tổng hợp\n\nCộng hòa xã hội\n# KHÔNG PHẢI PHẦN\n"])
        let vni: [UInt8] = "Coäng hoøa xaõ hoäi".unicodeScalars.map { UInt8($0.value) }
        XCTAssertTrue(Linter().lint(bytes: vni).findings[0].message.en.contains("probably VNI-Windows"))
        XCTAssertEqual(Linter().lint(bytes: vni).findings[0].fixes.first?.edits.map(\.newText), ["Cộng hòa xã hội"])
        // Too little to be sure of the encoding: the finding stands, without a conversion.
        let short = Array("Đơn vị: Phòng ".utf8) + [0xA7, 0xE9, 0x0A]
        XCTAssertEqual(Linter().lint(bytes: short).findings.map(\.fixes.count), [0])
        XCTAssertTrue(Linter().lint(bytes: short).findings[0].message.vi.contains("Hãy chuyển mã sang Unicode dựng sẵn (UTF-8), ví dụ bằng Unikey, rồi kiểm tra lại"))
    }

    /// A dossier saved as Word or PDF is told what it is and how to save it as text, not "a NUL byte".
    func testHS001SaysAWordFileIsAWordFile() {
        let docx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml\u{0}word/document.xml".utf8)
        let result = Linter().lint(bytes: docx)
        XCTAssertEqual(spots(result), [Spot("HS001", 1, 1)])
        XCTAssertEqual(result.findings[0].severity, .error)
        XCTAssertEqual(result.findings[0].message.vi,
                       "Đây là tệp Word (.docx), không phải văn bản: mở bằng Word, chọn Lưu thành… / Save As → Văn bản thuần (.txt), mã hoá UTF-8, rồi đổi đuôi thành .hoso; các lỗi khác chưa được kiểm tra.")
        XCTAssertEqual(result.findings[0].message.en,
                       "This is a Word file (.docx), not text: open it in Word, choose Save As → Plain Text (.txt), encoding UTF-8, then rename it to .hoso; nothing else was checked.")
        let pdf = Linter().lint(bytes: Array("%PDF-1.7\n".utf8))
        XCTAssertEqual(pdf.findings.map(\.code), ["HS001"])
        XCTAssertTrue(pdf.findings[0].message.vi.hasPrefix("Đây là tệp PDF, không phải văn bản: "), pdf.findings[0].message.vi)
        let doc = Linter().lint(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00])
        XCTAssertTrue(doc.findings[0].message.vi.hasPrefix("Đây là tệp Word cũ (.doc)"), doc.findings[0].message.vi)
    }

    func testHS001PassesUTF16WithBOM() {
        let raw = SourceDecoder.encode(Array(Fixture.clean.utf8), as: .utf16LE)
        XCTAssertEqual(spots(Linter().lint(bytes: raw)), [])
    }

    func testHS002NFDRunWithFix() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuye\u{302}n vie\u{302}n\nHình")
        assertSpots(source, [Spot("HS002", 17, 10)])
        let result = lint(source)
        XCTAssertEqual(result.text.position(ofByte: result.findings[0].range.upperBound, in: .utf32).character + 1, 23)
        XCTAssertEqual(applyingFixes(of: "HS002", to: source), Fixture.clean)
    }

    func testHS002PassesOnPrecomposedText() {
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên viên chính\nHình"), [])
    }

    func testHS002WholeFileInNFDStillParses() {
        // A dossier typed entirely in NFD keeps its structure (keys fold) and draws HS002 per line, not HS108.
        let nfd = String(decoding: Fixture.clean.decomposedUTF8(), as: UTF8.self)
        let codes = Set(lint(nfd).findings.map(\.code))
        XCTAssertEqual(codes, ["HS002"])
    }

    func testHS003LookalikeEthAndCyrillic() {
        let source = Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Ðịa điểm: Phòng họp tầng 3, khu \u{0410}nh Đào")
        assertSpots(source, [Spot("HS003", 36, 1), Spot("HS003", 36, 33)])
        let fixed = applyingFixes(of: "HS003", to: source)
        XCTAssertEqual(fixed, Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Phòng họp tầng 3, khu Anh Đào"))
    }

    /// A run of lookalikes (a PDF's ligature table, a stuck key) is one finding with one fix,
    /// not one per letter: 5,000 of them were 5,000 findings and megabytes of messages.
    func testHS003ARunOfLookalikesIsOneFinding() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên viên ÐÐðÐ\nHình")
        let findings = lint(source).findings.filter { $0.code == "HS003" }
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.message.vi, "4 chữ liền nhau giống Đ/đ (như \"Ð\", U+00D0) không phải chữ Đ/đ tiếng Việt; hãy gõ lại.")
        XCTAssertEqual(applyingFixes(of: "HS003", to: source), Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên viên ĐĐđĐ\nHình"))
    }

    func testHS003PassesOnCyrillicWordsAlone() {
        assertSpots(Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Phòng họp tầng 3 (Москва)"), [])
    }

    func testHS004MojibakeTCVN3AndVNI() {
        let source = Fixture.replacing("Kính gửi: Chánh Văn phòng UBND tỉnh", with: "Kính gửi: Céng hßa x· héi")
            .replacingOccurrences(of: "Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Phoøng hoïp")
        assertSpots(source, [Spot("HS004", 7, 11), Spot("HS004", 36, 11)])
        let result = lint(source)
        XCTAssertEqual(result.findings[0].message.vi, "\"Céng hßa x· héi\" là chữ bị lỗi phông: văn bản gõ bằng bảng mã TCVN3/ABC đã bị đọc sai. Đọc đúng bảng mã thì là \"Cộng hòa xã hội\"; chuyển mã đoạn này (sửa nhanh trong trình soạn thảo) rồi đọc lại.")
        XCTAssertEqual(result.findings[1].message.en, "\"Phoøng hoïp\" is garbled: text typed in VNI-Windows was read with the wrong encoding. Read in that encoding it says \"Phòng họp\"; convert the passage (a quick fix in the editor) and proofread it.")
        // The conversion is offered, as an unsafe fix: never applied by a plain --fix.
        XCTAssertEqual(result.findings.map { $0.fixes.map(\.isSafe) }, [[false], [false]])
        XCTAssertEqual(applyingFixes(of: "HS004", to: source), Fixture.replacing("Kính gửi: Chánh Văn phòng UBND tỉnh", with: "Kính gửi: Cộng hòa xã hội")
            .replacingOccurrences(of: "Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Phòng họp"))
    }

    /// Issue 15: `Ghi chú: Céng hßa …` was one run from `chú`, and its fix wrote `chỳ`. The run
    /// keeps to the words that are mojibake: never the key, never a correct word beside it.
    func testHS004RunLeavesTheKeyAndCorrectWordsAlone() {
        let source = Fixture.replacing("Quản trị\n", with: "Quản trị\nGhi chú: Céng hßa x· héi chñ nghÜa\n")
            .replacingOccurrences(of: "Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Tr­êng Chính trị tØnh")
        assertSpots(source, [Spot("HS004", 2, 10), Spot("HS004", 37, 11), Spot("HS004", 37, 28)])
        let result = lint(source)
        XCTAssertEqual(result.findings[0].message.vi, "\"Céng hßa x· héi chñ nghÜa\" là chữ bị lỗi phông: văn bản gõ bằng bảng mã TCVN3/ABC đã bị đọc sai. Đọc đúng bảng mã thì là \"Cộng hòa xã hội chủ nghĩa\"; chuyển mã đoạn này (sửa nhanh trong trình soạn thảo) rồi đọc lại.")
        XCTAssertEqual(result.findings[0].fixes.first?.title.vi, "Chuyển mã TCVN3/ABC sang Unicode: \"Cộng hòa xã hội chủ nghĩa\"")
        XCTAssertEqual(applyingFixes(of: "HS004", to: source),
                       Fixture.replacing("Quản trị\n", with: "Quản trị\nGhi chú: Cộng hòa xã hội chủ nghĩa\n")
                        .replacingOccurrences(of: "Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Trường Chính trị tỉnh"))
    }

    /// Whole sentences pasted from old Word files, as staff meet them: the run and its conversion.
    func testHS004ConvertsPastedSentences() {
        let cases: [(written: String, converted: String)] = [
            ("§ång chÝ ®· ph¸t triÓn phong trµo thi ®ua trong toµn tØnh.", "Đồng chí đã phát triển phong trào thi đua trong toàn tỉnh"),
            ("Ñoàng chí ñaõ phaùt trieån phong traøo thi ñua trong toaøn tænh.", "Đồng chí đã phát triển phong trào thi đua trong toàn tỉnh"),
            ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"),
            ("Là Tr­ëng phßng Tæ chøc của Văn phòng", "Trưởng phòng Tổ chức"),
        ]
        for (written, converted) in cases {
            let source = Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: \(written)")
            let findings = lint(source).findings
            XCTAssertEqual(findings.map(\.code), ["HS004"], written)
            XCTAssertEqual(findings.first?.fixes.first?.edits.map(\.newText), [converted], written)
        }
    }

    /// Correct foreign words, symbols and Word's spaces are not mojibake (docs/rules/HS004.md).
    func testHS004PassesOnForeignWordsAndSymbols() {
        for line in ["Học tập tại Institut Français và Đại học Göttingen; gặp señor García ở Café Ångström.",
                     "Phối hợp với Université de Montréal, Zürich, Müller & Søren; naïve résumé façade Noël Citroën où Þór.",
                     "Nhiệt độ 25°C, diện tích 30 m², giá 5 €, mục § 3, ± 2, « trích dẫn », tỉ lệ ½, Tổ·Văn thư, ö, ©.",
                     "Phòng\u{00A0}họp\u{00A0}tầng\u{202F}3, Sơn\u{00A0}La"] {
            assertSpots(Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: \(line)"), [], line)
        }
    }

    func testHS004PassesOnVietnameseLatin1Letters() {
        assertSpots(Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Phòng họp tầng 3 — nhà A, số 5 – 7 «mới»"), [])
    }

    func testHS005InvisibleCharactersMergedAndRemoved() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên\u{200B}\u{200B} viên\u{202E}\nHình")
        assertSpots(source, [Spot("HS005", 17, 16), Spot("HS005", 17, 23)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Ký tự ẩn/điều khiển U+200B ×2; hãy xoá.")
        XCTAssertEqual(applyingFixes(of: "HS005", to: source), Fixture.clean.replacingOccurrences(of: "Chuyên viên\nHình", with: "Chuyên viên\nHình"))
    }

    /// A run pasted from a PDF can hold thousands of invisible characters: each kind is named
    /// once with its count, at most six kinds, so one finding stays one short line.
    func testHS005NamesEachCharacterOnceWithItsCount() {
        let run = String(repeating: "\u{200B}\u{FEFF}", count: 5000) + "\u{2060}\u{202A}\u{202B}\u{202C}\u{2066}"
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên\(run)viên\nHình")
        let findings = lint(source).findings.filter { $0.code == "HS005" }
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.message.vi, "Ký tự ẩn/điều khiển U+200B ×5000, U+FEFF ×5000, U+2060, U+202A, U+202B, U+202C, …; hãy xoá.")
    }

    /// A soft hyphen from Word and a C1 control are invisible; inside TCVN3 mojibake U+00AD is a letter (ư).
    func testHS005SoftHyphenAndC1ControlsButNotInsideMojibake() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chức vụ: Chuyên\u{AD}viên\u{85}\nHình")
        assertSpots(source, [Spot("HS005", 17, 16), Spot("HS005", 17, 21)])
        XCTAssertEqual(lint(source).findings.map(\.message.vi), ["Ký tự ẩn/điều khiển U+00AD; hãy xoá.", "Ký tự ẩn/điều khiển U+0085; hãy xoá."])
        XCTAssertEqual(lint(Fixture.replacing("Địa điểm: Phòng họp tầng 3", with: "Địa điểm: Tr\u{AD}êng phßng")).findings.map(\.code), ["HS004"])
    }

    func testHS005AllowsLeadingBOMTabsAndCRLF() {
        let raw = [0xEF, 0xBB, 0xBF] + Array(Fixture.clean.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "Chức vụ: Chuyên viên", with: "Chức vụ:\tChuyên viên").utf8)
        XCTAssertEqual(spots(Linter().lint(bytes: raw)), [])
    }

    func testHS010UnknownCodeInSuppression() {
        let source = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "<!-- hoso-disable-next-line HS9999 HS108 -->\n### Cá nhân: Nguyễn Thị Hoa")
        // The unknown code is HS010 only; the valid one beside it suppresses nothing here: HS011.
        assertSpots(source, [Spot("HS010", 16, 29), Spot("HS011", 16, 36)])
        XCTAssertEqual(lint(source).findings[0].message.vi, "Không có quy tắc mã \"HS9999\"; xem danh sách bằng `hoso rules`.")
        let typo = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa", with: "<!-- hoso-disable HS1O8 -->\n<!-- hoso-enable -->\n### Cá nhân: Nguyễn Thị Hoa")
        XCTAssertEqual(lint(typo).findings.first?.message.en, "There is no rule \"HS1O8\"; did you mean HS108?")
    }

    func testHS010PassesOnKnownCodesThatSuppress() {
        let source = Fixture.replacing("### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\n", with: "### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\n<!-- hoso-disable-next-line HS108 hs113 -- viết theo mẫu cũ -->\nChuc vu: Chuyên viên\n")
        let result = lint(source)
        XCTAssertEqual(spots(result), [])
        XCTAssertEqual(result.suppressed.map(\.finding.code), ["HS108", "HS113"])
        XCTAssertEqual(result.suppressed.map(\.reason), ["viết theo mẫu cũ", "viết theo mẫu cũ"])
    }

    /// No code, a misspelled directive and stray words: HS010, and nothing is suppressed.
    func testHS010DirectivesThatCannotWork() {
        let misspelled = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-nextline HS108 -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(misspelled, [Spot("HS010", 17, 6), Spot("HS108", 18, 1)])
        XCTAssertEqual(lint(misspelled).findings[0].message.vi,
                       "Chỉ thị \"hoso-disable-nextline\" viết sai nên chú thích không tắt được gì; có phải \"hoso-disable-next-line\"?")
        let noCode = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(noCode, [Spot("HS010", 17, 6), Spot("HS108", 18, 1)])
        // A reason without " -- ": its words are HS010, the code beside them still works.
        let stray = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS108 mẫu cũ -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(stray, [Spot("HS010", 17, 35)])
        XCTAssertEqual(lint(stray).findings[0].message.vi, "\"mẫu cũ\" không phải mã quy tắc; lý do tắt kiểm tra phải viết sau \" -- \" (hai dấu gạch nối), ví dụ <!-- hoso-disable-next-line HS208 -- lý do -->.")
        // Words of a reason are never codes, even when they look like one.
        let reason = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS108 -- như HS113, xem HS999 -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(reason, [])
        XCTAssertEqual(lint(reason).suppressed.first?.reason, "như HS113, xem HS999")
        // An en dash (Word's autocorrect of "--") does not open a reason (docs/format.md, "Suppression comments"): HS010 says why; HS108 stays off.
        let dashed = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS108 – mẫu cũ -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(dashed, [Spot("HS010", 17, 35)])
        XCTAssertEqual(lint(dashed).findings[0].message.en, "\"– mẫu cũ\" is not a rule code; a reason goes after \" -- \" (two hyphens) (a dash \"–\" does not open a reason; editors such as Word turn \"--\" into \"–\"), e.g. <!-- hoso-disable-next-line HS208 -- reason -->.")
        // An ordinary comment is not a directive.
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- Ghi chú: hồ sơ bổ sung ngày 17/5 -->\nChức vụ: Chuyên viên\nHình"), [])
    }

    func testHS011UnusedSuppressions() {
        let nextLine = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS401 -->\nChức vụ: Chuyên viên\nHình")
        assertSpots(nextLine, [Spot("HS011", 17, 29)])
        XCTAssertEqual(lint(nextLine).findings[0].message.en,
                       "HS401 in this comment suppresses nothing: the line after the comment has no HS401 finding. Remove it so the comment hides no future problem.")
        // The fix is unsafe and removes the whole comment when its code is the only one.
        XCTAssertEqual(lint(nextLine).findings[0].fixes.map(\.isSafe), [false])
        XCTAssertEqual(applyingFixes(of: "HS011", to: nextLine), Fixture.clean)
        // With another code, only the unused code goes.
        let two = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS108, HS401 -->\nChuc vu: Chuyên viên\nHình")
        assertSpots(two, [Spot("HS011", 17, 36)])
        XCTAssertTrue(applyingFixes(of: "HS011", to: two).contains("<!-- hoso-disable-next-line HS108 -->\nChuc vu"))
        // A hoso-enable with no region open, or naming a code not disabled.
        let enable = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-enable -->\n<!-- hoso-disable HS108 -->\nChuc vu: Chuyên viên\n<!-- hoso-enable HS108 HS208 -->\nHình")
        assertSpots(enable, [Spot("HS011", 17, 6), Spot("HS011", 20, 24)])
        // Never for cross-file codes, nor for codes turned off.
        assertSpots(Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "<!-- hoso-disable-next-line HS501 HS502 -->\nChức vụ: Chuyên viên\nHình"), [])
        let off = Linter(severityOverrides: ["HS401": Severity?.none]).lint(bytes: Array(nextLine.utf8))
        XCTAssertEqual(spots(off), [])
    }
}

extension String {
    /// The canonical decomposition (NFD) as UTF-8, via Foundation, for fixtures.
    func decomposedUTF8() -> [UInt8] { Array((self as NSString).decomposedStringWithCanonicalMapping.utf8) }
}
