import HosoSyntax
import HosoText

extension Dossier {
    /// Resolves a syntax tree against a profile: fields, nominees, votes, reports, spellings.
    public convenience init(tree: SyntaxTree, profile: Profile) {
        var builder = DossierBuilder(tree: tree, profile: profile)
        self.init(parts: builder.build(lineFacts: LineFacts(tree: tree, profile: profile)))
    }

    /// Resolves `tree`, a re-parse of `previous.tree` (`Parser.reparse`), taking the citations
    /// and dates of the elements `reuse` says are unchanged from `previous` instead of scanning
    /// them again. The result is the dossier `init(tree:profile:)` makes.
    public convenience init(tree: SyntaxTree, profile: Profile, reusing previous: Dossier, _ reuse: ElementReuse) {
        var builder = DossierBuilder(tree: tree, profile: profile)
        // The registry entries of the citations kept are the previous profile's: reused under the same one only.
        let facts = previous.profile.lookup === profile.lookup
            ? LineFacts(tree: tree, profile: profile, reusing: previous.lineFacts, reuse) : LineFacts(tree: tree, profile: profile)
        self.init(parts: builder.build(lineFacts: facts))
    }
}

/// The facts found inside single elements, element by element: what an edit leaves alone for
/// every element it did not touch.
struct LineFacts: Sendable {
    /// Every citation, in text order.
    var citations: [Citation] = []
    /// The index in the profile's registry of the document each citation names, or -1.
    var registryIndices: [Int32] = []
    /// Every date in prose, list items, field values and place-date lines, in text order.
    var dates: [DateMention] = []
    /// Where each element's citations start in `citations`; one more entry than elements.
    var citationStarts: [Int32] = []
    /// Where each element's dates start in `dates`; one more entry than elements.
    var dateStarts: [Int32] = []

    /// Scans every element.
    init(tree: SyntaxTree, profile: Profile) {
        citationStarts.reserveCapacity(tree.elements.count + 1)
        dateStarts.reserveCapacity(tree.elements.count + 1)
        // Room for a typical dossier's dates and citations at once, not by doubling from one.
        dates.reserveCapacity(32)
        citations.reserveCapacity(16)
        registryIndices.reserveCapacity(16)
        scan(tree, profile, tree.elements.indices)
        citationStarts.append(Int32(citations.count))
        dateStarts.append(Int32(dates.count))
    }

    /// Scans the changed elements and copies the others' facts from `previous`, moved.
    init(tree: SyntaxTree, profile: Profile, reusing previous: LineFacts, _ reuse: ElementReuse) {
        let elementShift = reuse.suffixStart - reuse.oldSuffixStart
        // The changed elements' facts, found again.
        var fresh = LineFacts()
        fresh.scan(tree, profile, reuse.changed)
        // The previous facts with the changed elements' replaced, the later ones moved in place.
        let old = (citations: Int(previous.citationStarts[reuse.prefixCount])..<Int(previous.citationStarts[reuse.oldSuffixStart]),
                   dates: Int(previous.dateStarts[reuse.prefixCount])..<Int(previous.dateStarts[reuse.oldSuffixStart]))
        self = previous
        citations.replaceSubrange(old.citations, with: fresh.citations)
        registryIndices.replaceSubrange(old.citations, with: fresh.registryIndices)
        dates.replaceSubrange(old.dates, with: fresh.dates)
        let citationShift = fresh.citations.count - old.citations.count, dateShift = fresh.dates.count - old.dates.count
        let movedCitations = (old.citations.lowerBound + fresh.citations.count)..<citations.count
        if reuse.byteDelta != 0 || elementShift != 0 {
            for k in movedCitations { citations[k].shift(bytes: reuse.byteDelta, elements: elementShift) }
            for k in (old.dates.lowerBound + fresh.dates.count)..<dates.count { dates[k].shift(by: reuse.byteDelta) }
        }
        // Element starts: the prefix's as they were, the changed elements' new, the later ones moved.
        var starts = (citations: Array(previous.citationStarts[0..<reuse.prefixCount]), dates: Array(previous.dateStarts[0..<reuse.prefixCount]))
        for (c, d) in zip(fresh.citationStarts, fresh.dateStarts) {
            starts.citations.append(Int32(old.citations.lowerBound) + c)
            starts.dates.append(Int32(old.dates.lowerBound) + d)
        }
        for k in reuse.oldSuffixStart..<previous.citationStarts.count {
            starts.citations.append(previous.citationStarts[k] + Int32(citationShift))
            starts.dates.append(previous.dateStarts[k] + Int32(dateShift))
        }
        citationStarts = starts.citations
        dateStarts = starts.dates
    }

    private init() {}

