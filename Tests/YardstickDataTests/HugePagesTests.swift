import Foundation
import Testing

@testable import YardstickData

/// Big hash tables are advised for 2 MiB pages (random lookups then stop missing the TLB); the
/// advice must change no content, and must actually reach the kernel.
@Suite struct HugePagesTests {
    @Test func bigTablesAreZeroAndAdvisedSmallOnesAreZero() throws {
        let small = HugePages.zeroedWords(count: 1_000)
        #expect(small.count == 1_000 && small.allSatisfy { $0 == 0 })
        let count = HugePages.threshold / MemoryLayout<UInt64>.stride + 4_096
        let big = HugePages.zeroedWords(count: count)
        #expect(big.count == count && big.allSatisfy { $0 == 0 })
        #if os(Linux)
            // The mapping that holds the middle of the table carries the huge-page advice
            // (`hg` among its VmFlags in /proc/self/smaps).
            let middle = big.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress! + count / 2) }
            // Read to the end: /proc files report a size of 0.
            let file = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
            let smaps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
            try file.close()
            var inside = false
            var flags: String?
            for line in smaps.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                    let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                    inside = bounds.count == 2 && bounds[0] <= middle && middle < bounds[1]
                } else if inside && line.hasPrefix("VmFlags:") {
                    flags = String(line)
                }
            }
            #expect(flags?.split(separator: " ").contains("hg") == true, "\(flags ?? "no mapping")")
        #endif
    }

    @Test func aKeyIndexOfMillionsOfSlotsFindsEveryValue() {
        // 400,000 values: a compact table of 1,048,576 slots (8 MiB), filled from zeroed words.
        var dictionary = StringDictionary(capacity: 0)
        let texts = (0..<400_000).map { IdShapeTests.Shape.salesforce.id("K", $0) }
        for text in texts { _ = Array(text.utf8).withUnsafeBytes { dictionary.appendWithoutLookup($0) } }
        #expect(dictionary.buildIndex(parts: 1).path == .hashed)
        for (code, text) in texts.enumerated() where code % 997 == 0 {
            #expect(dictionary.code(of: text) == Int32(code))
        }
        #expect(dictionary.code(of: IdShapeTests.Shape.salesforce.id("Q", 1)) == nil)
    }
}
