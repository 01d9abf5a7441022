import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// `first..last` as ISO dates, to compare periods at a glance.
private func span(_ period: Period) -> String {
    period.firstDate + ".." + period.lastDate
}

private let gregorian = CalendarSettings()
private let aprilFiscal = CalendarSettings(fiscalYearStartMonth: 4)

private func parse(_ text: String, _ calendar: CalendarSettings = gregorian) throws -> Period {
    try Period.parse(text, calendar: calendar)
}

/// Periods: parsing, errors, stepping and ranges.
@Suite struct PeriodTests {}

extension PeriodTests {
    @Suite struct Parsing {}
    @Suite struct Errors {}
    @Suite struct Navigation {}
    @Suite struct Ranges {}
}

extension PeriodTests.Parsing {
    @Test(arguments: [
        ("2026-10", Period.Kind.month, "2026-10", "2026-10-01..2026-10-31", 31),
        ("2024-02", .month, "2024-02", "2024-02-01..2024-02-29", 29),
        ("2026-02", .month, "2026-02", "2026-02-01..2026-02-28", 28),
        ("1900-02", .month, "1900-02", "1900-02-01..1900-02-28", 28),
        ("2000-02", .month, "2000-02", "2000-02-01..2000-02-29", 29),
        ("2026-3", .month, "2026-03", "2026-03-01..2026-03-31", 31),
        ("2026-Q1", .quarter, "2026-Q1", "2026-01-01..2026-03-31", 90),
        ("2024-Q1", .quarter, "2024-Q1", "2024-01-01..2024-03-31", 91),
        ("2026-Q3", .quarter, "2026-Q3", "2026-07-01..2026-09-30", 92),
        ("2026-Q4", .quarter, "2026-Q4", "2026-10-01..2026-12-31", 92),
        ("2026-H1", .half, "2026-H1", "2026-01-01..2026-06-30", 181),
        ("2026-H2", .half, "2026-H2", "2026-07-01..2026-12-31", 184),
        ("2026", .year, "2026", "2026-01-01..2026-12-31", 365),
        ("2024", .year, "2024", "2024-01-01..2024-12-31", 366),
        ("2026-10-31", .day, "2026-10-31", "2026-10-31..2026-10-31", 1),
        ("2024-02-29", .day, "2024-02-29", "2024-02-29..2024-02-29", 1),
        ("2026-1-5", .day, "2026-01-05", "2026-01-05..2026-01-05", 1),
        ("2026-W01", .week, "2026-W01", "2025-12-29..2026-01-04", 7),
        ("2026-W05", .week, "2026-W05", "2026-01-26..2026-02-01", 7),
        ("2026-w5", .week, "2026-W05", "2026-01-26..2026-02-01", 7),
        ("2026-W53", .week, "2026-W53", "2026-12-28..2027-01-03", 7),
        ("2025-W01", .week, "2025-W01", "2024-12-30..2025-01-05", 7),
        ("FY2026", .fiscalYear, "FY2026", "2026-01-01..2026-12-31", 365),
        ("FY2026-Q1", .fiscalQuarter, "FY2026-Q1", "2026-01-01..2026-03-31", 90),
        ("fy2026-h2", .fiscalHalf, "FY2026-H2", "2026-07-01..2026-12-31", 184),
        ("2026-01-01..2026-03-31", .custom, "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", 90),
        ("2026-1-1..2026-1-1", .custom, "2026-01-01..2026-01-01", "2026-01-01..2026-01-01", 1),
        ("  2026-q3 ", .quarter, "2026-Q3", "2026-07-01..2026-09-30", 92),
    ])
    func gregorianFormsHaveExactDays(text: String, kind: Period.Kind, label: String, days: String, count: Int)
        throws
    {
        let period = try parse(text)
        #expect(period.kind == kind)
        #expect(period.label == label)
        #expect(span(period) == days)
        #expect(period.days == count)
    }

    @Test(arguments: [
        ("FY2026", Period.Kind.fiscalYear, "FY2026", "2025-04-01..2026-03-31"),
        ("FY2024", .fiscalYear, "FY2024", "2023-04-01..2024-03-31"),
        ("FY2026-Q1", .fiscalQuarter, "FY2026-Q1", "2025-04-01..2025-06-30"),
        ("FY2026-Q3", .fiscalQuarter, "FY2026-Q3", "2025-10-01..2025-12-31"),
        ("FY2026-Q4", .fiscalQuarter, "FY2026-Q4", "2026-01-01..2026-03-31"),
        ("FY2026-H1", .fiscalHalf, "FY2026-H1", "2025-04-01..2025-09-30"),
        ("FY2026-H2", .fiscalHalf, "FY2026-H2", "2025-10-01..2026-03-31"),
        ("2026-Q1", .quarter, "2026-Q1", "2026-01-01..2026-03-31"),
    ])
    func fiscalYearStartingInAprilIsNamedByItsEndingYear(
        text: String, kind: Period.Kind, label: String, days: String
    ) throws {
        let period = try parse(text, aprilFiscal)
        #expect(period.kind == kind)
        #expect(period.label == label)
        #expect(span(period) == days)
        #expect(period.fiscalYearStartMonth == (kind == .quarter ? nil : 4))
    }

