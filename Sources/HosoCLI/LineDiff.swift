/// Which lines of two texts correspond: the matches of a line-based diff, for `lint --diff`.
///
/// Lines are compared with their terminators (LF, CRLF or a lone CR, as `LineIndex` counts
/// them). Common leading and trailing lines are matched first; in between, lines that occur
/// exactly once in each text and in the same order (patience diff's anchors) split the rest
/// into gaps, and each gap gets Myers' O(ND) diff. Fixes are small local edits, so the gaps are
/// short and the whole stays near linear; a gap whose difference would cost more than
/// `maxDifferences` is shown as replaced outright, still a correct diff.
enum LineDiff {
    /// The most differences Myers' search looks for in one gap (its trace takes about the
    /// square of this in memory).
    static let maxDifferences = 2_000
    /// The most steps (lines × differences) Myers' search takes in one gap.
    static let maxWork = 20_000_000

    /// The byte ranges of a text's lines, each with its terminator.
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && i < bytes.count && bytes[i] == 0x0A { i += 1 }
                result.append(start..<i)
                start = i
            }
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// The matching line pairs (old index, new index), increasing in both.
    static func matches(_ old: [Int], _ new: [Int]) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        region(old, 0..<old.count, new, 0..<new.count, anchored: true, into: &result)
        return result
    }

    /// Matches a region: common ends, then anchors (once, at the top) or Myers in between.
    static func region(_ a: [Int], _ ar: Range<Int>, _ b: [Int], _ br: Range<Int>, anchored: Bool, into result: inout [(Int, Int)]) {
        var lowA = ar.lowerBound, lowB = br.lowerBound
        while lowA < ar.upperBound && lowB < br.upperBound && a[lowA] == b[lowB] {
            result.append((lowA, lowB))
            lowA += 1
            lowB += 1
        }
        var highA = ar.upperBound, highB = br.upperBound
        while highA > lowA && highB > lowB && a[highA - 1] == b[highB - 1] {
            highA -= 1
            highB -= 1
        }
        if lowA < highA && lowB < highB {
            let anchors = anchored ? uniqueAnchors(a, lowA..<highA, b, lowB..<highB) : []
            if anchors.isEmpty {
                myers(a, lowA..<highA, b, lowB..<highB, into: &result)
            } else {
                var fromA = lowA, fromB = lowB
                for (i, j) in anchors {
                    region(a, fromA..<i, b, fromB..<j, anchored: false, into: &result)
                    result.append((i, j))
                    fromA = i + 1
                    fromB = j + 1
                }
                region(a, fromA..<highA, b, fromB..<highB, anchored: false, into: &result)
            }
        }
        for k in 0..<(ar.upperBound - highA) { result.append((highA + k, highB + k)) }
    }

    /// Lines that occur once in each region, the longest run of them in the same order in both
    /// (patience sorting, O(k log k)).
    static func uniqueAnchors(_ a: [Int], _ ar: Range<Int>, _ b: [Int], _ br: Range<Int>) -> [(Int, Int)] {
        var countA: [Int: Int] = [:], countB: [Int: Int] = [:], positionB: [Int: Int] = [:]
        for i in ar { countA[a[i], default: 0] += 1 }
        for j in br {
            countB[b[j], default: 0] += 1
            positionB[b[j]] = j
        }
        let pairs: [(Int, Int)] = ar.compactMap { i in
            countA[a[i]] == 1 && countB[a[i]] == 1 ? (i, positionB[a[i]]!) : nil
        }
        guard !pairs.isEmpty else { return [] }
        // Longest increasing subsequence of the new positions, pairs being in old order.
        var tails: [Int] = []           // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(Int, Int)] = []
        var index = tails.last ?? -1
        while index >= 0 {
            chain.append(pairs[index])
            index = previous[index]
        }
        return chain.reversed()
    }

    /// Myers' greedy O(ND) search with its trace, then the path back; no matches (the gap
    /// replaced outright) when the difference is larger than the limits allow.
    static func myers(_ a: [Int], _ ar: Range<Int>, _ b: [Int], _ br: Range<Int>, into result: inout [(Int, Int)]) {
        let n = ar.count, m = br.count
        let limit = min(n + m, maxDifferences, max(1, maxWork / max(1, n + m)))
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d]: v[-d-1 ... d+1] as it was before step d.
        var trace: [[Int]] = []
        var found: Int?
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[ar.lowerBound + x] == b[br.lowerBound + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = d
                    break search
                }
            }
        }
        guard let found else { return }
        var pairs: [(Int, Int)] = []
        var x = n, y = m
        for d in stride(from: found, through: 0, by: -1) {
            let before = trace[d]
            func at(_ k: Int) -> Int { before[k + d + 1] }
            let k = x - y
            let previousK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : at(previousK)
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                pairs.append((ar.lowerBound + x, br.lowerBound + y))
            }
            x = previousX
            y = previousY
        }
        result += pairs.reversed()
    }
}
