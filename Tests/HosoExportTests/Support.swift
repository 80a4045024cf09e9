import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import HosoSemantics
import HosoSyntax
@testable import HosoExport

/// Dossiers, zip reading and XML parsing for the export's tests.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dossier(_ text: String, profile: Profile = .sonLa2022) -> Dossier {
        Dossier(tree: Parser.parse(text), profile: profile)
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    }

    /// 2022-05-18 08:30:00 UTC.
    static let created: Int64 = 1_652_862_600
}

/// A zip archive read back: every entry's name, header fields and data, checked as it is read.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let data: [UInt8]
        let time: UInt16, date: UInt16
    }

    let entries: [Entry]

    func data(_ name: String) -> [UInt8]? { entries.first { $0.name == name }?.data }
    func text(_ name: String) -> String? { data(name).map { String(decoding: $0, as: UTF8.self) } }

    /// Reads through the end record and the central directory, and checks each local header
    /// against its directory record.
    init(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        let end = try XCTUnwrap((0...(bytes.count - 22)).reversed().first { u32($0) == 0x0605_4B50 }, "no end record", file: file, line: line)
        XCTAssertEqual(end, bytes.count - 22, "the end record closes the file (no comment)", file: file, line: line)
        let count = Int(u16(end + 10))
        XCTAssertEqual(u16(end + 8), u16(end + 10), file: file, line: line)
        let size = Int(u32(end + 12)), offset = Int(u32(end + 16))
        XCTAssertEqual(offset + size, end, "the central directory ends where the end record starts", file: file, line: line)
        var entries: [Entry] = []
        var at = offset
        for _ in 0..<count {
            XCTAssertEqual(u32(at), 0x0201_4B50, file: file, line: line)
            let method = u16(at + 10), time = u16(at + 12), date = u16(at + 14), crc = u32(at + 16)
            let compressed = Int(u32(at + 20)), uncompressed = Int(u32(at + 24))
            let nameLength = Int(u16(at + 28)), extra = Int(u16(at + 30)), comment = Int(u16(at + 32))
            let local = Int(u32(at + 42))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            XCTAssertEqual(u32(local), 0x0403_4B50, name, file: file, line: line)
            XCTAssertEqual(u16(local + 8), method, name, file: file, line: line)
            XCTAssertEqual(u32(local + 14), crc, name, file: file, line: line)
            XCTAssertEqual(Int(u32(local + 18)), compressed, name, file: file, line: line)
            XCTAssertEqual(Int(u32(local + 22)), uncompressed, name, file: file, line: line)
            let localName = Int(u16(local + 26)), localExtra = Int(u16(local + 28))
            XCTAssertEqual(String(decoding: bytes[(local + 30)..<(local + 30 + localName)], as: UTF8.self), name, file: file, line: line)
            let start = local + 30 + localName + localExtra
            let data = Array(bytes[start..<(start + compressed)])
            entries.append(Entry(name: name, method: method, crc: crc, data: data, time: time, date: date))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }
}

/// CRC-32 bit by bit, without a table: an independent check of `CRC32`.
func slowCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
}

/// An XML element as parsed: its qualified name, attributes and children.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (itself included), depth first.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    /// All text below this element.
    var allText: String { text + children.map(\.allText).joined() }
}

/// Parses XML with Foundation's parser (FoundationXML on Linux); throws when it is not well-formed.
func parseXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLNode {
    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = [XMLNode(name: "#document", attributes: [:])]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLNode(name: qualifiedName ?? name, attributes: attributes)
            stack.last!.children.append(node)
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last!.text += string }
    }
    let parser = XMLParser(data: Data(text.utf8))
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse() else {
        throw NSError(domain: "xml", code: 1, userInfo: [NSLocalizedDescriptionKey: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")"])
    }
    return try XCTUnwrap(builder.stack.first?.children.first, file: file, line: line)
}
