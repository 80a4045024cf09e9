import Foundation
import XCTest
@testable import HosoCLI
import HosoReport
import HosoRules
import HosoServer
import HosoWorkspace

/// `hoso report`: the data it collects from the examples (rows, quota use, findings), the HTML
/// it escapes, and the command through the real binary (exit status, `-o`, `--lang en`, a
/// folder's own hoso.json and profile, never overwriting a file that is not a report).
/// `Tests/report/chromium.sh` (in CI) opens the page in a real browser.
final class ReportTests: XCTestCase {
    var folder: URL!
    let examples = EndToEndTests.packageRoot.appendingPathComponent("Examples").path

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoso-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func hoso(_ arguments: [String], directory: URL? = nil) throws -> HosoRun {
        try runHoso(arguments, stdin: nil, environment: ["SOURCE_DATE_EPOCH": "1764000000"], directory: directory ?? EndToEndTests.packageRoot)
    }

    func write(_ text: String, to name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var example: String {
        get throws { try String(contentsOf: URL(fileURLWithPath: examples + "/phong-tchcqt.hoso"), encoding: .utf8) }
    }

    /// What `hoso report ARGUMENTS` collects, in process.
    func collect(_ arguments: [String]) throws -> ReportData {
        let parsed = try ParsedArguments(arguments, for: CommandTable.report)
        var resolver = try SetupResolver(configPath: parsed["--config"], profilePath: parsed["--profile"])
        var io = CommandIO()
        return try XCTUnwrap(ReportCommand.collect(parsed, resolver: &resolver, language: .vi, io: &io)).data
    }

    /// A row as one line: name, kind, form, ratings, initiative?, votes, status and counts, file:line.
    func describe(_ row: ReportData.Row, in data: ReportData) -> String {
        let name = row.name?.vi ?? (row.unreadable ? "(unreadable)" : "(nobody)")
        let ratings = row.ratings.map { "\($0.year) " + ($0.short ?? "-") + ($0.written.count > 1 ? "+\($0.written.count - 1)" : "") }
        let vote = row.vote.map { "\($0.votesFor ?? -1)/\($0.present ?? -1)" } ?? "no vote"
        let counts = row.counts
        let file = data.files[row.file].path.split(separator: "/").suffix(2).joined(separator: "/")
        return [name, row.kind?.rawValue ?? "-", row.awardFormID ?? "-", ratings.joined(separator: ", "), row.initiative == nil ? "no initiative" : "initiative",
                vote, "\(row.status.rawValue) \(counts.errors)/\(counts.warnings)/\(counts.notes)", "\(file):\(row.line)", "KH\(row.campaign + 1)"]
            .joined(separator: " | ")
    }

    func quotaLines(_ campaign: ReportData.Campaign) -> [String] {
        campaign.quotas.map { "\($0.formID) \($0.kind.rawValue) \($0.used)/\($0.quota.map(String.init) ?? "-")\($0.isOver ? " OVER" : "")" }
    }

    // MARK: The data

    func testTheExamplesFolderRowByRow() throws {
        let data = try collect([examples])
        XCTAssertEqual(data.rows.map { describe($0, in: data) }, [
            "(unreadable) | - | - | 2019 -, 2020 -, 2021 - | no initiative | no vote | error 1/0/0 | co-loi/phong-hanh-chinh-tcvn3.hoso:1 | KH1",
            "Bộ phận Tiếp nhận và Trả kết quả | tap-the | bang-khen | 2019 HTTNV, 2020 HTTNV, 2021 HTTNV | initiative | 7/7 | error 5/0/0 | co-loi/phong-kiem-soat-tthc.hoso:16 | KH1",
            "Hà Thị Thanh Huyền | ca-nhan | giay-khen | 2019 HTTNV, 2020 HTTNV, 2021 HTXSNV | initiative | 4/7 | error 4/0/2 | co-loi/phong-kiem-soat-tthc.hoso:24 | KH1",
            "Đinh Văn Hải | ca-nhan | giay-khen | 2019 HTTNV, 2020 HTXSNV+1, 2021 HTTNV | initiative | no vote | error 6/3/0 | co-loi/phong-tong-hop.hoso:13 | KH1",
            "Tòng Văn Dũng | ca-nhan | bang-khen | 2021 HTTNV, 2022 HTXSNV, 2023 HTXSNV | initiative | 9/10 | clean 0/0/0 | ke-hoach-2024/phong-tong-hop-2024.hoso:14 | KH2",
            "Lò Thị Xuân | ca-nhan | giay-khen | 2019 HTTNV, 2020 HTTNV, 2021 HTXSNV | initiative | 6/6 | clean 0/0/0 | Examples/phong-kinh-te.hoso:21 | KH1",
            "Quàng Văn Toàn | ca-nhan | giay-khen | 2019 HTTNV, 2020 HTTNV, 2021 HTTNV | initiative | 5/6 | clean 0/0/0 | Examples/phong-kinh-te.hoso:30 | KH1",
            "Nguyễn Thị Hoa | ca-nhan | bang-khen | 2019 HTTNV, 2020 HTXSNV, 2021 HTTNV | initiative | 8/8 | clean 0/0/0 | Examples/phong-tchcqt.hoso:16 | KH1",
            "Tổ Quản trị | tap-the | giay-khen | 2019 HTTNV, 2020 HTTNV, 2021 HTTNV | initiative | 7/8 | clean 0/0/0 | Examples/phong-tchcqt.hoso:25 | KH1",
        ])
        // The rating as written: the abbreviation `HTTNV` names the rating "tot" (HS207 notes it).
        let huyen = data.rows[2]
        XCTAssertEqual(huyen.ratings[0].written, ["HTTNV"])
        XCTAssertEqual(huyen.ratings[0].rating?.id, "tot")
        XCTAssertEqual(data.rows[3].ratings[1].written, ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"])
        XCTAssertEqual(data.rows[1].unit, "Phòng Kiểm soát thủ tục hành chính")
        XCTAssertEqual(data.rows[7].initiative, "Số hóa quy trình tiếp nhận văn bản đến (Quyết định số 45/QĐ-VPUB ngày 20/12/2021)")
        XCTAssertEqual(data.rows[8].vote?.percent ?? 0, 87.5, accuracy: 0.001)
        XCTAssertEqual(data.totals, SeverityCounts(errors: 14, warnings: 3, notes: 2))
        XCTAssertEqual(data.files.count, 6)
        XCTAssertEqual(data.nominees, 8)
        XCTAssertTrue(data.notChecked.isEmpty)
    }

    func testTheExamplesQuotasPerCampaign() throws {
        let data = try collect([examples])
        XCTAssertEqual(data.campaigns.map(\.profile.id), ["son-la-vpub-2022", "son-la-vpub-2024"])
        // The TCVN3 dossier is unreadable, so its collective counts for nothing (as HS501 counts).
        XCTAssertEqual(quotaLines(data.campaigns[0]), ["bang-khen tap-the 1/1", "bang-khen ca-nhan 1/1", "giay-khen tap-the 1/2", "giay-khen ca-nhan 4/5"])
        XCTAssertEqual(quotaLines(data.campaigns[1]), ["bang-khen tap-the 0/2", "bang-khen ca-nhan 1/2", "giay-khen tap-the 0/3", "giay-khen ca-nhan 0/8"])
        XCTAssertEqual(data.campaigns[0].quotas[3].members.map(\.name.vi), ["Hà Thị Thanh Huyền", "Đinh Văn Hải", "Lò Thị Xuân", "Quàng Văn Toàn"])
        XCTAssertEqual(data.campaigns[1].files.map { data.files[$0].path.hasSuffix("phong-tong-hop-2024.hoso") }, [true])
    }

    /// The report's over-quota verdict is HS501's: a second unit proposing another individual
    /// for Bằng khen puts the class at 2/1, and exactly its members carry HS501; turning HS501
    /// off in hoso.json changes the findings, not the count.
    func testQuotaFiguresAreThoseOfHS501() throws {
        try write(try example, to: "a/phong-a.hoso")
        try write(try example.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Lễ tân"),
                  to: "b/phong-b.hoso")
        let data = try collect([folder.path])
        let over = try XCTUnwrap(data.campaigns.first?.quotas.first { $0.isOver })
        XCTAssertEqual("\(over.formID) \(over.kind.rawValue) \(over.used)/\(over.quota ?? -1)", "bang-khen ca-nhan 2/1")
        XCTAssertEqual(over.members.map(\.name.vi), ["Nguyễn Thị Hoa", "Lò Văn Nam"])
        XCTAssertEqual(quotaLines(data.campaigns[0]), ["bang-khen tap-the 0/1", "bang-khen ca-nhan 2/1 OVER", "giay-khen tap-the 2/2", "giay-khen ca-nhan 0/5"])
        for row in data.rows {
            let hasQuotaFinding = data.files[row.file].findings.contains { $0.code == "HS501" && $0.line == row.line }
            XCTAssertEqual(hasQuotaFinding, row.awardFormID == "bang-khen", row.name?.vi ?? "")
            XCTAssertEqual(row.status, row.awardFormID == "bang-khen" ? .error : .clean, row.name?.vi ?? "")
        }
        // One folder turns HS501 off: its dossier has no quota finding, the count is the same.
        try write(#"{"rules": {"HS501": "off"}}"#, to: "b/hoso.json")
        let quiet = try collect([folder.path])
        XCTAssertEqual(quotaLines(quiet.campaigns[0]), quotaLines(data.campaigns[0]))
        XCTAssertEqual(quiet.files.map { $0.findings.filter { $0.code == "HS501" }.count }, [1, 0])
    }

    func testFindingsCarryTheirLineAndAreCutOnLongLines() throws {
        let data = try collect([examples + "/co-loi/phong-tong-hop.hoso"])
        let findings = data.files[0].findings
        XCTAssertEqual(findings.map { "\($0.code)@\($0.line):\($0.column)" },
                       ["HS108@1:1", "HS108@3:3", "HS112@13:14", "HS107@14:1", "HS205@18:1", "HS107@23:1", "HS111@31:3", "HS105@33:1", "HS003@38:12"])
        let vote = findings[6]
        XCTAssertEqual([vote.before, vote.marked, vote.after], ["- ", "Đinh Văn Hai", ": 5/5 đồng ý (100%)"])
        XCTAssertFalse(vote.cutBefore || vote.cutAfter)
        // A long line is shown as a window around the finding: 40 characters before it, 160 in all.
        let long = try example.replacingOccurrences(of: "Sáng kiến: Số hóa", with: "Sáng kiến: " + String(repeating: "rất dài ", count: 60) + "Ðổi mới, số hóa")
            .replacingOccurrences(of: "(Quyết định số 45/QĐ-VPUB ngày 20/12/2021)", with: "(Quyết định số 45/QĐ-VPUB ngày 20/12/2021) " + String(repeating: "x", count: 300))
        try write(long, to: "dai.hoso")
        let cut = try XCTUnwrap(try collect([folder.path + "/dai.hoso"]).files[0].findings.first { $0.code == "HS003" })
        XCTAssertEqual(cut.column, 12 + 480)
        XCTAssertEqual(cut.before, String(String(repeating: "rất dài ", count: 5).suffix(40)))
        XCTAssertEqual(cut.marked, "Ð")
        XCTAssertEqual(cut.after.unicodeScalars.count, 119)
        XCTAssertTrue(cut.cutBefore && cut.cutAfter)
    }

    // MARK: The page

    /// Names, units and paths from a dossier are text in the page, never markup: `<`, `&`,
    /// quotes, and control characters (ESC, a right-to-left override) shown as stand-ins.
    func testEverythingFromTheDossierIsEscaped() throws {
        let hostile = "<script>alert(\"x\")</script> & 'Ý' \u{1B}[31m \u{202E}ngược"
        let text = try example.replacingOccurrences(of: "Nguyễn Thị Hoa", with: hostile)
            .replacingOccurrences(of: "Đơn vị: Phòng Tổ chức - Hành chính - Quản trị", with: "Đơn vị: Phòng <b>A</b> & \"B\"")
        try write(text, to: "x\"<i>.hoso")
        let data = try collect([folder.path])
        let html = ReportHTML.render(data, language: .vi, scope: ["<scope>"], generated: .init(Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!),
                                     ruleLinks: ["HS005": "file:///x/HS005.md?a=1&b=\"2\""], fileURI: { FileURI.uri($0) })
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("<b>A</b>"))
        XCTAssertFalse(html.contains("<i>"))
        XCTAssertFalse(html.contains("<scope>"))
        XCTAssertFalse(html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ý&#39; ␛[31m &lt;U+202E&gt;ngược"), html)
        XCTAssertTrue(html.contains("Phòng &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;"))
        XCTAssertTrue(html.contains("href=\"file:///tmp/"))
        XCTAssertTrue(html.contains("x%22%3Ci%3E.hoso\""))
        XCTAssertTrue(html.contains("x&quot;&lt;i&gt;.hoso"))
        XCTAssertTrue(html.contains("<a href=\"file:///x/HS005.md?a=1&amp;b=&quot;2&quot;\">HS005</a>"))
        // The only script is the page's own, at the end.
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2)
        XCTAssertEqual(HTMLText.escape("a\u{0}b\u{7F}c\u{85}d\te"), "a␀b␡c&lt;U+0085&gt;d\te")
    }

    func testThePageHasItsPartsInBothLanguages() throws {
        let data = try collect([examples])
        let moment = ReportHTML.Moment(Date(timeIntervalSince1970: 1_764_000_000), timeZone: TimeZone(identifier: "UTC")!)
        let vi = ReportHTML.render(data, language: .vi, scope: ["Examples/"], generated: moment, ruleLinks: [:], fileURI: { _ in nil })
        for label in ["<html lang=\"vi\">", "<title>Báo cáo tổng hợp hồ sơ đề nghị khen thưởng</title>", "Lập lúc 24/11/2025 16:00",
                      "Danh sách đề nghị", "Chỉ tiêu khen thưởng", "Vấn đề theo tệp", "@page{size:A4;margin:15mm}",
                      "<th scope=\"row\">Bằng khen của Chủ tịch UBND tỉnh — cá nhân</th><td class=\"num\">1/1</td>",
                      "8/8 (100%)", "7/8 (87,5%)", "✓ sạch", "✕ lỗi (6)", "thead{display:table-header-group}",
                      "Content-Security-Policy", "<meta name=\"generator\" content=\"hoso report \(HosoVersion.current)\">"] {
            XCTAssertTrue(vi.contains(label), label)
        }
        let en = ReportHTML.render(data, language: .en, scope: ["Examples/"], generated: moment, ruleLinks: [:], fileURI: { _ in nil })
        for label in ["<html lang=\"en\">", "Summary report of commendation dossiers", "Made 2025-11-24 16:00", "Nominees", "Award quotas",
                      "Findings by file", "Bằng khen của Chủ tịch UBND tỉnh — individual</th><td class=\"num\">1/1</td>", "7/8 (87.5%)",
                      "✓ clean", "✕ errors (6)"] {
            XCTAssertTrue(en.contains(label), label)
        }
        for vietnamese in ["Danh sách đề nghị", "Chỉ tiêu", "Tình trạng", "Lập lúc", "✓ sạch", "Biểu quyết", "(tất cả)", "Không kiểm tra được"] {
            XCTAssertFalse(en.contains(vietnamese), vietnamese)
        }
        // No network: nothing is fetched from anywhere.
        for fetch in ["http://", "https://", "@import", "url(", " src="] { XCTAssertFalse(vi.contains(fetch), fetch) }
    }

    /// A file that is not Unicode text (the TCVN3 example) counts as not checked in the header,
    /// is named under the quotas it is left out of, and its row says it is no nominee, so the
    /// table's nominee count is the header's.
    func testAnUnreadableFileIsCountedNamedAndNotANominee() throws {
        let data = try collect([examples])
        XCTAssertEqual(data.unreadableFiles.map { data.files[$0].path.hasSuffix("co-loi/phong-hanh-chinh-tcvn3.hoso") }, [true])
        XCTAssertEqual(data.uncheckedCount, 1)
        let moment = ReportHTML.Moment(Date(timeIntervalSince1970: 1_764_000_000), timeZone: TimeZone(identifier: "UTC")!)
        let vi = ReportHTML.render(data, language: .vi, scope: ["Examples/"], generated: moment, ruleLinks: [:], fileURI: { _ in nil })
        XCTAssertTrue(vi.contains("<div class=\"stat error\"><dt>Không kiểm tra được</dt><dd>1</dd></div>"), vi)
        XCTAssertTrue(vi.contains("<div class=\"stat plain\"><dt>Đề nghị</dt><dd>8</dd></div>"))
        let tcvn3 = try XCTUnwrap(data.files.first { $0.unreadable }).path
        XCTAssertTrue(vi.contains("<p class=\"uncounted\">Chưa tính 1 hồ sơ không đọc được (HS001), vì không biết nó đề nghị ai: \(tcvn3).</p>"), vi)
        XCTAssertTrue(vi.contains("Không đọc được tệp (HS001) — không tính là đề nghị"))
        let rows = vi.components(separatedBy: "<tr data-form=").dropFirst()
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual(rows.filter { !$0.contains("data-nominee=\"0\"") }.count, data.nominees, "the rows that are nominees are the header's count")
        XCTAssertTrue(vi.contains("return row.dataset.nominee !== \"0\";"), "the script counts nominees, not rows")
        let en = ReportHTML.render(data, language: .en, scope: ["Examples/"], generated: moment, ruleLinks: [:], fileURI: { _ in nil })
        XCTAssertTrue(en.contains("1 unreadable dossier (HS001) not counted, as whom it proposes is unknown: \(tcvn3)."), en)
        XCTAssertTrue(en.contains("File not readable (HS001) — not a nominee"))
    }

    func testAnOverFullQuotaIsMarkedInWordsAndColour() throws {
        try write(try example, to: "phong-a.hoso")
        try write(try example.replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Lò Văn Nam").replacingOccurrences(of: "Tổ Quản trị", with: "Tổ Lễ tân"), to: "phong-b.hoso")
        let html = ReportHTML.render(try collect([folder.path]), language: .vi, scope: ["."], generated: .init(Date(), timeZone: .current),
                                     ruleLinks: [:], fileURI: { _ in nil })
        XCTAssertTrue(html.contains("<tr class=\"over\"><th scope=\"row\">Bằng khen của Chủ tịch UBND tỉnh — cá nhân</th><td class=\"num\">2/1</td>"), html)
        XCTAssertTrue(html.contains("▲ VƯỢT +1"))
        XCTAssertTrue(html.contains("<tr class=\"full\"><th scope=\"row\">Giấy khen của Chánh Văn phòng UBND tỉnh — tập thể</th><td class=\"num\">2/2</td>"))
    }

    // MARK: The command

    func testTheCommandWritesTheFileAndSumsUpOnStderr() throws {
        let out = folder.appendingPathComponent("bao-cao.html").path
        let run = try hoso(["report", "Examples/", "-o", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "hoso: đã ghi báo cáo \(out): 6 hồ sơ, 8 đề nghị; 14 lỗi, 3 cảnh báo, 2 lưu ý; không kiểm tra được 1 tệp.\n")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("Lập lúc 24/11/2025 16:00"))  // SOURCE_DATE_EPOCH, in UTC
        // The rule pages of the checkout are linked (installed: share/hoso/rules/).
        XCTAssertTrue(html.contains("docs/rules/HS112.md\">HS112</a>"))
        XCTAssertTrue(html.contains("<a href=\"file://" + FileURI.percentEncoded(examples) + "/phong-tchcqt.hoso\">"))
        // The same run again replaces its own report, byte for byte.
        XCTAssertEqual(try hoso(["report", "Examples/", "-o", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), html)
        // English, to standard output.
        let english = try hoso(["report", "--lang", "en", "Examples/phong-tchcqt.hoso", "-o", "-"])
        XCTAssertEqual(english.status, 0)
        XCTAssertTrue(english.stdout.contains("Summary report of commendation dossiers"))
        XCTAssertEqual(english.stderr, "hoso: report: 1 dossier, 2 nominees; 0 errors, 0 warnings, 0 notes.\n")
    }

    func testWithoutOutputTheReportGoesToTheCurrentFolder() throws {
        try write(try example, to: "ho-so/a.hoso")
        let run = try hoso(["report", "ho-so"], directory: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "hoso: đã ghi báo cáo hoso-report.html: 1 hồ sơ, 2 đề nghị; 0 lỗi, 0 cảnh báo, 0 lưu ý.\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("hoso-report.html").path))
        // No path: the current folder, as `hoso lint`; the report itself is not a dossier.
        let again = try hoso(["report", "--lang", "en"], directory: folder.appendingPathComponent("ho-so"))
        XCTAssertEqual(again.stderr, "hoso: wrote the report hoso-report.html: 1 dossier, 2 nominees; 0 errors, 0 warnings, 0 notes.\n")
    }

    func testAFileThatIsNotAReportIsNeverOverwrittenWithoutForce() throws {
        try write(try example, to: "a.hoso")
        try write("ghi chú quan trọng\n", to: "notes.html")
        let run = try hoso(["report", "a.hoso", "-o", "notes.html"], directory: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "hoso: \"notes.html\" đã có và không phải báo cáo của hoso; không ghi đè (chọn tên khác bằng -o, hoặc thêm --force)\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notes.html"), encoding: .utf8), "ghi chú quan trọng\n")
        // Not even the dossier itself.
        XCTAssertEqual(try hoso(["report", "a.hoso", "-o", "a.hoso", "--lang", "en"], directory: folder).status, 2)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.hoso"), encoding: .utf8), try example)
        let forced = try hoso(["report", "a.hoso", "-o", "notes.html", "--force"], directory: folder)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("notes.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        // Not even with --force: a dossier the run read is never the report.
        try write(try example, to: "t/phong-b.hoso")
        let itself = try hoso(["report", "t", "-o", "t/phong-b.hoso", "--force"], directory: folder)
        XCTAssertEqual(itself.status, 2)
        XCTAssertEqual(itself.stderr, "hoso: \"t/phong-b.hoso\" là hồ sơ \"t/phong-b.hoso\" vừa được kiểm tra; không ghi báo cáo đè lên (chọn tên khác bằng -o)\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("t/phong-b.hoso"), encoding: .utf8), try example)
        let named = try hoso(["report", "a.hoso", "-o", "./a.hoso", "--force", "--lang", "en"], directory: folder)
        XCTAssertEqual(named.stderr, "hoso: \"./a.hoso\" is the dossier \"a.hoso\" just checked; the report is not written over it (choose another name with -o)\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.hoso"), encoding: .utf8), try example)
        let intoFolder = try hoso(["report", "a.hoso", "-o", "."], directory: folder)
        XCTAssertEqual(intoFolder.status, 2)
        XCTAssertTrue(intoFolder.stderr.contains("là một thư mục"), intoFolder.stderr)
    }

    func testNothingToReportOrNowhereToWriteIsExitTwo() throws {
        let empty = try hoso(["report", folder.path, "-o", "-"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.stdout, "")
        XCTAssertEqual(empty.stderr, "hoso: không có hồ sơ nào (*.hoso) trong \"\(folder.path)\"; kiểm tra lại thư mục\n")
        try write(try example, to: "a.hoso")
        let nowhere = try hoso(["report", "a.hoso", "-o", "khong-co/r.html"], directory: folder)
        XCTAssertEqual(nowhere.status, 2)
        XCTAssertTrue(nowhere.stderr.hasPrefix("hoso: "), nowhere.stderr)
        try write("{\"rules\": ", to: "hoso.json")
        let broken = try hoso(["report", "a.hoso"], directory: folder)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("hoso.json:1:11: không phải JSON hợp lệ"), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("hoso-report.html").path))
        // Some files unreadable, others checked: the report is written and says what was not checked.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("hoso.json"))
        let partly = try hoso(["report", "a.hoso", "khong-co.hoso", "-o", "r.html"], directory: folder)
        XCTAssertEqual(partly.status, 0)
        XCTAssertTrue(partly.stderr.hasSuffix("hoso: đã ghi báo cáo r.html: 1 hồ sơ, 2 đề nghị; 0 lỗi, 0 cảnh báo, 0 lưu ý; không kiểm tra được 1 tệp.\n"), partly.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<h3>Không kiểm tra được</h3>"))
    }

    /// A folder with its own hoso.json and profile (Examples/ke-hoach-2024): that campaign's
    /// years, quotas and title; `--profile` and `--config` as `hoso lint` takes them.
    func testAFolderWithItsOwnProfile() throws {
        let out = folder.appendingPathComponent("r.html").path
        XCTAssertEqual(try hoso(["report", "Examples/ke-hoach-2024", "-o", out]).status, 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.contains("Tổng kết phong trào thi đua"))
        XCTAssertTrue(html.contains("son-la-vpub-2024; năm xét 2021–2023"))
        XCTAssertTrue(html.contains("<th data-type=\"number\" class=\"year\">2021</th><th data-type=\"number\" class=\"year\">2022</th><th data-type=\"number\" class=\"year\">2023</th>"))
        XCTAssertTrue(html.contains("Bằng khen của Chủ tịch UBND tỉnh — cá nhân</th><td class=\"num\">1/2</td>"))
        XCTAssertFalse(html.contains("son-la-vpub-2022"))
        // The 2022 dossier read against the 2024 profile: its own years are not the campaign's.
        let data = try collect([examples + "/phong-tchcqt.hoso", "--profile", examples + "/ke-hoach-2024/profile.json"])
        XCTAssertEqual(data.campaigns.map(\.profile.id), ["son-la-vpub-2024"])
        XCTAssertEqual(data.rows[0].ratings.map(\.year), [2021, 2022, 2023])
        XCTAssertEqual(data.rows[0].ratings.map(\.short), ["HTTNV", nil, nil])
        XCTAssertEqual(data.rows[0].status, .error)
    }
}
