import XCTest
import HosoSyntax
import HosoText

final class ParserTests: XCTestCase {
    /// Elements tile the text: contiguous, covering every byte.
    func assertLossless(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let tree = Parser.parse(SourceDecoder.decode(bytes).text)
        var cursor = 0
        for element in tree.elements {
            XCTAssertEqual(element.range.lowerBound, cursor, file: file, line: line)
            XCTAssertTrue(element.content.lowerBound >= element.range.lowerBound && element.content.upperBound <= element.range.upperBound,
                          file: file, line: line)
            cursor = element.range.upperBound
        }
        XCTAssertEqual(cursor, tree.text.bytes.count, file: file, line: line)
        for part in tree.parts {
            XCTAssertTrue(part.elements.upperBound <= tree.elements.count, file: file, line: line)
        }
    }

    func testLosslessOnAssortedInputs() {
        let inputs = [
            "", "\n", "\r\n\r\n", "# TỜ TRÌNH", "a\rb\r\nc", "<!-- open\nnever closed\n# TỜ TRÌNH\n",
            "<!--\nmulti\n-->\n### Cá nhân: X\nChức vụ: Y", "##\n#\n###\n####\n", "- \n1. \na) \n",
        ]
        for input in inputs { assertLossless(Array(input.utf8)) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let alphabet: [UInt8] = Array("#:- \n\r*<!->ĐàTỜ0123/,.ngày tháng năm".utf8) + [0xFF, 0xC3]
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            assertLossless(bytes)
        }
    }

    func testHeadingsFieldsAndContexts() {
        let tree = Parser.parse("""
        Đơn vị: Phòng A
        Số: không phải trường ở đây
        # TỜ TRÌNH
        Số: 12/TTr-TCHCQT
        *Sơn La, ngày 18 tháng 5 năm 2022*
        ## II. DANH SÁCH ĐỀ NGHỊ
        ### Cá nhân: Nguyễn Thị Hoa
        **Chức vụ:** Chuyên viên
        Năm 2019: HTTNV
        Khen thưởng năm 2022: Không
        Họ và tên: prose
        # BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa
        - Năm 2019: Hoàn thành tốt nhiệm vụ
        """)
        let kinds = tree.elements.map(\.kind)
        XCTAssertEqual(kinds, [
            .field(.unit), .prose, .partHeading, .field(.number), .placeDate, .sectionHeading, .blockHeading,
            .field(.position), .field(.rating(year: 2019)), .field(.priorAwards(year: 2022)), .prose, .partHeading, .listItem,
        ])
        XCTAssertEqual(tree.parts.map(\.kind), [.toTrinh, .report])
        XCTAssertEqual(tree.preamble, 0..<2)
        XCTAssertEqual(tree.parts[0].sections.count, 1)
        XCTAssertEqual(tree.parts[0].sections[0].blocks.map(\.heading), [6])
        let section = tree.elements[5]
        XCTAssertEqual(tree.string(section.numbering!), "II.")
        XCTAssertEqual(tree.string(section.head!), "DANH SÁCH ĐỀ NGHỊ")
        XCTAssertEqual(tree.string(tree.elements[7].head!), "Chức vụ")
        XCTAssertEqual(tree.string(tree.elements[7].value!), "Chuyên viên")
        XCTAssertEqual(tree.string(tree.elements[11].value!), "Nguyễn Thị Hoa")
        let date = tree.elements[4].placeDate!
        XCTAssertEqual(tree.string(date.place), "Sơn La")
        XCTAssertEqual([date.day, date.month, date.year].map { tree.string($0) }, ["18", "5", "2022"])
    }

