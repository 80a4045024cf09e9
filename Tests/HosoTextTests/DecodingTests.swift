import XCTest
@testable import HosoText

final class DecodingTests: XCTestCase {
    /// Legacy bytes are exactly the Latin-1 code points of their mojibake.
    func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value) } }

    func testUTF8WithAndWithoutBOM() {
        let plain = SourceDecoder.decode(Array("Đơn vị".utf8))
        XCTAssertNil(plain.problem)
        XCTAssertEqual(plain.text.encoding, .utf8)
        let bom = SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Đơn vị".utf8))
        XCTAssertEqual(bom.text.encoding, .utf8BOM)
        XCTAssertEqual(bom.text.string(0..<bom.text.bytes.count), "Đơn vị")
    }

    /// Word, OpenDocument and PDF files are said to be what they are, whatever their bytes decode to.
    func testWordOpenDocumentAndPDFFilesAreRecognised() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        let cases: [([UInt8], DocumentFormat)] = [
            (zip + Array("[Content_Types].xml".utf8) + [0, 0] + Array("word/document.xml".utf8), .docx),
            (zip + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8), .odt),
            (zip + Array("xl/workbook.xml".utf8), .zip),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], .doc),
            (Array("%PDF-1.4\n1 0 obj\n".utf8), .pdf),  // pure ASCII: not a NUL or a bad byte in sight
        ]
        for (raw, format) in cases {
            XCTAssertEqual(SourceDecoder.decode(raw).problem, EncodingProblem(.document(format), byteOffset: 0, line: 0), "\(format)")
        }
        // A dossier that merely mentions these names, and other binaries, are not documents.
        XCTAssertNil(DocumentFormat.recognize(Array("Đơn vị: PK %PDF- word/document".utf8)))
        XCTAssertEqual(SourceDecoder.decode([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]).problem?.kind, .nulByte)
    }

    func testUTF16BothEndiansRoundTrip() {
        for encoding in [SourceEncoding.utf16LE, .utf16BE] {
            let original = Array("Tờ trình 😀\r\nĐơn vị".utf8)
            let raw = SourceDecoder.encode(original, as: encoding)
            let decoded = SourceDecoder.decode(raw)
            XCTAssertNil(decoded.problem)
            XCTAssertEqual(decoded.text.encoding, encoding)
            XCTAssertEqual(decoded.text.bytes, original)
            XCTAssertEqual(SourceDecoder.encode(decoded.text.bytes, as: encoding), raw)
        }
    }

    func testInvalidUTF8NamesTCVN3() {
        let raw = Array("Đơn vị: ok\n".utf8) + latin1("Céng hßa x· héi chñ nghÜa ViÖt Nam\n")
        let decoded = SourceDecoder.decode(raw)
        XCTAssertEqual(decoded.problem?.likelyEncoding, .tcvn3)
        XCTAssertEqual(decoded.problem?.line, 1)
        XCTAssertEqual(decoded.problem?.byteOffset, Array("Đơn vị: ok\nC".utf8).count)
        XCTAssertEqual(decoded.problem?.lineReading, "Cộng hòa xã hội chủ nghĩa Việt Nam")
    }

    func testInvalidUTF8NamesVNI() {
        let decoded = SourceDecoder.decode(latin1("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"))
        XCTAssertEqual(decoded.problem?.likelyEncoding, .vni)
        XCTAssertEqual(decoded.problem?.line, 0)
        XCTAssertEqual(decoded.problem?.lineReading, "Cộng hòa xã hội chủ nghĩa Việt Nam")
    }

    func testInvalidUTF8NamesWindows1258() {
        // "Cộng hòa xã hội" in Windows-1258: ô = F4, dot below = F2, grave = CC, tilde = DE.
        let raw: [UInt8] = [0x43, 0xF4, 0xF2, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xCC, 0x61, 0x20, 0x78, 0x61, 0xDE, 0x20,
                            0x68, 0xF4, 0xF2, 0x69]
        XCTAssertEqual(SourceDecoder.decode(raw).problem?.likelyEncoding, .windows1258)
        XCTAssertNil(SourceDecoder.decode(raw).problem?.lineReading, "hoso does not read Windows-1258")
    }

    /// The line shown for HS001: the bad byte's whole line (a CRLF's CR left out), read in the
    /// encoding guessed, UTF-8 in it kept.
    func testTheBadLineIsReadInTheEncodingGuessed() {
        let raw = Array("Đơn vị: ok\r\nKính gửi: ".utf8) + latin1("Céng hßa x· héi chñ nghÜa\r\nSè: 12\r\n")
        let problem = SourceDecoder.decode(raw).problem
        XCTAssertEqual(problem?.line, 1)
        XCTAssertEqual(problem?.lineReading, "Kính gửi: Cộng hòa xã hội chủ nghĩa")
    }

    func testOverlongAndSurrogateAreInvalid() {
        XCTAssertEqual(SourceDecoder.firstInvalidUTF8([0x41, 0xC0, 0x80]), 1)
        XCTAssertEqual(SourceDecoder.firstInvalidUTF8([0xED, 0xA0, 0x80]), 0)
        XCTAssertEqual(SourceDecoder.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]), 0)
        XCTAssertEqual(SourceDecoder.firstInvalidUTF8([0xE1, 0xBB]), 0)
        XCTAssertNil(SourceDecoder.firstInvalidUTF8(Array("Nguyễn 😀".utf8)))
    }

    /// The first bad byte is where the standard library's decoder first fails, wherever it
    /// falls: in runs of ASCII, of Vietnamese letters, or right after either.
    func testTheFirstInvalidByteIsTheDecodersFirstError() {
        let pieces: [[UInt8]] = [Array("Năm 2021: ".utf8), Array("Hoàn thành tốt nhiệm vụ".utf8), Array("abcdefghijkl".utf8),
                                 Array("😀ệ".utf8), [0xC0], [0xE1, 0xBB], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF]]
        var state: UInt64 = 7
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(state % 9)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let k = Int(state >> 33) % 100
                bytes += pieces[k < 90 ? k % 4 : 4 + k % 6]
            }
            var expected: Int?
            var iterator = bytes.makeIterator(), decoder = UTF8(), consumed = 0, offset = 0
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar); consumed = offset
                case .emptyInput: break decoding
                case .error: expected = consumed; break decoding
                }
            }
            XCTAssertEqual(SourceDecoder.firstInvalidUTF8(bytes), expected, "\(bytes)")
        }
    }
}
