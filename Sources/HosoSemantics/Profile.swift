import HosoSyntax
import HosoText

/// Everything campaign-specific a dossier is checked against (RULES.md "Profiles").
///
/// The built-in default reproduces the Sơn La 2022 plan; other campaigns are other JSON files.
/// Rules read campaign facts only from here.
public struct Profile: Sendable, Codable, Equatable {
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
    /// Folded names of the above, built once when the profile is decoded (not part of the JSON;
    /// the names it indexes are `let` so it cannot go stale).
    public let lookup: ProfileLookup

    enum CodingKeys: String, CodingKey {
        case id, title, source, evaluationYears, excludedYear, deadline, votePercentThreshold, requiredParts
        case awardForms, reportSections, ratings, leadershipTitles, registry, reportForm
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        source = try c.decode(String.self, forKey: .source)
        evaluationYears = try c.decodeYears(.evaluationYears)
        excludedYear = try c.decodeYear(.excludedYear)
        deadline = try c.decode(DateValue.self, forKey: .deadline)
        votePercentThreshold = try c.decode(Double.self, forKey: .votePercentThreshold)
        requiredParts = try c.decode([PartKind].self, forKey: .requiredParts)
        awardForms = try c.decode([AwardForm].self, forKey: .awardForms)
        reportSections = try c.decode(ReportSections.self, forKey: .reportSections)
        ratings = try c.decode([Rating].self, forKey: .ratings)
        leadershipTitles = try c.decode([String].self, forKey: .leadershipTitles)
        registry = try c.decode([RegistryDocument].self, forKey: .registry)
        reportForm = try c.decode(ReportForm.self, forKey: .reportForm)
        lookup = ProfileLookup(awardForms: awardForms, ratings: ratings, reportSections: reportSections,
                               leadershipTitles: leadershipTitles, registry: registry)
    }

    /// The award form whose canonical name or alias folds like `text`.
    public func awardForm(matching text: String) -> AwardForm? {
        lookup.awardFormByKey[Folding.key(text)].map { awardForms[$0] }
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
        guard let number = citation.number, let serial = number.serial,
              let candidates = lookup.registryBySerialAndType[.init(serial: serial, typeKey: citation.type.key)]
        else { return nil }
        if let year = number.year, let sameYear = candidates.first(where: { lookup.registryYears[$0] == year }) {
            return registry[sameYear]
        }
        return registry[candidates[0]]
    }

    /// The rating whose name, alias or abbreviation folds like `text`.
    public func rating(matching text: String) -> Rating? {
        lookup.ratingByKey[Folding.key(text)].map { ratings[$0.index] }
    }
}

/// Folded keys of a profile's names, for lookups in constant time instead of folding every
/// candidate on every call (the semantic pass asks for thousands of them per second).
public final class ProfileLookup: Sendable, Equatable {
    /// Award form index by the folded name or alias.
    public let awardFormByKey: [String: Int]
    /// Rating index by the folded name, alias or abbreviation, and whether it is an abbreviation.
    public let ratingByKey: [String: (index: Int, isAbbreviation: Bool)]
    /// Report section index by folded title or alias, for individuals and collectives.
    public let individualSectionByKey: [String: Int]
    public let collectiveSectionByKey: [String: Int]
    /// Leadership titles, folded and followed by one space (HS208 matches whole words at a post's start).
    public let leadershipKeys: [String]
    /// A registry document's serial number and folded type (`179`, `ke hoach`).
    struct SerialAndType: Hashable {
        let serial: Int
        let typeKey: String
    }
    /// Registry indices by serial number and folded document type.
    let registryBySerialAndType: [SerialAndType: [Int]]
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
        var forms: [String: Int] = [:]
        for (i, form) in awardForms.enumerated() { for name in [form.name] + form.aliases { claim(name, i, in: &forms) } }
        awardFormByKey = forms
        var ratingTable: [String: (index: Int, isAbbreviation: Bool)] = [:]
        for (i, rating) in ratings.enumerated() {
            for name in [rating.name] + rating.aliases { claim(name, (i, false), in: &ratingTable) }
            for name in rating.abbreviations { claim(name, (i, true), in: &ratingTable) }
        }
        ratingByKey = ratingTable
        individualSectionByKey = sectionIndex(reportSections.individual)
        collectiveSectionByKey = sectionIndex(reportSections.collective)
        leadershipKeys = leadershipTitles.map { Folding.key($0) + " " }
        var bySerial: [SerialAndType: [Int]] = [:]
        var years: [Int?] = []
        for (i, document) in registry.enumerated() {
            let number = DocumentNumber.parse(document.number)
            years.append(number?.year)
            guard let serial = number?.serial else { continue }
            bySerial[SerialAndType(serial: serial, typeKey: Folding.key(document.type)), default: []].append(i)
        }
        registryBySerialAndType = bySerial
        registryYears = years
    }

    /// The report section index whose title or alias folds to `key`, for a kind of nominee.
    public func sectionIndex(key: String, for kind: NomineeKind) -> Int? {
        kind == .individual ? individualSectionByKey[key] : collectiveSectionByKey[key]
    }

    /// Derived data: two lookups of equal profiles are equal.
    public static func == (a: ProfileLookup, b: ProfileLookup) -> Bool { true }
}