    @Test func fiscalYearStartingInOctoberSpansTwoCalendarYears() throws {
        let october = CalendarSettings(fiscalYearStartMonth: 10)
        #expect(span(try parse("FY2026", october)) == "2025-10-01..2026-09-30")
        #expect(span(try parse("FY2026-Q2", october)) == "2026-01-01..2026-03-31")
        #expect(try parse("FY2024", october).days == 366)
    }

    @Test func weeksHonourTheWorkspaceWeekStart() throws {
        let sunday = CalendarSettings(weekStart: 7)
        #expect(span(try parse("2026-W01", sunday)) == "2026-01-04..2026-01-10")
        #expect(span(try parse("2026-W05", sunday)) == "2026-02-01..2026-02-07")
        #expect(Period.weekday(of: try parse("2026-W05", sunday).firstDay) == 7)
        #expect(Period.weeksInYear(2026, weekStart: 1) == 53)
        #expect(Period.weeksInYear(2025, weekStart: 1) == 52)
    }

    @Test func periodsRoundTripThroughTheirLabels() throws {
        for text in ["2026-10", "2026-Q3", "2026-H1", "2026", "2026-W05", "2026-10-31", "2026-01-01..2026-03-31"] {
            #expect(try parse(try parse(text).label) == parse(text))
        }
        for text in ["FY2026", "FY2026-Q1", "FY2026-H2"] {
            #expect(try parse(try parse(text, aprilFiscal).label, aprilFiscal) == parse(text, aprilFiscal))
        }
    }

    @Test func periodsRoundTripThroughCodable() throws {
        let period = try parse("FY2026-Q1", aprilFiscal)
        let data = try JSONEncoder().encode(period)
        #expect(try JSONDecoder().decode(Period.self, from: data) == period)
    }
}

extension PeriodTests.Errors {
    @Test(arguments: [
        ("", "it is empty"),
        ("26-10", "the year must have four digits"),
        ("+202", "the year must have four digits"),
        ("october", "the year must have four digits"),
        ("2026-13", "the month must be 01 to 12"),
        ("2026-00", "the month must be 01 to 12"),
        ("2026-Q5", "the quarter must be Q1 to Q4"),
        ("2026-H3", "the half must be H1 or H2"),
        ("2026-W54", "the week must be W01 to W53 in 2026"),
        ("2025-W53", "the week must be W01 to W52 in 2025"),
        ("2026-02-29", "the day must be 01 to 28 in 2026-02"),
        ("2026-04-31", "the day must be 01 to 30 in 2026-04"),
        ("2026-10-31-1", "it has too many parts"),
        ("FY26", "FY must be followed by a four-digit year"),
        ("FY2026-10", "a fiscal year is followed by -Q1 to -Q4, -H1 or -H2"),
        ("2026-03-31..2026-01-01", "the range ends before it starts"),
        (
            "2026-01..2026-03",
            "a range of dates is two dates such as 2026-01-01..2026-03-31 "
                + "(for one period per month or quarter use --period-range)"
        ),
    ])
    func badTextIsRejectedWithItsReason(text: String, reason: String) {
        #expect(throws: PeriodError(text: text, reason: reason)) { try parse(text) }
    }

    @Test func messageQuotesTheTextAndListsTheAcceptedForms() {
        let error = PeriodError(text: "2026-13", reason: "the month must be 01 to 12")
        #expect(
            error.description
                == "\"2026-13\" is not a period: the month must be 01 to 12. Accepted forms: 2026-10 (month), "
                + "2026-Q3 (quarter), 2026-H1 (half), 2026 (year), 2026-W05 (week), 2026-10-31 (day), "
                + "FY2026, FY2026-Q1, FY2026-H2 (fiscal year, quarter, half), 2026-01-01..2026-03-31 (dates)")
    }
}

