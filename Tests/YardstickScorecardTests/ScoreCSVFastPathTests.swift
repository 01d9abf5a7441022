import Foundation
import Testing
import YardstickEngine
import YardstickScoring

@testable import YardstickScorecard

/// The score CSV's fast paths — indicator rows written straight into the output
/// (``ScoreCSVLine``) and fractions formatted once (``ScoreNumberCache``) — write exactly what
/// the general paths write, and are taken.
@Suite struct ScoreCSVFastPathTests {
    @Test(arguments: [
        0.0, -0.0, 1, -7, 105, 1e15, 0.5, 1.05, 1.0 / 3.0, -2.75, 1e-7, 123456.789, 0.22499999999999998, 9.2e18,
        .nan, .infinity, -.infinity, -2.2250738585072014e-308,
    ])
    func aCachedNumberIsWrittenAsThePlainTextOfTheRunEveryTime(number: Double) {
        var cache = ScoreNumberCache()
        var bytes: [UInt8] = []
        cache.appendPlain(number, to: &bytes)
        bytes.append(UInt8(ascii: "|"))
        cache.appendPlain(number, to: &bytes)
        let plain = ResultValue.number(number).plainText
        #expect(String(decoding: bytes, as: UTF8.self) == plain + "|" + plain)
        // Only fractions go through the cache: the second is found there.
        let isFraction = number.isFinite && number != number.rounded()
        #expect(cache.misses == (isFraction ? 1 : 0))
        #expect(cache.hits == (isFraction ? 1 : 0))
    }

