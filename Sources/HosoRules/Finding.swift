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
/// formatted in that language only and stored in both fields: a front end that shows one language
/// does not pay for the other's string interpolation.
public struct LocalizedText: Sendable, Equatable {
    public let vi: String
    public let en: String

    /// The one language texts are built in on this thread, while a linter for one language
    /// checks; nil (everywhere else) builds both.
    @TaskLocal static var onlyLanguage: Language?

    public init(vi: @autoclosure () -> String, en: @autoclosure () -> String) {
        switch LocalizedText.onlyLanguage {
        case nil: self.vi = vi(); self.en = en()
        case .vi?: let text = vi(); self.vi = text; self.en = text
        case .en?: let text = en(); self.vi = text; self.en = text
        }
    }

    /// The same text in both languages: a name, a quotation.
    public init(both text: String) {
        vi = text
        en = text
    }

    public func text(_ language: Language) -> String { language == .vi ? vi : en }
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
        findings.append(Finding(code: code, severity: severity, range: range, message: message, fixes: fixes,
                                related: related))
    }
}
