extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isAfter` holds, by binary search; the elements
    /// must be ordered so that it is false for a prefix and true for the rest (`endIndex` if none).
    public func partitionPoint(_ isAfter: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
