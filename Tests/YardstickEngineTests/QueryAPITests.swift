import Testing
import YardstickData

@testable import YardstickEngine

/// One test per API call, with values worked out by hand from EngineFixture's rows.
@Suite struct QueryAPITests {
    func value(_ expression: String, subject: String = "u1", grain: Grain = .user) throws -> ResultValue {
        try EngineFixture.value(expression, subject: subject, grain: grain)
    }

    func decimal(_ text: String) -> ResultValue {
        var copy = text
        return .decimal(copy.withUTF8 { ExactDecimal.parse(UnsafeRawBufferPointer($0))! })
    }

    @Test func countDuringPeriod() throws {
        // u1's deals closed in October: o1, o2, o3 (o7 closed 1 November).
        #expect(try value(#"return s.opportunities:during("closed_at"):count()"#) == .integer(3))
    }

    @Test func sumOfMoneyIsExact() throws {
        // o1 + o2 = 100.10 + 200.20 = 300.30 exactly.
        #expect(
            try value(#"return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount")"#)
                == decimal("300.3"))
    }

    @Test func sumOfNoRowsIsAnExactZero() throws {
        #expect(try value(#"return s.opportunities:where{ stage = "proposal" }:sum("amount")"#) == decimal("0"))
    }

    @Test func averageOfNoRowsIsMissing() throws {
        #expect(
            try value(#"return s.opportunities:where{ stage = "proposal" }:avg("amount")"#)
                == .missing(reason: "no rows"))
    }

    @Test func ratioOfCounts() throws {
        // Won 2 of 3 closed in October.
        let result = try value(
            #"local c = s.opportunities:during("closed_at") return ratio(c:where{ stage = "won" }:count(), c:count())"#)
        #expect(result == .number(2.0 / 3.0))
    }

    @Test func ratioByZeroIsMissing() throws {
        #expect(try value("return ratio(1, 0)") == .missing(reason: "division by zero"))
    }

    @Test func durationsInDaysAndHours() throws {
        // Won in October: o1 34 days (09-01 → 10-05), o2 35 days (09-15 → 10-20).
        #expect(
            try value(
                #"return s.opportunities:during("closed_at"):where{ stage = "won" }:avg(days("created_at", "closed_at"))"#
            ) == .number(34.5))
        // Cases: 12 h and 48 h.
        #expect(
            try value(#"return s.cases:during("resolved_at"):avg(hours("opened_at", "resolved_at"))"#) == .number(30))
    }

    @Test func minMaxMedianPercentile() throws {
        let won = #"s.opportunities:where{ stage = "won" }"#  // u1: 100.10, 200.20, 0.30
        #expect(try value("return \(won):min(\"amount\")") == decimal("0.3"))
        #expect(try value("return \(won):max(\"amount\")") == decimal("200.2"))
        #expect(try value("return \(won):median(\"amount\")") == .number(100.1))
        #expect(try value("return \(won):percentile(\"amount\", 50)") == .number(100.1))
    }

    @Test func distinctCountsAndLists() throws {
        // u1's October activities touched a1 and a2.
        #expect(try value(#"return s.activities:during("occurred_at"):count_distinct("account")"#) == .integer(2))
        #expect(try value(#"return #s.opportunities:distinct("account")"#) == .integer(3))
    }

    @Test func whereOperators() throws {
        let deals = "s.opportunities"
        #expect(try value("return \(deals):where{ amount = {\">=\", 100} }:count()") == .integer(2))
        #expect(try value("return \(deals):where{ stage = {\"in\", {\"won\", \"lost\"}} }:count()") == .integer(4))
        #expect(try value("return \(deals):where{ stage = {\"not in\", {\"won\"}} }:count()") == .integer(1))
        #expect(try value("return \(deals):where{ amount = {\"between\", 50, 150} }:count()") == .integer(2))
        #expect(try value("return \(deals):where{ stage = {\"~=\", \"won\"} }:count()") == .integer(1))
        #expect(try value("return \(deals):where{ id = {\"contains\", \"7\"} }:count()") == .integer(1))
        #expect(try value("return s.all.opportunities:where{ account = {\"is nil\"} }:count()") == .integer(1))
        #expect(try value("return s.all.opportunities:where{ amount = {\"not nil\"} }:count()") == .integer(7))
    }

    @Test func dotPathsFollowReferences() throws {
        // u1's deals at retail accounts (a1, a3): o1, o3, o7.
        #expect(try value(#"return s.opportunities:where{ ["account.industry"] = "retail" }:count()"#) == .integer(3))
    }

    @Test func referencesCompareByTheReferencedId() throws {
        #expect(try value(#"return s.opportunities:where{ account = "a1" }:count()"#) == .integer(2))
    }

    @Test func betweenAndBeforeUseDates() throws {
        #expect(
            try value(#"return s.opportunities:between("closed_at", date(2026, 10, 1), date("2026-10-15")):count()"#)
                == .integer(1))
        // u1's accounts created before October: a3 (2026-09-30).
        #expect(try value(#"return s.accounts:before("created_at"):count()"#) == .integer(1))
    }

    @Test func firstLastAndTop() throws {
        let won = #"s.opportunities:where{ stage = "won" }"#
        #expect(try value("return \(won):first(\"amount\", \"closed_at\")") == decimal("100.1"))
        #expect(try value("return \(won):last(\"amount\", \"closed_at\")") == decimal("0.3"))
        // A zero-day duration ties every deal: both take the row loaded first (o1).
        let tie = #"days("created_at", "created_at")"#
        #expect(try value("return s.opportunities:first(\"amount\", \(tie))") == decimal("100.1"))
        #expect(try value("return s.opportunities:last(\"amount\", \(tie))") == decimal("100.1"))
        #expect(
            try value("local top = \(won):top(2, \"amount\") return #top * 1000 + top[1].amount:number()")
                == .number(2200.2))
    }

