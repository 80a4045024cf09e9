import HosoJSON
import HosoSyntax
import HosoText

/// Everything campaign-specific a dossier is checked against (docs/cli.md, "Profiles").
///
/// The built-in default reproduces the Sơn La 2022 plan; other campaigns are other JSON files.
/// Rules read campaign facts only from here.
public struct Profile: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The plan the profile reproduces.
    public var source: String
    /// The years whose ratings count (plan III.3: 2019–2021).
    public var evaluationYears: [Int]
    /// The year in which an earlier award excludes a nominee (plan III.4 Lưu ý: 2022).
    public var excludedYear: Int
    /// The Tờ trình must be dated before this day (exclusive).
    public var deadline: DateValue
    /// Approval must be above this percentage of members present.
    public var votePercentThreshold: Double
    /// Parts every dossier needs whatever it proposes.
    public var requiredParts: [PartKind]
    public let awardForms: [AwardForm]
    /// Required sections of a BÁO CÁO THÀNH TÍCH per nominee kind, in order.
    public let reportSections: ReportSections
    public let ratings: [Rating]
    /// Positions that count as leadership (HS208).
    public let leadershipTitles: [String]
    public let registry: [RegistryDocument]
    /// The document and form a report must cite (NĐ 91/2017, Mẫu số 07).
    public var reportForm: ReportForm
    /// The parent body printed above the unit on exported papers (`Văn phòng UBND tỉnh Sơn La`)
    /// when a dossier has no `Cơ quan chủ quản:`; optional (`parentBody`).
    public var parentBody: String?
    /// Folded names of the above, built once when the profile is decoded (not part of the JSON;
    /// the names it indexes are `let` so it cannot go stale).
    public let lookup: ProfileLookup

    /// The profile's keys: anything else is an unknown key, reported as a warning.
    static let keys: Set<String> = ["id", "title", "source", "evaluationYears", "excludedYear", "deadline",
                                    "votePercentThreshold", "requiredParts", "awardForms", "reportSections",
                                    "ratings", "leadershipTitles", "registry", "reportForm", "parentBody"]

    /// Reads a profile from its JSON object; unknown keys at any depth go to `unknownKeys`.
    init(_ object: JSONObjectCursor, unknownKeys: inout [String]) throws {
        unknownKeys += object.unknownKeys(known: Self.keys)
        id = try object.required("id").string()
        title = try object.required("title").string()
        source = try object.required("source").string()
        evaluationYears = try object.required("evaluationYears").array().map { try $0.year() }
        excludedYear = try object.required("excludedYear").year()
        deadline = try DateValue(object.required("deadline"))
        votePercentThreshold = try object.required("votePercentThreshold").number()
        requiredParts = try object.required("requiredParts").array().map { try $0.partKind() }
        awardForms = try object.required("awardForms").array().map { try AwardForm($0.object(), unknownKeys: &unknownKeys) }
        let sections = try object.required("reportSections").object()
        unknownKeys += sections.unknownKeys(known: ["individual", "collective"])
        func sectionList(_ key: String) throws -> [ReportSection] {
            try sections.required(key).array().map { try ReportSection($0.object(), unknownKeys: &unknownKeys) }
        }
        reportSections = ReportSections(individual: try sectionList("individual"), collective: try sectionList("collective"))
        ratings = try object.required("ratings").array().map { try Rating($0.object(), unknownKeys: &unknownKeys) }
        leadershipTitles = try object.required("leadershipTitles").strings()
        registry = try object.required("registry").array().map { try RegistryDocument($0.object(), unknownKeys: &unknownKeys) }
        let form = try object.required("reportForm").object()
        unknownKeys += form.unknownKeys(known: ["citation", "form"])
        reportForm = ReportForm(citation: try form.required("citation").string(), form: try form.required("form").string())
        parentBody = try object.optional("parentBody")?.string()
        lookup = ProfileLookup(awardForms: awardForms, ratings: ratings, reportSections: reportSections,
                               leadershipTitles: leadershipTitles, registry: registry)
    }

    /// The best rank a rating can have ("xuất sắc").
    public var topRank: Int { ratings.map(\.rank).max() ?? 0 }

    /// The registry entry with exactly this number/symbol.
    public func document(numbered number: String) -> RegistryDocument? {
        registry.first { $0.number == number }
    }

    /// The registry document a citation names: the same serial number and document type,
    /// preferring the same year for normative documents (`91/2017/NĐ-CP`).
    public func registryDocument(for citation: Citation) -> RegistryDocument? {
        registryIndex(for: citation).map { registry[$0] }
    }

    /// The index in `registry` of the document a citation names (`registryDocument(for:)`).
    public func registryIndex(for citation: Citation) -> Int? {
        guard let number = citation.number, let serial = number.serial else { return nil }
        // A registry lists a handful of documents: read in order, not hashed.
        let type = citation.type.index
        var first: Int?
        for (index, key) in lookup.registryKeys.enumerated() where key.serial == serial && key.type == type {
            if number.year == nil || lookup.registryYears[index] == number.year { return index }
            if first == nil { first = index }
        }
        return first
    }

    /// The index in `registry` of the entry with exactly this number/symbol.
    public func documentIndex(numbered number: String) -> Int? {
        registry.firstIndex { $0.number == number }
    }

    /// The rating whose name, alias or abbreviation folds like `text`.
    public func rating(matching text: String) -> Rating? {
        lookup.ratingByKey[Folding.key(text)].map { ratings[$0.index] }
    }
}

