/// Why a JSON value is not what a file's schema wants: its path and the problem in both languages.
public struct JSONSchemaError: Error, Equatable, CustomStringConvertible {
    /// Where (`$.awardForms[0].quota.ca-nhan`).
    public let path: String
    public let vi: String
    public let en: String
    /// The problem is the member's name, not its value: locate the key.
    public let atKey: Bool

    public init(path: String, vi: String, en: String, atKey: Bool = false) {
        self.path = path
        self.vi = vi
        self.en = en
        self.atKey = atKey
    }

    public var description: String { "\(path): \(en)" }
}

/// A value being read, with its path, for typed reads that fail with a located, bilingual error.
///
/// Profiles and `hoso.json` are read through it, so every problem names the JSON path and says
/// what was expected and what was found ("cần một số nguyên, gặp một chuỗi").
public struct JSONCursor {
    public let value: JSON
    public let path: String

    public init(_ value: JSON, path: String = "$") {
        self.value = value
        self.path = path
    }

    /// An error at this value.
    public func error(vi: String, en: String) -> JSONSchemaError { JSONSchemaError(path: path, vi: vi, en: en) }

    /// "expected X, found Y" at this value.
    public func mismatch(_ expected: (vi: String, en: String)) -> JSONSchemaError {
        let found = value.kindName
        return error(vi: "cần \(expected.vi), gặp \(found.vi)", en: "expected \(expected.en), found \(found.en)")
    }

    public func string() throws -> String {
        guard case .string(let s) = value else { throw mismatch(("một chuỗi", "a string")) }
        return s
    }

    public func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(("true hoặc false", "true or false")) }
        return b
    }

    public func number() throws -> Double {
        switch value {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: throw mismatch(("một số", "a number"))
        }
    }

    /// A whole number within `range`; `expected` says what kind ("một số nguyên không âm").
    public func integer(in range: ClosedRange<Int>, expected: (vi: String, en: String)) throws -> Int {
        let n: Double
        do { n = try number() } catch { throw mismatch(expected) }
        guard n.rounded() == n, n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            let shown = n.rounded() == n && abs(n) < 1e15 ? "\(Int(n))" : "\(n)"
            throw error(vi: "cần \(expected.vi), gặp \(shown)", en: "expected \(expected.en), found \(shown)")
        }
        return Int(n)
    }

    public func array() throws -> [JSONCursor] {
        guard case .array(let items) = value else { throw mismatch(("một mảng [...]", "an array [...]")) }
        return items.enumerated().map { JSONCursor($0.element, path: JSONPath.element($0.offset, of: path)) }
    }

    public func object() throws -> JSONObjectCursor {
        guard case .object(let members) = value else { throw mismatch(("một đối tượng {...}", "an object {...}")) }
        return JSONObjectCursor(members: members, path: path)
    }

    /// Strings only: `[String]`.
    public func strings() throws -> [String] { try array().map { try $0.string() } }
}

/// An object being read: members by key, missing keys reported, unknown keys listed.
public struct JSONObjectCursor {
    public let members: [(String, JSON)]
    public let path: String

    /// Every member, in order, as cursors.
    public var entries: [(key: String, value: JSONCursor)] {
        members.map { ($0.0, JSONCursor($0.1, path: JSONPath.member($0.0, of: path))) }
    }

    /// The member `key`; a missing key is an error naming it.
    public func required(_ key: String) throws -> JSONCursor {
        if let value = members.first(where: { $0.0 == key })?.1, value.isNull {
            throw JSONCursor(value, path: JSONPath.member(key, of: path)).mismatch(("một giá trị (khoá này bắt buộc)", "a value (this key is required)"))
        }
        guard let member = optional(key) else {
            if let typo = members.map(\.0).first(where: { $0 != key && Self.isTypo($0, of: key) }) {
                throw JSONSchemaError(path: JSONPath.member(typo, of: path), vi: "thiếu khoá \"\(key)\" (viết nhầm thành \"\(typo)\"?)",
                                      en: "missing key \"\(key)\" (misspelt as \"\(typo)\"?)", atKey: true)
            }
            throw JSONSchemaError(path: path, vi: "thiếu khoá \"\(key)\"", en: "missing key \"\(key)\"")
        }
        return member
    }

    /// The member `key`, or nil when it is missing or `null`.
    public func optional(_ key: String) -> JSONCursor? {
        guard let value = members.first(where: { $0.0 == key })?.1, !value.isNull else { return nil }
        return JSONCursor(value, path: JSONPath.member(key, of: path))
    }

    /// Whether `typed` is `key` with at most two letters added, dropped or changed, ignoring case.
    static func isTypo(_ typed: String, of key: String) -> Bool {
        let a = Array(typed.lowercased().unicodeScalars), b = Array(key.lowercased().unicodeScalars)
        guard abs(a.count - b.count) <= 2, !a.isEmpty, !b.isEmpty else { return false }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= min(2, b.count / 3)
    }

    /// The paths of members whose keys are not in `known`, for "unknown key" warnings.
    public func unknownKeys(known: Set<String>) -> [String] {
        members.map(\.0).filter { !known.contains($0) }.map { JSONPath.member($0, of: path) }
    }
}

extension JSON {
    /// What kind of value this is, for "found …" in errors.
    public var kindName: (vi: String, en: String) {
        switch self {
        case .null: return ("null", "null")
        case .bool(let b): return ("\(b)", "\(b)")
        case .int(let n): return ("số \(n)", "the number \(n)")
        case .double(let d): return ("số \(d)", "the number \(d)")
        case .string(let s):
            let shown = s.count > 40 ? String(s.prefix(40)) + "…" : s
            return ("chuỗi \"\(shown)\"", "the string \"\(shown)\"")
        case .array: return ("một mảng", "an array")
        case .object: return ("một đối tượng", "an object")
        }
    }
}
