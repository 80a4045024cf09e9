import HosoRules
import HosoText

/// A command-line usage error: printed on stderr, in the message language, with exit status 2.
public struct UsageError: Error, Equatable {
    public let message: LocalizedText

    init(vi: String, en: String) { message = LocalizedText(viText: vi, enText: en) }
    init(_ message: LocalizedText) { self.message = message }
}

/// A command line parsed against its command's `CommandSpec`: option values by name (a flag's
/// value is empty) and the positional arguments.
///
/// `--name value`, `--name=value` and a short alias are accepted; `--` ends the options; `-` is a
/// positional (standard input). An unknown option, or a value outside an option's choices, is a
/// `UsageError` that suggests the nearest name.
struct ParsedArguments {
    private var values: [String: String] = [:]
    private(set) var positionals: [String] = []

    init(_ arguments: [String], for spec: CommandSpec) throws {
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let item = arguments[i]
            i += 1
            if onlyPositionals || item == "-" || !item.hasPrefix("-") { positionals.append(item); continue }
            if item == "--" { onlyPositionals = true; continue }
            var name = item, inline: String?
            if let eq = item.firstIndex(of: "=") {
                name = String(item[..<eq])
                inline = String(item[item.index(after: eq)...])
            }
            guard let option = spec.option(named: name) else {
                let names = (spec.options + CommandTable.globalOptions).map(\.name)
                let hint = Suggestion.nearest(name, among: names)
                throw UsageError(vi: "lệnh `hoso \(spec.name)` không có tuỳ chọn \(name)" + (hint.map { "; có phải ý bạn là \($0)?" } ?? "; xem `hoso \(spec.name) --help`"),
                                 en: "`hoso \(spec.name)` has no option \(name)" + (hint.map { "; did you mean \($0)?" } ?? "; see `hoso \(spec.name) --help`"))
            }
            guard option.value != nil else {
                guard inline == nil else { throw UsageError(vi: "tuỳ chọn \(option.name) không nhận giá trị", en: "\(option.name) takes no value") }
                values[option.name] = ""
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < arguments.count else {
                    throw UsageError(vi: "tuỳ chọn \(option.name) cần một giá trị (\(option.value!))", en: "\(option.name) needs a value (\(option.value!))")
                }
                value = arguments[i]
                i += 1
            }
            if !option.choices.isEmpty && !option.choices.contains(value) {
                let hint = Suggestion.nearest(value, among: option.choices)
                let list = option.choices.joined(separator: ", ")
                throw UsageError(vi: "\(option.name) nhận \(list); không nhận \"\(value)\"" + (hint.map { " (có phải ý bạn là \($0)?)" } ?? ""),
                                 en: "\(option.name) takes \(list), not \"\(value)\"" + (hint.map { " (did you mean \($0)?)" } ?? ""))
            }
            values[option.name] = value
        }
    }

    /// The value of an option (empty for a flag that was given), nil when absent.
    subscript(_ name: String) -> String? { values[name] }

    /// Whether a flag (or option) was given.
    func has(_ name: String) -> Bool { values[name] != nil }

    /// The value of `--name` as a whole number of at least zero.
    func count(_ name: String) throws -> Int? {
        guard let value = values[name] else { return nil }
        guard let n = Int(value), n >= 0 else {
            throw UsageError(vi: "\(name) cần một số nguyên không âm, không phải \"\(value)\"", en: "\(name) needs a non-negative integer, not \"\(value)\"")
        }
        return n
    }
}

/// "Did you mean …?" for a mistyped command, option, value or rule code.
enum Suggestion {
    /// The name nearest to `typed` when it is near enough to be a typo (one edit in two letters,
    /// at most three: a swap of two letters is two edits), else nil.
    static func nearest(_ typed: String, among names: [String]) -> String? {
        NearestNames.typo(typed, among: names)
    }
}
