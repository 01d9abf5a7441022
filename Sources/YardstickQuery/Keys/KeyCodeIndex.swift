/// Positions of 64-bit key codes, by open addressing: what a key table's build and its set
/// operations look codes up in, many times per row, without `Hasher`'s cost per lookup.
///
/// Codes are row numbers, dictionary codes or values; a multiplicative hash spreads the small
/// dense ones over the table. The table doubles when half full.
struct KeyCodeIndex {
    private var codes: [Int64]
    private var positions: [Int32]
    private var mask: Int
    /// The number of codes held.
    private(set) var count = 0

    /// An empty index sized for about `expected` codes.
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        codes = [Int64](repeating: 0, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// An index of `codes`, each at its position (the first of a repeated code).
    init(_ codes: [Int64]) {
        self.init(expected: codes.count)
        for (position, code) in codes.enumerated() { _ = insert(code, at: Int32(position)) }
    }

    @inline(__always)
    private func home(_ code: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: code) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The position of `code`, or nil.
    @inline(__always)
    func position(of code: Int64) -> Int32? {
        var slot = home(code)
        while true {
            let position = positions[slot]
            if position < 0 { return nil }
            if codes[slot] == code { return position }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `code` is held.
    @inline(__always)
    func contains(_ code: Int64) -> Bool { position(of: code) != nil }

    /// The position of `code`, holding it at `position` first when it is new.
    @inline(__always)
    mutating func insert(_ code: Int64, at position: Int32) -> (position: Int32, inserted: Bool) {
        var slot = home(code)
        while true {
            let held = positions[slot]
            if held < 0 { break }
            if codes[slot] == code { return (held, false) }
            slot = (slot + 1) & mask
        }
        codes[slot] = code
        positions[slot] = position
        count += 1
        if count * 2 > positions.count { grow() }
        return (position, true)
    }

    private mutating func grow() {
        let oldCodes = codes
        let oldPositions = positions
        let size = positions.count * 2
        codes = [Int64](repeating: 0, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (code, position) in zip(oldCodes, oldPositions) where position >= 0 {
            var slot = home(code)
            while positions[slot] >= 0 { slot = (slot + 1) & mask }
            codes[slot] = code
            positions[slot] = position
        }
    }
}
