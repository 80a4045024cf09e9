import HosoText

/// How serious a finding is; the raw values are what configs and JSON output use.
public enum Severity: String, Sendable, Equatable, CaseIterable, Comparable {
    case error, warning, info, hint

    /// LSP's DiagnosticSeverity number.
    public var lspValue: Int {
        switch self {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        case .hint: return 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.lspValue > b.lspValue }
}

/// The language of messages: Vietnamese by default, English with `--lang en`.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case vi, en
}

/// A text in both languages.
///
/// While a linter made for one language checks (`Linter(messages:)`), a text built there is
/// formatted in that language only, as UTF-8 bytes (`MessageText`), and both `vi` and `en` read
/// it: a front end that shows one language pays neither for the other's formatting nor for
/// Swift's String appends; a text report writes the bytes as they are (`withUTF8`), and a
/// String is made only when one is asked for.
public struct LocalizedText: Sendable, Equatable {
    @usableFromInline enum Storage: Sendable {
        case strings(vi: String, en: String)
        /// One language's text, valid UTF-8 (made from Strings).
        case bytes([UInt8])
    }
    @usableFromInline let storage: Storage

    /// The Vietnamese text (the one language built, in a one-language linter).
    public var vi: String {
        switch storage {
        case .strings(let vi, _): return vi
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
    /// The English text (the one language built, in a one-language linter).
    public var en: String {
        switch storage {
        case .strings(_, let en): return en
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The one language texts are built in on this thread, while a linter for one language
    /// checks; nil (everywhere else) builds both.
    @TaskLocal static var onlyLanguage: Language?

    /// A message formatted from literals and values (`"Năm \(year) …"`).
    public init(vi: @autoclosure () -> MessageText, en: @autoclosure () -> MessageText) {
        switch LocalizedText.onlyLanguage {
        case nil: storage = .strings(vi: vi().string, en: en().string)
        case .vi?: storage = Self.storage(vi())
        case .en?: storage = Self.storage(en())
        }
    }

    /// One language's text as it was formatted.
    private static func storage(_ text: MessageText) -> Storage {
        switch text.storage {
        case .literal(let string): return .strings(vi: string, en: string)
        case .bytes(let bytes): return .bytes(bytes)
        }
    }

    /// Texts made elsewhere, as they are.
    public init(viText: String, enText: String) {
        storage = .strings(vi: viText, en: enText)
    }

    /// The same text in both languages: a name, a quotation.
    public init(both text: String) {
        storage = .strings(vi: text, en: text)
    }

    public func text(_ language: Language) -> String { language == .vi ? vi : en }

    /// Calls `body` with the UTF-8 of the text in `language`, without making a String.
    @inlinable public func withUTF8<R>(_ language: Language, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .strings(let vi, let en):
            var text = language == .vi ? vi : en
            return text.withUTF8(body)
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        }
    }

    /// Equal as their Strings are (canonical equivalence), however each is stored.
    public static func == (a: LocalizedText, b: LocalizedText) -> Bool {
        a.vi == b.vi && a.en == b.en
    }
}

/// A message's text as it is formatted: UTF-8 bytes appended piece by piece.
///
/// Written as a string literal with interpolations; each literal and value is copied in as bytes,
/// where a String would re-check its storage and grow on each append (several hundred
/// instructions a piece). A value is written as String interpolation writes it.
public struct MessageText: ExpressibleByStringInterpolation, Sendable {
    enum Storage: Sendable {
        /// A literal with nothing interpolated, kept as the String it is.
        case literal(String)
        /// The UTF-8 of the pieces (valid: every piece came from a String).
        case bytes([UInt8])
    }
    let storage: Storage

    public init(stringLiteral value: String) { storage = .literal(value) }

    public init(stringInterpolation: StringInterpolation) { storage = .bytes(stringInterpolation.bytes) }

    /// The text as a String.
    public var string: String {
        switch storage {
        case .literal(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 48 * interpolationCount)  // a name or a rating is some 30 bytes
        }

        public mutating func appendLiteral(_ literal: String) { append(literal) }

        public mutating func appendInterpolation(_ value: String) { append(value) }

        public mutating func appendInterpolation(_ value: Substring) { bytes.append(contentsOf: value.utf8) }

        /// A whole number, in decimal as `String(value)` writes it.
        public mutating func appendInterpolation(_ value: Int) {
            if value >= 0 && value < 10 { bytes.append(UInt8(value) + 0x30); return }
            append(String(value))
        }

        /// Anything else, as String interpolation writes it.
        public mutating func appendInterpolation<T>(_ value: T) { append(String(describing: value)) }

        private mutating func append(_ string: String) {
            var string = string
            string.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }
}

/// Replace the bytes of `range` with `newText` (an insertion when the range is empty).
public struct TextEdit: Sendable, Equatable {
    public let range: Range<Int>
    public let newText: String

    public init(range: Range<Int>, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A named set of edits that resolves a finding.
public struct Fix: Sendable, Equatable {
    public let title: LocalizedText
    public let edits: [TextEdit]
    /// Safe fixes only restore the intended spelling or form; `--fix` applies only those.
    /// Unsafe ones insert skeleton text for a person to fill and are offered in editors only.
    public let isSafe: Bool

    public init(title: LocalizedText, edits: [TextEdit], isSafe: Bool) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// Another place that explains a finding, in this file (`path == nil`) or another.
public struct RelatedLocation: Sendable, Equatable {
    public let path: String?
    public let range: Range<Int>
    public let message: LocalizedText

    public init(path: String? = nil, range: Range<Int>, message: LocalizedText) {
        self.path = path
        self.range = range
        self.message = message
    }
}

/// One problem a rule found: code, severity, byte range, message, fixes, related places.
public struct Finding: Sendable, Equatable {
    public let code: String
    public var severity: Severity
    public let range: Range<Int>
    public let message: LocalizedText
    public let fixes: [Fix]
    public let related: [RelatedLocation]

    public init(code: String, severity: Severity, range: Range<Int>, message: LocalizedText, fixes: [Fix] = [],
                related: [RelatedLocation] = []) {
        self.code = code
        self.severity = severity
        self.range = range
        self.message = message
        self.fixes = fixes
        self.related = related
    }
}

extension Finding {
    /// The same finding `delta` bytes further on (an edit before it moved it): its range, its
    /// fixes' edits and its related places in the same file.
    func shifted(by delta: Int) -> Finding {
        guard delta != 0 else { return self }
        return Finding(code: code, severity: severity, range: range.shifted(by: delta), message: message,
                       fixes: fixes.map { fix in
                           Fix(title: fix.title, edits: fix.edits.map { TextEdit(range: $0.range.shifted(by: delta), newText: $0.newText) },
                               isSafe: fix.isSafe)
                       },
                       related: related.map { $0.path == nil ? RelatedLocation(range: $0.range.shifted(by: delta), message: $0.message) : $0 })
    }
}

/// Collects one rule's findings, stamping them with its code and default severity.
public struct FindingSink {
    public let code: String
    public let severity: Severity
    public private(set) var findings: [Finding] = []

    public init(code: String, severity: Severity) {
        self.code = code
        self.severity = severity
    }

    /// Records a finding at `range`.
    public mutating func report(_ range: Range<Int>, _ message: LocalizedText, fixes: [Fix] = [],
                                related: [RelatedLocation] = []) {
        if findings.isEmpty { findings.reserveCapacity(4) }  // a rule that reports mostly reports a few
        findings.append(Finding(code: code, severity: severity, range: range, message: message, fixes: fixes,
                                related: related))
    }
}
