import HosoSemantics
import HosoText

/// HS209: the nominee already received a commendation in the excluded year.
public struct HS209: Rule {
    public static let code = "HS209"
    public static let defaultSeverity = Severity.error
    public static let title = LocalizedText(vi: "Đã được khen thưởng trong năm loại trừ", en: "Already awarded in the excluded year")
    public static let documentation = RuleDocumentation(
        summary: LocalizedText(
            vi: "Không đề xuất khen thưởng tập thể, cá nhân đã được khen thưởng nội dung chuyên đề khác trong năm {excludedYear}: \"Khen thưởng năm {excludedYear}:\" phải ghi không có (giá trị bắt đầu bằng \"Không\" hoặc \"Chưa\": \"Không\", \"Không có\", \"Chưa\", \"Chưa được khen thưởng\") và mục III của báo cáo không có khen thưởng năm {excludedYear}. Mọi giá trị khác được hiểu là tên một hình thức khen thưởng.",
            en: "No award for nominees already commended for another topic in {excludedYear}: \"Khen thưởng năm {excludedYear}:\" must say none (a value beginning with \"Không\" or \"Chưa\": \"Không\", \"Không có\", \"Chưa\", \"Chưa được khen thưởng\") and report section III lists nothing for {excludedYear}. Any other value is read as the name of an award."),
        basis: LocalizedText(vi: "Kế hoạch, mục III.4, Lưu ý: \"Không đề xuất khen thưởng đối với những tập thể, cá nhân đã được khen thưởng những nội dung chuyên đề khác trong năm {excludedYear}\".",
                             en: "Plan, III.4 note: \"no proposal for those commended for other topics in {excludedYear}\"."),
        failingExample: "Khen thưởng năm {excludedYear}: Giấy khen chuyên đề cải cách hành chính",
        passingExample: "Khen thưởng năm {excludedYear}: Không",
        fix: LocalizedText(vi: "Nếu đúng là đã được khen năm {excludedYear}, rút người/tập thể này khỏi danh sách đề nghị.",
                           en: "If the nominee really was awarded in {excludedYear}, withdraw the proposal."))

    public init() {}

    public func check(_ context: RuleContext, into sink: inout FindingSink) {
        let dossier = context.dossier
        let year = context.profile.excludedYear
        for index in dossier.nominees.indices {
            guard let field = dossier.nominees[index].field(.priorAwards(year: year)), !field.isBlank, !Self.meansNone(field.value) else { continue }
            let nominee = dossier.nominees[index]
            sink.report(field.valueRange, LocalizedText(
                vi: "\(nominee.shownName.vi) đã được khen thưởng năm \(year), ghi là \"\(field.value)\"; kế hoạch không đề xuất khen thưởng những trường hợp này.",
                en: "\(nominee.shownName.en) was already awarded in \(year), recorded as \"\(field.value)\"; the plan excludes such nominees."))
        }
        for report in dossier.reports {
            for item in report.awards where item.year == year && !Self.meansNone(item.text) {
                sink.report(item.range, LocalizedText(
                    vi: "Báo cáo thành tích của \(Lookalikes.shownName(report.nomineeName)) ghi khen thưởng năm \(year); kế hoạch không đề xuất khen thưởng những trường hợp này.",
                    en: "\(Lookalikes.shownName(report.nomineeName))'s report lists an award in \(year); the plan excludes such nominees."))
            }
        }
    }

    /// Whether a value says no award was received: it begins with `Không` or `Chưa`, folded
    /// (`Không`, `Không có`, `Chưa`, `Chưa được khen thưởng`; docs/format.md, "Nominees").
    static func meansNone(_ value: String) -> Bool {
        var copy = value
        let answer: Bool? = copy.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
                guard let count = Folding.fastKey(utf8: bytes, into: out) else { return nil }
                return firstWordMeansNone(UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
        return answer ?? (Folding.key(value).split(whereSeparator: { !$0.isLetter }).first.map { $0 == "khong" || $0 == "chua" } ?? false)
    }

    /// `meansNone` on a key's bytes while they are ASCII up to the end of its first word (where an
    /// ASCII letter is a letter and nothing else is); nil past that, for the general path.
    static func firstWordMeansNone(_ key: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
        var start = 0
        while start < key.count && key[start] < 0x80 && !isLetter(key[start]) { start += 1 }
        if start == key.count { return false }
        if key[start] >= 0x80 { return nil }
        var end = start
        while end < key.count && isLetter(key[end]) { end += 1 }
        if end < key.count && key[end] >= 0x80 { return nil }
        let word = UnsafeBufferPointer(rebasing: key[start..<end])
        return word.elementsEqual("khong".utf8) || word.elementsEqual("chua".utf8)
    }
}
