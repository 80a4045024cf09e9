import HosoText

/// The parts a dossier is made of (docs/format.md, "The shape of a dossier").
public enum PartKind: String, Sendable, Equatable, CaseIterable {
    case toTrinh = "to-trinh"
    case bienBan = "bien-ban"
    case report = "bao-cao-thanh-tich"
    case unknown

    /// The canonical title as written after `# `.
    public var canonicalTitle: String {
        switch self {
        case .toTrinh: return "TỜ TRÌNH"
        case .bienBan: return "BIÊN BẢN HỌP XÉT"
        case .report: return "BÁO CÁO THÀNH TÍCH"
        case .unknown: return ""
        }
    }

    /// The known parts, in the order a dossier has them.
    public static let known: [PartKind] = [.toTrinh, .bienBan, .report]

    /// The part whose title folds to `folded`, or `.unknown`.
    public static func matching(folded: String) -> PartKind {
        switch folded {
        case "to trinh": return .toTrinh
        case "bien ban hop xet": return .bienBan
        case "bao cao thanh tich": return .report
        default: return .unknown
        }
    }

    /// `matching(folded:)` of a folded key's UTF-8 (`SourceText.withKey`): the titles are ASCII,
    /// which a folded key equals (canonically) only byte for byte.
    public static func matching(foldedUTF8 key: UnsafeBufferPointer<UInt8>) -> PartKind {
        if sameBytes(key, "to trinh") { return .toTrinh }
        if sameBytes(key, "bien ban hop xet") { return .bienBan }
        if sameBytes(key, "bao cao thanh tich") { return .report }
        return .unknown
    }
}

/// A word of a spelled date (`ngày`, `tháng`, `năm`): its folded key, and its usual spelling,
/// taken without folding.
public struct DateWord: Sendable {
    public let key: ShortKey
    public let usual: ShortKey

    public static let day = DateWord(key: ShortKey("ngay"), usual: ShortKey("ngày"))
    public static let month = DateWord(key: ShortKey("thang"), usual: ShortKey("tháng"))
    public static let year = DateWord(key: ShortKey("nam"), usual: ShortKey("năm"))

    /// Whether `word` is this word (it folds to `key`).
    @inline(__always)
    public func isSpelled(by word: UnsafeBufferPointer<UInt8>) -> Bool { key.isKey(of: word, usually: usual) }
}

/// The two kinds of nominee (`### Cá nhân:` / `### Tập thể:`).
public enum NomineeKind: String, Sendable, Equatable, CaseIterable, Codable {
    case individual = "ca-nhan"
    case collective = "tap-the"

    /// The canonical heading prefix.
    public var canonicalLabel: String { self == .individual ? "Cá nhân" : "Tập thể" }

    /// The kind whose label folds to `folded`.
    public static func matching(folded: String) -> NomineeKind? {
        switch folded {
        case "ca nhan": return .individual
        case "tap the": return .collective
        default: return nil
        }
    }

    /// `matching(folded:)` of a folded key's UTF-8 (`SourceText.withKey`).
    public static func matching(foldedUTF8 key: UnsafeBufferPointer<UInt8>) -> NomineeKind? {
        if sameBytes(key, "ca nhan") { return .individual }
        if sameBytes(key, "tap the") { return .collective }
        return nil
    }
}

/// Where a `Key: value` line stands, which decides which keys are fields there.
public enum FieldContext: Sendable, Equatable {
    case preamble, toTrinh, nominee, bienBan, none
}

/// A field key the format knows (docs/format.md); years are part of some keys.
public enum FieldKey: Sendable, Hashable {
    case unit, campaign
    case number, recipient, subject
    case position, awardForm, rating(year: Int), initiative, priorAwards(year: Int)
    case time, venue, attendance, chair, secretary, closing

    /// The canonical spelling of the key, as written before the colon.
    public var canonicalSpelling: String {
        switch self {
        case .unit: return "Đơn vị"
        case .campaign: return "Phong trào"
        case .number: return "Số"
        case .recipient: return "Kính gửi"
        case .subject: return "Về việc"
        case .position: return "Chức vụ"
        case .awardForm: return "Hình thức"
        case .rating(let year): return "Năm \(year)"
        case .initiative: return "Sáng kiến"
        case .priorAwards(let year): return "Khen thưởng năm \(year)"
        case .time: return "Thời gian"
        case .venue: return "Địa điểm"
        case .attendance: return "Thành phần"
        case .chair: return "Chủ trì"
        case .secretary: return "Thư ký"
        case .closing: return "Kết thúc"
        }
    }

    /// Other exact spellings that are canonical too (no HS108): `V/v` for `Về việc`.
    public var alternativeSpellings: [String] { self == .subject ? ["V/v"] : [] }

    /// The keys that can start a field in a context, for completion; years come from the profile.
    public static func keys(in context: FieldContext, years: [Int], excludedYear: Int) -> [FieldKey] {
        switch context {
        case .preamble: return [.unit, .campaign]
        case .toTrinh: return [.number, .recipient, .subject]
        case .nominee:
            return [.position, .awardForm] + years.map { .rating(year: $0) } + [.initiative, .priorAwards(year: excludedYear)]
        case .bienBan: return [.time, .venue, .attendance, .chair, .secretary, .closing]
        case .none: return []
        }
    }

    /// The most bytes a folded key text that names a key has (`khen thuong nam 2021`).
    public static let longestFoldedKey = 20

    /// The key a folded key text names in a context, or nil when the text is not a key there.
    public static func matching(folded: String, in context: FieldContext) -> FieldKey? {
        switch context {
        case .preamble:
            switch folded {
            case "don vi": return .unit
            case "phong trao": return .campaign
            default: return nil
            }
        case .toTrinh:
            switch folded {
            case "so": return .number
            case "kinh gui": return .recipient
            case "ve viec", "v/v": return .subject
            default: return nil
            }
        case .nominee:
            switch folded {
            case "chuc vu": return .position
            case "hinh thuc": return .awardForm
            case "sang kien": return .initiative
            default:
                if let year = year(after: "nam ", in: folded) { return .rating(year: year) }
                if let year = year(after: "khen thuong nam ", in: folded) { return .priorAwards(year: year) }
                return nil
            }
        case .bienBan:
            switch folded {
            case "thoi gian": return .time
            case "dia diem": return .venue
            case "thanh phan": return .attendance
            case "chu tri": return .chair
            case "thu ky": return .secretary
            case "ket thuc": return .closing
            default: return nil
            }
        case .none:
            return nil
        }
    }

    /// The four-digit year that follows `prefix` and ends the folded text.
    public static func year(after prefix: String, in folded: String) -> Int? {
        // Byte for byte: the prefixes are ASCII words and a space, which no other spelling equals.
        guard folded.utf8.starts(with: prefix.utf8) else { return nil }
        let digits = folded.utf8.dropFirst(prefix.utf8.count)
        guard digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}

/// Whether `bytes` are the UTF-8 of `word`, byte for byte.
@inline(__always)
func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let wanted = word.utf8Start
    for k in 0..<bytes.count where bytes[k] != wanted[k] { return false }
    return true
}
