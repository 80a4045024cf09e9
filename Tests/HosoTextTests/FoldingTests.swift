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
        XCTAssertEqual(Folding.key("Đđ Ðð Ɖɖ"), "dd dd dd")  // every look-alike of Đ/đ, both cases
        XCTAssertEqual(Folding.name("ĐỖ ƠN ƯU Ỹ"), Folding.name("đỗ ơn ưu ỹ"))
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
        XCTAssertEqual(Folding.name("Nguyễn\u{A0}Thị\u{202F}Hoa"), Folding.name("Nguyễn Thị Hoa"))
    }

    /// HS003's look-alikes are the letters they stand for in a name, and messages quote them repaired.
    func testNamesCompareWithLookalikesRepaired() {
        XCTAssertEqual(Folding.name("\u{D0}inh Thị Ngọc"), Folding.name("Đinh Thị Ngọc"))
        XCTAssertEqual(Folding.name("Nguyễn \u{189}ức \u{F0}ạt \u{256}ũng"), Folding.name("Nguyễn Đức Đạt Đũng"))
        XCTAssertEqual(Folding.name("Nguyễn Thị H\u{43E}a"), Folding.name("Nguyễn Thị Hoa"))
        XCTAssertNotEqual(Folding.name("Nguyễn Thị Hoa"), Folding.name("Nguyễn Thị Hòa"))
        XCTAssertEqual(Lookalikes.repaired("\u{D0}inh Thị H\u{43E}a"), "Đinh Thị Hoa")
        // A word wholly Greek or Cyrillic is a word of that script; one with a letter that has no Latin twin is left as is.
        XCTAssertEqual(Lookalikes.repaired("Москва Hoa"), "Москва Hoa")
        XCTAssertEqual(Lookalikes.repaired("Hoaж"), "Hoaж")
        XCTAssertEqual(Lookalikes.shownName("\u{D0}inh  Thị\u{A0}\u{A0}Ngọc"), "Đinh Thị Ngọc")
        XCTAssertEqual(Lookalikes.shownName("Nguyễn Thị\u{A0}Hoa"), "Nguyễn Thị Hoa")
    }

    /// docs/format.md, "Recognition": names compare across old and new tone placement, and nothing else.
    func testNamesCompareAcrossTonePlacement() {
        XCTAssertEqual(Folding.name("Lò Thị Thuỷ"), Folding.name("Lò Thị Thủy"))
        XCTAssertEqual(Folding.name("Đào Thị Hoà"), Folding.name("ĐÀO THỊ HÒA"))
        XCTAssertEqual(Folding.name("Tổ Quản trị Khoẻ"), Folding.name("Tổ Quản trị Khỏe"))
        XCTAssertNotEqual(Folding.name("Thủy"), Folding.name("Thùy"))
        XCTAssertNotEqual(Folding.name("Hoa"), Folding.name("Hòa"))
        XCTAssertNotEqual(Folding.name("Thụy"), Folding.name("Thủy"))
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

/// The one-pass byte folds agree with the general Unicode path on any text: random strings of
/// ASCII, precomposed and decomposed Vietnamese, spaces of every kind, emphasis, other scripts
/// and the letters whose lowercase is longer or several scalars.
final class FoldingFastPathTests: XCTestCase {
    static let alphabet: [String] = [
        "a", "Z", "d", "Đ", "đ", "Ð", "ð", "Ɖ", "ɖ", "ơ", "Ơ", "ư", "Ư", "ắ", "Ặ", "ỹ", "Ỹ", "ẞ", "ß",
        "a\u{301}", "e\u{302}\u{301}", "o\u{31B}\u{323}", "\u{300}",
        " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "*", "**", ":", "1", "/",
        "Ω", "ω", "Д", "д", "İ", "Ⱥ", "ǅ", "€", "😀",
    ]

    /// Deterministic pseudo-random strings (xorshift), 2,000 of them.
    static var samples: [String] {
        var state: UInt64 = 0x9E3779B97F4A7C15
        return (0..<2000).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let length = Int(state % 12)
            return (0..<length).map { k in alphabet[Int((state >> UInt64(k * 5)) % UInt64(alphabet.count))] }.joined()
        }
    }

    func testKeyMatchesTheGeneralPath() {
        for sample in Self.samples {
            var copy = sample
            let slow = copy.withUTF8 { Folding.slowKey($0) }
            XCTAssertEqual(Folding.key(sample), slow, "key of \(sample.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(SourceText(sample).key(0..<sample.utf8.count), slow)
        }
    }

    func testNameMatchesTheGeneralPath() {
        for sample in Self.samples {
            var copy = sample
            let slow = copy.withUTF8 { Folding.slowName($0) }
            XCTAssertEqual(Folding.name(sample), slow, "name of \(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The byte pass of `placingTones` against the scalar-by-scalar definition, byte for byte
    /// (String's `==` would call canonically equivalent keys equal).
    func testTonePlacementMatchesTheScalarDefinition() {
        let marks: [Unicode.Scalar] = ["\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        var toned: [UInt32: (Unicode.Scalar, Unicode.Scalar)] = [:]
        for row in Folding.tonedVowelRows {
            let scalars = Array(row.unicodeScalars)
            for k in 1..<6 { toned[scalars[k].value] = (scalars[0], marks[k - 1]) }
        }
        func reference(_ name: String) -> String {
            var out = String.UnicodeScalarView(), tones: [Unicode.Scalar] = []
            for scalar in name.unicodeScalars {
                if scalar == " " { out.append(contentsOf: tones); tones.removeAll(); out.append(scalar) }
                else if let (base, tone) = toned[scalar.value] { out.append(base); tones.append(tone) }
                else { out.append(scalar) }
            }
            out.append(contentsOf: tones)
            return String(out)
        }
        let names = ["thủy", "thuỷ", "hoà hòa hóa", "nguyễn thị ánh nguyệt", "ặ ằ ỹ😀ỵ", " ạ ", "ừ\u{301}", "", "abc"]
        for sample in names + Self.samples.map({ $0.lowercased() }) {
            XCTAssertEqual(Array(Folding.placingTones(sample).utf8), Array(reference(sample).utf8),
                           "tones of \(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testLookalikeByteCheckMatchesTheScalars() {
        for sample in Self.samples + ["Ͱ", "ͯ", "ӿ", "Ԁ", "\u{D0}", "\u{F0}", "\u{189}", "\u{256}", "Ï", "ÿ"] {
            let scalars = sample.unicodeScalars.contains { Lookalikes.isDLookalike($0.value) || Lookalikes.isGreekOrCyrillic($0.value) }
            XCTAssertEqual(Lookalikes.mayHaveLookalikes(sample), scalars, "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testSurelyNFCTextIsNFC() {
        for sample in Self.samples where Folding.isSurelyNFC(sample) {
            XCTAssertEqual(String(decoding: sample._nfcCodeUnits, as: UTF8.self), sample)
        }
    }

    func testByteComparisonOfARange() {
        let text = SourceText("Chức vụ: Chuyên viên")
        XCTAssertTrue(text.bytes(0..<"Chức vụ".utf8.count, equal: "Chức vụ"))
        XCTAssertFalse(text.bytes(0..<"Chức vụ".utf8.count, equal: "Chuc vu"))
        XCTAssertFalse(text.bytes(0..<3, equal: "Chức vụ"))
    }
}

/// `FoldedName` keeps String's meaning (equal when canonically equivalent) and Hashable's
/// contract (equal keys hash equal) whichever way its NFC bytes are found: by composing the
/// tones `Folding.name` places, or by the general normalization.
final class FoldedNameTests: XCTestCase {
    /// Every entry of the composition table is what Unicode's NFC makes of the letter and the tone.
    func testComposedTonesAreNFC() {
        for (tone, mark) in Folding.toneMarks.enumerated() {
            for (k, base) in FoldedName.toneBaseScalars.enumerated() {
                let pair = String(String.UnicodeScalarView([Unicode.Scalar(base)!, Unicode.Scalar(mark)!]))
                var expected = String.UnicodeScalarView([Unicode.Scalar(FoldedName.composedTones[tone][k])!])
                if FoldedName.composedTones[tone][k] == base { expected.append(Unicode.Scalar(mark)!) }
                XCTAssertEqual(Array(pair._nfcCodeUnits), Array(String(expected).utf8), "\(base) + \(mark)")
            }
        }
    }

    /// Where the composing pass gives an answer, it is the text's NFC, byte for byte.
    func testComposingTonesGivesNFC() {
        let texts = Self.collisionProne + FoldingFastPathTests.samples + FoldingFastPathTests.samples.map(Folding.name)
        var composed = 0
        for text in texts {
            var copy = text
            let bytes: [UInt8]? = copy.withUTF8 { input in
                let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(input.count, 1))
                defer { out.deallocate() }
                return FoldedName.composingTones(input, into: out).map { Array(out[..<$0]) }
            }
            guard let bytes else { continue }
            composed += 1
            XCTAssertEqual(bytes, Array(text._nfcCodeUnits), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertGreaterThan(composed, texts.count / 3)
    }

    /// Keys are equal exactly when their Strings are (canonical equivalence), and equal keys hash
    /// equal: texts over an alphabet of precomposed and decomposed forms of the same letters, so
    /// that many are equivalent without being the same bytes, through both initializers.
    func testEquivalentNamesAreEqualAndHashEqual() {
        let keys = Self.collisionProne.flatMap { [FoldedName(folded: $0), FoldedName($0)] }
        var byNFC: [[UInt8]: [FoldedName]] = [:]
        for key in keys { byNFC[Array(key.string._nfcCodeUnits), default: []].append(key) }
        var equivalentPairs = 0
        for group in byNFC.values {
            for key in group {
                XCTAssertEqual(key, group[0])
                XCTAssertEqual(key.hashValue, group[0].hashValue, "\(key.string.unicodeScalars.map { String($0.value, radix: 16) })")
                if !key.string.utf8.elementsEqual(group[0].string.utf8) { equivalentPairs += 1 }
            }
        }
        XCTAssertGreaterThan(equivalentPairs, 100)
        let groups = Array(byNFC.values)
        for (i, group) in groups.enumerated().prefix(200) {
            for other in groups[(i + 1)...] { XCTAssertNotEqual(group[0], other[0]) }
        }
    }

    /// Real names written every way Word and keyboards write them are one key.
    func testNamesWrittenEveryWayAreOneKey() {
        let ways = [
            "Nguyễn Thị Thuỷ", "NGUYỄN THỊ THỦY", "Nguye\u{302}\u{303}n Thi\u{323} Thu\u{309}y", "  nguyễn   thị *thủy* ",
            "Nguyễn\u{A0}Thị\u{2003}Thủy", "Nguyẽ\u{302}n Thị Thủy",
        ]
        let keys = ways.map { FoldedName($0) }
        for key in keys {
            XCTAssertEqual(key, keys[0], key.string)
            XCTAssertEqual(key.hashValue, keys[0].hashValue, key.string)
        }
        XCTAssertEqual(FoldedName("Ðinh Văn Hoà"), FoldedName("Đinh Văn Hòa"))  // Word's look-alike Ð, old tone placement
        XCTAssertEqual(FoldedName("Ðinh Văn Hoà").hashValue, FoldedName("Đinh Văn Hòa").hashValue)
        XCTAssertNotEqual(FoldedName("Đinh Văn Hoa"), FoldedName("Đinh Văn Hòa"))
        XCTAssertNotEqual(FoldedName("Lê Thị Hoa"), FoldedName("Lê Thị Hóa"))
    }

    /// 3,000 deterministic texts (xorshift) of up to five pieces: letters a tone composes with
    /// and ones it does not, written precomposed, decomposed and in Folding.name's form (the tone
    /// after the word's last letter), lone tones, two tones in a row, spaces.
    static var collisionProne: [String] {
        let alphabet = [
            "a", "à", "a\u{300}", "n", "ñ", "n\u{303}", "ǹ", "n\u{300}", "ư", "u\u{31B}", "ự", "ư\u{323}", "u\u{31B}\u{323}",
            "u\u{323}\u{31B}", "\u{323}", "\u{301}", "\u{300}", " ", "y", "ỷ", "y\u{309}", "đ", "â", "ê\u{303}", "ễ",
            "e\u{302}\u{303}", "t", "ṭ", "t\u{323}", "h", "A", "À", "A\u{300}",
        ]
        var state: UInt64 = 0x2545F4914F6CDD1D
        return (0..<3000).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let length = Int(state % 6)
            return (0..<length).map { k in alphabet[Int((state >> UInt64(k * 6 + 3)) % UInt64(alphabet.count))] }.joined()
        }
    }
}

/// `FoldedNameIndex` answers as a dictionary filled "only if absent" would: the first value of
/// equal (canonically equivalent) names, nil for a name never entered, through its growth.
final class FoldedNameIndexTests: XCTestCase {
    func testTheIndexAnswersAsADictionary() {
        let bases = ["Nguyễn Thị Hòa", "Nguyê\u{303}n Thi\u{323} Ho\u{300}a", "Lò Văn Minh", "Cầm Thị Mai", "", "A", "Ðinh Văn B"]
        var names: [FoldedName] = []
        for k in 0..<300 { names.append(FoldedName(bases[k % bases.count] + (k < bases.count ? "" : " \(k % 97)"))) }
        var index = FoldedNameIndex(capacity: 2)
        var reference: [FoldedName: Int] = [:]
        for (k, name) in names.enumerated() {
            index.insertIfAbsent(name, k)
            if reference[name] == nil { reference[name] = k }
        }
        for name in names + [FoldedName("Không Có Ai"), FoldedName("nguyễn  thị   hòa 5")] {
            XCTAssertEqual(index[name], reference[name], name.string)
        }
        XCTAssertEqual(index[FoldedName("NGUYỄN THỊ HÒA")], 0)
    }
}