    /// Every key spelling of every context is read as its field, in any case and with or
    /// without diacritics; a rating needs exactly four digits.
    func testEveryFieldKeyInItsContext() {
        let tree = Parser.parse("""
        Đơn vị: a
        PHONG TRAO: a
        # TỜ TRÌNH
        Số: a
        Kính gửi: a
        Về việc: a
        V/v: a
        v/V: a
        ### Tập thể: X
        Chức vụ: a
        Hình thức: a
        Sáng kiến: a
        Năm 2019: a
        nam 2020: a
        Năm 201: a
        Năm 20190: a
        Năm 2o19: a
        Khen thưởng năm 2022: a
        Năm 2021 - Hoàn thành tốt nhiệm vụ
        # BIÊN BẢN HỌP XÉT
        Thời gian: a
        Địa điểm: a
        Thành phần: a
        Chủ trì: a
        Thư ký: a
        Kết thúc: a
        Số: a
        """)
        XCTAssertEqual(tree.elements.map(\.kind), [
            .field(.unit), .field(.campaign), .partHeading, .field(.number), .field(.recipient), .field(.subject),
            .field(.subject), .field(.subject), .blockHeading, .field(.position), .field(.awardForm), .field(.initiative),
            .field(.rating(year: 2019)), .field(.rating(year: 2020)), .prose, .prose, .prose, .field(.priorAwards(year: 2022)),
            .field(.rating(year: 2021)), .partHeading, .field(.time), .field(.venue), .field(.attendance), .field(.chair),
            .field(.secretary), .field(.closing), .prose,
        ])
    }

