import Testing

@testable import YardstickData

/// Appending one bitmap to another (a file's segments, one after the other) gives the bitmap of
/// appending their rows one by one, wherever the first one ends within a word.
@Suite struct ValidityBuilderTests {
    /// A bitmap of `count` rows in which row `r` is null when `isNull(r)`.
    static func bitmap(_ count: Int, _ isNull: (Int) -> Bool) -> ValidityBuilder {
        var builder = ValidityBuilder()
        for row in 0..<count { builder.append(!isNull(row)) }
        return builder
    }

    @Test(arguments: [0, 1, 63, 64, 65, 130, 1_000])
    func appendingABitmapMatchesAppendingItsRows(_ firstCount: Int) {
        for secondCount in [0, 1, 63, 64, 100, 4_097] {
            let first: (Int) -> Bool = { $0 % 3 == 0 }
            let second: (Int) -> Bool = { $0 % 7 == 2 || $0 % 64 == 63 }
            var merged = Self.bitmap(firstCount, first)
            merged.append(contentsOf: Self.bitmap(secondCount, second))
            let expected = Self.bitmap(firstCount + secondCount) {
                $0 < firstCount ? first($0) : second($0 - firstCount)
            }
            #expect(merged.count == expected.count)
            #expect(merged.nullCount == expected.nullCount)
            // The same words: the same bits, and no stray bit after the last row.
            #expect(merged.build() == expected.build(), "\(firstCount) + \(secondCount)")
            // Bits after the last row stay 0: a later append lands on clean bits.
            merged.append(true)
            #expect(merged.isPresent(firstCount + secondCount))
            #expect(merged.nullCount == expected.nullCount)
        }
    }

    @Test func aTruncatedBitmapAppendsCleanly() {
        var first = Self.bitmap(100) { _ in false }
        first.truncate(to: 70)
        var second = Self.bitmap(10) { _ in true }
        second.truncate(to: 5)
        first.append(contentsOf: second)
        #expect(first.count == 75 && first.nullCount == 5)
        #expect((0..<70).allSatisfy { first.isPresent($0) })
        #expect((70..<75).allSatisfy { !first.isPresent($0) })
    }
}
