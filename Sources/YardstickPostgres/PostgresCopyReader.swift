import YardstickLocalization

/// Cuts the stream of `COPY … TO STDOUT (FORMAT binary)` into tuples and lends each tuple's
/// cells, in place, to a closure.
///
/// The stream is the 19-byte header (signature, flags, header extension), then per tuple a
/// 16-bit field count and per field a 32-bit length (-1 for NULL) and that many bytes of the
/// type's binary form, and a trailer of field count -1. The server sends it in data messages
/// that usually hold one tuple each, but the protocol does not promise that: a tuple cut
/// between messages is carried over (copied) until the rest arrives, and everything else is
/// read where it lies.
struct PostgresCopyReader: ~Copyable {
    /// The cells of one tuple, lent while the closure runs.
    struct Cells: ~Copyable {
        fileprivate let starts: UnsafeMutablePointer<UnsafeRawPointer?>
        fileprivate let lengths: UnsafeMutablePointer<Int>
        /// The number of cells.
        let count: Int

        /// Cell `index`'s bytes; nil for NULL.
        @inline(__always)
        subscript(index: Int) -> UnsafeRawBufferPointer? {
            guard let start = starts[index] else { return nil }
            return UnsafeRawBufferPointer(start: start, count: lengths[index])
        }
    }

    /// A stream that is not binary COPY data of the expected shape.
    struct Malformed: Error, Equatable {
        /// What was wrong.
        let reason: String
    }

    /// The fields every tuple must have.
    let width: Int
    /// Whether the trailer was read.
    private(set) var finished = false
    /// The tuples read.
    private(set) var tuples = 0
    /// Whether a tuple was cut between messages at least once (tested, rare in practice).
    private(set) var carried = false
    private var headerRead = false
    private var carry: [UInt8] = []
    private let starts: UnsafeMutablePointer<UnsafeRawPointer?>
    private let lengths: UnsafeMutablePointer<Int>

    /// The 11 bytes every binary COPY stream starts with.
    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    /// Creates a reader of tuples of `width` fields.
    init(width: Int) {
        self.width = width
        starts = .allocate(capacity: max(width, 1))
        lengths = .allocate(capacity: max(width, 1))
    }

    deinit {
        starts.deallocate()
        lengths.deallocate()
    }

    /// Reads one data message's bytes, calling `tuple` for each whole tuple in them.
    ///
    /// - Throws: ``Malformed`` for a stream of another shape; what `tuple` throws.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, tuple: (borrowing Cells) throws -> Void) throws {
        if carry.isEmpty {
            let used = try parse(chunk, tuple)
            if used < chunk.count {
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[used...]))
                carried = true
            }
        } else {
            carry.append(contentsOf: chunk)
            let pending = carry
            let used = try pending.withUnsafeBytes { try parse($0, tuple) }
            carry = Array(pending[used...])
        }
    }

    /// Reads whole tuples from the front of `data`; returns the bytes used (a cut tuple at the
    /// end is left).
    private mutating func parse(
        _ data: UnsafeRawBufferPointer, _ tuple: (borrowing Cells) throws -> Void
    ) throws -> Int {
        var offset = 0
        if !headerRead {
            guard data.count >= 19 else { return 0 }
            guard Self.signature.elementsEqual(UnsafeRawBufferPointer(rebasing: data[0..<11])) else {
                throw Malformed(reason: "no PGCOPY signature")
            }
            let extensionLength = Int(UInt32(bigEndian: data.loadUnaligned(fromByteOffset: 15, as: UInt32.self)))
            guard data.count >= 19 + extensionLength else { return 0 }
            offset = 19 + extensionLength
            headerRead = true
        }
        let count = data.count
        while offset < count {
            if finished { throw Malformed(reason: "data after the trailer") }
            guard count - offset >= 2 else { return offset }
            let fields = Int(Int16(bigEndian: data.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
            if fields == -1 {
                finished = true
                offset += 2
                continue
            }
            guard fields == width else { throw Malformed(reason: "a tuple of \(fields) fields, expected \(width)") }
            var position = offset + 2
            for index in 0..<fields {
                guard count - position >= 4 else { return offset }
                let length = Int(Int32(bigEndian: data.loadUnaligned(fromByteOffset: position, as: Int32.self)))
                position += 4
                if length < 0 {
                    starts[index] = nil
                    lengths[index] = 0
                    continue
                }
                guard count - position >= length else { return offset }
                starts[index] = data.baseAddress! + position
                lengths[index] = length
                position += length
            }
            try tuple(Cells(starts: starts, lengths: lengths, count: fields))
            tuples += 1
            offset = position
        }
        return offset
    }
}