    @Test func groupByGivesPerKeyValues() throws {
        let result = try value(#"local g = s.opportunities:group_by("stage"):count() return g.won * 10 + g.lost"#)
        #expect(result == .integer(31))
    }

    @Test func rowsIterateReadOnlyRecords() throws {
        let result = try value(
            #"local n = 0 for deal in s.opportunities:during("closed_at"):rows() do if deal.stage == "won" then n = n + 1 end end return n"#
        )
        #expect(result == .integer(2))
        let write = try value(#"for deal in s.opportunities:rows() do deal.amount = 1 end return 0"#)
        guard case .failed(let message) = write else {
            Issue.record("writing a row should fail")
            return
        }
        #expect(message.contains("indicators/probe.lua:2: rows are read-only"))
    }

    @Test func teamsEvaluateTheUnionOfMembers() throws {
        // Team T1 = u1 + u2: won in October o1, o2, o4 = 1300.30.
        let won = #"return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount")"#
        #expect(try value(won, subject: "T1", grain: .team) == decimal("1300.3"))
        #expect(try value(won, subject: "D1", grain: .department) == decimal("1300.3"))
        // The company (the teams row of kind company, C) sees every row; o6 (u3) closed in September.
        #expect(try value(won, subject: "C", grain: .company) == decimal("1300.3"))
    }

    @Test func peerComparisonWithAll() throws {
        let result = try value(
            #"local f = function(v) return v:during("closed_at"):where{ stage = "won" }:sum("amount") end return ratio(f(s.opportunities), f(s.all.opportunities))"#
        )
        #expect(result == .number(300.3 / 1300.3))
    }

    @Test func previousAndSamePeriodLastYear() throws {
        // u1 in September: nothing closed; o6 (u3) closed 09-30.
        #expect(try value(#"return s.previous.opportunities:during("closed_at"):count()"#) == .integer(0))
        #expect(try value(#"return s.previous.all.opportunities:during("closed_at"):count()"#) == .integer(1))
        #expect(try value(#"return s.same_period_last_year.opportunities:during("closed_at"):count()"#) == .integer(0))
        #expect(
            try value(#"return s.previous.period.label"#)
                == .failed(
                    message:
                        "indicators/probe.lua:1: value returned a string; return a number, a decimal or missing(reason)"
                ))
    }

    @Test func subjectAndPeriodFields() throws {
        #expect(try value("return s.period.days") == .integer(31))
        #expect(
            try value(#"if s.subject.name == "Ann" and s.subject.team == "T1" then return 1 end return 0"#)
                == .integer(1))
        #expect(try value("return s.period.finish - s.period.start") == .integer(30))
    }

    @Test func decimalArithmeticStaysExact() throws {
        #expect(try value(#"return s.opportunities:where{ id = "o1" }:sum("amount") * 3"#) == decimal("300.3"))
        #expect(try value(#"return s.opportunities:where{ id = "o1" }:sum("amount") / 2"#) == .number(50.05))
    }

    @Test func derivedIndicatorsUseK() throws {
        let revenue =
            #"return indicator { id = "revenue", unit = "money", value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount") end }"#
        let won =
            #"return indicator { id = "won", value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:count() end }"#
        #expect(
            try EngineFixture.value(#"return ratio(k("revenue"), k("won"))"#, extra: [revenue, won]) == .number(150.15))
    }

    @Test func dependencyCyclesAreReported() throws {
        let a = #"return indicator { id = "a", value = function(s, k) return k("probe") end }"#
        guard case .failed(let message) = try EngineFixture.value(#"return k("a")"#, extra: [a]) else {
            Issue.record("a cycle must fail")
            return
        }
        #expect(message.contains("cycle"))
    }

    @Test func unknownFieldsNameTheScriptLine() throws {
        guard
            case .failed(let message) = try value(
                #"local n = s.opportunities:where{ colour = "red" }:count() return n"#)
        else {
            Issue.record("an unknown field must fail")
            return
        }
        #expect(message.hasPrefix("indicators/probe.lua:2: opportunities has no mapped field colour"))
    }

    @Test func errorsInTailCallsStillNameTheFile() throws {
        // `return f()` drops the script's frame, so Lua knows no line; the file is still named.
        guard case .failed(let message) = try value(#"return s.opportunities:where{ colour = "red" }:count()"#) else {
            Issue.record("an unknown field must fail")
            return
        }
        #expect(message.hasPrefix("indicators/probe.lua: opportunities has no mapped field colour"))
    }
}
