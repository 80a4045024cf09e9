import HosoSemantics

/// Rule pages written once, read with the campaign's own facts.
///
/// A page's texts may hold `{…}` tokens for what a profile decides, so `hoso explain` under a
/// 2024 profile says "2021–2023" and "02 năm", not the built-in plan's "2019–2021" and "01 năm":
///
/// | token | built-in profile (vi / en) |
/// | --- | --- |
/// | `{years}` | `2019–2021` |
/// | `{yearList}` | `2019, 2020, 2021` / `2019, 2020 and 2021` |
/// | `{firstYear}`, `{middleYear}`, `{lastYear}`, `{yearBefore}` | `2019`, `2020`, `2021`, `2018` |
/// | `{excludedYear}` | `2022` |
/// | `{deadline}`, `{deadlineSpelled}`, `{dayBeforeDeadlineSpelled}` | `21/5/2022`, `ngày 21 tháng 5 năm 2022`, `ngày 20 tháng 5 năm 2022` |
/// | `{reportForm}`, `{reportDecree}` | `Mẫu số 07` / `Form 07`, `91/2017/NĐ-CP` |
/// | `{plan:ID}` | the plan whose criteria form ID follows: `179/KH-UBND` |
/// | `{threshold}` | `50` |
/// | `{forms}` | every award form's name: `A, B hoặc C` / `A, B or C` |
/// | `{form:ID}` | the name of award form ID |
/// | `{excellent:ID}` | years rated excellent form ID needs: `01` / `1` |
/// | `{quota:ID:KIND}`, `{quotaPlusOne:ID:KIND}` | the quota of form ID for `ca-nhan` or `tap-the` (and one more): `05` / `5` |
/// | `{note:VI\|EN}` | a note in an example, in the page's language: `{note:(Ð là U+00D0)\|(Ð is U+00D0)}` |
extension RuleDocumentation {
    /// The page with `profile`'s facts in place of its tokens.
    public func rendered(for profile: Profile) -> RuleDocumentation {
        let facts = DocumentationFacts(profile: profile)
        func both(_ text: LocalizedText) -> LocalizedText {
            LocalizedText(viText: facts.fill(text.vi, vietnamese: true), enText: facts.fill(text.en, vietnamese: false))
        }
        return RuleDocumentation(summary: both(summary), basis: both(basis),
                                 failingExample: facts.fill(failingExample, vietnamese: true),
                                 passingExample: facts.fill(passingExample, vietnamese: true), fix: both(fix),
                                 englishExamples: (facts.fill(englishExamples.failing, vietnamese: false),
                                                   facts.fill(englishExamples.passing, vietnamese: false)))
    }
}

extension Rule {
    /// The rule's page as it reads under `profile` (see `RuleDocumentation.rendered(for:)`).
    public static func documentation(for profile: Profile) -> RuleDocumentation {
        documentation.rendered(for: profile)
    }
}

/// The values behind the tokens of a rule page.
struct DocumentationFacts {
    let profile: Profile

    /// `text` with each known `{token}` replaced; an unknown token is left as written.
    func fill(_ text: String, vietnamese: Bool) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let token = rest[rest.index(after: open)..<close]
            out += value(of: token.split(separator: ":").map(String.init), vietnamese: vietnamese) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A count as the plan writes it: two digits in Vietnamese (`01`), plain in English.
    func count(_ n: Int, vietnamese: Bool) -> String { vietnamese && n < 10 ? "0\(n)" : "\(n)" }

    /// `a, b hoặc c` / `a, b or c`.
    func list(_ items: [String], vietnamese: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (vietnamese ? " hoặc " : " or ") + items.last!
    }

    func value(of token: [String], vietnamese: Bool) -> String? {
        let years = profile.evaluationYears.sorted()
        let first = years.first ?? profile.excludedYear, last = years.last ?? first
        let missing = vietnamese ? "(không có trong profile)" : "(not in the profile)"
        func form(_ id: String) -> AwardForm? { profile.awardForms.first { $0.id == id } }
        switch token.first {
        case "note" where token.count >= 2:
            // The note may hold colons of its own.
            let halves = token.dropFirst().joined(separator: ":").split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            return halves.count == 2 ? String(halves[vietnamese ? 0 : 1]) : nil
        case "years": return first == last ? "\(first)" : "\(first)–\(last)"
        case "yearList":
            let names = years.map(String.init)
            return vietnamese || names.count < 2 ? names.joined(separator: ", ")
                : names.dropLast().joined(separator: ", ") + " and " + names.last!
        case "firstYear": return "\(first)"
        case "middleYear": return "\(years.count > 2 ? years[1] : last)"
        case "lastYear": return "\(last)"
        case "yearBefore": return "\(first - 1)"
        case "excludedYear": return "\(profile.excludedYear)"
        case "deadline": return profile.deadline.officialForm
        case "deadlineSpelled": return profile.deadline.spelledForm
        case "dayBeforeDeadlineSpelled": return profile.deadline.dayBefore.spelledForm
        case "reportForm":
            let form = profile.reportForm.form
            return vietnamese || !form.hasPrefix("Mẫu số ") ? form : "Form " + form.dropFirst("Mẫu số ".count)
        case "reportDecree": return profile.reportForm.citation
        case "plan" where token.count == 2: return form(token[1]).map { $0.criteriaPlan ?? missing } ?? missing
        case "threshold":
            let t = profile.votePercentThreshold
            return t == t.rounded() ? "\(Int(t))" : String("\(t)".map { $0 == "." && vietnamese ? "," : $0 })
        case "forms": return list(profile.awardForms.map(\.name), vietnamese: vietnamese)
        case "form" where token.count == 2: return form(token[1])?.name ?? missing
        case "excellent" where token.count == 2:
            return form(token[1]).map { count($0.excellentYearsNeeded, vietnamese: vietnamese) } ?? missing
        case "quota" where token.count == 3, "quotaPlusOne" where token.count == 3:
            guard let form = form(token[1]) else { return missing }
            let extra = token[0] == "quotaPlusOne" ? 1 : 0
            return form.quota[token[2]].map { count($0 + extra, vietnamese: vietnamese) } ?? (vietnamese ? "(không giới hạn)" : "(no limit)")
        default: return nil
        }
    }
}
