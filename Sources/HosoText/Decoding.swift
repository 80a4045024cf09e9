/// A legacy Vietnamese encoding that invalid UTF-8 most likely is.
public enum LegacyEncoding: String, Sendable, Equatable {
    /// TCVN 5712 (TCVN3, "ABC", .VnTime fonts): one byte per accented letter.
    case tcvn3 = "TCVN3/ABC"
    /// VNI-Windows: a base letter followed by a byte for its marks.
    case vni = "VNI-Windows"
    /// Windows-1258: some precomposed vowels plus combining tone bytes.
    case windows1258 = "Windows-1258"
    /// No recognisable pattern.
    case unknown = "unknown"
}

/// Why a file's bytes could not be read as Unicode text.
public struct EncodingProblem: Sendable, Equatable {
    /// What is wrong with the bytes.
    public enum Kind: Sendable, Equatable {
        /// Bytes that are not UTF-8 (a legacy encoding, or damage).
        case invalidUTF8
        /// A NUL byte: a binary file, or text in an encoding hoso does not read.
        case nulByte
        /// UTF-16 without a byte order mark (every other byte NUL in Latin text).
        case utf16WithoutBOM
        /// UTF-16 with a BOM holding half of a surrogate pair.
        case unpairedSurrogate
        /// A word-processor or PDF file, recognised by its first bytes.
        case document(DocumentFormat)
    }

    public let kind: Kind
    /// Offset of the first offending byte, in the file's bytes after any BOM.
    public let byteOffset: Int
    /// The 0-based line of that byte.
    public let line: Int
    /// The legacy encoding the bytes most resemble.
    public let likelyEncoding: LegacyEncoding
    /// The whole file read in `likelyEncoding`, when that reading is surely Vietnamese (HS001's fix).
    public let converted: String?
    /// The line of the first offending byte read in `likelyEncoding` (without its line end), when
    /// hoso reads that encoding: what people are shown instead of the repaired text's `�`.
    public let lineReading: String?

    public init(_ kind: Kind = .invalidUTF8, byteOffset: Int, line: Int, likelyEncoding: LegacyEncoding = .unknown,
                converted: String? = nil, lineReading: String? = nil) {
        self.kind = kind
        self.byteOffset = byteOffset
        self.line = line
        self.likelyEncoding = likelyEncoding
        self.converted = converted
        self.lineReading = lineReading
    }
}

/// A file format that is not text but is often saved under a dossier's name: what a dossier
/// written in Word or exported to PDF looks like to hoso.
public enum DocumentFormat: Sendable, Equatable {
    /// Word 2007 and later (Office Open XML): a zip holding `word/document.xml`.
    case docx
    /// OpenDocument text (LibreOffice Writer): a zip whose `mimetype` is `…opendocument.text`.
    case odt
    /// Any other zip: an Excel or PowerPoint file, another OpenDocument, an archive.
    case zip
    /// Word 97–2003 (and the other old Office files): an OLE compound file, `D0 CF 11 E0`.
    case doc
    /// PDF: `%PDF-`.
    case pdf

