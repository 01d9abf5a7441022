import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Converts legacy Chinese text (GB18030/GBK) to UTF-8 through the C library's iconv, and tells
/// whether bytes are valid UTF-8.
enum Transcoder {
    /// Whether the bytes are well-formed UTF-8.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip ASCII 32 bytes at a time, then eight.
            while index + 32 <= count {
                let high =
                    (bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                        | bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high != 0 { break }
                index += 32
            }
            while index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                    == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            if lead == 0xE0 && bytes[index + 1] < 0xA0 { return false }
            if lead == 0xED && bytes[index + 1] > 0x9F { return false }
            if lead == 0xF0 && bytes[index + 1] < 0x90 { return false }
            if lead == 0xF4 && bytes[index + 1] > 0x8F { return false }
            index += length
        }
        return true
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
