import Foundation
import XCTest
import HosoRules
import HosoSemantics

/// Every rule is registered, documented in both languages, and has a file of its own.
final class RegistryTests: XCTestCase {
    var rulesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/HosoRules/Rules")
    }

    func testEveryRuleFileIsRegisteredAndViceVersa() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
        XCTAssertEqual(files, RuleRegistry.all.map { $0.code })
    }

    /// `crossFile` is written out by hand; it must be exactly the rules that conform.
    func testCrossFileListHoldsEveryCrossFileRule() {
        XCTAssertEqual(RuleRegistry.crossFile.map { $0.code }, RuleRegistry.all.compactMap { ($0 as? any CrossFileRule.Type)?.code })
    }

    func testCodesAreUniqueOrderedAndWellFormed() {
        let codes = RuleRegistry.all.map { $0.code }
        XCTAssertEqual(codes, codes.sorted())
        XCTAssertEqual(Set(codes).count, codes.count)
        for code in codes {
            XCTAssertNotNil(code.wholeMatch(of: /HS\d{3}/), code)
            XCTAssertNotNil(RuleRegistry.rule(code: code))
        }
    }

    func testEveryRuleIsDocumentedInBothLanguages() {
        for rule in RuleRegistry.all {
            let doc = rule.documentation
            for text in [rule.title, doc.summary, doc.basis, doc.fix] {
                XCTAssertFalse(text.vi.isEmpty, rule.code)
                XCTAssertFalse(text.en.isEmpty, rule.code)
                XCTAssertNotEqual(text.vi, text.en, "\(rule.code): the Vietnamese text is a copy of the English")
            }
            XCTAssertFalse(doc.failingExample.isEmpty, rule.code)
            XCTAssertFalse(doc.passingExample.isEmpty, rule.code)
        }
    }

    /// Rule pages are templates: under the built-in profile and under one with other years,
    /// forms and quotas, every `{token}` is filled (a misspelt token would stay in the text).
    func testEveryPageRendersWithAProfilesFacts() throws {
        let other = try Profile.load(json: Array(Profile.sonLa2022JSON
            .replacingOccurrences(of: "\"evaluationYears\": [2019, 2020, 2021]", with: "\"evaluationYears\": [2021, 2022, 2023]")
            .replacingOccurrences(of: "\"excellentYearsNeeded\": 1", with: "\"excellentYearsNeeded\": 2").utf8), file: "p.json")
        XCTAssertEqual(other.evaluationYears, [2021, 2022, 2023])
        for profile in [Profile.sonLa2022, other] {
            for rule in RuleRegistry.all {
                let page = rule.documentation(for: profile)
                for text in [page.summary.vi, page.summary.en, page.basis.vi, page.basis.en, page.fix.vi, page.fix.en,
                             page.failingExample, page.passingExample] {
                    XCTAssertFalse(text.contains("{") || text.contains("}"), "\(rule.code): \(text)")
                }
            }
        }
        XCTAssertEqual(HS204.documentation(for: .sonLa2022).summary.vi,
                       "Bằng khen của Chủ tịch UBND tỉnh đòi hỏi trong các năm 2019–2021 có ít nhất 01 năm \"Hoàn thành xuất sắc nhiệm vụ\". Một năm chưa ghi xếp loại (HS201) hay ghi không đọc được (HS202) chưa bị tính là thiếu: quy tắc chỉ báo khi dù các năm đó được ghi \"xuất sắc\" cũng không đủ.")
        XCTAssertEqual(HS204.documentation(for: other).summary.en,
                       "Bằng khen của Chủ tịch UBND tỉnh requires at least 2 year(s) in 2021–2023 rated \"Hoàn thành xuất sắc nhiệm vụ\". A year with no rating yet (HS201) or one that does not read (HS202) is not counted short: the rule fires only when even those years rated excellent would not be enough.")
        XCTAssertEqual(HS205.documentation(for: other).summary.en,
                       "Each evaluation year is rated once, and only 2021, 2022 and 2023 count; other years are ignored.")
        XCTAssertEqual(HS201.documentation(for: other).failingExample, "Năm 2021: Hoàn thành tốt nhiệm vụ\nNăm 2023: Hoàn thành tốt nhiệm vụ")
    }

    /// The repository's checkout: three folders above this file.
    var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The registry against the rules' documentation, in every clone: each registered rule has a
    /// row in `docs/rules/README.md` with its default severity and both titles, and a page
    /// `docs/rules/HSnnn.md`; each row is a registered rule.
    ///
    /// When `HOSO_SPEC_RULES` names a rules table (Markdown rows `| HSnnn | severity | … |`; only
    /// `.ci/run` sets it, to a table kept outside the repository), the codes and severities are held
    /// against that table too.
    func testRegistryMatchesItsDocumentation() throws {
        let folder = packageRoot.appendingPathComponent("docs/rules")
        let index = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: (severity: String, vi: String, en: String)] = [:]
        for line in index.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, let code = cells[0].firstMatch(of: /^\[(HS\d{3})\]\(\1\.md\)$/)?.1 else { continue }
            XCTAssertNil(rows[String(code)], "\(code) has two rows")
            rows[String(code)] = (cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[2], cells[3])
        }
        XCTAssertEqual(Set(rows.keys), Set(RuleRegistry.all.map { $0.code }), "the rows of docs/rules/README.md and the registry")
        for rule in RuleRegistry.all {
            guard let row = rows[rule.code] else { continue }
            XCTAssertEqual(row.severity, rule.defaultSeverity.rawValue, rule.code)
            XCTAssertEqual(row.vi, rule.title.vi, rule.code)
            XCTAssertEqual(row.en, rule.title.en, rule.code)
            let page = folder.appendingPathComponent("\(rule.code).md")
            XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), "no page \(page.path)")
        }

        guard let specPath = ProcessInfo.processInfo.environment["HOSO_SPEC_RULES"], !specPath.isEmpty else { return }
        let spec = try String(contentsOf: URL(fileURLWithPath: specPath), encoding: .utf8)
        var expected: [String: Severity] = [:]
        for line in spec.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].wholeMatch(of: /HS\d{3}/) != nil, let severity = Severity(rawValue: cells[1]) else { continue }
            expected[cells[0]] = severity
        }
        XCTAssertEqual(Set(RuleRegistry.all.map { $0.code }), Set(expected.keys), "the registry and \(specPath)")
        for rule in RuleRegistry.all {
            XCTAssertEqual(rule.defaultSeverity, expected[rule.code], "\(rule.code) in \(specPath)")
        }
    }

    func testBuiltInProfileDecodes() {
        let profile = Profile.sonLa2022
        XCTAssertEqual(profile.id, "son-la-vpub-2022")
        XCTAssertEqual(profile.evaluationYears, [2019, 2020, 2021])
        XCTAssertEqual(profile.deadline, DateValue(year: 2022, month: 5, day: 21))
        XCTAssertEqual(profile.awardForms.map(\.id), ["bang-khen", "giay-khen", "nha-nuoc"])
        XCTAssertEqual(profile.awardForms[1].quota, ["tap-the": 2, "ca-nhan": 5])
    }

    func testSeverityOverridesAndOff() {
        let source = Fixture.replacing("Chức vụ: Chuyên viên\nHình", with: "Chuc vu: Chuyên viên\nHình")
        let off = Linter(severityOverrides: ["HS108": Severity?.none]).lint(bytes: Array(source.utf8))
        XCTAssertTrue(off.findings.isEmpty)
        let raised = Linter(severityOverrides: ["HS108": .error]).lint(bytes: Array(source.utf8))
        XCTAssertEqual(raised.findings.map(\.severity), [.error])
    }
}