/// Folded keys of a profile's names, for lookups in constant time instead of folding every
/// candidate on every call (the semantic pass asks for thousands of them per second).
public final class ProfileLookup: Sendable, Equatable {
    /// Award form index by the folded name or alias, looked up by the key's bytes (`awardFormIndex(key:)`).
    let awardFormTable: FoldedKeyTable<Int>
    /// Rating index by the folded name, alias or abbreviation, and whether it is an abbreviation.
    public let ratingByKey: [String: (index: Int, isAbbreviation: Bool)]
    /// `ratingByKey` by the keys' bytes, for `rating(key:)`: a dossier names a rating in every
    /// year of every nominee.
    let ratingTable: FoldedKeyTable<RatingEntry>
    /// A rating's index, and whether the key is one of its abbreviations.
    struct RatingEntry: Sendable {
        let index: Int
        let isAbbreviation: Bool
    }
    /// Report section index by folded title or alias, for individuals and collectives.
    public let individualSectionByKey: [String: Int]
    public let collectiveSectionByKey: [String: Int]
    /// The two section tables by the keys' bytes.
    let individualSectionTable: FoldedKeyTable<Int>, collectiveSectionTable: FoldedKeyTable<Int>
    /// Leadership titles, folded and followed by one space (HS208 matches whole words at a post's start).
    public let leadershipKeys: [String]
    /// Each registry document's serial number and type (`179`, Kế hoạch's index in
    /// `DocumentType.all`), in the registry's order; -1 where a document has none a citation can have.
    let registryKeys: [(serial: Int, type: Int)]
    /// The year in each registry number (`2017` of `91/2017/NĐ-CP`), if it has one.
    let registryYears: [Int?]

