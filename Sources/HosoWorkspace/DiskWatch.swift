import HosoSystem

/// Notices what changed on disk by `stat` alone, for a language server whose client cannot
/// watch files: the dossiers read, the folders walked, and the configs and profiles the
/// setups came from (and the places a `hoso.json` was looked for), each with the `Stamp` it
/// had when it was read.
///
/// A poll stats every path it knows and lists again only the folders whose own stamp changed
/// (an entry added, removed or renamed changes a folder's mtime; a file's content does not), so
/// an unchanged tree costs one `stat` per file and folder and no listing.
///
/// A file system keeps mtimes at the resolution of a clock tick (milliseconds): a stamp taken
/// within `racyWindow` of the modification it shows could hide a second change in the same tick
/// ("racily clean", as git says). Such a file is reported changed, and such a folder listed, at
/// the next poll as well; the caller reading it again finds the same text and does nothing.
public struct DiskWatch: Sendable {
    /// What a poll found.
    public struct Changes: Equatable, Sendable {
        /// Dossiers that appeared in a folder watched (new folders are walked whole).
        public var created: [String] = []
        /// Dossiers whose stamp changed, or was too recent to tell.
        public var changed: [String] = []
        /// Dossiers that are gone.
        public var removed: [String] = []
        /// Whether a config or profile changed, appeared or disappeared.
        public var setupChanged = false

        public init() {}

        public var isEmpty: Bool { created.isEmpty && changed.isEmpty && removed.isEmpty && !setupChanged }
    }

    /// A stamp and whether it is too recent to prove that nothing changed since.
    struct Seen: Sendable {
        var stamp: FileWalker.Stamp
        var racy: Bool

        init(_ stamp: FileWalker.Stamp, at time: FileTime) {
            self.stamp = stamp
            racy = time.nanoseconds(since: stamp.modified) < DiskWatch.racyWindow
        }
    }

    /// A folder watched: its stamp and the root of the walk that found it (for its links).
    struct Folder: Sendable {
        var seen: Seen
        let root: String
    }

    /// How close (in nanoseconds) to its modification a stamp must be taken to be trusted.
    static let racyWindow = 100_000_000

    private var files: [String: Seen] = [:]
    private var folders: [String: Folder] = [:]
    private var setupFiles: [String: FileWalker.Stamp?] = [:]
    /// How many folders the last poll listed (a new folder's walk counts each of its folders).
    public private(set) var foldersListed = 0

    public init() {}

    /// How many files, folders and setup files a poll stats.
    public var counts: (files: Int, folders: Int, setupFiles: Int) { (files.count, folders.count, setupFiles.count) }

    /// Walks a folder as `FileWalker.dossiers(at:)` does, watching every folder listed; returns
    /// the dossiers (note each with `noteFile` once read).
    public mutating func walk(_ path: String, excluded: (String) -> Bool) -> [String] {
        var walked: [FileWalker.WalkedFolder] = []
        let found = (try? FileWalker.dossiers(at: path, excluded: excluded, folder: { walked.append($0) })) ?? []
        let time = FileTime.now()
        for folder in walked { folders[folder.path] = Folder(seen: Seen(folder.stamp, at: time), root: folder.root) }
        return found
    }

    /// A dossier read from disk, with the stamp `FileWalker.contents` gave.
    public mutating func noteFile(_ path: String, _ stamp: FileWalker.Stamp) {
        files[path] = Seen(stamp, at: FileTime.now())
    }

    /// Stops watching a dossier (it could not be read).
    public mutating func forgetFile(_ path: String) {
        files[path] = nil
    }

    /// Stops watching a folder and everything below it (a workspace folder removed).
    public mutating func forget(folder path: String) {
        let inside = path.hasSuffix("/") ? path : path + "/"
        folders = folders.filter { $0.key != path && !$0.key.hasPrefix(inside) }
        files = files.filter { !$0.key.hasPrefix(inside) }
    }

    /// A config or profile the setups were read from (or a place a `hoso.json` was looked for,
    /// with no stamp), as `SetupResolver.takeConsulted` gives it: the stamp taken before the read.
    public mutating func noteSetupFile(_ path: String, _ stamp: FileWalker.Stamp?) {
        setupFiles[path] = stamp
    }

    /// Stats everything watched and lists the folders whose stamp changed; returns what changed
    /// and watches it from now on. `excluded` is the walk's (a config's `exclude`).
    public mutating func poll(excluded: (String) -> Bool) -> Changes {
        var changes = Changes()
        let time = FileTime.now()
        foldersListed = 0
        for (path, seen) in setupFiles {
            let now = FileWalker.stamp(ofPath: path)
            if now != seen {
                setupFiles[path] = now
                changes.setupChanged = true
            }
        }
        for (path, seen) in files {
            guard let now = FileWalker.stamp(ofPath: path) else {
                files[path] = nil
                changes.removed.append(path)
                continue
            }
            if now != seen.stamp || seen.racy {
                files[path] = Seen(now, at: time)
                changes.changed.append(path)
            }
        }
        // Parents before children: a folder gone takes its subfolders with it.
        var due: [(path: String, root: String, stamp: FileWalker.Stamp?)] = []
        for (path, folder) in folders {
            let now = FileWalker.folderStamp(ofPath: path)
            if now != folder.seen.stamp || folder.seen.racy { due.append((path, folder.root, now)) }
        }
        for folder in due.sorted(by: { $0.path < $1.path }) where folders[folder.path] != nil {
            guard let stamp = folder.stamp else {
                // Its dossiers were found gone by their own stat above.
                let inside = folder.path + "/"
                folders = folders.filter { $0.key != folder.path && !$0.key.hasPrefix(inside) }
                continue
            }
            // The stamp taken before the listing: an entry added while it is listed changes it again.
            folders[folder.path] = Folder(seen: Seen(stamp, at: time), root: folder.root)
            foldersListed += 1
            guard let listing = FileWalker.listing(of: folder.path, root: folder.root, excluded: excluded) else { continue }
            var found = listing.dossiers
            for sub in listing.folders where folders[sub] == nil {
                var walked: [FileWalker.WalkedFolder] = []
                found += FileWalker.dossiers(under: sub, root: folder.root, excluded: excluded, folder: { walked.append($0) })
                for folder in walked { folders[folder.path] = Folder(seen: Seen(folder.stamp, at: time), root: folder.root) }
                foldersListed += walked.count
            }
            for path in found where files[path] == nil {
                if let stamp = FileWalker.stamp(ofPath: path) { files[path] = Seen(stamp, at: time) }
                changes.created.append(path)
            }
        }
        changes.created.sort()
        changes.changed.sort()
        changes.removed.sort()
        return changes
    }
}