extension PeriodTests.Navigation {
    @Test(arguments: [
        ("2026-01", "2025-12", "2026-02", "2025-01"),
        ("2024-02", "2024-01", "2024-03", "2023-02"),
        ("2026-Q1", "2025-Q4", "2026-Q2", "2025-Q1"),
        ("2026-H1", "2025-H2", "2026-H2", "2025-H1"),
        ("2026", "2025", "2027", "2025"),
        ("2026-W01", "2025-W52", "2026-W02", "2025-W01"),
        ("2026-W53", "2026-W52", "2027-W01", "2025-W52"),
        ("2024-02-29", "2024-02-28", "2024-03-01", "2023-02-28"),
        ("2025-03-01", "2025-02-28", "2025-03-02", "2024-03-01"),
        ("2026-01-01..2026-03-31", "2025-10-03..2025-12-31", "2026-04-01..2026-06-29", "2025-01-01..2025-03-31"),
        ("2024-02-29..2024-03-10", "2024-02-18..2024-02-28", "2024-03-11..2024-03-21", "2023-02-28..2023-03-10"),
    ])
    func neighboursKeepTheKind(text: String, previous: String, next: String, lastYear: String) throws {
        let period = try parse(text)
        #expect(period.previous.label == previous)
        #expect(period.next.label == next)
        #expect(period.samePeriodLastYear.label == lastYear)
        #expect(period.previous.kind == period.kind)
        #expect(period.samePeriodLastYear.kind == period.kind)
        if period.kind != .custom { #expect(period.previous.lastDay + 1 == period.firstDay) }
    }

    @Test func neighboursOfWeeksHaveExactDays() throws {
        let week = try parse("2026-W53")
        #expect(span(week.samePeriodLastYear) == "2025-12-22..2025-12-28")
        #expect(span(week.next) == "2027-01-04..2027-01-10")
        let sunday = try parse("2026-W01", CalendarSettings(weekStart: 7))
        #expect(sunday.previous.label == "2025-W53")  // Sunday weeks: 2025 has 53
        #expect(span(sunday.previous) == "2025-12-28..2026-01-03")
    }

    @Test func fiscalNeighboursStayFiscal() throws {
        let quarter = try parse("FY2026-Q1", aprilFiscal)
        #expect(quarter.previous.label == "FY2025-Q4")
        #expect(span(quarter.previous) == "2025-01-01..2025-03-31")
        #expect(quarter.previous.fiscalYearStartMonth == 4)
        #expect(quarter.next.next.next.next.label == "FY2027-Q1")
        #expect(span(try parse("FY2026-Q4", aprilFiscal).next) == "2026-04-01..2026-06-30")
        let half = try parse("FY2026-H2", aprilFiscal)
        #expect(half.samePeriodLastYear.label == "FY2025-H2")
        #expect(span(half.samePeriodLastYear) == "2024-10-01..2025-03-31")
        #expect(half.previous.label == "FY2026-H1")
        let year = try parse("FY2026", aprilFiscal)
        #expect(span(year.previous) == "2024-04-01..2025-03-31")
        #expect(year.samePeriodLastYear == year.previous)
    }

    @Test func daysElapsedIsClampedToThePeriod() throws {
        let october = try parse("2026-10")
        let day = { (text: String) in try parse(text).firstDay }
        #expect(october.daysElapsed(asOf: try day("2026-09-30")) == 0)
        #expect(october.daysElapsed(asOf: try day("2026-10-01")) == 1)
        #expect(october.daysElapsed(asOf: try day("2026-10-15")) == 15)
        #expect(october.daysElapsed(asOf: try day("2026-10-31")) == 31)
        #expect(october.daysElapsed(asOf: try day("2027-01-05")) == 31)
        #expect(october.contains(day: try day("2026-10-01")))
        #expect(october.contains(day: try day("2026-10-31")))
        #expect(!october.contains(day: try day("2026-11-01")))
        #expect(!october.contains(day: try day("2026-09-30")))
    }
}

extension PeriodTests.Ranges {
    private func labels(_ text: String, _ calendar: CalendarSettings = gregorian) throws -> [String] {
        try Period.range(text, calendar: calendar).map(\.label)
    }

    @Test func rangesListEveryPeriodOfTheKind() throws {
        #expect(try labels("2026-01..2026-06") == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(try labels("2026-Q1..2026-Q4") == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(try labels("2025..2026") == ["2025", "2026"])
        #expect(try labels("2025-H2..2026-H1") == ["2025-H2", "2026-H1"])
        #expect(try labels("2026-W52..2027-W02") == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
        #expect(try labels("2024-02-28..2024-03-01") == ["2024-02-28", "2024-02-29", "2024-03-01"])
        #expect(try labels("FY2026-Q4..FY2027-Q1", aprilFiscal) == ["FY2026-Q4", "FY2027-Q1"])
        #expect(try labels("2026-03") == ["2026-03"])
        #expect(try labels("2026-03..2026-03") == ["2026-03"])
        #expect(try Period.range("2024-01-01..2024-12-31", calendar: gregorian).count == 366)
    }

    @Test(arguments: [
        ("2026-01..2026-Q2", "both ends must be the same kind of period (month and quarter)"),
        ("2026-06..2026-01", "2026-06 comes after 2026-01"),
        ("2000-01-01..2026-01-01", "a range may hold at most 400 periods"),
        ("2026-01..", "\"\": it is empty"),
        ("2026-13..2026-14", "\"2026-13\": the month must be 01 to 12"),
        ("2026..2027..2028", "write two periods separated by \"..\""),
    ])
    func badRangesAreRejected(text: String, reason: String) {
        #expect(throws: PeriodError(text: text, reason: reason, isRange: true)) {
            try Period.range(text, calendar: gregorian)
        }
    }

    @Test func rangeMessageListsTheRangeForms() {
        let error = PeriodError(text: "2026-06..2026-01", reason: "2026-06 comes after 2026-01", isRange: true)
        #expect(
            error.message
                == "\"2026-06..2026-01\" is not a period range: 2026-06 comes after 2026-01. Accepted forms: "
                + "2026-01..2026-06 (each month), 2026-Q1..2026-Q4 (each quarter), 2025..2026 (each year), "
                + "or any two periods of the same kind")
    }
}
