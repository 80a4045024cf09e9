/// The papers a dossier stands for, as blocks a writer lays out (NĐ 30/2020 Phụ lục I).
///
/// The model says *what* is printed (texts, which are headings, which are tables); the writers
/// (`DOCXWriter`, `HTMLWriter`) say *how* (fonts, sizes, rules, page breaks), the same way.
/// Every text is final: blanks to fill by hand are already dotted (`Blank`).

/// A run of text in one emphasis.
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// A paragraph of the body.
public struct Paragraph: Sendable, Equatable {
    /// How a paragraph stands on the page.
    public enum Kind: Sendable, Equatable {
        /// Justified, with a first-line indent and space between paragraphs.
        case body
        /// A section heading (`I. SƠ LƯỢC LÝ LỊCH`): bold, otherwise like body text.
        case heading
        /// Centred (`Kính gửi: …`).
        case centered
        /// A centred note in italics, a size smaller (`(Mẫu số 07 ban hành kèm theo …)`).
        case note
    }

    public var kind: Kind
    public var runs: [TextRun]

    public init(_ kind: Kind, _ runs: [TextRun]) {
        self.kind = kind
        self.runs = runs
    }

    /// The text without emphasis.
    public var text: String { runs.map(\.text).joined() }
}

/// The top of every paper: the agency block (left) and the national motto (right), with `Số:`
/// and the place-date line on one row under them.
public struct HeaderBlock: Sendable, Equatable {
    /// `Cơ quan chủ quản`, upper case (or dots); a ` - ` in it has a no-break space before the
    /// hyphen (`HeaderBlock.keepingHyphens`).
    public var parentBody: String
    /// The issuing unit, upper case (or dots), hyphens kept as in `parentBody`.
    public var unit: String
    /// `Số: 12/TTr-TCHCQT`; nil where the paper has no number (a Báo cáo thành tích).
    public var number: String?
    /// `Sơn La, ngày 18 tháng 5 năm 2022` (or dots).
    public var placeDate: String

    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    public static let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// `Độc lập - Tự do - Hạnh phúc`.
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    /// `PHÒNG HÀNH CHÍNH - VĂN THƯ` with a no-break space before each ` - `'s hyphen, so a line
    /// of the narrow agency column may end after `- ` but never starts with a hyphen. The text
    /// stays the same words for search and copy (only the space is U+00A0).
    public static func keepingHyphens(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let dash = rest.firstRange(of: " - ") {
            out += rest[..<dash.lowerBound] + "\u{00A0}- "
            rest = rest[dash.upperBound...]
        }
        return out + rest
    }
}

/// A ruled table (a list of nominees, the votes): a heading row, then one row per item.
public struct Table: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// Share of the line, in per cent; the columns of a table add up to 100.
        public var width: Int
        /// Whether cells are centred (numbers) rather than on the left (names).
        public var centered: Bool
    }

    public var columns: [Column]
    public var rows: [[String]]
}

/// One line of a signature column, Nơi nhận included.
public enum SignatureLine: Sendable, Equatable {
    /// The signer's title or role, upper case, bold (`TRƯỞNG PHÒNG`, `CHỦ TRÌ`, `KT. TRƯỞNG PHÒNG`).
    case role(String)
    /// The signer's own title right under a `KT.`/`TL.`/`TM.` role (`PHÓ TRƯỞNG PHÒNG` under
    /// `KT. TRƯỞNG PHÒNG`, NĐ 30/2020): upper case, bold, without the space above a role.
    case ownTitle(String)
    /// A direction in italics (`(Ký, ghi rõ họ và tên)`).
    case hint(String)
    /// Plain centred text (what a confirmation says).
    case text(String)
    /// Room to sign and stamp.
    case room
    /// The signer's name, bold.
    case name(String)
    /// `Nơi nhận:`, 12 pt bold italic.
    case recipientsLabel
    /// One recipient, 11 pt, written as printed (`- Như trên;`, `- Lưu: VT, TCHCQT.`).
    case recipient(String)
}

/// A piece of a paper, in reading order.
public enum Block: Sendable, Equatable {
    case header(HeaderBlock)
    /// The document's name: `TỜ TRÌNH`, `BIÊN BẢN`, `BÁO CÁO THÀNH TÍCH`.
    case title(String)
    /// The trích yếu (`Về việc …`), bold and centred, with a short rule under its last line.
    case subject(String)
    case paragraph(Paragraph)
    case table(Table)
    /// Two columns side by side: Nơi nhận or a second signer on the left, the signer on the right.
    case signatures(left: [SignatureLine], right: [SignatureLine])
}

/// One printed document: it starts on a new page, and its pages are numbered on their own.
public struct Paper: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case toTrinh, bienBan, report
    }

    public var kind: Kind
    /// What the paper is, for messages: `Tờ trình`, `Báo cáo thành tích: Nguyễn Thị Hoa`.
    public var name: String
    public var blocks: [Block]
}

/// What is printed where the dossier leaves something out: a dotted line to fill by hand.
public enum Blank {
    /// A long blank: a name, a unit, a title.
    public static let line = String(repeating: "…", count: 14)
    /// A short blank: a number, a code.
    public static let short = String(repeating: "…", count: 4)
    /// A place-date line with every part blank.
    public static let placeDate = "\(short), ngày \(short) tháng \(short) năm \(short)"
}
