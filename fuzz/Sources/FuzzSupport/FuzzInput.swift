/// A cursor over the bytes of one fuzz input, handing out small decisions.
///
/// Every read is total: once the bytes run out, reads return zero, so any input, even an
/// empty one, decodes to some case. Harnesses take their options first and the rest of the
/// bytes as data.
public struct FuzzInput {
    /// The input bytes.
    public let bytes: [UInt8]
    /// The index of the next unread byte.
    public private(set) var position = 0

    /// Wraps the bytes libFuzzer passes to `LLVMFuzzerTestOneInput`.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        if let data, size > 0 {
            bytes = Array(UnsafeBufferPointer(start: data, count: size))
        } else {
            bytes = []
        }
    }

    /// Wraps bytes already in memory.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<count` (`count` must be positive), taken from one byte.
    public mutating func choice(_ count: Int) -> Int {
        precondition(count > 0, "choice among no options")
        return Int(byte()) % count
    }

    /// One of the given options.
    public mutating func pick<T>(_ options: [T]) -> T {
        options[choice(options.count)]
    }

    /// A coin toss; true about once in `odds` reads.
    public mutating func oneIn(_ odds: Int) -> Bool {
        choice(odds) == 0
    }

    /// The unread bytes, consuming them.
    public mutating func rest() -> [UInt8] {
        guard position < bytes.count else { return [] }
        defer { position = bytes.count }
        return Array(bytes[position...])
    }
}
