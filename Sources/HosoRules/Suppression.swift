import HosoSemantics
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
/// and so does a directive that names no code or is misspelled (FORMAT.md).
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
