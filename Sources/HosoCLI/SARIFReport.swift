import HosoRules
import HosoServer
import HosoText
import HosoProtocol
import HosoWorkspace

/// SARIF 2.1.0: one run, the rule catalogue in `tool.driver.rules`, columns in Unicode code points.
enum SARIFReport {
    static func render(_ files: [LintedFile], language: Language) -> String {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.code, $0.offset) })
        let texts = Dictionary(files.map { ($0.path, $0.result.text) }, uniquingKeysWith: { first, _ in first })
        func region(_ location: Location) -> JSON {
            .object([("startLine", .int(location.line)), ("startColumn", .int(location.column)),
                     ("endLine", .int(location.endLine)), ("endColumn", .int(location.endColumn))])
        }
        func physical(_ path: String, _ location: Location) -> JSON {
            .object([("artifactLocation", .object([("uri", .string(uri(path)))])), ("region", region(location))])
        }
        var results: [JSON] = []
        for file in files {
            let text = file.result.text
            var locator = Locator(text), editLocator = Locator(text)
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
                                ("artifactLocation", .object([("uri", .string(uri(file.path)))])),
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
            ("version", .string(CLI.version)),
            ("informationUri", .string("https://github.com/hoso-vn/hoso")),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.code)),
                    ("name", .string(rule.code)),
                    ("shortDescription", .object([("text", .string(rule.title.text(language)))])),
                    ("fullDescription", .object([("text", .string(rule.documentation.summary.text(language)))])),
                    ("help", .object([("text", .string(rule.documentation.fix.text(language)))])),
                    ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
                ])
            })),
        ])
        return JSON.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("columnKind", .string("unicodeCodePoints")),
                ("artifacts", .array(files.map { .object([("location", .object([("uri", .string(uri($0.path)))]))]) })),
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

    /// A relative URI reference for a path (percent-encoded as in `file://` URIs).
    static func uri(_ path: String) -> String { FileURI.percentEncoded(path) }
}
