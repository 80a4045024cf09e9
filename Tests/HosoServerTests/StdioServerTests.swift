#if canImport(Glibc)
import Glibc
#endif
import XCTest
import HosoProtocol
import HosoSystem
@testable import HosoServer

/// The stdio front: cancellation as messages arrive, over real pipes.
final class StdioServerTests: XCTestCase {
    func frame(_ json: String) -> [UInt8] { MessageFramer.frame(Array(json.utf8)) }

    /// Runs a server on pipes over `stream`; returns what it wrote and the server.
    func serve(_ stream: [UInt8]) -> (String, StdioServer) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&input), 0)
        XCTAssertEqual(pipe(&output), 0)
        let server = StdioServer(input: FileDescriptor(rawValue: input[0]), output: FileDescriptor(rawValue: output[1]))
        let done = DispatchSemaphore(value: 0)
        let serverOutput = output[1], clientInput = input[1]
        let thread = Thread { _ = server.run(); close(serverOutput); done.signal() }
        thread.start()
        let writer = Thread {
            stream.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(clientInput, buffer.baseAddress! + offset, buffer.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(clientInput)
        }
        writer.start()
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(output[0], &chunk, chunk.count)
            if n <= 0 { break }
            received += chunk[0..<n]
        }
        done.wait()
        close(input[0]); close(output[0])
        return (String(decoding: received, as: UTF8.self), server)
    }

    /// Over real pipes: `initialize` is answered, and a request sent after it is answered, before
    /// the workspace has finished loading (the progress report's end comes last).
    func testInitializeAndRequestsAreAnsweredWhileTheWorkspaceLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-stdio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dossier = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/phong-tchcqt.hoso"), encoding: .utf8)
        for i in 0..<400 { try Data(dossier.utf8).write(to: folder.appendingPathComponent("d\(i).hoso")) }
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&input), 0)
        XCTAssertEqual(pipe(&output), 0)
        let server = StdioServer(input: FileDescriptor(rawValue: input[0]), output: FileDescriptor(rawValue: output[1]))
        let serverOutput = output[1]
        let thread = Thread { _ = server.run(); close(serverOutput) }
        thread.start()
        func send(_ json: String) { _ = frame(json).withUnsafeBufferPointer { write(input[1], $0.baseAddress, $0.count) } }
        let root = FileURI.uri(folder.path)
        send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root)","capabilities":{"window":{"workDoneProgress":true}}}}"#)
        send(#"{"jsonrpc":"2.0","id":"hoso-1","result":null}"#)  // accepts the progress token
        send(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.hoso"},"position":{"line":0,"character":0}}}"#)
        var received = ""
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !received.contains(#""kind":"end""#) {
            let n = read(output[0], &chunk, chunk.count)
            if n <= 0 { break }
            received += String(decoding: chunk[0..<n], as: UTF8.self)
        }
        send(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        close(input[1])
        while true {
            let n = read(output[0], &chunk, chunk.count)
            if n <= 0 { break }
            received += String(decoding: chunk[0..<n], as: UTF8.self)
        }
        close(input[0]); close(output[0])
        func offset(_ needle: String) -> Int { received.range(of: needle).map { received.distance(from: received.startIndex, to: $0.lowerBound) } ?? -1 }
        let initialized = offset(#""id":1,"result""#), hovered = offset(#""id":2,"error""#)
        let begun = offset(#""kind":"begin""#), ended = offset(#""kind":"end""#)
        XCTAssertTrue(initialized >= 0 && hovered > initialized && begun > initialized, received.prefix(600).description)
        XCTAssertGreaterThan(ended, hovered, "the request was answered before the workspace finished loading")
        XCTAssertTrue(received.contains(#""id":3,"result":null"#))
    }

    func testACancelBeforeItsRequestDoesNotCancelItAndCancelNotesDoNotPileUp() {
        var stream = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        // A storm of cancels for ids never sent, and one for id 7 before request 7 exists.
        for id in 0..<20_000 { stream += frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"x\#(id)"}}"#) }
        stream += frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}"#)
        stream += frame(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#)
        stream += frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let (output, server) = serve(stream)
        XCTAssertTrue(output.contains(#""id":7,"result":null"#), String(output.suffix(300)))
        XCTAssertFalse(output.contains("-32800"))
        XCTAssertEqual(server.cancelNoteCount, 0)
    }
}
