import HosoRules
import HosoText

/// JUnit XML as CI systems read it (GitLab, Jenkins, Azure Pipelines): one `<testsuite>` per file
/// checked, named by its path as given, with one `<testcase>` per finding.
///
/// A finding's test case is named `HSnnn line:col` (classname: the path) and fails with a
/// `<failure>` (type: the code) at error or warning severity; a note or hint passes, its text in
/// `<system-out>`. A clean file is one passing test case named `lint`, so a clean run is a green
/// suite. What could not be checked, a fix refused or a broken config is an `<error>` test case
/// (`not-checked`, `run-failed`): in the file's suite when it concerns a file, else in a suite
/// named `hoso`; the run is never green then. Nothing in the document depends on the clock or
/// the machine, and all text goes through `XMLText`.
enum JUnitReport {
    /// One `<testcase>`, rendered, and how it counts.
    struct Case {
        var xml: String
        var failed = false
        var errored = false
    }

    static func render(_ files: [LintedFile], run: RunOutcome, language: Language) -> String {
        var suites: [(name: String, cases: [Case])] = []
        var problemsOf: [String: [RunProblem]] = [:]
        var loose: [RunProblem] = []
        let checked = Set(files.map(\.path))
        for problem in run.problems {
            if let path = problem.path, checked.contains(path) { problemsOf[path, default: []].append(problem) } else { loose.append(problem) }
        }
        for file in files {
            var cases: [Case] = []
            var locator = Locator(file.result.text)
            for finding in file.result.findings {
                cases.append(testCase(finding, at: locator.locate(finding.range), path: file.path, language: language))
            }
            let problems = problemsOf[file.path] ?? []
            cases += problems.enumerated().map { errorCase($1, index: $0, of: problems, classname: file.path, language: language) }
            if cases.isEmpty {
                let path = XMLText.attribute(file.path)
                cases.append(Case(xml: "<testcase classname=\"\(path)\" name=\"lint\" file=\"\(path)\"/>"))
            }
            suites.append((file.path, cases))
        }
        // Files and folders not checked, each in a suite of its own; the rest under `hoso`.
        var order: [String] = []
        var byName: [String: [RunProblem]] = [:]
        for problem in loose {
            let name = problem.path ?? "hoso"
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(problem)
        }
        for name in order {
            let problems = byName[name]!
            suites.append((name, problems.enumerated().map { errorCase($1, index: $0, of: problems, classname: name, language: language) }))
        }

        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let all = suites.flatMap(\.cases)
        lines.append("<testsuites name=\"hoso\" tests=\"\(all.count)\" failures=\"\(all.filter(\.failed).count)\" errors=\"\(all.filter(\.errored).count)\">")
        for suite in suites {
            lines.append("  <testsuite name=\"\(XMLText.attribute(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.cases.filter(\.failed).count)\" errors=\"\(suite.cases.filter(\.errored).count)\" skipped=\"0\">")
            for item in suite.cases { lines.append("    " + item.xml) }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n")
    }

    /// A finding's test case: failing at error and warning severity, passing (with its text) below.
    static func testCase(_ finding: Finding, at location: Location, path: String, language: Language) -> Case {
        let file = XMLText.attribute(path)
        let message = finding.message.text(language)
        var text = "\(path):\(location.line):\(location.column): \(finding.severity.word(language))[\(finding.code)]: \(message)"
        for fix in finding.fixes.prefix(1) { text += "\n" + (language == .vi ? "= sửa: " : "= fix: ") + fix.title.text(language) }
        let open = "<testcase classname=\"\(file)\" name=\"\(finding.code) \(location.line):\(location.column)\" file=\"\(file)\" line=\"\(location.line)\">"
        switch finding.severity {
        case .error, .warning:
            return Case(xml: open + "\n      <failure message=\"\(XMLText.attribute(message))\" type=\"\(finding.code)\">"
                             + XMLText.content(text) + "</failure>\n    </testcase>", failed: true)
        case .info, .hint:
            return Case(xml: open + "\n      <system-out>" + XMLText.content(text) + "</system-out>\n    </testcase>")
        }
    }

    /// A test case in error for something that kept the run from checking everything.
    static func errorCase(_ problem: RunProblem, index: Int, of problems: [RunProblem], classname: String, language: Language) -> Case {
        let kind = problem.kind.name
        // Unique names within the suite: CI systems merge test cases of the same name.
        let sameKind = problems.filter { $0.kind == problem.kind }.count
        let number = problems[..<index].filter { $0.kind == problem.kind }.count + 1
        let name = sameKind > 1 ? "\(kind) \(number)" : kind
        let message = problem.message.text(language)
        return Case(xml: "<testcase classname=\"\(XMLText.attribute(classname))\" name=\"\(name)\">\n      <error message=\"\(XMLText.attribute(message))\" type=\"\(kind)\">"
                         + XMLText.content(message) + "</error>\n    </testcase>", errored: true)
    }
}