    @Test func twoNumbersSharingASlotEachKeepTheirOwnText() throws {
        let first = 0.1
        let slot = ScoreNumberCache.slot(of: first.bitPattern)
        // The first of 0.1 + k/1024 (k = 1, 2, …) landing in the same slot.
        var found: Double?
        for step in 1..<1_000_000 {
            let candidate: Double = first + Double(step) / 1024
            if candidate != candidate.rounded(), ScoreNumberCache.slot(of: candidate.bitPattern) == slot {
                found = candidate
                break
            }
        }
        let second = try #require(found)
        var cache = ScoreNumberCache()
        var bytes: [UInt8] = []
        for number in [first, second, first, first] {
            cache.appendPlain(number, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        let (a, b) = (ResultValue.number(first).plainText, ResultValue.number(second).plainText)
        #expect(String(decoding: bytes, as: UTF8.self) == "\(a),\(b),\(a),\(a),")
        // 0.1, then the colliding number takes the slot, then 0.1 takes it back and is found.
        #expect(cache.misses == 3)
        #expect(cache.hits == 1)
    }

    @Test func theLastColumnIsTheOneALineEndsAt() {
        #expect(ScoreCSVColumn.allCases.last == .missingReason)
    }

    @Test func aLineWritesWhatARowWithTheSameCellsWrites() {
        var row = ScoreCSVRow()
        row.set(.period, "2017-Q4")
        row.set(.grain, "user")
        row.set(.subjectID, "u2")
        row.set(.subjectName, "Li, \"Leo\"")
        row.set(.model, "m")
        row.set(.indicator, "win_rate")
        row.set(.score, 87.5)
        row.set(.targetRule, "quota revenue: 3 quotas summed (2017-10, 2017-11)")
        row.set(.share, 1.0 / 3.0)
        row.set(.missingReason, "no deals closed")
        var expected: [UInt8] = []
        row.write(to: &expected)

        var prefix: [UInt8] = []
        for (index, cell) in ["2017-Q4", "user", "u2", "Li, \"Leo\"", "m"].enumerated() {
            if index > 0 { prefix.append(UInt8(ascii: ",")) }
            CSVReportWriter.appendField(cell, to: &prefix)
        }
        var cache = ScoreNumberCache()
        var bytes: [UInt8] = []
        var line = ScoreCSVLine()
        line.block(prefix, from: .period, through: .model, in: &bytes)
        line.block(Array(",win_rate".utf8), from: .dimension, through: .indicator, in: &bytes)
        line.number(nil, at: .value, in: &bytes, cache: &cache)
        line.number(87.5, at: .score, in: &bytes, cache: &cache)
        line.text("", at: .tier, in: &bytes)
        line.text("quota revenue: 3 quotas summed (2017-10, 2017-11)", at: .targetRule, in: &bytes)
        line.number(1.0 / 3.0, at: .share, in: &bytes, cache: &cache)
        line.text("no deals closed", at: .missingReason, in: &bytes)
        line.end(in: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == 1)
    }

    @Test(arguments: ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "王芳", "Li, \"Leo\""])
    func aTextCellIsEscapedAsTheRunsCSVEscapesIt(text: String) {
        var fast: [UInt8] = []
        ScoreCSVField.append(text, to: &fast)
        var general: [UInt8] = []
        CSVReportWriter.appendField(text, to: &general)
        #expect(fast == general)
    }

    /// Every indicator and dimension row of the model's subjects takes the direct path, and the
    /// fractions the rows repeat (each leaf's share of the total, for every subject) come from
    /// the cache.
    @Test func everyIndicatorAndDimensionRowIsWrittenDirectlyAndRepeatedFractionsAreCached() throws {
        let report = try ScoreWriterFixture.report()
        let (chunks, statistics) = ScoreCSVWriter().chunksAndStatistics(report)
        let records = ScoreCSV.records(String(decoding: chunks.flatMap { $0 }, as: UTF8.self))
        let indicatorRows = records.filter { $0["row_kind"] == "indicator" && $0["grain"] == "user" }
        let dimensionRows = records.filter { $0["row_kind"] == "dimension" && $0["grain"] == "user" }
        #expect(!indicatorRows.isEmpty)
        #expect(!dimensionRows.isEmpty)
        #expect(statistics.directIndicatorRows == indicatorRows.count)
        #expect(statistics.directDimensionRows == dimensionRows.count)
        #expect(statistics.numberCacheHits > 0)
        #expect(chunks.flatMap { $0 } == ScoreCSVWriter().write(report, locale: "en"))
    }

    /// Five periods written two at a time go through two buffers, each reused for the later
    /// periods (three of the five fills reuse one), and the pieces are the header then one per
    /// period, in order, whatever the number written side by side.
    @Test func periodsAreWrittenThroughReusedBuffersInOrder() throws {
        var report = try ScoreWriterFixture.report()
        let first = report.periods[0]
        report.periods = (0..<5).map { index in
            var period = first
            period.period = .month(year: 2018, month: index + 1)
            period.window = period.period
            return period
        }
        let (chunks, statistics) = ScoreCSVWriter().chunksAndStatistics(report, sideBySide: 2)
        #expect(statistics.periodBuffers == 2)
        #expect(statistics.reusedBuffers == 3)
        #expect(chunks.count == 6)
        for (index, chunk) in chunks.dropFirst().enumerated() {
            let records = ScoreCSV.records(String(decoding: chunks[0] + chunk, as: UTF8.self))
            #expect(Set(records.map { $0["period"] }) == [String(format: "2018-%02d", index + 1)])
        }
        let one = ScoreCSVWriter().chunksAndStatistics(report, sideBySide: 1)
        let many = ScoreCSVWriter().chunksAndStatistics(report, sideBySide: 8)
        #expect(one.statistics.periodBuffers == 1)
        #expect(one.statistics.reusedBuffers == 4)
        #expect(many.statistics.periodBuffers == 5)
        #expect(many.statistics.reusedBuffers == 0)
        #expect(one.chunks == chunks)
        #expect(many.chunks == chunks)
    }

    /// A sink that gives up stops the writing: nothing after the failed piece is asked for.
    @Test func aSinkThatFailsStopsTheWriting() throws {
        let report = try ScoreWriterFixture.report()
        var pieces = 0
        let completed = ScoreCSVWriter().write(report) { _ in
            pieces += 1
            return false
        }
        #expect(!completed)
        #expect(pieces == 1)
    }
}
