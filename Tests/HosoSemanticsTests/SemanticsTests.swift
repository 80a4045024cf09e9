import Foundation
import XCTest
@testable import HosoSemantics
import HosoSyntax
import HosoText

final class SemanticsTests: XCTestCase {
    func dossier(_ source: String) -> Dossier { Dossier(tree: Parser.parse(source), profile: .sonLa2022) }

    func testCitationsBasisAndEvidence() throws {
        let d = dossier("""
        # TỜ TRÌNH
        Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh; Căn cứ KH 29 của Văn phòng;
        Sáng kiến được công nhận tại Quyết định số 45/QĐ-VPUB ngày 20/12/2021 của Chánh Văn phòng.
        Thực hiện tốt nội dung tại điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02 tháng 8 năm 2019 của UBND tỉnh về văn hóa công sở.
        Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ
        Kế hoạch năm nay rất tốt, NĐ 91/2017 cũng vậy.
        """)
        let c = d.citations
        XCTAssertEqual(c.count, 6)
        XCTAssertEqual(c.map(\.role), [.basis, .basis, .evidence, .basis, .basis, .evidence])
        XCTAssertEqual(c[0].type.name, "Kế hoạch")
        XCTAssertEqual(c[0].number, DocumentNumber(raw: "179/KH-UBND", serial: 179, year: nil, symbol: "KH-UBND"))
        XCTAssertEqual(c[0].number?.typeCode, "KH")
        XCTAssertEqual(c[0].number?.issuerCode, "UBND")
        XCTAssertEqual(c[0].date?.value, DateValue(year: 2019, month: 8, day: 2))
        XCTAssertEqual(c[0].issuer, "UBND tỉnh")
        XCTAssertEqual(d.tree.string(c[0].range), "Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh")
        XCTAssertTrue(c[1].isShortForm)
        XCTAssertEqual(c[1].number?.serial, 29)
        XCTAssertNil(c[1].date)
        XCTAssertEqual(c[2].type.name, "Quyết định")
        XCTAssertEqual(c[2].date?.value, DateValue(year: 2021, month: 12, day: 20))
        XCTAssertEqual(c[3].clause?.text, "điểm 2.2 khoản 2 Mục II")
        XCTAssertEqual(c[3].date?.value, DateValue(year: 2019, month: 8, day: 2))
        XCTAssertEqual(c[3].issuer, "UBND tỉnh")
        XCTAssertEqual(d.tree.string(c[3].range), "điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-UBND ngày 02 tháng 8 năm 2019 của UBND tỉnh")
        XCTAssertEqual(c[4].number?.year, 2017)
        XCTAssertEqual(c[4].number?.typeCode, "NĐ")
        XCTAssertEqual(c[4].number?.issuerCode, "CP")
        XCTAssertEqual(c[4].form, "Mẫu số 07")
        XCTAssertEqual(c[5].number, DocumentNumber(raw: "91/2017", serial: 91, year: 2017, symbol: nil))
    }

    func testDatesReadableAndNot() {
        let d = dossier("Đơn vị: A\nNgày 31/4/2022 họp; ngày 5 tháng 13 năm 2022; ngày 29-02-2021; mã 12/2017/NĐ-CP; ngày  tháng 5 năm 2022")
        XCTAssertEqual(d.dates.map { [$0.day, $0.month, $0.year] }, [[31, 4, 2022], [5, 13, 2022], [29, 2, 2021], [nil, 5, 2022]])
        XCTAssertEqual(d.dates.compactMap(\.value).map(\.isValid), [false, false, false])
    }

    func testDocumentNumbers() {
        XCTAssertEqual(DocumentNumber.parse("/TTr-TCHCQT")?.serial, nil)
        XCTAssertEqual(DocumentNumber.parse("/TTr-TCHCQT")?.typeCode, "TTr")
        XCTAssertEqual(DocumentNumber.parse("12/TTr-TCHCQT;")?.raw, "12/TTr-TCHCQT")
        XCTAssertNil(DocumentNumber.parse("abc"))
        XCTAssertEqual(DocumentNumber.parse("....../TTr-TCHCQT")?.serial, nil)
        XCTAssertEqual(DocumentNumber.parse("....../TTr-TCHCQT")?.typeCode, "TTr")
        XCTAssertNil(DocumentNumber.parse("......"))
        XCTAssertNil(DocumentNumber.parse("8/8"))
        XCTAssertEqual(dossier("# TỜ TRÌNH\nSố: 12/TTr-TCHCQT\n").toTrinhNumber?.serial, 12)
    }

