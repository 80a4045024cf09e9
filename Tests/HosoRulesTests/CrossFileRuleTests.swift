import XCTest
@testable import HosoRules
import HosoSemantics
import HosoSyntax
import HosoText

/// HS5xx: quotas and duplicates across every dossier checked together.
final class CrossFileRuleTests: XCTestCase {
    /// A one-nominee dossier for a unit (clean on its own).
    func dossier(unit: String, kind: String = "Cá nhân", name: String, award: String = "Giấy khen của Chánh Văn phòng UBND tỉnh") -> String {
        """
        Đơn vị: \(unit)
        # TỜ TRÌNH
        Số: 3/TTr-\(unit.prefix(2))
        Sơn La, ngày 18 tháng 5 năm 2022
        Kính gửi: Chánh Văn phòng UBND tỉnh
        Căn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;
        ## DANH SÁCH ĐỀ NGHỊ
        ### \(kind): \(name)
        \(kind == "Cá nhân" ? "Chức vụ: Chuyên viên\n" : "")Hình thức: \(award)
        Năm 2019: Hoàn thành tốt nhiệm vụ
        Năm 2020: Hoàn thành tốt nhiệm vụ
        Năm 2021: Hoàn thành tốt nhiệm vụ
        Sáng kiến: Sổ tay điện tử (Quyết định số 40/QĐ-VPUB ngày 10/12/2021)
        Khen thưởng năm 2022: Không
        # BIÊN BẢN HỌP XÉT
        Sơn La, ngày 16 tháng 5 năm 2022
        Thời gian: 8 giờ
        Địa điểm: Phòng họp
        Thành phần: 5/5
        Chủ trì: Ông A
        Thư ký: Bà B
        ## KẾT QUẢ BIỂU QUYẾT
        - \(name): 5/5 đồng ý (100%)

        """
    }

    func lintTogether(_ sources: [String]) -> [LintResult] {
        Linter().lintTogether(sources.enumerated().map { LintInput(path: "don-vi-\($0.offset).hoso", bytes: Array($0.element.utf8)) })
    }

    func testEachDossierAloneIsClean() {
        XCTAssertEqual(lintTogether([dossier(unit: "Phòng A", name: "Lò Văn Một")])[0].findings, [])
    }

    func testHS501GiayKhenCollectivesOverQuota() {
        let results = lintTogether((1...3).map { dossier(unit: "Phòng \($0)", kind: "Tập thể", name: "Tổ số \($0)") })
        for (index, result) in results.enumerated() {
            XCTAssertEqual(spots(result), [Spot("HS501", 8, 14)], "file \(index)")
            XCTAssertEqual(result.findings[0].related.compactMap(\.path), ["don-vi-0.hoso", "don-vi-1.hoso", "don-vi-2.hoso"].filter { $0 != "don-vi-\(index).hoso" })
        }
        XCTAssertEqual(results[0].findings[0].message.vi,
                       "Giấy khen của Chánh Văn phòng UBND tỉnh chỉ được đề nghị không quá 2 tập thể, nhưng các hồ sơ đề nghị 3.")
    }

    func testHS501PassesAtTheQuota() {
        let results = lintTogether((1...5).map { dossier(unit: "Phòng \($0)", name: "Người số \($0)") })
        XCTAssertTrue(results.allSatisfy { $0.findings.isEmpty })
    }

    func testHS502SameNomineeTwiceAcrossFiles() {
        let results = lintTogether([dossier(unit: "Phòng A", name: "Nguyễn Thị Hoa"), dossier(unit: "Phòng B", name: "NGUYỄN THỊ  HOA")])
        XCTAssertEqual(spots(results[0]), [Spot("HS502", 8, 14)])
        // The doubled space is the same name, reported where it is written (HS108) and quoted as one space.
        XCTAssertEqual(spots(results[1]), [Spot("HS502", 8, 14), Spot("HS108", 8, 24), Spot("HS108", 24, 13)])
        XCTAssertEqual(results[0].findings[0].message.vi,
                       "Nguyễn Thị Hoa được đề nghị 2 lần (cả ở don-vi-1.hoso); một thành tích chỉ đề nghị một hình thức.")
        XCTAssertEqual(results[1].findings[0].message.vi,
                       "NGUYỄN THỊ HOA được đề nghị 2 lần (cả ở don-vi-0.hoso); một thành tích chỉ đề nghị một hình thức.")
        XCTAssertEqual(results[1].findings[0].related.first?.path, "don-vi-0.hoso")
    }

