/// What the framing layer found in the byte stream.
public enum FrameEvent: Equatable, Sendable {
    /// A complete message body.
    case message([UInt8])
    /// A header block that could not be understood; it was skipped.
    case badHeader(String)
    /// A body longer than the limit; its bytes are skipped as they arrive.
    case tooLarge(Int)
}

/// The LSP base protocol's framing (`Content-Length: N\r\n\r\n` + N bytes) as a byte-level state
/// machine: feed it whatever `read` returned, take out the events.
public struct MessageFramer: Sendable {
    enum State: Sendable {
        case header
        case body(length: Int)
        case skipping(remaining: Int)
    }

    /// Largest body accepted; larger ones are skipped and reported.
    public let maxBodyBytes: Int
    /// Largest header block; a longer one is garbage and is dropped.
    public let maxHeaderBytes = 16 * 1024
    private var state = State.header
    private var buffer: [UInt8] = []
    private var start = 0

    public init(maxBodyBytes: Int = 128 * 1024 * 1024) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Adds bytes read from the stream.
    public mutating func push(_ bytes: ArraySlice<UInt8>) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        if case .skipping(let remaining) = state {
            let dropped = min(remaining, bytes.count)
            state = remaining - dropped > 0 ? .skipping(remaining: remaining - dropped) : .header
            buffer.append(contentsOf: bytes.dropFirst(dropped))
            return
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event, if the buffered bytes complete one.
    public mutating func next() -> FrameEvent? {
        while true {
            switch state {
            case .skipping:
                return nil
            case .body(let length):
                guard buffer.count - start >= length else { return nil }
                let body = Array(buffer[start..<(start + length)])
                start += length
                state = .header
                compact()
                return .message(body)
            case .header:
                guard let end = headerEnd() else {
                    if buffer.count - start > maxHeaderBytes {
                        buffer.removeAll()
                        start = 0
                        return .badHeader("header block longer than \(maxHeaderBytes) bytes")
                    }
                    return nil
                }
                let header = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 4
                switch Self.contentLength(header) {
                case .failure(let problem):
                    compact()
                    return .badHeader(problem.text)
                case .success(let length) where length > maxBodyBytes:
                    let available = min(buffer.count - start, length)
                    start += available
                    state = length - available > 0 ? .skipping(remaining: length - available) : .header
                    compact()
                    return .tooLarge(length)
                case .success(let length):
                    state = .body(length: length)
                }
            }
        }
    }

    private mutating func compact() {
        if start > 65536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
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
                length = n
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
