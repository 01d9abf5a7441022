/// Distinct codes per cell: codes are bucketed by cell, then a code counts when first stamped
/// with its cell.
enum DistinctCounter {
    static func counts(cells: [Int32], codes: [Int32], cellCount: Int, codeCount: Int) -> [Int64] {
        let (offsets, ordered) = Bucketing.bucket(codes, by: cells, bucketCount: cellCount)
        var stamps = [Int32](repeating: -1, count: codeCount)
        var counts = [Int64](repeating: 0, count: cellCount)
        for cell in 0..<cellCount {
            let stamp = Int32(cell)
            var distinct: Int64 = 0
            for code in ordered[offsets[cell]..<offsets[cell + 1]] {
                let value = Int(code)
                guard value >= 0, value < codeCount else { continue }
                if stamps[value] != stamp {
                    stamps[value] = stamp
                    distinct += 1
                }
            }
            counts[cell] = distinct
        }
        return counts
    }
}
