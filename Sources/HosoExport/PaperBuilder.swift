import HosoSemantics
import HosoSyntax
import HosoText

/// Turns a dossier's model into its papers: the Tờ trình, the Biên bản họp xét, then one Báo
/// cáo thành tích per report part, each in the layout of NĐ 30/2020 Phụ lục I.
///
/// The Tờ trình and the Biên bản are always printed (a missing one comes out as a form to fill
/// by hand); what the dossier leaves out is a dotted blank. Texts are printed as written (the
/// keys of fields in their canonical spelling); nothing is made up but the labels of the form
/// itself (titles, table headings, signature roles).
public struct PaperBuilder {
    let dossier: Dossier
    var tree: SyntaxTree { dossier.tree }

    public init(_ dossier: Dossier) { self.dossier = dossier }

    /// Every paper, in the order they are filed.
    public func papers() -> [Paper] {
        [toTrinh(), bienBan()] + dossier.reports.map(report)
    }

    // MARK: Tờ trình

    func toTrinh() -> Paper {
        let part = dossier.toTrinh
        let elements = part.map { ($0.heading + 1)..<$0.elements.upperBound } ?? 0..<0
        let printing = PrintingField.find([.signer, .recipients], in: elements, of: tree)
        let number = field(.number).map { "Số: " + InlineText.printable($0.value) } ?? "Số: \(Blank.short)/TTr-\(unitCode ?? Blank.short)"
        var blocks: [Block] = [.header(header(number: number, placeDate: dossier.toTrinhPlaceDate)), .title("TỜ TRÌNH")]
        let subject = field(.subject).map { InlineText.printable($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        blocks.append(.subject("Về việc " + (subject.map(Self.lowercasingVerb) ?? Blank.line)))
        let recipient = field(.recipient).map { InlineText.printable($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        blocks.append(.paragraph(Paragraph(.centered, [TextRun("Kính gửi: " + (recipient ?? Blank.line))])))

        var skip = Set(printing.values.map(\.element))
        for key in [FieldKey.number, .recipient, .subject] { if let field = field(key) { skip.insert(field.element) } }
        if let placeDate = dossier.toTrinhPlaceDate { skip.insert(placeDate.element) }
        var nomineeBlocks: [Int: Range<Int>] = [:]
        for nominee in dossier.nominees { nomineeBlocks[nominee.block.heading] = nominee.block.elements }
        var listed = false
        var i = elements.lowerBound
        while i < elements.upperBound {
            if let block = nomineeBlocks[i] {
                if !listed { blocks.append(.table(nomineeTable())) }
                listed = true
                i = block.upperBound
                continue
            }
            if !skip.contains(i), let block = bodyBlock(i) { blocks.append(block) }
            i += 1
        }
        if !listed && !dossier.nominees.isEmpty { blocks.append(.table(nomineeTable())) }

        let signer = printing[.signer].flatMap { Signer($0.value) }
        let right: [SignatureLine] = Self.titleLines(signer?.title ?? "") + [.room, .name(signer.map(\.name) ?? Blank.line)]
        blocks.append(.signatures(left: recipientLines(printing[.recipients]?.value), right: right))
        return Paper(kind: .toTrinh, name: "Tờ trình", blocks: blocks)
    }

    /// The signer's title as printed: `TRƯỞNG PHÒNG`; a signing on another's behalf (`KT.
    /// Trưởng phòng, Phó Trưởng phòng`: `KT.`, `TL.`, `TM.` or `TUQ.`, the title signed for, then
    /// the signer's own) on two lines, `KT. TRƯỞNG PHÒNG` over `PHÓ TRƯỞNG PHÒNG`; dots when empty.
    static func titleLines(_ title: String) -> [SignatureLine] {
        guard !title.isEmpty else { return [.role(Blank.line)] }
        let upper = title.uppercased()
        let onBehalf = ["KT.", "KT ", "TL.", "TL ", "TM.", "TM ", "TUQ.", "TUQ "].contains { upper.hasPrefix($0) }
        if onBehalf, let comma = upper.firstIndex(of: ",") {
            let own = Signer.trimmed(String(upper[upper.index(after: comma)...]))
            let signedFor = Signer.trimmed(String(upper[..<comma]))
            if !own.isEmpty { return [.role(signedFor), .ownTitle(own)] }
        }
        return [.role(upper)]
    }

    /// The nominees as a ruled table: STT, name, position and unit, award form.
    func nomineeTable() -> Table {
        let unit = preamble(.unit)
        let rows = dossier.nominees.enumerated().map { index, nominee -> [String] in
            let position = nominee.field(.position).map { InlineText.printable($0.value) } ?? ""
            var post = ""
            switch nominee.kind {
            case .individual:
                post = [position.isEmpty ? Blank.short : position, unit ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
            case .collective:
                // The unit the collective belongs to, unless the collective is the unit itself.
                if let unit, Folding.name(unit) != nominee.nameKey { post = unit }
            }
            let form = nominee.awardForm?.name ?? nominee.field(.awardForm).map { InlineText.plain($0.value) } ?? Blank.line
            return ["\(index + 1)", nominee.name.isEmpty ? Blank.line : InlineText.printable(nominee.name), post, form]
        }
        return Table(columns: [.init(title: "STT", width: 8, centered: true),
                               .init(title: "Họ và tên / Tên tập thể", width: 30, centered: false),
                               .init(title: "Chức vụ, đơn vị", width: 31, centered: false),
                               .init(title: "Hình thức khen thưởng", width: 31, centered: false)],
                     rows: rows)
    }

    /// `Nơi nhận:` and its items, `- …;` each, `- Lưu: VT, …` last (added when not written).
    func recipientLines(_ value: String?) -> [SignatureLine] {
        var items = (value ?? "").split(separator: ";").map { Signer.trimmed(String($0)) }.filter { !$0.isEmpty }
        if items.isEmpty { items = ["Như trên", Blank.line] }
        var kept = items.filter { !Folding.key($0).hasPrefix("luu:") && !Folding.key($0).hasPrefix("luu ") }
        let archive = items.first { Folding.key($0).hasPrefix("luu:") || Folding.key($0).hasPrefix("luu ") }
        kept.append(archive ?? "Lưu: VT, \(unitCode ?? Blank.short)")
        return [.recipientsLabel] + kept.enumerated().map { index, item in
            .recipient("- " + item + (index == kept.count - 1 ? "." : ";"))
        }
    }

    // MARK: Biên bản

    func bienBan() -> Paper {
        let part = dossier.bienBan
        let elements = part.map { ($0.heading + 1)..<$0.elements.upperBound } ?? 0..<0
        let number = "Số: \(Blank.short)/BB-\(unitCode ?? Blank.short)"
        var blocks: [Block] = [.header(header(number: number, placeDate: dossier.bienBanPlaceDate)), .title("BIÊN BẢN")]
        let subject = field(.subject).map { InlineText.printable($0.value) }
        if let subject, Folding.key(subject).hasPrefix("de nghi") {
            blocks.append(.subject("Họp xét " + Self.lowercasingVerb(subject)))
        } else {
            blocks.append(.subject("Họp xét đề nghị khen thưởng"))
        }
        if part == nil {
            for key in [FieldKey.time, .venue, .attendance, .chair, .secretary] {
                blocks.append(.paragraph(Paragraph(.body, [TextRun(key.canonicalSpelling + ": ", bold: true), TextRun(Blank.line)])))
            }
        }
        var skip = Set<Int>()
        if let placeDate = dossier.bienBanPlaceDate { skip.insert(placeDate.element) }
        let voteElements = Set(dossier.votes.map(\.element))
        var voted = false
        for i in elements where !skip.contains(i) {
            if voteElements.contains(i) {
                if !voted { blocks.append(.table(voteTable())) }
                voted = true
                continue
            }
            if let block = bodyBlock(i) { blocks.append(block) }
        }
        func person(_ key: FieldKey) -> Signer? {
            dossier.bienBanFields.first { $0.key == key }.flatMap { Signer($0.value) }
        }
        blocks.append(.signatures(left: [.role("THƯ KÝ"), .room, .name(person(.secretary)?.name ?? Blank.line)],
                                  right: [.role("CHỦ TRÌ"), .room, .name(person(.chair)?.name ?? Blank.line)]))
        return Paper(kind: .bienBan, name: "Biên bản họp xét", blocks: blocks)
    }

    /// The votes as a ruled table: STT, name, votes for out of present, percentage.
    func voteTable() -> Table {
        let rows = dossier.votes.enumerated().map { index, vote -> [String] in
            var count = "", share = ""
            if let votesFor = vote.votesFor, let present = vote.present {
                count = "\(votesFor)/\(present)"
                if let range = vote.percentRange {
                    share = tree.string(range) + "%"
                } else if present > 0 {
                    share = Self.percent(Double(votesFor) * 100 / Double(present))
                }
            } else if let range = tree.elements[vote.element].head {
                count = InlineText.plain(tree.string(range).split(separator: ":", maxSplits: 1).last.map(String.init) ?? "")
            }
            return ["\(index + 1)", InlineText.printable(vote.name), count, share]
        }
        return Table(columns: [.init(title: "STT", width: 8, centered: true),
                               .init(title: "Họ và tên / Tên tập thể", width: 44, centered: false),
                               .init(title: "Số phiếu đồng ý / số có mặt", width: 26, centered: true),
                               .init(title: "Tỉ lệ", width: 22, centered: true)],
                     rows: rows)
    }

    /// `87,5%`: a Vietnamese percentage, one decimal at most.
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    // MARK: Báo cáo thành tích

    func report(_ report: Report) -> Paper {
        let part = report.part
        let elements = (part.heading + 1)..<part.elements.upperBound
        let nominee = report.nominee.map { dossier.nominees[$0] }
        let printing = PrintingField.find([.reporter, .head], in: elements, of: tree)
        let kind = nominee?.kind ?? (printing[.head] != nil && printing[.reporter] == nil ? .collective : .individual)
        var blocks: [Block] = [.header(header(number: nil, placeDate: report.placeDate)), .title("BÁO CÁO THÀNH TÍCH")]
        let form = nominee?.awardForm?.name ?? nominee?.field(.awardForm).map { InlineText.plain($0.value) }
        blocks.append(.subject("Đề nghị tặng " + (form.flatMap { $0.isEmpty ? nil : $0 } ?? Blank.line)))
        // Whose report it is, under the title, as the collective's form (Tên tập thể) has it and
        // for an individual too: the heading's name, else the nominee's.
        let whose = [report.nomineeName, nominee?.name ?? ""].map { InlineText.printable($0).trimmingSpaces() }.first { !$0.isEmpty }
        blocks.append(.paragraph(Paragraph(.centered, [TextRun(whose ?? Blank.line, bold: true)])))
        if let line = report.formLine {
            blocks.append(.paragraph(Paragraph(.note, [TextRun("(" + InlineText.plain(tree.string(tree.elements[line].content)) + ")", italic: true)])))
        }
        var skip = Set(printing.values.map(\.element))
        if let placeDate = report.placeDate { skip.insert(placeDate.element) }
        if let line = report.formLine { skip.insert(line) }
        let sections = profileSections(kind)
        let confirmation = report.sections.first { section in
            section.profileIndex.map { sections[$0].role == "confirmation" }
                ?? Folding.key(heading(section.node.heading)).contains("xac nhan")
        }
        for i in elements where !skip.contains(i) && !(confirmation?.node.elements.contains(i) ?? false) {
            if let block = bodyBlock(i) { blocks.append(block) }
        }

        var left: [SignatureLine] = []
        if let confirmation {
            left.append(.role(Self.withoutNumbering(heading(confirmation.node.heading)).uppercased()))
            for i in confirmation.node.elements.dropFirst() where !skip.contains(i) {
                if let paragraph = bodyParagraph(i) { left.append(.text(paragraph.text)) }
            }
            left.append(.room)
        }
        let right: [SignatureLine]
        switch kind {
        case .individual:
            let name = printing[.reporter].flatMap { Signer($0.value) }?.name ?? nominee?.name ?? report.nomineeName
            right = [.role("NGƯỜI BÁO CÁO"), .hint("(Ký, ghi rõ họ và tên)"), .room, .name(name.isEmpty ? Blank.line : name)]
        case .collective:
            let head = printing[.head].flatMap { Signer($0.value) }
            right = [.role("THỦ TRƯỞNG ĐƠN VỊ"), .hint("(Ký, đóng dấu)"), .room, .name(head?.name ?? Blank.line)]
        }
        blocks.append(.signatures(left: left, right: right))
        let name = report.nomineeName.isEmpty ? Blank.short : report.nomineeName
        return Paper(kind: .report, name: "Báo cáo thành tích: \(name)", blocks: blocks)
    }

    func profileSections(_ kind: NomineeKind) -> [ReportSection] {
        dossier.profile.reportSections.sections(for: kind)
    }

    // MARK: Pieces

    /// The agency block and motto with a paper's number and place-date line.
    func header(number: String?, placeDate: PlaceDate?) -> HeaderBlock {
        let parentField = PrintingField.find([.parentBody], in: tree.preamble, of: tree)[.parentBody]?.value
        let parent = [parentField, dossier.profile.parentBody].compactMap { $0 }.first { $0.contains(where: \.isLetter) }
        let unit = preamble(.unit)
        let date = placeDate.map { InlineText.plain(tree.string(tree.elements[$0.element].content)) }
        return HeaderBlock(parentBody: parent.map { HeaderBlock.keepingHyphens(InlineText.printable($0).uppercased()) } ?? Blank.line,
                           unit: unit.map { HeaderBlock.keepingHyphens($0.uppercased()) } ?? Blank.line, number: number,
                           placeDate: date ?? Blank.placeDate)
    }

    /// A preamble field's printable value, nil when missing or blank.
    func preamble(_ key: FieldKey) -> String? {
        guard let field = dossier.preambleFields.first(where: { $0.key == key }), !field.isBlank else { return nil }
        return InlineText.printable(field.value)
    }

    /// A Tờ trình field (outside nominee blocks), nil when missing or blank.
    func field(_ key: FieldKey) -> Field? {
        dossier.toTrinhFields.first { $0.key == key && !$0.isBlank }
    }

    /// The unit's code in the Tờ trình's symbol (`TCHCQT` of `12/TTr-TCHCQT`), for other papers'
    /// symbols and `Lưu: VT, …`.
    var unitCode: String? {
        guard let symbol = dossier.toTrinhNumber?.symbol, let dash = symbol.firstIndex(of: "-") else { return nil }
        let code = symbol[symbol.index(after: dash)...]
        return code.isEmpty ? nil : String(code)
    }

    /// What an element prints as in a paper's body, if anything: headings, prose, list items,
    /// fields (their key in its canonical spelling, bold); blank lines, comments and place-date
    /// lines print nothing.
    func bodyBlock(_ index: Int) -> Block? {
        let element = tree.elements[index]
        switch element.kind {
        case .sectionHeading, .blockHeading, .minorHeading:
            let text = heading(index)
            return text.isEmpty ? nil : .paragraph(Paragraph(.heading, [TextRun(text, bold: true)]))
        default:
            return bodyParagraph(index).map(Block.paragraph)
        }
    }

    /// A prose line, list item or field as a body paragraph.
    func bodyParagraph(_ index: Int) -> Paragraph? {
        let element = tree.elements[index]
        var runs: [TextRun]
        switch element.kind {
        case .field(let key):
            let value = element.value.map { InlineText.runs(tree.string($0)) } ?? []
            runs = [TextRun(key.canonicalSpelling + ": ", bold: true)] + value
        case .listItem:
            let marker = element.marker.map { tree.string($0) } ?? "-"
            let printed = marker.first.map { $0.isNumber || $0.isLetter } == true ? marker : "-"
            runs = InlineText.runs(element.head.map { tree.string($0) } ?? "")
            runs.insert(TextRun(printed + " "), at: 0)
        case .prose:
            runs = InlineText.runs(tree.string(element.content))
        default:
            return nil
        }
        guard runs.contains(where: { $0.text.contains(where: { $0 != " " }) }) else { return nil }
        return Paragraph(.body, runs)
    }

    /// A heading's text: without its `#`s, emphasis and surrounding spaces.
    func heading(_ index: Int) -> String {
        var text = Substring(tree.string(tree.elements[index].content))
        while let first = text.first, first == "#" { text = text.dropFirst() }
        return InlineText.plain(String(text)).trimmingSpaces()
    }

    /// `IV. XÁC NHẬN …` → `XÁC NHẬN …`: a heading without its Roman or Arabic numbering.
    static func withoutNumbering(_ title: String) -> String {
        guard let dot = title.firstIndex(of: ".") else { return title }
        let numbering = title[..<dot]
        guard !numbering.isEmpty, numbering.allSatisfy({ "IVXLCDM0123456789".contains($0) }) else { return title }
        return String(title[title.index(after: dot)...]).trimmingSpaces()
    }

    /// A trích yếu as it follows `Về việc` or `Họp xét`: a leading verb (`Đề nghị`, `Khen
    /// thưởng` …) in lower case; anything else (a name) as written.
    static func lowercasingVerb(_ text: String) -> String {
        let verbs = ["de nghi", "de xuat", "khen thuong", "xet", "tang", "cong nhan", "trinh"]
        let key = Folding.key(text)
        guard verbs.contains(where: { key == $0 || key.hasPrefix($0 + " ") }), let first = text.first else { return text }
        return first.lowercased() + String(text.dropFirst())
    }
}

extension String {
    /// Without spaces at either end.
    func trimmingSpaces() -> String {
        var out = Substring(self)
        while out.first == " " { out = out.dropFirst() }
        while out.last == " " { out = out.dropLast() }
        return String(out)
    }
}
