import XCTest
@testable import HosoText

/// Syllable shapes, the TCVN3 and VNI tables, and the mojibake scanner behind HS001 and HS004.
final class LegacyTextTests: XCTestCase {
    func testWellFormedSyllables() {
        let words = "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc nghiêng khuỷu quốc gì giường được "
            + "trường thuyết oanh huỳnh xoong ếch khuya quân gia yêu ý THÀNH TÍCH ĐẠT ĐƯỢC Thuỷ hoà"
        for word in words.split(separator: " ") { XCTAssertTrue(VietnameseSyllable.isValid(word), String(word)) }
    }

    func testForeignWordsAndMojibakeAreNotSyllables() {
        for word in ["Français", "Göttingen", "Ångström", "señor", "Café", "Müller", "hßa", "x·", "Coäng", "hoøa",
                     "Institut", "ab", "tát̀", "cáp̉", "bấtt", "qu", "", "ngoằng̃"] {
            XCTAssertFalse(VietnameseSyllable.isValid(word), word)
        }
        // After a stop (-c, -ch, -p, -t) only the rising and the heavy tone are possible.
        XCTAssertTrue(VietnameseSyllable.isValid("học"))
        XCTAssertFalse(VietnameseSyllable.isValid("hòc"))
        XCTAssertFalse(VietnameseSyllable.isValid("hoc̃"))
    }

