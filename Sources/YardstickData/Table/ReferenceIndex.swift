/// The rows of a table grouped by the row they reference: "this user's opportunities".
///
/// Built once at load with a counting sort, so finding one owner's rows is two array reads and
/// a slice, whatever the table size. Within a group rows keep load order.
public struct ReferenceIndex: Sendable {
    /// `offsets[t]..<offsets[t + 1]` is the slice of ``rows`` that references target row `t`.
    let offsets: [Int32]
    /// Row numbers grouped by target row.
    let rows: [Int32]

    /// Groups the rows of a resolved reference column by target row.
    ///
    /// - Parameters:
    ///   - referencedRows: Per row, the target row (negative when null or unresolved).
    ///   - targetCount: The number of rows in the referenced table.
    public init(referencedRows: [Int32], targetCount: Int) {
        // Through buffer pointers: the counting, summing and scattering loops run over millions
        // of rows, and array subscripts there checked uniqueness and bounds per row.
        var counts = [Int32](repeating: 0, count: targetCount + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            referencedRows.withUnsafeBufferPointer { targets in
                for target in targets where target >= 0 { counts[Int(target) &+ 1] &+= 1 }
            }
            for index in 1..<counts.count { counts[index] &+= counts[index - 1] }
        }
        var next = counts
        let total = Int(counts[targetCount])
        // Every slot is written once (one per row with a target), so none is zero-filled first.
        let rows = [Int32](unsafeUninitializedCapacity: total) { rows, initialized in
            next.withUnsafeMutableBufferPointer { next in
                referencedRows.withUnsafeBufferPointer { targets in
                    for (row, target) in targets.enumerated() where target >= 0 {
                        let slot = Int(next[Int(target)])
                        rows.initializeElement(at: slot, to: Int32(truncatingIfNeeded: row))
                        next[Int(target)] = Int32(truncatingIfNeeded: slot &+ 1)
                    }
                }
            }
            initialized = total
        }
        self.offsets = counts
        self.rows = rows
    }

    /// The rows that reference a target row, in load order.
    public func rows(referencing target: Int) -> ArraySlice<Int32> {
        guard target >= 0, target + 1 < offsets.count else { return [] }
        return rows[Int(offsets[target])..<Int(offsets[target + 1])]
    }
}
