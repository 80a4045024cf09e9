/// Text made safe for XML 1.0 documents (the JUnit report).
///
/// Markup characters become entity references; what XML 1.0 does not allow at all (C0 controls
/// other than tab, LF and CR; U+FFFE and U+FFFF) cannot even be written as a reference, so it is
/// shown as in the text report: C0 controls as their Control Pictures (`␋` for a vertical tab
/// pasted from Word), U+FFFE and U+FFFF as U+FFFD. DEL, C1 and bidirectional controls, legal but
/// invisible or misleading in a CI page, get the text report's stand-ins too (`TerminalText`).
enum XMLText {
    /// For element content: `&`, `<`, `>` escaped, a CR kept as `&#13;` (a parser would turn a
    /// literal one into LF).
    static func content(_ string: String) -> String { escape(string, attribute: false) }

    /// For a double-quoted attribute value: also `"`, and tab, LF and CR as character
    /// references (a parser would turn literal ones into spaces).
    static func attribute(_ string: String) -> String { escape(string, attribute: true) }

    static func escape(_ string: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22 where attribute: out += "&quot;"
            case 0x09 where attribute: out += "&#9;"
            case 0x0A where attribute: out += "&#10;"
            case 0x0D: out += "&#13;"
            case 0x09, 0x0A: out.unicodeScalars.append(scalar)
            case 0xFFFE, 0xFFFF: out += "\u{FFFD}"
            default:
                if let standIn = TerminalText.standIn(scalar.value) {
                    // Stand-ins such as `<U+202E>` hold markup characters themselves.
                    out += escape(standIn, attribute: attribute)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
