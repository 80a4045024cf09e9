import XCTest
@testable import HosoText

final class FoldingTests: XCTestCase {
    func testKeysFoldCaseDiacriticsSpacesAndEmphasis() {
        XCTAssertEqual(Folding.key("Chức vụ"), "chuc vu")
        XCTAssertEqual(Folding.key("CHỨC  VỤ"), "chuc vu")
        XCTAssertEqual(Folding.key("Chuc vu"), "chuc vu")
        XCTAssertEqual(Folding.key(" **Chức vụ** "), "chuc vu")
        XCTAssertEqual(Folding.key("ĐƠN VỊ"), "don vi")
        XCTAssertEqual(Folding.key("Ðơn vị"), "don vi")  // look-alike Ð still finds the key
        XCTAssertEqual(Folding.key("Chu\u{301}c vu\u{323}"), "chuc vu")  // NFD
    }

    func testOldAndNewTonePlacementFoldTogether() {
        XCTAssertEqual(Folding.key("hoà"), Folding.key("hòa"))
        XCTAssertEqual(Folding.key("Uỷ ban"), Folding.key("Ủy ban"))
    }

    func testNamesKeepDiacritics() {
        XCTAssertNotEqual(Folding.name("Nguyễn Thị Hoa"), Folding.name("Nguyễn Thị Hòa"))
        XCTAssertNotEqual(Folding.name("Nguyễn Thị Hòa"), Folding.name("Nguyễn Thị Hóa"))
        XCTAssertEqual(Folding.name("NGUYỄN  THỊ HOA"), Folding.name("Nguyễn Thị Hoa"))
        XCTAssertEqual(Folding.name("Nguye\u{302}\u{303}n Thị Hoa"), Folding.name("Nguyễn Thị Hoa"))
    }

    func testNFC() {
        XCTAssertEqual(Folding.nfc("Vie\u{323}\u{302}t"), "Việt")
        XCTAssertEqual(Folding.nfc("Việt"), "Việt")
    }

    func testNearestSuggestion() {
        XCTAssertEqual(Folding.nearest("TỜ TRÌNNH", among: ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT"]), "TỜ TRÌNH")
        XCTAssertNil(Folding.nearest("KẾT LUẬN", among: ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT"]))
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of(0x41), 1)
        XCTAssertEqual(DisplayWidth.of(0x1EC5), 1)   // ễ
        XCTAssertEqual(DisplayWidth.of(0x0303), 0)   // combining tilde
        XCTAssertEqual(DisplayWidth.of(0x1F600), 2)  // 😀
    }
}
