import HosoText

/// HS001: the bytes are not UTF-8 (nor UTF-16 with a BOM): names the likely legacy encoding, a
/// Word, OpenDocument or PDF file, a NUL byte, BOM-less UTF-16 or a broken surrogate pair.
public struct HS001: Rule {
    public static let code = "HS001"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Tệp không phải văn bản Unicode (UTF-8)",
                                            en: "File is not Unicode (UTF-8) text")
    public static let fixAvailability = FixAvailability.unsafe
    /// Nothing else is checked in such a file: turned down, an unread file would pass as clean.
    public static let severityIsFixed = true
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Tệp chứa byte không hợp lệ trong UTF-8, thường do soạn bằng bảng mã cũ (TCVN3/ABC, VNI-Windows, Windows-1258). Khi gặp lỗi này, các quy tắc khác không được kiểm tra trên tệp đó. Khi tệp đọc theo TCVN3 hoặc VNI chắc chắn là tiếng Việt, có sửa nhanh (không an toàn, cần đọc lại) chuyển mã cả tệp sang UTF-8. Cũng báo khi tệp là tệp Word (.docx, .doc), OpenDocument (.odt), PDF hay tệp nén zip (nói rõ là tệp gì và cách lưu thành văn bản), khi tệp có byte NUL (tệp nhị phân khác đặt tên .hoso), là UTF-16 không có BOM, hoặc là UTF-16 có nửa cặp surrogate đứng một mình.",
            en: "The file holds bytes that are not valid UTF-8, usually because it was typed in a legacy encoding (TCVN3/ABC, VNI-Windows, Windows-1258). No other rule runs on such a file. When the file read as TCVN3 or VNI is surely Vietnamese, an unsafe fix (proofread it) converts the whole file to UTF-8. Also reported for a Word (.docx, .doc), OpenDocument (.odt), PDF or zip file (saying which, and how to save it as text), a NUL byte (another binary file named .hoso), UTF-16 without a byte order mark, and UTF-16 with half a surrogate pair standing alone."),
        basis: LocalizedText(vi: "Nghị định 30/2020/NĐ-CP: văn bản dùng bộ mã Unicode theo TCVN 6909:2001.",
                             en: "Decree 30/2020/NĐ-CP: documents use Unicode per TCVN 6909:2001."),
        failingExample: "{note:(tệp lưu bằng bảng mã TCVN3: \"Céng hßa\" dưới dạng byte)|(a file saved in TCVN3: \"Céng hßa\" as bytes)}",
        passingExample: "Đơn vị: Phòng Tổ chức - Hành chính - Quản trị",
        fix: LocalizedText(vi: "Chuyển mã tệp sang Unicode dựng sẵn (UTF-8), ví dụ bằng Unikey: Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích Unicode.",
                           en: "Convert the file to precomposed Unicode (UTF-8), e.g. with Unikey's converter from TCVN3 or VNI to Unicode."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        guard let problem = context.encodingProblem else { return }
        let line = min(problem.line, context.text.lineCount - 1)
        let (message, fixes) = Self.message(problem, line: line, text: context.text)
        sink.report(context.text.contentRange(ofLine: line), message, fixes: fixes)
    }

    /// What a Word, OpenDocument or PDF file is, and how to make a dossier of it.
    static func documentMessage(_ format: DocumentFormat) -> LocalizedText {
        let saveAsText = LocalizedText(
            vi: "chọn Lưu thành… / Save As → Văn bản thuần (.txt), mã hoá UTF-8, rồi đổi đuôi thành .hoso",
            en: "choose Save As → Plain Text (.txt), encoding UTF-8, then rename it to .hoso")
        let what: LocalizedText
        switch format {
        case .docx:
            what = LocalizedText(vi: "Đây là tệp Word (.docx), không phải văn bản: mở bằng Word, \(saveAsText.vi)",
                                 en: "This is a Word file (.docx), not text: open it in Word, \(saveAsText.en)")
        case .doc:
            what = LocalizedText(vi: "Đây là tệp Word cũ (.doc) hoặc tệp Office cũ khác, không phải văn bản: mở bằng Word, \(saveAsText.vi)",
                                 en: "This is an old Word file (.doc) or another old Office file, not text: open it in Word, \(saveAsText.en)")
        case .odt:
            what = LocalizedText(
                vi: "Đây là tệp OpenDocument (.odt, LibreOffice Writer), không phải văn bản: mở bằng LibreOffice Writer, chọn Lưu thành… / Save As → Văn bản (.txt), bộ ký tự Unicode (UTF-8), rồi đổi đuôi thành .hoso",
                en: "This is an OpenDocument file (.odt, LibreOffice Writer), not text: open it in LibreOffice Writer, choose Save As → Text (.txt), character set Unicode (UTF-8), then rename it to .hoso")
        case .zip:
            what = LocalizedText(
                vi: "Đây là tệp nén zip (hoặc tệp Excel, PowerPoint, OpenDocument…), không phải văn bản: hồ sơ phải là văn bản thuần; hãy chép nội dung vào một trình soạn thảo văn bản rồi lưu dưới dạng UTF-8 với đuôi .hoso",
                en: "This is a zip file (or an Excel, PowerPoint, OpenDocument… file), not text: a dossier is plain text; copy its content into a text editor and save it as UTF-8 with the extension .hoso")
        case .pdf:
            what = LocalizedText(
                vi: "Đây là tệp PDF, không phải văn bản: mở tệp gốc (thường là tệp Word) đã dùng để tạo PDF, \(saveAsText.vi)",
                en: "This is a PDF file, not text: open the file the PDF was made from (usually a Word file), \(saveAsText.en)")
        }
        return LocalizedText(vi: "\(what.vi); các lỗi khác chưa được kiểm tra.", en: "\(what.en); nothing else was checked.")
    }

    /// What to say about the problem, and the whole-file conversion when the legacy encoding is certain.
    static func message(_ problem: EncodingProblem, line: Int, text: SourceText) -> (LocalizedText, [Fix]) {
        switch problem.kind {
        case .nulByte:
            return (LocalizedText(
                vi: "Tệp có byte NUL (dòng \(line + 1)): đây là tệp nhị phân (ví dụ .doc, .pdf) hoặc văn bản ở bảng mã hoso không đọc được, không phải hồ sơ văn bản. Hãy mở bằng trình soạn thảo văn bản và lưu dưới dạng UTF-8; các lỗi khác chưa được kiểm tra.",
                en: "The file holds a NUL byte (line \(line + 1)): it is a binary file (such as .doc or .pdf) or text in an encoding hoso does not read, not a text dossier. Open it in a text editor and save it as UTF-8; nothing else was checked."), [])
        case .utf16WithoutBOM:
            return (LocalizedText(
                vi: "Tệp là UTF-16 nhưng không có BOM ở đầu, nên không chắc đọc đúng. Hãy lưu lại dưới dạng UTF-8 (trong Notepad: Lưu thành… > Mã hoá: UTF-8); các lỗi khác chưa được kiểm tra.",
                en: "The file is UTF-16 without a byte order mark, so it cannot be read reliably. Save it again as UTF-8 (in Notepad: Save as… > Encoding: UTF-8); nothing else was checked."), [])
        case .unpairedSurrogate:
            return (LocalizedText(
                vi: "Tệp UTF-16 bị hỏng ở dòng \(line + 1): có nửa cặp thay thế (surrogate) đứng một mình, hiện thành \"�\". Hãy sửa chữ đó rồi lưu lại dưới dạng UTF-8; các lỗi khác chưa được kiểm tra.",
                en: "The UTF-16 file is damaged on line \(line + 1): half of a surrogate pair stands alone, shown as \"�\". Fix that character and save the file as UTF-8; nothing else was checked."), [])
        case .document(let format):
            return (documentMessage(format), [])
        case .invalidUTF8:
            break
        }
        let encodingName = problem.likelyEncoding == .unknown
            ? LocalizedText(vi: "không rõ bảng mã", en: "unknown encoding")
            : LocalizedText(vi: "có lẽ là bảng mã \(problem.likelyEncoding.rawValue)", en: "probably \(problem.likelyEncoding.rawValue)")
        var fixes: [Fix] = []
        if let converted = problem.converted {
            let name = problem.likelyEncoding.rawValue
            fixes = [Fix(title: LocalizedText(vi: "Chuyển mã cả tệp từ \(name) sang Unicode (UTF-8)", en: "Convert the whole file from \(name) to Unicode (UTF-8)"),
                         edits: [TextEdit(range: 0..<text.bytes.count, newText: converted)], isSafe: false)]
        }
        let how = fixes.isEmpty
            ? LocalizedText(vi: "Hãy chuyển mã sang Unicode dựng sẵn (UTF-8), ví dụ bằng Unikey, rồi kiểm tra lại",
                            en: "Convert it to precomposed Unicode (UTF-8), e.g. with Unikey, and check again")
            : LocalizedText(vi: "Có thể chuyển mã cả tệp sang UTF-8 (sửa nhanh trong trình soạn thảo, hoặc `hoso lint --fix --unsafe-fixes`), đọc lại rồi kiểm tra lại",
                            en: "The whole file can be converted to UTF-8 (a quick fix in the editor, or `hoso lint --fix --unsafe-fixes`); proofread it and check again")
        return (LocalizedText(
            vi: "Tệp không phải UTF-8 hợp lệ (byte lỗi đầu tiên ở dòng \(line + 1); \(encodingName.vi)). \(how.vi); các lỗi khác chưa được kiểm tra.",
            en: "The file is not valid UTF-8 (first bad byte on line \(line + 1); \(encodingName.en)). \(how.en); nothing else was checked."), fixes)
    }
}
