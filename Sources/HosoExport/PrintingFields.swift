import HosoSemantics
import HosoSyntax
import HosoText

/// The printing fields: what a paper needs and the text does not say (`hoso export --help`).
///
/// The parser knows none of them (they are prose to it, so lint never flags them); the export
/// finds them as `Key: value` lines of their part, emphasis and a list marker allowed, anywhere
/// in the part (a nominee block or a section included).
public enum PrintingKey: String, Sendable, CaseIterable {
    /// Preamble `Cơ quan chủ quản:` — the parent body printed above the unit.
    case parentBody = "co quan chu quan"
    /// Tờ trình `Người ký:` `NAME, TITLE`.
    case signer = "nguoi ky"
    /// Tờ trình `Nơi nhận:` recipients separated by `;`.
    case recipients = "noi nhan"
    /// Báo cáo thành tích `Người báo cáo:` `NAME, TITLE` (an individual's report).
    case reporter = "nguoi bao cao"
    /// Báo cáo thành tích `Thủ trưởng đơn vị:` `NAME, TITLE` (a collective's report).
    case head = "thu truong don vi"
}

/// A printing field found in a dossier: its key, its element and its value (printable, trimmed).
struct PrintingField {
    let key: PrintingKey
    let element: Int
    let value: String

    /// The printing field an element holds, if it is a prose line or a list item of the form
    /// `Key: value` with one of `keys`.
    static func at(_ index: Int, in tree: SyntaxTree, keys: Set<PrintingKey>) -> PrintingField? {
        let element = tree.elements[index]
        let range: Range<Int>
        switch element.kind {
        case .prose: range = element.content
        case .listItem: range = element.head ?? element.content
        default: return nil
        }
        let line = tree.string(range)
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 60 else { return nil }
        let keyText = line[..<colon].filter { $0 != "*" && $0 != "_" }
        guard let key = PrintingKey(rawValue: Folding.key(keyText)), keys.contains(key) else { return nil }
        // The emphasis that closes around the key (`**Người ký:** …`) ends before the value.
        var value = Substring(line[line.index(after: colon)...])
        while let first = value.first, first == " " || first == "*" || first == "_" { value = value.dropFirst() }
        return PrintingField(key: key, element: index, value: InlineText.plain(String(value)))
    }

    /// The first field of each of `keys` among `elements`.
    static func find(_ keys: Set<PrintingKey>, in elements: Range<Int>, of tree: SyntaxTree) -> [PrintingKey: PrintingField] {
        var found: [PrintingKey: PrintingField] = [:]
        for i in elements {
            if let field = at(i, in: tree, keys: keys), found[field.key] == nil { found[field.key] = field }
        }
        return found
    }
}

/// A person who signs: `Lê Văn Bình, Trưởng phòng` (`Ông`/`Bà`/`Đồng chí` in front dropped).
struct Signer: Equatable {
    let name: String
    let title: String

    init(name: String, title: String) {
        self.name = name
        self.title = title
    }

    /// Reads `NAME, TITLE`; nil when nothing but dots was written.
    init?(_ text: String) {
        let value = InlineText.plain(text)
        guard value.contains(where: { $0.isLetter }) else { return nil }
        var name = value, title = ""
        if let comma = value.firstIndex(of: ",") {
            name = String(value[..<comma])
            title = String(value[value.index(after: comma)...])
        }
        name = Self.trimmed(name)
        for honorific in ["Ông ", "Bà ", "Đồng chí ", "Đ/c ", "đ/c ", "ông ", "bà ", "đồng chí "] where name.hasPrefix(honorific) {
            name = Self.trimmed(String(name.dropFirst(honorific.count)))
            break
        }
        self.init(name: name, title: Self.trimmed(title))
    }

    /// Without spaces around it and the sentence's last full stop.
    static func trimmed(_ text: String) -> String {
        var out = Substring(text)
        while let first = out.first, first == " " { out = out.dropFirst() }
        while let last = out.last, last == " " || last == "." || last == ";" { out = out.dropLast() }
        return String(out)
    }
}