    /// `FieldKey.longestFoldedKey` bounds every key's folded spellings (the parser gives up on
    /// longer key texts without folding them into a String).
    func testNoKeyFoldsLongerThanTheBound() {
        for context in [FieldContext.preamble, .toTrinh, .nominee, .bienBan] {
            for key in FieldKey.keys(in: context, years: [2019, 9999], excludedYear: 2022) {
                for spelling in [key.canonicalSpelling] + key.alternativeSpellings {
                    XCTAssertLessThanOrEqual(Folding.key(spelling).utf8.count, FieldKey.longestFoldedKey, spelling)
                    XCTAssertEqual(FieldKey.matching(folded: Folding.key(spelling), in: context), key, spelling)
                }
            }
        }
        let tree = Parser.parse("# TỜ TRÌNH\n### Cá nhân: A\nKhen thưởng năm 2022: a\nKhen thưởng các năm 2019, 2020: b\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.partHeading, .blockHeading, .field(.priorAwards(year: 2022)), .prose])
    }

    /// A key written as the format spells it is found by its bytes (no folding): the same field
    /// as the key written otherwise (in capitals, folded first), in each context; near misses are no key.
    func testKeysFoundByTheirBytesAsByTheirFolds() {
        let heads: [(FieldContext, String)] = [(.preamble, ""), (.toTrinh, "# TỜ TRÌNH\n"), (.nominee, "# TỜ TRÌNH\n### Cá nhân: A\n"),
                                               (.bienBan, "# BIÊN BẢN HỌP XÉT\n")]
        for (context, head) in heads {
            for key in FieldKey.keys(in: context, years: [2019, 9999], excludedYear: 2022) {
                for spelling in [key.canonicalSpelling] + key.alternativeSpellings {
                    for written in [spelling, spelling.uppercased(), "**\(spelling)**"] {
                        let tree = Parser.parse(head + written + ": x\n")
                        XCTAssertEqual(tree.elements.last?.kind, .field(key), "\(context) \(written)")
                    }
                }
            }
        }
        for near in ["Năm 20x9", "Năm 201", "Năm 20190", "Chức vụ x", "Nam 2019x"] {
            let tree = Parser.parse("# TỜ TRÌNH\n### Cá nhân: A\n" + near + ": x\n")
            XCTAssertEqual(tree.elements.last?.kind, .prose, near)
        }
        // Folded, spaces are one: two spaces still make the key (the bytes alone do not).
        XCTAssertEqual(Parser.parse("# TỜ TRÌNH\n### Cá nhân: A\nNăm  2019: x\n").elements.last?.kind, .field(.rating(year: 2019)))
    }

    /// Part and nominee labels told from folded bytes as from the folded String.
    func testLabelsOnBytesAgreeWithTheStrings() {
        let labels = ["TỜ TRÌNH", "Tờ trình", "To trinh", "BIÊN BẢN HỌP XÉT", "Báo cáo thành tích", "BÁO CÁO  THÀNH TÍCH",
                      "Cá nhân", "CÁ NHÂN", "Tập thể", "Ca\u{300} nha\u{302}n", "\u{212A}ê hoạch", "Tờ trình số", "", "*Tập thể*", "Tap the"]
        for label in labels {
            let text = SourceText(label)
            let range = 0..<text.bytes.count
            let folded = text.key(range)
            XCTAssertEqual(text.withKey(range, PartKind.matching(foldedUTF8:)), PartKind.matching(folded: folded), label)
            XCTAssertEqual(text.withKey(range, NomineeKind.matching(foldedUTF8:)), NomineeKind.matching(folded: folded), label)
        }
    }

    func testPlaceDateWithBlankDayAndPlaceholders() {
        let tree = Parser.parse("Sơn La, ngày   tháng 5 năm 2022\nSơn La, ngày … tháng … năm 2022\nHà Nội, ngày 1 tháng 2")
        XCTAssertEqual(tree.elements.map(\.kind), [.placeDate, .placeDate, .prose])
        XCTAssertTrue(tree.elements[0].placeDate!.day.isEmpty)
        XCTAssertTrue(tree.elements[1].placeDate!.month.isEmpty)
    }

    func testKeysNeedTheirContext() {
        let tree = Parser.parse("# BIÊN BẢN HỌP XÉT\nThời gian: 08 giờ\nChức vụ: không\n# KHÁC\nThời gian: prose\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.partHeading, .field(.time), .prose, .partHeading, .prose])
    }

    func testHashWithoutSpaceBeforeALetterIsAHeading() {
        // Word users type `#TỜ TRÌNH`; the semantic layer asks for the space (HS108).
        let tree = Parser.parse("#TỜ TRÌNH\n##**DANH SÁCH ĐỀ NGHỊ**\n###Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\n    # indented code\n#5 năm\n#!\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.partHeading, .sectionHeading, .blockHeading, .field(.position), .prose, .prose, .prose])
        XCTAssertEqual(tree.parts.map(\.kind), [.toTrinh])
        XCTAssertEqual(tree.string(tree.elements[1].head!), "DANH SÁCH ĐỀ NGHỊ")
        XCTAssertEqual(tree.string(tree.elements[2].value!), "Nguyễn Thị Hoa")
    }

    func testANomineeHeadingTooDeepIsABlockInTheToTrinhOnly() {
        let tree = Parser.parse("# TỜ TRÌNH\n#### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\n# BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hoa\n#### Cá nhân: Nguyễn Thị Hoa\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.partHeading, .blockHeading, .field(.position), .partHeading, .minorHeading])
        XCTAssertEqual(tree.parts[0].blocks.map(\.heading), [1])
        XCTAssertEqual(tree.string(tree.elements[1].marker!), "####")
    }

    func testWordBulletsAreListMarkers() {
        let tree = Parser.parse("• Một\n–\u{00A0}Hai\n— Ba\n▪ Bốn\n\u{F0B7} Năm\n·\tSáu\n–2025\n•\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.listItem, .listItem, .listItem, .listItem, .listItem, .listItem, .prose, .prose])
        XCTAssertEqual(tree.elements.prefix(6).map { tree.string($0.marker!) }, ["•", "–", "—", "▪", "\u{F0B7}", "·"])
        XCTAssertEqual(tree.elements.prefix(6).map { tree.string($0.head!) }, ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu"])
    }

    func testARatingWithADashForItsColonIsTheRatingField() {
        let tree = Parser.parse("# TỜ TRÌNH\n### Cá nhân: A\nNăm 2019 - Hoàn thành tốt nhiệm vụ\nnăm 2020 – HTTNV\nNăm 2021 - 2022: tốt\nChức vụ - Chuyên viên\n# BIÊN BẢN HỌP XÉT\nNăm 2019 - tốt\n")
        XCTAssertEqual(tree.elements.map(\.kind), [.partHeading, .blockHeading, .field(.rating(year: 2019)), .field(.rating(year: 2020)),
                                                   .prose, .prose, .partHeading, .prose])
        XCTAssertEqual(tree.string(tree.elements[2].head!), "Năm 2019")
        XCTAssertEqual(tree.string(tree.elements[2].value!), "Hoàn thành tốt nhiệm vụ")
        XCTAssertEqual(tree.string(tree.elements[3].value!), "HTTNV")
    }
}
