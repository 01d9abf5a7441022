import Testing

@testable import YardstickData

/// The hash behind the snapshot's checksums and the sources' content hashes.
@Suite struct FastHashTests {
    static let text = Array("id,owner,stage,amount,closed_at\no1,u1,won,100,2026-10-05\n".utf8)

    @Test func everySingleBitFlipChangesTheHash() {
        let original = FastHash.hash(Self.text)
        for index in Self.text.indices {
            for bit in 0..<8 {
                var flipped = Self.text
                flipped[index] ^= UInt8(1 << bit)
                #expect(FastHash.hash(flipped) != original, "byte \(index) bit \(bit)")
            }
        }
    }

    @Test func trailingZerosAndLengthChangeTheHash() {
        #expect(FastHash.hash(Self.text) != FastHash.hash(Self.text + [0]))
        #expect(FastHash.hash([]) != FastHash.hash([0]))
        #expect(FastHash.hash(Self.text, seed: 1) != FastHash.hash(Self.text, seed: 2))
    }

    @Test func blockChecksumsDoNotDependOnTheReadersChunks() {
        let bytes = (0..<(SnapshotBlockChecksum.pieceSize * 2 + 77)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = bytes.withUnsafeBytes { SnapshotBlockChecksum.of($0) }
        var piecewise = SnapshotBlockChecksum.start(count: bytes.count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let end = min(offset + SnapshotBlockChecksum.pieceSize, raw.count)
                piecewise = SnapshotBlockChecksum.add(
                    UnsafeRawBufferPointer(rebasing: raw[offset..<end]), to: piecewise)
                offset = end
            }
        }
        #expect(whole == piecewise)
    }
}