/// An award form a unit can propose (plan III.2, III.3, III.4).
public struct AwardForm: Sendable, Codable, Equatable {
    public var id: String
    /// The canonical name, as `Hình thức:` should spell it.
    public var name: String
    /// Other accepted spellings (each canonical in its own right: no HS108).
    public var aliases: [String]
    public var level: String
    /// Criteria not yet published: nothing can be checked (HS213).
    public var pending: Bool
    /// Parts the dossier needs when it proposes this form.
    public var requiredParts: [PartKind]
    /// The lowest rating every evaluation year must reach (a rating id).
    public var minimumRating: String?
    /// How many years must be rated "xuất sắc" (a rating of the top rank).
    public var excellentYearsNeeded: Int
    public var initiativeRequired: Bool
    /// The registry number of the plan whose criteria apply (`179/KH-UBND`).
    public var criteriaPlan: String?
    /// The criteria clause per nominee kind (`điểm 2.2 khoản 2 Mục II`).
    public var criteriaClauses: [String: String]
    /// The most nominees of each kind a unit may propose.
    public var quota: [String: Int]
    /// The plan asks to prefer nominees without a leadership post (HS208).
    public var preferNonLeaders: Bool

    /// Whether this form needs a BÁO CÁO THÀNH TÍCH for each nominee.
    public var requiresReport: Bool { requiredParts.contains(.report) }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, level, pending, requiredParts, minimumRating, excellentYearsNeeded, initiativeRequired
        case criteriaPlan, criteriaClauses, quota, preferNonLeaders
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decode([String].self, forKey: .aliases)
        level = try c.decode(String.self, forKey: .level)
        pending = try c.decode(Bool.self, forKey: .pending)
        requiredParts = try c.decode([PartKind].self, forKey: .requiredParts)
        minimumRating = try c.decodeIfPresent(String.self, forKey: .minimumRating)
        excellentYearsNeeded = try c.decodeCount(.excellentYearsNeeded)
        initiativeRequired = try c.decode(Bool.self, forKey: .initiativeRequired)
        criteriaPlan = try c.decodeIfPresent(String.self, forKey: .criteriaPlan)
        criteriaClauses = try c.decode([String: String].self, forKey: .criteriaClauses)
        quota = try c.decodeCounts(.quota)
        preferNonLeaders = try c.decode(Bool.self, forKey: .preferNonLeaders)
    }
}

/// A JSON object key met while decoding (for error paths into dictionaries and arrays).
struct DynamicKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "\(intValue)"; self.intValue = intValue }
}

