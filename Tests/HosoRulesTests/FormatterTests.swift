import Foundation
import XCTest
import HosoRules
import HosoSyntax
import HosoText

/// `LayoutFormatter`: exact outputs (line ends, BOM, comments, suppressions), minimal edits,
/// idempotence over every dossier we have, and the property that formatting changes no finding.
final class FormatterTests: XCTestCase {
    /// The formatted text of a UTF-8 string (the input itself when nothing changes).
    func format(_ source: String) -> String {
        switch LayoutFormatter.format(raw: Array(source.utf8)) {
        case .unchanged: return source
        case .formatted(let bytes): return String(decoding: bytes, as: UTF8.self)
        case let other:
            XCTFail("not formatted: \(other)")
            return source
        }
    }

    static let messy = "\n \n\u{A0}\nĐơn vị: Phòng Kinh tế   \n\n\n\n# TỜ TRÌNH\t\nSố: 12/TTr-KT  \n## DANH SÁCH ĐỀ NGHỊ\n\n\n"
        + "### Cá nhân: Lò Văn Minh\nChức vụ: Chuyên viên \t \n# BIÊN BẢN HỌP XÉT\n\n\n   \n"
    static let tidy = "Đơn vị: Phòng Kinh tế\n\n# TỜ TRÌNH\nSố: 12/TTr-KT\n\n## DANH SÁCH ĐỀ NGHỊ\n\n"
        + "### Cá nhân: Lò Văn Minh\nChức vụ: Chuyên viên\n\n# BIÊN BẢN HỌP XÉT\n"

    func testLayoutOnly() {
        XCTAssertEqual(format(Self.messy), Self.tidy)
        XCTAssertEqual(format(Self.tidy), Self.tidy)
    }

    func testCRLFStaysCRLF() {
        let crlf = Self.messy.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(format(crlf), Self.tidy.replacingOccurrences(of: "\n", with: "\r\n"))
        // A last line without an end gets the file's; an inserted blank line copies the line above.
        XCTAssertEqual(format("Số: 1\r\n# TỜ TRÌNH"), "Số: 1\r\n\r\n# TỜ TRÌNH\r\n")
        XCTAssertEqual(format("Số: 1\r# TỜ TRÌNH"), "Số: 1\r\r# TỜ TRÌNH\r")
        XCTAssertEqual(format("Đơn vị: X"), "Đơn vị: X\n")
    }

