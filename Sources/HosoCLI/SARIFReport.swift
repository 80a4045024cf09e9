import HosoRules
import HosoServer
import HosoText
import HosoProtocol
import HosoWorkspace

/// SARIF 2.1.0: one run, the rule catalogue in `tool.driver.rules`, columns in Unicode code points.
///
/// The invocation says whether the run succeeded (`executionSuccessful` false, with a
/// notification each, when a file could not be checked or a fix was refused), relative paths
/// are against `%SRCROOT%` (the folder hoso ran in), the newline sequences are the ones lines
/// are counted by (a lone CR too), and suppressed findings are results with their justification.
enum SARIFReport {
    static func render(_ files: [LintedFile], run: RunOutcome, language: Language) -> String {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.code, $0.offset) })
        let texts = Dictionary(files.map { ($0.path, $0.result.text) }, uniquingKeysWith: { first, _ in first })
        func region(_ location: Location) -> JSON {
            .object([("startLine", .int(location.line)), ("startColumn", .int(location.column)),
                     ("endLine", .int(location.endLine)), ("endColumn", .int(location.endColumn))])
        }
        func physical(_ path: String, _ location: Location) -> JSON {
            .object([("artifactLocation", artifact(path)), ("region", region(location))])
        }
        var results: [JSON] = []
        for file in files {
            let text = file.result.text
            var locator = Locator(text), editLocator = Locator(text)
            var suppressedLocator = Locator(text)
            for item in file.result.suppressed {
                let finding = item.finding
                var suppression: [(String, JSON)] = [("kind", .string("inSource"))]
                if let reason = item.reason { suppression.append(("justification", .string(reason))) }
                results.append(.object([
                    ("ruleId", .string(finding.code)),
                    ("ruleIndex", .int(ruleIndex[finding.code] ?? 0)),
                    ("level", .string(level(finding.severity))),
                    ("message", .object([("text", .string(finding.message.text(language)))])),
                    ("locations", .array([.object([("physicalLocation", physical(file.path, suppressedLocator.locate(finding.range)))])])),
                    ("suppressions", .array([.object(suppression)])),
                ]))
            }
            for finding in file.result.findings {
                var members: [(String, JSON)] = [
                    ("ruleId", .string(finding.code)),
                    ("ruleIndex", .int(ruleIndex[finding.code] ?? 0)),
                    ("level", .string(level(finding.severity))),
                    ("message", .object([("text", .string(finding.message.text(language)))])),
                    ("locations", .array([.object([("physicalLocation", physical(file.path, locator.locate(finding.range)))])])),
                ]
                if !finding.related.isEmpty {
                    members.append(("relatedLocations", .array(finding.related.enumerated().map { index, related in
                        let path = related.path ?? file.path
                        var relatedLocator = Locator(texts[path] ?? text)
                        return .object([("id", .int(index)), ("physicalLocation", physical(path, relatedLocator.locate(related.range))),
                                        ("message", .object([("text", .string(related.message.text(language)))]))])
                    })))
                }
                if !finding.fixes.isEmpty {
                    members.append(("fixes", .array(finding.fixes.map { fix in
                        .object([
                            ("description", .object([("text", .string(fix.title.text(language)))])),
                            ("artifactChanges", .array([.object([
                                ("artifactLocation", artifact(file.path)),
                                ("replacements", .array(fix.edits.map { edit in
                                    .object([("deletedRegion", region(editLocator.locate(edit.range))),
                                             ("insertedContent", .object([("text", .string(edit.newText))]))])
                                })),
                            ])])),
                        ])
                    })))
                }
                results.append(.object(members))
            }
        }
        let driver: JSON = .object([
            ("name", .string("hoso")),
            ("version", .string(HosoVersion.current)),
            ("informationUri", .string("https://github.com/hoso-vn/hoso")),
            ("rules", .array(rules.map { rule in
                // The rule's page as the run's (first) profile reads it.
                let page = rule.documentation(for: run.profiles.first ?? .sonLa2022)
                return .object([
                    ("id", .string(rule.code)),
                    ("name", .string(rule.code)),
                    ("shortDescription", .object([("text", .string(rule.title.text(language)))])),
                    ("fullDescription", .object([("text", .string(page.summary.text(language)))])),
                    ("help", .object([("text", .string(page.fix.text(language)))])),
                    ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
                ])
            })),
        ])
        return JSON.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(run.problems.isEmpty)),
                    ("toolExecutionNotifications", .array(run.problems.map { problem in
                        .object([("level", .string("error")), ("message", .object([("text", .string(problem.message.text(language)))]))])
                    })),
                ])])),
                ("originalUriBaseIds", .object([("SRCROOT", .object([("uri", .string(FileURI.uri(PathTools.absolute(".")) + "/"))]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("newlineSequences", .array(["\r\n", "\n", "\r"].map(JSON.string))),
                ("artifacts", .array(files.map { .object([("location", artifact($0.path))]) })),
                ("results", .array(results)),
            ])])),
        ]).render()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    /// Where a file is: an absolute `file://` URI, or a relative reference against `SRCROOT`.
    static func artifact(_ path: String) -> JSON {
        if path.hasPrefix("/") { return .object([("uri", .string(FileURI.uri(path)))]) }
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return .object([("uri", .string(FileURI.percentEncoded(relative))), ("uriBaseId", .string("SRCROOT"))])
    }
}