    func testNomineesVotesAndReports() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HosoRulesTests/Fixtures/clean.hoso"), encoding: .utf8)
        let d = dossier(source)
        XCTAssertEqual(d.nominees.map(\.name), ["Nguyễn Thị Hoa", "Tổ Quản trị"])
        XCTAssertEqual(d.nominees.map(\.kind), [.individual, .collective])
        XCTAssertEqual(d.nominees[0].awardForm?.id, "bang-khen")
        XCTAssertEqual(d.nominees[0].ratings.map { $0.rating?.id }, ["tot", "xuat-sac", "tot"])
        XCTAssertEqual(d.votes.map(\.votesFor), [8, 7])
        XCTAssertEqual(d.votes.map(\.present), [8, 8])
        XCTAssertEqual(d.votes.map(\.percent), [100, 87.5])
        XCTAssertEqual(d.reports.count, 1)
        XCTAssertEqual(d.reports[0].nominee, 0)
        XCTAssertEqual(d.reports[0].sections.map(\.profileIndex), [0, 1, 2, 3])
        XCTAssertEqual(d.reports[0].ratings.map(\.year), [2019, 2020, 2021])
        XCTAssertEqual(d.reports[0].awards.map(\.year), [2020])
        XCTAssertEqual(d.toTrinhPlaceDate?.date, DateValue(year: 2022, month: 5, day: 18))
        XCTAssertEqual(d.bienBanPlaceDate?.date, DateValue(year: 2022, month: 5, day: 16))
        XCTAssertEqual(d.reports[0].placeDate?.date, DateValue(year: 2022, month: 5, day: 17))
        XCTAssertEqual(d.citations.filter { $0.role == .basis }.count, 4)
        XCTAssertEqual(d.citations.filter { $0.role == .evidence }.count, 2)
        XCTAssertTrue(d.spellings.isEmpty)
    }
}

/// Profile validation (docs/cli.md, "Profiles"): whole, non-negative counts, 4-digit years, real dates, each
/// reported at its JSON path with what was expected; a BOM is no error.
final class ProfileValidationTests: XCTestCase {
    func profileJSON(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(Profile.sonLa2022JSON.utf8)) as? [String: Any])
        change(&object)
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    func problem(_ change: (inout [String: Any]) -> Void) throws -> String? {
        do {
            _ = try Profile.load(json: try profileJSON(change), file: "p.json")
            return nil
        } catch let error as ProfileError {
            return "\(error.path): \(error.vi) / \(error.en)"
        }
    }

    func setForm(_ object: inout [String: Any], _ index: Int, _ key: String, _ value: Any) {
        var forms = object["awardForms"] as! [[String: Any]]
        forms[index][key] = value
        object["awardForms"] = forms
    }

    func testCountsYearsAndDatesAreValidatedAtTheirPaths() throws {
        XCTAssertNil(try problem { _ in })
        XCTAssertEqual(try problem { self.setForm(&$0, 0, "quota", ["ca-nhan": 2.5, "tap-the": 1]) },
                       "$.awardForms[0].quota.ca-nhan: cần một số nguyên không âm, gặp 2.5 / expected a non-negative integer, found 2.5")
        XCTAssertEqual(try problem { self.setForm(&$0, 1, "quota", ["ca-nhan": 1, "tap-the": -3]) },
                       "$.awardForms[1].quota.tap-the: cần một số nguyên không âm, gặp -3 / expected a non-negative integer, found -3")
        XCTAssertEqual(try problem { self.setForm(&$0, 0, "excellentYearsNeeded", -1) },
                       "$.awardForms[0].excellentYearsNeeded: cần một số nguyên không âm, gặp -1 / expected a non-negative integer, found -1")
        XCTAssertEqual(try problem { $0["evaluationYears"] = [2019, 20, 2021] },
                       "$.evaluationYears[1]: cần một năm 4 chữ số, gặp 20 / expected a 4-digit year, found 20")
        XCTAssertEqual(try problem { $0["excludedYear"] = 2022.5 },
                       "$.excludedYear: cần một năm 4 chữ số, gặp 2022.5 / expected a 4-digit year, found 2022.5")
        XCTAssertEqual(try problem { $0["deadline"] = "2022-02-30" },
                       "$.deadline: cần một ngày có thật (năm 1945–2100), gặp \"2022-02-30\" / expected a real date (years 1945–2100), found \"2022-02-30\"")
        XCTAssertEqual(try problem { $0["deadline"] = "0022-05-31" },
                       "$.deadline: cần một ngày có thật (năm 1945–2100), gặp \"0022-05-31\" / expected a real date (years 1945–2100), found \"0022-05-31\"")
        XCTAssertNoThrow(try Profile.load(json: [0xEF, 0xBB, 0xBF] + (try profileJSON { _ in }), file: "p.json"))
    }
}

