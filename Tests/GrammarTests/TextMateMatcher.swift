import Foundation

/// A small TextMate grammar interpreter, enough to check the scopes `Grammar/hoso.tmLanguage.json`
/// gives: `match` with `name`/`captures`, `begin`/`end` with nested `patterns`, `include` of
/// `#repository` items and `$self`. Regexes run with ICU (NSRegularExpression), which accepts the
/// Oniguruma subset the grammar uses. Positions are UTF-16 offsets within a line.
final class TextMateMatcher {
    final class Rule {
        var name: String?
        var match: NSRegularExpression?
        var begin: NSRegularExpression?
        var end: NSRegularExpression?
        var captures: [Int: String] = [:]
        var beginCaptures: [Int: String] = [:]
        var endCaptures: [Int: String] = [:]
        var patterns: [Rule] = []
        var include: String?
    }

    private var repository: [String: Rule] = [:]
    private let root: Rule

    init(grammar url: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        root = Rule()
        let parsedRepository = (json["repository"] as? [String: [String: Any]] ?? [:])
        for (key, value) in parsedRepository { repository[key] = try Self.rule(value) }
        root.patterns = try (json["patterns"] as? [[String: Any]] ?? []).map(Self.rule)
    }

    private static func rule(_ json: [String: Any]) throws -> Rule {
        let rule = Rule()
        rule.name = json["name"] as? String
        rule.include = json["include"] as? String
        if let match = json["match"] as? String { rule.match = try NSRegularExpression(pattern: match) }
        if let begin = json["begin"] as? String { rule.begin = try NSRegularExpression(pattern: begin) }
        if let end = json["end"] as? String { rule.end = try NSRegularExpression(pattern: end) }
        func captures(_ key: String) -> [Int: String] {
            var out: [Int: String] = [:]
            for (k, v) in json[key] as? [String: [String: Any]] ?? [:] { if let i = Int(k), let n = v["name"] as? String { out[i] = n } }
            return out
        }
        rule.captures = captures("captures")
        rule.beginCaptures = captures("beginCaptures")
        rule.endCaptures = captures("endCaptures")
        rule.patterns = try (json["patterns"] as? [[String: Any]] ?? []).map(Self.rule)
        return rule
    }

    /// Replaces includes with the rules they name, recursively for pattern-only rules.
    private func expand(_ rules: [Rule]) -> [Rule] {
        rules.flatMap { rule -> [Rule] in
            if let include = rule.include {
                if include == "$self" { return expand(root.patterns) }
                guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] else { return [] }
                return expand([target])
            }
            if rule.match == nil && rule.begin == nil { return expand(rule.patterns) }
            return [rule]
        }
    }

    /// The scopes of every UTF-16 position of every line.
    func tokenize(_ text: String) -> [[[String]]] {
        var stack: [(rule: Rule, scopes: [String])] = []
        var result: [[[String]]] = []
        for line in text.components(separatedBy: "\n") {
            let ns = line as NSString
            var scopes = Array(repeating: [String](), count: ns.length + 1)
            func paint(_ range: NSRange, _ name: String?) {
                guard let name, range.location != NSNotFound else { return }
                for i in range.location..<min(range.location + range.length, scopes.count) { scopes[i] += name.split(separator: " ").map(String.init) }
            }
            var position = 0
            while position <= ns.length {
                let outer = stack.last?.scopes ?? []
                let candidates = expand(stack.last?.rule.patterns ?? root.patterns)
                var best: (rule: Rule, match: NSTextCheckingResult)?
                for rule in candidates {
                    guard let regex = rule.match ?? rule.begin,
                          let m = regex.firstMatch(in: line, range: NSRange(location: position, length: ns.length - position)) else { continue }
                    if best == nil || m.range.location < best!.match.range.location { best = (rule, m) }
                }
                if let frame = stack.last, let endRegex = frame.rule.end,
                   let m = endRegex.firstMatch(in: line, range: NSRange(location: position, length: ns.length - position)),
                   best == nil || m.range.location <= best!.match.range.location {
                    for i in position..<min(m.range.location + m.range.length, scopes.count) { scopes[i] = outer + scopes[i] }
                    for (group, name) in frame.rule.endCaptures where group < m.numberOfRanges { paint(m.range(at: group), name) }
                    stack.removeLast()
                    position = m.range.location + max(m.range.length, m.range.length == 0 && m.range.location >= ns.length ? 1 : 0)
                    if m.range.length == 0 && m.range.location < ns.length { position = m.range.location }
                    if m.range.location >= ns.length { break }
                    continue
                }
                guard let (rule, m) = best else {
                    for i in position..<scopes.count { scopes[i] = outer + scopes[i] }
                    break
                }
                for i in position..<min(m.range.location + m.range.length, scopes.count) { scopes[i] = outer + scopes[i] }
                if rule.begin != nil {
                    paint(m.range, rule.name)
                    for (group, name) in rule.beginCaptures where group < m.numberOfRanges { paint(m.range(at: group), name) }
                    stack.append((rule, outer + (rule.name.map { [$0] } ?? [])))
                } else {
                    paint(m.range, rule.name)
                    for (group, name) in rule.captures where group < m.numberOfRanges { paint(m.range(at: group), name) }
                }
                position = m.range.location + max(m.range.length, 1)
            }
            result.append(scopes)
        }
        return result
    }
}
