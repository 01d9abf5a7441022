import Testing

@testable import YardstickEngine

/// The grouped list of failures that `run` prints on standard error and the table ends with.
@Suite struct FailureSummaryTests {
    static func failure(
        _ id: String, _ subject: String?, _ period: String? = "2026-10", grain: Grain? = .user,
        message: String = "boom", line: Int? = 3
    ) -> IndicatorFailure {
        IndicatorFailure(
            indicatorID: id, subjectID: subject, periodLabel: subject == nil ? nil : period,
            grain: subject == nil ? nil : grain, message: message, file: "indicators/\(id.isEmpty ? "x" : id).lua",
            line: line)
    }

    @Test func sameErrorForManySubjectsIsOneLineWithTheCount() {
        let failures = (1...41).map { Self.failure("won_deals", "u\($0)", message: "script exceeded the limit") }
        #expect(
            FailureSummary(failures).lines() == [
                "won_deals failed for 41 users in 2026-10: indicators/won_deals.lua:3: script exceeded the limit"
            ])
    }

    @Test func oneSubjectIsNamed() {
        #expect(
            FailureSummary([Self.failure("win_rate", "u2")]).lines() == [
                "win_rate failed for user u2 in 2026-10: indicators/win_rate.lua:3: boom"
            ])
    }

    @Test func differentMessagesGrainsAndPeriodsAreSeparateOrCounted() {
        let failures = [
            Self.failure("a", "u1"), Self.failure("a", "u2", "2026-11"), Self.failure("a", "u1", "2026-11"),
            Self.failure("a", "T1", grain: .team), Self.failure("a", "C", grain: .company),
            Self.failure("a", "u3", message: "other"),
        ]
        #expect(
            FailureSummary(failures).lines() == [
                "a failed for 2 users in 2 periods: indicators/a.lua:3: boom",
                "a failed for team T1 in 2026-10: indicators/a.lua:3: boom",
                "a failed for company C in 2026-10: indicators/a.lua:3: boom",
                "a failed for user u3 in 2026-10: indicators/a.lua:3: other",
            ])
    }

    @Test func failuresOfNoSubjectAreOneLineEach() {
        let failures = [
            Self.failure("", nil, message: "unexpected symbol near 'end'", line: 2),
            Self.failure("churn", nil, message: "needs cases.closed_at, which the workspace does not map", line: nil),
        ]
        #expect(
            FailureSummary(failures).lines() == [
                "indicators/x.lua:2: unexpected symbol near 'end'",
                "churn failed: indicators/churn.lua: needs cases.closed_at, which the workspace does not map",
            ])
    }

    @Test func linesAreCappedAndSayHowManyErrorsWereLeftOut() {
        var failures: [IndicatorFailure] = []
        for indicator in 1...25 {
            for user in 1...3 { failures.append(Self.failure("i\(indicator)", "u\(user)")) }
        }
        let lines = FailureSummary(failures).lines()
        #expect(lines.count == 21)
        #expect(lines[19] == "i20 failed for 3 users in 2026-10: indicators/i20.lua:3: boom")
        #expect(lines[20] == "15 more errors not shown")
        #expect(FailureSummary(failures).lines(limit: 24).last == "3 more errors not shown")
        #expect(FailureSummary(Array(failures.prefix(2))).lines(limit: 0) == ["2 more errors not shown"])
        #expect(FailureSummary(Array(failures.prefix(1))).lines(limit: 0) == ["1 more error not shown"])
    }
}
