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

    func testSeveritiesMatchTheSpec() {
        let expected: [String: Severity] = [
            "HS001": .error, "HS002": .warning, "HS003": .error, "HS004": .error, "HS005": .warning, "HS010": .warning,
            "HS101": .error, "HS102": .error, "HS103": .error, "HS104": .warning, "HS105": .error, "HS106": .warning,
            "HS107": .error, "HS108": .warning, "HS109": .error, "HS110": .error, "HS111": .error, "HS112": .error,
            "HS113": .warning,
        ]
        for rule in RuleRegistry.all {
            XCTAssertEqual(rule.defaultSeverity, expected[rule.code], rule.code)
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
