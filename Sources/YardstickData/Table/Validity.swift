/// A bitmap of which rows of a column hold a value (bit set) and which are null.
public struct Validity: Sendable, Equatable {
    @usableFromInline var words: [UInt64] = []
    /// The number of rows tracked.
    public private(set) var count = 0
    /// The number of null rows.
    public private(set) var nullCount = 0

    /// Creates an empty bitmap.
    public init() {}

    /// A bitmap from its words (bit `r % 64` of word `r / 64` set when row `r` holds a value).
    init(words: [UInt64], count: Int, nullCount: Int) {
        self.words = words
        self.count = count
        self.nullCount = nullCount
    }

    /// Appends one row.
    @inline(__always)
    public mutating func append(_ present: Bool) {
        if count & 63 == 0 { words.append(0) }
        if present {
            words[count >> 6] |= 1 << UInt64(count & 63)
        } else {
            nullCount += 1
        }
        count += 1
    }

    /// Whether a row holds a value.
    @inlinable @inline(__always)
    public func isPresent(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    /// Appends every row of another bitmap.
    public mutating func append(contentsOf other: Validity) {
        if count & 63 == 0 {
            // Word-aligned: copy whole words.
            words.append(contentsOf: other.words)
            count += other.count
            nullCount += other.nullCount
            return
        }
        for row in 0..<other.count { append(other.isPresent(row)) }
    }
}
