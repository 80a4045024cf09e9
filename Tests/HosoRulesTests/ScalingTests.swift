import Foundation
import XCTest
import HosoRules

/// Pathological inputs finish in time linear in their size: 4× the input may take at most ~8×
/// the time (a quadratic step would take ~16×). Minimum of two runs, to dampen noise.
final class ScalingTests: XCTestCase {
    func seconds(_ source: [UInt8]) -> Double {
        var best = Double.infinity
        for _ in 0..<2 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = Linter().lintTogether([LintInput(path: "a.hoso", bytes: source)])
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func assertLinear(_ name: String, base: Int, _ make: (Int) -> String, file: StaticString = #filePath, line: UInt = #line) {
        let small = Array(make(base).utf8), large = Array(make(base * 4).utf8)
        let t1 = seconds(small), t4 = seconds(large)
        XCTAssertLessThan(t4 / max(t1, 0.002), 8, "\(name): \(small.count) bytes in \(t1) s, \(large.count) bytes in \(t4) s", file: file, line: line)
    }

    func testOneHugeLine() {
        assertLinear("one long line", base: 250_000) { n in
            "Đơn vị: A\n# TỜ TRÌNH\n" + String(repeating: "Căn cứ văn bản ", count: n / 15) + "\n"
        }
    }

    func testManyHeadings() {
        assertLinear("headings", base: 12_500) { n in
            (0..<n).map { i in i % 3 == 0 ? "# PHẦN \(i)" : (i % 3 == 1 ? "## MỤC \(i)" : "### Cá nhân: Người \(i)") }.joined(separator: "\n")
        }
    }

    func testManyNomineesWithVotesAndReports() {
        assertLinear("nominees", base: 1_000) { n in
            var text = "Đơn vị: A\n# TỜ TRÌNH\nSố: 1/TTr-A\nSơn La, ngày 18 tháng 5 năm 2022\nKính gửi: B\n## DANH SÁCH ĐỀ NGHỊ\n"
            for i in 0..<n {
                text += "### Cá nhân: Người \(i)\nChức vụ: Chuyên viên\nHình thức: Bằng khen của Chủ tịch UBND tỉnh\nNăm 2019: HTTNV\nNăm 2020: HTXSNV\nNăm 2021: HTTNV\nKhen thưởng năm 2022: Không\n"
            }
            text += "# BIÊN BẢN HỌP XÉT\n## KẾT QUẢ BIỂU QUYẾT\n"
            for i in 0..<n { text += "- Người \(i): 8/9 đồng ý (88,9%)\n" }
            for i in 0..<n { text += "# BÁO CÁO THÀNH TÍCH: Người \(i)\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n- Năm 2019: HTTNV\n" }
            return text
        }
    }

    func testRepeatedCitations() {
        assertLinear("citations", base: 2_000) { n in
            "Đơn vị: A\n# TỜ TRÌNH\nCăn cứ " + String(repeating: "điểm 2.2 khoản 2 Mục II Kế hoạch số 179/KH-VPUB ngày 02/9/2019 của UBND tỉnh; ", count: n) + "\n"
                + String(repeating: "Căn cứ KH 179; Nghị định số 91/ND-CP ngày 31/7/2017;\n", count: n)
        }
    }
}
