import Foundation

/// A manually managed growable array of plain values, for the loader's per-cell appends.
///
/// Appending touches no reference count, uniqueness check or exclusivity bookkeeping, which
/// `Array` pays per call when it lives in a class. The owner must call ``free()`` (at least once).
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 16)
        base = Self.allocate(self.capacity)
    }

    /// Storage from malloc, so that growing can use realloc (which moves big blocks by
    /// remapping their pages instead of copying them).
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        precondition(MemoryLayout<Element>.alignment <= 16)
        guard let raw = malloc(max(1, count) * MemoryLayout<Element>.stride) else {
            fatalError("out of memory")
        }
        return raw.bindMemory(to: Element.self, capacity: max(1, count))
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = element
        count += 1
    }

    /// The element at an index (no bounds check beyond a debug assertion).
    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index < count)
            return base[index]
        }
        set {
            assert(index < count)
            base[index] = newValue
        }
    }

    @inline(__always)
    var last: Element? { count == 0 ? nil : base[count - 1] }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        reserve(count + elements.count)
        if let source = elements.baseAddress {
            (base + count).update(from: source, count: elements.count)
        }
        count += elements.count
    }

    mutating func reserve(_ total: Int) {
        if total > capacity { grow(to: max(total, capacity + capacity / 2)) }
    }

    mutating func removeLast(_ dropped: Int) {
        count -= dropped
    }

    @inline(never)
    private mutating func grow(to wanted: Int) {
        let size = max(wanted, 16)
        // A freed buffer (capacity 0) owns no block: it starts a new one.
        let raw =
            capacity == 0
            ? malloc(size * MemoryLayout<Element>.stride) : realloc(base, size * MemoryLayout<Element>.stride)
        guard let raw else { fatalError("out of memory") }
        base = raw.bindMemory(to: Element.self, capacity: size)
        capacity = size
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements as an array of exactly their count.
    func array() -> [Element] { Array(buffer) }

    /// Releases the memory; the buffer is empty afterwards, owns no block (so freeing it again
    /// does nothing) and allocates anew if appended to.
    mutating func free() {
        if capacity > 0 { Foundation.free(base) }
        // A well-aligned address that is never dereferenced: the buffer is empty.
        base = UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
        count = 0
        capacity = 0
    }
}
