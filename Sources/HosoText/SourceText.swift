/// How the bytes of a file were encoded on disk; kept so a rewrite can encode them the same way.
public enum SourceEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-8 preceded by the three bytes EF BB BF.
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little endian with its BOM.
    case utf16LE = "utf-16le"
    /// UTF-16 big endian with its BOM.
    case utf16BE = "utf-16be"
}

/// The line terminator a file mostly uses; inserted lines use the same one.
public enum LineEnding: String, Sendable, Equatable {
    case lf = "\n"
    case crlf = "\r\n"
}

/// The unit a position's `character` counts: LSP's three position encodings.
public enum PositionEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A 0-based line and a 0-based column counted in some `PositionEncoding`.
public struct TextPosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public var description: String { "\(line):\(character)" }
}

/// Decoded dossier text: UTF-8 bytes without a BOM, with a line index and position conversion.
///
/// Everything above the text layer addresses text by byte offsets into `bytes`; conversion to
/// what people count (scalar columns) and what LSP counts (UTF-16 by default) happens here only.
public struct SourceText: Sendable {
    /// The text as UTF-8, BOM removed. For UTF-16 files, the transcoded text.
    public let bytes: [UInt8]
    /// The encoding the file had on disk.
    public let encoding: SourceEncoding
    /// Byte offsets of line starts and line content ends.
    public let lineIndex: LineIndex

    /// Creates a text from UTF-8 bytes that are known to be valid (or were repaired with U+FFFD).
    public init(utf8 bytes: [UInt8], encoding: SourceEncoding = .utf8) {
        self.bytes = bytes
        self.encoding = encoding
        self.lineIndex = LineIndex(bytes)
    }

    /// A text whose line index was made elsewhere (`replacing(_:with:)`).
    init(utf8 bytes: [UInt8], encoding: SourceEncoding, lineIndex: LineIndex) {
        self.bytes = bytes
        self.encoding = encoding
        self.lineIndex = lineIndex
    }

    /// Creates a text from a Swift string (tests and editors' in-memory buffers).
    public init(_ string: String) {
        self.init(utf8: Array(string.utf8))
    }

    /// The line ending that most lines use (LF when the file has none).
    public var lineEnding: LineEnding { lineIndex.crlfCount > lineIndex.lfCount ? .crlf : .lf }

    /// Number of lines; a final line without terminator counts, an empty last line after a terminator too.
    public var lineCount: Int { lineIndex.lineCount }

