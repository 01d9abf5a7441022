import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Converts legacy Chinese text (GB18030/GBK) to UTF-8 through the C library's iconv, and tells
/// whether bytes are valid UTF-8.
enum Transcoder {
    /// Whether the bytes are well-formed UTF-8, and whether they hold a NUL byte (found on
    /// the same pass, so the check costs no extra read of the file).
    static func scanUTF8(_ bytes: UnsafeRawBufferPointer) -> UTF8Scan {
        var index = 0
        let count = bytes.count
        var zeros: UInt64 = 0
        while index < count {
            // Skip ASCII 32 bytes at a time, then eight, noting zero bytes on the way.
            while index + 32 <= count {
                let first = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let second = bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                let third = bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                let fourth = bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                let high = (first | second | third | fourth) & 0x8080_8080_8080_8080
                if high != 0 { break }
                zeros |=
                    CSVReader.zeroBytes(first) | CSVReader.zeroBytes(second) | CSVReader.zeroBytes(third)
                    | CSVReader.zeroBytes(fourth)
                index += 32
            }
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                zeros |= CSVReader.zeroBytes(word)
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { zeros = 1 }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return UTF8Scan(isValid: false, containsNUL: zeros != 0) }
            index += length
        }
        return UTF8Scan(isValid: true, containsNUL: zeros != 0)
    }

    /// Whether the bytes are well-formed UTF-8.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        scanUTF8(bytes).isValid
    }

    /// The length of the well-formed multi-byte sequence at `index` (whose lead byte is at
    /// least 0x80), or 0 when the bytes there are not UTF-8.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        if lead == 0xE0 && bytes[index + 1] < 0xA0 { return 0 }
        if lead == 0xED && bytes[index + 1] > 0x9F { return 0 }
        if lead == 0xF0 && bytes[index + 1] < 0x90 { return 0 }
        if lead == 0xF4 && bytes[index + 1] > 0x8F { return 0 }
        return length
    }

    /// Counts, in bytes that are not valid UTF-8, the well-formed multi-byte sequences and the
    /// invalid ones (an invalid sequence is skipped one byte at a time, so a run of bad bytes
    /// counts once per byte), and notes the lines of the first invalid ones.
    ///
    /// Only run when the fast scan failed: it tells a UTF-8 file with a few damaged bytes from
    /// a file in another encoding.
    static func classifyUTF8(_ bytes: UnsafeRawBufferPointer, lineLimit: Int = 5) -> UTF8Census {
        var census = UTF8Census()
        var line = 1
        var lastInvalidLine = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                census.multiByte += 1
                index += length
            } else {
                census.invalid += 1
                if lastInvalidLine != line {
                    lastInvalidLine = line
                    census.lineCount += 1
                    if census.invalidLines.count < lineLimit { census.invalidLines.append(line) }
                }
                index += 1
            }
        }
        return census
    }

    /// What the fast UTF-8 scan found.
    struct UTF8Scan {
        /// Every byte sequence is well-formed UTF-8.
        var isValid: Bool
        /// A NUL byte was seen (in the part scanned, when the scan stopped early).
        var containsNUL: Bool
    }

    /// The multi-byte sequences of text that is not wholly UTF-8.
    struct UTF8Census: Equatable {
        /// Well-formed multi-byte UTF-8 sequences.
        var multiByte = 0
        /// Bytes that start no well-formed sequence.
        var invalid = 0
        /// The first lines (1-based) holding an invalid byte, in order.
        var invalidLines: [Int] = []
        /// How many lines hold an invalid byte.
        var lineCount = 0

        /// Whether the text reads as UTF-8 with damaged bytes rather than as another encoding:
        /// it has well-formed multi-byte sequences and at least as many of them as bad bytes.
        /// (Chinese text in GB18030 forms a well-formed UTF-8 sequence by chance for about one
        /// character in three, but leaves a bad byte for nearly every character: its bad bytes
        /// outnumber its accidental sequences about four to one. A tie counts as UTF-8, so a
        /// wrong guess on a tiny file is an error, never silently garbled text.)
        var isDamagedUTF8: Bool { multiByte > 0 && multiByte >= invalid }
    }

    /// The UTF-8 text of GB18030 bytes.
    ///
    /// - Returns: The converted bytes, or the byte offset of the first sequence that is not
    ///   GB18030.
    static func utf8(fromGB18030 input: [UInt8]) -> Result<[UInt8], InvalidSequence> {
        guard let converter = iconv_open("UTF-8", "GB18030"), converter != iconv_t(bitPattern: -1)
        else { return .failure(InvalidSequence(offset: 0)) }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var input = input
        let inputCount = input.count
        var failedAt: Int?
        var written = 0
        input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                var sourcePointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
                var sourceLeft = inputCount
                var targetPointer = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                var targetLeft = target.count
                let result = iconv(converter, &sourcePointer, &sourceLeft, &targetPointer, &targetLeft)
                if result == -1 { failedAt = inputCount - sourceLeft }
                written = target.count - targetLeft
            }
        }
        if let failedAt { return .failure(InvalidSequence(offset: failedAt)) }
        output.removeSubrange(written...)
        return .success(output)
    }

    /// A byte sequence that is not valid in the declared encoding.
    struct InvalidSequence: Error {
        let offset: Int
    }
}
