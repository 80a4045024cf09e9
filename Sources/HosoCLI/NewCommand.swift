import HosoRules
import HosoSemantics
import HosoSyntax
import HosoProtocol
import HosoWorkspace

/// `hoso new`: prints a dossier skeleton for an award form and nominee kind; `hoso lint`
/// flags its blanks until they are filled.
enum NewCommand {
    static func run(_ options: ParsedArguments, language: Language, io: inout CommandIO) throws -> Int32 {
        var resolver = try SetupResolver(configPath: nil, profilePath: options["--profile"])
        let profile = try resolver.setup(for: "./hoso.json").profile
        let awardID = options["--award"] ?? "bang-khen"
        guard let form = profile.awardForms.first(where: { $0.id == awardID }) else {
            let ids = profile.awardForms.map(\.id)
            let hint = Suggestion.nearest(awardID, among: ids)
            throw UsageError(vi: "--award nhận \(ids.joined(separator: ", ")), không nhận \"\(awardID)\"" + (hint.map { " (có phải ý bạn là \($0)?)" } ?? ""),
                             en: "--award takes \(ids.joined(separator: ", ")), not \"\(awardID)\"" + (hint.map { " (did you mean \($0)?)" } ?? ""))
        }
        let kind = NomineeKind(rawValue: options["--kind"] ?? "ca-nhan") ?? .individual  // the parser checked the choices
        let text = Array(skeleton(profile: profile, form: form, kind: kind, unit: options["--unit"] ?? "").utf8)
        guard let output = options["--output"] else {
            io.stdout.bytes(text)
            return 0
        }
        if !options.has("--force") && FileWalker.identity(ofPath: output) != nil {
            throw UsageError(vi: "\"\(output)\" đã có; không ghi đè (thêm --force để ghi đè)", en: "\"\(output)\" exists; not overwritten (add --force to overwrite)")
        }
        do {
            try SafeFile.write(output, text)
        } catch let refusal as SafeFile.Refusal {
            throw UsageError(refusal.message)
        }
        io.stderr.line(language == .vi ? "hoso: đã ghi \(output)" : "hoso: wrote \(output)")
        return 0
    }

    static func skeleton(profile: Profile, form: AwardForm, kind: NomineeKind, unit: String) -> String {
        let year = profile.deadline.year
        var lines = ["Đơn vị: \(unit)", "", "# TỜ TRÌNH", "Số: /TTr-", "Sơn La, ngày … tháng … năm \(year)",
                     "Kính gửi: ", "Về việc: Đề nghị khen thưởng", ""]
        if let plan = form.criteriaPlan, let document = profile.document(numbered: plan) {
            lines.append("Căn cứ \(document.type) số \(document.number) ngày \(document.date.officialForm) của \(document.issuer);")
            lines.append("")
        }
        lines += ["## DANH SÁCH ĐỀ NGHỊ", "", "### \(kind.canonicalLabel): "]
        if kind == .individual { lines.append("Chức vụ: ") }
        lines.append("Hình thức: \(form.name)")
        lines += profile.evaluationYears.map { "Năm \($0): " }
        if form.initiativeRequired { lines.append("Sáng kiến:  (Quyết định số /QĐ- ngày )") }
        lines += ["Khen thưởng năm \(profile.excludedYear): Không", "",
                  "# BIÊN BẢN HỌP XÉT", "Sơn La, ngày … tháng … năm \(year)", "Thời gian: ", "Địa điểm: ",
                  "Thành phần: /  có mặt", "Chủ trì: ", "Thư ký: ", "", "## KẾT QUẢ BIỂU QUYẾT", "- : / đồng ý", "",
                  "Kết thúc: "]
        if form.requiresReport, let document = profile.document(numbered: profile.reportForm.citation) {
            lines += ["", "# BÁO CÁO THÀNH TÍCH: ", "Sơn La, ngày … tháng … năm \(year)",
                      "\(profile.reportForm.form) ban hành kèm theo \(document.type) số \(document.number) ngày \(document.date.officialForm) của \(document.issuer)"]
            for section in profile.reportSections.sections(for: kind) {
                lines += ["", "## " + (section.numbering.map { "\($0). " } ?? "") + section.title]
                if section.role == "achievements" { lines += profile.evaluationYears.map { "- Năm \($0): " } }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