    func testBOMAndUTF16AreKept() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        XCTAssertEqual(LayoutFormatter.format(raw: bom + Array(Self.messy.utf8)), .formatted(bom + Array(Self.tidy.utf8)))
        XCTAssertEqual(LayoutFormatter.format(raw: bom + Array(Self.tidy.utf8)), .unchanged)
        let utf16 = SourceDecoder.encode(Array(Self.messy.utf8), as: .utf16LE)
        XCTAssertEqual(LayoutFormatter.format(raw: utf16), .formatted(SourceDecoder.encode(Array(Self.tidy.utf8), as: .utf16LE)))
    }

    func testFilesThatCannotBeWrittenBackAreLeftAlone() {
        // TCVN3 bytes: not Unicode (HS001).
        XCTAssertEqual(LayoutFormatter.format(raw: [0x43, 0xE9, 0x6E, 0x67, 0x20, 0x20, 0x0A]), .notUnicode)
        // UTF-16 with an odd byte at the end would lose it.
        XCTAssertEqual(LayoutFormatter.format(raw: [0xFF, 0xFE, 0x41, 0x00, 0x20, 0x00, 0x0A]), .notRoundTrip)
    }

    func testSuppressionCommentStaysOnTheLineItGoverns() {
        // The comments right on top of a heading stay on it; the blank line goes above them.
        let source = Fixture.replacing("Quản trị.\n\n## DANH SÁCH ĐỀ NGHỊ",
                                       with: "Quản trị.\n<!-- ghi chú -->\n<!-- hoso-disable-next-line HS108 -->\n## DANH SACH DE NGHI")
        let formatted = format(source)
        XCTAssertEqual(formatted, Fixture.replacing("Quản trị.\n\n## DANH SÁCH ĐỀ NGHỊ",
                                                    with: "Quản trị.\n\n<!-- ghi chú -->\n<!-- hoso-disable-next-line HS108 -->\n## DANH SACH DE NGHI"))
        for text in [source, formatted] {
            let result = Linter().lint(bytes: Array(text.utf8))
            XCTAssertEqual(result.findings.map(\.code), [])
            XCTAssertEqual(result.suppressed.map(\.finding.code), ["HS108"])
        }
        // A blank line under the comment is the line it governs (`hoso-disable-next-line`: the next line),
        // so it stays, and so does the comment's HS011.
        let detached = Fixture.replacing("Quản trị.\n\n## DANH SÁCH ĐỀ NGHỊ",
                                         with: "Quản trị.\n<!-- hoso-disable-next-line HS108 -->\n\n\n## DANH SACH DE NGHI")
        XCTAssertEqual(format(detached), Fixture.replacing("Quản trị.\n\n## DANH SÁCH ĐỀ NGHỊ",
                                                           with: "Quản trị.\n<!-- hoso-disable-next-line HS108 -->\n\n## DANH SACH DE NGHI"))
        XCTAssertEqual(codes(detached), ["HS011", "HS108"])
        XCTAssertEqual(codes(format(detached)), ["HS011", "HS108"])
    }

    func testMultiLineCommentKeepsItsLines() {
        let source = "Đơn vị: X\n<!-- ghi chú  \n\n\n   dòng thụt vào\t\n## không phải tiêu đề\n-->\n# TỜ TRÌNH\n"
        XCTAssertEqual(format(source), "Đơn vị: X\n\n<!-- ghi chú\n\n\n   dòng thụt vào\n## không phải tiêu đề\n-->\n# TỜ TRÌNH\n")
    }

    func testSpacesThatAreText() {
        // A no-break space at a line's end is text; two spaces are no line break in a dossier.
        XCTAssertEqual(format("Chức vụ: Chuyên viên\u{A0}\nĐơn vị: X  \n"), "Chức vụ: Chuyên viên\u{A0}\nĐơn vị: X\n")
        XCTAssertEqual(format("a \u{A0} \t\n"), "a \u{A0}\n")
        // Indentation is kept.
        XCTAssertEqual(format("  - Năm 2019: HTTNV\n"), "  - Năm 2019: HTTNV\n")
    }

    /// Line ends and the file's start never change what a reader sees.
    func testNoLineEndsJoinAndNoByteOrderMarkAppears() {
        // Emptying "  " between a lone CR and an LF would make one CRLF of them: two lines, one.
        XCTAssertEqual(format("Đơn vị: X\r  \n\n# TỜ TRÌNH\n"), "Đơn vị: X\r\r# TỜ TRÌNH\n")
        XCTAssertEqual(format("Đơn vị: X\r# TỜ TRÌNH\n"), "Đơn vị: X\r\r# TỜ TRÌNH\n", "an inserted line end copies the one above")
        XCTAssertEqual(format("Đơn vị: X\n<!-- a\r  \n-->\n"), "Đơn vị: X\n<!-- a\r  \n-->\n")
        // U+FEFF at the very start would be read as a byte order mark, and its HS005 would go.
        let feff = "\n\n\u{FEFF}Đơn vị: X  \n"
        XCTAssertEqual(format(feff), "\n\u{FEFF}Đơn vị: X\n")
        XCTAssertEqual(codes(format(feff)), codes(feff))
        XCTAssertTrue(codes(feff).contains("HS005"))
    }

    func testEmptyAndBlankFiles() {
        XCTAssertEqual(LayoutFormatter.format(raw: []), .unchanged)
        XCTAssertEqual(format(" \n\t\n\n"), "")
        XCTAssertEqual(format("# TỜ TRÌNH\n"), "# TỜ TRÌNH\n")
        XCTAssertEqual(format("\n\n# TỜ TRÌNH\n## DANH SÁCH ĐỀ NGHỊ"), "# TỜ TRÌNH\n\n## DANH SÁCH ĐỀ NGHỊ\n")
    }

    /// Edits touch only what changes: an editor applies them without moving the cursor elsewhere.
    func testEditsAreMinimal() {
        let source = "Đơn vị: X  \n\n\n# TỜ TRÌNH\nSố: 1\n## DANH SÁCH ĐỀ NGHỊ\n\n"
        let edits = LayoutFormatter.edits(Parser.parse(source))
        let bytes = Array(source.utf8)
        let described = edits.map { edit in
            "\(edit.range) \(String(decoding: bytes[edit.range], as: UTF8.self).debugDescription)→\(edit.newText.debugDescription)"
        }
        XCTAssertEqual(described, [
            "13..<15 \"  \"→\"\"",  // spaces after "X"
            "16..<17 \"\\n\"→\"\"",  // the second blank line
            "40..<40 \"\"→\"\\n\"",  // the blank line above "## DANH SÁCH"
            "67..<68 \"\\n\"→\"\"",  // the blank line at the end
        ])
        XCTAssertEqual(LayoutFormatter.edits(Parser.parse(format(source))), [])
    }

    /// Time grows linearly: 4× the lines (comments on headings, blank runs, spaces at line ends,
    /// multi-line comments) may take at most ~8× the time. Minimum of two runs.
    func testFormattingScalesLinearly() {
        let pieces = ["<!-- ghi chú -->", "<!-- hoso-disable-next-line HS108 -->", "## MỤC   ", "", " ", "\t", "Năm 2019: HTTNV  \t", "<!--", "  ", "-->"]
        func seconds(_ lines: Int) -> Double {
            let source = Array((0..<lines).map { pieces[$0 % pieces.count] }.joined(separator: "\r\n").utf8)
            var best = Double.infinity
            for _ in 0..<2 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = LayoutFormatter.format(raw: source)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let t1 = seconds(25_000), t4 = seconds(100_000)
        XCTAssertLessThan(t4 / max(t1, 0.002), 8, "\(t1) s, then \(t4) s")
    }

    // MARK: Every dossier we have

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.hoso` file of `Examples/` and `Tests/Corpus/`.
    static var dossiers: [URL] {
        var files: [URL] = []
        for folder in ["Examples", "Tests/Corpus"] {
            let walk = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walk?.nextObject() as? URL {
                if url.pathExtension == "hoso" { files.append(url) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    func codes(_ source: String) -> [String] { Linter().lint(bytes: Array(source.utf8)).findings.map(\.code) }

    func testIdempotentOnEveryDossier() throws {
        let files = Self.dossiers
        XCTAssertGreaterThan(files.count, 60)
        for url in files {
            let raw = Array(try Data(contentsOf: url))
            switch LayoutFormatter.format(raw: raw) {
            case .formatted(let once):
                XCTAssertEqual(LayoutFormatter.format(raw: once), .unchanged, url.lastPathComponent)
            case .unchanged:
                break
            case .notUnicode, .notRoundTrip:
                XCTAssertNotNil(SourceDecoder.decode(raw).problem, "\(url.lastPathComponent) is Unicode and round-trips")
            }
        }
    }

    /// Where each line of `old` is in `new`, when `new` is `old` formatted: lines with text are
    /// kept in order, blank lines dropped or added; a dropped line maps to the next line kept.
    static func lineMap(_ old: SourceText, _ new: SourceText) -> [Int] {
        func lines(_ text: SourceText) -> [String] {
            (0..<text.lineCount).map { text.lineString($0).replacing(/[ \t]+$/, with: "") }
        }
        let before = lines(old), after = lines(new)
        var map: [Int] = []
        var j = 0
        for line in before {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0.isWhitespace }) {
                map.append(j)
                if j < after.count && after[j].isEmpty { j += 1 }
                continue
            }
            while j < after.count && after[j] != line { j += 1 }
            map.append(j)
            j += 1
        }
        return map
    }

    /// Formatting changes no finding: for every dossier, as it is and made messy (spaces and
    /// tabs at line ends, blank lines doubled, some dropped, no final line end, suppression
    /// comments right on top of headings), the findings
    /// (suppressed ones too) as (code, line) are the same before and after, lines mapped through
    /// the formatting. No rule is about layout, so none may go either.
    func testFindingsSurviveFormatting() throws {
        var checked = 0
        for url in Self.dossiers {
            let raw = Array(try Data(contentsOf: url))
            let (text, problem) = SourceDecoder.decode(raw)
            guard problem == nil else { continue }
            let ending = text.lineEnding.rawValue
            var lines: [String] = []
            for line in 0..<text.lineCount {
                let content = text.lineString(line)
                if content.isEmpty && lines.count % 3 == 0 { continue }  // a heading squeezed against the line above
                if content.hasPrefix("#") && !content.hasPrefix("###") && line % 2 == 1 {
                    lines.append("<!-- hoso-disable-next-line HS102 HS104 HS108 -->")  // must stay on its heading
                }
                lines.append(content + (line % 2 == 0 ? "  " : " \t"))
                if content.isEmpty { lines.append("") }
            }
            let messy = Array((ending + lines.joined(separator: ending)).utf8)
            for source in [raw, messy] {
                let formatted: [UInt8]
                switch LayoutFormatter.format(raw: source) {
                case .formatted(let bytes): formatted = bytes
                case .unchanged: formatted = source
                case let other:
                    XCTFail("\(url.lastPathComponent): \(other)")
                    continue
                }
                XCTAssertEqual(LayoutFormatter.format(raw: formatted), .unchanged, url.lastPathComponent)
                let linter = Linter()
                let old = linter.lint(bytes: source), new = linter.lint(bytes: formatted)
                let map = Self.lineMap(old.text, new.text)
                func spots(_ result: LintResult, mapped: Bool) -> [String] {
                    (result.findings + result.suppressed.map(\.finding)).map { finding in
                        // A finding at the end of the file (a part to append) stays there.
                        if finding.range.lowerBound == result.text.bytes.count { return "\(finding.code)@end" }
                        let line = result.text.line(ofByte: finding.range.lowerBound)
                        return "\(finding.code)@\((mapped ? map[line] : line) + 1)"
                    }.sorted()
                }
                XCTAssertEqual(spots(old, mapped: true), spots(new, mapped: false), url.lastPathComponent)
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 55)
    }
}
