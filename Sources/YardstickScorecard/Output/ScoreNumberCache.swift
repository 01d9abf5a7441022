/// The CSV text of recently written fractional numbers, so that a number the score CSV writes
/// again and again (a leaf's share of the total for every subject, a constant target, a
/// completion of 0.5) is formatted once.
///
/// Whole numbers are cheap (``ScoreNumberText/appendDigits(_:to:)``); a fraction needs the
/// shortest decimal text that reads back to the same double, which means a `String` per number
/// — in a long score CSV, more than half the cost of its numbers. The cache is direct-mapped
/// (one slot per hash of the number's bits, the newest number wins the slot) and bounded, so a
/// CSV of numbers that never repeat costs one failed comparison each. Its text is always
/// exactly ``ScoreNumberText/appendPlain(_:to:)``'s. One cache per writer thread: it is a value,
/// not shared.
struct ScoreNumberCache {
    /// How many numbers are kept (a power of two).
    static let slotCount = 1 << 10
    /// The room for one number's text: the longest shortest-form double is 24 bytes
    /// (`-2.2250738585072014e-308`).
    private static let slotWidth = 32

    /// Each slot's number, as its bit pattern; 0 (the double +0, which is whole and never
    /// cached) marks an empty slot.
    private var keys = [UInt64](repeating: 0, count: slotCount)
    /// Each slot's text length.
    private var lengths = [UInt8](repeating: 0, count: slotCount)
    /// Each slot's text, ``slotWidth`` bytes per slot.
    private var texts = [UInt8](repeating: 0, count: slotCount * slotWidth)

    /// How many fractional numbers were found in the cache.
    private(set) var hits = 0
    /// How many fractional numbers were formatted (and then kept).
    private(set) var misses = 0

    /// The slot a number's bit pattern is kept in: the high bits of a multiplicative hash.
    static func slot(of bits: UInt64) -> Int {
        Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// Appends a number's CSV text, as ``ScoreNumberText/appendPlain(_:to:)`` writes it: whole
    /// numbers directly, fractions from the cache when the same number was written recently.
    mutating func appendPlain(_ number: Double, to bytes: inout [UInt8]) {
        guard number.isFinite, number != number.rounded() else {
            ScoreNumberText.appendPlain(number, to: &bytes)
            return
        }
        let key = number.bitPattern
        let slot = Self.slot(of: key)
        if keys[slot] == key {
            hits += 1
            let start = slot * Self.slotWidth
            bytes.append(contentsOf: texts[start..<start + Int(lengths[slot])])
            return
        }
        misses += 1
        let start = bytes.count
        ScoreNumberText.appendPlain(number, to: &bytes)
        let length = bytes.count - start
        guard length <= Self.slotWidth else { return }
        keys[slot] = key
        lengths[slot] = UInt8(length)
        let offset = slot * Self.slotWidth
        for index in 0..<length { texts[offset + index] = bytes[start + index] }
    }
}
