#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HosoProtocol
import HosoRules
import HosoSemantics
import HosoServer
import HosoSyntax
import HosoText

/// `swift run -c release hoso-bench [--quick]`: generates a seeded corpus of realistic dossiers
/// and prints lint throughput, the time for one 10 MB dossier, the growth ratio at 1×–8×, the
/// cold start of the `hoso` binary next to this one, `wc -l` on the same bytes as the floor, and
/// the language server's didChange → publishDiagnostics latency (in-process: handler time,
/// no pipe), a cross-file recheck in a 50-file workspace, and resident memory with 100 open
/// dossiers. Each figure is the median of several runs.

/// A deterministic generator (xorshift64*): the same seed gives the same corpus.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2685821657736338717
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }
}

let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Quàng", "Cầm", "Tòng", "Vì", "Lường", "Đinh"]
let middles = ["Thị", "Văn", "Minh", "Thu", "Đức", "Ngọc"]
let givens = ["Hoa", "Hòa", "Hải", "Nam", "Lan", "Dũng", "Xuân", "Toàn", "Mai", "Bình", "Cúc", "Phong"]
let ratings = ["Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "HTTNV", "Hoàn thành nhiệm vụ"]
let prose = "Trong năm, đồng chí chủ động tham mưu thực hiện tốt các nội dung thi đua theo Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh; hoàn thành 100% nhiệm vụ được giao, góp phần xây dựng môi trường công sở văn minh, hiện đại, thân thiện, xanh, sạch, đẹp.\n"

/// One dossier of about `targetBytes`: nominees, votes, a report with prose; some mistakes.
func dossier(_ g: inout Generator, index: Int, targetBytes: Int) -> String {
    var nominees: [String] = []
    var text = "Đơn vị: Phòng \(index)\n\n# TỜ TRÌNH\nSố: \(index)/TTr-P\(index)\nSơn La, ngày \(g.pick(["16", "17", "18", "5"])) tháng 5 năm 2022\nKính gửi: Chánh Văn phòng UBND tỉnh\n\n"
    text += "Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh;\nCăn cứ Kế hoạch số 29/KH-VPUB ngày \(g.chance(90) ? "14" : "15")/8/2019 của Văn phòng UBND tỉnh;\n\n## DANH SÁCH ĐỀ NGHỊ\n\n"
    for n in 0..<(2 + Int(g.next() % 4)) {
        let name = "\(g.pick(surnames)) \(g.pick(middles)) \(g.pick(givens)) \(index)-\(n)"
        nominees.append(name)
        text += "### Cá nhân: \(name)\nChức vụ: \(g.pick(["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng"]))\nHình thức: Giấy khen của Chánh Văn phòng UBND tỉnh\n"
        for year in 2019...2021 { text += "Năm \(year): \(g.pick(ratings))\n" }
        text += "Sáng kiến: Giải pháp \(n) (Quyết định số \(40 + n)/QĐ-VPUB ngày \(g.pick(["10", "20", "31"]))/12/2021)\nKhen thưởng năm 2022: Không\n\n"
    }
    text += "# BIÊN BẢN HỌP XÉT\nSơn La, ngày 16 tháng 5 năm 2022\nThời gian: 08 giờ 00, ngày 16/5/2022\nĐịa điểm: Phòng họp\nThành phần: 8/9 công chức có mặt\nChủ trì: Ông A\nThư ký: Bà B\n\n## KẾT QUẢ BIỂU QUYẾT\n"
    for name in nominees { text += "- \(name): \(g.pick(["8/8 đồng ý (100%)", "7/8 đồng ý (87,5%)", "6/8 đồng ý (70%)"]))\n" }
    text += "\n# BÁO CÁO THÀNH TÍCH: \(nominees[0])\nSơn La, ngày 17 tháng 5 năm 2022\nMẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ\n\n## I. SƠ LƯỢC LÝ LỊCH\n\n## II. THÀNH TÍCH ĐẠT ĐƯỢC\n"
    while text.utf8.count < targetBytes { text += prose }
    return text + "\n## III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG\n\n## XÁC NHẬN CỦA LÃNH ĐẠO VĂN PHÒNG\n"
}

/// A number with `digits` decimals (no Foundation here).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard digits > 0 else { return String(scaled) }
    let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
    let text = String(fraction)
    return "\(whole).\(String(repeating: "0", count: digits - text.count))\(text)"
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ runs: Int, _ body: () -> Void) -> Double {
    (0..<runs).map { _ in seconds(body) }.sorted()[runs / 2]
}

