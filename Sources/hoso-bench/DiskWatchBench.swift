import Dispatch
import HosoWorkspace

/// The server's own watching of files (for clients without dynamic file watching, such as
/// Neovim 0.7): the time of one poll of an unchanged workspace of `files` dossiers in folders of
/// 100 (a `stat` per file and folder, no listing), and of a poll after one file changed and one
/// was added. Prints the figures and returns the median unchanged poll in milliseconds.
@discardableResult
func measureDiskWatch(files: Int, bytes: [[UInt8]], under scratch: String) -> Double {
    let root = scratch + "/watched"
    makeFolder(root)
    for i in 0..<files {
        if i % 100 == 0 { makeFolder(root + "/o\(i / 100)") }
        write(bytes[i % bytes.count], to: root + "/o\(i / 100)/d\(i).hoso")
    }
    // Stamps taken within 100 ms of a write are not trusted (and looked at again): wait them out.
    _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(200))
    var watch = DiskWatch()
    let found = watch.walk(root) { _ in false }
    for path in found {
        if let stamp = FileWalker.stamp(ofPath: path) { watch.noteFile(path, stamp) }
    }
    // The places a hoso.json is looked for: the folders and those above.
    for folder in Set(found.map { $0.deletingLastPathComponent }) { watch.noteSetupFile(folder + "/hoso.json", nil) }
    watch.noteSetupFile(root + "/hoso.json", nil)
    var unchanged: [Double] = []
    var listed = 0
    for _ in 0..<21 {
        unchanged.append(seconds { _ = watch.poll { _ in false } } * 1000)
        listed += watch.foldersListed
    }
    let counts = watch.counts
    write(Array("changed".utf8), to: root + "/o0/d0.hoso")
    write(bytes[0], to: root + "/o1/new.hoso")
    var changes = DiskWatch.Changes()
    let changed = seconds { changes = watch.poll { _ in false } } * 1000
    let median = percentile(unchanged, 0.5)
    print("disk watch (the server polls when the client cannot watch files): \(counts.files) dossiers, \(counts.folders) folders, \(counts.setupFiles) hoso.json places: unchanged poll median \(fixed(median, 2)) ms, max \(fixed(unchanged.max() ?? 0, 2)) ms, \(listed) folders listed in 21 polls; a poll finding \(changes.changed.count) changed and \(changes.created.count) new: \(fixed(changed, 2)) ms")
    return median
}
