/// `file://` URIs to paths and back (percent-encoding of UTF-8 bytes, as LSP clients send them).
public enum FileURI {
    /// The file system path of a `file:` URI; nil for other schemes.
    public static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst(7))
        if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { return nil }  // drop an authority
        var bytes: [UInt8] = []
        var it = Array(rest.utf8)[...]
        while let b = it.first {
            it = it.dropFirst()
            if b == 0x25, it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `file://` URI of an absolute path.
    public static func uri(_ path: String) -> String { "file://" + percentEncoded(path) }

    /// A path as a URI path: unreserved ASCII and `/` kept, every other UTF-8 byte as `%XX`.
    public static func percentEncoded(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80 && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                out.append(c)
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
