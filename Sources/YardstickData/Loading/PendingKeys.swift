import Foundation

/// Reference values of at most 8 bytes collected for one batched intern (see
/// ``StringDictionary/internShort(_:lengths:hashes:count:codes:positions:)``).
struct PendingKeys {
    static let capacity = 64
    let words = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    let positions = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    var count = 0

    /// Releases the memory; the owner calls it once.
    func free() {
        words.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        positions.deallocate()
    }
}
