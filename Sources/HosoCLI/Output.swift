/// A byte buffer that commands write into; the executable flushes it to a file descriptor.
public struct OutputBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    public mutating func bytes(_ more: [UInt8]) { bytes.append(contentsOf: more) }
    public mutating func line(_ string: String = "") { write(string); bytes.append(0x0A) }
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Builds JSON text by hand: keys stay in the order written, output is deterministic.
struct JSONWriter {
    private(set) var text = ""

    /// Escapes a string as a JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON value built in code and printed with stable key order.
indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    /// Compact or two-space indented JSON text.
    func render(indent: Int? = 2, level: Int = 0) -> String {
        let pad = indent.map { String(repeating: " ", count: $0 * (level + 1)) } ?? ""
        let closePad = indent.map { String(repeating: " ", count: $0 * level) } ?? ""
        let nl = indent == nil ? "" : "\n"
        let colon = indent == nil ? ":" : ": "
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{" + nl + members.map { pad + JSONWriter.quote($0.0) + colon + $0.1.render(indent: indent, level: level + 1) }
                .joined(separator: "," + nl) + nl + closePad + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + nl + items.map { pad + $0.render(indent: indent, level: level + 1) }.joined(separator: "," + nl)
                + nl + closePad + "]"
        case .string(let s): return JSONWriter.quote(s)
        case .int(let n): return String(n)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}
