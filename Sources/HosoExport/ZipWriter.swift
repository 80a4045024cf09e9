/// CRC-32 as zip (and PNG, gzip) use it: polynomial 0xEDB88320, reflected, inverted.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The checksum of `bytes` (`"123456789"` gives 0xCBF43926).
    public static func checksum<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// A zip archive of stored (uncompressed) entries, as APPNOTE.TXT 6.3 describes: a local
/// header and the data per entry, then the central directory and its end record. Enough for an
/// Office document (a few small parts); no ZIP64, so each entry and the whole stay under 4 GB.
public struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let time: UInt16, date: UInt16

    /// An empty archive whose entries are dated `modified` (seconds since 1970, UTC).
    public init(modified: Int64) {
        (time, date) = CivilTime(modified).dos
    }

    /// Adds an entry holding `text` as UTF-8.
    public mutating func add(_ name: String, _ text: String) {
        add(name, bytes: Array(text.utf8))
    }

    /// Adds an entry holding `bytes`, stored as they are.
    public mutating func add(_ name: String, bytes: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(bytes)
        let offset = UInt32(output.count)
        // Bit 11: the name is UTF-8 (ASCII names are the same either way).
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        // Local file header.
        append32(&output, 0x0403_4B50)
        append16(&output, 20)          // version needed to extract: 2.0
        append16(&output, flags)
        append16(&output, 0)           // method: stored
        append16(&output, time)
        append16(&output, date)
        append32(&output, crc)
        append32(&output, UInt32(bytes.count))
        append32(&output, UInt32(bytes.count))
        append16(&output, UInt16(nameBytes.count))
        append16(&output, 0)           // extra field length
        output += nameBytes
        output += bytes
        // Its central directory record.
        append32(&central, 0x0201_4B50)
        append16(&central, 0x031E)     // made by: UNIX, 3.0
        append16(&central, 20)
        append16(&central, flags)
        append16(&central, 0)
        append16(&central, time)
        append16(&central, date)
        append32(&central, crc)
        append32(&central, UInt32(bytes.count))
        append32(&central, UInt32(bytes.count))
        append16(&central, UInt16(nameBytes.count))
        append16(&central, 0)          // extra field length
        append16(&central, 0)          // comment length
        append16(&central, 0)          // disk number
        append16(&central, 0)          // internal attributes
        append32(&central, 0o100644 << 16)  // external attributes: a regular file, rw-r--r--
        append32(&central, offset)
        central += nameBytes
        count += 1
    }

    /// The archive's bytes: the entries, the central directory, the end record.
    public func finish() -> [UInt8] {
        var out = output
        let directoryOffset = UInt32(out.count)
        out += central
        append32(&out, 0x0605_4B50)
        append16(&out, 0)              // this disk
        append16(&out, 0)              // disk with the directory
        append16(&out, UInt16(count))
        append16(&out, UInt16(count))
        append32(&out, UInt32(central.count))
        append32(&out, directoryOffset)
        append16(&out, 0)              // comment length
        return out
    }

    private func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        bytes += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}

/// A moment as a UTC calendar date and time, from seconds since 1970 (no Foundation needed).
struct CivilTime: Equatable {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(_ seconds: Int64) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        (hour, minute, second) = (rest / 3600, rest % 3600 / 60, rest % 60)
        // Days to a civil date (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `2022-05-18T08:30:00Z`.
    var w3cdtf: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    /// MS-DOS time and date (two-second steps, years 1980–2107; outside them, the nearest end).
    var dos: (time: UInt16, date: UInt16) {
        guard year >= 1980 else { return (0, 0x21) }  // 1980-01-01 00:00
        guard year <= 2107 else { return (0xBF7D, 0xFF9F) }  // 2107-12-31 23:59:58
        let time = UInt16(hour << 11 | minute << 5 | second / 2)
        let date = UInt16((year - 1980) << 9 | month << 5 | day)
        return (time, date)
    }
}
