import HosoSyntax
import HosoText

/// A field as the model sees it: key, where its pieces are, and its value text.
public struct Field: Sendable {
    public let key: FieldKey
    /// Index of the element in the tree.
    public let element: Int
    public let keyRange: Range<Int>
    public let valueRange: Range<Int>
    /// The value, NFC, without surrounding spaces or emphasis.
    public let value: String

    /// Whether the value is empty or only placeholder dots (`...`, `……`), spaces and underscores.
    @inlinable public var isBlank: Bool {
        isOnlyPlaceholder(value, underscores: true)
    }
}

/// Whether `text` is only `.`, `…` (U+2026, E2 80 A6 in UTF-8), spaces and, if asked, `_`:
/// read on its bytes, and mostly refused at the first.
@usableFromInline func isOnlyPlaceholder(_ text: String, underscores: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x2E, 0x20: i += 1
            case 0x5F where underscores: i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6: i += 3
            default: return false
            }
        }
        return true
    }
}

/// A `Năm YYYY: <rating>` statement, in a nominee block or a report's list.
public struct YearRating: Sendable {
    public let year: Int
    /// The whole statement (field or list item content).
    public let range: Range<Int>
    public let valueRange: Range<Int>
    public let text: String
    /// The rating it names, if it names one the profile knows.
    public let rating: Rating?
    /// Whether `text` is one of the rating's abbreviations.
    public let isAbbreviation: Bool

    /// Whether nothing but placeholder dots (and spaces) was written.
    @inlinable public var isBlank: Bool { isOnlyPlaceholder(text, underscores: false) }
}

/// A `- Năm YYYY: <award>` item of a report's awards section.
public struct YearItem: Sendable {
    public let year: Int
    public let range: Range<Int>
    public let valueRange: Range<Int>
    public let text: String
}

/// A place-date line with its date, when the numbers make one.
public struct PlaceDate: Sendable {
    public let element: Int
    public let syntax: PlaceDateSyntax
    /// The date when day, month and year are all written (it may still be invalid).
    public let date: DateValue?
}

/// A `### Cá nhân:` / `### Tập thể:` block of the Tờ trình.
///
/// A class, though immutable like a value: the rules walk every nominee, and a copy of a class
/// reference is one count where a copy of the struct retained each of its strings and arrays.
public final class Nominee: Sendable {
    public let kind: NomineeKind
    public let name: String
    /// `Folding.name` of `name`, hashed once: what names are compared by, within and across dossiers.
    public let foldedName: FoldedName
    /// `Folding.name` of `name` as a String.
    public var nameKey: String { foldedName.string }
    /// Where the name stands in the heading (empty at the heading's end if the name is missing).
    public let nameRange: Range<Int>
    public let block: BlockNode
    public let fields: [Field]
    public let ratings: [YearRating]
    /// The award form `Hình thức:` names, if the profile knows it.
    public let awardForm: AwardForm?

    init(kind: NomineeKind, name: String, foldedName: FoldedName, nameRange: Range<Int>, block: BlockNode, fields: [Field],
         ratings: [YearRating], awardForm: AwardForm?) {
        self.kind = kind
        self.name = name
        self.foldedName = foldedName
        self.nameRange = nameRange
        self.block = block
        self.fields = fields
        self.ratings = ratings
        self.awardForm = awardForm
    }

    /// The first field with `key`, if any.
    public func field(_ key: FieldKey) -> Field? { fields.first { $0.key == key } }
}

/// A vote item `- NAME: A/B đồng ý (P%)` of the Biên bản.
public struct Vote: Sendable {
    public let element: Int
    public let name: String
    /// `Folding.name` of `name`, hashed once.
    public let foldedName: FoldedName
    public let nameRange: Range<Int>
    public let votesFor: Int?
    public let present: Int?
    /// The range of `A/B`.
    public let countRange: Range<Int>?
    public let percent: Double?
    /// The range of `P` inside the parentheses (without `%`).
    public let percentRange: Range<Int>?

    /// Whether the item is a blank to fill in, as `hoso new` writes it (`- : / đồng ý`): no name
    /// and no count that reads. It draws one finding (HS107), not one per piece missing.
    public var isBlank: Bool { name.isEmpty && countRange == nil }
}

/// A `## ` section of a report matched against the profile's required sections.
public struct ReportSectionRef: Sendable {
    public let node: SectionNode
    /// The index of the profile section it matches, if any.
    public let profileIndex: Int?
}

