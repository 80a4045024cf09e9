import HosoText

/// What a line (or, for comments, a run of lines) is, as the parser recognized it.
public enum ElementKind: Sendable, Equatable {
    /// Only whitespace.
    case blank
    /// `<!-- … -->`, possibly spanning lines.
    case comment
    /// `# ` title: a part.
    case partHeading
    /// `## ` title: a section.
    case sectionHeading
    /// `### ` title: a nominee block (or another sub-block).
    case blockHeading
    /// `#### ` and deeper: kept as a heading with no structure.
    case minorHeading
    /// `Key: value` where Key is a field key known in the line's context.
    case field(FieldKey)
    /// `PLACE, ngày D tháng M năm YYYY` alone on a line.
    case placeDate
    /// `- `, `* `, `+ `, `1. ` or `a) ` at the start of a line.
    case listItem
    /// Anything else.
    case prose
}

/// The date tokens of a place-date line; each number range is empty when the number is blank.
public struct PlaceDateSyntax: Sendable, Equatable {
    /// The place before the comma ("Sơn La").
    public let place: Range<Int>
    /// From "ngày" to the end of the year.
    public let date: Range<Int>
    public let day: Range<Int>
    public let month: Range<Int>
    public let year: Range<Int>
}

/// One element of the flat, lossless element list: its kind and the byte ranges of its pieces.
///
/// The elements of a tree tile the text: each starts where the previous ended, and together
/// they cover every byte, so printing their ranges in order gives back the file.
public struct Element: Sendable, Equatable {
    public let kind: ElementKind
    /// All bytes of the element, terminators included.
    public let range: Range<Int>
    /// The element without its final line terminator.
    public let content: Range<Int>
    /// `#`…, `- `, `1. `: the marker, without the space after it.
    public let marker: Range<Int>?
    /// Heading title (before any `:` argument), field key, or list item body.
    public let head: Range<Int>?
    /// Heading argument after `:` (nominee or report name), or field value; trimmed.
    public let value: Range<Int>?
    /// A section heading's numbering (`II.`), when present.
    public let numbering: Range<Int>?
    /// The tokens of a place-date line.
    public let placeDate: PlaceDateSyntax?

    public init(kind: ElementKind, range: Range<Int>, content: Range<Int>, marker: Range<Int>? = nil,
                head: Range<Int>? = nil, value: Range<Int>? = nil, numbering: Range<Int>? = nil,
                placeDate: PlaceDateSyntax? = nil) {
        self.kind = kind
        self.range = range
        self.content = content
        self.marker = marker
        self.head = head
        self.value = value
        self.numbering = numbering
        self.placeDate = placeDate
    }
}

/// A `### ` block: its heading and the elements up to the next heading of level ≤ 3.
public struct BlockNode: Sendable {
    /// Index of the heading element.
    public let heading: Int
    /// Indices of all elements of the block, heading included.
    public let elements: Range<Int>
}

/// A `## ` section: its heading, its own elements and its blocks.
public struct SectionNode: Sendable {
    public let heading: Int
    /// Indices of all elements of the section, heading included.
    public let elements: Range<Int>
    public let blocks: [BlockNode]
}

/// A `# ` part: its heading, recognized kind, and its sections and blocks.
public struct PartNode: Sendable {
    public let heading: Int
    public let kind: PartKind
    /// Indices of all elements of the part, heading included.
    public let elements: Range<Int>
    public let sections: [SectionNode]
    /// `###` blocks that stand directly in the part, before its first section.
    public let blocks: [BlockNode]
}

/// The lossless syntax tree of one dossier: a flat element list with the heading hierarchy over it.
public struct SyntaxTree: Sendable {
    public let text: SourceText
    public let elements: [Element]
    /// Indices of the elements before the first part.
    public let preamble: Range<Int>
    public let parts: [PartNode]

    /// Bytes of an element piece as a String.
    public func string(_ range: Range<Int>) -> String { text.string(range) }
}