    init(awardForms: [AwardForm], ratings: [Rating], reportSections: ReportSections, leadershipTitles: [String],
         registry: [RegistryDocument]) {
        /// Enters `name` folded, unless an earlier entry already claimed that key.
        func claim<Value>(_ name: String, _ value: Value, in table: inout [String: Value]) {
            let key = Folding.key(name)
            if table[key] == nil { table[key] = value }
        }
        func sectionIndex(_ sections: [ReportSection]) -> [String: Int] {
            var table: [String: Int] = [:]
            for (i, section) in sections.enumerated() { for name in [section.title] + section.aliases { claim(name, i, in: &table) } }
            return table
        }
        awardFormTable = FoldedKeyTable(awardForms.enumerated().flatMap { i, form in ([form.name] + form.aliases).map { (Folding.key($0), i) } })
        var ratingTable: [String: (index: Int, isAbbreviation: Bool)] = [:]
        var ratingKeys: [(key: String, value: RatingEntry)] = []
        for (i, rating) in ratings.enumerated() {
            for name in [rating.name] + rating.aliases {
                claim(name, (i, false), in: &ratingTable)
                ratingKeys.append((Folding.key(name), RatingEntry(index: i, isAbbreviation: false)))
            }
            for name in rating.abbreviations {
                claim(name, (i, true), in: &ratingTable)
                ratingKeys.append((Folding.key(name), RatingEntry(index: i, isAbbreviation: true)))
            }
        }
        ratingByKey = ratingTable
        self.ratingTable = FoldedKeyTable(ratingKeys)
        individualSectionByKey = sectionIndex(reportSections.individual)
        collectiveSectionByKey = sectionIndex(reportSections.collective)
        func sectionTable(_ sections: [ReportSection]) -> FoldedKeyTable<Int> {
            FoldedKeyTable(sections.enumerated().flatMap { i, section in ([section.title] + section.aliases).map { (Folding.key($0), i) } })
        }
        individualSectionTable = sectionTable(reportSections.individual)
        collectiveSectionTable = sectionTable(reportSections.collective)
        leadershipKeys = leadershipTitles.map { Folding.key($0) + " " }
        var keys: [(serial: Int, type: Int)] = []
        var years: [Int?] = []
        for document in registry {
            let number = DocumentNumber.parse(document.number)
            years.append(number?.year)
            // A type no citation can have (not among `DocumentType.all`) is never found.
            let type = DocumentType.named(folded: Folding.key(document.type))
            keys.append(number?.serial != nil && type != nil ? (number!.serial!, type!.index) : (-1, -1))
        }
        registryKeys = keys
        registryYears = years
    }

    /// `ratingByKey[key]` for a key given as UTF-8, no String made and none hashed.
    public func rating(key: UnsafeBufferPointer<UInt8>) -> (index: Int, isAbbreviation: Bool)? {
        ratingTable.value(forKey: key).map { ($0.index, $0.isAbbreviation) }
    }

    /// The index of the award form whose canonical name or alias folds to the UTF-8 `key`.
    public func awardFormIndex(key: UnsafeBufferPointer<UInt8>) -> Int? {
        awardFormTable.value(forKey: key)
    }

    /// `sectionIndex(key:for:)` for a key given as UTF-8.
    public func sectionIndex(key: UnsafeBufferPointer<UInt8>, for kind: NomineeKind) -> Int? {
        (kind == .individual ? individualSectionTable : collectiveSectionTable).value(forKey: key)
    }

    /// The report section index whose title or alias folds to `key`, for a kind of nominee.
    public func sectionIndex(key: String, for kind: NomineeKind) -> Int? {
        kind == .individual ? individualSectionByKey[key] : collectiveSectionByKey[key]
    }

    /// Derived data: two lookups of equal profiles are equal.
    public static func == (a: ProfileLookup, b: ProfileLookup) -> Bool { true }
}

/// An award form a unit can propose (plan III.2, III.3, III.4).
///
/// Immutable, and a class: every nominee and the rules that read its form hold one reference,
/// not a copy of a dozen strings and tables.
public final class AwardForm: Sendable, Equatable {
    public let id: String
    /// The canonical name, as `Hình thức:` should spell it.
    public let name: String
    /// Other accepted spellings (each canonical in its own right: no HS108).
    public let aliases: [String]
    public let level: String
    /// Criteria not yet published: nothing can be checked (HS213).
    public let pending: Bool
    /// Parts the dossier needs when it proposes this form.
    public let requiredParts: [PartKind]
    /// The lowest rating every evaluation year must reach (a rating id).
    public let minimumRating: String?
    /// How many years must be rated "xuất sắc" (a rating of the top rank).
    public let excellentYearsNeeded: Int
    public let initiativeRequired: Bool
    /// The registry number of the plan whose criteria apply (`179/KH-UBND`).
    public let criteriaPlan: String?
    /// The criteria clause per nominee kind (`điểm 2.2 khoản 2 Mục II`).
    public let criteriaClauses: [String: String]
    /// The most nominees of each kind a unit may propose.
    public let quota: [String: Int]
    /// The plan asks to prefer nominees without a leadership post (HS208).
    public let preferNonLeaders: Bool

    /// Whether this form needs a BÁO CÁO THÀNH TÍCH for each nominee.
    public var requiresReport: Bool { requiredParts.contains(.report) }

    static let keys: Set<String> = ["id", "name", "aliases", "level", "pending", "requiredParts", "minimumRating",
                                    "excellentYearsNeeded", "initiativeRequired", "criteriaPlan", "criteriaClauses",
                                    "quota", "preferNonLeaders"]

