/// Where two versions of a text differ: one window, with everything before it the same and
/// everything after it the same but shifted.
///
/// An editor's keystroke changes a few bytes of a long text; the layers above re-check only what
/// lies in (or depends on) the window and reuse the rest (docs/architecture: "Incremental
/// re-check").
public struct TextChange: Sendable, Equatable {
    /// The bytes before this offset are the same in both versions.
    public let start: Int
    /// Where the changed bytes end in the old version.
    public let oldEnd: Int
    /// Where the changed bytes end in the new version.
    public let newEnd: Int

    public init(start: Int, oldEnd: Int, newEnd: Int) {
        self.start = start
        self.oldEnd = oldEnd
        self.newEnd = newEnd
    }

    /// How far the bytes after the window moved (new offset minus old offset).
    public var delta: Int { newEnd - oldEnd }

    /// The smallest window outside which `old` and `new` hold the same bytes: the longest common
    /// prefix, then the longest common suffix of what remains. Compares eight bytes at a time.
    public init(from old: [UInt8], to new: [UInt8]) {
        let limit = min(old.count, new.count)
        let prefix = old.withUnsafeBytes { a in
            new.withUnsafeBytes { b in Self.commonPrefix(a, b, limit) }
        }
        let suffix = old.withUnsafeBytes { a in
            new.withUnsafeBytes { b in Self.commonSuffix(a, b, limit - prefix) }
        }
        self.init(start: prefix, oldEnd: old.count - suffix, newEnd: new.count - suffix)
    }

    /// The length of the common prefix of `a` and `b`, at most `limit`.
    static func commonPrefix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ limit: Int) -> Int {
        var i = 0
        while i + 8 <= limit
                && a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            i += 8
        }
        while i < limit && a[i] == b[i] { i += 1 }
        return i
    }

    /// The length of the common suffix of `a` and `b`, at most `limit`.
    static func commonSuffix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ limit: Int) -> Int {
        var n = 0
        let aEnd = a.count, bEnd = b.count
        while n + 8 <= limit
                && a.loadUnaligned(fromByteOffset: aEnd - n - 8, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: bEnd - n - 8, as: UInt64.self) {
            n += 8
        }
        while n < limit && a[aEnd - n - 1] == b[bEnd - n - 1] { n += 1 }
        return n
    }
}

extension SourceText {
    /// The text with `range` replaced by `replacement`, its line index updated around the edit
    /// rather than rebuilt: what an editor's change costs is proportional to the change and the
    /// number of lines, not to the bytes.
    public func replacing(_ range: Range<Int>, with replacement: [UInt8]) -> SourceText {
        // Three block copies (memcpy), not an element-wise replaceSubrange of the whole text.
        let count = bytes.count - range.count + replacement.count
        let newBytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let out = buffer.baseAddress else { initialized = 0; return }
            bytes.withUnsafeBufferPointer { old in
                guard let base = old.baseAddress else { return }
                out.initialize(from: base, count: range.lowerBound)
                out.advanced(by: range.lowerBound + replacement.count)
                    .initialize(from: base.advanced(by: range.upperBound), count: old.count - range.upperBound)
            }
            replacement.withUnsafeBufferPointer { inserted in
                if let source = inserted.baseAddress { out.advanced(by: range.lowerBound).initialize(from: source, count: inserted.count) }
            }
            initialized = count
        }
        let change = TextChange(start: range.lowerBound, oldEnd: range.upperBound,
                                newEnd: range.lowerBound + replacement.count)
        return SourceText(utf8: newBytes, encoding: encoding,
                          lineIndex: lineIndex.updated(for: change, oldBytes: bytes, newBytes: newBytes))
    }
}

extension LineIndex {
    /// The index of `newBytes`, made from this index of `oldBytes` and the window where they differ.
    ///
    /// Lines ending before the window keep their offsets; the lines around it are scanned again,
    /// from the line before the window (a CR there may pair with an LF inserted after it) to the
    /// first line start past the window; the later lines are this index's, shifted.
    func updated(for change: TextChange, oldBytes: [UInt8], newBytes: [UInt8]) -> LineIndex {
        // First line to scan again: the one holding the byte before the window.
        let firstLine = line(containing: max(0, change.start - 1))
        let scanStart = lineStart(firstLine)
        var starts = Array(lineStarts[0...firstLine])
        var ends = Array(contentEnds[0..<firstLine])
        var lf = 0, crlf = 0
        // Scan the new text until a line starts on an unchanged terminator past the window: from
        // there on, the old lines (shifted) are the new ones.
        var resumeOldLine: Int?
        var i = scanStart
        let n = newBytes.count
        while i < n {
            let b = newBytes[i]
            if b == 0x0A || b == 0x0D {
                let terminator = i
                ends.append(UInt32(i))
                if b == 0x0D && i + 1 < n && newBytes[i + 1] == 0x0A { i += 1; crlf += 1 } else if b == 0x0A { lf += 1 }
                let next = i + 1
                starts.append(UInt32(next))
                // The terminator lies wholly after the window: the old text has the same line start.
                if terminator >= change.newEnd {
                    let oldStart = next - change.delta
                    let k = line(containing: oldStart)
                    if lineStart(k) == oldStart { resumeOldLine = k; break }
                }
            }
            i += 1
        }
        // Terminators of the old lines that were scanned again are no longer counted.
        var oldLF = 0, oldCRLF = 0
        let oldScanEnd = resumeOldLine.map(lineStart) ?? oldBytes.count
        var j = scanStart
        while j < oldScanEnd {
            let b = oldBytes[j]
            if b == 0x0A { oldLF += 1 } else if b == 0x0D && j + 1 < oldBytes.count && oldBytes[j + 1] == 0x0A { oldCRLF += 1; j += 1 }
            j += 1
        }
        if let k = resumeOldLine {
            let delta = Int64(change.delta)
            for line in (k + 1)..<lineCount { starts.append(UInt32(Int64(lineStarts[line]) + delta)) }
            for line in k..<lineCount { ends.append(UInt32(Int64(contentEnds[line]) + delta)) }
        } else {
            ends.append(UInt32(n))
        }
        return LineIndex(lineStarts: starts, contentEnds: ends, lfCount: lfCount - oldLF + lf, crlfCount: crlfCount - oldCRLF + crlf)
    }
}

extension Range where Bound == Int {
    /// The same range `delta` bytes further on.
    @inlinable public func shifted(by delta: Int) -> Range<Int> { (lowerBound + delta)..<(upperBound + delta) }
}
