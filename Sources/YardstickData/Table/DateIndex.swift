/// The rows of a table ordered by the local day of a date or datetime field.
///
/// "Closed in October" is then a slice between two day offsets: no scan of the table. For a
/// datetime field the day is the calendar day in the workspace time zone, kept per row in
/// ``localDays`` so period filters compare integers.
public struct DateIndex: Sendable {
    /// The first day covered (the earliest non-null value).
    public let firstDay: Int32
    /// `offsets[d - firstDay]..<offsets[d - firstDay + 1]` is the slice of ``rows`` on day `d`.
    let offsets: [Int32]
    /// Row numbers ordered by day (nulls left out), load order within a day.
    let rows: [Int32]
    /// Per row, its local day (meaningless where the value is null).
    public let localDays: [Int32]

    /// Orders rows by day with a counting sort.
    ///
    /// - Parameters:
    ///   - days: Per row, the local day number.
    ///   - validity: Which rows hold a value.
    public init(days: [Int32], validity: Validity) {
        var low = Int32.max
        var high = Int32.min
        for (row, day) in days.enumerated() where validity.isPresent(row) {
            low = min(low, day)
            high = max(high, day)
        }
        localDays = days
        guard low <= high else {
            firstDay = 0
            offsets = [0]
            rows = []
            return
        }
        firstDay = low
        let span = Int(high - low) + 1
        // Through buffer pointers, as ``ReferenceIndex`` does: no uniqueness or bounds check per
        // row in the loops over millions of rows.
        var counts = [Int32](repeating: 0, count: span + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            days.withUnsafeBufferPointer { days in
                for (row, day) in days.enumerated() where validity.isPresent(row) {
                    counts[Int(day - low) &+ 1] &+= 1
                }
            }
            for index in 1..<counts.count { counts[index] &+= counts[index - 1] }
        }
        var next = counts
        let total = Int(counts[span])
        // Every slot is written once (one per row with a value), so none is zero-filled first.
        let ordered = [Int32](unsafeUninitializedCapacity: total) { ordered, initialized in
            next.withUnsafeMutableBufferPointer { next in
                days.withUnsafeBufferPointer { days in
                    for (row, day) in days.enumerated() where validity.isPresent(row) {
                        let bucket = Int(day - low)
                        let slot = Int(next[bucket])
                        ordered.initializeElement(at: slot, to: Int32(truncatingIfNeeded: row))
                        next[bucket] = Int32(truncatingIfNeeded: slot &+ 1)
                    }
                }
            }
            initialized = total
        }
        offsets = counts
        rows = ordered
    }

    /// The last day covered.
    public var lastDay: Int32 { firstDay + Int32(offsets.count - 2) }

    /// The rows whose day falls in `first...last`, ordered by day.
    public func rows(from first: Int32, through last: Int32) -> ArraySlice<Int32> {
        guard !rows.isEmpty, first <= last else { return [] }
        let lower = Int(max(first, firstDay) - firstDay)
        let upper = Int(min(last, lastDay) - firstDay) + 1
        guard lower < upper else { return [] }
        return rows[Int(offsets[lower])..<Int(offsets[upper])]
    }
}
