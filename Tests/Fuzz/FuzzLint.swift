// libFuzzer target: arbitrary bytes → decode → parse → every rule (single-file and cross-file),
// then the safe fixes applied and the result re-linted, and the layout formatted: formatting
// twice gives nothing more, and no finding's code appears or disappears; and the input with a
// slice cut out, re-checked incrementally into the input, gives what a full check gives.
// Built by Tests/Fuzz/run.sh.

/// Built once: building the default profile's tables per input made the target crawl (25 runs/s).
let fuzzLinter = Linter()

func fuzzLint(_ bytes: [UInt8]) {
    let linter = fuzzLinter
    let results = linter.lintTogether([LintInput(path: "a.hoso", bytes: bytes), LintInput(path: "b.hoso", bytes: bytes)], parallel: false)
    for finding in results[0].findings {
        let text = results[0].text
        precondition(finding.range.lowerBound >= 0 && finding.range.upperBound <= text.bytes.count, "finding out of range")
        _ = text.position(ofByte: finding.range.lowerBound, in: .utf16)
        _ = text.position(ofByte: finding.range.upperBound, in: .utf32)
    }
    if let (fixed, _) = Fixer.fixAll(raw: bytes, linter: linter) {
        _ = linter.lint(bytes: fixed)
    }
    if case .formatted(let formatted) = LayoutFormatter.format(raw: bytes) {
        precondition(LayoutFormatter.format(raw: formatted) == .unchanged, "formatting is not idempotent")
        func codes(_ result: LintResult) -> [String] { (result.findings + result.suppressed.map(\.finding)).map(\.code).sorted() }
        precondition(codes(linter.lint(bytes: formatted)) == codes(linter.lint(bytes: bytes)), "formatting changed the findings")
    }
    fuzzIncremental(bytes)
}

/// The input's text with a slice cut out (where and how long, from its first bytes), checked, then
/// re-checked incrementally into the whole text: the findings are a full check's.
func fuzzIncremental(_ bytes: [UInt8]) {
    guard bytes.count >= 2 else { return }
    let (text, problem) = SourceDecoder.decode(bytes)
    guard problem == nil, !text.bytes.isEmpty else { return }
    var start = Int(bytes[0]) * text.bytes.count / 256
    var end = min(text.bytes.count, start + Int(bytes[1]) % 64)
    while start > 0 && text.bytes[start] & 0xC0 == 0x80 { start -= 1 }
    while end < text.bytes.count && text.bytes[end] & 0xC0 == 0x80 { end += 1 }
    let before = text.replacing(start..<end, with: [])
    let previous = fuzzLinter.check(text: before, encodingProblem: nil)
    let incremental = fuzzLinter.check(text: text, encodingProblem: nil, previous: previous)
    let full = fuzzLinter.check(text: text, encodingProblem: nil)
    precondition(incremental.findingsByRule == full.findingsByRule, "the incremental re-check differs from a full check")
}
