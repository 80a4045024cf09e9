import Dispatch
import HosoProtocol
import HosoSystem
import Synchronization

/// Runs a `LanguageServer` on stdin/stdout: one blocking reader thread that frames bytes into
/// messages, one serial queue that handles them in order and is the only writer to stdout.
///
/// `$/cancelRequest` is noticed by the reader as it arrives, so a request still waiting in the
/// queue is answered with -32800 instead of being run. Messages are numbered as they arrive: a
/// cancel only stops a request that came before it (not one sent later with the same id), and
/// its note is dropped when the queue reaches the cancel itself, so notes for unknown or
/// finished ids do not pile up.
/// `@unchecked Sendable`: `server` is only touched on `queue`; `cancelled` is a Mutex.
public final class StdioServer: MessageSink, @unchecked Sendable {
    private let input: FileDescriptor
    private let output: FileDescriptor
    private let queue = DispatchQueue(label: "hoso.lsp")
    /// Request id → the arrival number of the cancel that names it.
    private let cancelled = Mutex<[RequestID: Int]>([:])
    /// Most cancel notes kept at once (a storm beyond it is ignored, not stored).
    static let maxCancelNotes = 4096
    private var server: LanguageServer!

    public init(input: FileDescriptor = .standardInput, output: FileDescriptor = .standardOutput) {
        self.input = input
        self.output = output
        server = LanguageServer(sink: self)
    }

    /// Serves until `exit` or end of input; returns the process exit status.
    public func run() -> Int32 {
        CurrentProcess.ignoreBrokenPipe()
        var framer = MessageFramer()
        let limit = framer.maxBodyBytes
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var arrival = 0
        reading: while true {
            guard let n = try? input.read(into: &chunk), n > 0 else { break }
            framer.push(chunk[0..<n])
            while let event = framer.next() {
                switch event {
                case .message(let body):
                    arrival += 1
                    let number = arrival
                    noteCancellation(body, arrival: number)
                    queue.async { self.process(body, arrival: number) }
                case .badHeader(let problem):
                    queue.async { self.send(Outgoing.error(id: nil, ResponseError(.parseError, "bad header: \(problem)"))) }
                case .tooLarge(let length):
                    queue.async { self.send(Outgoing.error(id: nil, ResponseError(.invalidRequest, "message of \(length) bytes is over the \(limit)-byte limit"))) }
                }
            }
            if queue.sync(execute: { server.exitStatus != nil }) { break reading }
        }
        return queue.sync { server.exitStatus ?? 1 }
    }

    /// Records the id of a `$/cancelRequest` without waiting for the queue.
    private func noteCancellation(_ body: [UInt8], arrival: Int) {
        guard let id = Self.cancelledID(body) else { return }
        cancelled.withLock { notes in
            if notes.count < Self.maxCancelNotes || notes[id] != nil { notes[id] = arrival }
        }
    }

    /// The id a `$/cancelRequest` names, if `body` is one.
    static func cancelledID(_ body: [UInt8]) -> RequestID? {
        guard body.count < 4096, String(decoding: body, as: UTF8.self).contains("$/cancelRequest"),
              let json = try? JSONParser.parse(body), json["method"]?.stringValue == "$/cancelRequest" else { return nil }
        return json["params"]?["id"].flatMap(RequestID.init)
    }

    private func process(_ body: [UInt8], arrival: Int) {
        guard server.exitStatus == nil else { return }
        if let id = Self.cancelledID(body) {
            // Everything before this cancel has been handled: its note has done its work.
            cancelled.withLock { notes in if notes[id] == arrival { notes[id] = nil } }
        } else if let json = try? JSONParser.parse(body), case .success(.request(let id, _, _)) = Message.decode(json),
                  cancelled.withLock({ notes in
                      guard let cancel = notes[id], cancel > arrival else { return false }
                      notes[id] = nil
                      return true
                  }) {
            server.cancelled(id)
            return
        }
        server.handle(body: body)
    }

    /// How many cancel notes are held (for tests).
    var cancelNoteCount: Int { cancelled.withLock { $0.count } }

    public func schedule(_ work: @escaping () -> Void) {
        let work = UncheckedWork(run: work)  // run on `queue`, like every use of `server`
        queue.async { work.run() }
    }

    public func schedule(after delay: Duration, _ work: @escaping () -> Void) -> ScheduledWork {
        let handle = ScheduledWork()
        let work = UncheckedWork(run: work)  // run on `queue`, like every use of `server`
        let (seconds, attoseconds) = delay.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            if !handle.isCancelled { work.run() }
        }
        return handle
    }

    public func offload<Result: Sendable>(_ work: @escaping @Sendable () -> Result, then: @escaping (Result) -> Void) {
        let then = UncheckedContinuation(run: then)
        DispatchQueue.global().async {
            let result = work()
            self.queue.async { then.run(result) }
        }
    }

    public func send(_ message: JSON) {
        var body: [UInt8] = []
        message.encode(into: &body)
        do { try output.writeAll(MessageFramer.frame(body)) } catch { CurrentProcess.exit(1) }  // the client is gone
    }
}

/// A closure over the server, which only ever runs on the server's queue.
private struct UncheckedWork: @unchecked Sendable {
    let run: () -> Void
}

/// What to do with an offloaded result, on the server's queue only.
private struct UncheckedContinuation<Result>: @unchecked Sendable {
    let run: (Result) -> Void
}
