// libFuzzer target: the input builds a small tree of odd entries (files, folders, FIFOs,
// symlinks to files, folders, devices, the root and outside, hard links, names in any case),
// then the folder walk and the bounded reader run over it. They must finish (-timeout), never
// name a file outside the tree, and read only regular files.
#if canImport(Glibc)
import Glibc
#endif

func fuzzWalker(_ bytes: [UInt8]) {
    let root = "/tmp/hoso-fuzz-walk-\(getpid())"
    removeTree(root)
    mkdir(root, 0o755)
    var folders = [root], made: [String] = []
    let names = ["a.hoso", "B.HOSO", "c.hoso.txt", "d", ".e.hoso", "f.txt"]
    var i = 0
    while i + 2 < bytes.count && made.count < 24 {
        let op = bytes[i] % 7, folder = folders[Int(bytes[i + 1]) % folders.count]
        let path = "\(folder)/\(made.count)\(names[Int(bytes[i + 2]) % names.count])"
        i += 3
        switch op {
        case 0:
            let length = min(Int(bytes[i - 1]), bytes.count - i)
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 { try? FileDescriptor(rawValue: fd).writeAll(Array(bytes[i..<(i + length)])); close(fd) }
            i += length
        case 1:
            if mkdir(path, 0o755) == 0 { folders.append(path) }
        case 2: mkfifo(path, 0o644)
        case 3:
            let targets = ["/", "/dev/zero", "/etc/hostname", "..", ".", root] + made
            symlink(targets[Int(bytes[i - 1]) % targets.count], path)
        case 4:
            if let target = made.last { link(target, path) }
        case 5: symlink(path, path)  // a link to itself
        default: chmod(folder, bytes[i - 1] % 2 == 0 ? 0o755 : 0o000)
        }
        made.append(path)
    }
    let files = (try? FileWalker.dossiers(at: root, excluded: { _ in false })) ?? []
    let canonicalRoot = FileWalker.canonical(root) + "/"
    for file in files {
        precondition(FileWalker.canonical(file).hasPrefix(canonicalRoot), "the walk left the tree: \(file)")
        _ = try? FileWalker.contents(file)
    }
    for folder in folders { chmod(folder, 0o755) }
    removeTree(root)
}

/// Removes a folder and everything in it, links not followed.
func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFDIR {
        chmod(path, 0o755)
        for name in (try? FileSystem.entries(ofFolder: path)) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}