/// The one JSON reader: profile problems at their line and column, in each language; duplicate
/// keys, trailing commas and misspelt keys named as such; unknown keys are warnings.
final class ProfileLocationTests: XCTestCase {
    /// The built-in profile's text with `old` replaced by `new` (which must occur).
    func edited(_ old: String, _ new: String) throws -> [UInt8] {
        let text = Profile.sonLa2022JSON
        XCTAssertTrue(text.contains(old), old)
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    func error(_ bytes: [UInt8]) -> ProfileError? {
        do { _ = try Profile.load(json: bytes, file: "p.json"); return nil } catch { return error as? ProfileError }
    }

    /// Line and column (1-based, scalars) of the first occurrence of `needle` in the built-in text.
    func point(of needle: String, in bytes: [UInt8], plus columns: Int = 0) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let before = text[..<text.range(of: needle)!.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return "\(lines.count):\(lines.last!.unicodeScalars.count + 1 + columns)"
    }

    func testTypeErrorsNameLineColumnPathAndWhatWasFound() throws {
        let bytes = try edited("\"excellentYearsNeeded\": 1", "\"excellentYearsNeeded\": \"một\"")
        let error = try XCTUnwrap(self.error(bytes))
        XCTAssertEqual(error.text(vietnamese: true),
                       "p.json:\(point(of: "\"một\"", in: bytes)): $.awardForms[0].excellentYearsNeeded: cần một số nguyên không âm, gặp chuỗi \"một\"")
        XCTAssertEqual(error.text(vietnamese: false),
                       "p.json:\(point(of: "\"một\"", in: bytes)): $.awardForms[0].excellentYearsNeeded: expected a non-negative integer, found the string \"một\"")
    }

    func testSyntaxErrorsDuplicateKeysAndTrailingCommas() throws {
        let comma = try edited("\"excludedYear\": 2022,", "\"excludedYear\": 2022,,")
        XCTAssertEqual(self.error(comma)?.text(vietnamese: false),
                       "p.json:\(point(of: ",,", in: comma, plus: 1)): $: not valid JSON: expected a member name")
        let trailing = try edited("\"evaluationYears\": [2019, 2020, 2021]", "\"evaluationYears\": [2019, 2020, 2021, ]")
        XCTAssertEqual(self.error(trailing)?.text(vietnamese: true),
                       "p.json:\(point(of: ", ]", in: trailing)): $: không phải JSON hợp lệ: thừa dấu ',' trước ']': xoá dấu phẩy cuối")
        let twice = try edited("\"excludedYear\": 2022,", "\"excludedYear\": 2022, \"excludedYear\": 2023,")
        XCTAssertEqual(self.error(twice)?.text(vietnamese: false),
                       "p.json:\(point(of: "\"excludedYear\": 2023", in: twice)): $: not valid JSON: the key \"excludedYear\" appears twice in one object; keep one")
        XCTAssertNil(self.error([0xEF, 0xBB, 0xBF] + Array(Profile.sonLa2022JSON.utf8)), "a BOM is no error")
    }

    func testMisspeltKeysAreNamedAndUnknownKeysWarn() throws {
        let misspelt = try edited("\"votePercentThreshold\"", "\"votePercentTreshold\"")
        XCTAssertEqual(self.error(misspelt)?.text(vietnamese: true),
                       "p.json:\(point(of: "\"votePercentTreshold\"", in: misspelt)): $.votePercentTreshold: thiếu khoá \"votePercentThreshold\" (viết nhầm thành \"votePercentTreshold\"?)")
        let extra = try edited("\"excludedYear\": 2022,", "\"excludedYear\": 2022, \"note\": \"thử\",")
        var warnings: [ProfileError] = []
        _ = try Profile.load(json: extra, file: "p.json", warnings: &warnings)
        XCTAssertEqual(warnings.map { $0.text(vietnamese: false) },
                       ["p.json:\(point(of: "\"note\"", in: extra)): $.note: unknown key, ignored (a misspelt key?)"])
    }
}

