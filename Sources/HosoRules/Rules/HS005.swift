import HosoText

/// HS005: invisible or control characters (zero-width, soft hyphen, bidi controls, C0/C1 controls, stray BOM).
public struct HS005: Rule {
    public static let code = "HS005"
    public static let defaultSeverity = Severity.warning
    public static let fixAvailability = FixAvailability.safe
    public static let scope = RuleScope.element
    public static let title = LocalizedText(vi: "Ký tự ẩn hoặc ký tự điều khiển", en: "Invisible or control characters")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Ký tự không nhìn thấy: khoảng trắng độ rộng 0 (U+200B–U+200D, U+2060), BOM giữa văn bản (U+FEFF), dấu gạch nối mềm (U+00AD), ký tự điều khiển hướng chữ (U+202A–U+202E, U+2066–U+2069), ký tự điều khiển C0 (trừ tab, CR, LF) và C1 (U+0080–U+009F). Trong đoạn chữ lỗi phông TCVN3, U+00AD là chữ \"ư\" bị đọc sai: khi đó HS004 báo và chuyển mã, HS005 không báo. Chúng thường lọt vào khi sao chép từ web hoặc PDF và làm hỏng việc so khớp tên, số hiệu.",
            en: "Invisible characters: zero-width spaces (U+200B–U+200D, U+2060), a BOM inside the text (U+FEFF), soft hyphens (U+00AD), bidi controls (U+202A–U+202E, U+2066–U+2069), C0 controls other than tab, CR, LF, and C1 controls (U+0080–U+009F). Inside TCVN3 mojibake U+00AD is a misread \"ư\": HS004 reports and converts it there, not HS005. They come in when copying from web pages or PDFs and break matching of names and numbers."),
        basis: LocalizedText(vi: "Định dạng .hoso (docs/dinh-dang.md, mục \"Tệp và bảng mã\"): văn bản thuần, Unicode dựng sẵn.",
                             en: "The .hoso format (docs/format.md, \"Files and encoding\"): plain text, Unicode NFC."),
        failingExample: "Chức vụ: Chuyên\u{200B}viên   {note:(có U+200B giữa hai chữ)|(U+200B between the two words)}",
        passingExample: "Chức vụ: Chuyên viên",
        fix: LocalizedText(vi: "Dùng sửa nhanh để xoá ký tự ẩn.", en: "Apply the fix to delete the invisible characters."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let bytes = context.text.bytes
        var i = context.region.bytes.lowerBound
        var run: Range<Int>?
        // The characters of the current run, in order of first appearance, with their counts.
        var counts: [(scalar: UInt32, count: Int)] = []
        // The mojibake runs of the last line asked about: a line with many soft hyphens is scanned once.
        var scanned: (line: Int, start: Int, runs: [MojibakeScanner.Run])?
        func isInsideMojibake(_ offset: Int) -> Bool {
            let line = context.text.line(ofByte: offset)
            if scanned?.line != line {
                let range = context.text.contentRange(ofLine: line)
                scanned = (line, range.lowerBound, MojibakeScanner.runs(in: context.text.string(range)))
            }
            // Runs are in line order: the first that ends after the offset is the one that may hold it.
            let runs = scanned!.runs, target = offset - scanned!.start
            let index = runs.partitionPoint { $0.utf8Range.upperBound > target }
            return index < runs.count && runs[index].utf8Range.contains(target)
        }
        func flush() {
            guard let range = run else { return }
            // Each character once, with a count when repeated: a run of a million soft hyphens
            // is "U+00AD ×1000000", not a million names.
            var shown = counts.prefix(6).map { "U+\(hex($0.scalar))" + ($0.count > 1 ? " ×\($0.count)" : "") }
            if counts.count > 6 { shown.append("…") }
            let list = shown.joined(separator: ", ")
            sink.report(range, LocalizedText(vi: "Ký tự ẩn/điều khiển \(list); hãy xoá.",
                                             en: "Invisible/control character \(list); delete it."),
                        fixes: [Fix(title: LocalizedText(vi: "Xoá ký tự ẩn", en: "Delete invisible characters"),
                                    edits: [TextEdit(range: range, newText: "")], isSafe: true)])
            run = nil
            counts = []
        }
        let n = context.region.bytes.upperBound
        while true {
            // Candidates: bytes below 0x20 (line ends among them), C2 and the leads E2–EF.
            i = bytes.withUnsafeBufferPointer {
                ByteScan.firstCandidate($0, from: i, to: n, word: { ByteScan.below($0, 0x20) | ByteScan.within($0, 0xC2, 0xC2) | ByteScan.within($0, 0xE2, 0xEF) },
                                        byte: { $0 < 0x20 || $0 == 0xC2 || ($0 >= 0xE2 && $0 <= 0xEF) })
            }
            guard i < n else { break }
            let b = bytes[i]
            var length = 0
            var scalar: UInt32 = 0
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                length = 1; scalar = UInt32(b)
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD || bytes[i + 1] < 0xA0 {
                // Soft hyphen U+00AD and C1 controls U+0080–U+009F, unless they are letters of
                // TCVN3 mojibake (0xAD is ư there): HS004 converts those, deleting would lose them.
                if !isInsideMojibake(i) { length = 2; scalar = UInt32(bytes[i + 1]) }
            } else if b == 0xE2 || b == 0xEF {
                let decoded = UTF8Scalar.decode(bytes, at: i)
                switch decoded.scalar {
                case 0x200B...0x200D, 0x2060, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069:
                    length = decoded.length; scalar = decoded.scalar
                default:
                    break
                }
            }
            if length > 0 {
                if let current = run, current.upperBound == i {
                    run = current.lowerBound..<(i + length)
                } else {
                    flush()
                    run = i..<(i + length)
                }
                if let index = counts.firstIndex(where: { $0.scalar == scalar }) {
                    counts[index].count += 1
                } else {
                    counts.append((scalar, 1))
                }
                i += length
            } else {
                // Continuation bytes are never candidates: the scan resumes on the next byte.
                i += 1
            }
        }
        flush()
    }
}
