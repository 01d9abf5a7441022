import Testing

@testable import YardstickData

@Suite struct ValueParsingTests {
    func decimal(_ text: String, _ separator: Character = ".", grouping: Character? = nil) -> ExactDecimal? {
        var copy = text
        return copy.withUTF8 {
            ExactDecimal.parse(
                UnsafeRawBufferPointer($0), decimalSeparator: separator.asciiValue!,
                groupingSeparator: grouping?.asciiValue)
        }
    }

    @Test func decimalsAreExactScaledIntegers() {
        #expect(decimal("0.1")!.scaled + decimal("0.2")!.scaled == decimal("0.3")!.scaled)
        #expect(decimal("1054")?.description == "1054")
        #expect(decimal("-12.50")?.description == "-12.5")
        #expect(decimal("1.234,56", ",", grouping: ".")?.description == "1234.56")
        #expect(decimal("3.14150")?.description == "3.1415")
    }

    @Test(arguments: ["", "abc", "1.23456", "1..2", "-", "12a", "99999999999999999999"])
    func malformedDecimalsAreRejected(_ text: String) {
        #expect(decimal(text) == nil)
    }

    func parse(_ text: String, _ pattern: String) throws -> TemporalFormat.Parsed? {
        var copy = text
        let format = try TemporalFormat(pattern)
        return copy.withUTF8 { format.parse(UnsafeRawBufferPointer($0)) }
    }

    @Test func isoDatesAndDatetimesAreReadInEveryCommonForm() throws {
        let plain = try parse("2026-10-31", "auto")
        #expect(plain?.year == 2026 && plain?.month == 10 && plain?.day == 31)
        let withTime = try parse("2026-10-31T09:15:30.250+08:00", "auto")
        #expect(withTime?.hour == 9 && withTime?.second == 30 && withTime?.offsetSeconds == 28_800)
        #expect(try parse("2026/1/5 7:05", "auto")?.minute == 5)
        #expect(try parse("2026-10-31 09:15:00Z", "auto")?.offsetSeconds == 0)
    }

    @Test func patternsReadDayFirstAndMonthNames() throws {
        let parsed = try parse("31/10/2026", "%d/%m/%Y")
        #expect(parsed?.day == 31 && parsed?.month == 10)
        #expect(try parse("05-Mar-26", "%d-%b-%y")?.year == 2026)
        #expect(try parse("2026年10月31日", "%Y年%m月%d日")?.day == 31)
    }

    @Test func impossibleDatesAreRejected() throws {
        #expect(try parse("2023-02-29", "auto") == nil)
        #expect(try parse("2026-04-31", "auto") == nil)
        #expect(try parse("2026-10-31 25:00", "auto") == nil)
    }

    @Test func unknownDirectivesAreReported() {
        #expect(throws: TemporalFormat.InvalidPattern(pattern: "%Q", directive: "%Q")) {
            try TemporalFormat("%Q")
        }
    }

    @Test func dayNumbersRoundTrip() {
        for day in stride(from: Int32(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = CivilDate.components(ofDay: day)
            #expect(CivilDate.dayNumber(year: y, month: m, day: d) == day)
        }
        #expect(CivilDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.isoString(ofDay: 20_757) == "2026-10-31")
    }

    @Test func displayWidthCountsChineseAsTwoColumns() {
        #expect(DisplayWidth.of("王芳") == 4)
        #expect(DisplayWidth.of("Anna") == 4)
        #expect(DisplayWidth.pad("王芳", to: 6) == "王芳  ")
    }
}