    func testLegacyTables() {
        func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }
        XCTAssertEqual(LegacyDecoder.decode(latin1("Céng hßa x· héi chñ nghÜa ViÖt Nam"), as: .tcvn3), "Cộng hòa xã hội chủ nghĩa Việt Nam")
        XCTAssertEqual(LegacyDecoder.decode(latin1("§éc lËp - Tù do - H¹nh phóc"), as: .tcvn3), "Độc lập - Tự do - Hạnh phúc")
        XCTAssertEqual(LegacyDecoder.decode(latin1("Tr­êng"), as: .tcvn3), "Trường")
        XCTAssertEqual(LegacyDecoder.decode(latin1("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"), as: .vni), "Cộng hòa xã hội chủ nghĩa Việt Nam")
        XCTAssertEqual(LegacyDecoder.decode(latin1("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC"), as: .vni), "ĐỘC LẬP - TỰ DO - HẠNH PHÚC")
        XCTAssertEqual(LegacyDecoder.decode(latin1("ñöôïc khen thöôûng, naêm, khuyûu"), as: .vni), "được khen thưởng, năm, khuỷu")
        XCTAssertNil(LegacyDecoder.decode([0x41], as: .windows1258))
    }

    func testWholeFileConversionKeepsUTF8AndCapitals() {
        let bytes = Array("Đơn vị: Phòng Tổng hợp\r\n".utf8) + "# Tê TR×NH\r\nSè: 12/TTr-TH\r\n".unicodeScalars.map { UInt8($0.value) }
        XCTAssertEqual(LegacyDecoder.decodeFile(bytes, as: .tcvn3), "Đơn vị: Phòng Tổng hợp\r\n# TỜ TRÌNH\r\nSố: 12/TTr-TH\r\n")
        XCTAssertTrue(LegacyDecoder.looksVietnamese("Đơn vị: Phòng Tổng hợp, Số: 12"))
        XCTAssertFalse(LegacyDecoder.looksVietnamese("Đơn vị: Phòng Tổng hợp, Ph¸t"))
    }

    /// Issue 15: a run took in the correct `chú` of `Ghi chú:` and would have made it `chỳ`. A
    /// word that is a syllable as written joins only with an artefact of the encoding, or where
    /// the run surrounds it; a run never crosses a colon. Lines as staff paste them: mojibake at
    /// the start, middle and end of a value, next to correct words.
    func testRunsStartAndEndAtWordsThatAreMojibake() {
        let cases: [(line: String, runs: [String], converted: [String])] = [
            ("Ghi chú: Céng hßa x· héi chñ nghÜa", ["Céng hßa x· héi chñ nghÜa"], ["Cộng hòa xã hội chủ nghĩa"]),
            ("Ghi chú Céng hßa x· héi", ["Céng hßa x· héi"], ["Cộng hòa xã hội"]),
            ("Ghi chú: Coäng hoøa xaõ hoäi chuû nghóa", ["Coäng hoøa xaõ hoäi chuû nghóa"], ["Cộng hòa xã hội chủ nghĩa"]),
            ("Ghi chú: chú ý Coäng hoøa xaõ hoäi", ["Coäng hoøa xaõ hoäi"], ["Cộng hòa xã hội"]),
            // Correct words with Latin-1 letters (`Hùng`, `có`, `chí`) before a pasted passage.
            ("Thành tích: Đồng chí Lò Văn Hùng có thµnh tÝch xuÊt s¾c", ["thµnh tÝch xuÊt s¾c"], ["thành tích xuất sắc"]),
            ("Đồng chí Céng hßa x· héi", ["Céng hßa x· héi"], ["Cộng hòa xã hội"]),
            ("Chức vụ: Chuyên viên, Tr­ëng phßng Tæ chøc", ["Tr­ëng phßng Tæ chøc"], ["Trưởng phòng Tổ chức"]),
            ("Về việc: Đề nghị khen thưởng ®ång chÝ NguyÔn V¨n An, Phòng Tổng hợp", ["®ång chÝ NguyÔn V¨n"], ["đồng chí Nguyễn Văn"]),
            // The key is never part of the value's run; mojibake in the key is a run of its own.
            ("Tên: NguyÔn V¨n An", ["NguyÔn V¨n"], ["Nguyễn Văn"]),
            ("Hä vµ tªn: NguyÔn V¨n An", ["Hä vµ tªn", "NguyÔn V¨n"], ["Họ và tên", "Nguyễn Văn"]),
            // Mojibake that is a syllable as written still joins: with an artefact (`é`, `chÝ`), ...
            ("Céng hßa", ["Céng hßa"], ["Cộng hòa"]),
            // ... between words of the run (`vô` is `vụ`, `dùng` is `dựng`), ...
            ("Hoµn thµnh nhiÖm vô trong n¨m", ["Hoµn thµnh nhiÖm vô trong n¨m"], ["Hoàn thành nhiệm vụ trong năm"]),
            ("x©y dùng c«ng së", ["x©y dùng c«ng së"], ["xây dựng công sở"]),
            // ... or between the run and the end of the value (`Sôn` is VNI for `Sơn`).
            ("Xếp loại: Hoµn thµnh xuÊt s¾c nhiÖm vô", ["Hoµn thµnh xuÊt s¾c nhiÖm vô"], ["Hoàn thành xuất sắc nhiệm vụ"]),
            ("Kính gửi: Ban Thi ñua - Khen thöôûng tænh Sôn La", ["ñua - Khen thöôûng tænh Sôn"], ["đua - Khen thưởng tỉnh Sơn"]),
            // Old-style Unicode `hoà` is no VNI artefact; the run stops at the correct words.
            ("Cộng hoà xã hội Coäng hoøa xaõ hoäi", ["Coäng hoøa xaõ hoäi"], ["Cộng hòa xã hội"]),
        ]
        for (line, expectedRuns, converted) in cases {
            let runs = MojibakeScanner.runs(in: line)
            XCTAssertEqual(runs.map { String(decoding: Array(line.utf8)[$0.utf8Range], as: UTF8.self) }, expectedRuns, line)
            XCTAssertEqual(runs.map(\.converted), converted, line)
        }
    }

    /// The artefacts that let a word that is a syllable as written join a run.
    func testArtefactsOfEachEncoding() {
        func artefacts(_ word: String) -> Set<LegacyEncoding> { MojibakeScanner.artefacts(of: word.unicodeScalars.map { UInt8($0.value) }) }
        XCTAssertEqual(artefacts("Céng"), [.tcvn3])
        XCTAssertEqual(artefacts("chÝ"), [.tcvn3])
        XCTAssertEqual(artefacts("xaõ"), [.vni])
        XCTAssertEqual(artefacts("veà"), [.vni])
        for word in ["chú", "công", "có", "Hùng", "vô", "hoà", "hoá", "HOÀ", "Sôn", "cã"] { XCTAssertEqual(artefacts(word), [], word) }
    }

    func testScannerFindsRunsAndLeavesCorrectTextAlone() {
        let runs = MojibakeScanner.runs(in: "Kính gửi: Céng hßa x· héi, Institut Français")
        XCTAssertEqual(runs, [MojibakeScanner.Run(utf8Range: 13..<32, encoding: .tcvn3, converted: "Cộng hòa xã hội")])
        XCTAssertEqual(MojibakeScanner.runs(in: "Ñoàng chí ñaõ phaùt trieån").map(\.converted), ["Đồng chí đã phát triển"])
        XCTAssertEqual(MojibakeScanner.runs(in: "Là Tr­ëng phßng").map(\.converted), ["Trưởng phòng"])
        for line in ["Institut Français, Göttingen, Ångström, señor, Café, Zürich, Þór, ö", "25°C, 30 m², § 3, « a », ½",
                     "Phòng\u{A0}họp\u{A0}tầng\u{202F}3", "Cộng hòa xã hội chủ nghĩa Việt Nam"] {
            XCTAssertEqual(MojibakeScanner.runs(in: line), [], line)
        }
    }
}