    /// The format of a file from its bytes, or nil when it is none of these.
    public static func recognize(_ raw: [UInt8]) -> DocumentFormat? {
        // A text file is told apart by its first byte (`%`, D0 and `P` start the signatures below).
        guard let first = raw.first, first == 0x25 || first == 0xD0 || first == 0x50 else { return nil }
        func starts(with prefix: [UInt8]) -> Bool { raw.count >= prefix.count && Array(raw[..<prefix.count]) == prefix }
        if starts(with: Array("%PDF-".utf8)) { return .pdf }
        if starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        guard starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // OpenDocument stores its `mimetype` first and uncompressed; a zip's central directory,
        // at its end, names every entry in plain bytes.
        if contains(Array("application/vnd.oasis.opendocument.text".utf8), in: raw.prefix(128)) { return .odt }
        if contains(Array("word/document".utf8), in: raw[...]) { return .docx }
        return .zip
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// Turns a file's raw bytes into `SourceText`.
public enum SourceDecoder {
    /// Decodes UTF-8 (with or without BOM) or UTF-16 with BOM.
    ///
    /// A Word, OpenDocument or PDF file (`DocumentFormat`) is a `.document` problem, whatever
    /// its bytes are.
    ///
    /// Never fails: invalid UTF-8 is returned repaired with U+FFFD (so positions can still be
    /// shown) together with an `EncodingProblem` naming the likely legacy encoding.
    public static func decode(_ raw: [UInt8]) -> (text: SourceText, problem: EncodingProblem?) {
        if let format = DocumentFormat.recognize(raw) {
            // Not text at all: said as such, whatever its bytes decode to.
            return (SourceText(utf8: Array(String(decoding: raw, as: UTF8.self).utf8), encoding: .utf8),
                    EncodingProblem(.document(format), byteOffset: 0, line: 0))
        }
        if raw.count >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
            let littleEndian = raw[0] == 0xFF
            let units = utf16Units(raw, from: 2, littleEndian: littleEndian)
            let string = String(decoding: units, as: UTF16.self)
            let text = SourceText(utf8: Array(string.utf8), encoding: littleEndian ? .utf16LE : .utf16BE)
            // Decoding repairs a lone surrogate with U+FFFD; saying nothing would hide the damage.
            guard let bad = firstUnpairedSurrogate(units) else { return (text, nil) }
            let line = text.line(ofByte: Array(String(decoding: units[..<bad], as: UTF16.self).utf8).count)
            return (text, EncodingProblem(.unpairedSurrogate, byteOffset: 2 * bad, line: line))
        }
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        let body = hasBOM ? Array(raw[3...]) : raw
        let encoding: SourceEncoding = hasBOM ? .utf8BOM : .utf8
        if let nul = ByteScan.firstNUL(body) {
            let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
            if let littleEndian = utf16WithoutBOM(body) {
                // Shown as the text it is, so the finding's line means something.
                let string = String(decoding: utf16Units(body, from: 0, littleEndian: littleEndian), as: UTF16.self)
                return (SourceText(utf8: Array(string.utf8), encoding: .utf8), EncodingProblem(.utf16WithoutBOM, byteOffset: 0, line: 0))
            }
            let line = LineIndex(Array(body[..<nul])).lineCount - 1
            return (SourceText(utf8: repaired, encoding: encoding), EncodingProblem(.nulByte, byteOffset: nul, line: line))
        }
        guard let bad = firstInvalidUTF8(body) else {
            return (SourceText(utf8: body, encoding: encoding), nil)
        }
        let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
        let line = LineIndex(Array(body[..<bad])).lineCount - 1
        let likely = guessLegacyEncoding(body)
        let converted = LegacyDecoder.decodeFile(body, as: likely).flatMap { LegacyDecoder.looksVietnamese($0) ? $0 : nil }
        var lineStart = bad, lineEnd = bad
        while lineStart > 0 && body[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineEnd < body.count && body[lineEnd] != 0x0A { lineEnd += 1 }
        if lineEnd > lineStart && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let lineReading = LegacyDecoder.decodeFile(Array(body[lineStart..<lineEnd]), as: likely)
        let problem = EncodingProblem(.invalidUTF8, byteOffset: bad, line: line, likelyEncoding: likely, converted: converted,
                                      lineReading: lineReading)
        return (SourceText(utf8: repaired, encoding: encoding), problem)
    }

    /// Encodes text back to the bytes of `encoding` (BOM included) for writing a file.
    public static func encode(_ utf8: [UInt8], as encoding: SourceEncoding) -> [UInt8] {
        switch encoding {
        case .utf8: return utf8
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .utf16LE, .utf16BE:
            var out: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in String(decoding: utf8, as: UTF8.self).utf16 {
                let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
                if encoding == .utf16LE { out.append(lo); out.append(hi) } else { out.append(hi); out.append(lo) }
            }
            return out
        }
    }

    /// 16-bit units from byte `start` on (an odd last byte is dropped).
    static func utf16Units(_ raw: [UInt8], from start: Int, littleEndian: Bool) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var i = start
        while i + 1 < raw.count {
            let a = UInt16(raw[i]), b = UInt16(raw[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return units
    }

    /// The index of the first surrogate unit without its partner.
    static func firstUnpairedSurrogate(_ units: [UInt16]) -> Int? {
        var i = 0
        while i < units.count {
            let unit = units[i]
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard i + 1 < units.count, units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF else { return i }
                i += 2
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                return i
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Whether bytes with NULs are UTF-16 without a BOM, and which byte order: in most of the
    /// first 4 KB of pairs exactly one byte is NUL, nearly always on the same side (Latin text).
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 2 else { return nil }
        var highNUL = 0, lowNUL = 0
        for k in 0..<pairs {
            let first = bytes[2 * k], second = bytes[2 * k + 1]
            if first != 0 && second == 0 { highNUL += 1 } else if first == 0 && second != 0 { lowNUL += 1 }
        }
        if highNUL * 10 >= pairs * 6 && lowNUL * 10 <= pairs { return true }
        if lowNUL * 10 >= pairs * 6 && highNUL * 10 <= pairs { return false }
        return nil
    }

    /// The offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included).
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            var i = 0
            let n = p.count
            while true {
                // ASCII eight bytes at a time, up to the next lead byte.
                i = ByteScan.firstCandidate(p, from: i, to: n, word: { ByteScan.atLeast($0, 0x80) }, byte: { $0 >= 0x80 })
                guard i < n else { return nil }
                guard let length = utf8SequenceLength(p, at: i) else { return i }
                i += length
            }
        }
    }

    /// The length of the valid multi-byte UTF-8 sequence starting at `i`, or nil when none does.
    @inline(__always)
    static func utf8SequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = p[i]
        func cont(_ k: Int) -> Bool { i + k < p.count && p[i + k] & 0xC0 == 0x80 }
        if b >= 0xC2 && b <= 0xDF {
            return cont(1) ? 2 : nil
        } else if b >= 0xE0 && b <= 0xEF {
            guard cont(1), cont(2) else { return nil }
            let b1 = p[i + 1]
            if b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 >= 0xA0 { return nil }
            return 3
        } else if b >= 0xF0 && b <= 0xF4 {
            guard cont(1), cont(2), cont(3) else { return nil }
            let b1 = p[i + 1]
            if b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 >= 0x90 { return nil }
            return 4
        }
        return nil
    }

    /// Guesses which legacy encoding produced bytes that are not UTF-8.
    ///
    /// VNI writes a base vowel followed by a mark byte; Windows-1258 follows vowels with one of
    /// five combining tone bytes; TCVN3 puts one high byte per accented letter, usually right
    /// after a consonant. The counts decide; too few high bytes give `.unknown`.
    public static func guessLegacyEncoding(_ bytes: [UInt8]) -> LegacyEncoding {
        var high = 0, afterVowel = 0, cp1258Tones = 0, afterConsonant = 0
        var previous: UInt8 = 0x20
        for b in bytes {
            if b >= 0x80 {
                high += 1
                let prevIsVowel = isASCIIVowel(previous) || [0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD].contains(previous)
                if [0xCC, 0xEC, 0xD2, 0xDE, 0xF2].contains(b) && prevIsVowel { cp1258Tones += 1 }
                if isASCIIVowel(previous) { afterVowel += 1 } else if isASCIILetter(previous) { afterConsonant += 1 }
            }
            previous = b
        }
        guard high >= 1 else { return .unknown }
        if cp1258Tones * 3 >= high && cp1258Tones > 0 { return .windows1258 }
        if afterVowel * 2 > high { return .vni }
        if afterConsonant * 3 >= high { return .tcvn3 }
        return .unknown
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isASCIIVowel(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }
}
