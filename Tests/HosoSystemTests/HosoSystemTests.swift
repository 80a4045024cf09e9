#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XCTest
import HosoSystem

/// The operating-system layer on this machine: processes and pipes, file identity and kinds,
/// the pieces of an atomic replace, terminals.
final class HosoSystemTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-system-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func makeFile(_ name: String, _ text: String, permissions: Int = 0o644) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        return path
    }

    func contents(_ path: String) throws -> String {
        let file = try FileDescriptor.openForReading(path)
        defer { try? file.close() }
        let (bytes, error) = file.readAll()
        XCTAssertNil(error)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Processes and pipes

    func testBytesGoThroughAChildAndBack() throws {
        let toChild = try FileDescriptor.makePipe(), fromChild = try FileDescriptor.makePipe()
        let child = try ChildProcess.spawn(["cat"], searchingPath: true, standardInput: .descriptor(toChild.readEnd),
                                           standardOutput: .descriptor(fromChild.writeEnd), standardError: .null,
                                           closing: [toChild.readEnd, toChild.writeEnd, fromChild.readEnd, fromChild.writeEnd])
        try toChild.readEnd.close()
        try fromChild.writeEnd.close()
        let message = Array("xin chào, hồ sơ\n".utf8) + [UInt8](repeating: 0x41, count: 200_000)
        let writer = Thread {
            try? toChild.writeEnd.writeAll(message)
            try? toChild.writeEnd.close()
        }
        writer.start()
        let (received, error) = fromChild.readEnd.readAll()
        try fromChild.readEnd.close()
        XCTAssertNil(error)
        XCTAssertEqual(received, message)
        XCTAssertEqual(child.wait(), 0)
        XCTAssertGreaterThan(child.id, 0)
    }

    func testExitCodesAndSignalsAreReported() throws {
        XCTAssertEqual(try ChildProcess.spawn(["sh", "-c", "exit 3"], searchingPath: true).wait(), 3)
        XCTAssertEqual(try ChildProcess.spawn(["/bin/sh", "-c", "kill -TERM $$"]).wait(), 128 + 15)
    }

    func testAProgramThatIsNotThereIsATypedError() {
        XCTAssertThrowsError(try ChildProcess.spawn(["hoso-no-such-program"], searchingPath: true)) { error in
            let error = error as? SystemError
            XCTAssertEqual(error?.operation, .spawn)
            XCTAssertEqual(error?.kind, .notFound)
            XCTAssertEqual(error?.path, "hoso-no-such-program")
        }
        XCTAssertNil(CurrentProcess.executable(named: "hoso-no-such-program"))
        XCTAssertNotNil(CurrentProcess.executable(named: "sh"))
    }

    func testReadAllStopsAtItsLimit() throws {
        let pipe = try FileDescriptor.makePipe()
        try pipe.writeEnd.writeAll(Array(repeating: 7, count: 1000))
        try pipe.writeEnd.close()
        XCTAssertEqual(pipe.readEnd.readAll(limit: 10).bytes.count, 10)
        XCTAssertEqual(pipe.readEnd.readAll().bytes.count, 990)
        try pipe.readEnd.close()
    }

    func testWritingToAPipeWithoutReaderIsABrokenPipe() throws {
        CurrentProcess.ignoreBrokenPipe()
        let pipe = try FileDescriptor.makePipe()
        try pipe.readEnd.close()
        XCTAssertThrowsError(try pipe.writeEnd.writeAll([1, 2, 3])) { error in
            XCTAssertEqual((error as? SystemError)?.kind, .brokenPipe)
            XCTAssertEqual((error as? SystemError)?.operation, .write)
        }
        try pipe.writeEnd.close()
    }

    func testAPipeIsNotATerminal() throws {
        let pipe = try FileDescriptor.makePipe()
        XCTAssertFalse(pipe.readEnd.isTerminal)
        XCTAssertFalse(pipe.writeEnd.isTerminal)
        XCTAssertEqual(try pipe.readEnd.status().kind, .fifo)
        try pipe.readEnd.close()
        try pipe.writeEnd.close()
    }

    // MARK: Identity and kinds

    func testAHardLinkIsTheSameFileAndACopyIsNot() throws {
        let original = try makeFile("a.hoso", "nội dung")
        let link = folder + "/link.hoso", copy = folder + "/copy.hoso"
        try FileManager.default.linkItem(atPath: original, toPath: link)
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        let status = try FileStatus(path: original)
        XCTAssertEqual(try FileStatus(path: link).identity, status.identity)
        XCTAssertNotEqual(try FileStatus(path: copy).identity, status.identity)
        XCTAssertEqual(status.linkCount, 2)
        XCTAssertEqual(try FileStatus(path: copy).linkCount, 1)
        XCTAssertEqual(status.size, "nội dung".utf8.count)
        let opened = try FileDescriptor.openForReading(link)
        XCTAssertEqual(try opened.status().identity, status.identity)
        try opened.close()
    }

    func testKindsOfFiles() throws {
        let file = try makeFile("a.hoso", "x")
        let link = folder + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let fifo = folder + "/fifo.hoso"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(try FileStatus(path: file).kind, .regular)
        XCTAssertEqual(try FileStatus(path: folder).kind, .directory)
        XCTAssertEqual(try FileStatus(path: link).kind, .regular)
        XCTAssertEqual(try FileStatus(path: link, followingLinks: false).kind, .symbolicLink)
        XCTAssertEqual(try FileStatus(path: fifo).kind, .fifo)
        XCTAssertEqual(try FileStatus(path: "/dev/null").kind, .characterDevice)
        XCTAssertEqual(try FileSystem.entries(ofFolder: folder).sorted(), ["a.hoso", "fifo.hoso", "link"])
        XCTAssertEqual(FileSystem.canonicalPath(link), FileSystem.canonicalPath(file))
        XCTAssertNil(FileSystem.canonicalPath(folder + "/missing"))
    }

    func testAFIFOOpensWithoutWaitingAndSaysWhetherAWriterIsThere() throws {
        let fifo = folder + "/fifo.hoso"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let reader = try FileDescriptor.openForReading(fifo, nonBlocking: true)
        var chunk = [UInt8](repeating: 0, count: 16)
        XCTAssertEqual(try reader.read(into: &chunk), 0)  // no writer: end of input at once
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(writer, 0)
        XCTAssertThrowsError(try reader.read(into: &chunk)) { error in
            XCTAssertEqual((error as? SystemError)?.kind, .wouldBlock)
        }
        try FileDescriptor(rawValue: writer).writeAll(Array("abc".utf8))
        try FileDescriptor(rawValue: writer).close()
        try reader.setBlocking()
        XCTAssertEqual(reader.readAll().bytes, Array("abc".utf8))
        try reader.close()
    }

    func testErrorsNameTheirPathAndCause() throws {
        XCTAssertThrowsError(try FileStatus(path: folder + "/missing")) { error in
            let error = error as? SystemError
            XCTAssertEqual(error?.kind, .notFound)
            XCTAssertEqual(error?.operation, .status)
            XCTAssertEqual(error?.path, folder + "/missing")
            XCTAssertEqual(error?.reason, "No such file or directory")
        }
        let loop = folder + "/loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        XCTAssertThrowsError(try FileDescriptor.openForReading(loop)) { error in
            XCTAssertEqual((error as? SystemError)?.kind, .linkLoop)
        }
        XCTAssertThrowsError(try FileSystem.entries(ofFolder: folder + "/missing")) { error in
            XCTAssertEqual((error as? SystemError)?.operation, .list)
        }
    }

    func testModificationTimesAreOnTheWallClock() throws {
        let before = FileTime.now()
        let file = try makeFile("a.hoso", "x")
        let modified = try FileStatus(path: file).modified
        XCTAssertLessThan(abs(modified.nanoseconds(since: before)), 5_000_000_000)
        XCTAssertGreaterThanOrEqual(FileTime.now().nanoseconds(since: before), 0)
    }

    // MARK: Atomic replace

    func testAReplacementKeepsPermissionsAndLeavesNoTemporaryFile() throws {
        for permissions in [0o640, 0o755, 0o600] {
            let target = try makeFile("a.hoso", "cũ", permissions: permissions)
            let status = try FileStatus(path: target)
            XCTAssertEqual(status.permissions, UInt32(permissions))
            let temporary = try FileSystem.writeTemporaryFile(in: folder, namedAfter: "a.hoso", contents: Array("mới".utf8),
                                                              owner: status.owner, permissions: status.permissions,
                                                              attributesFrom: target)
            XCTAssertTrue(temporary.hasPrefix(folder + "/.a.hoso.hoso-tmp-"))
            try FileSystem.rename(temporary, to: target)
            FileSystem.syncFolder(folder)
            XCTAssertEqual(try contents(target), "mới")
            XCTAssertEqual(try FileStatus(path: target).permissions, UInt32(permissions))
            XCTAssertEqual(try FileSystem.entries(ofFolder: folder), ["a.hoso"])
        }
    }

    func testAnExchangeSwapsTwoFilesOrSaysItCannot() throws {
        let target = try makeFile("a.hoso", "cũ")
        let temporary = try FileSystem.writeTemporaryFile(in: folder, namedAfter: "a.hoso", contents: Array("mới".utf8),
                                                          owner: .current, permissions: 0o644, attributesFrom: nil)
        guard try FileSystem.exchange(temporary, target) else {
            throw XCTSkip("no atomic exchange on this file system")
        }
        XCTAssertEqual(try contents(target), "mới")
        XCTAssertEqual(try contents(temporary), "cũ")
        try FileSystem.remove(temporary)
        XCTAssertEqual(try FileSystem.entries(ofFolder: folder), ["a.hoso"])
        XCTAssertThrowsError(try FileSystem.exchange(folder + "/missing", target)) { error in
            XCTAssertEqual((error as? SystemError)?.kind, .notFound)
        }
    }

    func testATemporaryFileThatCannotBeMadeSaysWhichStepFailed() throws {
        XCTAssertThrowsError(try FileSystem.writeTemporaryFile(in: folder + "/missing", namedAfter: "a.hoso", contents: [1],
                                                               owner: .current, permissions: 0o644, attributesFrom: nil)) { error in
            XCTAssertEqual((error as? SystemError)?.operation, .createTemporary)
            XCTAssertEqual((error as? SystemError)?.path, folder + "/missing")
        }
        XCTAssertThrowsError(try FileSystem.writeTemporaryFile(in: folder, namedAfter: "a.hoso", contents: [1], owner: .current,
                                                               permissions: 0o644, attributesFrom: folder + "/missing")) { error in
            XCTAssertEqual((error as? SystemError)?.operation, .copyAttributes)
        }
        XCTAssertEqual(try FileSystem.entries(ofFolder: folder), [])
    }

    func testNewFilesTakeTheUmask() {
        let mask = umask(0o027)
        defer { umask(mask) }
        XCTAssertEqual(FileSystem.newFilePermissions, 0o640)
    }

    func testThisProcessIsKnown() {
        XCTAssertEqual(CurrentProcess.id, getpid())
        XCTAssertEqual(FileOwner.current, FileOwner(user: geteuid(), group: getegid()))
        let executable = CurrentProcess.executablePath()
        XCTAssertNotNil(executable)
        XCTAssertEqual(try executable.map { try FileStatus(path: $0).kind }, .regular)
    }
}
