/// A command-line usage error: printed on stderr with exit status 2.
public struct UsageError: Error, Equatable {
    public let message: String
}

/// Splits `--name value` / `--name=value` options from positional arguments.
struct ArgumentScanner {
    private var items: [String]
    private(set) var positionals: [String] = []

    init(_ arguments: [String]) { items = arguments }

    /// Parses the arguments given the options that take a value and the flags that do not.
    mutating func parse(valued: Set<String>, flags: Set<String>) throws -> [String: String] {
        var options: [String: String] = [:]
        var i = 0
        var onlyPositionals = false
        while i < items.count {
            let item = items[i]
            i += 1
            if onlyPositionals || item == "-" || !item.hasPrefix("-") { positionals.append(item); continue }
            if item == "--" { onlyPositionals = true; continue }
            var name = item, inline: String?
            if let eq = item.firstIndex(of: "=") {
                name = String(item[..<eq])
                inline = String(item[item.index(after: eq)...])
            }
            if flags.contains(name) {
                guard inline == nil else { throw UsageError(message: "tuỳ chọn \(name) không nhận giá trị / \(name) takes no value") }
                options[name] = "true"
            } else if valued.contains(name) {
                if let inline { options[name] = inline; continue }
                guard i < items.count else {
                    throw UsageError(message: "tuỳ chọn \(name) cần một giá trị / \(name) needs a value")
                }
                options[name] = items[i]
                i += 1
            } else {
                throw UsageError(message: "không có tuỳ chọn \(name) / unknown option \(name)")
            }
        }
        return options
    }
}
