import HosoProtocol
import HosoRules
import HosoSemantics
import HosoSyntax
import HosoText

extension LanguageServer {
    // MARK: Outline and folding

    func documentSymbols(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let dossier = file.checked.dossier
        let tree = dossier.tree
        func span(_ elements: Range<Int>) -> Range<Int> {
            var last = elements.upperBound - 1
            while last > elements.lowerBound && tree.elements[last].kind == .blank { last -= 1 }
            return tree.elements[elements.lowerBound].range.lowerBound..<tree.elements[last].content.upperBound
        }
        func symbol(_ name: String, _ kind: Int, _ elements: Range<Int>, selection: Range<Int>, children: [JSON]) -> JSON {
            .object([("name", .string(name.isEmpty ? "…" : name)), ("kind", .int(kind)), ("range", lspRange(span(elements), file.text)),
                     ("selectionRange", lspRange(selection, file.text)), ("children", .array(children))])
        }
        func blockSymbols(_ blocks: [BlockNode]) -> [JSON] {
            blocks.map { block in
                let heading = tree.elements[block.heading]
                let name = heading.value.map { tree.string($0) }.map { "\(tree.string(heading.head ?? heading.content)): \($0)" }
                    ?? tree.string(heading.head ?? heading.content)
                return symbol(name, 5, block.elements, selection: heading.content, children: [])
            }
        }
        let parts: [JSON] = tree.parts.map { part in
            let heading = tree.elements[part.heading]
            let sections = part.sections.map { section in
                symbol(tree.string(tree.elements[section.heading].content).trimmingHashes(), 3, section.elements,
                       selection: tree.elements[section.heading].content, children: blockSymbols(section.blocks))
            }
            return symbol(tree.string(heading.content).trimmingHashes(), 2, part.elements, selection: heading.content,
                          children: blockSymbols(part.blocks) + sections)
        }
        return .array(parts)
    }

    func foldingRanges(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let tree = file.checked.dossier.tree
        var ranges: [JSON] = []
        func add(_ elements: Range<Int>, kind: String? = nil) {
            var last = elements.upperBound - 1
            while last > elements.lowerBound && tree.elements[last].kind == .blank { last -= 1 }
            let startLine = file.text.line(ofByte: tree.elements[elements.lowerBound].range.lowerBound)
            let endLine = file.text.line(ofByte: max(tree.elements[last].content.lowerBound, tree.elements[last].content.upperBound - 1))
            guard endLine > startLine else { return }
            var members: [(String, JSON)] = [("startLine", .int(startLine)), ("endLine", .int(endLine))]
            if let kind { members.append(("kind", .string(kind))) }
            ranges.append(.object(members))
        }
        for part in tree.parts {
            add(part.elements)
            for block in part.blocks { add(block.elements) }
            for section in part.sections {
                add(section.elements)
                for block in section.blocks { add(block.elements) }
            }
        }
        for (i, element) in tree.elements.enumerated() where element.kind == .comment { add(i..<(i + 1), kind: "comment") }
        return .array(ranges)
    }

    // MARK: Names: definition, references, rename

    /// Every place a nominee's name is written: the `###` declaration first, then votes and report headings.
    func nameOccurrences(_ dossier: Dossier, named name: String) -> [Range<Int>] {
        let wanted = Folding.name(name)
        guard !wanted.isEmpty else { return [] }
        var ranges = dossier.nominees.filter { $0.nameKey == wanted }.map(\.nameRange)
        ranges += dossier.votes.filter { Folding.name($0.name) == wanted }.map(\.nameRange)
        ranges += dossier.reports.filter { Folding.name($0.nomineeName) == wanted }.map(\.nameRange)
        return ranges
    }

    /// The name under the cursor, if it is a nominee, vote or report name.
    func name(at offset: Int, in dossier: Dossier) -> (name: String, range: Range<Int>)? {
        let candidates: [(String, Range<Int>)] = dossier.nominees.map { ($0.name, $0.nameRange) }
            + dossier.votes.map { ($0.name, $0.nameRange) } + dossier.reports.map { ($0.nomineeName, $0.nameRange) }
        return candidates.first { !$0.0.isEmpty && $0.1.lowerBound <= offset && offset <= $0.1.upperBound }
    }

    func definition(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let dossier = file.checked.dossier
        guard let (name, _) = name(at: offset(try params.position("position"), file.text), in: dossier),
              let index = dossier.nomineeIndex(named: name) else { return .null }
        return .object([("uri", .string(file.uri)), ("range", lspRange(dossier.nominees[index].nameRange, file.text))])
    }

    func references(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let dossier = file.checked.dossier
        guard let (name, _) = name(at: offset(try params.position("position"), file.text), in: dossier) else { return .array([]) }
        let includeDeclaration = (try? params.object("context"))?.json["includeDeclaration"]?.boolValue ?? true
        var ranges = nameOccurrences(dossier, named: name)
        if !includeDeclaration, let index = dossier.nomineeIndex(named: name) {
            ranges.removeAll { $0 == dossier.nominees[index].nameRange }
        }
        return .array(ranges.map { .object([("uri", .string(file.uri)), ("range", lspRange($0, file.text))]) })
    }

    func prepareRename(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        guard let (name, range) = name(at: offset(try params.position("position"), file.text), in: file.checked.dossier) else { return .null }
        return .object([("range", lspRange(range, file.text)), ("placeholder", .string(name))])
    }

    func rename(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let newName = try params.string("newName").trimmingCharacters(in: " \t")
        guard !newName.isEmpty, !newName.contains("\n"), !newName.contains(":") else {
            throw ResponseError(.invalidParams, "a name cannot be empty or hold a newline or ':'")
        }
        guard let (name, _) = name(at: offset(try params.position("position"), file.text), in: file.checked.dossier) else {
            throw ResponseError(.requestFailed, "no nominee name here to rename")
        }
        let edits = nameOccurrences(file.checked.dossier, named: name).map { TextEdit(range: $0, newText: newName) }
        return workspaceEdit(file, edits)
    }
}

extension String {
    /// A heading's text without its `#` marker.
    func trimmingHashes() -> String {
        var s = Substring(self)
        while s.first == "#" { s.removeFirst() }
        return s.trimmingCharacters(in: " \t")
    }
}
