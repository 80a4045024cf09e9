import HosoText

/// HS001: the bytes are not UTF-8 (nor UTF-16 with a BOM); names the likely legacy encoding.
public struct HS001: Rule {
    public static let code = "HS001"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Tệp không phải văn bản Unicode (UTF-8)",
                                            en: "File is not Unicode (UTF-8) text")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tệp chứa byte không hợp lệ trong UTF-8, thường do soạn bằng bảng mã cũ (TCVN3/ABC, VNI-Windows, Windows-1258). Khi gặp lỗi này, các quy tắc khác không được kiểm tra trên tệp đó.",
            en: "The file holds bytes that are not valid UTF-8, usually because it was typed in a legacy encoding (TCVN3/ABC, VNI-Windows, Windows-1258). No other rule runs on such a file."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: văn bản dùng bộ mã Unicode theo TCVN 6909:2001.",
                             en: "Decree 30/2020/NĐ-CP: documents use Unicode per TCVN 6909:2001."),
        failingExample: "(tệp lưu bằng bảng mã TCVN3: \"Céng hßa\" dưới dạng byte)",
        passingExample: "Đơn vị: Phòng Tổ chức - Hành chính - Quản trị",
        fix: LocalizedText(vi: "Chuyển mã tệp sang Unicode dựng sẵn (UTF-8), ví dụ bằng Unikey: Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích Unicode.",
                           en: "Convert the file to precomposed Unicode (UTF-8), e.g. with Unikey's converter from TCVN3 or VNI to Unicode."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        guard let problem = context.encodingProblem else { return }
        let line = min(problem.line, context.text.lineCount - 1)
        let encodingName: LocalizedText
        switch problem.likelyEncoding {
        case .unknown:
            encodingName = LocalizedText(vi: "không rõ bảng mã", en: "unknown encoding")
        default:
            encodingName = LocalizedText(vi: "có lẽ là bảng mã \(problem.likelyEncoding.rawValue)",
                                         en: "probably \(problem.likelyEncoding.rawValue)")
        }
        sink.report(context.text.contentRange(ofLine: line), LocalizedText(
            vi: "Tệp không phải UTF-8 hợp lệ (byte lỗi đầu tiên ở dòng \(line + 1); \(encodingName.vi)). Hãy chuyển mã sang Unicode dựng sẵn (UTF-8) rồi kiểm tra lại; các lỗi khác chưa được kiểm tra.",
            en: "The file is not valid UTF-8 (first bad byte on line \(line + 1); \(encodingName.en)). Convert it to precomposed Unicode (UTF-8) and check again; nothing else was checked."))
    }
}
