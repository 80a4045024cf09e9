/// Terminal column widths, so a caret underline lines up under Vietnamese, NFD and wide text.
public enum DisplayWidth {
    /// Columns a scalar takes in a monospace terminal: 0 for combining marks and zero-width
    /// characters, 2 for East Asian wide characters and emoji, otherwise 1.
    public static func of(_ v: UInt32) -> Int {
        if Folding.isCombiningMark(v) || (v >= 0x200B && v <= 0x200F) || v == 0x2060 || v == 0xFEFF { return 0 }
        if v < 0x20 { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F) || (v >= 0x1F900 && v <= 0x1F9FF)
            || (v >= 0x20000 && v <= 0x3FFFD) {
            return 2
        }
        return 1
    }
}