    init(_ object: JSONObjectCursor, unknownKeys: inout [String]) throws {
        unknownKeys += object.unknownKeys(known: Self.keys)
        id = try object.required("id").string()
        name = try object.required("name").string()
        aliases = try object.required("aliases").strings()
        level = try object.required("level").string()
        pending = try object.required("pending").bool()
        requiredParts = try object.required("requiredParts").array().map { try $0.partKind() }
        minimumRating = try object.optional("minimumRating")?.string()
        excellentYearsNeeded = try object.required("excellentYearsNeeded").count()
        initiativeRequired = try object.required("initiativeRequired").bool()
        criteriaPlan = try object.optional("criteriaPlan")?.string()
        criteriaClauses = try Dictionary(object.required("criteriaClauses").object().entries.map { ($0.key, try $0.value.string()) },
                                         uniquingKeysWith: { a, _ in a })
        quota = try Dictionary(object.required("quota").object().entries.map { ($0.key, try $0.value.count()) },
                               uniquingKeysWith: { a, _ in a })
        preferNonLeaders = try object.required("preferNonLeaders").bool()
    }

    public static func == (a: AwardForm, b: AwardForm) -> Bool {
        a === b || a.id == b.id && a.name == b.name && a.aliases == b.aliases && a.level == b.level &&
            a.pending == b.pending && a.requiredParts == b.requiredParts && a.minimumRating == b.minimumRating &&
            a.excellentYearsNeeded == b.excellentYearsNeeded && a.initiativeRequired == b.initiativeRequired &&
            a.criteriaPlan == b.criteriaPlan && a.criteriaClauses == b.criteriaClauses && a.quota == b.quota &&
            a.preferNonLeaders == b.preferNonLeaders
    }
}

extension JSONCursor {
    /// A count: a whole, non-negative number.
    func count() throws -> Int {
        try integer(in: 0...1_000_000, expected: ("một số nguyên không âm", "a non-negative integer"))
    }

    /// A year of four digits.
    func year() throws -> Int {
        try integer(in: 1000...9999, expected: ("một năm 4 chữ số", "a 4-digit year"))
    }

    /// A part id (`to-trinh`, `bien-ban`, `bao-cao-thanh-tich`).
    func partKind() throws -> PartKind {
        let known = PartKind.allCases.filter { $0 != .unknown }
        guard case .string(let id) = value, let kind = PartKind(rawValue: id), kind != .unknown else {
            let list = known.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw mismatch(("một phần hồ sơ: \(list)", "a part id: \(list)"))
        }
        return kind
    }
}

/// One required report section: canonical title, accepted titles, its role.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    /// Roman numbering the canonical heading carries (`I`), if any.
    public var numbering: String?
    public var aliases: [String]
    /// What the section holds: `biography`, `achievements` (ratings), `awards`, `confirmation`.
    public var role: String

    init(_ object: JSONObjectCursor, unknownKeys: inout [String]) throws {
        unknownKeys += object.unknownKeys(known: ["title", "numbering", "aliases", "role"])
        title = try object.required("title").string()
        numbering = try object.optional("numbering")?.string()
        aliases = try object.required("aliases").strings()
        role = try object.required("role").string()
    }
}

/// Required report sections for each kind of nominee.
public struct ReportSections: Sendable, Equatable {
    public var individual: [ReportSection]
    public var collective: [ReportSection]

    public func sections(for kind: NomineeKind) -> [ReportSection] {
        kind == .individual ? individual : collective
    }
}

/// A rating phrase with its rank (higher is better) and accepted abbreviations (immutable; a
/// class, so a stated rating holds one reference).
public final class Rating: Sendable, Equatable {
    public let id: String
    public let name: String
    public let rank: Int
    /// Abbreviations: accepted, drawing HS207.
    public let abbreviations: [String]
    /// Other full wordings accepted as this rating without remark.
    public let aliases: [String]

    init(_ object: JSONObjectCursor, unknownKeys: inout [String]) throws {
        unknownKeys += object.unknownKeys(known: ["id", "name", "rank", "abbreviations", "aliases"])
        id = try object.required("id").string()
        name = try object.required("name").string()
        rank = try object.required("rank").integer(in: -1_000...1_000, expected: ("một số nguyên", "an integer"))
        abbreviations = try object.required("abbreviations").strings()
        aliases = try object.required("aliases").strings()
    }

