import HosoSemantics
import HosoSyntax
import HosoText

/// A finding that a suppression comment turned off, with the comment's reason (nil when none).
public struct SuppressedFinding: Sendable, Equatable {
    public let finding: Finding
    public let reason: String?
}

/// One code of one suppression comment, as a slot that a finding can use up.
struct SuppressionSlot {
    /// Index of the directive in `Dossier.suppressions`.
    let directive: Int
    let code: String
    let codeRange: Range<Int>
    /// The lines where the code is off (a `disable` region, or the line after a `disable-next-line`).
    var lines: Range<Int>
    var used = false
}

/// A `hoso-enable` that closed nothing, or a code it names that was not disabled (HS011).
struct StrayEnable {
    let directive: Int
    /// The code named, or nil for a bare `hoso-enable` with no region open.
    let code: String?
    let range: Range<Int>
}

/// Which codes are off on which lines, from `hoso-disable`, `hoso-enable` and
/// `hoso-disable-next-line`, and which of those comments turned nothing off.
///
/// Only codes that a rule has take part: an unknown code is HS010's and suppresses nothing,
/// and so does a directive that names no code or is misspelled (docs/format.md, "Suppression comments").
struct SuppressionMap {
    private(set) var slots: [SuppressionSlot] = []
    private(set) var strayEnables: [StrayEnable] = []

    init(_ dossier: Dossier) {
        var open: [Int] = []  // indices into `slots` of regions not yet closed
        for (d, directive) in dossier.suppressions.enumerated() {
            guard let action = directive.action else { continue }
            let known = directive.codes.filter { RuleRegistry.rule(code: $0.code) != nil }
            switch action {
            case .disableNextLine:
                for (code, range) in known {
                    slots.append(SuppressionSlot(directive: d, code: code, codeRange: range,
                                                 lines: directive.nextLine..<(directive.nextLine + 1)))
                }
            case .disable:
                for (code, range) in known {
                    open.append(slots.count)
                    slots.append(SuppressionSlot(directive: d, code: code, codeRange: range,
                                                 lines: directive.nextLine..<Int.max))
                }
            case .enable:
                let closingLine = directive.firstLine
                if directive.codes.isEmpty {
                    if open.isEmpty {
                        strayEnables.append(StrayEnable(directive: d, code: nil, range: directive.directiveRange))
                    }
                    for s in open { slots[s].lines = slots[s].lines.lowerBound..<closingLine }
                    open = []
                }
                for (code, range) in known {
                    let closing = open.filter { slots[$0].code == code }
                    if closing.isEmpty { strayEnables.append(StrayEnable(directive: d, code: code, range: range)) }
                    for s in closing { slots[s].lines = slots[s].lines.lowerBound..<closingLine }
                    open.removeAll { slots[$0].code == code }
                }
            }
        }
    }

    /// Whether a finding with `code` on `line` is suppressed; marks the comments that do it as used.
    mutating func suppress(_ code: String, atLine line: Int) -> Int? {
        var first: Int?
        for s in slots.indices where slots[s].code == code && slots[s].lines.contains(line) {
            slots[s].used = true
            if first == nil { first = s }
        }
        return first.map { slots[$0].directive }
    }
}

/// The comment that turns one finding off for its line: what an editor offers as "disable HSnnn
/// for this line".
public enum LineSuppression {
    /// Whether a suppression comment can turn off findings with `code`. HS011 is decided after
    /// the comments have been applied, so no comment turns it off (one naming it is HS011 itself).
    public static func canSuppress(_ code: String) -> Bool {
        code != HS011.code && RuleRegistry.rule(code: code) != nil
    }

    /// The reason written into a new comment: a placeholder for the person to replace. It stands
    /// after ` -- `, where HS010 reads no word as a code, so the comment draws no finding.
    public static let reasonPlaceholder = LocalizedText(vi: "lý do: …", en: "reason: …")

    /// An edit that turns `finding` off: `code` added to the `hoso-disable-next-line` comment just
    /// above the finding's line, or a new `<!-- hoso-disable-next-line CODE -- lý do: … -->` on a
    /// line of its own above it, with that line's indentation and the file's line ending.
    ///
    /// The placeholder is in `language`. Nil when no comment can turn the finding off: HS011, a
    /// file that is not Unicode (HS001: the text shown is not the file's), or a finding that
    /// starts inside a comment running over several lines (a comment cannot go there).
    public static func fix(for finding: Finding, in dossier: Dossier, encodingProblem: EncodingProblem?,
                           language: Language) -> Fix? {
        guard encodingProblem == nil, canSuppress(finding.code) else { return nil }
        let text = dossier.text
        let line = text.line(ofByte: finding.range.lowerBound)  // the line `Linter.finish` suppresses on
        let lineStart = text.lineIndex.lineStart(line)
        let elements = dossier.tree.elements
        let holder = elements.partitionPoint { $0.range.upperBound > lineStart }
        if holder < elements.count, elements[holder].kind == .comment, elements[holder].range.lowerBound < lineStart {
            return nil
        }
        let code = finding.code
        let title = LocalizedText(vi: "Tắt \(code) cho dòng này", en: "Disable \(code) for this line")
        let directives = dossier.suppressions
        let above = directives.partitionPoint { $0.nextLine >= line }
        if above < directives.count, directives[above].nextLine == line, directives[above].action == .disableNextLine {
            let directive = directives[above]
            guard !directive.codes.contains(where: { $0.code == code }) else { return nil }
            let end = (directive.codes.last?.range ?? directive.directiveRange).upperBound
            return Fix(title: title, edits: [TextEdit(range: end..<end, newText: " " + code)], isSafe: false)
        }
        var indentEnd = lineStart
        let contentEnd = text.lineIndex.contentEnd(line)
        while indentEnd < contentEnd && (text.bytes[indentEnd] == 0x20 || text.bytes[indentEnd] == 0x09) { indentEnd += 1 }
        let comment = text.string(lineStart..<indentEnd)
            + "<!-- hoso-disable-next-line \(code) -- \(reasonPlaceholder.text(language)) -->" + text.lineEnding.rawValue
        return Fix(title: title, edits: [TextEdit(range: lineStart..<lineStart, newText: comment)], isSafe: false)
    }
}
