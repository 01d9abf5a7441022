import LuaRuntime
import Testing
import YardstickData

@testable import YardstickEngine

/// A script line that fails, and the message it must fail with at that line.
struct LocatedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let line: String
    let message: String

    var testDescription: String { name }
}

/// Item 3 of issue 7: every error names the script's `file:line`, never a line of the prelude,
/// and a value that is not a number is a listed failure like any other.
@Suite struct LocatedFailureTests {
    static let argumentErrors: [LocatedCase] = [
        LocatedCase(
            name: "where with a number", line: "    local v = s.opportunities:where(5)",
            message: "where{...} takes a table of conditions"),
        LocatedCase(
            name: "where with a bad operator", line: #"    local v = s.opportunities:where{ stage = { 1, "x" } }"#,
            message: "where{stage = {op, value}}: op must be a string"),
        LocatedCase(
            name: "sum without a field", line: "    local v = s.opportunities:sum(3)",
            message: "sum takes a field name, days(a, b) / hours(a, b) or field(…) arithmetic"),
        LocatedCase(
            name: "k with a number", line: "    local v = k(42)", message: "k(id) takes an indicator id"),
        LocatedCase(
            name: "k of an unknown indicator", line: #"    local v = k("nope")"#,
            message: #"unknown indicator "nope""#),
        LocatedCase(
            name: "error with an empty message", line: #"    local v = error("")"#,
            message: "error raised with an empty message"),
        LocatedCase(
            name: "ratio of text", line: #"    local v = ratio("a", 1)"#,
            message: "ratio(a, b) takes numbers, got string and number"),
    ]

    @Test(arguments: argumentErrors)
    func argumentErrorNamesTheScriptLine(_ scenario: LocatedCase) throws {
        let report = try ManyUsersFixture.run(ManyUsersFixture.bad(scenario.line + "\n    return 1"), users: 3)
        ManyUsersFixture.expectControlUnharmed(report)
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 3)
        for failure in failures {
            #expect(failure.location == "indicators/bad.lua:3")
            #expect(failure.message == scenario.message)
        }
    }

    @Test func limitReachedInsideTheAPINamesTheScriptLineNotThePrelude() throws {
        // The instruction limit strikes while the prelude's row iterator runs.
        let report = try ManyUsersFixture.run(
            ManyUsersFixture.bad(
                "    local n = 0\n    for a in s.all.opportunities:rows() do for b in s.all.opportunities:rows() do n = n + 1 end end\n    return n"
            ), users: 30, limits: LuaLimits(instructionsPerCall: 20_000, memoryBytes: 64 << 20, secondsPerCall: 5))
        ManyUsersFixture.expectControlUnharmed(report)
        #expect(report.limitStops == ["bad": 1])
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 30)
        for failure in failures {
            #expect(failure.location == "indicators/bad.lua:4")
            #expect(failure.message == "script exceeded the instruction limit of 20000")
        }
    }

    static let returnKinds: [(body: String, kind: String)] = [
        ("return function() end", "function"),
        ("return {}", "table"),
        ("return true", "boolean"),
        (#"return "12""#, "string"),
    ]

    @Test(arguments: returnKinds.indices)
    func valueThatIsNotANumberIsALocatedFailure(_ index: Int) throws {
        let (body, kind) = Self.returnKinds[index]
        let report = try ManyUsersFixture.run(ManyUsersFixture.bad("    " + body), users: 3)
        ManyUsersFixture.expectControlUnharmed(report)
        let message = "value returned a \(kind); return a number, a decimal or missing(reason)"
        let failures = report.errors.filter { $0.indicatorID == "bad" }
        #expect(failures.count == 3)
        for failure in failures {
            // The value function starts on line 2.
            #expect(failure.location == "indicators/bad.lua:2")
            #expect(failure.message == message)
        }
        for result in report.results where result.indicatorID == "bad" {
            #expect(result.value == .failed(message: "indicators/bad.lua:2: " + message))
        }
    }

    @Test func noFailureEverNamesThePrelude() throws {
        let bodies = [
            "    local v = s.opportunities:where(5)", "    while true do end", "    return missing(5)",
            "    return s.opportunities:count() < missing(\"x\")",
        ]
        for body in bodies {
            let report = try ManyUsersFixture.run(ManyUsersFixture.bad(body), users: 2)
            for failure in report.errors {
                #expect(!failure.location.contains("prelude"), "\(body): \(failure.location)")
                #expect(!failure.message.contains("prelude"), "\(body): \(failure.message)")
            }
            #expect(!report.errors.isEmpty, "\(body)")
        }
    }
}
