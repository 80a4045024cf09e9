import HosoSemantics
import HosoText

/// `hoso export`'s one entry point: a dossier's papers in a file format.
public enum Exporter {
    /// The formats papers are written in.
    public enum Format: String, Sendable, CaseIterable {
        case docx, html

        /// The file name extension, without the dot.
        public var fileExtension: String { rawValue }

        /// The format a file name's extension names (`.docx`, `.html`, `.htm`, in any case).
        public init?(pathExtensionOf path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            switch name[name.index(after: dot)...].lowercased() {
            case "docx": self = .docx
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    /// The exported file's bytes and the papers it holds.
    public struct Output: Sendable {
        public let bytes: [UInt8]
        public let papers: [Paper]
    }

    /// Why a dossier cannot be printed, in both languages: nothing would come out but dotted
    /// lines, so nothing is written.
    public struct Refusal: Sendable, Equatable, Error {
        public let vi: String
        public let en: String
    }

    /// Why the dossier of `text` cannot be printed, or nil when it can: a file that is not
    /// Unicode text (HS001: a legacy encoding, binary bytes, UTF-16 without a BOM) or that holds
    /// nothing but blanks. `shown` names the file in the advice (`-` for standard input). A
    /// dossier that reads but has errors is printed (with a warning the caller gives).
    public static func refusal(_ text: SourceText, problem: EncodingProblem?, shown: String) -> Refusal? {
        if let problem {
            let reading = "\"\(shown)\" không phải văn bản Unicode (HS001), bản in sẽ chỉ có dấu chấm; chưa xuất gì. "
            let reads = "\"\(shown)\" is not Unicode text (HS001), so the papers would hold only dotted lines; nothing was exported. "
            if problem.converted != nil {
                let name = problem.likelyEncoding.rawValue
                return Refusal(vi: reading + "Tệp viết bằng bảng mã \(name): chuyển sang UTF-8 bằng `hoso lint --fix --unsafe-fixes \(shown)`, đọc soát lại rồi xuất lại",
                               en: reads + "It is written in \(name): convert it to UTF-8 with `hoso lint --fix --unsafe-fixes \(shown)`, proofread it, then export again")
            }
            let what: (vi: String, en: String)
            switch problem.kind {
            case .nulByte: what = ("Tệp có byte NUL (tệp nhị phân, hoặc bảng mã hoso không đọc được)", "It holds NUL bytes (a binary file, or an encoding hoso does not read)")
            case .utf16WithoutBOM: what = ("Tệp là UTF-16 không có BOM", "It is UTF-16 without a byte order mark")
            case .unpairedSurrogate: what = ("Tệp UTF-16 bị hỏng", "It is damaged UTF-16")
            case .invalidUTF8: what = ("Không nhận ra bảng mã của tệp", "Its encoding is not one hoso recognises")
            case .document:
                // A Word, OpenDocument or PDF file: the lint message (HS001) says how to save it as text.
                return Refusal(vi: reading + "Đây là tệp văn bản của Word/LibreOffice hoặc PDF, không phải hồ sơ dạng chữ; xem `hoso lint \(shown)` để biết cách lưu thành .hoso",
                               en: reads + "It is a Word/LibreOffice document or a PDF, not a text dossier; `hoso lint \(shown)` says how to save it as .hoso")
            }
            return Refusal(vi: reading + what.vi + ": mở hồ sơ trong trình soạn thảo, lưu lại dưới dạng văn bản UTF-8 rồi xuất lại",
                           en: reads + what.en + ": open the dossier in an editor, save it as UTF-8 text, then export again")
        }
        if !text.bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) {
            return Refusal(vi: "\"\(shown)\" trống, không có gì để in; chưa xuất gì. Viết hồ sơ trước (bắt đầu từ mẫu: `hoso new`)",
                           en: "\"\(shown)\" is empty, there is nothing to print; nothing was exported. Write the dossier first (start from a skeleton: `hoso new`)")
        }
        return nil
    }

    /// The dossier's papers written in `format`; `created` (seconds since 1970, UTC) dates the DOCX.
    public static func export(_ dossier: Dossier, format: Format, created: Int64) -> Output {
        let papers = PaperBuilder(dossier).papers()
        let title = documentTitle(dossier)
        switch format {
        case .docx: return Output(bytes: DOCXWriter.document(papers, metadata: .init(title: title, created: created)), papers: papers)
        case .html: return Output(bytes: Array(HTMLWriter.document(papers, title: title).utf8), papers: papers)
        }
    }

    /// `Hồ sơ đề nghị khen thưởng - Phòng Kinh tế - Tổng hợp`.
    static func documentTitle(_ dossier: Dossier) -> String {
        let unit = dossier.preambleFields.first { $0.key == .unit && !$0.isBlank }.map { InlineText.printable($0.value) }
        return "Hồ sơ đề nghị khen thưởng" + (unit.map { " - " + $0 } ?? "")
    }

    /// Whether `bytes` are a file hoso exported (and nobody saved since): a DOCX still stored
    /// as hoso stores it, naming hoso as its application (Word and LibreOffice rewrite that part
    /// and compress it); an HTML page with hoso's generator line.
    public static func isOwnExport(_ bytes: [UInt8], format: Format) -> Bool {
        let mark = format == .docx ? "<Application>hoso</Application>" : "<meta name=\"generator\" content=\"hoso\">"
        let needle = Array(mark.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Where an export of `source` goes by default: beside it, named like it with the format's
    /// extension in place of its own (`a.hoso` → `a.docx`; `a.hoso.txt`, as Notepad saves it,
    /// → `a.docx`; `ghi-chu.txt` → `ghi-chu.docx`; `ho-so` → `ho-so.docx`).
    public static func defaultOutput(for source: String, format: Format) -> String {
        var base = source
        let lower = source.lowercased()
        let name = source.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? source
        if let suffix = [".hoso.txt", ".hoso"].first(where: { lower.hasSuffix($0) && name.count > $0.count }) {
            base = String(source.dropLast(suffix.count))
        } else if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            base = String(source.dropLast(name.distance(from: dot, to: name.endIndex)))
        }
        return base + "." + format.fileExtension
    }
}
