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