/// The rating and report-section lookups on folded bytes answer what the String-keyed tables answer.
final class RatingLookupTests: XCTestCase {
    func testByteLookupAgreesWithTheTable() {
        let profile = Profile.sonLa2022
        let lookup = profile.lookup
        var texts = Array(lookup.ratingByKey.keys)
        for rating in profile.ratings { texts += [rating.name, rating.name.uppercased(), "**\(rating.name)**"] + rating.aliases + rating.abbreviations }
        texts += ["", "Hoàn thành", "hoàn thành tốt nhiệm vụ.", "HTTNV", "htxs nv", "Hoa\u{300}n tha\u{300}nh nhiê\u{323}m vu\u{323}", "Хорошо"]
        for written in texts {
            let text = SourceText("x " + written + " y")
            let range = 2..<(text.bytes.count - 2)
            let expected = lookup.ratingByKey[text.key(range)]
            let found = text.withKey(range) { lookup.rating(key: $0) }
            XCTAssertEqual(found?.index, expected?.index, written)
            XCTAssertEqual(found?.isAbbreviation, expected?.isAbbreviation, written)
            XCTAssertEqual(text.withKey(range) { String(decoding: $0, as: UTF8.self) }, text.key(range), written)
        }
        var titles = Array(lookup.individualSectionByKey.keys) + Array(lookup.collectiveSectionByKey.keys) + ["", "thanh tich", "Thành tích đạt được"]
        for section in profile.reportSections.individual + profile.reportSections.collective {
            titles += [section.title, section.title.lowercased()] + section.aliases
        }
        for written in titles {
            let text = SourceText(written)
            for kind in NomineeKind.allCases {
                XCTAssertEqual(text.withKey(0..<text.bytes.count) { lookup.sectionIndex(key: $0, for: kind) },
                               lookup.sectionIndex(key: text.key(0..<text.bytes.count), for: kind), "\(written) \(kind)")
            }
        }
    }
}

/// The date scanner's quick refusals never refuse a spelled date `spelled` would read.
final class SpelledDatePrefilterTests: XCTestCase {
    func testAQuickRefusalIsNeverADate() {
        let words = ["ngày", "NGÀY", "Ngày", "ngay", "nga\u{300}y", "n\u{301}gày", "n*gày", "ng*ày", "ngáy", "ngây", "năm", "nội",
                     "người", "nghị", "ngoài", "nguyên", "ngành", "nhân", "no", "n", "ng", "nga", "*ngày*", "ǹgày", "ǵ", "n\u{1DC0}gay"]
        let tails = [" 5 tháng 5 năm 2022", " ... tháng ... năm 2022", " 02 tháng 8 năm 2019.", "", " 5"]
        for word in words {
            for tail in tails {
                for before in ["", " ", "x", "(", "ơ", "\u{A0}"] {
                    let text = SourceText(before + word + tail)
                    let bytes = text.bytes
                    for i in bytes.indices where bytes[i] | 0x20 == 0x6E && i + 1 < bytes.count {
                        if !DateScanner.mayStartSpelled(i, end: bytes.count, bytes) {
                            XCTAssertNil(DateScanner.spelled(at: i, end: bytes.count, text), "\(before + word + tail) at \(i)")
                        }
                    }
                }
            }
        }
    }
}

/// "Mẫu số NN" names a form only with its number.
final class FormMentionTests: XCTestCase {
    func testAFormNeedsItsNumber() {
        func forms(_ line: String) -> [String?] {
            Dossier(tree: Parser.parse(line + "\n"), profile: .sonLa2022).citations.map(\.form)
        }
        XCTAssertEqual(forms("Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ"), ["Mẫu số 07"])
        XCTAssertEqual(forms("*Mẫu số 7* theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017"), ["Mẫu số 7"])
        XCTAssertEqual(forms("Sáng kiến: Mẫu sổ theo dõi công cụ (Quyết định số 51/QĐ-VPUB ngày 28/12/2021)"), [nil])
        XCTAssertEqual(forms("Mẫu số theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017"), [nil])
    }
}

