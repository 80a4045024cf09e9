import FoundationEssentials
import HosoWorkspace
import HosoReport
import HosoRules
import HosoSemantics
import HosoSyntax

/// The page of `hoso report`: one self-contained HTML document (inline CSS and a little inline
/// script, no network: a Content-Security-Policy forbids any fetch) drawn from `ReportData`.
///
/// Everything is rendered here, so the page reads fully with scripts off; the script only adds
/// sorting (a click on a column's header) and filtering (a text box, and a select per award
/// form, kind, status and, with several, campaign) to the nominee table, and marks the page
/// `data-ready` once it ran. It prints on A4: headers repeat, rows are not cut, controls are hidden,
/// and an over-full quota is marked in words as well as in colour.
enum ReportHTML {
    /// When the report was made, as the header shows it.
    struct Moment {
        let date: Date
        let timeZone: TimeZone

        init(_ date: Date, timeZone: TimeZone) {
            self.date = date
            self.timeZone = timeZone
        }

        /// `25/11/2026 14:30` in Vietnamese, `2026-11-25 14:30` in English.
        func text(_ language: Language) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
            return language == .vi ? "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
                                   : "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
        }
    }

    /// The whole page. `scope` is what was named on the command line; `ruleLinks` maps a code to
    /// its page's `file:` URI (codes without one are plain text); `fileURI` gives a dossier's link.
    static func render(_ data: ReportData, language: Language, scope: [String], generated: Moment, ruleLinks: [String: String],
                       fileURI: @escaping (String) -> String?) -> String {
        var page = Page(data: data, language: language, ruleLinks: ruleLinks, fileURI: fileURI)
        page.head()
        page.masthead(scope: scope, generated: generated)
        page.nomineeTable()
        page.quotas()
        page.findings()
        page.out += "<footer><p>" + page.t("Lập bằng", "Made with") + " hoso \(HosoVersion.current) · <code>hoso report</code></p></footer>\n"
        page.out += "</main>\n<script>\(script)</script>\n</body>\n</html>\n"
        return page.out
    }

    /// The page being written, with what every part needs.
    struct Page {
        let data: ReportData
        let language: Language
        let ruleLinks: [String: String]
        let fileURI: (String) -> String?
        var out = ""

        /// The folder (ending in `/`) that holds every dossier, `""` when they share none.
        let commonFolder: String

        init(data: ReportData, language: Language, ruleLinks: [String: String], fileURI: @escaping (String) -> String?) {
            var common = data.files.first.map { $0.path.split(separator: "/", omittingEmptySubsequences: false).dropLast() } ?? []
            for file in data.files {
                let folders = file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                while !folders.starts(with: common) { common = common.dropLast() }
            }
            commonFolder = common.isEmpty ? "" : common.joined(separator: "/") + "/"
            self.data = data
            self.language = language
            self.ruleLinks = ruleLinks
            self.fileURI = fileURI
        }

        /// The label in the page's language.
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

        /// Element content, escaped.
        func h(_ text: String) -> String { HTMLText.escape(text) }

        func kindName(_ kind: NomineeKind) -> String {
            kind == .individual ? t("Cá nhân", "Individual") : t("Tập thể", "Collective")
        }

        func statusName(_ status: ReportStatus) -> String {
            switch status {
            case .clean: return t("sạch", "clean")
            case .warning: return t("cảnh báo", "warnings")
            case .error: return t("lỗi", "errors")
            }
        }

        func severityName(_ severity: Severity) -> String {
            switch severity {
            case .error: return t("lỗi", "error")
            case .warning: return t("cảnh báo", "warning")
            case .info: return t("lưu ý", "note")
            case .hint: return t("gợi ý", "hint")
            }
        }

        /// `3 lỗi · 1 cảnh báo · 2 lưu ý` (only the non-zero ones; `sạch` when none).
        func countsText(_ counts: SeverityCounts) -> String {
            var parts: [String] = []
            if counts.errors > 0 { parts.append(language == .vi ? "\(counts.errors) lỗi" : plural(counts.errors, "error")) }
            if counts.warnings > 0 { parts.append(language == .vi ? "\(counts.warnings) cảnh báo" : plural(counts.warnings, "warning")) }
            if counts.notes > 0 { parts.append(language == .vi ? "\(counts.notes) lưu ý" : plural(counts.notes, "note")) }
            return parts.isEmpty ? t("không có vấn đề", "no problems") : parts.joined(separator: " · ")
        }

        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

        /// A dossier's path, linked to the file when it has a URI.
        func fileLink(_ path: String, suffix: String = "") -> String {
            guard let uri = fileURI(path) else { return h(path) + suffix }
            return "<a href=\"\(HTMLText.escape(uri))\">\(h(path))</a>" + suffix
        }

        mutating func head() {
            let title = t("Báo cáo tổng hợp hồ sơ đề nghị khen thưởng", "Summary report of commendation dossiers")
            out += """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            \(ReportCommand.generatorMark) \(HosoVersion.current)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>\(h(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        }

        mutating func masthead(scope: [String], generated: Moment) {
            let totals = data.totals
            out += "<header class=\"masthead\">\n<p class=\"eyebrow\">" + t("Cơ quan tiếp nhận hồ sơ · Báo cáo nội bộ", "Collecting office · internal report")
                + "</p>\n<h1>" + t("Báo cáo tổng hợp hồ sơ đề nghị khen thưởng", "Summary report of commendation dossiers") + "</h1>\n"
            for (index, campaign) in data.campaigns.enumerated() {
                let marker = data.campaigns.count > 1 ? "<span class=\"tag\">\(t("KH", "C"))\(index + 1)</span> " : ""
                out += "<p class=\"campaign\">\(marker)\(h(campaign.profile.title)) <span class=\"muted\">(\(h(campaign.profile.id)); "
                    + t("năm xét", "years") + " \(h(years(campaign.profile)))" + ")</span></p>\n"
            }
            out += "<p class=\"meta\">" + t("Lập lúc", "Made") + " \(h(generated.text(language))) · " + t("Phạm vi", "Scope") + ": "
                + scope.map { "<code>\(h($0))</code>" }.joined(separator: ", ") + "</p>\n<dl class=\"stats\">\n"
            func stat(_ label: String, _ value: Int, _ kind: String) {
                out += "<div class=\"stat \(kind)\(value == 0 ? " zero" : "")\"><dt>\(label)</dt><dd>\(value)</dd></div>\n"
            }
            stat(t("Hồ sơ", "Dossiers"), data.files.count, "plain")
            stat(t("Đề nghị", "Nominees"), data.nominees, "plain")
            stat(t("Lỗi", "Errors"), totals.errors, "error")
            stat(t("Cảnh báo", "Warnings"), totals.warnings, "warning")
            stat(t("Lưu ý", "Notes"), totals.notes, "note")
            // A file that is not Unicode text (HS001) is listed, but nothing in it was checked.
            stat(t("Không kiểm tra được", "Not checked"), data.uncheckedCount, "error")
            out += "</dl>\n"
            out += "<nav class=\"toc\"><a href=\"#de-nghi\">1. " + t("Danh sách đề nghị", "Nominees") + "</a> <a href=\"#chi-tieu\">2. "
                + t("Chỉ tiêu", "Quotas") + "</a> <a href=\"#van-de\">3. " + t("Vấn đề theo tệp", "Findings by file") + "</a></nav>\n</header>\n<main>\n"
        }

        /// `2019–2021`, or the years listed when they do not follow each other.
        func years(_ profile: Profile) -> String {
            let list = profile.evaluationYears
            guard let first = list.first, let last = list.last else { return "—" }
            if list == Array(first...last) && list.count > 1 { return "\(first)–\(last)" }
            return list.map(String.init).joined(separator: ", ")
        }

        mutating func nomineeTable() {
            // The year columns are the first campaign's years; rows of a campaign with other years say theirs.
            let years = data.campaigns.first?.profile.evaluationYears ?? []
            let columns = data.campaigns.map(\.profile.evaluationYears.count).max() ?? 0
            let campaigns = data.campaigns.count
            out += "<section id=\"de-nghi\">\n<h2>1. " + t("Danh sách đề nghị", "Nominees") + "</h2>\n"
            out += "<p class=\"lead\">" + t("Mỗi dòng là một người hoặc tập thể được đề nghị; tình trạng gồm các vấn đề của người/tập thể đó và của phần chung hồ sơ.",
                                             "One row per nominee; the status counts the nominee's own findings and those of the dossier as a whole.") + "</p>\n"
            // The controls: hidden until the script shows them (they do nothing without it).
            out += "<div class=\"controls\" id=\"controls\" hidden>\n<label>" + t("Tìm", "Search")
                + " <input type=\"search\" id=\"q\" placeholder=\"" + t("tên, đơn vị, sáng kiến…", "name, unit, initiative…") + "\"></label>\n"
            var forms: [(String, String)] = []
            for row in data.rows {
                guard let form = row.awardForm else { continue }
                let key = row.awardFormID ?? "?" + form
                if !forms.contains(where: { $0.0 == key }) { forms.append((key, form)) }
            }
            select("f-form", t("Hình thức", "Award form"), forms)
            select("f-kind", t("Loại", "Kind"), [(NomineeKind.individual.rawValue, kindName(.individual)), (NomineeKind.collective.rawValue, kindName(.collective))])
            select("f-status", t("Tình trạng", "Status"), ReportStatus.allCases.map { ($0.rawValue, statusName($0)) })
            if campaigns > 1 {
                select("f-campaign", t("Kế hoạch", "Campaign"), data.campaigns.indices.map { (String($0), t("KH", "C") + "\($0 + 1)") })
            }
            out += "<span class=\"shown\" id=\"shown\" aria-live=\"polite\"></span>\n</div>\n"
            out += "<div class=\"scroll\">\n<table class=\"data\" id=\"nominees\">\n<thead><tr>"
            out += "<th data-type=\"number\">#</th><th>" + t("Đơn vị", "Unit") + "</th><th>" + t("Người / tập thể được đề nghị", "Nominee")
                + "</th><th>" + t("Loại", "Kind") + "</th><th>" + t("Hình thức", "Award form") + "</th>"
            for year in years { out += "<th data-type=\"number\" class=\"year\">\(year)</th>" }
            for _ in years.count..<columns { out += "<th data-type=\"number\" class=\"year\">" + t("Năm", "Year") + "</th>" }
            out += "<th>" + t("Sáng kiến", "Initiative") + "</th><th data-type=\"number\">" + t("Biểu quyết", "Votes") + "</th>"
                + "<th data-type=\"number\">" + t("Tình trạng", "Status") + "</th><th>" + t("Tệp", "File") + "</th></tr></thead>\n<tbody>\n"
            for (index, row) in data.rows.enumerated() { self.row(row, number: index + 1, headerYears: years, ratingColumns: columns) }
            out += "</tbody>\n</table>\n</div>\n"
            legend()
            out += "</section>\n"
        }

        mutating func select(_ id: String, _ label: String, _ options: [(String, String)]) {
            out += "<label>\(label) <select id=\"\(id)\"><option value=\"\">" + t("(tất cả)", "(all)") + "</option>"
            for (value, name) in options { out += "<option value=\"\(HTMLText.escape(value))\">\(h(name))</option>" }
            out += "</select></label>\n"
        }

        mutating func row(_ row: ReportData.Row, number: Int, headerYears: [Int], ratingColumns: Int) {
            let file = data.files[row.file]
            let form = row.awardForm.map { row.awardFormID ?? "?" + $0 } ?? ""
            // A row without a nominee (an unreadable file, a dossier proposing nobody) says so, and the count leaves it out.
            out += "<tr data-form=\"\(HTMLText.escape(form))\" data-kind=\"\(row.kind?.rawValue ?? "")\" data-status=\"\(row.status.rawValue)\" data-campaign=\"\(row.campaign)\""
                + (row.name == nil ? " data-nominee=\"0\" class=\"not-nominee\">" : ">")
            out += "<td class=\"num\">\(number)</td>"
            out += "<td>" + (row.unit.map(h) ?? "<span class=\"none\">—</span>") + "</td>"
            if let name = row.name {
                out += "<td class=\"name\">\(h(name.text(language)))</td><td>\(kindName(row.kind!))</td>"
            } else {
                let why = row.unreadable ? t("Không đọc được tệp (HS001) — không tính là đề nghị", "File not readable (HS001) — not a nominee")
                                         : t("Hồ sơ không đề nghị ai — không phải đề nghị", "The dossier proposes nobody — not a nominee")
                out += "<td class=\"name none\">\(why)</td><td><span class=\"none\">—</span></td>"
            }
            var formCell = "<span class=\"none\">—</span>"
            if let form = row.awardForm {
                formCell = row.awardFormID == nil
                    ? "<span class=\"unknown\" title=\"\(t("hình thức không có trong kế hoạch", "not a form of the campaign"))\">\(h(form))</span>"
                    : formName(form)
            }
            // Rows of the first campaign carry no tag (the legend says so).
            if row.campaign > 0 { formCell += " <span class=\"tag\">\(t("KH", "C"))\(row.campaign + 1)</span>" }
            out += "<td class=\"form\">\(formCell)</td>"
            let ownYears = row.ratings.map(\.year)
            for cell in row.ratings {
                // Another campaign's years do not match the header's: each cell says its year.
                let year = ownYears == headerYears ? "" : "<span class=\"yr\">\(cell.year)</span> "
                if let short = cell.short {
                    let title = cell.rating?.name ?? cell.written.joined(separator: " / ")
                    let extra = cell.written.count > 1 ? " <span class=\"more\" title=\"\(HTMLText.escape(cell.written.joined(separator: " / ")))\">+\(cell.written.count - 1)</span>" : ""
                    let rank = cell.rating.map { "r\($0.rank)" } ?? "unknown"
                    out += "<td class=\"rating \(rank)\" data-sort=\"\(cell.rating?.rank ?? 0)\" title=\"\(HTMLText.escape(title))\">\(year)<span class=\"ab\">\(h(short))\(extra)</span></td>"
                } else {
                    out += "<td class=\"rating\" data-sort=\"-1\">\(year)<span class=\"none\">—</span></td>"
                }
            }
            // A campaign with fewer years than the widest one leaves its last year columns empty.
            for _ in row.ratings.count..<max(row.ratings.count, ratingColumns) { out += "<td class=\"rating\" data-sort=\"-1\"></td>" }
            out += "<td class=\"initiative\">" + (row.initiative.map(h) ?? "<span class=\"none\">—</span>") + "</td>"
            if let vote = row.vote, let votesFor = vote.votesFor, let present = vote.present {
                let percent = vote.percent.map { " (\(percentText($0)))" } ?? ""
                out += "<td class=\"vote\" data-sort=\"\(vote.percent ?? -1)\">\(votesFor)/\(present)\(percent)</td>"
            } else {
                out += "<td class=\"vote\" data-sort=\"-1\"><span class=\"none\">" + (row.vote == nil ? t("chưa có", "none") : "?") + "</span></td>"
            }
            let counts = row.counts
            let rank = [ReportStatus.clean: 0, .warning: 1, .error: 2][row.status]!
            let sort = rank * 1_000_000 + counts.errors * 1_000 + counts.warnings
            let symbol = row.status == .clean ? "✓" : row.status == .warning ? "!" : "✕"
            var detail = ""
            if row.status == .error && counts.warnings > 0 { detail = " <span class=\"also\">+ " + (language == .vi ? "\(counts.warnings) cảnh báo" : plural(counts.warnings, "warning")) + "</span>" }
            let amount = row.status == .error ? counts.errors : row.status == .warning ? counts.warnings : 0
            let badge = "<span class=\"badge \(row.status.rawValue)\">\(symbol) \(statusName(row.status))\(amount > 0 ? " (\(amount))" : "")</span>\(detail)"
            out += "<td class=\"status\" data-sort=\"\(sort)\">" + (file.counts == SeverityCounts() ? badge : "<a href=\"#f\(row.file + 1)\">\(badge)</a>") + "</td>"
            let shown = shortPath(file.path, suffix: "<span class=\"line\">:\(row.line)</span>")
            out += "<td class=\"file\" title=\"\(HTMLText.escape(file.path))\">"
                + (fileURI(file.path).map { "<a href=\"\(HTMLText.escape($0))\">\(shown)</a>" } ?? shown) + "</td></tr>\n"
        }

        /// An award form's name with its head in bold: `**Bằng khen** của Chủ tịch UBND tỉnh`.
        func formName(_ name: String) -> String {
            let pieces = name.split(separator: " của ", maxSplits: 1)
            guard pieces.count == 2 else { return "<b>\(h(name))</b>" }
            return "<b>\(h(String(pieces[0])))</b> <span class=\"of\">của \(h(String(pieces[1])))</span>"
        }

        /// A path as the table shows it: without the folder every dossier shares, a break
        /// allowed after each `/` only; `suffix` (markup) sticks to the file's name.
        func shortPath(_ path: String, suffix: String) -> String {
            let folders = String(path.dropFirst(commonFolder.count)).split(separator: "/", omittingEmptySubsequences: false)
            return folders.enumerated().map { "<span class=\"seg\">\(h(String($1)))\($0 < folders.count - 1 ? "/" : suffix)</span>" }
                .joined(separator: "<wbr>")
        }

        /// `87,5%` in Vietnamese, `87.5%` in English; whole numbers without decimals.
        func percentText(_ value: Double) -> String {
            let tenths = Int((value * 10).rounded())
            let text = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10)" + (language == .vi ? "," : ".") + "\(tenths % 10)"
            return text + "%"
        }

        /// What the abbreviations and markers of the table mean.
        mutating func legend() {
            var ratings: [(String, String)] = []
            for campaign in data.campaigns {
                for rating in campaign.profile.ratings.sorted(by: { $0.rank > $1.rank }) {
                    let short = rating.abbreviations.first ?? rating.name
                    if !ratings.contains(where: { $0.0 == short }) { ratings.append((short, rating.name)) }
                }
            }
            out += "<p class=\"legend\"><strong>" + t("Xếp loại", "Ratings") + ":</strong> "
                + ratings.map { "\(h($0.0)) = \(h($0.1))" }.joined(separator: "; ")
                + ". " + t("<span class=\"more\">+1</span>: năm ghi hai lần.", "<span class=\"more\">+1</span>: a year written twice.")
            if data.campaigns.count > 1 {
                out += " " + t("KH2…: kế hoạch ghi ở đầu báo cáo (dòng không ghi là của KH1); dòng của kế hoạch có năm xét khác ghi năm trong từng ô.",
                               "C2…: the campaigns listed at the top (rows without a tag are C1's); rows of a campaign with other years show the year in each cell.")
            }
            out += "</p>\n"
        }

        mutating func quotas() {
            out += "<section id=\"chi-tieu\">\n<h2>2. " + t("Chỉ tiêu khen thưởng", "Award quotas") + "</h2>\n"
            out += "<p class=\"lead\">" + t("Số đề nghị của mọi hồ sơ cùng kế hoạch so với chỉ tiêu (quy tắc HS501 đếm đúng như vậy).",
                                             "Nominees of every dossier of a campaign against its quota (as rule HS501 counts them).") + "</p>\n"
            for (index, campaign) in data.campaigns.enumerated() {
                out += "<div class=\"campaign-quota\">\n"
                if data.campaigns.count > 1 {
                    out += "<h3><span class=\"tag\">\(t("KH", "C"))\(index + 1)</span> \(h(campaign.profile.title))</h3>\n"
                }
                out += "<table class=\"quota\">\n<thead><tr><th>" + t("Hình thức — loại", "Award form — kind") + "</th><th class=\"num\">"
                    + t("Đề nghị / chỉ tiêu", "Proposed / quota") + "</th><th class=\"barcol\">" + t("Mức sử dụng", "Use") + "</th><th>"
                    + t("Người / tập thể được tính", "Counted nominees") + "</th></tr></thead>\n<tbody>\n"
                for row in campaign.quotas { quotaRow(row) }
                out += "</tbody>\n</table>\n"
                let unreadable = campaign.files.filter { data.files[$0].unreadable }
                if !unreadable.isEmpty {
                    out += "<p class=\"uncounted\">" + t("Chưa tính \(unreadable.count) hồ sơ không đọc được (HS001), vì không biết nó đề nghị ai: ",
                                                        "\(plural(unreadable.count, "unreadable dossier")) (HS001) not counted, as whom it proposes is unknown: ")
                        + unreadable.map { fileLink(data.files[$0].path) }.joined(separator: ", ") + ".</p>\n"
                }
                out += "</div>\n"
            }
            if !data.notChecked.isEmpty {
                out += "<p class=\"uncounted\">" + t("Chưa tính \(data.notChecked.count) tệp không kiểm tra được (xem mục 3).",
                                                    "\(plural(data.notChecked.count, "file")) that could not be checked not counted (see section 3).") + "</p>\n"
            }
            out += "</section>\n"
        }

        mutating func quotaRow(_ row: ReportData.QuotaRow) {
            let label = "\(h(row.formName)) — \(kindName(row.kind).lowercased())"
            let names = row.members.map { h($0.name.text(language)) }.joined(separator: "; ")
            guard let quota = row.quota else {
                out += "<tr class=\"noquota\"><th scope=\"row\">\(label)</th><td class=\"num\">\(row.used)</td><td class=\"barcol\"><span class=\"muted\">"
                    + t("không có chỉ tiêu (chưa có hướng dẫn)", "no quota (criteria pending)") + "</span></td><td>\(names)</td></tr>\n"
                return
            }
            let share = quota == 0 ? (row.used > 0 ? 100 : 0) : min(100, row.used * 100 / quota)
            let state = row.isOver ? "over" : row.used == quota && quota > 0 ? "full" : "ok"
            let marker: String
            switch state {
            case "over": marker = "<strong class=\"marker\">▲ " + t("VƯỢT", "OVER") + " +\(row.used - quota)</strong>"
            case "full": marker = "<span class=\"marker-full\">" + t("đủ chỉ tiêu", "quota reached") + "</span>"
            default: marker = "<span class=\"muted\">" + t("còn", "left") + " \(quota - row.used)</span>"
            }
            out += "<tr class=\"\(state)\"><th scope=\"row\">\(label)</th><td class=\"num\">\(row.used)/\(quota)</td>"
                + "<td class=\"barcol\"><div class=\"bar\" role=\"img\" aria-label=\"\(row.used)/\(quota)\"><span style=\"width:\(share)%\"></span></div>\(marker)</td>"
                + "<td>" + (names.isEmpty ? "<span class=\"none\">—</span>" : names) + "</td></tr>\n"
        }

        mutating func findings() {
            out += "<section id=\"van-de\">\n<h2>3. " + t("Vấn đề theo tệp", "Findings by file") + "</h2>\n"
            out += "<p class=\"lead\">" + t("Dòng:cột, mã quy tắc (mở trang giải thích), mức, nội dung và dòng nguồn với phần bị báo được tô.",
                                             "Line:column, the rule's code (opens its page), severity, message and the source line with the part reported highlighted.") + "</p>\n"
            if !data.notChecked.isEmpty {
                out += "<div class=\"notchecked\"><h3>" + t("Không kiểm tra được", "Could not be checked") + "</h3><ul>\n"
                for item in data.notChecked { out += "<li>\(h(item.message.text(language)))</li>\n" }
                out += "</ul></div>\n"
            }
            let clean = data.files.indices.filter { data.files[$0].counts == SeverityCounts() }
            for (index, file) in data.files.enumerated() where file.counts != SeverityCounts() { fileFindings(file, index: index) }
            if !clean.isEmpty {
                out += "<p class=\"cleanfiles\"><strong>" + t("Không có vấn đề", "No problems") + " (\(clean.count)):</strong> "
                    + clean.map { fileLink(data.files[$0].path) }.joined(separator: ", ") + "</p>\n"
            }
            out += "</section>\n"
        }

        mutating func fileFindings(_ file: ReportData.FileEntry, index: Int) {
            out += "<article class=\"file\" id=\"f\(index + 1)\">\n<h3>\(fileLink(file.path))"
            if let unit = file.unit { out += " <span class=\"unit\">\(h(unit))</span>" }
            out += " <span class=\"counts\">\(countsText(file.counts))</span></h3>\n"
            if file.suppressed > 0 {
                out += "<p class=\"muted\">" + t("\(file.suppressed) vấn đề đã tắt bằng chú thích hoso-disable.", "\(file.suppressed) turned off by hoso-disable comments.") + "</p>\n"
            }
            out += "<table class=\"findings\">\n<thead><tr><th>" + t("Vị trí", "Where") + "</th><th>" + t("Mã", "Code") + "</th><th>"
                + t("Mức", "Severity") + "</th><th>" + t("Nội dung", "Message") + "</th></tr></thead>\n<tbody>\n"
            for finding in file.findings {
                let code = ruleLinks[finding.code].map { "<a href=\"\(HTMLText.escape($0))\">\(h(finding.code))</a>" } ?? h(finding.code)
                out += "<tr class=\"sev-\(finding.severity.rawValue)\"><td class=\"pos\">\(finding.line):\(finding.column)</td><td class=\"code\">\(code)</td>"
                    + "<td><span class=\"sev \(finding.severity.rawValue)\">\(severityName(finding.severity))</span></td>"
                    + "<td><div class=\"msg\">\(h(finding.message.text(language)))</div>"
                    + "<pre class=\"src\"><span class=\"ln\">\(finding.line)</span>\(finding.cutBefore ? "…" : "")\(h(finding.before))"
                    + "<mark>\(finding.marked.isEmpty ? " " : h(finding.marked))</mark>\(h(finding.after))\(finding.cutAfter ? "…" : "")</pre></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
            let total = file.counts.errors + file.counts.warnings + file.counts.notes
            if total > file.findings.count {
                out += "<p class=\"muted\">" + t("… và \(total - file.findings.count) vấn đề khác (hoso lint --format json liệt kê đủ).",
                                                 "… and \(total - file.findings.count) more (hoso lint --format json lists them all).") + "</p>\n"
            }
            out += "</article>\n"
        }
    }

    static let style = """
    :root{--ink:#1d2733;--muted:#5b6675;--line:#d5dbe3;--soft:#f3f5f8;--brand:#1f3a5f;--err:#b42318;--err-bg:#fdecea;--warn:#8a4b00;--warn-bg:#fff4e0;--ok:#1a6b3c;--ok-bg:#e8f4ec;--note:#2f5b8a}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:14px/1.45 "Segoe UI","Noto Sans","DejaVu Sans",Roboto,Arial,sans-serif;color:var(--ink);background:#eef1f5}
    .masthead{background:var(--brand);color:#fff;padding:20px 24px 0}
    .masthead .eyebrow{margin:0;font-size:12px;letter-spacing:.06em;text-transform:uppercase;opacity:.75}
    h1{margin:4px 0 8px;font-size:24px;font-weight:600}
    .campaign{margin:2px 0;font-size:14px}
    .masthead .muted{color:#c9d4e3}
    .meta{margin:6px 0 14px;font-size:12.5px;color:#c9d4e3}
    .meta code{color:#fff}
    .stats{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 16px}
    .stat{background:#fff;color:var(--ink);border-radius:6px;padding:8px 14px;min-width:112px;border-top:4px solid #8796aa}
    .stat dt{font-size:12px;color:var(--muted)}
    .stat dd{margin:0;font-size:22px;font-weight:600}
    .stat.error{border-top-color:var(--err)}.stat.error dd{color:var(--err)}
    .stat.warning{border-top-color:#d08a1e}.stat.warning dd{color:var(--warn)}
    .stat.note{border-top-color:var(--note)}
    .stat.zero dd{color:var(--muted)}
    .stat.zero{border-top-color:#c3ccd7}
    .toc{display:flex;gap:4px;margin:0 -24px;padding:0 20px;background:rgba(0,0,0,.18)}
    .toc a{color:#fff;text-decoration:none;padding:8px 10px;font-size:13px}
    .toc a:hover{background:rgba(255,255,255,.12)}
    main{padding:8px 24px 24px}
    section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 16px;margin:16px 0}
    h2{margin:0 0 4px;font-size:18px;color:var(--brand)}
    h3{font-size:15px;margin:14px 0 6px}
    .lead{margin:0 0 10px;color:var(--muted);font-size:13px}
    .controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:0 0 10px;padding:8px 10px;background:var(--soft);border-radius:4px;font-size:13px}
    .controls[hidden]{display:none}
    .controls input,.controls select{font:inherit;padding:3px 6px;border:1px solid #b8c2cf;border-radius:3px;background:#fff}
    .controls input{width:16em}
    .controls select{max-width:20em}
    .shown{margin-left:auto;color:var(--muted)}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;vertical-align:top;padding:5px 6px;border-bottom:1px solid var(--line)}
    thead th{background:var(--soft);font-size:.92em;font-weight:600;color:#3a4654;border-bottom:2px solid #c3ccd7;white-space:nowrap}
    thead th button{all:unset;cursor:pointer}
    thead th button:focus-visible{outline:2px solid var(--brand)}
    thead th[aria-sort=ascending] button::after{content:" ▲";font-size:10px}
    thead th[aria-sort=descending] button::after{content:" ▼";font-size:10px}
    table.data{font-size:13px}
    table.data tbody tr:nth-child(even){background:#fafbfc}
    table.data tbody tr:hover{background:#eef3fa}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    td.num{color:var(--muted)}
    .name{font-weight:600;min-width:7em}
    table.data td:nth-child(2){min-width:6.5em}
    .form{min-width:7em}
    .form b{white-space:nowrap}
    .form .of{font-size:.88em;color:var(--muted)}
    .scroll{overflow-x:auto}
    .none{color:#98a2b0}
    .name.none{font-weight:400;font-style:italic}
    .unknown{font-style:italic;text-decoration:underline dotted}
    .rating{font-size:.92em}
    .rating .ab{white-space:nowrap}
    .rating.r4{font-weight:700}
    .rating.unknown .ab{font-style:italic;white-space:normal}
    .yr{color:var(--muted);font-size:.85em}
    .more{font-size:.85em;color:var(--err);font-weight:600}
    .initiative{font-size:.92em;color:#38424f;min-width:9.5em}
    .vote{white-space:nowrap;font-variant-numeric:tabular-nums}
    .status{font-size:.92em}
    .badge{white-space:nowrap}
    .also{display:block;color:var(--warn);margin-top:2px;white-space:nowrap}
    .status a{text-decoration:none}
    .badge{display:inline-block;padding:1px 7px;border-radius:10px;font-weight:600;border:1px solid}
    .badge.clean{color:var(--ok);background:var(--ok-bg);border-color:#9fcfb1}
    .badge.warning{color:var(--warn);background:var(--warn-bg);border-color:#e8c27f}
    .badge.error{color:var(--err);background:var(--err-bg);border-color:#f0aaa3}
    td.file{font-size:.92em}
    .seg{white-space:nowrap}
    .line{color:var(--muted)}
    .tag{display:inline-block;font-size:.78em;font-weight:600;padding:0 5px;border:1px solid #8796aa;border-radius:3px;color:#3a4654;background:#fff;vertical-align:1px}
    a{color:#1c4f8c}
    .legend{font-size:12px;color:var(--muted);margin:8px 0 0}
    .uncounted{font-size:13px;color:var(--warn);margin:8px 0 0}
    table.quota th[scope=row]{font-weight:600;width:34%}
    table.quota td.num{color:var(--ink);font-weight:600;white-space:nowrap;width:7em}
    .barcol{width:30%}
    .bar{display:inline-block;vertical-align:middle;width:62%;height:12px;background:#e6eaf0;border:1px solid #c3ccd7;border-radius:2px;margin-right:8px;overflow:hidden}
    .bar span{display:block;height:100%;background:#4a6fa5}
    tr.full .bar span{background:#2f6b4f}
    tr.over .bar span{background:repeating-linear-gradient(135deg,var(--err) 0 6px,#7a140c 6px 9px)}
    tr.over{background:var(--err-bg)}
    tr.over th,tr.over td.num{color:var(--err)}
    .marker{color:var(--err);font-size:12px;letter-spacing:.03em;white-space:nowrap}
    .marker-full{color:var(--ok);font-size:12px;white-space:nowrap}
    .muted{color:var(--muted);font-size:12px}
    tr.noquota th{font-weight:400}
    .notchecked{border-left:4px solid var(--err);background:var(--err-bg);padding:4px 12px;margin:0 0 12px}
    .notchecked h3{margin:6px 0;color:var(--err)}
    article.file{margin:0 0 16px}
    article.file h3{font-size:14px;border-bottom:1px solid var(--line);padding-bottom:4px;white-space:normal}
    article.file h3 a{font-family:Consolas,"Liberation Mono","Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:13px}
    .unit{font-weight:400;color:var(--muted);margin-left:6px}
    .counts{float:right;font-weight:400;font-size:12px;color:var(--muted)}
    table.findings{font-size:12.5px}
    table.findings th:nth-child(1),table.findings th:nth-child(2),table.findings th:nth-child(3){width:1%}
    .pos{font-variant-numeric:tabular-nums;white-space:nowrap;color:var(--muted)}
    .code{white-space:nowrap;font-weight:600}
    .sev{display:inline-block;font-size:11px;font-weight:600;padding:0 6px;border-radius:3px;white-space:nowrap}
    .sev.error{color:#fff;background:var(--err)}
    .sev.warning{color:var(--warn);background:var(--warn-bg);border:1px solid #e8c27f}
    .sev.info,.sev.hint{color:var(--note);background:#e9f0f8}
    .msg{margin-bottom:3px;overflow-wrap:anywhere}
    pre.src{margin:0;padding:3px 6px;background:var(--soft);border-left:3px solid #c3ccd7;font:12px/1.4 Consolas,"Liberation Mono","Noto Sans Mono","DejaVu Sans Mono",monospace;white-space:pre-wrap;word-break:break-word}
    pre.src .ln{color:#98a2b0;margin-right:8px;user-select:none}
    mark{background:#ffe08a;color:inherit;text-decoration:underline wavy var(--err);text-underline-offset:3px}
    .cleanfiles{font-size:13px}
    footer{color:var(--muted);font-size:12px;padding:0 2px}
    @page{size:A4;margin:15mm}
    @media print{
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      body{background:#fff;font-size:9pt}
      .masthead{background:#fff;color:var(--ink);padding:0;border-bottom:2px solid var(--ink)}
      .masthead .muted,.meta,.meta code{color:var(--muted)}
      .masthead .eyebrow{opacity:1;color:var(--muted)}
      h1{font-size:16pt}
      .stat{border:1px solid #9aa5b3;border-top-width:4px;padding:3px 8px;min-width:0}
      .stat dd{font-size:13pt}
      .controls,.toc{display:none!important}
      main{padding:0}
      section{border:0;padding:0;margin:10px 0}
      thead{display:table-header-group}
      tr,pre.src,.bar{break-inside:avoid;page-break-inside:avoid}
      h2,h3,.lead{break-after:avoid;page-break-after:avoid}
      #chi-tieu,.campaign-quota{break-inside:avoid;page-break-inside:avoid}
      table.data{font-size:7.5pt}
      table.data th,table.data td{padding:2px 3px}
    .scroll{overflow:visible}
      .initiative{max-width:none}
      a{color:inherit;text-decoration:none}
      tr[hidden]{display:none}
      .counts{float:none;margin-left:8px}
      table.quota th[scope=row]{white-space:nowrap;width:auto}
      .barcol{width:26%}
      .bar{width:48%}
      table.quota td.num{width:auto}
    }
    """

    /// Sorting and filtering for the nominee table. The view is kept in the address's fragment
    /// (`#status=error&sort=-11`: a column's 1-based number, negative for descending), so a
    /// filtered view can be bookmarked or sent; the last thing the script does is mark the page ready.
    static let script = """
    (function () {
      "use strict";
      var table = document.getElementById("nominees");
      if (!table) { return; }
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var vi = document.documentElement.lang === "vi";
      var fold = function (s) {
        return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
      };
      var texts = new Map();  // each row's text, folded once, for the search box
      rows.forEach(function (row, i) { row.dataset.index = i; texts.set(row, fold(row.textContent)); });
      var q = document.getElementById("q"), shown = document.getElementById("shown");
      var selects = ["form", "kind", "status", "campaign"].map(function (name) {
        return { name: name, el: document.getElementById("f-" + name) };
      }).filter(function (s) { return s.el; });
      var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var sorted = 0;
      function remember() {
        var parts = [];
        if (q.value) { parts.push("q=" + encodeURIComponent(q.value)); }
        selects.forEach(function (s) { if (s.el.value) { parts.push(s.name + "=" + encodeURIComponent(s.el.value)); } });
        if (sorted) { parts.push("sort=" + sorted); }
        try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); } catch (e) { /* a file: page may refuse */ }
      }
      // Rows without a nominee (their data-nominee is 0) are counted apart: the count is the header's.
      var total = rows.filter(function (row) { return row.dataset.nominee !== "0"; }).length;
      function apply() {
        var text = fold(q.value.trim()), count = 0, others = 0;
        rows.forEach(function (row) {
          var ok = !text || texts.get(row).indexOf(text) >= 0;
          selects.forEach(function (s) { if (ok && s.el.value && row.dataset[s.name] !== s.el.value) { ok = false; } });
          row.hidden = !ok;
          if (ok && row.dataset.nominee === "0") { others += 1; } else if (ok) { count += 1; }
        });
        shown.textContent = (vi ? "Hiển thị " + count + "/" + total + " đề nghị" : "Showing " + count + " of " + total + " nominees")
          + (others ? (vi ? " (và " + others + " dòng không phải đề nghị)" : " (and " + others + " rows that are not nominees)") : "");
      }
      var collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
      function key(row, i) {
        var cell = row.cells[i];
        return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
      }
      function sortBy(i, ascending) {
        var th = headers[i], numeric = th.dataset.type === "number";
        headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sorted = ascending ? i + 1 : -(i + 1);
        rows.sort(function (a, b) {
          var x = key(a, i), y = key(b, i);
          var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
          if (c === 0) { return a.dataset.index - b.dataset.index; }
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      headers.forEach(function (th, i) {
        var button = document.createElement("button");
        button.type = "button";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () { sortBy(i, th.getAttribute("aria-sort") !== "ascending"); remember(); });
      });
      q.addEventListener("input", function () { apply(); remember(); });
      selects.forEach(function (s) { s.el.addEventListener("change", function () { apply(); remember(); }); });
      // The view the address asks for: `#status=error&sort=-11`; an anchor such as `#chi-tieu` asks for nothing.
      location.hash.slice(1).split("&").forEach(function (part) {
        var pair = part.split("="), value = decodeURIComponent(pair[1] || "");
        if (pair.length !== 2) { return; }
        if (pair[0] === "q") { q.value = value; }
        if (pair[0] === "sort" && Math.abs(+value) >= 1 && Math.abs(+value) <= headers.length) { sortBy(Math.abs(+value) - 1, +value > 0); }
        selects.forEach(function (s) { if (s.name === pair[0]) { s.el.value = value; } });
      });
      document.getElementById("controls").hidden = false;
      apply();
      document.documentElement.setAttribute("data-ready", "1");
    })();
    """
}

/// Text made safe for HTML: markup characters as entity references (`&`, `<`, `>`, both quotes,
/// so the same text serves element content and attribute values), and the controls a dossier
/// may hold shown as the text report shows them (`␛`, `<U+202E>`), never as themselves.
enum HTMLText {
    static func escape(_ string: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&#39;"
            default:
                if let standIn = TerminalText.standIn(scalar.value) {
                    out += escape(standIn)  // `<U+202E>` holds markup characters itself
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
