import Foundation

/// Reference values collected for one batched intern: values of at most 8 bytes (see
/// ``StringDictionary/internShort(_:lengths:hashes:count:codes:positions:)``), values of 9 to
/// ``InlineKeyTable/maxLength`` bytes (see ``InlineKeyTable``), or longer ones of up to
/// ``longLength`` bytes (see ``StringDictionary/internLong(_:starts:lengths:hashes:count:codes:positions:)``),
/// never two kinds in one batch.
struct PendingKeys {
    static let capacity = 64
    /// The longest value that waits for a batch (a GUID is 36 bytes); longer ones are interned
    /// at once.
    static let longLength = 64
    /// Short values packed into words, or the start of each long value in ``longBytes``.
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    let positions = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    /// The bytes of the long values, back to back (copied: a cell's bytes may not outlive it).
    let longBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * longLength)
    /// The values of 9 to ``InlineKeyTable/maxLength`` bytes, three words each (see
    /// ``InlineKeyTable/words(of:)``): no byte copy in the row loop.
    let inlineWords = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 3)
    var count = 0
    /// Whether the waiting values are long ones (in ``longBytes``).
    var holdsLong = false
    /// Whether the waiting values are ones of 9 to ``InlineKeyTable/maxLength`` bytes (in
    /// ``inlineWords``).
    var holdsInline = false
    /// The bytes used in ``longBytes``.
    var longByteCount = 0

    /// Drops the last waiting value (a rolled-back row's).
    mutating func dropLast() {
        count -= 1
        if holdsLong { longByteCount = Int(words[count]) }
        // An emptied batch holds nothing: the next value may be short (its packed word must
        // never be read as an offset into `longBytes`).
        if count == 0 {
            holdsLong = false
            holdsInline = false
            longByteCount = 0
        }
    }

    /// Releases the memory; the owner calls it once.
    func free() {
        words.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        positions.deallocate()
        longBytes.deallocate()
        inlineWords.deallocate()
    }
}
