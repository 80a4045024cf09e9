// libFuzzer target: arbitrary bytes as the server's stdin stream, framed in uneven chunks and
// dispatched to a LanguageServer that has an example dossier open; also each input as one body.

final class DiscardingSink: MessageSink {
    var count = 0
    func send(_ message: JSON) {
        var bytes: [UInt8] = []
        message.encode(into: &bytes)
        count += bytes.count
    }
    var scheduled: [() -> Void] = []
    func schedule(_ work: @escaping () -> Void) { scheduled.append(work) }
    func offload<Result: Sendable>(_ work: @escaping @Sendable () -> Result, then: @escaping (Result) -> Void) {
        scheduled.append { then(work()) }
    }
    /// Timers (the server's own watching of files) never fire in a fuzz run.
    func schedule(after delay: Duration, _ work: @escaping () -> Void) -> ScheduledWork { ScheduledWork() }
    /// Runs the server's background work to the end, as the stdio runner would between messages.
    func settle() {
        while !scheduled.isEmpty { scheduled.removeFirst()() }
    }
}

let exampleDossier = "Đơn vị: Phòng A\n# TỜ TRÌNH\nSố: 1/TTr-A\nSơn La, ngày 18 tháng 5 năm 2022\n## DANH SÁCH ĐỀ NGHỊ\n### Cá nhân: Nguyễn Thị Hoa\nChức vụ: Chuyên viên\nHình thức: HTXSNV\nNăm 2019: HTTNV\n# BIÊN BẢN HỌP XÉT\n## KẾT QUẢ BIỂU QUYẾT\n- Nguyễn Thị Hoa: 8/9 đồng ý (90%)\n"

func framed(_ json: String) -> [UInt8] { MessageFramer.frame(Array(json.utf8)) }

func fuzzProtocol(_ bytes: [UInt8]) {
    let sink = DiscardingSink()
    let server = LanguageServer(sink: sink)
    server.handle(body: Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#.utf8))
    server.handle(body: Array(("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///f/a.hoso\",\"languageId\":\"hoso\",\"version\":1,\"text\":" + JSONText.quote(exampleDossier) + "}}}").utf8))
    // 1. The input as one message body.
    server.handle(body: bytes)
    sink.settle()
    // 2. The input as a byte stream, fed in chunks whose sizes come from the input itself.
    var framer = MessageFramer(maxBodyBytes: 1 << 16)
    var offset = 0
    var step = 1
    while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        framer.push(bytes[offset..<end])
        while let event = framer.next() {
            if case .message(let body) = event { server.handle(body: body); sink.settle() }
        }
        step = Int(bytes[offset] % 17) + 1
        offset = end
    }
}
