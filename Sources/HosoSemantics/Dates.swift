import HosoSyntax
import HosoText

/// A date written in the text, readable or not.
public struct DateMention: Sendable {
    // 16 bytes, not 64: an open dossier keeps every date it mentions. Parts have at most four
    // digits (`DateScanner`), so 16 bits hold them; -1 is a blank part.
    private var start: UInt32, end: UInt32
    private let dayPart: Int16, monthPart: Int16, yearPart: Int16

    /// The whole date as written (`02/8/2019`, `ngày 02 tháng 8 năm 2019`).
    public var range: Range<Int> { Int(start)..<Int(end) }
    /// Day, month and year as written; nil when a part is blank.
    public var day: Int? { dayPart < 0 ? nil : Int(dayPart) }
    public var month: Int? { monthPart < 0 ? nil : Int(monthPart) }
    public var year: Int? { yearPart < 0 ? nil : Int(yearPart) }

    init(range: Range<Int>, day: Int?, month: Int?, year: Int?) {
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
        dayPart = day.map { Int16(clamping: $0) } ?? -1
        monthPart = month.map { Int16(clamping: $0) } ?? -1
        yearPart = year.map { Int16(clamping: $0) } ?? -1
    }

    /// Moves the mention `delta` bytes further on (an edit before it).
    mutating func shift(by delta: Int) {
        start = UInt32(Int(start) + delta)
        end = UInt32(Int(end) + delta)
    }


    /// The date, if all three parts are written (it may still be impossible: check `isValid`).
    public var value: DateValue? {
        guard let day, let month, let year else { return nil }
        return DateValue(year: year, month: month, day: day)
    }
}

/// Finds dates in a byte range: `D/M/YYYY`, `D-M-YYYY`, `D.M.YYYY` and `ngày D tháng M năm YYYY`.
enum DateScanner {
    /// The first date in `range`, if any (the scan stops there).
    static func firstDate(in range: Range<Int>, of text: SourceText) -> DateMention? {
        var result: [DateMention] = []
        scan(range, of: text, into: &result, limit: 1)
        return result.first
    }

