/// A JSON value with object members kept in order, so output is deterministic.
///
/// The one JSON representation of the project: JSON-RPC messages, `hoso.json`, profiles, and the
/// command line's JSON and SARIF reports.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .double(y)), let (.double(y), .int(x)): return Double(x) == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSON? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: [(String, JSON)]? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// An integer, also from a double with no fractional part.
    public var intValue: Int? {
        switch self {
        case .int(let n): return n
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// Compact (`indent: nil`) or indented JSON text.
    public func render(indent: Int? = 2) -> String {
        var out: [UInt8] = []
        encode(into: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text as UTF-8 to `out`: one growing byte buffer, strings copied in runs.
    public func encode(into out: inout [UInt8], indent: Int? = nil, level: Int = 0) {
        func newline(_ depth: Int) {
            guard let indent else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent * depth))
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let d):
            let text = d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
            out.append(contentsOf: text.utf8)
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(level + 1)
                item.encode(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(level + 1)
                JSONText.appendQuoted(key, to: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                value.encode(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x7D)
        }
    }
}

/// JSON string escaping.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal; runs of bytes that need no escape are copied at once.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            func flush() { out.append(contentsOf: bytes[runStart..<i]) }
            while i < bytes.count {
                let b = bytes[i]
                var escape: [UInt8]?
                switch b {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0..<0x20:
                    let hex = Array(String(b, radix: 16).utf8)
                    escape = Array("\\u00".utf8) + (hex.count == 1 ? [0x30] : []) + hex
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 / U+2029 break JavaScript string literals.
                    flush()
                    out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    runStart = i
                    continue
                default:
                    break
                }
                if let escape {
                    flush()
                    out.append(contentsOf: escape)
                    runStart = i + 1
                }
                i += 1
            }
            flush()
        }
        out.append(0x22)
    }
}
