import Foundation

/// A validity bitmap under construction (see ``Validity``), appended to without `Array` costs.
struct ValidityBuilder {
    private var words: GrowableBuffer<UInt64>
    private(set) var count = 0
    private(set) var nullCount = 0

    init(capacity: Int = 0) { words = GrowableBuffer(capacity: (capacity + 63) / 64) }

    @inline(__always)
    mutating func append(_ present: Bool) {
        if count & 63 == 0 { words.append(0) }
        if present {
            words[count >> 6] |= 1 << UInt64(count & 63)
        } else {
            nullCount += 1
        }
        count += 1
    }

    @inline(__always)
    func isPresent(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    /// Drops rows from the end.
    mutating func truncate(to rows: Int) {
        guard rows < count else { return }
        for row in rows..<count where !isPresent(row) { nullCount -= 1 }
        let keptWords = (rows + 63) / 64
        words.removeLast(words.count - keptWords)
        if rows & 63 != 0 { words[keptWords - 1] &= (1 << UInt64(rows & 63)) - 1 }
        count = rows
    }

    /// Appends every row of another bitmap, a word at a time (a file's segments rarely end on
    /// a multiple of 64 rows). Bits after the last row are always 0, in both bitmaps.
    mutating func append(contentsOf other: ValidityBuilder) {
        guard other.count > 0 else { return }
        let shift = count & 63
        if shift == 0 {
            words.append(contentsOf: other.words.buffer)
        } else {
            let otherWords = (other.count + 63) / 64
            words.reserve(words.count + otherWords)
            for index in 0..<otherWords {
                let word = other.words[index]
                // The low bits fill this bitmap's last word; the high ones start the next.
                words[words.count - 1] |= word << UInt64(shift)
                words.append(word >> UInt64(64 - shift))
            }
        }
        count += other.count
        nullCount += other.nullCount
        let kept = (count + 63) / 64
        if words.count > kept { words.removeLast(words.count - kept) }
    }

    /// The finished bitmap.
    func build() -> Validity { Validity(words: words.array(), count: count, nullCount: nullCount) }

    mutating func free() {
        words.free()
        count = 0
        nullCount = 0
    }
}
