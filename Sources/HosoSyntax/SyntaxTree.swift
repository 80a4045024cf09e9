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
///
/// There is one per line, so it is kept small (about 48 bytes, not 230): offsets are 32-bit
/// (files are capped at 64 MB), an absent piece is a sentinel, and the rare place-date tokens
/// live in a box of their own.
public struct Element: Sendable, Equatable {
    public let kind: ElementKind
    @usableFromInline let start: UInt32, contentEnd: UInt32, end: UInt32
    @usableFromInline let markerRange: PackedRange, headRange: PackedRange, valueRange: PackedRange, numberingRange: PackedRange
    private let placeDateBox: PlaceDateBox?

    /// All bytes of the element, terminators included.
    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }
    /// The element without its final line terminator.
    @inlinable public var content: Range<Int> { Int(start)..<Int(contentEnd) }
    /// `#`…, `- `, `1. `: the marker, without the space after it.
    @inlinable public var marker: Range<Int>? { markerRange.range }
    /// Heading title (before any `:` argument), field key, or list item body.
    @inlinable public var head: Range<Int>? { headRange.range }
    /// Heading argument after `:` (nominee or report name), or field value; trimmed.
    @inlinable public var value: Range<Int>? { valueRange.range }
    /// A section heading's numbering (`II.`), when present.
    @inlinable public var numbering: Range<Int>? { numberingRange.range }
    /// The tokens of a place-date line.
    public var placeDate: PlaceDateSyntax? { placeDateBox?.syntax }

    public init(kind: ElementKind, range: Range<Int>, content: Range<Int>, marker: Range<Int>? = nil,
                head: Range<Int>? = nil, value: Range<Int>? = nil, numbering: Range<Int>? = nil,
                placeDate: PlaceDateSyntax? = nil) {
        precondition(content.lowerBound == range.lowerBound && content.upperBound <= range.upperBound)
        self.kind = kind
        start = UInt32(range.lowerBound)
        contentEnd = UInt32(content.upperBound)
        end = UInt32(range.upperBound)
        markerRange = PackedRange(marker)
        headRange = PackedRange(head)
        valueRange = PackedRange(value)
        numberingRange = PackedRange(numbering)
        placeDateBox = placeDate.map(PlaceDateBox.init)
    }

    /// The same element `delta` bytes further on (an edit before it moved it).
    public func shifted(by delta: Int) -> Element {
        func move(_ r: Range<Int>) -> Range<Int> { r.shifted(by: delta) }
        let dates = placeDate.map { PlaceDateSyntax(place: move($0.place), date: move($0.date), day: move($0.day),
                                                    month: move($0.month), year: move($0.year)) }
        return Element(kind: kind, range: move(range), content: move(content), marker: marker.map(move), head: head.map(move),
                       value: value.map(move), numbering: numbering.map(move), placeDate: dates)
    }

    public static func == (a: Element, b: Element) -> Bool {
        a.kind == b.kind && a.range == b.range && a.content == b.content && a.marker == b.marker && a.head == b.head
            && a.value == b.value && a.numbering == b.numbering && a.placeDate == b.placeDate
    }
}

/// An optional byte range in 8 bytes: `UInt32.max` as the start means none.
@usableFromInline struct PackedRange: Sendable {
    @usableFromInline let lower: UInt32, upper: UInt32

    init(_ range: Range<Int>?) {
        if let range {
            lower = UInt32(range.lowerBound)
            upper = UInt32(range.upperBound)
        } else {
            lower = .max
            upper = .max
        }
    }

    @inlinable var range: Range<Int>? { lower == .max ? nil : Int(lower)..<Int(upper) }
}

/// Place-date tokens out of line: most elements have none.
final class PlaceDateBox: Sendable {
    let syntax: PlaceDateSyntax
    init(_ syntax: PlaceDateSyntax) { self.syntax = syntax }
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
    /// The parser's context before each element (`Parser.reparse` starts from it).
    let states: [UInt8]
    /// Whether a comment opener found no `-->` (then any edit is parsed again in full).
    let hasUnclosedComment: Bool

    /// The elements whose byte ranges overlap `bytes` (an empty range: the element holding it).
    public func elements(overlapping bytes: Range<Int>) -> Range<Int> {
        let first = elements.partitionPoint { $0.range.upperBound > bytes.lowerBound }
        var end = first
        while end < elements.count && (elements[end].range.lowerBound < bytes.upperBound || end == first) { end += 1 }
        return first..<min(end, elements.count)
    }

    /// Bytes of an element piece as a String.
    public func string(_ range: Range<Int>) -> String { text.string(range) }
}

/// Which elements of a re-parsed tree (`Parser.reparse`) are the previous tree's: the first
/// `prefixCount` at the same offsets, and those from `suffixStart` on, which are the previous
/// tree's from `oldSuffixStart` on, moved by `byteDelta`. The ones in between are new.
public struct ElementReuse: Sendable, Equatable {
    public let prefixCount: Int
    public let suffixStart: Int
    public let oldSuffixStart: Int
    public let byteDelta: Int

    public init(prefixCount: Int, suffixStart: Int, oldSuffixStart: Int, byteDelta: Int) {
        self.prefixCount = prefixCount
        self.suffixStart = suffixStart
        self.oldSuffixStart = oldSuffixStart
        self.byteDelta = byteDelta
    }

    /// The new elements: neither at the start nor at the end of the previous tree.
    public var changed: Range<Int> { prefixCount..<suffixStart }
}
