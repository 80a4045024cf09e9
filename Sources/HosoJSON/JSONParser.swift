/// Why bytes are not JSON: where, and what is wrong there, in Vietnamese and English.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// Byte offset into the text given to the parser.
    public let offset: Int
    public let vi: String
    public let en: String

    public var description: String { "at byte \(offset): \(en)" }

    init(offset: Int, vi: String, en: String) {
        self.offset = offset
        self.vi = vi
        self.en = en
    }

    /// "expected X" in both languages.
    init(offset: Int, expected: Expectation) {
        self.init(offset: offset, vi: "cần \(expected.vi)", en: "expected \(expected.en)")
    }

    /// What the parser wanted where it stopped.
    struct Expectation {
        let vi: String
        let en: String
        static let value = Expectation(vi: "một giá trị", en: "a value")
        static let endOfInput = Expectation(vi: "hết văn bản (thừa ký tự sau giá trị JSON)", en: "end of input")
        static let memberName = Expectation(vi: "tên khoá trong dấu \"", en: "a member name")
        static let colon = Expectation(vi: "dấu ':'", en: "':'")
        static let commaOrBrace = Expectation(vi: "dấu ',' hoặc '}'", en: "',' or '}'")
        static let commaOrBracket = Expectation(vi: "dấu ',' hoặc ']'", en: "',' or ']'")
        static let quote = Expectation(vi: "dấu '\"' đóng chuỗi", en: "'\"'")
        static let hexDigit = Expectation(vi: "chữ số hệ 16", en: "a hex digit")
        static let escape = Expectation(vi: "một ký tự thoát hợp lệ sau '\\'", en: "a valid escape")
        static let digit = Expectation(vi: "một chữ số", en: "a digit")
        static let noControl = Expectation(vi: "không có ký tự điều khiển trong chuỗi (viết \\n, \\t)", en: "no control characters in strings")
        static func literal(_ word: String) -> Expectation { Expectation(vi: word, en: word) }
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes, with a nesting limit so hostile input cannot
/// exhaust the stack.
///
/// The one JSON reader of the project: the language server's messages, `hoso.json` and
/// profiles all go through it. Files people edit are read with `Options.file`: a leading BOM
/// (Windows editors write one) is skipped and a key given twice in one object is an error.
public struct JSONParser {
    /// How strict to be beyond RFC 8259.
    public struct Options: Sendable {
        /// Skip a UTF-8 byte order mark before the text.
        public var skipsByteOrderMark = false
        /// Reject an object that names the same key twice (which one would win is a guess).
        public var rejectsDuplicateKeys = false
        /// Reject text that is not UTF-8 (a file saved as UTF-16 or in a legacy encoding),
        /// instead of repairing it into names that match nothing.
        public var requiresUTF8 = false
        public init(skipsByteOrderMark: Bool = false, rejectsDuplicateKeys: Bool = false, requiresUTF8: Bool = false) {
            self.skipsByteOrderMark = skipsByteOrderMark
            self.rejectsDuplicateKeys = rejectsDuplicateKeys
            self.requiresUTF8 = requiresUTF8
        }
        /// Messages on the wire: RFC 8259 as it is.
        public static let message = Options()
        /// Files people edit: BOM skipped, duplicate keys and text that is not UTF-8 rejected.
        public static let file = Options(skipsByteOrderMark: true, rejectsDuplicateKeys: true, requiresUTF8: true)
    }

    private let bytes: [UInt8]
    private var i = 0
    private let maxDepth = 256
    private let options: Options
    /// When set, the path of every value (`$.a[0].b`) with the offsets of its key and its value.
    private var locations: [String: JSONLocation]?

    /// Parses a complete JSON text (whitespace around it allowed).
    public static func parse(_ bytes: [UInt8], options: Options = .message) throws -> JSON {
        var parser = JSONParser(bytes: bytes, options: options)
        return try parser.document()
    }

    /// The offsets of every value in a text that parses, by JSON path (`$`, `$.awardForms[1].quota`).
    ///
    /// Costs a second parse that builds a string per value: meant for locating an error once
    /// one was found, not for every read.
    public static func locations(in bytes: [UInt8], options: Options = .file) -> [String: JSONLocation] {
        var parser = JSONParser(bytes: bytes, options: options)
        parser.locations = [:]
        _ = try? parser.document()
        return parser.locations ?? [:]
    }

    private init(bytes: [UInt8], options: Options) {
        self.bytes = bytes
        self.options = options
    }

    private mutating func document() throws -> JSON {
        if options.requiresUTF8 { try checkUTF8() }
        if options.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        let value = try value(depth: 0, path: "$")
        skipSpace()
        guard i == bytes.count else { throw fail(.endOfInput) }
        return value
    }

    /// Throws at the first byte that is not UTF-8, naming UTF-16 when the text looks like it.
    private func checkUTF8() throws {
        let save = "hãy mở tệp và lưu lại với bảng mã UTF-8", saveEn = "open the file and save it as UTF-8"
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw JSONParseError(offset: 0, vi: "tệp được lưu bằng UTF-16, không phải UTF-8; \(save)", en: "the file is UTF-16, not UTF-8; \(saveEn)")
        }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var index = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index += UTF8.width(scalar)
            case .emptyInput: return
            case .error:
                throw JSONParseError(offset: index, vi: "byte không phải UTF-8 (tệp lưu bằng bảng mã cũ như TCVN3, VNI, Windows-1258?); \(save)",
                                     en: "bytes that are not UTF-8 (a legacy encoding such as TCVN3, VNI or Windows-1258?); \(saveEn)")
            }
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func fail(_ expected: JSONParseError.Expectation) -> JSONParseError { JSONParseError(offset: i, expected: expected) }

    /// A comma before a closing bracket: JSON allows none (JavaScript and many editors do).
    private func trailingComma(at comma: Int) -> JSONParseError {
        JSONParseError(offset: comma, vi: "thừa dấu ',' trước '\(Character(UnicodeScalar(bytes[i])))': xoá dấu phẩy cuối",
                       en: "a ',' before '\(Character(UnicodeScalar(bytes[i])))': remove the last comma")
    }

    private mutating func literal(_ word: String, _ value: JSON) throws -> JSON {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw fail(.literal(word)) }
        i += w.count
        return value
    }

    /// Parses one value; `path` is only built while recording locations.
    private mutating func value(depth: Int, path: @autoclosure () -> String, keyOffset: Int? = nil) throws -> JSON {
        guard depth < maxDepth else {
            throw JSONParseError(offset: i, vi: "lồng nhau quá sâu (tối đa \(maxDepth) tầng)", en: "expected less nesting (limit \(maxDepth))")
        }
        guard i < bytes.count else { throw fail(.value) }
        let here = locations == nil ? "" : path()
        if locations != nil { locations![here] = JSONLocation(keyOffset: keyOffset, valueOffset: i) }
        switch bytes[i] {
        case 0x7B: return try object(depth: depth, path: here)
        case 0x5B: return try array(depth: depth, path: here)
        case 0x22: return .string(try string())
        case 0x74: return try literal("true", .bool(true))
        case 0x66: return try literal("false", .bool(false))
        case 0x6E: return try literal("null", .null)
        case 0x2D, 0x30...0x39: return try number()
        default: throw fail(.value)
        }
    }

    private mutating func object(depth: Int, path: String) throws -> JSON {
        i += 1
        var members: [(String, JSON)] = []
        var keys: Set<String> = []
        var lastComma = i
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D { i += 1; return .object(members) }
        while true {
            skipSpace()
            if i < bytes.count, bytes[i] == 0x7D, !members.isEmpty { throw trailingComma(at: lastComma) }
            guard i < bytes.count, bytes[i] == 0x22 else { throw fail(.memberName) }
            let keyOffset = i
            let key = try string()
            if options.rejectsDuplicateKeys, !keys.insert(key).inserted {
                throw JSONParseError(offset: keyOffset, vi: "khoá \"\(key)\" xuất hiện hai lần trong cùng một đối tượng; giữ một lần",
                                     en: "the key \"\(key)\" appears twice in one object; keep one")
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { throw fail(.colon) }
            i += 1
            skipSpace()
            members.append((key, try value(depth: depth + 1, path: JSONPath.member(key, of: path), keyOffset: keyOffset)))
            skipSpace()
            guard i < bytes.count else { throw fail(.commaOrBrace) }
            if bytes[i] == 0x2C { lastComma = i; i += 1; continue }
            if bytes[i] == 0x7D { i += 1; return .object(members) }
            throw fail(.commaOrBrace)
        }
    }

    private mutating func array(depth: Int, path: String) throws -> JSON {
        i += 1
        var items: [JSON] = []
        var lastComma = i
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D { i += 1; return .array(items) }
        while true {
            skipSpace()
            if i < bytes.count, bytes[i] == 0x5D, !items.isEmpty { throw trailingComma(at: lastComma) }
            items.append(try value(depth: depth + 1, path: JSONPath.element(items.count, of: path)))
            skipSpace()
            guard i < bytes.count else { throw fail(.commaOrBracket) }
            if bytes[i] == 0x2C { lastComma = i; i += 1; continue }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            throw fail(.commaOrBracket)
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail(.hexDigit) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail(.hexDigit)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            // Runs without escapes are copied whole (an editor's text has a `\n` on every line).
            let run = i
            i = Self.endOfPlainRun(bytes, from: i)
            out.append(contentsOf: bytes[run..<i])
            guard i < bytes.count else { throw fail(.quote) }
            let c = bytes[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 { throw fail(.noControl) }
            i += 1
            guard i < bytes.count else { throw fail(.escape) }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                    i += 2
                    let low = try hex4()
                    scalar = low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default:
                i -= 1
                throw fail(.escape)
            }
        }
        // Invalid UTF-8 inside strings is repaired rather than rejected.
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the run of string bytes that need no attention (no `"`, `\\` or control byte)
    /// starting at `start` ends: eight bytes at a time.
    static func endOfPlainRun(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            /// High bit set in each byte of `x` that is below `n` (n ≤ 0x80; exact for bytes < 0x80,
            /// and bytes ≥ 0x80 are masked out).
            func below(_ x: UInt64, _ n: UInt8) -> UInt64 { (x &- ones &* UInt64(n)) & ~x & highs }
            var i = start
            let n = buffer.count
            while i + 8 <= n {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let special = below(word ^ (ones &* 0x22), 1) | below(word ^ (ones &* 0x5C), 1) | below(word, 0x20)
                if special != 0 { break }
                i += 8
            }
            while i < n, buffer[i] != 0x22, buffer[i] != 0x5C, buffer[i] >= 0x20 { i += 1 }
            return i
        }
    }

    private mutating func number() throws -> JSON {
        let start = i
        if bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { throw fail(.digit) }
        if bytes[i] == 0x30 { i += 1 } else { while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 } }
        var isInteger = true
        if i < bytes.count, bytes[i] == 0x2E {
            isInteger = false
            i += 1
            guard i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { throw fail(.digit) }
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 else { throw fail(.digit) }
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw fail(.digit) }
        return .double(d)
    }
}