let quick = CommandLine.arguments.contains("--quick")
var generator = Generator(state: 0x686F736F)
let count = quick ? 200 : 2000
let corpus = (0..<count).map { LintInput(path: "d\($0).hoso", bytes: Array(dossier(&generator, index: $0, targetBytes: 3000).utf8)) }
let corpusBytes = corpus.reduce(0) { $0 + $1.bytes.count }
if let flag = CommandLine.arguments.firstIndex(of: "--write-corpus"), flag + 1 < CommandLine.arguments.count {
    let folder = CommandLine.arguments[flag + 1]
    mkdir(folder, 0o755)
    for input in corpus {
        guard let file = fopen(folder + "/" + input.path, "w") else { fatalError("cannot write \(folder)") }
        _ = input.bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
    exit(0)
}
let linter = Linter()

let lint = median(3) { _ = linter.lintTogether(corpus, parallel: false) }
print("corpus: \(count) dossiers, \(fixed(Double(corpusBytes) / 1e6, 2)) MB (seed 0x686F736F)")
print("lint throughput: \(fixed(Double(corpusBytes) / 1e6 / lint, 1)) MB/s, \(Int(Double(count) / lint)) dossiers/s (\(fixed(lint, 3)) s)")

// Where the time goes: decoding, parsing, the semantic pass, the rules (each its own median).
func phases(_ inputs: [[UInt8]], label: String) {
    let bytes = inputs.reduce(0) { $0 + $1.count }
    let texts = inputs.map { SourceDecoder.decode($0).text }
    let trees = texts.map { Parser.parse($0) }
    let dossiers = trees.map { Dossier(tree: $0, profile: .sonLa2022) }
    let times = [
        ("decode", median(3) { for input in inputs { _ = SourceDecoder.decode(input) } }),
        ("parse", median(3) { for text in texts { _ = Parser.parse(text) } }),
        ("semantics", median(3) { for tree in trees { _ = Dossier(tree: tree, profile: .sonLa2022) } }),
        ("parse+semantics+rules", median(3) { for text in texts { _ = linter.check(text: text, encodingProblem: nil) } }),
    ]
    print("  \(label) per phase: " + times.map { "\($0.0) \(fixed($0.1 * 1000, 2)) ms (\(fixed(Double(bytes) / 1e6 / $0.1, 0)) MB/s)" }.joined(separator: ", "))
    // The rules that cost most, to know where to look next.
    let contexts = dossiers.map { RuleContext(dossier: $0, encodingProblem: nil) }
    let ruleTimes = RuleRegistry.all.map { rule in
        (rule.code, median(3) {
            for context in contexts {
                var sink = FindingSink(code: rule.code, severity: rule.defaultSeverity)
                rule.init().check(context, into: &sink)
            }
        })
    }.sorted { $0.1 > $1.1 }
    print("  \(label) costliest rules: " + ruleTimes.prefix(5).map { "\($0.0) \(fixed($0.1 * 1000, 2)) ms" }.joined(separator: ", ")
          + "; all \(RuleRegistry.all.count): \(fixed(ruleTimes.reduce(0) { $0 + $1.1 } * 1000, 2)) ms")
}
phases(corpus.map(\.bytes), label: "corpus")

let sizes = quick ? [250_000, 500_000, 1_000_000, 2_000_000] : [1_250_000, 2_500_000, 5_000_000, 10_000_000]
var times: [Double] = []
for size in sizes {
    let bytes = Array(dossier(&generator, index: 0, targetBytes: size).utf8)
    times.append(median(3) { _ = linter.lint(bytes: bytes) })
}
print("one \(sizes.last! / 1_000_000) MB dossier: \(fixed(times.last!, 3)) s")
print("growth at 1×, 2×, 4×, 8×: " + times.map { fixed($0 / times[0], 2) }.joined(separator: ", ") + " (linear: 1, 2, 4, 8)")

// The floor: counting lines of the same bytes, as `wc -l` does.
let flat = corpus.flatMap(\.bytes)
let wc = median(5) { var lines = 0; for b in flat where b == 0x0A { lines += 1 }; precondition(lines > 0) }
print("line count of the same bytes (the wc -l floor): \(fixed(Double(corpusBytes) / 1e6 / wc, 0)) MB/s")

// Cold start of the hoso binary built next to this one, on one small dossier.
let me = CommandLine.arguments[0]
let hoso = (me.contains("/") ? String(me[..<me.lastIndex(of: "/")!]) : ".") + "/hoso"
let sample = "/tmp/hoso-bench-sample.hoso"
if let file = fopen(sample, "w") { _ = corpus[0].bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }; fclose(file) }
if access(hoso, X_OK) == 0 {
    let cold = median(21) {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(hoso), strdup("lint"), strdup("--quiet"), strdup(sample), nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn(&pid, hoso, &actions, nil, argv, environ)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        posix_spawn_file_actions_destroy(&actions)
        for arg in argv { free(arg) }
    }
    print("cold start of `hoso lint` on one dossier: \(fixed(cold * 1000, 1)) ms")
} else {
    print("cold start: build the hoso product too (no \(hoso))")
}

