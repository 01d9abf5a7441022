import Testing

@testable import YardstickQuery

/// The open-addressing index of key codes: positions survive growth, repeated codes keep
/// their first position, and codes of any magnitude (rows, values, flagged texts) are found.
@Suite struct KeyCodeIndexTests {
    @Test func codesKeepTheirFirstPositionThroughGrowth() {
        var index = KeyCodeIndex(expected: 1)
        let codes: [Int64] = (0..<1_000).map { $0 * 7919 % 1_009 } + [-5, .min, .max, 1 << 62 | 3]
        var first: [Int64: Int32] = [:]
        for (position, code) in codes.enumerated() {
            let (found, inserted) = index.insert(code, at: Int32(position))
            #expect(inserted == (first[code] == nil))
            if first[code] == nil { first[code] = Int32(position) }
            #expect(found == first[code])
        }
        #expect(index.count == first.count)
        for (code, position) in first { #expect(index.position(of: code) == position) }
        #expect(!index.contains(1_009))
        #expect(!index.contains(2_000))
        #expect(!index.contains(1 << 62))
    }

    @Test func anIndexOfCodesAnswersMembership() {
        let index = KeyCodeIndex([4, 8, 15, 16, 23, 42, 8])
        #expect(index.position(of: 8) == 1)
        #expect(index.contains(42))
        #expect(!index.contains(7))
        #expect(index.count == 6)
    }
}