    /// Appends the facts of `elements`, recording where each element's start.
    mutating func scan(_ tree: SyntaxTree, _ profile: Profile, _ elements: Range<Int>) {
        let text = tree.text
        var words: [CitationScanner.Token] = []  // one buffer for every line's words
        // The elements are read in place: an Element copied retains its place-date box.
        tree.elements.withUnsafeBufferPointer { elementList in
            for index in elements {
                citationStarts.append(Int32(citations.count))
                dateStarts.append(Int32(dates.count))
                let content = elementList[index].content
                // The words a citation may be among: prose, a list item's body (the marker is not
                // a word), a field's value; a place-date line holds dates only.
                let citationRange: Range<Int>?
                switch elementList[index].kind {
                case .prose: citationRange = content
                case .listItem: citationRange = elementList[index].head ?? content
                case .field: citationRange = elementList[index].value ?? content
                case .placeDate: citationRange = nil
                default: continue
                }
                // A line with no digit holds no citation and no date.
                guard CitationScanner.mayHoldCitation(text.bytes, content) else { continue }
                if let range = citationRange, CitationScanner.mayHoldCitation(text.bytes, range) {
                    let first = citations.count
                    CitationScanner.citations(in: range, element: index, tree: tree, words: &words, into: &citations)
                    for k in first..<citations.count { registryIndices.append(Int32(profile.registryIndex(for: citations[k]) ?? -1)) }
                }
                DateScanner.scan(content, of: text, into: &dates)
            }
        }
    }
}

/// Builds a `Dossier` in one pass over the tree's parts.
struct DossierBuilder {
    let tree: SyntaxTree
    let profile: Profile
    var spellings: [Spelling] = []

    init(tree: SyntaxTree, profile: Profile) {
        self.tree = tree
        self.profile = profile
    }

    mutating func build(lineFacts: LineFacts) -> Dossier.Parts {
        noteMarkers()
        let preambleFields = fields(in: tree.preamble)
        for part in tree.parts { checkPartTitle(part) }
        let toTrinh = tree.parts.first { $0.kind == .toTrinh }
        let bienBan = tree.parts.first { $0.kind == .bienBan }

        var toTrinhFields: [Field] = []
        var toTrinhPlaceDate: PlaceDate?
        var nominees: [Nominee] = []
        var hasNomineeList = false
        if let part = toTrinh {
            let ownEnd = part.sections.first?.heading ?? part.blocks.first?.heading ?? part.elements.upperBound
            toTrinhFields = fields(in: (part.heading + 1)..<ownEnd)
            toTrinhPlaceDate = placeDate(in: part.elements)
            var blocks = part.blocks
            for section in part.sections {
                let isList = checkSectionTitle(section, canonical: ["DANH SÁCH ĐỀ NGHỊ"])
                hasNomineeList = hasNomineeList || isList
                let sectionOwnEnd = section.blocks.first?.heading ?? section.elements.upperBound
                toTrinhFields += fields(in: (section.heading + 1)..<sectionOwnEnd)
                blocks += section.blocks
            }
            nominees = blocks.compactMap { nominee(in: $0) }
        }

        var bienBanFields: [Field] = []
        var votes: [Vote] = []
        var bienBanPlaceDate: PlaceDate?
        if let part = bienBan {
            bienBanFields = fields(in: (part.heading + 1)..<part.elements.upperBound)
            bienBanPlaceDate = placeDate(in: part.elements)
            for section in part.sections where checkSectionTitle(section, canonical: ["KẾT QUẢ BIỂU QUYẾT"]) {
                for i in section.elements.dropFirst() where tree.elements[i].kind == .listItem {
                    if let vote = vote(at: i, nominees: nominees, hint: votes.count) { votes.append(vote) }
                }
            }
        }

        var indexByName = FoldedNameIndex(capacity: nominees.count)
        for (index, nominee) in nominees.enumerated() where !nominee.name.isEmpty {
            indexByName.insertIfAbsent(nominee.foldedName, index)
        }
        var reports: [Report] = []
        for part in tree.parts where part.kind == .report {
            // Reports come in the nominees' order, as a rule: the one after the last report's nominee is tried first.
            let hint = reports.last?.nominee.map { $0 + 1 } ?? 0
            reports.append(report(part, nominees: nominees, indexByName: indexByName, hint: hint))
        }

        return Dossier.Parts(tree: tree, profile: profile, preambleFields: preambleFields, toTrinh: toTrinh,
                       toTrinhFields: toTrinhFields, toTrinhPlaceDate: toTrinhPlaceDate, hasNomineeList: hasNomineeList,
                       nominees: nominees, bienBan: bienBan, bienBanFields: bienBanFields,
                       bienBanPlaceDate: bienBanPlaceDate, votes: votes, reports: reports, spellings: spellings,
                       suppressions: suppressions(), lineFacts: lineFacts, nomineeIndexByName: indexByName)
    }

    // MARK: Pieces