// MARK: The language server, in process.

/// Counts what the server publishes; the benchmark only needs it to have been produced.
final class CountingSink: MessageSink {
    var published = 0
    func send(_ message: JSON) {
        var bytes: [UInt8] = []
        message.encode(into: &bytes)
        if message["method"]?.stringValue == "textDocument/publishDiagnostics" { published += 1 }
    }
}

func notification(_ method: String, _ params: JSON) -> [UInt8] {
    var bytes: [UInt8] = []
    Outgoing.notification(method, params).encode(into: &bytes)
    return bytes
}

func open(_ server: LanguageServer, _ uri: String, _ text: String) {
    server.handle(body: notification("textDocument/didOpen", .object([("textDocument", .object([
        ("uri", .string(uri)), ("languageId", .string("hoso")), ("version", .int(1)), ("text", .string(text))]))])))
}

func edit(_ uri: String, version: Int, line: Int) -> [UInt8] {
    let insert = version % 2 == 0
    let range: JSON = .object([("start", .object([("line", .int(line)), ("character", .int(0))])),
                               ("end", .object([("line", .int(line)), ("character", .int(insert ? 0 : 1))]))])
    return notification("textDocument/didChange", .object([
        ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
        ("contentChanges", .array([.object([("range", range), ("text", .string(insert ? "x" : ""))])]))]))
}

func startServer() -> (LanguageServer, CountingSink) {
    let sink = CountingSink()
    let server = LanguageServer(sink: sink)
    var bytes: [UInt8] = []
    Outgoing.request(id: .number(1), "initialize", .object([("capabilities", .object([]))])).encode(into: &bytes)
    server.handle(body: bytes)
    return (server, sink)
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

do {
    let (server, sink) = startServer()
    let big = dossier(&generator, index: 7, targetBytes: 200_000)
    phases([Array(big.utf8)], label: "200 KB dossier")
    open(server, "file:///bench/big.hoso", big)
    let edits = quick ? 200 : 1000
    let line = big.split(separator: "\n", omittingEmptySubsequences: false).count / 2
    var samples: [Double] = []
    for i in 0..<edits {
        let message = edit("file:///bench/big.hoso", version: i + 2, line: line)
        samples.append(seconds { server.handle(body: message) } * 1000)
    }
    precondition(sink.published >= edits)
    print("lsp didChange → publishDiagnostics, \(big.utf8.count / 1000) KB dossier, \(edits) edits: median \(fixed(percentile(samples, 0.5), 2)) ms, p99 \(fixed(percentile(samples, 0.99), 2)) ms")
}

do {
    let (server, _) = startServer()
    for i in 0..<50 { open(server, "file:///bench/ws/d\(i).hoso", String(decoding: corpus[i].bytes, as: UTF8.self)) }
    var samples: [Double] = []
    for i in 0..<(quick ? 50 : 200) {
        let message = edit("file:///bench/ws/d0.hoso", version: i + 2, line: 20)
        samples.append(seconds { server.handle(body: message) } * 1000)
    }
    print("lsp cross-file recheck, 50 open dossiers: median \(fixed(percentile(samples, 0.5), 2)) ms, p99 \(fixed(percentile(samples, 0.99), 2)) ms")
}

/// Resident memory of this process, from /proc (Linux).
func residentMB() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(cString: line)
        if text.hasPrefix("VmRSS:") { return Double(text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) / 1024 }
    }
    return 0
}

do {
    let (server, _) = startServer()
    for i in 0..<100 { open(server, "file:///bench/mem/d\(i).hoso", String(decoding: corpus[i % corpus.count].bytes, as: UTF8.self)) }
    print("lsp resident memory with 100 open dossiers: \(fixed(residentMB(), 1)) MB for the whole benchmark process (its own corpus included)")
    withExtendedLifetime(server) {}
}
