/// Finds, among many names, the one nearest to a query by edit distance, at a cost per query
/// that does not grow with the number of names.
///
/// Up to `exhaustiveLimit` names (every real dossier) each one is compared, so the answer is
/// the exact nearest. Beyond that, candidates come from shared letter pairs of the folded names
/// (`Folding.key`): a pair that more than `commonPairLimit` names hold says little and is
/// skipped, and only the `verifyLimit` candidates sharing most pairs, plus any name equal but
/// for diacritics, are compared. A thousand unknown names against a thousand nominees then
/// costs thousands of comparisons, not a million.
public struct NearestNames: Sendable {
    public static let exhaustiveLimit = 200
    static let commonPairLimit = 64
    static let verifyLimit = 32

    let names: [String]
    let baseKeys: [String]
    let byBaseKey: [String: [Int]]
    let pairs: [UInt64: [Int]]

    /// The name nearest to `typed` when it is near enough to be a typo (one edit in two letters,
    /// at most three: a swap of two letters is two edits), else nil: "did you mean …?".
    public static func typo(_ typed: String, among names: [String]) -> String? {
        guard !names.isEmpty, let best = NearestNames(names).nearest(to: typed) else { return nil }
        let allowed = typed.count <= 2 ? 1 : min(3, typed.count / 2)
        return best.distance <= allowed ? names[best.index] : nil
    }

    /// Indexes `names` (already normalized the way queries will be, e.g. `Folding.name`).
    public init(_ names: [String]) {
        self.names = names
        baseKeys = names.map { Folding.key($0) }
        var byBaseKey: [String: [Int]] = [:]
        var pairs: [UInt64: [Int]] = [:]
        if names.count > Self.exhaustiveLimit {
            for (index, key) in baseKeys.enumerated() {
                byBaseKey[key, default: []].append(index)
                for pair in Set(Self.pairs(of: key)) {
                    pairs[pair, default: []].append(index)
                }
            }
        }
        self.byBaseKey = byBaseKey
        self.pairs = pairs
    }

    /// The index of the name nearest to `query` and its distance: the edit distance in scalars,
    /// but at most 1 when the two differ only in diacritics or case. Ties go to the earlier name.
    public func nearest(to query: String) -> (index: Int, distance: Int)? {
        let baseKey = Folding.key(query)
        var best: (index: Int, distance: Int)?
        func consider(_ index: Int) {
            var distance = Folding.editDistance(query, names[index])
            if baseKeys[index] == baseKey { distance = min(distance, 1) }
            if best == nil || distance < best!.distance || (distance == best!.distance && index < best!.index) {
                best = (index, distance)
            }
        }
        guard names.count > Self.exhaustiveLimit else {
            names.indices.forEach(consider)
            return best
        }
        var shared: [Int: Int] = [:]
        for pair in Set(Self.pairs(of: baseKey)) {
            guard let holders = pairs[pair], holders.count <= Self.commonPairLimit else { continue }
            for index in holders { shared[index, default: 0] += 1 }
        }
        // The candidates sharing most pairs, by buckets of counts (a count is at most the pairs of the query).
        var buckets: [[Int]] = []
        for (index, count) in shared {
            if count >= buckets.count { buckets += Array(repeating: [], count: count - buckets.count + 1) }
            buckets[count].append(index)
        }
        var verified = 0
        for bucket in buckets.reversed() where verified < Self.verifyLimit {
            for index in bucket.sorted().prefix(Self.verifyLimit - verified) { consider(index) }
            verified += min(bucket.count, Self.verifyLimit - verified)
        }
        byBaseKey[baseKey]?.prefix(Self.verifyLimit).forEach(consider)
        return best
    }

    /// The letter pairs of a key, each packed into one integer.
    static func pairs(of key: String) -> [UInt64] {
        var result: [UInt64] = []
        var previous: UInt32?
        for scalar in key.unicodeScalars {
            if let previous { result.append(UInt64(previous) << 32 | UInt64(scalar.value)) }
            previous = scalar.value
        }
        return result
    }
}