    public static func == (a: Rating, b: Rating) -> Bool {
        a === b || a.id == b.id && a.name == b.name && a.rank == b.rank && a.abbreviations == b.abbreviations &&
            a.aliases == b.aliases
    }
}

/// A document the campaign's dossiers may cite, as the registry knows it (immutable; a class,
/// so the rules that look one up copy one reference).
public final class RegistryDocument: Sendable, Equatable {
    /// The type word (`Kế hoạch`, `Nghị định`).
    public let type: String
    /// Number and symbol (`179/KH-UBND`).
    public let number: String
    public let date: DateValue
    public let issuer: String
    public let title: String
    public let supersededBy: String?
    public let supersededFrom: DateValue?

    init(_ object: JSONObjectCursor, unknownKeys: inout [String]) throws {
        unknownKeys += object.unknownKeys(known: ["type", "number", "date", "issuer", "title", "supersededBy", "supersededFrom"])
        type = try object.required("type").string()
        number = try object.required("number").string()
        date = try DateValue(object.required("date"))
        issuer = try object.required("issuer").string()
        title = try object.required("title").string()
        supersededBy = try object.optional("supersededBy")?.string()
        supersededFrom = try object.optional("supersededFrom").map(DateValue.init)
    }

    public static func == (a: RegistryDocument, b: RegistryDocument) -> Bool {
        a === b || a.type == b.type && a.number == b.number && a.date == b.date && a.issuer == b.issuer &&
            a.title == b.title && a.supersededBy == b.supersededBy && a.supersededFrom == b.supersededFrom
    }
}

/// The report form every BÁO CÁO THÀNH TÍCH follows.
public struct ReportForm: Sendable, Equatable {
    public var citation: String
    public var form: String
}

/// A calendar date (day, month, year), written `YYYY-MM-DD` in profiles.
public struct DateValue: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the day exists in the Gregorian calendar (29/02 only in leap years).
    public var isValid: Bool {
        guard year >= 1 && year <= 9999, month >= 1 && month <= 12, day >= 1 else { return false }
        return day <= DateValue.daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: DateValue, b: DateValue) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The date as NĐ 30/2020 writes it: a zero before days 1–9 and months 1–2 (`02/8/2019`).
    public var officialForm: String {
        "\(day < 10 ? "0" : "")\(day)/\(month <= 2 ? "0" : "")\(month)/\(year)"
    }

    /// Spelled out as NĐ 30/2020 writes it: `ngày 02 tháng 8 năm 2019`.
    public var spelledForm: String {
        "ngày \(day < 10 ? "0" : "")\(day) tháng \(month <= 2 ? "0" : "")\(month) năm \(year)"
    }

    /// The day before (31/12 before 01/01).
    public var dayBefore: DateValue {
        if day > 1 { return DateValue(year: year, month: month, day: day - 1) }
        let previousMonth = month == 1 ? 12 : month - 1, previousYear = month == 1 ? year - 1 : year
        return DateValue(year: previousYear, month: previousMonth, day: DateValue.daysIn(month: previousMonth, year: previousYear))
    }

    /// Vietnamese short form `dd/mm/yyyy`.
    public var description: String {
        "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(year)"
    }

    /// Reads `YYYY-MM-DD`: a real date of a plausible campaign (years 1945–2100), so
    /// `0001-01-01` or `2022-02-30` is reported as the typo it is.
    init(_ cursor: JSONCursor) throws {
        let text = try cursor.string()
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = pieces.compactMap { Int($0) }
        guard pieces.count == 3, numbers.count == 3, pieces[0].count == 4 else {
            throw cursor.error(vi: "cần một ngày dạng YYYY-MM-DD, gặp \"\(text)\"", en: "expected a date YYYY-MM-DD, found \"\(text)\"")
        }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
        guard isValid, (1945...2100).contains(year) else {
            throw cursor.error(vi: "cần một ngày có thật (năm 1945–2100), gặp \"\(text)\"",
                               en: "expected a real date (years 1945–2100), found \"\(text)\"")
        }
    }
}
