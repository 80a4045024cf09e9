
extension Profile {
    /// The built-in profile: the Sơn La 2022 plan (Văn phòng UBND tỉnh, tháng 5/2022).
    ///
    /// Embedded in the binary so `hoso` works from any folder; `Tests` prove it decodes.
    public static let sonLa2022: Profile = {
        do {
            return try load(json: Array(sonLa2022JSON.utf8), file: "(built-in)")
        } catch {
            preconditionFailure("the built-in profile does not decode: \(error)")
        }
    }()

    /// The JSON text of the built-in profile (also what `hoso` would write as a starting point).
    public static let sonLa2022JSON = #"""
    {
      "id": "son-la-vpub-2022",
      "title": "Sơ kết 03 năm phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn La thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025",
      "source": "Kế hoạch của Văn phòng UBND tỉnh Sơn La, tháng 5/2022 (Số: /KH-VPUB)",
      "evaluationYears": [2019, 2020, 2021],
      "excludedYear": 2022,
      "deadline": "2022-05-21",
      "votePercentThreshold": 50,
      "requiredParts": ["to-trinh", "bien-ban"],
      "awardForms": [
        {
          "id": "bang-khen",
          "name": "Bằng khen của Chủ tịch UBND tỉnh",
          "aliases": ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
          "level": "Cấp tỉnh",
          "pending": false,
          "requiredParts": ["to-trinh", "bien-ban", "bao-cao-thanh-tich"],
          "minimumRating": "tot",
          "excellentYearsNeeded": 1,
          "initiativeRequired": true,
          "criteriaPlan": "179/KH-UBND",
          "criteriaClauses": {"tap-the": "điểm 2.1 khoản 2 Mục II", "ca-nhan": "điểm 2.2 khoản 2 Mục II"},
          "quota": {"tap-the": 1, "ca-nhan": 1},
          "preferNonLeaders": true
        },
        {
          "id": "giay-khen",
          "name": "Giấy khen của Chánh Văn phòng UBND tỉnh",
          "aliases": ["Giấy khen của Chánh Văn phòng Ủy ban nhân dân tỉnh"],
          "level": "Cấp cơ sở",
          "pending": false,
          "requiredParts": ["to-trinh", "bien-ban"],
          "minimumRating": "tot",
          "excellentYearsNeeded": 0,
          "initiativeRequired": true,
          "criteriaPlan": "29/KH-VPUB",
          "criteriaClauses": {"tap-the": "điểm 2.1 khoản 2 Mục II", "ca-nhan": "điểm 2.2 khoản 2 Mục II"},
          "quota": {"tap-the": 2, "ca-nhan": 5},
          "preferNonLeaders": false
        },
        {
          "id": "nha-nuoc",
          "name": "Khen thưởng cấp Nhà nước",
          "aliases": ["Cấp Nhà nước"],
          "level": "Cấp Nhà nước",
          "pending": true,
          "requiredParts": ["to-trinh", "bien-ban"],
          "minimumRating": null,
          "excellentYearsNeeded": 0,
          "initiativeRequired": false,
          "criteriaPlan": null,
          "criteriaClauses": {},
          "quota": {},
          "preferNonLeaders": false
        }
      ],
      "reportSections": {
        "individual": [
          {"title": "SƠ LƯỢC LÝ LỊCH", "numbering": "I", "aliases": [], "role": "biography"},
          {"title": "THÀNH TÍCH ĐẠT ĐƯỢC", "numbering": "II", "aliases": [], "role": "achievements"},
          {"title": "CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG", "numbering": "III", "aliases": ["CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"], "role": "awards"},
          {"title": "XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG", "numbering": null, "aliases": [], "role": "confirmation"}
        ],
        "collective": [
          {"title": "ĐẶC ĐIỂM, TÌNH HÌNH", "numbering": "I", "aliases": ["ĐẶC ĐIỂM TÌNH HÌNH"], "role": "biography"},
          {"title": "THÀNH TÍCH ĐẠT ĐƯỢC", "numbering": "II", "aliases": [], "role": "achievements"},
          {"title": "CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG", "numbering": "III", "aliases": ["CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"], "role": "awards"},
          {"title": "XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG", "numbering": null, "aliases": [], "role": "confirmation"}
        ]
      },
      "ratings": [
        {"id": "xuat-sac", "name": "Hoàn thành xuất sắc nhiệm vụ", "rank": 4, "abbreviations": ["HTXSNV", "HTXS"], "aliases": []},
        {"id": "tot", "name": "Hoàn thành tốt nhiệm vụ", "rank": 3, "abbreviations": ["HTTNV"], "aliases": []},
        {"id": "hoan-thanh", "name": "Hoàn thành nhiệm vụ", "rank": 2, "abbreviations": ["HTNV"], "aliases": ["Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"]},
        {"id": "khong-hoan-thanh", "name": "Không hoàn thành nhiệm vụ", "rank": 1, "abbreviations": ["KHTNV"], "aliases": []}
      ],
      "leadershipTitles": [
        "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng phòng", "Phó Trưởng phòng", "Trưởng ban", "Phó Trưởng ban",
        "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Tổ trưởng", "Tổ phó", "Chánh Thanh tra", "Phó Chánh Thanh tra"
      ],
      "registry": [
        {"type": "Kế hoạch", "number": "179/KH-UBND", "date": "2019-08-02", "issuer": "UBND tỉnh Sơn La",
         "title": "Kế hoạch tổ chức thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Sơn La thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025"},
        {"type": "Kế hoạch", "number": "29/KH-VPUB", "date": "2019-08-14", "issuer": "Văn phòng UBND tỉnh Sơn La",
         "title": "Kế hoạch tổ chức thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn La thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025"},
        {"type": "Hướng dẫn", "number": "856/HD-SNV", "date": "2022-05-15", "issuer": "Sở Nội vụ tỉnh Sơn La",
         "title": "Hướng dẫn sơ kết 03 năm thực hiện phong trào thi đua “Cán bộ, công chức, viên chức tỉnh Sơn La thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025"},
        {"type": "Nghị định", "number": "91/2017/NĐ-CP", "date": "2017-07-31", "issuer": "Chính phủ",
         "title": "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
         "supersededBy": "98/2023/NĐ-CP", "supersededFrom": "2024-01-01"},
        {"type": "Nghị định", "number": "98/2023/NĐ-CP", "date": "2023-12-31", "issuer": "Chính phủ",
         "title": "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"},
        {"type": "Nghị định", "number": "30/2020/NĐ-CP", "date": "2020-03-05", "issuer": "Chính phủ",
         "title": "Nghị định về công tác văn thư"}
      ],
      "reportForm": {"citation": "91/2017/NĐ-CP", "form": "Mẫu số 07"},
      "parentBody": "Văn phòng UBND tỉnh Sơn La"
    }
    """#
}
