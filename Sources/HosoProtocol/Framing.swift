/// What the framing layer found in the byte stream.
public enum FrameEvent: Equatable, Sendable {
    /// A complete message body.
    case message([UInt8])
    /// A header block that could not be understood; it was skipped.
    case badHeader(String)
    /// A body longer than the limit; its bytes are skipped as they arrive (up to the next
    /// header, should one appear among them: the length was then a lie).
    case tooLarge(Int)
}

/// The LSP base protocol's framing (`Content-Length: N\r\n\r\n` + N bytes) as a byte-level state
/// machine: feed it whatever `read` returned, take out the events.
///
/// It resynchronizes after garbage. Blank bytes and a BOM before a header are skipped quietly.
/// After a header it cannot use, it reports the problem once and skips to the next
/// `Content-Length:` line. A body that holds a raw `Content-Length: N` + CRLF, which valid
/// JSON cannot (CR and LF only stand escaped in strings, and letters only in keywords outside
/// them), was given too large a length: it is cut there and framing goes on from that header.
/// The same holds for the bytes of a body over the limit, which are skipped: a header among them
/// ends the skip. Of two different `Content-Length` values in one header the larger is taken,
/// since a length too large is corrected by the next header and one too small is not.
public struct MessageFramer: Sendable {
    enum State: Sendable {
        case header
        /// A body of `length` bytes from `start`; no header starts before `scanned`.
        case body(length: Int, scanned: Int)
        case skipping(remaining: Int)
    }

    /// Largest body accepted; larger ones are skipped and reported.
    public let maxBodyBytes: Int
    /// Largest header block; a longer one is garbage and is dropped.
    public let maxHeaderBytes = 16 * 1024
    private var state = State.header
    private var buffer: [UInt8] = []
    private var start = 0
    /// Whether garbage is being skipped (reported once, when it began).
    private var resyncing = false

    public init(maxBodyBytes: Int = 128 * 1024 * 1024) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Adds bytes read from the stream.
    public mutating func push(_ bytes: ArraySlice<UInt8>) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event, if the buffered bytes complete one.
    public mutating func next() -> FrameEvent? {
        while true {
            switch state {
            case .skipping(let remaining):
                let available = min(buffer.count - start, remaining)
                if let header = headerStart(from: start, before: start + available) {
                    start = header
                    state = .header
                    continue
                }
                guard available < remaining else {
                    start += remaining
                    state = .header
                    compact()
                    continue
                }
                // Keep a tail that may be the beginning of a header.
                let dropped = max(0, available - Self.headerProbeBytes)
                start += dropped
                state = .skipping(remaining: remaining - dropped)
                compact()
                return nil
            case .body(let length, let scanned):
                let available = min(buffer.count, start + length)
                if let header = headerStart(from: max(scanned, start + 1), before: available) {
                    // A header inside the body: the length was wrong. The body ends where it begins.
                    let body = Array(buffer[start..<header])
                    start = header
                    state = .header
                    compact()
                    return .message(body)
                }
                guard buffer.count - start >= length else {
                    state = .body(length: length, scanned: max(start + 1, available - Self.headerProbeBytes))
                    return nil
                }
                let body = Array(buffer[start..<(start + length)])
                start += length
                state = .header
                compact()
                return .message(body)
            case .header:
                while start < buffer.count, [0x0D, 0x0A, 0x20, 0x09, 0xEF, 0xBB, 0xBF].contains(buffer[start]) { start += 1 }
                if resyncing {
                    // Garbage: skip to the next header, keeping a tail that may be one's beginning.
                    guard let header = headerStart(from: start, before: buffer.count) else {
                        start = max(start, buffer.count - Self.headerProbeBytes)
                        compact()
                        return nil
                    }
                    start = header
                    resyncing = false
                }
                guard let end = headerEnd() else {
                    if buffer.count - start > maxHeaderBytes {
                        resyncing = true
                        return .badHeader("header block longer than \(maxHeaderBytes) bytes")
                    }
                    return nil
                }
                let header = String(decoding: buffer[start..<end], as: UTF8.self)
                switch Self.contentLength(header) {
                case .failure(let problem):
                    start += 1
                    resyncing = true
                    return .badHeader(problem.text)
                case .success(let length) where length > maxBodyBytes:
                    start = end + 4
                    state = .skipping(remaining: length)
                    return .tooLarge(length)
                case .success(let length):
                    start = end + 4
                    state = .body(length: length, scanned: start + 1)
                }
            }
        }
    }

    /// How far back a header may start and still be incomplete at the end of the buffer.
    static let headerProbeBytes = 64

    /// The first offset in `from..<before` where a line `Content-Length: digits` + CRLF starts
    /// (the name in any case), complete within the buffer.
    private func headerStart(from: Int, before: Int) -> Int? {
        let name = Array("content-length:".utf8)
        var i = from
        while i + name.count < buffer.count && i < before {
            if buffer[i] | 0x20 == 0x63 {
                var k = 0
                while k < name.count && (buffer[i + k] | (name[k] >= 0x61 ? 0x20 : 0)) == name[k] { k += 1 }
                if k == name.count {
                    var j = i + k
                    while j < buffer.count && (buffer[j] == 0x20 || buffer[j] == 0x09) { j += 1 }
                    let digits = j
                    while j < buffer.count && buffer[j] >= 0x30 && buffer[j] <= 0x39 { j += 1 }
                    if j > digits, j + 1 < buffer.count, buffer[j] == 0x0D, buffer[j + 1] == 0x0A { return i }
                }
            }
            i += 1
        }
        return nil
    }

    private mutating func compact() {
        if start > 65536 && start * 2 > buffer.count {
            let shift = start
            buffer.removeFirst(shift)
            start = 0
            if case .body(let length, let scanned) = state { state = .body(length: length, scanned: max(0, scanned - shift)) }
        }
    }

    private func headerEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// The Content-Length of a header block, or why there is none.
    static func contentLength(_ header: String) -> Result<Int, HeaderProblemText> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return .failure(HeaderProblemText("header line without ':': \(line.prefix(80))")) }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else { return .failure(HeaderProblemText("Content-Length is not a non-negative integer: \(value.prefix(40))")) }
                length = max(length ?? 0, n)
            }
        }
        guard let length else { return .failure(HeaderProblemText("no Content-Length header")) }
        return .success(length)
    }

    /// Frames a body for writing.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// A header problem's description (a `Result` failure needs an `Error`).
public struct HeaderProblemText: Error, Equatable {
    public let text: String
    init(_ text: String) { self.text = text }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