    /// Appends the dates in `range` to `result` (at most `limit` of them), in text order.
    static func scan(_ range: Range<Int>, of text: SourceText, into result: inout [DateMention], limit: Int = .max) {
        let bytes = text.bytes
        var found = 0
        var i = range.lowerBound
        let end = range.upperBound
        while i < end && found < limit {
            // Only a digit or the n of `ngày` starts a date: on to the next one, eight bytes at a time.
            i = bytes.withUnsafeBufferPointer { buffer in
                ByteScan.firstCandidate(buffer, from: i, to: end, word: { x in
                    ByteScan.below(x ^ ByteScan.broadcast(0x30), 10) | ByteScan.equal(x | ByteScan.broadcast(0x20), 0x6E)
                }, byte: { isDigit($0) || $0 | 0x20 == 0x6E })
            }
            guard i < end else { break }
            let b = bytes[i]
            if isDigit(b) && (i == range.lowerBound || !isDigit(bytes[i - 1]) && bytes[i - 1] != 0x2F) {
                if let mention = numeric(at: i, end: end, bytes) {
                    result.append(mention)
                    found += 1
                    i = mention.range.upperBound
                    continue
                }
            } else if b == 0x6E || b == 0x4E, i + 1 < end, mayStartSpelled(i, end: end, bytes), let mention = spelled(at: i, end: end, text) {  // n/N of "ngày"
                result.append(mention)
                found += 1
                i = mention.range.upperBound
                continue
            }
            i += 1
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `spelled`'s first refusals, on the bytes around the n at `i` (before `end`), without the
    /// call: an n after an ASCII letter is inside a word (`trong`, `không`). After the n, the
    /// word's key must go on `g` then `a` (`Folding.key` keeps every letter, drops marks and `*`,
    /// and only an ASCII g folds to g): an ASCII byte other than g or `*` next (`nhân`), a
    /// non-ASCII one that cannot start a combining mark (`năm`, C4), or after `ng` an ASCII byte
    /// other than a or `*` (`nghị`, `ngoài`) is not `ngày`.
    @inline(__always)
    static func mayStartSpelled(_ i: Int, end: Int, _ bytes: [UInt8]) -> Bool {
        if i > 0, case let previous = bytes[i - 1] | 0x20, previous >= 0x61 && previous <= 0x7A { return false }
        let next = bytes[i + 1]
        if next >= 0x80 { return next == 0xCC || next == 0xCD || next == 0xE1 || next == 0xE2 || next == 0xEF }
        guard next | 0x20 == 0x67 else { return next == 0x2A }
        guard i + 2 < end else { return false }
        let third = bytes[i + 2]
        return third >= 0x80 || third | 0x20 == 0x61 || third == 0x2A
    }

    /// Reads up to `maxDigits` digits; returns the value and where they end.
    static func digits(_ bytes: [UInt8], _ start: Int, _ end: Int, max maxDigits: Int) -> (Int, Int)? {
        var j = start, value = 0
        while j < end && isDigit(bytes[j]) && j - start < maxDigits + 1 { value = value * 10 + Int(bytes[j] - 0x30); j += 1 }
        guard j > start, j - start <= maxDigits else { return nil }
        return (value, j)
    }

    /// `D/M/YYYY` with one separator kind throughout; not part of a document number (`12/2017/NĐ-CP`).
    static func numeric(at start: Int, end: Int, _ bytes: [UInt8]) -> DateMention? {
        guard let (day, afterDay) = digits(bytes, start, end, max: 2), afterDay < end else { return nil }
        let separator = bytes[afterDay]
        guard separator == 0x2F || separator == 0x2D || separator == 0x2E,
              let (month, afterMonth) = digits(bytes, afterDay + 1, end, max: 2), afterMonth < end,
              bytes[afterMonth] == separator,
              let (year, afterYear) = digits(bytes, afterMonth + 1, end, max: 4), afterYear - afterMonth - 1 == 4
        else { return nil }
        if afterYear < end && (bytes[afterYear] == 0x2F || isDigit(bytes[afterYear])) { return nil }
        return DateMention(range: start..<afterYear, day: day, month: month, year: year)
    }


    /// `ngày D tháng M năm YYYY`, any part possibly blank or dots; the words fold (`ngay`, `NGÀY`).
    static func spelled(at start: Int, end: Int, _ text: SourceText) -> DateMention? {
        let bytes = text.bytes
        // Not inside a word: after a letter (ASCII or not) there is no date, after a Unicode space there may be.
        if start > 0, ByteClass.spaceLength(bytes, before: start, start: 0) == 0,
           bytes[start - 1] >= 0x80 || (bytes[start - 1] | 0x20 >= 0x61 && bytes[start - 1] | 0x20 <= 0x7A) { return nil }
        // `scan` calls this only where `mayStartSpelled` lets the word's next bytes through.
        var i = start
        func word() -> Range<Int>? {
            while i < end, case let n = ByteClass.spaceLength(bytes, at: i, end: end), n > 0 { i += n }
            let s = i
            // A space is a tab, a space, or leads with C2, E2 or E3: other bytes are not asked about.
            while i < end, case let b = bytes[i], b != 0x20 && b != 0x09 && (b < 0xC2 || ByteClass.spaceLength(bytes, at: i, end: end) == 0) {
                i += 1
            }
            return i > s ? s..<i : nil
        }
        /// Whether the next word is `dateWord`.
        func expect(_ dateWord: DateWord) -> Bool {
            let save = i
            guard let w = word() else { i = save; return false }
            // Emphasis may open or close around the words (`*ngày 16 tháng 5 năm 2022*`).
            var a = w.lowerBound
            while a < w.upperBound && ByteClass.isEmphasis(bytes[a]) { a += 1 }
            // An ASCII first byte folds to itself (a letter lowercased): another than the key's
            // first is refused unfolded (`ngày 02/8/2019` is not spelled).
            if a < w.upperBound, bytes[a] < 0x80, bytes[a] &- 0x41 < 26 ? bytes[a] | 0x20 != dateWord.key.byte(0) : bytes[a] != dateWord.key.byte(0) {
                i = save
                return false
            }
            var b = w.upperBound
            while b > a && ByteClass.isEmphasis(bytes[b - 1]) { b -= 1 }
            let matches = bytes.withUnsafeBufferPointer { dateWord.isSpelled(by: UnsafeBufferPointer(rebasing: $0[a..<b])) }
            guard matches else { i = save; return false }
            return true
        }
        /// A number, or a blank one written as dots; whatever closing punctuation follows it
        /// (`2022.`, `2022).`, `2022*`, `2022”`) is not part of the date (docs/format.md, "Recognition").
        func number(max: Int) -> (Int?, Int) {
            let save = i
            guard let w = word() else { return (nil, save) }
            var digitEnd = w.lowerBound
            while digitEnd < w.upperBound && isDigit(bytes[digitEnd]) { digitEnd += 1 }
            if digitEnd > w.lowerBound, ByteClass.isClosingPunctuation(bytes, digitEnd..<w.upperBound),
               let (value, after) = digits(bytes, w.lowerBound, digitEnd, max: max), after == digitEnd {
                return (value, digitEnd)
            }
            var dots = w.lowerBound
            while dots < w.upperBound && (bytes[dots] == 0x2E || bytes[dots] == 0x5F) { dots += 1 }
            if dots == w.lowerBound, w.count >= 3, bytes[dots] == 0xE2, bytes[dots + 1] == 0x80, bytes[dots + 2] == 0xA6 {
                while dots + 2 < w.upperBound && bytes[dots] == 0xE2 && bytes[dots + 1] == 0x80 && bytes[dots + 2] == 0xA6 { dots += 3 }
            }
            if dots > w.lowerBound, ByteClass.isClosingPunctuation(bytes, dots..<w.upperBound) {
                return (nil, dots)
            }
            i = save
            return (nil, save)
        }
        // Cheap test before folding: "ngày"/"NGÀY" is 4–6 bytes with g as its second letter.
        var wordEnd = start
        while wordEnd < end && ByteClass.spaceLength(bytes, at: wordEnd, end: end) == 0 { wordEnd += 1 }
        guard wordEnd - start >= 4, wordEnd - start <= 6, start + 1 < end, bytes[start + 1] | 0x20 == 0x67 else { return nil }
        guard expect(.day) else { return nil }
        let (day, _) = number(max: 2)
        guard expect(.month) else { return nil }
        let (month, _) = number(max: 2)
        guard expect(.year) else { return nil }
        let (year, yearEnd) = number(max: 4)
        guard yearEnd > start else { return nil }
        return DateMention(range: start..<yearEnd, day: day, month: month, year: year)
    }
}