    /// The fields among a range of elements, recording non-canonical keys.
    mutating func fields(in range: Range<Int>) -> [Field] {
        var result: [Field] = []
        result.reserveCapacity(range.count)
        for i in range {
            guard case .field(let key) = tree.elements[i].kind, let keyRange = tree.elements[i].head,
                  let valueRange = tree.elements[i].value else { continue }
            if !isCanonicalSpelling(keyRange, of: key) {
                noteSpelling(keyRange, canonical: [key.canonicalSpelling] + key.alternativeSpellings, target: .fieldKey)
            }
            result.append(Field(key: key, element: i, keyRange: keyRange, valueRange: valueRange,
                                value: tree.text.nfcString(valueRange)))
        }
        return result
    }

    /// Whether a key is written as `key.canonicalSpelling`, byte for byte (what `noteSpelling`
    /// tests first), without making the spelling of a year's key (`Năm 2019`) as a String.
    func isCanonicalSpelling(_ range: Range<Int>, of key: FieldKey) -> Bool {
        let prefix: StaticString, year: Int
        switch key {
        case .rating(let y): prefix = "Năm "; year = y
        case .priorAwards(let y): prefix = "Khen thưởng năm "; year = y
        default: return tree.text.bytes(range, equal: key.canonicalSpelling)
        }
        // The spelling writes the year in decimal: four digits for every year a key can hold.
        guard year >= 1000 && year <= 9999, range.count == prefix.utf8CodeUnitCount + 4 else {
            return tree.text.bytes(range, equal: key.canonicalSpelling)
        }
        let bytes = tree.text.bytes
        var i = range.lowerBound
        for k in 0..<prefix.utf8CodeUnitCount {
            guard bytes[i] == prefix.utf8Start[k] else { return false }
            i += 1
        }
        var divisor = 1000
        while divisor > 0 {
            guard bytes[i] == 0x30 + UInt8(year / divisor % 10) else { return false }
            i += 1
            divisor /= 10
        }
        return true
    }

    func placeDate(in range: Range<Int>) -> PlaceDate? {
        for i in range {
            let element = tree.elements[i]
            if element.kind == .partHeading && i != range.lowerBound { break }
            guard let syntax = element.placeDate else { continue }
            return PlaceDate(element: i, syntax: syntax, date: date(syntax))
        }
        return nil
    }

