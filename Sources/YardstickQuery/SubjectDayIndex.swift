import Foundation
import YardstickData

/// Each subject's rows ordered by the local day of one date field (nulls left out), for binary
/// search of a period.
struct SubjectDayIndex {
    let offsets: [Int32]
    let rows: [Int32]
    let days: [Int32]

    /// Distributes the rows of a date index (already in day order) into per-target buckets:
    /// a counting sort, linear in the number of rows.
    init(referencedRows: [Int32], targetCount: Int, dateIndex: DateIndex) {
        var counts = [Int32](repeating: 0, count: targetCount + 1)
        let ordered = dateIndex.rows(from: dateIndex.firstDay, through: dateIndex.lastDay)
        for row in ordered {
            let target = referencedRows[Int(row)]
            if target >= 0 { counts[Int(target) + 1] += 1 }
        }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var next = counts
        var rows = [Int32](repeating: 0, count: Int(counts[targetCount]))
        var days = [Int32](repeating: 0, count: rows.count)
        for row in ordered {
            let target = referencedRows[Int(row)]
            guard target >= 0 else { continue }
            let slot = Int(next[Int(target)])
            rows[slot] = row
            days[slot] = dateIndex.localDays[Int(row)]
            next[Int(target)] += 1
        }
        self.offsets = counts
        self.rows = rows
        self.days = days
    }

    func rows(of target: Int, from low: Int32, through high: Int32) -> ArraySlice<Int32> {
        guard target >= 0, target + 1 < offsets.count else { return [] }
        let start = Int(offsets[target])
        let end = Int(offsets[target + 1])
        let lower = partition(start, end) { $0 < low }
        let upper = partition(lower, end) { $0 <= high }
        return rows[lower..<upper]
    }

    /// The first index in `start..<end` whose day fails `before`.
    private func partition(_ start: Int, _ end: Int, _ before: (Int32) -> Bool) -> Int {
        var low = start
        var high = end
        while low < high {
            let middle = (low + high) / 2
            if before(days[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
