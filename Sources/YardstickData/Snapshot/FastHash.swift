/// A fast, non-cryptographic 64-bit hash of bytes: the snapshot cache's block checksums and
/// the content hashes of source files.
///
/// Four independent lanes take 8 bytes each per step (multiply, rotate, multiply), so the
/// multiplications of a 32-byte stripe overlap and the hash runs at memory speed; the lanes
/// are then folded and the tail mixed in. It detects accidental change (a flipped bit, a
/// truncated or stale write), not tampering.
package enum FastHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63

    /// The hash of `bytes` under `seed`.
    package static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return finish(seed ^ prime3) }
        var lane1 = seed &+ prime1 &+ prime2
        var lane2 = seed &+ prime2
        var lane3 = seed
        var lane4 = seed &- prime1
        var offset = 0
        while offset + 32 <= count {
            lane1 = round(lane1, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lane2 = round(lane2, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lane3 = round(lane3, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lane4 = round(lane4, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash =
            rotate(lane1, 1) &+ rotate(lane2, 7) &+ rotate(lane3, 12) &+ rotate(lane4, 18)
        hash = merge(hash, lane1)
        hash = merge(hash, lane2)
        hash = merge(hash, lane3)
        hash = merge(hash, lane4)
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash ^= round(0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        while offset < count {
            hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime3
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        return finish(hash)
    }

    /// The hash of a byte array under `seed`.
    package static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// Folds `value` into a running hash (order matters).
    package static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        finish(merge(hash ^ prime4, value))
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ word &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    @inline(__always)
    private static func finish(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        return hash ^ (hash >> 32)
    }
}
