/// Pathological dossiers for the scaling check (`Tests/perf/scaling.sh`): each repeats one
/// construct `n` times. The check runs `hoso lint` on the `n` and `4n` versions under callgrind
/// and requires at most 5× the instructions: a step quadratic in that construct gives 16×.
struct ScalingCase: Sendable {
    let name: String
    /// The `n` that makes the smaller file cost well above start-up.
    let base: Int
    let make: @Sendable (Int) -> String
}

let scalingHead = "Đơn vị: Phòng Tổng hợp\n# TỜ TRÌNH\nSố: 12/TTr-VP\nSơn La, ngày 16 tháng 5 năm 2022\nKính gửi: Chánh Văn phòng UBND tỉnh\nCăn cứ Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh;\n## DANH SÁCH ĐỀ NGHỊ\n"

func scalingNominee(_ name: String) -> String {
    "### Cá nhân: \(name)\nChức vụ: Chuyên viên\nHình thức: Giấy khen của Chánh Văn phòng UBND tỉnh\nNăm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành tốt nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\nKhen thưởng năm 2022: Không\n"
}

/// Nominee blocks for `nominees`, then the Biên bản's vote items for `voted`.
func scalingNomineesAndVotes(_ nominees: [String], voted: [String]) -> String {
    nominees.map(scalingNominee).joined() + "# BIÊN BẢN HỌP XÉT\n## KẾT QUẢ BIỂU QUYẾT\n"
        + voted.map { "- \($0): 8/9 đồng ý (88,9%)\n" }.joined()
}

let scalingCases: [ScalingCase] = [
    ScalingCase(name: "unclosed-comments", base: 18000) { n in
        scalingHead + (0..<n).map { "<!-- ghi chú chưa đóng \($0)\n" }.joined()
    },
    ScalingCase(name: "findings-on-one-line", base: 1350) { n in
        scalingHead + "Căn cứ" + String(repeating: " chữ\u{00AD}ẩn", count: n) + "\n"
    },
    ScalingCase(name: "unknown-vote-names", base: 700) { n in
        scalingHead + scalingNomineesAndVotes((0..<n).map { "Nguyễn Văn An \($0)" }, voted: (0..<n).map { "Trần Thị Bích \($0)" })
    },
    ScalingCase(name: "report-parts", base: 675) { n in
        scalingHead + (0..<n).map { "# BÁO CÁO THÀNH TÍCH: Người \($0)\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n- Năm 2021: Hoàn thành tốt nhiệm vụ\n" }.joined()
    },
    ScalingCase(name: "repeated-parts", base: 900) { n in
        scalingHead + (0..<n).map { "# TỜ TRÌNH\nSố: \($0)/TTr-VP\n# BIÊN BẢN HỌP XÉT\nThời gian: 14 giờ, ngày 10 tháng 5 năm 2022\n" }.joined()
    },
    ScalingCase(name: "sections", base: 13500) { n in
        scalingHead + "# BÁO CÁO THÀNH TÍCH: Nguyễn Văn An\n" + (0..<n).map { "## MỤC \($0)\nNội dung.\n" }.joined()
    },
    ScalingCase(name: "nominees", base: 180) { n in
        scalingHead + scalingNomineesAndVotes((0..<n).map { "Nguyễn Văn An \($0)" }, voted: (0..<n).map { "Nguyễn Văn An \($0)" })
            + (0..<n).map { "# BÁO CÁO THÀNH TÍCH: Nguyễn Văn An \($0)\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n- Năm 2021: Hoàn thành tốt nhiệm vụ\n" }.joined()
    },
    ScalingCase(name: "same-nominee-repeated", base: 180) { n in
        scalingHead + scalingNomineesAndVotes(Array(repeating: "Lò Thị Hoa", count: n), voted: Array(repeating: "Lò Thị Hoa", count: n))
    },
    ScalingCase(name: "citations", base: 675) { n in
        scalingHead + (0..<n).map { "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/9/2019 của UBND tỉnh; Nghị định số 91/ND-CP ngày \($0 % 28 + 1)/7/2017;\n" }.joined()
    },
    ScalingCase(name: "dates-in-prose", base: 1125) { n in
        scalingHead + "# BÁO CÁO THÀNH TÍCH: Nguyễn Văn An\n" + (0..<n).map { "Ngày \($0 % 28 + 1)/5/2023 đồng chí được khen, ngày 31 tháng 2 năm 2021 họp.\n" }.joined()
    },
    ScalingCase(name: "unused-suppressions", base: 1125) { n in
        scalingHead + (0..<n).map { "<!-- hoso-disable-next-line HS108 -- ghi chú \($0) -->\nNội dung dòng \($0).\n" }.joined()
    },
    ScalingCase(name: "open-disable-ranges", base: 1125) { n in
        scalingHead + (0..<n).map { "<!-- hoso-disable HS10\($0 % 9 + 1) -->\nChuc vu: \($0)\n" }.joined()
    },
    ScalingCase(name: "misspelled-fields", base: 1125) { n in
        scalingHead + "### Cá nhân: Nguyễn Văn An\n" + (0..<n).map { "Chuc vu: Chuyên viên \($0)\n" }.joined()
    },
    ScalingCase(name: "mojibake-line", base: 1350) { n in
        scalingHead + String(repeating: "Céng hßa x· héi chñ nghÜa ", count: n) + "\n"
    },
    ScalingCase(name: "long-prose-line", base: 45000) { n in
        scalingHead + String(repeating: "Căn cứ văn bản hướng dẫn ", count: n) + "\n"
    },
    ScalingCase(name: "blank-lines", base: 90000) { n in
        scalingHead + String(repeating: "\n", count: n)
    },
    ScalingCase(name: "list-items", base: 1800) { n in
        scalingHead + "# BÁO CÁO THÀNH TÍCH: Nguyễn Văn An\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n" + (0..<n).map { "- Năm \(2000 + $0 % 30): *Hoàn thành* **tốt** nhiệm vụ (\($0))\n" }.joined()
    },
]