/// Numbers that must be whole: read as numbers first, so `2.5` or `-1` is reported at its own
/// JSON path with what was expected (RULES.md, profile validation), not as "not valid JSON".
extension KeyedDecodingContainer {
    func wholeNumber(_ value: Double, at path: [CodingKey], in range: ClosedRange<Int>, expected: String) throws -> Int {
        guard value.rounded() == value, value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            let shown = value.rounded() == value && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "\(expected), found \(shown)"))
        }
        return Int(value)
    }

    /// Decodes numbers where integers are expected; a wrong type is reported as "an integer".
    func integers<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        do {
            return try decode(type, forKey: key)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Int.self, context)
        }
    }

    /// A count: a non-negative integer.
    func decodeCount(_ key: Key) throws -> Int {
        try wholeNumber(integers(Double.self, key), at: codingPath + [key], in: 0...1_000_000,
                        expected: "cần một số nguyên không âm / expected a non-negative integer")
    }

    /// An object of counts (quotas per nominee kind).
    func decodeCounts(_ key: Key) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (name, value) in try integers([String: Double].self, key) {
            counts[name] = try wholeNumber(value, at: codingPath + [key, DynamicKey(stringValue: name)], in: 0...1_000_000,
                                           expected: "cần một số nguyên không âm / expected a non-negative integer")
        }
        return counts
    }

    /// A year of four digits.
    func decodeYear(_ key: Key) throws -> Int {
        try wholeNumber(integers(Double.self, key), at: codingPath + [key], in: 1000...9999,
                        expected: "cần một năm 4 chữ số / expected a 4-digit year")
    }

    /// A list of 4-digit years.
    func decodeYears(_ key: Key) throws -> [Int] {
        try integers([Double].self, key).enumerated().map { index, value in
            try wholeNumber(value, at: codingPath + [key, DynamicKey(intValue: index)], in: 1000...9999,
                            expected: "cần một năm 4 chữ số / expected a 4-digit year")
        }
    }
}

/// One required report section: canonical title, accepted titles, its role.
public struct ReportSection: Sendable, Codable, Equatable {
    public var title: String
    /// Roman numbering the canonical heading carries (`I`), if any.
    public var numbering: String?
    public var aliases: [String]
    /// What the section holds: `biography`, `achievements` (ratings), `awards`, `confirmation`.
    public var role: String
}

/// Required report sections for each kind of nominee.
public struct ReportSections: Sendable, Codable, Equatable {
    public var individual: [ReportSection]
    public var collective: [ReportSection]

    public func sections(for kind: NomineeKind) -> [ReportSection] {
        kind == .individual ? individual : collective
    }
}

/// A rating phrase with its rank (higher is better) and accepted abbreviations.
public struct Rating: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var rank: Int
    /// Abbreviations: accepted, drawing HS207.
    public var abbreviations: [String]
    /// Other full wordings accepted as this rating without remark.
    public var aliases: [String]
}

/// A document the campaign's dossiers may cite, as the registry knows it.
public struct RegistryDocument: Sendable, Codable, Equatable {
    /// The type word (`Kế hoạch`, `Nghị định`).
    public var type: String
    /// Number and symbol (`179/KH-UBND`).
    public var number: String
    public var date: DateValue
    public var issuer: String
    public var title: String
    public var supersededBy: String?
    public var supersededFrom: DateValue?
}

/// The report form every BÁO CÁO THÀNH TÍCH follows.
public struct ReportForm: Sendable, Codable, Equatable {
    public var citation: String
    public var form: String
}

/// A calendar date (day, month, year), written `YYYY-MM-DD` in profiles.
public struct DateValue: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
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

    /// Vietnamese short form `dd/mm/yyyy`.
    public var description: String {
        "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(year)"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let pieces = text.split(separator: "-").compactMap { Int($0) }
        guard pieces.count == 3 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, found \"\(text)\"")
        }
        self.init(year: pieces[0], month: pieces[1], day: pieces[2])
        // A real date of a plausible campaign (years 1945–2100): `0001-01-01` or `9999-12-31` is a typo.
        guard isValid, (1945...2100).contains(year) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "cần một ngày có thật (năm 1945–2100), gặp \"\(text)\" / expected a real date (years 1945–2100), found \"\(text)\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        try container.encode("\(year)-\(m)-\(d)")
    }
}

extension PartKind: Codable {}
