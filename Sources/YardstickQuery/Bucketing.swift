/// Stable counting sorts by small integer keys.
enum Bucketing {
    /// The values ordered by key (each key keeps the values' order), with
    /// `offsets[k]..<offsets[k + 1]` the values of key `k`.
    static func bucket(_ values: [Int32], by keys: [Int32], bucketCount: Int) -> (offsets: [Int], values: [Int32]) {
        var offsets = [Int](repeating: 0, count: bucketCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for index in 0..<bucketCount { offsets[index + 1] += offsets[index] }
        var next = offsets
        var ordered = [Int32](repeating: 0, count: values.count)
        for (value, key) in zip(values, keys) {
            ordered[next[Int(key)]] = value
            next[Int(key)] += 1
        }
        return (offsets, ordered)
    }
}
