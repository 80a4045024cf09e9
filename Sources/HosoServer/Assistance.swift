import HosoProtocol
import HosoRules
import HosoSemantics
import HosoSyntax
import HosoText

extension LanguageServer {
    // MARK: Hover

    func hover(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let at = offset(try params.position("position"), file.text)
        let dossier = file.checked.dossier
        let profile = file.setup.profile
        let vi = workspace.language(for: file.path) == .vi
        func answer(_ markdown: String, _ range: Range<Int>) -> JSON {
            .object([("contents", .object([("kind", .string("markdown")), ("value", .string(markdown))])), ("range", lspRange(range, file.text))])
        }
        func contains(_ range: Range<Int>) -> Bool { range.lowerBound <= at && at <= range.upperBound }

        for directive in dossier.suppressions {
            for (code, range) in directive.codes where contains(range) {
                guard let rule = RuleRegistry.rule(code: code) else { return answer(vi ? "Không có quy tắc \(code)." : "No rule \(code).", range) }
                return answer("**\(rule.code)** (\(rule.defaultSeverity.rawValue)): \(rule.title.text(vi ? .vi : .en))\n\n\(rule.documentation(for: profile).summary.text(vi ? .vi : .en))", range)
            }
        }
        if let citation = dossier.citations.first(where: { contains($0.range) }) {
            let range = citation.range
            guard let document = profile.registryDocument(for: citation) else {
                return answer(vi ? "\(citation.type.name) \(citation.number?.raw ?? ""): không có trong danh mục văn bản của kế hoạch."
                                 : "\(citation.type.name) \(citation.number?.raw ?? ""): not in the plan's registry.", range)
            }
            var text = "**\(document.type) số \(document.number)** — \(vi ? "ngày" : "dated") \(document.date.officialForm), \(document.issuer)\n\n\(document.title)"
            if let replacement = document.supersededBy, let from = document.supersededFrom {
                text += vi ? "\n\nĐã được thay thế bởi \(replacement) từ ngày \(from.officialForm)." : "\n\nSuperseded by \(replacement) from \(from.officialForm)."
            }
            return answer(text, range)
        }
        let ratings = dossier.nominees.flatMap(\.ratings) + dossier.reports.flatMap(\.ratings)
        if let stated = ratings.first(where: { contains($0.valueRange) }), let rating = stated.rating {
            let ranks = profile.ratings.count
            let abbreviations = rating.abbreviations.joined(separator: ", ")
            return answer(vi ? "**\(rating.name)** — mức \(rating.rank)/\(ranks) (cao nhất là \(ranks))\(abbreviations.isEmpty ? "" : "; viết tắt: \(abbreviations)")"
                             : "**\(rating.name)** — rank \(rating.rank) of \(ranks)\(abbreviations.isEmpty ? "" : "; abbreviations: \(abbreviations)")", stated.valueRange)
        }
        for nominee in dossier.nominees {
            guard let field = nominee.field(.awardForm), contains(field.valueRange), let form = nominee.awardForm else { continue }
            return answer(awardFormText(form, profile: profile, vi: vi), field.valueRange)
        }
        return .null
    }

    func awardFormText(_ form: AwardForm, profile: Profile, vi: Bool) -> String {
        if form.pending {
            return vi ? "**\(form.name)** (\(form.level)): tiêu chuẩn chưa có hướng dẫn; không kiểm tra được." : "**\(form.name)** (\(form.level)): criteria pending; nothing can be checked."
        }
        let minimum = profile.ratings.first { $0.id == form.minimumRating }?.name ?? "—"
        let parts = form.requiredParts.map(\.canonicalTitle).joined(separator: ", ")
        let quota = ["tap-the", "ca-nhan"].compactMap { key in form.quota[key].map { "\($0) \(key == "tap-the" ? (vi ? "tập thể" : "collective(s)") : (vi ? "cá nhân" : "individual(s)"))" } }.joined(separator: ", ")
        if vi {
            return "**\(form.name)** (\(form.level))\n\n- Tiêu chuẩn: theo \(form.criteriaPlan ?? "—"); mỗi năm từ \"\(minimum)\" trở lên; ít nhất \(form.excellentYearsNeeded) năm xuất sắc\(form.initiativeRequired ? "; có sáng kiến được công nhận" : "")\n- Chỉ tiêu: không quá \(quota)\n- Hồ sơ gồm: \(parts)"
        }
        return "**\(form.name)** (\(form.level))\n\n- Criteria: \(form.criteriaPlan ?? "—"); every year at least \"\(minimum)\"; at least \(form.excellentYearsNeeded) excellent year(s)\(form.initiativeRequired ? "; a recognized initiative" : "")\n- Quota: at most \(quota)\n- Dossier: \(parts)"
    }
}
