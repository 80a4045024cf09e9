// libFuzzer target: arbitrary bytes → decode → parse → every rule (single-file and cross-file),
// then the safe fixes applied and the result re-linted, and the layout formatted: formatting
// twice gives nothing more, and no finding's code appears or disappears. Built by Tests/Fuzz/run.sh.

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
}
