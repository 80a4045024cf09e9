/// The seeded corpus generators: realistic dossiers, and TOML files of the same sizes for the
/// side-by-side runs of TOML tools.

/// A deterministic generator (xorshift64*): the same seed gives the same corpus.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2685821657736338717
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }
}

let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Quàng", "Cầm", "Tòng", "Vì", "Lường", "Đinh"]
let middles = ["Thị", "Văn", "Minh", "Thu", "Đức", "Ngọc"]
let givens = ["Hoa", "Hòa", "Hải", "Nam", "Lan", "Dũng", "Xuân", "Toàn", "Mai", "Bình", "Cúc", "Phong"]
let ratings = ["Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "HTTNV", "Hoàn thành nhiệm vụ"]
let prose = "Trong năm, đồng chí chủ động tham mưu thực hiện tốt các nội dung thi đua theo Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh; hoàn thành 100% nhiệm vụ được giao, góp phần xây dựng môi trường công sở văn minh, hiện đại, thân thiện, xanh, sạch, đẹp.\n"

/// One dossier of about `targetBytes`: two to five nominees with ratings and initiatives, the
/// Biên bản's votes, a report grown with prose; some mistakes (late dates, a wrong plan date,
/// low ratings, a wrong percentage) as real dossiers have.
func dossier(_ g: inout Generator, index: Int, targetBytes: Int) -> String {
    var nominees: [String] = []
    var text = "Đơn vị: Phòng \(index)\n\n# TỜ TRÌNH\nSố: \(index)/TTr-P\(index)\nSơn La, ngày \(g.pick(["16", "17", "18", "5"])) tháng 5 năm 2022\nKính gửi: Chánh Văn phòng UBND tỉnh\n\n"
    text += "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;\nCăn cứ Kế hoạch số 29/KH-VPUB ngày \(g.chance(90) ? "14" : "15")/8/2019 của Văn phòng UBND tỉnh;\n\n## DANH SÁCH ĐỀ NGHỊ\n\n"
    for n in 0..<(2 + Int(g.next() % 4)) {
        let name = "\(g.pick(surnames)) \(g.pick(middles)) \(g.pick(givens)) \(index)-\(n)"
        nominees.append(name)
        text += "### Cá nhân: \(name)\nChức vụ: \(g.pick(["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng"]))\nHình thức: Giấy khen của Chánh Văn phòng UBND tỉnh\n"
        for year in 2019...2021 { text += "Năm \(year): \(g.pick(ratings))\n" }
        text += "Sáng kiến: Giải pháp \(n) (Quyết định số \(40 + n)/QĐ-VPUB ngày \(g.pick(["10", "20", "31"]))/12/2021)\nKhen thưởng năm 2022: Không\n\n"
    }
    text += "# BIÊN BẢN HỌP XÉT\nSơn La, ngày 16 tháng 5 năm 2022\nThời gian: 08 giờ 00, ngày 16/5/2022\nĐịa điểm: Phòng họp\nThành phần: 8/9 công chức có mặt\nChủ trì: Ông A\nThư ký: Bà B\n\n## KẾT QUẢ BIỂU QUYẾT\n"
    for name in nominees { text += "- \(name): \(g.pick(["8/8 đồng ý (100%)", "7/8 đồng ý (87,5%)", "6/8 đồng ý (70%)"]))\n" }
    text += "\n# BÁO CÁO THÀNH TÍCH: \(nominees[0])\nSơn La, ngày 17 tháng 5 năm 2022\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ\n\n## I. SƠ LƯỢC LÝ LỊCH\n\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n"
    while text.utf8.count < targetBytes { text += prose }
    return text + "\n## III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\n\n## XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG\n"
}

/// A TOML file of about `targetBytes` holding the same kind of data (nominees, ratings, votes,
/// prose): what taplo and tombi are measured on, byte for byte against the dossiers.
func toml(_ g: inout Generator, index: Int, targetBytes: Int) -> String {
    var text = "[unit]\nname = \"Phòng \(index)\"\nnumber = \"\(index)/TTr-P\(index)\"\ndate = 2022-05-16\nrecipient = \"Chánh Văn phòng UBND tỉnh\"\nbasis = [\"Kế hoạch số 179/KH-UBND ngày 02/8/2019\", \"Kế hoạch số 29/KH-VPUB ngày 14/8/2019\"]\n\n"
    var n = 0
    while text.utf8.count + 760 < targetBytes {
        let name = "\(g.pick(surnames)) \(g.pick(middles)) \(g.pick(givens)) \(index)-\(n)"
        text += "[[nominee]]\nname = \"\(name)\"\nposition = \"Chuyên viên\"\naward = \"Giấy khen của Chánh Văn phòng UBND tỉnh\"\n"
        text += "ratings = { 2019 = \"\(g.pick(ratings))\", 2020 = \"\(g.pick(ratings))\", 2021 = \"\(g.pick(ratings))\" }\nvotes = { for = 8, present = 8, percent = 100.0 }\n"
        text += "achievements = \"\"\"\n\(prose)\(prose)\"\"\"\n\n"
        n += 1
    }
    // Then short notes, to end within a line of the target size.
    text += "[notes]\n"
    var k = 0
    while text.utf8.count < targetBytes {
        text += "note\(k) = \"Hoàn thành 100% nhiệm vụ được giao\"\n"
        k += 1
    }
    return text
}