    func date(_ syntax: PlaceDateSyntax) -> DateValue? {
        guard let day = Int(tree.string(syntax.day)), let month = Int(tree.string(syntax.month)),
              let year = Int(tree.string(syntax.year)) else { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    mutating func nominee(in block: BlockNode) -> Nominee? {
        let heading = tree.elements[block.heading]
        guard let labelRange = heading.head,
              let kind = tree.text.withKey(labelRange, NomineeKind.matching(foldedUTF8:)) else { return nil }
        noteSpelling(labelRange, first: kind.canonicalLabel, target: .nomineeLabel)
        let nameRange = heading.value ?? heading.content.upperBound..<heading.content.upperBound
        var fields = fields(in: (block.heading + 1)..<block.elements.upperBound)
        // `Năm 2021 - …` (Parser.dashedRating) is the 2021 rating only where the block has no
        // `Năm 2021:`; beside one it is a remark about that year (`Năm 2021 - đạt Lao động tiên tiến`).
        let bytes = tree.text.bytes
        func isDashed(_ field: Field) -> Bool { !bytes[field.keyRange.upperBound..<field.valueRange.lowerBound].contains(0x3A) }
        // Nearly always no rating is dashed: the years rated with a colon are collected only then.
        if fields.contains(where: { if case .rating = $0.key { return isDashed($0) } else { return false } }) {
            let ratedYears = fields.compactMap { field -> Int? in
                guard case .rating(let year) = field.key, !isDashed(field) else { return nil }
                return year
            }
            fields.removeAll { field in
                guard case .rating(let year) = field.key, isDashed(field) else { return false }
                return ratedYears.contains(year)
            }
        }
        for field in fields where isDashed(field) { noteSeparator(key: field.keyRange, value: field.valueRange) }
        var ratings: [YearRating] = []
        ratings.reserveCapacity(fields.count)
        var awardForm: AwardForm?
        for field in fields {
            switch field.key {
            case .rating(let year):
                ratings.append(yearRating(year: year, range: tree.elements[field.element].content,
                                          valueRange: field.valueRange, value: field.value))
            case .awardForm:
                // Quotes around the form are emphasis, like `**…**`: `Hình thức: “Bằng khen …”`.
                let formRange = unquoted(field.valueRange)
                // Looked up on the profile's lookup (a class): a method of the profile passed as a
                // function would copy the whole profile for each nominee.
                let lookup = profile.lookup
                awardForm = tree.text.withKey(formRange, lookup.awardFormIndex(key:)).map { profile.awardForms[$0] }
                if let form = awardForm { noteSpelling(formRange, first: form.name, aliases: form.aliases, target: .awardForm) }
            default:
                break
            }
        }
        let name = personName(nameRange)
        return Nominee(kind: kind, name: name, foldedName: FoldedName(name), nameRange: nameRange, block: block,
                       fields: fields, ratings: ratings, awardForm: awardForm)
    }

    /// `value` is the text of `wholeValue` (`nfcString`), made already.
    mutating func yearRating(year: Int, range: Range<Int>, valueRange wholeValue: Range<Int>, value: String) -> YearRating {
        var valueRange = wholeValue
        let lookup = profile.lookup
        var match = tree.text.withKey(wholeValue, lookup.rating(key:))
        if match == nil {
            valueRange = ratingPhrase(wholeValue)
            match = tree.text.withKey(valueRange, lookup.rating(key:))
        }
        let text = valueRange == wholeValue ? value : tree.text.nfcString(valueRange)
        let rating: Rating? = if let match { profile.ratings[match.index] } else { nil }  // no closure: it would copy the profile
        let isAbbreviation = match?.isAbbreviation ?? false
        if let rating, !isAbbreviation {
            noteSpelling(valueRange, first: rating.name, aliases: rating.aliases, target: .rating)
        }
        return YearRating(year: year, range: range, valueRange: valueRange, text: text, rating: rating,
                          isAbbreviation: isAbbreviation)
    }

    /// Parses `NAME: A/B đồng ý (P%)`; items without a colon are not votes.
    mutating func vote(at index: Int, nominees: [Nominee], hint: Int) -> Vote? {
        let element = tree.elements[index]
        guard let body = element.head else { return nil }
        let bytes = tree.text.bytes
        guard let colon = body.first(where: { bytes[$0] == 0x3A }) else { return nil }
        let nameRange = trimmed(body.lowerBound..<colon)
        var votesFor: Int?, present: Int?, countRange: Range<Int>?, percent: Double?, percentRange: Range<Int>?
        var i = colon + 1
        let end = body.upperBound
        /// A whole number, possibly written negative (`-1`: HS405 says so rather than miss it).
        func number(_ from: Int) -> (Int, Int)? {
            let negative = from < end && bytes[from] == 0x2D
            var j = negative ? from + 1 : from
            let digitsStart = j
            var value = 0
            while j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39 && j - digitsStart < 6 { value = value * 10 + Int(bytes[j] - 0x30); j += 1 }
            return j > digitsStart ? (negative ? -value : value, j) : nil
        }
        while i < end, case let n = ByteClass.spaceLength(bytes, at: i, end: end), n > 0 { i += n }
        while i < end && ByteClass.isEmphasis(bytes[i]) { i += 1 }
        func slash(_ at: Int) -> Int? {  // `/`, with spaces around it allowed (`8 / 9`)
            var j = at
            while j < end, case let n = ByteClass.spaceLength(bytes, at: j, end: end), n > 0 { j += n }
            guard j < end, bytes[j] == 0x2F else { return nil }
            j += 1
            while j < end, case let n = ByteClass.spaceLength(bytes, at: j, end: end), n > 0 { j += n }
            return j
        }
        if let (a, afterA) = number(i), let bStart = slash(afterA), let (b, afterB) = number(bStart) {
            votesFor = a; present = b; countRange = i..<afterB
            i = afterB
        }
        if let open = (i..<end).first(where: { bytes[$0] == 0x28 }),
           let percentSign = (open..<end).first(where: { bytes[$0] == 0x25 }) {
            let inner = trimmed((open + 1)..<percentSign)
            if let value = Self.plainDecimal(bytes, inner) ?? Self.decimal(bytes, inner) { percent = value; percentRange = inner }
        }
        let (name, foldedName) = personName(nameRange, sameAs: nominees, hint: hint)
        return Vote(element: index, name: name, foldedName: foldedName, nameRange: nameRange,
                    votesFor: votesFor, present: present, countRange: countRange, percent: percent,
                    percentRange: percentRange)
    }

    /// `Double` of the text at `range` with a decimal comma read as a point (`66,7`); `Double`
    /// reads ASCII only, so bytes will do.
    static func decimal(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        let text = String(unsafeUninitializedCapacity: range.count) { out in
            for (k, b) in bytes[range].enumerated() { out[k] = b == 0x2C ? 0x2E : b }
            return range.count
        }
        return Double(text)
    }

    /// `decimal` of digits with at most one decimal point or comma and at most 15 digits (`70`,
    /// `66,7`), without a String: the digits as a whole number divided by a power of ten, which
    /// both hold exactly, is the correctly rounded value `Double` reads; nil for any other text.
    static func plainDecimal(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var mantissa = 0, digits = 0, fractionDigits = 0, seenPoint = false
        for i in range {
            let b = bytes[i]
            if b &- 0x30 < 10 {
                mantissa = mantissa * 10 + Int(b &- 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if (b == 0x2C || b == 0x2E) && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    /// 10⁰ through 10¹⁵, each exact in a Double.
    static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    mutating func report(_ part: PartNode, nominees: [Nominee], indexByName: FoldedNameIndex, hint: Int) -> Report {
        let heading = tree.elements[part.heading]
        let nameRange = heading.value ?? heading.content.upperBound..<heading.content.upperBound
        let (name, key) = personName(nameRange, sameAs: nominees, hint: hint)
        let nomineeIndex = indexByName[key]
        let kind = nomineeIndex.map { nominees[$0].kind } ?? .individual
        let required = profile.reportSections.sections(for: kind)
        var sections: [ReportSectionRef] = []
        var ratings: [YearRating] = []
        var awards: [YearItem] = []
        for section in part.sections {
            // Sections of the other kind (SƠ LƯỢC LÝ LỊCH in a collective's report) stay unmatched.
            let lookup = profile.lookup
            let index = tree.elements[section.heading].head.map { tree.text.withKey($0) { lookup.sectionIndex(key: $0, for: kind) } }
                ?? lookup.sectionIndex(key: "", for: kind)
            if let k = index, let range = tree.elements[section.heading].head {
                noteSpelling(range, first: required[k].title, aliases: required[k].aliases, target: .sectionTitle)
            }
            sections.append(ReportSectionRef(node: section, profileIndex: index))
            guard let k = index else { continue }
            for i in section.elements.dropFirst() where tree.elements[i].kind == .listItem {
                guard let item = yearItem(at: i) else { continue }
                switch required[k].role {
                case "achievements":
                    ratings.append(yearRating(year: item.year, range: item.range, valueRange: item.valueRange, value: item.text))
                case "awards":
                    awards.append(item)
                default:
                    break
                }
            }
        }
        return Report(part: part, nomineeName: name, foldedName: key, nameRange: nameRange, nominee: nomineeIndex, sections: sections,
                      placeDate: placeDate(in: part.elements), ratings: ratings, awards: awards,
                      formLine: formLine(in: (part.heading + 1)..<(part.sections.first?.heading ?? part.elements.upperBound)))
    }

    /// The first line among `elements` that starts with `Mẫu số` (after a list marker, spaces and
    /// emphasis): where a report names its form.
    func formLine(in elements: Range<Int>) -> Int? {
        let bytes = tree.text.bytes
        return elements.first { i in
            let element = tree.elements[i]
            guard element.kind == .prose || element.kind == .listItem else { return false }
            let end = element.content.upperBound
            var start = element.head?.lowerBound ?? element.content.lowerBound
            while start < end {
                let n = ByteClass.spaceLength(bytes, at: start, end: end)
                if n > 0 { start += n } else if ByteClass.isEmphasis(bytes[start]) { start += 1 } else { break }
            }
            // "Mẫu số" is 10 bytes in NFC, more in NFD; its first letter is M or m.
            guard start < end, bytes[start] | 0x20 == 0x6D else { return false }
            var cut = min(end, start + 24)
            while cut < end && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // never inside a letter
            return tree.text.key(start..<cut).hasPrefix("mau so")
        }
    }

    /// The name of a person or collective written at `range`, NFC; empty when nothing but a
    /// placeholder was written (`...`, `…`, `-`, `–`, `—`, `___`, as for fields: HS107), so a
    /// placeholder is never taken for someone's name.
    func personName(_ range: Range<Int>) -> String {
        let bytes = tree.text.bytes
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x2E || b == 0x2D || b == 0x5F { i += 1; continue }
            if b == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, [0xA6, 0x93, 0x94].contains(bytes[i + 2]) { i += 3; continue }
            let n = ByteClass.spaceLength(bytes, at: i, end: range.upperBound)
            guard n > 0 else { return tree.text.nfcString(range) }
            i += n
        }
        return ""
    }

    /// `personName` of `range` and its `FoldedName`, taken from nominee `hint` when its heading
    /// names it with the same bytes: a vote and a report name their nominee as its heading does,
    /// mostly in the same order, and folding a name costs thousands of instructions.
    func personName(_ range: Range<Int>, sameAs nominees: [Nominee], hint: Int) -> (name: String, folded: FoldedName) {
        if hint < nominees.count, tree.text.bytes(range, equal: nominees[hint].nameRange) {
            return (nominees[hint].name, nominees[hint].foldedName)
        }
        let name = personName(range)
        return (name, FoldedName(name))
    }

    /// A list item `- Năm YYYY: text`.
    func yearItem(at index: Int) -> YearItem? {
        let element = tree.elements[index]
        guard let body = element.head, let colon = body.first(where: { tree.text.bytes[$0] == 0x3A }),
              let year = FieldKey.year(after: "nam ", in: tree.text.key(body.lowerBound..<colon))
        else { return nil }
        let valueRange = trimmed((colon + 1)..<body.upperBound)
        return YearItem(year: year, range: element.content, valueRange: valueRange,
                        text: tree.text.nfcString(valueRange))
    }

    // MARK: Spelling (HS108)

    /// Records the markers that were read though not written as the format writes them: a Word
    /// bullet for `-` (`• Nguyễn Thị Hoa: …`), `#`s with no space after them (`#TỜ TRÌNH`), and a
    /// nominee heading with more than three `#`s (`#### Cá nhân: …`).
    mutating func noteMarkers() {
        let bytes = tree.text.bytes
        for element in tree.elements {
            guard let marker = element.marker, !marker.isEmpty else { continue }
            let level: Int
            switch element.kind {
            case .partHeading: level = 1
            case .sectionHeading: level = 2
            case .blockHeading: level = 3
            case .minorHeading: level = marker.count
            default:
                // ASCII markers (`-`, `+`, `*`, `1.`, `a)`) are the format's own.
                if bytes[marker.lowerBound] >= 0x80 {
                    spellings.append(Spelling(range: marker, written: tree.string(marker), canonical: "-", target: .listMarker))
                }
                continue
            }
            let end = element.content.upperBound
            let spaced = marker.upperBound == end || ByteClass.spaceLength(bytes, at: marker.upperBound, end: end) > 0
            guard marker.count != level || !spaced else { continue }
            let hashes = String(repeating: "#", count: level)
            var titleStart = marker.upperBound
            while titleStart < end, case let n = ByteClass.spaceLength(bytes, at: titleStart, end: end), n > 0 { titleStart += n }
            spellings.append(Spelling(range: marker, written: tree.string(marker), canonical: spaced ? hashes : hashes + " ",
                                      target: marker.count == level ? .headingSpace : .headingLevel,
                                      suggestion: hashes + " " + tree.string(titleStart..<end)))
        }
    }

    /// Records the dash a field was written with for its colon (`Năm 2019 - Hoàn thành …`,
    /// `Parser.dashedRating`): the dash with the spaces around it becomes `: `.
    mutating func noteSeparator(key: Range<Int>, value: Range<Int>) {
        let bytes = tree.text.bytes
        var dash = key.upperBound, dashLength = 0
        while dash < value.lowerBound {
            dashLength = bytes[dash] == 0x2D ? 1 : ByteClass.dashLookalikeLength(bytes, at: dash, end: value.lowerBound)
            if dashLength > 0 { break }
            dash += 1
        }
        guard dashLength > 0 else { return }
        var a = dash, b = dash + dashLength
        while case let n = ByteClass.spaceLength(bytes, before: a, start: key.upperBound), n > 0 { a -= n }
        var spaceAfter = false
        while b < value.lowerBound, case let n = ByteClass.spaceLength(bytes, at: b, end: value.lowerBound), n > 0 { b += n; spaceAfter = true }
        // `**Năm 2019 -** Hoàn …` becomes `**Năm 2019:** Hoàn …`, not `**Năm 2019: ** …`.
        let beforeEmphasis = !spaceAfter && b < value.lowerBound && ByteClass.isEmphasis(bytes[b])
        spellings.append(Spelling(range: a..<b, written: tree.string(dash..<(dash + dashLength)), canonical: beforeEmphasis ? ":" : ": ",
                                  target: .fieldSeparator, suggestion: tree.string(key) + ": " + tree.string(value)))
    }

    mutating func checkPartTitle(_ part: PartNode) {
        guard part.kind != .unknown, let range = tree.elements[part.heading].head else { return }
        noteSpelling(range, first: part.kind.canonicalTitle, target: .partTitle)
    }

    /// Whether a section's title folds to one of `canonical`; records a non-canonical spelling.
    mutating func checkSectionTitle(_ section: SectionNode, canonical: [String]) -> Bool {
        guard let range = tree.elements[section.heading].head else { return false }
        let folded = tree.text.key(range)
        guard canonical.contains(where: { Folding.key($0) == folded }) else { return false }
        noteSpelling(range, canonical: canonical, target: .sectionTitle)
        return true
    }

    /// `noteSpelling` with the canonical spelling first: the list made only when the text is not it.
    mutating func noteSpelling(_ range: Range<Int>, first: String, aliases: [String] = [], target: SpellingTarget) {
        if tree.text.bytes(range, equal: first) { return }
        noteSpelling(range, canonical: [first] + aliases, target: target)
    }

    /// Records `range` when its text, with emphasis dropped and look-alike letters and NFD
    /// repaired (HS002/HS003 report those), is not exactly one of the canonical spellings.
    mutating func noteSpelling(_ range: Range<Int>, canonical: [String], target: SpellingTarget) {
        // Nearly always the text is one of the canonical spellings, byte for byte.
        if canonical.contains(where: { tree.text.bytes(range, equal: $0) }) { return }
        let written = tree.string(range)
        // Emphasis is ignored, and a Unicode space (Word's no-break space) is a space: neither is a misspelling.
        let comparable = Folding.nfc(String(String.UnicodeScalarView(written.unicodeScalars.lazy.filter { $0 != "*" }.map(Self.asciiSpace))))
            .replacingLookalikes()
        guard !canonical.contains(comparable), let first = canonical.first else { return }
        // Prefer the canonical spelling nearest to what was written (an alias if it folds like one).
        let folded = Folding.key(written)
        let best = canonical.first { Folding.key($0) == folded } ?? first
        spellings.append(Spelling(range: range, written: written, canonical: best, target: target))
    }

    /// A Unicode space (U+00A0, U+2000–U+200A, U+202F, U+3000) as the ASCII space; other scalars as they are.
    static func asciiSpace(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xA0, 0x2000...0x200A, 0x202F, 0x3000: return " "
        default: return scalar
        }
    }

    /// The suppression comments: directive, code-shaped words, stray words and the reason.
    func suppressions() -> [SuppressionDirective] {
        var result: [SuppressionDirective] = []
        let bytes = tree.text.bytes
        for (i, element) in tree.elements.enumerated() where element.kind == .comment {
            // Unicode spaces count as spaces here too (docs/format.md, "Recognition"): Word writes `<!--\u{A0}hoso-disable…`.
            var start = element.content.lowerBound
            while start < element.content.upperBound, case let n = ByteClass.spaceLength(bytes, at: start, end: element.content.upperBound), n > 0 { start += n }
            start += 4  // "<!--"
            var end = element.content.upperBound
            while end > start, case let n = ByteClass.spaceLength(bytes, before: end, start: start), n > 0 { end -= n }
            if end - start >= 3, bytes[end - 3] == 0x2D, bytes[end - 2] == 0x2D, bytes[end - 1] == 0x3E { end -= 3 }
            let words = tokens(start..<end)
            guard let first = words.first else { continue }
            let directive = tree.string(first).lowercased()
            let action: SuppressionDirective.Action?
            switch directive {
            case "hoso-disable": action = .disable
            case "hoso-enable": action = .enable
            case "hoso-disable-next-line": action = .disableNextLine
            default:
                let next = words.count > 1 ? tree.string(words[1]).lowercased() : ""
                guard Self.looksLikeDirective(directive, next: next) else { continue }
                action = nil
            }
            var codes: [(code: String, range: Range<Int>)] = []
            var stray: [Range<Int>] = []
            var reason: String?
            for (k, word) in words.enumerated().dropFirst() {
                if let dashEnd = reasonDashEnd(word) {
                    let from = dashEnd < word.upperBound ? dashEnd : (k + 1 < words.count ? words[k + 1].lowerBound : end)
                    let text = from < end ? tree.string(trimmedBlank(from..<end)) : ""
                    reason = text.isEmpty ? nil : Folding.nfc(text)
                    break
                }
                let written = tree.string(word)
                if Self.isCodeShaped(written) {
                    codes.append((written.uppercased(), word))
                } else if action != nil || k > 1 || !Self.directiveWords.contains(written.lowercased()) {
                    stray.append(word)
                }
            }
            let firstLine = tree.text.line(ofByte: element.content.lowerBound)
            let lastLine = tree.text.line(ofByte: max(element.content.lowerBound, element.content.upperBound - 1))
            result.append(SuppressionDirective(action: action, element: i, directiveRange: first, codes: codes,
                                               strayWords: stray, reason: reason, firstLine: firstLine,
                                               nextLine: lastLine + 1))
        }
        return result
    }

    /// Words that a misspelled two-word directive (`hoso disable`) may have as its second word.
    static let directiveWords: Set<String> = ["disable", "enable", "disable-next-line", "disable-nextline"]

    /// Whether a comment's first word (lower-cased) is a misspelled directive: `hoso-disble`,
    /// `hoso-disable-nextline`, `hoso_enable`, `hsoo-disable`, or `hoso` + `disable…`.
    static func looksLikeDirective(_ word: String, next: String) -> Bool {
        if word == "hoso" { return next.hasPrefix("disable") || next.hasPrefix("enable") }
        if word.hasPrefix("hoso-") || word.hasPrefix("hoso_") || word.hasPrefix("hoso:") { return true }
        guard word.utf8.count >= 9 else { return false }
        return ["hoso-disable", "hoso-enable", "hoso-disable-next-line"].contains { Folding.editDistance(word, $0) <= 2 }
    }

    /// `HS` and up to five letters or digits (`HS208`, `hs208`, `HS1O8`): a code, known or not.
    static func isCodeShaped(_ word: String) -> Bool {
        let u = Array(word.utf8)
        guard u.count >= 3, u.count <= 7, u[0] | 0x20 == 0x68, u[1] | 0x20 == 0x73 else { return false }
        return u.dropFirst(2).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
            && u.dropFirst(2).contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Where the reason's dash ends if `word` starts with `--` (docs/format.md: only two or more
    /// hyphens open a reason; an en or em dash does not, and HS010 says so).
    func reasonDashEnd(_ word: Range<Int>) -> Int? {
        let bytes = tree.text.bytes
        guard word.count >= 2, bytes[word.lowerBound] == 0x2D, bytes[word.lowerBound + 1] == 0x2D else { return nil }
        var e = word.lowerBound + 2
        while e < word.upperBound && bytes[e] == 0x2D { e += 1 }
        return e
    }

    /// The words of a suppression comment: separated by spaces (Unicode spaces too, as Word
    /// writes them), line breaks, `,` and `;`.
    func tokens(_ range: Range<Int>) -> [Range<Int>] {
        let bytes = tree.text.bytes
        func separatorLength(_ i: Int) -> Int {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D || b == 0x2C || b == 0x3B { return 1 }
            return ByteClass.spaceLength(bytes, at: i, end: range.upperBound)
        }
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, case let n = separatorLength(i), n > 0 { i += n }
            let s = i
            while i < range.upperBound && separatorLength(i) == 0 { i += 1 }
            if i > s { result.append(s..<i) }
        }
        return result
    }

    /// The range without spaces (Unicode spaces included) and line breaks at either end.
    func trimmedBlank(_ range: Range<Int>) -> Range<Int> {
        let bytes = tree.text.bytes
        var a = range.lowerBound, b = range.upperBound
        while a < b {
            if bytes[a] == 0x0A || bytes[a] == 0x0D { a += 1; continue }
            let n = ByteClass.spaceLength(bytes, at: a, end: b)
            guard n > 0 else { break }
            a += n
        }
        while b > a {
            if bytes[b - 1] == 0x0A || bytes[b - 1] == 0x0D { b -= 1; continue }
            let n = ByteClass.spaceLength(bytes, before: b, start: a)
            guard n > 0 else { break }
            b -= n
        }
        return a..<b
    }

    /// The rating phrase of a value, without a note after it (docs/format.md, "Recognition").
    ///
    /// The note starts at `(`, `;`, `,` or a dash between spaces (` - `, ` – `, ` — `); the
    /// phrase is what precedes it, trimmed of spaces, emphasis and a final `.`. A value that
    /// begins with its note is kept whole.
    func ratingPhrase(_ value: Range<Int>) -> Range<Int> {
        let bytes = tree.text.bytes
        var end = value.upperBound
        var i = value.lowerBound
        scan: while i < value.upperBound {
            if [0x28, 0x3B, 0x2C].contains(bytes[i]) { end = i; break }
            let space = ByteClass.spaceLength(bytes, at: i, end: value.upperBound)  // Word's no-break space too
            guard space > 0 else { i += 1; continue }
            let dash = i + space
            var j = dash
            if j < value.upperBound, bytes[j] == 0x2D { j += 1 }
            else if j + 2 < value.upperBound, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x93 || bytes[j + 2] == 0x94 { j += 3 }
            if j > dash, j == value.upperBound || ByteClass.spaceLength(bytes, at: j, end: value.upperBound) > 0 { end = i; break scan }
            i += space
        }
        var phrase = trimmed(value.lowerBound..<end)
        while !phrase.isEmpty, [0x2E, 0x3A].contains(bytes[phrase.upperBound - 1]) { phrase = trimmed(phrase.lowerBound..<phrase.upperBound - 1) }
        // Quotes around the phrase are emphasis (`“Hoàn thành tốt nhiệm vụ”.`): not part of it.
        let inner = unquoted(phrase)
        if inner != phrase {
            phrase = inner
            while !phrase.isEmpty, [0x2E, 0x3A].contains(bytes[phrase.upperBound - 1]) { phrase = trimmed(phrase.lowerBound..<phrase.upperBound - 1) }
        }
        return phrase.isEmpty ? value : phrase
    }

    /// The range without the quotation marks around it (`"…"`, `“…”`, `‘…’`, `«…»`), nor the
    /// spaces and emphasis inside or outside them; `range` itself when it is not quoted. A mark
    /// is dropped at either end on its own, so a quote left open (`“Hoàn thành tốt nhiệm vụ`) goes too.
    func unquoted(_ range: Range<Int>) -> Range<Int> {
        let bytes = tree.text.bytes
        var r = range
        while !r.isEmpty {
            let open = ByteClass.quoteLength(bytes, at: r.lowerBound, end: r.upperBound)
            let close = r.count > open ? ByteClass.quoteLength(bytes, before: r.upperBound, start: r.lowerBound + open) : 0
            guard open + close > 0 else { break }
            r = trimmed((r.lowerBound + open)..<(r.upperBound - close))
        }
        return r.isEmpty ? range : r
    }

    /// `range` without spaces and emphasis at its ends.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        ByteClass.trimmingSpacesAndEmphasis(tree.text.bytes, range)
    }
}

extension String {
    /// The string with the look-alikes of Đ/đ (Ð, ð, Ɖ, ɖ) replaced by the Vietnamese letters.
    func replacingLookalikes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0xD0, 0x189: return "Đ"
            case 0xF0, 0x256: return "đ"
            default: return scalar
            }
        }))
    }
}
