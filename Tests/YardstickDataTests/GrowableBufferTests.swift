import Testing

@testable import YardstickData

/// Regressions found by the CSV fuzz harness under LeakSanitizer: `free()` left a fresh
/// one-element block behind (leaked by every column builder at `deinit`), and a validity
/// bitmap allocated a buffer in its property initialiser that `init(capacity:)` then dropped.
/// The leaks themselves are caught by `scripts/fuzz.sh --smoke` (LeakSanitizer); these tests
/// pin the contract that made the fix possible: a freed buffer owns nothing.
@Suite struct GrowableBufferTests {
    @Test func freeingTwiceIsHarmlessAndLeavesAnEmptyBuffer() {
        var buffer = GrowableBuffer<Int64>(capacity: 4)
        for value in 0..<100 { buffer.append(Int64(value)) }
        buffer.free()
        buffer.free()
        #expect(buffer.count == 0)
        #expect(buffer.capacity == 0)
        #expect(buffer.array().isEmpty)
    }

    @Test func aFreedBufferAllocatesAnewWhenAppendedTo() {
        var buffer = GrowableBuffer<Int32>()
        buffer.append(1)
        buffer.free()
        for value in 0..<40 { buffer.append(Int32(value)) }
        #expect(buffer.array() == Array(0..<40))
        #expect(buffer.capacity >= 40)
        buffer.free()
        buffer.reserve(3)
        #expect(buffer.capacity >= 3)
        buffer.free()
    }

    @Test func aReleasedColumnBuilderCanBeReleasedAgainAndBuildsNothing() {
        let builder = ColumnBuilder(field: FieldDefinition("seats", .integer, "Seats sold"), expectedRows: 8)
        builder.appendNull()
        builder.release()
        builder.release()
        #expect(builder.count == 0)
    }
}