    func testHS502PassesOnDifferentDiacriticsOrKinds() {
        let results = lintTogether([dossier(unit: "Phòng A", name: "Nguyễn Thị Hoa"), dossier(unit: "Phòng B", name: "Nguyễn Thị Hòa"),
                                    dossier(unit: "Phòng C", kind: "Tập thể", name: "Nguyễn Thị Hoa")])
        XCTAssertTrue(results.allSatisfy { $0.findings.isEmpty })
    }

    func testCrossFileFindingsRespectSuppressionAndOff() {
        let suppressed = "<!-- hoso-disable HS502 -->\n" + dossier(unit: "Phòng A", name: "Nguyễn Thị Hoa")
        let results = lintTogether([suppressed, dossier(unit: "Phòng B", name: "Nguyễn Thị Hoa")])
        XCTAssertEqual(results[0].findings, [])
        XCTAssertEqual(spots(results[1]), [Spot("HS502", 8, 14)])
        let off = Linter(severityOverrides: ["HS502": Severity?.none]).lintTogether([
            LintInput(path: "a", bytes: Array(dossier(unit: "Phòng A", name: "X Y").utf8)),
            LintInput(path: "b", bytes: Array(dossier(unit: "Phòng B", name: "X Y").utf8)),
        ])
        XCTAssertTrue(off.allSatisfy { $0.findings.isEmpty })
    }

    /// Files checked on several cores give exactly what one core gives, in input order.
    func testParallelCheckingGivesTheSerialResults() {
        let inputs = (1...40).map { i in
            LintInput(path: "don-vi-\(i).hoso", bytes: Array(dossier(unit: "Phòng \(i)", name: i % 7 == 0 ? "Lò Văn Một" : "Người số \(i)",
                                                                    award: i % 3 == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : "Giấy khen của Chánh Văn phòng UBND tỉnh").utf8))
        }
        let parallel = Linter().lintTogether(inputs, parallel: true)
        let serial = Linter().lintTogether(inputs, parallel: false)
        XCTAssertEqual(parallel.map(\.findings), serial.map(\.findings))
        XCTAssertEqual(parallel.map { $0.dossier.nominees.first?.name }, inputs.indices.map { $0 % 7 == 6 ? "Lò Văn Một" : "Người số \($0 + 1)" })
        XCTAssertTrue(serial.contains { $0.findings.contains { $0.code == "HS502" } })
    }

    /// HS502's groups (a name's first group by its hash, the other kind's through a chain) are
    /// the groups a dictionary keyed by kind and folded name makes, in the same order.
    func testNameGroupsAreTheGroupsOfKindAndName() {
        let names = ["Lò Văn Minh", "LÒ VĂN MINH", "Lo Van Minh", "Cầm Thị Mai", "Ca\u{302}\u{300}m Thị Mai", "Đinh Văn B", ""]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {  // xorshift
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        var files: [CrossFileInput] = []
        for f in 0..<6 {
            var text = "# TỜ TRÌNH\n## DANH SÁCH ĐỀ NGHỊ\n"
            for _ in 0..<8 { text += "### \(next(2) == 0 ? "Cá nhân" : "Tập thể"): \(names[next(names.count)])\n" }
            files.append(CrossFileInput(path: "\(f).hoso", dossier: Dossier(tree: Parser.parse(text), profile: .sonLa2022)))
        }
        struct Key: Hashable { let kind: NomineeKind; let name: FoldedName }
        var groupOf: [Key: Int] = [:], reference: [[NomineeRef]] = []
        for (f, file) in files.enumerated() {
            for (n, nominee) in file.dossier.nominees.enumerated() where !nominee.name.isEmpty {
                let key = Key(kind: nominee.kind, name: nominee.foldedName)
                if let g = groupOf[key] { reference[g].append(NomineeRef(file: f, nominee: n)) } else {
                    groupOf[key] = reference.count
                    reference.append([NomineeRef(file: f, nominee: n)])
                }
            }
        }
        XCTAssertGreaterThan(reference.filter { $0.count > 1 }.count, 3)
        XCTAssertEqual(files.nomineeGroupsByName(), reference)
    }
}

