import Foundation
import XCTest
@testable import HosoRules
@testable import HosoSemantics
@testable import HosoSyntax
@testable import HosoText

/// The incremental re-check (`Linter.check(text:encodingProblem:previous:)`) against a full check
/// after every edit of long seeded random edit scripts over the dossiers of `Tests/Corpus` and
/// `Examples`: the same findings, in the same order, with the same messages, fixes and ranges.
final class IncrementalTests: XCTestCase {
    /// What staff type, paste or delete: letters, line breaks of every kind, markers, headings,
    /// field keys, citations, dates, and the mistakes the element rules look for (NFD marks, a
    /// fake Đ, a Cyrillic letter, a soft hyphen, a zero-width space, TCVN3 mojibake).
    static let pieces = [
        "a", "ê", " ", "\n", "\r\n", "\r", "# ", "## ", "### ", "Cá nhân: ", "TỜ TRÌNH", "BIÊN BẢN HỌP XÉT",
        "BÁO CÁO THÀNH TÍCH: Lò Văn Minh", "Năm 2021: Hoàn thành xuất sắc nhiệm vụ", "Năm 2020 - ", "Hình thức: ",
        "Số: 7/TTr-P7", "- ", "**", "Sơn La, ngày 18 tháng 5 năm 2022",
        "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;", "Quyết định số 12/QĐ–UBND", "KH 29",
        "ngày 31/02/2021", "theo Nghị định số 91/NĐ-CP", "Hoa\u{300}", "e\u{301}", "\u{D0}\u{1A1}n vị", "Đ\u{430}ng",
        "c\u{AD}ông", "\u{200B}", "Ph\u{B8}t tri\u{1EC3}n", "Hµ Néi", "<!-- hoso-disable-next-line HS201 -- lý do -->",
        "<!-- ", " -->", "\n\n", "Mẫu số 07",
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dossiers() throws -> [String] {
        var texts: [String] = []
        for folder in ["Examples", "Tests/Corpus"] {
            let walk = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walk?.nextObject() as? URL {
                guard url.pathExtension == "hoso", let data = try? Data(contentsOf: url) else { continue }
                let (text, problem) = SourceDecoder.decode(Array(data))
                if problem == nil { texts.append(String(decoding: text.bytes, as: UTF8.self)) }
            }
        }
        return texts.sorted()
    }

    func testIncrementalEqualsFullAfterEveryEdit() throws {
        var random = SplitMix(seed: 1707)
        let linter = Linter()
        let texts = try Self.dossiers()
        XCTAssertGreaterThan(texts.count, 20)
        var edits = 0, sameSummaries = 0
        // Every dossier gets a script of its own; 3,000 edits in all.
        let perDossier = max(20, (3000 + texts.count - 1) / texts.count)
        for (n, original) in texts.enumerated() {
            var text = SourceText(original)
            var checked = linter.check(text: text, encodingProblem: nil)
            for step in 0..<perDossier {
                let count = text.bytes.count
                var a = Int(random.next() % UInt64(count + 1))
                while a < count && text.bytes[a] & 0xC0 == 0x80 { a += 1 }
                var b = min(count, a + Int(random.next() % 8))
                while b < count && text.bytes[b] & 0xC0 == 0x80 { b += 1 }
                let insert = random.next() % 3 == 0 ? "" : Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                let next = text.replacing(a..<b, with: Array(insert.utf8))
                let incremental = linter.check(text: next, encodingProblem: nil, previous: checked)
                let full = linter.check(text: next, encodingProblem: nil)
                edits += 1
                guard Self.same(incremental, full, "dossier \(n) step \(step)") else { return }
                XCTAssertEqual(linter.finish(incremental, extra: []).findings, linter.finish(full, extra: []).findings)
                // Where the edit left the cross-file summary as it was, the campaign's cross-file
                // findings are as they were (the original dossier beside it: duplicates, quotas).
                if CrossFileSummary(checked) == CrossFileSummary(incremental) {
                    let other = linter.check(text: SourceText(original), encodingProblem: nil)
                    XCTAssertEqual(linter.crossFileFindings([("a.hoso", checked), ("b.hoso", other)]),
                                   linter.crossFileFindings([("a.hoso", incremental), ("b.hoso", other)]), "dossier \(n) step \(step)")
                    sameSummaries += 1
                }
                text = next
                checked = incremental
            }
        }
        XCTAssertGreaterThanOrEqual(edits, 3000)
        XCTAssertGreaterThan(sameSummaries, edits / 2, "most edits leave the nominees alone")
    }

    /// Whether two checks agree: findings, citations and dates; reports the first difference.
    static func same(_ a: Linter.Checked, _ b: Linter.Checked, _ label: String) -> Bool {
        for (k, (x, y)) in zip(a.findingsByRule, b.findingsByRule).enumerated() where x != y {
            XCTFail("\(label): \(RuleRegistry.all[k].code) differs:\n\(x.map(describe))\nvs\n\(y.map(describe))")
            return false
        }
        let citations = { (d: Dossier) in d.citations.map { "\($0.element) \($0.range) \($0.role) \($0.number?.raw ?? "-") \($0.date?.range ?? 0..<0)" } }
        if citations(a.dossier) != citations(b.dossier) {
            XCTFail("\(label): citations differ:\n\(citations(a.dossier))\nvs\n\(citations(b.dossier))")
            return false
        }
        let dates = { (d: Dossier) in d.dates.map { "\($0.range) \($0.value.map { "\($0)" } ?? "-")" } }
        if dates(a.dossier) != dates(b.dossier) {
            XCTFail("\(label): dates differ")
            return false
        }
        return true
    }

    static func describe(_ f: Finding) -> String { "\(f.code) \(f.range) \(f.message.en)" }
}

/// A small seeded generator (SplitMix64), so a failing step can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