/// Where a value sits in the JSON text: the offsets of its key (for object members) and its value.
public struct JSONLocation: Sendable, Equatable {
    public let keyOffset: Int?
    public let valueOffset: Int
}

/// Where the JSON paths of a file's text stand, for errors and warnings that point into it.
///
/// The recording parse (`JSONParser.locations`) runs once, when the first point is asked for:
/// a file read without a problem never pays for it.
public final class JSONSourceMap {
    let bytes: [UInt8]
    private lazy var locations = JSONParser.locations(in: bytes)

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// 1-based line and column of the value at `path`, or of its key (`atKey`, for a member
    /// whose name is the problem); nil when the text has no such path.
    public func point(of path: String, atKey: Bool = false) -> (line: Int, column: Int)? {
        let location = locations[path]
        guard let offset = (atKey ? location?.keyOffset : nil) ?? location?.valueOffset else { return nil }
        return TextPoint.lineColumn(of: offset, in: bytes)
    }
}

/// JSON paths as errors and warnings show them: `$`, `$.rules.HS204`, `$.awardForms[1]`.
public enum JSONPath {
    public static func member(_ key: String, of path: String) -> String { path + "." + key }
    public static func element(_ index: Int, of path: String) -> String { path + "[\(index)]" }
}

/// Line and column of a byte offset, as an editor shows them.
public enum TextPoint {
    /// 1-based line and column of `offset` in `bytes`; columns count Unicode scalars (what a
    /// person counts), lines end at LF, CRLF or a lone CR.
    public static func lineColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for b in bytes[lineStart..<end] where b & 0xC0 != 0x80 { column += 1 }
        // A BOM at the start of the first line is not a column anyone sees.
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), end >= 3 { column -= 1 }
        return (line, column)
    }
}