/// A `# BÁO CÁO THÀNH TÍCH: NAME` part.
public struct Report: Sendable {
    public let part: PartNode
    public let nomineeName: String
    /// `Folding.name` of `nomineeName`, hashed once.
    public let foldedName: FoldedName
    public let nameRange: Range<Int>
    /// The nominee it reports on, if the name matches one.
    public let nominee: Int?
    public let sections: [ReportSectionRef]
    public let placeDate: PlaceDate?
    /// Ratings listed in the achievements section.
    public let ratings: [YearRating]
    /// Awards listed in the awards section.
    public let awards: [YearItem]
    /// The line that names the form the report is written on (`Mẫu số 07 ban hành kèm theo …`):
    /// the first line before its first section that starts with `Mẫu số`, if any.
    public let formLine: Int?
}

/// What a non-canonical spelling is of, for HS108's message.
public enum SpellingTarget: String, Sendable {
    case partTitle, sectionTitle, nomineeLabel, fieldKey, rating, awardForm
    /// A Word bullet (`•`, `–` …) as a list marker, where the format writes `-`.
    case listMarker
    /// A heading's `#`s with no space after them (`#TỜ TRÌNH`).
    case headingSpace
    /// A nominee heading with too many `#`s (`#### Cá nhân: …`).
    case headingLevel
    /// A dash where a rating field has its colon (`Năm 2019 - …`).
    case fieldSeparator
}

/// A title, key, phrase, form or marker that was recognized though not written as the format
/// writes it (HS108); writing `canonical` over `range` makes it canonical.
public struct Spelling: Sendable {
    public let range: Range<Int>
    public let written: String
    public let canonical: String
    public let target: SpellingTarget
    /// How the line should read, for a message where `canonical` alone says too little
    /// (`# TỜ TRÌNH` for a missing space); nil otherwise.
    public let suggestion: String?

    public init(range: Range<Int>, written: String, canonical: String, target: SpellingTarget, suggestion: String? = nil) {
        self.range = range
        self.written = written
        self.canonical = canonical
        self.target = target
        self.suggestion = suggestion
    }
}

/// A `hoso-disable…`/`hoso-enable` comment (docs/format.md, "Suppression comments").
public struct SuppressionDirective: Sendable {
    public enum Action: Sendable { case disable, enable, disableNextLine }
    /// What the directive does; nil when the directive word is misspelled (`hoso-disble`):
    /// such a comment suppresses nothing (HS010).
    public let action: Action?
    public let element: Int
    /// The directive word (`hoso-disable-next-line`).
    public let directiveRange: Range<Int>
    /// The words shaped like rule codes (`HS208`, `hs208`), upper-cased, with their ranges;
    /// whether a rule has the code is the rules' business (HS010).
    public let codes: [(code: String, range: Range<Int>)]
    /// Words before the reason that are not shaped like codes (HS010).
    public let strayWords: [Range<Int>]
    /// The text after ` -- `, trimmed; nil when none.
    public let reason: String?
    /// The 0-based line the comment starts on: where HS010 and HS011 are reported.
    public let firstLine: Int
    /// The first line after the comment.
    public let nextLine: Int
}

/// The resolved meaning of one dossier, computed once and shared by every rule.
public final class Dossier: Sendable {
    public let tree: SyntaxTree
    public let profile: Profile
    public var text: SourceText { tree.text }
    public let preambleFields: [Field]
    /// The Tờ trình part (the first, if there are several).
    public let toTrinh: PartNode?
    /// Tờ trình fields outside nominee blocks.
    public let toTrinhFields: [Field]
    public let toTrinhPlaceDate: PlaceDate?
    /// Whether the Tờ trình has a `## DANH SÁCH ĐỀ NGHỊ` section.
    public let hasNomineeList: Bool
    public let nominees: [Nominee]
    public let bienBan: PartNode?
    public let bienBanFields: [Field]
    public let bienBanPlaceDate: PlaceDate?
    public let votes: [Vote]
    public let reports: [Report]
    public let spellings: [Spelling]
    public let suppressions: [SuppressionDirective]
    /// The citations and dates, element by element.
    let lineFacts: LineFacts
    /// Every citation of a document, in text order.
    public var citations: [Citation] { lineFacts.citations }
    /// Every date written in prose, list items, field values and place-date lines, in text order.
    public var dates: [DateMention] { lineFacts.dates }

