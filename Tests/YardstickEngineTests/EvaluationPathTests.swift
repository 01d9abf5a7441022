import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Issue 8, item 1: the report says which evaluation path computed each figure, and these
/// tests pin the paths down, so that turning off column mode, the prefill, the prefetch or
/// partition runs in the code makes a test fail (the values are the same on every path, so the
/// value tests alone cannot notice).
///
/// The fixture has 3 users (u1, u2, u3) and the company; one worker, so the counts do not
/// depend on scheduling.
@Suite struct EvaluationPathTests {
    /// Indicators of every shape: straight-line (column mode), branching on a value and reading
    /// `s.subject` (both per subject), and one with a query only on a branch.
    static let sources: [Evaluator.Source] = [
        source("won", #"return s.opportunities:where{ stage = "won" }:during("closed_at"):count()"#),
        source(
            "branchy",
            #"local n = s.opportunities:during("closed_at"):count() if n > 1 then return n end return 0"#),
        source("named", #"if s.subject.id == "u1" then return 1 end return 0"#),
        source("share", #"return ratio(s.opportunities:during("closed_at"):sum("amount"), 2)"#),
    ]

    static func source(_ id: String, _ body: String) -> Evaluator.Source {
        Evaluator.Source(
            file: "indicators/\(id).lua",
            text: "return indicator { id = \"\(id)\", value = function(s, k)\n\(body)\nend }")
    }

    /// The fixture's data, loaded once; its temporary folder is removed at once.
    static let fixture: (Workspace, QueryEngine)? = {
        guard let (workspace, engine, _) = try? EngineFixture.workspace() else { return nil }
        return (workspace, engine)
    }()

    /// Runs `sources` for the users and the company in October 2026 on one worker.
    static func run(
        _ sources: [Evaluator.Source] = sources, columnMode: Bool = true, paths: EvaluationPaths = EvaluationPaths(),
        limits: LuaLimits = .default
    ) throws -> (RunReport, EvaluationStatistics) {
        let (workspace, engine) = try #require(fixture)
        var evaluator = Evaluator(engine: engine, workspace: workspace, limits: limits, today: 20_400, workers: 1)
        evaluator.columnMode = columnMode
        evaluator.paths = paths
        let report = try evaluator.run(sources: sources, periods: [EngineFixture.october], grains: [.user, .company])
        return (report, try #require(report.statistics))
    }

    @Test func straightLineIndicatorsRunInColumnModeForAGrainOfManySubjects() throws {
        let (_, statistics) = try Self.run()
        #expect(statistics.figuresByIndicator["won"] == FigurePaths(columnMode: 3, perSubject: 1))
        #expect(statistics.figuresByIndicator["share"] == FigurePaths(columnMode: 3, perSubject: 1))
    }

    @Test func branchingAndSubjectDependentIndicatorsRunPerSubjectWithPrefetchedValues() throws {
        let (_, statistics) = try Self.run()
        #expect(statistics.figuresByIndicator["branchy"] == FigurePaths(prefetched: 3, perSubject: 1))
        #expect(statistics.figuresByIndicator["named"] == FigurePaths(prefetched: 3, perSubject: 1))
        #expect(statistics.figures == FigurePaths(columnMode: 6, prefetched: 6, perSubject: 4))
        #expect(statistics.figures.total == 16)
    }

    @Test func discoveredQueriesAreComputedAheadOnceForAllSubjects() throws {
        let (_, statistics) = try Self.run()
        // won, branchy and share ask for three different aggregates; discovery meets each.
        #expect(statistics.discoveredQueries == 3)
        #expect(statistics.partitionQueriesAhead == 3)
        #expect(statistics.partitionQueries == 3)
        // The company is a single subject: its three queries run for it alone.
        #expect(statistics.subjectQueries == 3)
        #expect(statistics.discoverySeconds > 0)
        #expect(statistics.prefillSeconds >= 0)
    }

    @Test func aQueryDiscoveryDoesNotMeetIsComputedGroupedOnRequest() throws {
        // Discovery evaluates the first user with placeholder values: `n > 1` is false for a
        // missing value, so the query on the other branch is first met while running.
        let hidden = Self.source(
            "hidden",
            #"local n = s.opportunities:count() if is_missing(n) then return s.cases:count() end return s.activities:count()"#
        )
        let (_, statistics) = try Self.run([hidden])
        #expect(statistics.discoveredQueries == 2)
        #expect(statistics.partitionQueriesAhead == 2)
        #expect(statistics.partitionQueries == 3)
        // No column pass prepared a query in the worker's Lua state, so the first user has no
        // shared values to be given; the next users do.
        #expect(statistics.figuresByIndicator["hidden"] == FigurePaths(prefetched: 2, perSubject: 2))
    }

    @Test func aPartitionRunWaitsForAnEighthOfTheSubjectsToAsk() {
        #expect(EvaluationSession.sharedAskCount(partitionSize: 3) == 2)
        #expect(EvaluationSession.sharedAskCount(partitionSize: 1_000) == 125)
        #expect(EvaluationSession.sharedAskCount(partitionSize: 23_570) == 2_946)
    }

    @Test func dateArithmeticAndTheChunksConstantsRunInColumnMode() throws {
        // CDNOW's T and recency (weeks between dates) and its RFM weights (chunk locals) used
        // to fall back to the per-subject path: dates did not cross in columns, and any upvalue
        // but _ENV disqualified a function.
        let weeks = Self.source("weeks", #"return (s.period.finish - s.opportunities:min("created_at")) / 7"#)
        let weighted = Evaluator.Source(
            file: "indicators/weighted.lua",
            text: """
                local WEIGHT = 0.5
                return indicator { id = "weighted", value = function(s)
                  return WEIGHT * s.opportunities:during("closed_at"):count()
                end }
                """)
        let (report, statistics) = try Self.run([weeks, weighted])
        #expect(statistics.figuresByIndicator["weeks"] == FigurePaths(columnMode: 3, perSubject: 1))
        #expect(statistics.figuresByIndicator["weighted"] == FigurePaths(columnMode: 3, perSubject: 1))
        // u2's first opportunity was created on 2026-08-01: 91 days before 2026-10-31.
        let u2 = report.results.first { $0.indicatorID == "weeks" && $0.subjectID == "u2" }
        #expect(u2?.value == .number(91.0 / 7))
    }

    @Test func aQueryOnTheSubjectsOwnValueRunsForThatSubjectAloneNotForThePartition() throws {
        // Each user's filter holds its own first creation day, so each user prepares an
        // aggregate no other user asks for: computing it for all users to read one value made
        // the per-subject path quadratic in the number of subjects (CDNOW's monetary value).
        let own = Self.source(
            "own",
            #"local first = s.opportunities:min("created_at") "#
                + #"return s.opportunities:where{ created_at = { ">", first } }:count()"#)
        let (report, statistics) = try Self.run([own])
        let reference = try Self.run([own], paths: EvaluationPaths(partitioned: false, prefetch: true)).0
        #expect(report.results == reference.results)
        // u1 and u3 first created an opportunity on 2026-09-01, u2 on 2026-08-01. u1's filter
        // runs for u1 alone; u3 asks for the same one, which is then computed for the whole
        // partition (of 3 users, 2 askers are enough: EvaluationSession.sharedAskCount); u2's
        // runs for u2 alone. Partition runs: the min (computed ahead) and the 09-01 filter;
        // alone: u1's, u2's and the company's two.
        #expect(statistics.partitionQueries == 2)
        #expect(statistics.subjectQueries == 2 + 2)
    }

    @Test func withColumnModeOffStraightLineIndicatorsRunPerSubject() throws {
        let (report, statistics) = try Self.run(columnMode: false)
        // Without a column pass, the first user's call has no prepared query to prefetch.
        #expect(statistics.figuresByIndicator["won"] == FigurePaths(prefetched: 2, perSubject: 2))
        #expect(statistics.figures.columnMode == 0)
        #expect(statistics.figures.total == report.results.count)
    }

    @Test func withoutPrefetchPerSubjectIndicatorsAskTheHostForEachQuery() throws {
        let (_, statistics) = try Self.run(paths: EvaluationPaths(partitioned: true, prefetch: false))
        #expect(statistics.figuresByIndicator["branchy"] == FigurePaths(perSubject: 4))
        #expect(statistics.figuresByIndicator["won"] == FigurePaths(columnMode: 3, perSubject: 1))
        #expect(statistics.figures.prefetched == 0)
    }

    @Test func withoutPartitionRunsEverySubjectRunsItsOwnQueries() throws {
        let (_, statistics) = try Self.run(paths: EvaluationPaths(partitioned: false, prefetch: true))
        #expect(statistics.figures == FigurePaths(perSubject: 16))
        #expect(statistics.partitionQueries == 0)
        #expect(statistics.discoveredQueries == 0)
        // Three queries for each of the 3 users and the company.
        #expect(statistics.subjectQueries == 12)
    }

    @Test func everyPathGivesTheSameFigures() throws {
        let reference = try Self.run().0
        for (columnMode, paths) in [
            (false, EvaluationPaths()), (true, EvaluationPaths(partitioned: true, prefetch: false)),
            (true, EvaluationPaths(partitioned: false, prefetch: true)),
        ] {
            let other = try Self.run(columnMode: columnMode, paths: paths).0
            #expect(other.results == reference.results, "column mode \(columnMode), \(paths)")
        }
    }

    @Test func failuresAreCountedOnThePathThatRanThemAndLimitStopsAsNotRun() throws {
        let bad = Self.source("bad", "while true do end")
        let raising = Self.source("raising", "error({})")
        var limits = LuaLimits.default
        limits.instructionsPerCall = 200_000
        let (report, statistics) = try Self.run([bad, raising], limits: limits)
        // The limit stops the first user's evaluation (no query prepared yet, so nothing to
        // prefetch); the other figures fail without running.
        #expect(
            statistics.figuresByIndicator["bad"]
                == FigurePaths(perSubject: 1, notRun: 3, failed: 4, stoppedByLimits: 4))
        // An error without a place is evaluated again alone, for its location.
        #expect(statistics.figuresByIndicator["raising"] == FigurePaths(alone: 4, failed: 4))
        #expect(report.limitStops == ["bad": 1])
    }

    @Test func jsonCarriesTheStatisticsOnlyWhenAskedFor() throws {
        var (report, _) = try Self.run([Self.sources[0]])
        report.generatedAt = ""
        report.statistics?.discoverySeconds = 0.25
        report.statistics?.prefillSeconds = 0.125
        let plain = JSONReportWriter().text(report)
        #expect(!plain.contains("evaluation"))
        let withStatistics = JSONReportWriter().text(report, options: ReportWriterOptions(includesStatistics: true))
        let start = try #require(withStatistics.range(of: "  \"evaluation\": {\n"))
        let end = try #require(withStatistics.range(of: "\n  },\n", range: start.upperBound..<withStatistics.endIndex))
        let block = String(withStatistics[start.lowerBound..<end.upperBound])
        // The rest of the document is the plain one, byte for byte.
        #expect(withStatistics.replacingOccurrences(of: block, with: "") == plain)
        let counts = """
            "alone": 0,
            "column_mode": 3,
            "failed": 0,
            "not_run": 0,
            "per_subject": 1,
            "prefetched": 0,
            "stopped_by_limits": 0,
            "total": 4
            """
        func indented(_ text: String, _ spaces: Int) -> String {
            text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
        }
        #expect(
            block == """
                  "evaluation": {
                    "discovery_seconds": 0.25,
                    "figures": {
                \(indented(counts, 6))
                    },
                    "figures_by_indicator": {
                      "won": {
                \(indented(counts, 8))
                      }
                    },
                    "prefill_seconds": 0.125,
                    "queries": {
                      "discovered": 1,
                      "grouped": 1,
                      "grouped_ahead": 1,
                      "one_subject": 1
                    }
                  },

                """)
    }
}