/// A vote and a report take their nominee's name when they write it with the same bytes, and
/// fold their own otherwise (another order, another spelling, NFD).
final class NameReuseTests: XCTestCase {
    func testVotesAndReportsNameTheirNominees() {
        let text = """
        # TỜ TRÌNH
        ## DANH SÁCH ĐỀ NGHỊ
        ### Cá nhân: Nguyễn Thị Hòa
        Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh
        ### Cá nhân: Lò Văn Minh
        Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh
        ### Cá nhân: Cầm Thị Mai
        Hình thức: Giấy khen của Chánh Văn phòng UBND tỉnh

        # BIÊN BẢN HỌP XÉT
        ## KẾT QUẢ BIỂU QUYẾT
        - Nguyễn Thị Hoà: 8/9 đồng ý (88,9%)
        - Cầm Thị Mai: 9/9 đồng ý (100%)
        - Lò Văn Minh: 9/9 đồng ý (100%)
        - Người Lạ: 9/9 đồng ý (100%)

        # BÁO CÁO THÀNH TÍCH: Lò Văn Minh
        # BÁO CÁO THÀNH TÍCH: Ca\u{302}\u{300}m Thị Mai
        # BÁO CÁO THÀNH TÍCH: Nguyễn Thị Hòa

        """
        let dossier = Dossier(tree: Parser.parse(text), profile: .sonLa2022)
        XCTAssertEqual(dossier.nominees.map(\.name), ["Nguyễn Thị Hòa", "Lò Văn Minh", "Cầm Thị Mai"])
        XCTAssertEqual(dossier.votes.map(\.name), ["Nguyễn Thị Hoà", "Cầm Thị Mai", "Lò Văn Minh", "Người Lạ"])
        XCTAssertEqual(dossier.votes.map { dossier.nomineeIndexByName[$0.foldedName] }, [0, 2, 1, nil])
        XCTAssertEqual(dossier.reports.map(\.nomineeName), ["Lò Văn Minh", "Cầm Thị Mai", "Nguyễn Thị Hòa"])
        XCTAssertEqual(dossier.reports.map(\.nominee), [1, 2, 0])
        for vote in dossier.votes { XCTAssertEqual(vote.foldedName, FoldedName(vote.name)) }
        for report in dossier.reports { XCTAssertEqual(report.foldedName, FoldedName(report.nomineeName)) }
    }
}

/// The citation scanner's words, found eight bytes at a time, are the words a byte-by-byte scan
/// finds: split at spaces (tab, space, NBSP, the Unicode spaces), emphasis and quotes trimmed.
final class CitationWordTests: XCTestCase {
    /// The words of `range` byte by byte, as the scanner found them before.
    private func referenceWords(_ range: Range<Int>, _ bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, case let n = ByteClass.spaceLength(bytes, at: i, end: end), n > 0 { i += n }
            let s = i
            while i < end && ByteClass.spaceLength(bytes, at: i, end: end) == 0 { i += 1 }
            var a = s, b = i
            while a < b {
                if [0x2A, 0x5F, 0x28, 0x22].contains(bytes[a]) { a += 1; continue }
                if a + 2 < b, bytes[a] == 0xE2, bytes[a + 1] == 0x80, bytes[a + 2] == 0x9C { a += 3; continue }
                break
            }
            while b > a {
                if [0x2A, 0x5F, 0x22].contains(bytes[b - 1]) { b -= 1; continue }
                if b - 3 >= a, bytes[b - 3] == 0xE2, bytes[b - 2] == 0x80, bytes[b - 1] == 0x9D { b -= 3; continue }
                break
            }
            if a < b { words.append(a..<b) }
        }
        return words
    }

    func testWordsAreTheByteByByteWords() {
        let pieces = ["Kế", "hoạch", "số", "179/KH-UBND", " ", " ", "\t", "\u{A0}", "\u{2003}", "\u{202F}", "\u{3000}", "\u{2028}",
                      "\u{2013}", "“", "”", "*", "_", "(", "\"", "\u{1}", "\u{1F}", "©", "ngày", "02/8/2019", "Nghị", "định", "a", "Ω"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        var tokens: [CitationScanner.Token] = []
        for _ in 0..<3_000 {
            let line = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
            let text = SourceText(line)
            let start = next(3), range = min(start, text.bytes.count)..<text.bytes.count
            let words = CitationScanner.tokens(range, text, into: &tokens)
            XCTAssertEqual((0..<words.count).map { words[$0].range }, referenceWords(range, text.bytes), line)
        }
    }
}

/// A vote's percentage read from its digits as `Double` reads the text (a decimal comma a point).
final class VotePercentTests: XCTestCase {
    func testPlainDecimalsReadAsDoubleReadsThem() {
        var texts = ["70", "66,7", "66.7", "5,", ".5", ",5", "007", "100", "0", "87,50", "99.999999999999", "123456789012345",
                     "1234567890123456", "", ".", ",", "1,5.2", "+5", "-5", "1e3", "6 7", "inf", "12a", "3,14159265358979"]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = String(state % 100_000), fraction = String((state >> 20) % 1_000_000_000)
            texts.append(whole + ((state >> 40) % 2 == 0 ? "," : ".") + fraction)
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = Double(text.replacingOccurrences(of: ",", with: "."))
            XCTAssertEqual(DossierBuilder.plainDecimal(bytes, 0..<bytes.count) ?? DossierBuilder.decimal(bytes, 0..<bytes.count), expected, text)
            if let plain = DossierBuilder.plainDecimal(bytes, 0..<bytes.count) { XCTAssertEqual(plain, expected, text) }
        }
    }
}
