import Foundation
import XCTest
@testable import HosoExport

/// The CRC-32 and the zip writer: known checksums, the archive's structure read back field by
/// field, and the system's own zip readers (`unzip -t`, `python3 -m zipfile -t`) when present.
final class ZipTests: XCTestCase {
    func testCRC32KnownValues() {
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        XCTAssertEqual(CRC32.checksum([0]), 0xD202_EF8D)
        var random = SystemRandomNumberGenerator()
        for length in [1, 7, 255, 4096] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            XCTAssertEqual(CRC32.checksum(bytes), slowCRC32(bytes), "length \(length)")
        }
    }

    func testArchiveStructureReadsBack() throws {
        var zip = ZipWriter(modified: Fixture.created)
        zip.add("[Content_Types].xml", "<a/>")
        zip.add("word/document.xml", "Độc lập - Tự do - Hạnh phúc")
        zip.add("empty", bytes: [])
        let bytes = zip.finish()
        let archive = try ZipArchive(bytes)
        XCTAssertEqual(archive.entries.map(\.name), ["[Content_Types].xml", "word/document.xml", "empty"])
        for entry in archive.entries {
            XCTAssertEqual(entry.method, 0, "stored")
            XCTAssertEqual(entry.crc, slowCRC32(entry.data), entry.name)
            // 2022-05-18 08:30:00 in MS-DOS form.
            XCTAssertEqual(entry.date, UInt16((2022 - 1980) << 9 | 5 << 5 | 18))
            XCTAssertEqual(entry.time, UInt16(8 << 11 | 30 << 5))
        }
        XCTAssertEqual(archive.text("word/document.xml"), "Độc lập - Tự do - Hạnh phúc")
        XCTAssertEqual(archive.data("empty"), [])
        // The same input gives the same bytes.
        var again = ZipWriter(modified: Fixture.created)
        again.add("[Content_Types].xml", "<a/>")
        again.add("word/document.xml", "Độc lập - Tự do - Hạnh phúc")
        again.add("empty", bytes: [])
        XCTAssertEqual(again.finish(), bytes)
    }

    func testCivilTime() {
        XCTAssertEqual(CivilTime(0).w3cdtf, "1970-01-01T00:00:00Z")
        XCTAssertEqual(CivilTime(Fixture.created).w3cdtf, "2022-05-18T08:30:00Z")
        XCTAssertEqual(CivilTime(951_782_400).w3cdtf, "2000-02-29T00:00:00Z")
        XCTAssertEqual(CivilTime(-1).w3cdtf, "1969-12-31T23:59:59Z")
        XCTAssertEqual(CivilTime(0).dos.date, 0x21, "before 1980: 1980-01-01")
        XCTAssertEqual(CivilTime(4_354_819_200).dos.date, 0xFF9F, "after 2107: 2107-12-31")
    }

    /// `unzip -t` and Python's `zipfile` accept an exported document and find every CRC right.
    func testSystemZipReadersAcceptAnExport() throws {
        let dossier = Fixture.dossier(try Fixture.example("phong-tchcqt.hoso"))
        let bytes = Exporter.export(dossier, format: .docx, created: Fixture.created).bytes
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-zip-\(UUID().uuidString).docx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var ran = 0
        for command in [["unzip", "-t", url.path], ["python3", "-m", "zipfile", "-t", url.path]] {
            guard let (status, output) = run(command) else { continue }
            ran += 1
            XCTAssertEqual(status, 0, "\(command.joined(separator: " ")): \(output)")
            XCTAssertFalse(output.lowercased().contains("bad crc"), output)
        }
        if ran == 0 { throw XCTSkip("neither unzip nor python3 is installed") }
    }

    /// Runs a command found on PATH; nil when it is not installed.
    func run(_ command: [String]) -> (Int32, String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 127 ? nil : (process.terminationStatus, output)
    }
}
