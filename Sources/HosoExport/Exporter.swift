import HosoSemantics

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
    /// extension (`a.hoso` → `a.docx`; `a.hoso.txt`, as Notepad saves it, → `a.docx`).
    public static func defaultOutput(for source: String, format: Format) -> String {
        var base = source
        let lower = source.lowercased()
        for suffix in [".hoso.txt", ".hoso"] where lower.hasSuffix(suffix) {
            let stripped = String(source.dropLast(suffix.count))
            if !stripped.isEmpty && !stripped.hasSuffix("/") { base = stripped }
            break
        }
        return base + "." + format.fileExtension
    }
}