    /// The bytes of a line without its terminator.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        lineIndex.lineStart(line)..<lineIndex.contentEnd(line)
    }

    /// The bytes of a line including its terminator.
    public func fullRange(ofLine line: Int) -> Range<Int> {
        let end = line + 1 < lineCount ? lineIndex.lineStart(line + 1) : bytes.count
        return lineIndex.lineStart(line)..<end
    }

    /// The 0-based line holding a byte offset (offsets inside a terminator belong to its line).
    public func line(ofByte offset: Int) -> Int {
        lineIndex.line(containing: offset)
    }

    /// The text of a byte range as a String (invalid sequences become U+FFFD).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[clamp(range)], as: UTF8.self)
    }

    /// `Folding.nfc` of a byte range: `string(range)` in NFC, checked on the bytes.
    public func nfcString(_ range: Range<Int>) -> String {
        let range = clamp(range)
        return bytes.withUnsafeBufferPointer { Folding.nfc(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `Folding.key` of a byte range, folded straight from the bytes (no String in between).
    public func key(_ range: Range<Int>) -> String {
        let range = clamp(range)
        return bytes.withUnsafeBufferPointer { Folding.key(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with the UTF-8 of `key(range)`, folded into a temporary buffer: no String is
    /// made unless the fold needs the general path.
    @inlinable
    public func withKey<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = clamp(range)
        return bytes.withUnsafeBufferPointer { all in
            let source = UnsafeBufferPointer(rebasing: all[range])
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, range.count)) { buffer in
                if let count = Folding.fastKey(utf8: source, into: buffer) {
                    return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
                }
                var key = Folding.key(utf8: source)
                return key.withUTF8(body)
            }
        }
    }

    /// Whether two byte ranges of the text hold the same bytes.
    public func bytes(_ a: Range<Int>, equal b: Range<Int>) -> Bool {
        let a = clamp(a), b = clamp(b)
        guard a.count == b.count else { return false }
        return bytes.withUnsafeBytes { raw in
            ByteScan.equal(UnsafeRawBufferPointer(rebasing: raw[a]), UnsafeRawBufferPointer(rebasing: raw[b]))
        }
    }

    /// Whether a byte range of the text holds the UTF-8 of `string`, byte for byte.
    public func bytes(_ range: Range<Int>, equal string: String) -> Bool {
        var string = string
        let range = clamp(range)
        return string.withUTF8 { wanted in
            guard wanted.count == range.count else { return false }
            return bytes.withUnsafeBytes { raw in ByteScan.equal(UnsafeRawBufferPointer(rebasing: raw[range]), UnsafeRawBufferPointer(wanted)) }
        }
    }

    /// The text of a line without its terminator.
    public func lineString(_ line: Int) -> String { string(contentRange(ofLine: line)) }

    /// Converts a byte offset to a 0-based line and a column counted in `encoding` units.
    ///
    /// An offset inside a multi-byte scalar rounds down to the scalar's start; an offset inside
    /// a line terminator is clamped to the end of the line's content.
    public func position(ofByte offset: Int, in encoding: PositionEncoding) -> TextPosition {
        var cursor = PositionCursor(self, encoding)
        return cursor.position(ofByte: offset)
    }

    /// The 1-based scalar column of a byte offset: what the CLI prints and what a person counts.
    public func scalarColumn1(ofByte offset: Int) -> Int {
        position(ofByte: offset, in: .utf32).character + 1
    }

    /// Converts a position to a byte offset; out-of-range lines and columns are clamped.
    ///
    /// A column past the end of the line gives the line's content end, as LSP requires; a column
    /// inside a surrogate pair (UTF-16) gives the start of that scalar.
    public func byteOffset(of position: TextPosition, in encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineCount { return bytes.count }
        let start = lineIndex.lineStart(position.line)
        let end = lineIndex.contentEnd(position.line)
        var remaining = max(0, position.character)
        var i = start
        while i < end && remaining > 0 {
            let width = UTF8Scalar.length(lead: bytes[i])
            let units: Int
            switch encoding {
            case .utf8: units = width
            case .utf16: units = width == 4 ? 2 : 1
            case .utf32: units = 1
            }
            if units > remaining { break }
            remaining -= units
            i = min(end, i + width)
        }
        return i
    }

    /// Counts the units of `encoding` in a byte range of valid UTF-8.
    static func units(_ bytes: [UInt8], _ range: Range<Int>, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8:
            return range.count
        case .utf32:
            var n = 0
            for i in range where bytes[i] & 0xC0 != 0x80 { n += 1 }
            return n
        case .utf16:
            var n = 0
            for i in range {
                let b = bytes[i]
                if b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
            }
            return n
        }
    }

    @usableFromInline func clamp(_ range: Range<Int>) -> Range<Int> {
        let lower = max(0, min(range.lowerBound, bytes.count))
        return lower..<max(lower, min(range.upperBound, bytes.count))
    }
}

/// Converts byte offsets to positions, resuming from the previous conversion when the next
/// offset lies later on the same line: findings in text order cost one pass over a long line,
/// not one pass each.
public struct PositionCursor {
    public let text: SourceText
    public let encoding: PositionEncoding
    private var line = -1, byte = 0, units = 0

    public init(_ text: SourceText, _ encoding: PositionEncoding) {
        self.text = text
        self.encoding = encoding
    }

    /// The position of `offset`: an offset inside a multi-byte scalar rounds down to its start,
    /// one inside a line terminator is clamped to the end of the line's content.
    public mutating func position(ofByte offset: Int) -> TextPosition {
        let bytes = text.bytes
        var offset = max(0, min(offset, bytes.count))
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        let line = text.line(ofByte: offset)
        let end = min(offset, text.lineIndex.contentEnd(line))
        if line != self.line || end < byte {
            self.line = line
            byte = text.lineIndex.lineStart(line)
            units = 0
        }
        units += SourceText.units(bytes, byte..<end, encoding)
        byte = end
        return TextPosition(line: line, character: units)
    }
}

/// Helpers for reading UTF-8 scalars straight from bytes.
public enum UTF8Scalar {
    /// The length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
    @inlinable @inline(__always)
    public static func length(lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar starting at `offset` in valid UTF-8 (an array or a buffer); returns it
    /// and its length, or U+FFFD and 1 for a sequence cut short by the end of `bytes`.
    @inlinable @inline(__always)
    public static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at offset: Int) -> (scalar: UInt32, length: Int)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let b0 = UInt32(bytes[offset])
        let length = length(lead: bytes[offset])
        guard offset + length <= bytes.count else { return (0xFFFD, 1) }
        switch length {
        case 1: return (b0, 1)
        case 2: return ((b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        case 3:
            return ((b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        default:
            return ((b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
        }
    }
}