    /// The citations of the elements `elements`, in text order.
    public func citations(in elements: Range<Int>) -> ArraySlice<Citation> {
        lineFacts.citations[Int(lineFacts.citationStarts[elements.lowerBound])..<Int(lineFacts.citationStarts[elements.upperBound])]
    }

    /// The index in the profile's registry of the document `citations[index]` names, if any.
    public func registryIndex(ofCitation index: Int) -> Int? {
        let k = lineFacts.registryIndices[index]
        return k < 0 ? nil : Int(k)
    }

    /// The registry document `citations[index]` names, if any.
    public func registryDocument(ofCitation index: Int) -> RegistryDocument? {
        registryIndex(ofCitation: index).map { profile.registry[$0] }
    }

    /// The dates of the elements `elements`, in text order.
    public func dates(in elements: Range<Int>) -> ArraySlice<DateMention> {
        lineFacts.dates[Int(lineFacts.dateStarts[elements.lowerBound])..<Int(lineFacts.dateStarts[elements.upperBound])]
    }
    /// The first nominee of each normalized name (`Folding.name`).
    let nomineeIndexByName: FoldedNameIndex

    /// What `DossierBuilder` finds, field by field (a class cannot be returned into `self`).
    struct Parts {
        let tree: SyntaxTree
        let profile: Profile
        let preambleFields: [Field]
        let toTrinh: PartNode?
        let toTrinhFields: [Field]
        let toTrinhPlaceDate: PlaceDate?
        let hasNomineeList: Bool
        let nominees: [Nominee]
        let bienBan: PartNode?
        let bienBanFields: [Field]
        let bienBanPlaceDate: PlaceDate?
        let votes: [Vote]
        let reports: [Report]
        let spellings: [Spelling]
        let suppressions: [SuppressionDirective]
        let lineFacts: LineFacts
        let nomineeIndexByName: FoldedNameIndex
    }

    init(parts: Parts) {
        tree = parts.tree
        profile = parts.profile
        preambleFields = parts.preambleFields
        toTrinh = parts.toTrinh
        toTrinhFields = parts.toTrinhFields
        toTrinhPlaceDate = parts.toTrinhPlaceDate
        hasNomineeList = parts.hasNomineeList
        nominees = parts.nominees
        bienBan = parts.bienBan
        bienBanFields = parts.bienBanFields
        bienBanPlaceDate = parts.bienBanPlaceDate
        votes = parts.votes
        reports = parts.reports
        spellings = parts.spellings
        suppressions = parts.suppressions
        lineFacts = parts.lineFacts
        nomineeIndexByName = parts.nomineeIndexByName
    }

    /// The Tờ trình's `Số:` as a document number, if it parses.
    public var toTrinhNumber: DocumentNumber? {
        toTrinhFields.first { $0.key == .number }.flatMap { DocumentNumber.parse($0.value) }
    }

    /// The nominee whose normalized name equals `name`'s, if any.
    public func nomineeIndex(named name: String) -> Int? {
        nomineeIndexByName[FoldedName(name)]
    }

    /// The first nominee whose folded name is `name`, if any.
    public func nomineeIndex(folded name: FoldedName) -> Int? {
        nomineeIndexByName[name]
    }

    /// The report whose part holds element `element`, found by binary search (reports are in text order).
    public func report(containing element: Int) -> Report? {
        let index = reports.partitionPoint { $0.part.elements.upperBound > element }
        return index < reports.count && reports[index].part.elements.contains(element) ? reports[index] : nil
    }

    /// Finds the nominee name nearest to a misspelled one; build once, ask for each name.
    public func nomineeNameMatcher() -> NomineeNameMatcher { NomineeNameMatcher(nominees) }
}

/// The nominee name nearest to a name that matches none: same letters but diacritics, or a few
/// edits away (at most a quarter of its letters, and 2 edits always allowed).
public struct NomineeNameMatcher: Sendable {
    let names: [String]
    let index: NearestNames

    init(_ nominees: [Nominee]) {
        names = nominees.map { Lookalikes.shownName($0.name) }
        index = NearestNames(nominees.map(\.nameKey))
    }

    /// The nominee's name as messages quote it (`Lookalikes.shownName`), if one is near enough to `name`.
    public func nearest(to name: String) -> String? {
        let wanted = Folding.name(name)
        guard let (candidate, distance) = index.nearest(to: wanted),
              distance <= max(2, wanted.unicodeScalars.count / 4) else { return nil }
        return names[candidate]
    }
}
