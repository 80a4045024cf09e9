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

    // MARK: Completion

    func completion(_ params: Params) throws -> JSON {
        let file = try trackedFile(params)
        let position = try params.position("position")
        let at = offset(position, file.text)
        let line = file.text.line(ofByte: at)
        let lineStart = file.text.contentRange(ofLine: line).lowerBound
        let prefix = file.text.string(lineStart..<at)
        let dossier = file.checked.dossier
        let profile = file.setup.profile
        func items(_ labels: [String], kind: Int, detail: String? = nil) -> JSON {
            .array(labels.map { label in
                var members: [(String, JSON)] = [("label", .string(label)), ("kind", .int(kind))]
                if let detail { members.append(("detail", .string(detail))) }
                return .object(members)
            })
        }
        let trimmed = prefix.trimmingCharacters(in: " \t")
        // Rule codes inside a suppression comment.
        if prefix.contains("<!--") && prefix.contains("hoso-") && !prefix.contains("-->") {
            return .array(RuleRegistry.all.map { rule in
                .object([("label", .string(rule.code)), ("kind", .int(21)), ("detail", .string(rule.title.vi))])
            })
        }
        if trimmed.hasPrefix("### ") || trimmed == "###" {
            return items(NomineeKind.allCases.map { $0.canonicalLabel + ": " }, kind: 14)
        }
        if trimmed.hasPrefix("## ") || trimmed == "##" {
            let part = partKind(atLine: line, dossier.tree, file.text)
            switch part {
            case .toTrinh: return items(["DANH SÁCH ĐỀ NGHỊ"], kind: 14)
            case .bienBan: return items(["KẾT QUẢ BIỂU QUYẾT"], kind: 14)
            case .report, .unknown:
                let report = dossier.reports.last { file.text.line(ofByte: dossier.tree.elements[$0.part.heading].range.lowerBound) <= line }
                let kind = report?.nominee.map { dossier.nominees[$0].kind } ?? .individual
                return items(profile.reportSections.sections(for: kind).map { ($0.numbering.map { "\($0). " } ?? "") + $0.title }, kind: 14)
            }
        }
        if trimmed.hasPrefix("# ") || trimmed == "#" {
            var titles = ["TỜ TRÌNH", "BIÊN BẢN HỌP XÉT"]
            titles += dossier.nominees.filter { $0.awardForm?.requiresReport ?? false }.map { "BÁO CÁO THÀNH TÍCH: \($0.name)" }
            return items(titles, kind: 14)
        }
        let folded = Folding.key(trimmed)
        if folded.hasPrefix("hinh thuc:") {
            return items(profile.awardForms.map(\.name), kind: 12)
        }
        if let colon = trimmed.firstIndex(of: ":"), FieldKey.year(after: "nam ", in: Folding.key(trimmed[..<colon].trimmingCharacters(in: "- "))) != nil {
            return items(profile.ratings.map(\.name), kind: 12)
        }
        if folded.hasPrefix("can cu") || folded.hasSuffix(" theo") || folded.hasSuffix(" tai") {
            return .array(profile.registry.map { document in
                .object([("label", .string("\(document.type) số \(document.number) ngày \(document.date.officialForm) của \(document.issuer)")),
                         ("kind", .int(18)), ("detail", .string(document.title))])
            })
        }
        if !trimmed.contains(":") {
            let context = fieldContext(atLine: line, dossier.tree, file.text)
            let keys = FieldKey.keys(in: context, years: profile.evaluationYears, excludedYear: profile.excludedYear)
            return items(keys.map { $0.canonicalSpelling + ": " }, kind: 10)
        }
        return .array([])
    }

    /// The part a line belongs to.
    func partKind(atLine line: Int, _ tree: SyntaxTree, _ text: SourceText) -> PartKind {
        tree.parts.last { text.line(ofByte: tree.elements[$0.heading].range.lowerBound) <= line }?.kind ?? .unknown
    }

    /// Which field keys apply on a line: preamble, Tờ trình, a nominee block, or the Biên bản.
    func fieldContext(atLine line: Int, _ tree: SyntaxTree, _ text: SourceText) -> FieldContext {
        guard let part = tree.parts.last(where: { text.line(ofByte: tree.elements[$0.heading].range.lowerBound) <= line }) else {
            return .preamble
        }
        switch part.kind {
        case .bienBan: return .bienBan
        case .toTrinh:
            let blocks = part.blocks + part.sections.flatMap(\.blocks)
            let inBlock = blocks.contains { block in
                let first = text.line(ofByte: tree.elements[block.heading].range.lowerBound)
                let last = text.line(ofByte: max(tree.elements[block.elements.upperBound - 1].range.upperBound - 1, 0))
                return first < line && line <= last
            }
            return inBlock ? .nominee : .toTrinh
        case .report, .unknown: return .none
        }
    }
}
