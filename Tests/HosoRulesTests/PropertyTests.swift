import Foundation
import XCTest
import HosoRules
import HosoText

/// Rewrites that docs/format.md ("Recognition") says do not change what a dossier means, applied to every
/// dossier we have (the corpus, the examples, the fixture): each must keep its findings,
/// compared as (code, line), and so a clean dossier stays clean.
final class PropertyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Field keys a staff member might set in bold (`**Chức vụ**:`).
    static let keys = ["Đơn vị", "Số", "Kính gửi", "Về việc", "V/v", "Chức vụ", "Hình thức", "Khen thưởng năm 2022", "Năm 2019",
                       "Năm 2020", "Năm 2021", "Sáng kiến", "Thời gian", "Địa điểm", "Thành phần", "Chủ trì", "Thư ký", "Kết thúc"]

    /// One meaning-preserving rewrite of a dossier's lines (each without its line end).
    struct Rewrite: Sendable {
        let name: String
        let apply: @Sendable ([String]) -> [String]
    }

    static func isComment(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).hasPrefix("<!--") }

    /// `Sơn La, ngày 16 tháng 5 năm 2022` and the like: a place-date line, not a field or item.
    static func isPlaceDate(_ line: String) -> Bool {
        guard let first = line.first, first != "#", first != "-", first != "*", first != "<", !line.hasSuffix("*") else { return false }
        return line.contains(", ngày ") && line.contains(" tháng ") && line.contains(" năm ") && !keys.contains { line.hasPrefix($0 + ":") }
            && !line.contains(":")
    }

    static let rewrites: [Rewrite] = [
        Rewrite(name: "italic place-date lines") { lines in lines.map { isPlaceDate($0) ? "*\($0)*" : $0 } },
        Rewrite(name: "bold headings") { lines in
            lines.map { line in
                guard let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }), !line[..<space].isEmpty,
                      !line.contains("*") else { return line }
                return line[...space] + "**" + line[line.index(after: space)...].trimmingCharacters(in: .whitespaces) + "**"
            }
        },
        Rewrite(name: "bold field names") { lines in
            lines.map { line in
                guard let key = keys.first(where: { line.hasPrefix($0 + ":") }) else { return line }
                return "**\(key)**" + line.dropFirst(key.count)
            }
        },
        Rewrite(name: "bold field names, colon inside") { lines in
            lines.map { line in
                guard let key = keys.first(where: { line.hasPrefix($0 + ":") }) else { return line }
                return "**\(key):**" + line.dropFirst(key.count + 1)
            }
        },
        Rewrite(name: "underscore italics on place-date lines") { lines in lines.map { isPlaceDate($0) ? "_\($0)_" : $0 } },
        Rewrite(name: "narrow no-break spaces in place-date lines") { lines in
            lines.map { isPlaceDate($0) ? $0.replacingOccurrences(of: " ", with: "\u{202F}") : $0 }
        },
        Rewrite(name: "numbered basis lists") { lines in
            var number = 0
            return lines.map { line in
                guard line.hasPrefix("Căn cứ ") || line.hasPrefix("Thực hiện ") else { number = 0; return line }
                number += 1
                return "\(number). " + line
            }
        },
        Rewrite(name: "lettered and plus-marked basis lists") { lines in
            var k = 0
            return lines.map { line in
                guard line.hasPrefix("Căn cứ ") || line.hasPrefix("Thực hiện ") else { return line }
                k += 1
                return (k % 2 == 0 ? "+ " : "a) ") + "*\(line)*"
            }
        },
        Rewrite(name: "no-break spaces") { lines in
            // Every space between words of text, values and names (not the one after a heading's
            // `#` or an item's `-`, not in comments) becomes U+00A0, as Word pastes it.
            lines.map { line in
                if isComment(line) { return line }
                var head = "", body = Substring(line)
                if let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" || $0 == "-" }), !line[..<space].isEmpty {
                    head = String(line[...space])
                    body = line[line.index(after: space)...]
                }
                return head + body.replacingOccurrences(of: " ", with: "\u{00A0}")
            }
        },
        Rewrite(name: "dashed basis lists") { lines in
            lines.map { $0.hasPrefix("Căn cứ ") || $0.hasPrefix("Thực hiện ") ? "- " + $0 : $0 }
        },
        Rewrite(name: "trailing full stops") { lines in
            lines.map { line in
                let isRating = ["Năm 2019:", "Năm 2020:", "Năm 2021:"].contains { line.hasPrefix($0) }
                guard isPlaceDate(line) || isRating, let last = line.last, !".;,:)".contains(last) else { return line }
                return line + "."
            }
        },
        Rewrite(name: "quoted ratings") { lines in
            // `Năm 2019: “Hoàn thành tốt nhiệm vụ”`, in the Tờ trình and in a report's list: quotes are emphasis.
            lines.map { line in
                let years = ["Năm 2019: ", "Năm 2020: ", "Năm 2021: "]
                guard let prefix = (years + years.map { "- " + $0 }).first(where: { line.hasPrefix($0) }) else { return line }
                let value = line.dropFirst(prefix.count)
                return value.trimmingCharacters(in: .whitespaces).isEmpty ? line : prefix + "“" + value + "”"
            }
        },
    ]

    /// Every dossier to rewrite, as text, with a name for messages.
    static func dossiers() throws -> [(name: String, text: String)] {
        var result: [(String, String)] = [("Fixtures/clean.hoso", Fixture.clean)]
        let manager = FileManager.default
        for folder in ["Tests/Corpus", "Examples"] {
            guard let walker = manager.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "hoso" {
                let decoded = SourceDecoder.decode(Array(try Data(contentsOf: url)))
                guard decoded.problem == nil else { continue }  // legacy bytes: HS001 alone, nothing to rewrite
                result.append((url.path.replacingOccurrences(of: root.path + "/", with: ""), decoded.text.string(0..<decoded.text.bytes.count)))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Findings as (code, 1-based line), sorted.
    static func codesAndLines(_ bytes: [UInt8]) -> [String] {
        let result = Linter().lint(bytes: bytes)
        return result.findings.map { "\($0.code)@\(result.text.position(ofByte: $0.range.lowerBound, in: .utf16).line + 1)" }.sorted()
    }

    /// Splits text into lines without their ends, remembering whether they were CRLF.
    static func lines(_ text: String) -> (lines: [String], crlf: Bool) {
        let crlf = text.contains("\r\n")
        let normalized = crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return (normalized.components(separatedBy: "\n"), crlf)
    }

    func testMeaningPreservingRewritesKeepFindings() throws {
        let dossiers = try Self.dossiers()
        XCTAssertGreaterThan(dossiers.count, 50)
        var checked = 0
        for (name, text) in dossiers {
            let baseline = Self.codesAndLines(Array(text.utf8))
            let (lines, crlf) = Self.lines(text)
            let end = crlf ? "\r\n" : "\n"
            var variants: [(String, [UInt8])] = Self.rewrites.map { rewrite in
                (rewrite.name, Array(rewrite.apply(lines).joined(separator: end).utf8))
            }
            let all = Self.rewrites.reduce(lines) { $1.apply($0) }
            variants.append(("all rewrites together", Array(all.joined(separator: end).utf8)))
            if !crlf { variants.append(("CRLF line ends", Array(lines.joined(separator: "\r\n").utf8))) }
            if !text.hasPrefix("\u{FEFF}") { variants.append(("a UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8))) }
            variants.append(("all, with CRLF and a BOM", [0xEF, 0xBB, 0xBF] + Array(all.joined(separator: "\r\n").utf8)))
            for (rewrite, bytes) in variants {
                XCTAssertEqual(Self.codesAndLines(bytes), baseline, "\(name), \(rewrite)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    /// The rewrites really rewrite: a test of nothing would pass too.
    func testRewritesChangeTheFixture() {
        let (lines, _) = Self.lines(Fixture.clean)
        for rewrite in Self.rewrites {
            XCTAssertNotEqual(rewrite.apply(lines), lines, rewrite.name)
        }
    }
}
