/// The page and type of NĐ 30/2020 Phụ lục I, shared by both writers so the DOCX and the HTML
/// print the same pages: A4 portrait, Times New Roman, black.
enum PageLayout {
    static let pageWidth = 210.0, pageHeight = 297.0
    /// Margins in millimetres (top and bottom 20–25, left 30–35, right 15–20).
    static let top = 20.0, bottom = 20.0, left = 30.0, right = 15.0
    /// The width of the text, in millimetres.
    static var textWidth: Double { pageWidth - left - right }
    /// Padding on each side of a table cell, in millimetres.
    static let cellPadding = 1.5

    /// Type sizes, in points.
    static let body = 14.0, nation = 12.0, agency = 12.0, motto = 13.0, number = 13.0, placeDate = 14.0
    static let title = 14.0, table = 13.0, note = 13.0, recipientsLabel = 12.0, recipient = 11.0, pageNumber = 13.0
    /// First-line indent of body paragraphs, in millimetres (1–1.27 cm).
    static let indent = 12.7
    /// Space between body paragraphs, in points (at least 6).
    static let paragraphSpace = 6.0
    /// Line spacing of body text, as a multiple of single (single to 1.5).
    static let lineSpacing = 1.15
    /// The share of the line the signatures' left column (Nơi nhận) takes; the signer the rest.
    static let signatureLeftShare = 0.45
    /// Room left to sign and stamp, in millimetres.
    static let signingRoom = 24.0

    /// The width of the agency block's column and of the motto's, in millimetres: the agency's
    /// is 45% of the line, so `ỦY BAN NHÂN DÂN TỈNH SƠN LA` (67 mm at 12 pt) and most units
    /// wrap at most once; the motto's takes `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (88.3 mm at
    /// 12 pt bold) on one line, with the header's narrower cell padding.
    static let agencyColumn = 74.0
    static var mottoColumn: Double { textWidth - agencyColumn }
    /// Padding on each side of a header cell, in millimetres: narrower than other tables' so
    /// the motto's column holds the nation's name.
    static let headerCellPadding = 0.75
    /// The hanging indent of a Nơi nhận item, in millimetres: a wrapped item's next lines start
    /// under its text, not under its `- ` (that is 2.3 mm at 11 pt).
    static let recipientHanging = 2.3

    /// The rule under the motto: as long as the line (what the motto's text measures).
    static var mottoRule: Double { millimetres(TextWidth.points(HeaderBlock.motto, size: motto, bold: true)) + 1 }

    /// The short rule under the unit: 40% of its line (1/3–1/2), the line being the unit's
    /// text or, when it wraps, the column.
    static func unitRule(_ unit: String) -> Double {
        let line = min(millimetres(TextWidth.points(unit, size: agency, bold: true)), agencyColumn - 2 * headerCellPadding)
        return max(15, (line * 0.4).rounded())
    }

    /// The short rule under the trích yếu: a third of its (last full) line, 20–60 mm.
    static func subjectRule(_ subject: String) -> Double {
        let line = min(millimetres(TextWidth.points(subject, size: title, bold: true)), textWidth)
        return min(60, max(20, (line / 3).rounded()))
    }

    /// Points in millimetres.
    static func millimetres(_ points: Double) -> Double { points * 25.4 / 72 }
    /// Millimetres in twentieths of a point (DOCX's twips).
    static func twips(_ mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
}
