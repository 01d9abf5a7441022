import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Runs with `quantile_bins` and `threshold_bins` on the engine fixture (October 2026).
///
/// Won revenue closed in October: u1 100.10 + 200.20 = 300.30 (o7 closes in November), u2 1000
/// (o4), u3 0 (o6 closed on 30 September); teams: T1 (u1, u2) 1300.30, T2 (u3) 0.
@Suite struct PeerBinsRunTests {
    static let won = Evaluator.Source(
        file: "indicators/won.lua",
        text: """
            return indicator { id = "won", per = "user", value = function(s)
              return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
            end }
            """)
    static let terciles = Evaluator.Source(
        file: "indicators/won_bin.lua",
        text: #"return indicator { id = "won_bin", per = "user", value = quantile_bins("won", 3) }"#)
    static let scaled = Evaluator.Source(
        file: "indicators/scaled.lua",
        text: #"return indicator { id = "scaled", per = "user", value = function(_, k) return 10 * k("won_bin") end }"#)

    /// 1 for u1, missing ("not u1") for every other user.
    static let onlyU1 = Evaluator.Source(
        file: "indicators/u1_only.lua",
        text: """
            return indicator { id = "u1_only", per = "user", value = function(s)
              if s.subject.id ~= "u1" then return missing("not u1") end
              return 1
            end }
            """)
    static let u1Bin = Evaluator.Source(
        file: "indicators/u1_bin.lua",
        text: #"return indicator { id = "u1_bin", per = "user", value = threshold_bins("u1_only", { 1 }) }"#)

    static func run(_ sources: [Evaluator.Source], grains: [Grain] = [.user], only: Set<String>? = nil) throws
        -> RunReport
    {
        let (workspace, engine, _) = try EngineFixture.workspace()
        return try Evaluator(engine: engine, workspace: workspace, workers: 2)
            .run(sources: sources, periods: [EngineFixture.october], grains: grains, only: only)
    }

    static func values(_ report: RunReport, _ id: String) -> [String: ResultValue] {
        Dictionary(
            report.results.filter { $0.indicatorID == id }.map { ("\($0.grain.rawValue):\($0.subjectID)", $0.value) }
        ) { first, _ in first }
    }

    @Test func binsAreComputedPerGrainAndAnIndicatorReadingThemRunsInASecondStage() throws {
        let report = try Self.run([Self.won, Self.terciles, Self.scaled], grains: [.user, .team])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // Users: u3 beats none → 1; u1 beats one → 1 + ⌊3·1/3⌋ = 2; u2 beats two → 3.
        // Teams: T2 → 1; T1 beats one of two → 1 + ⌊3·1/2⌋ = 2.
        #expect(
            Self.values(report, "won_bin") == [
                "user:u1": .integer(2), "user:u2": .integer(3), "user:u3": .integer(1), "team:T1": .integer(2),
                "team:T2": .integer(1),
            ])
        #expect(Self.values(report, "scaled")["user:u1"] == .integer(20))
        #expect(Self.values(report, "scaled")["team:T2"] == .integer(10))
        #expect(report.statistics?.peerBinFigures == 5)
        #expect(report.statistics?.evaluationStages == 2)
        // The reader of the bins runs in column mode once they are known: the host hands the
        // column run every subject's bin as a column it keeps (CDNOW's weighted RFM score took
        // the per-subject path, then crossed into Lua bin by bin).
        #expect(report.statistics?.figuresByIndicator["scaled"]?.columnMode == 5)
        // The report keeps load order, task by task, as a run without bins.
        #expect(report.results.prefix(3).map(\.indicatorID) == ["won", "won_bin", "scaled"])
    }

    @Test func arithmeticOnBinsRunsInTheHostAndEqualsThePerSubjectPathMissingBinsIncluded() throws {
        let weighted = Evaluator.Source(
            file: "indicators/weighted.lua",
            text: """
                return indicator { id = "weighted", per = "user", value = function(_, k)
                  return 0.5 * k("won_bin") + 0.25 * k("u1_bin")
                end }
                """)
        let sources = [Self.won, Self.terciles, Self.onlyU1, Self.u1Bin, weighted]
        let (workspace, engine, _) = try EngineFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        let columns = try evaluator.run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        evaluator.columnMode = false
        let perSubject = try evaluator.run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        // won_bin: u1 2, u2 3, u3 1; u1_bin: u1 2, the others missing (u1_only is missing).
        #expect(
            Self.values(columns, "weighted") == [
                "user:u1": .number(1.5), "user:u2": .missing(reason: "u1_only is missing: not u1"),
                "user:u3": .missing(reason: "u1_only is missing: not u1"),
            ])
        #expect(Self.values(columns, "weighted") == Self.values(perSubject, "weighted"))
        #expect(columns.statistics?.figuresByIndicator["weighted"]?.columnMode == 3)
        // Two products and their sum: the bins stay in the host, none crosses into Lua.
        #expect((columns.statistics?.hostArithmeticColumns ?? 0) >= 3)
        #expect(perSubject.statistics?.hostArithmeticColumns == 0)
    }

    @Test func columnFiguresWithoutFailuresAreCopiedAWholeUnitAtATime() throws {
        let report = try Self.run([Self.won, Self.terciles, Self.scaled], grains: [.user, .team])
        // won (3 users + 2 teams) in stage 1 and scaled in stage 2 come from their columns as
        // wholes; won_bin is binned by the host, and scaled's pending stage-1 failures are not
        // copied.
        #expect(report.statistics?.columnFiguresCopied == 10)
        var evaluator = Evaluator(
            engine: try EngineFixture.workspace().1, workspace: try EngineFixture.workspace().0, workers: 2)
        evaluator.columnMode = false
        let perSubject = try evaluator.run(
            sources: [Self.won, Self.terciles, Self.scaled], periods: [EngineFixture.october], grains: [.user, .team])
        #expect(perSubject.statistics?.columnFiguresCopied == 0)
        #expect(perSubject.results == report.results)
    }

    @Test func aRunWithBinsIsBrokenDownAndABinReadPerMemberFailsSayingWhy() throws {
        let mixed = Evaluator.Source(
            file: "indicators/mixed.lua",
            text: """
                return indicator { id = "mixed", per = "user", value = function(s, k)
                  return s.opportunities:during("closed_at"):count() * k("won_bin")
                end }
                """)
        let sources = [Self.won, Self.terciles, Self.scaled, mixed]
        let (workspace, engine, _) = try EngineFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        evaluator.breakdowns = [try #require(BreakdownDimension("account.industry"))]
        let report = try evaluator.run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        // The base is broken down as in a run without bins: u1 won o1 (retail, 100.10) and o2
        // (tech, 200.20), u2 won o4 (retail, 1000) in October; u3's deal without an account
        // (closed, lost) makes `mixed` report u3's "(none)" member, so every indicator broken
        // down by the dimension does.
        #expect(
            BreakdownTests.members(report, "won") == [
                "u1/retail": "100.1", "u1/tech": "200.2", "u2/retail": "1000", "u3/(none)": "0",
            ])
        // Bins and their pure readers read no records, so, like any such indicator, they are
        // not broken down.
        #expect(!report.breakdowns.contains { $0.indicatorID == "won_bin" || $0.indicatorID == "scaled" })
        // An indicator reading records and a bin is broken down; its bin has no value per
        // member, so it fails there, saying why, rather than taking the overall bin.
        let refusal = "peer bins rank subjects' overall figures and are not broken down by member"
        let mixedFigures = report.breakdowns.filter { $0.indicatorID == "mixed" }
        #expect(!mixedFigures.isEmpty)
        #expect(mixedFigures.allSatisfy { $0.value.status == .failed })
        #expect(report.errors.contains { $0.indicatorID == "mixed" && $0.message.contains(refusal) })
        // The overall figures are those of the same run without breakdowns.
        var plain = evaluator
        plain.breakdowns = []
        let overall = try plain.run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        #expect(report.results == overall.results)
        #expect(overall.errors.isEmpty, "\(overall.errors)")
    }

    @Test func aReaderOfBinsNotComputedYetIsDeferredForAWholeGrainByOneColumnRun() throws {
        let report = try Self.run([Self.won, Self.terciles, Self.scaled], grains: [.user, .team])
        // Stage 1 finds `scaled` pending for its 3 users and 2 teams in one column run per
        // grain: no Lua call per subject, and no failure left once stage 2 has the bins.
        #expect(report.statistics?.deferredFigures == FigurePaths(columnMode: 5, failed: 5))
        #expect(report.errors.isEmpty, "\(report.errors)")
    }

    @Test func binsThatNeverComeFailTheirReaderAlikeInColumnModeAndPerSubject() throws {
        // `loop` reads its own bins: they need its figures, which need them; it stays pending.
        let loop = Evaluator.Source(
            file: "indicators/loop.lua",
            text:
                "return indicator { id = \"loop\", per = \"user\",\n  value = function(_, k) return 2 * k(\"loop_bin\") end }"
        )
        let loopBin = Evaluator.Source(
            file: "indicators/loop_bin.lua",
            text: #"return indicator { id = "loop_bin", per = "user", value = quantile_bins("loop", 2) }"#)
        let (workspace, engine, _) = try EngineFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        let columns = try evaluator.run(sources: [loop, loopBin], periods: [EngineFixture.october], grains: [.user])
        evaluator.columnMode = false
        let perSubject = try evaluator.run(sources: [loop, loopBin], periods: [EngineFixture.october], grains: [.user])
        #expect(columns.statistics?.deferredFigures == FigurePaths(columnMode: 3, failed: 3))
        #expect(perSubject.statistics?.deferredFigures.columnMode == 0)
        #expect(perSubject.statistics?.deferredFigures.total == 3)
        #expect(columns.results == perSubject.results)
        #expect(columns.errors == perSubject.errors)
        // Stage 2 bins the failed figures as missing bins, so `loop` ends missing, not pending.
        #expect(columns.results.first { $0.indicatorID == "loop" }?.value.status == .missing)
    }

    @Test func askingForAnIndicatorThatReadsBinsRunsTheBinsAndTheirBaseButReportsOnlyIt() throws {
        let report = try Self.run([Self.won, Self.terciles, Self.scaled], only: ["scaled"])
        #expect(report.indicators.map(\.id) == ["scaled"])
        #expect(Set(report.results.map(\.indicatorID)) == ["scaled"])
        #expect(
            Self.values(report, "scaled") == [
                "user:u1": .integer(20), "user:u2": .integer(30), "user:u3": .integer(10),
            ])
    }

    @Test func aMissingBaseValueGivesAMissingBinAndTheOthersAreBinnedWithoutIt() throws {
        let winRate = Evaluator.Source(
            file: "indicators/rate.lua",
            text: """
                return indicator { id = "rate", per = "user", value = function(s)
                  local closed = s.opportunities:where{ stage = {"in", {"won", "lost"}} }:during("closed_at")
                  return ratio(closed:where{ stage = "won" }:count(), closed:count())
                end }
                """)
        let bins = Evaluator.Source(
            file: "indicators/rate_bin.lua",
            text:
                #"return indicator { id = "rate_bin", per = "user", value = quantile_bins("rate", 2, { better = "lower" }) }"#
        )
        let report = try Self.run([winRate, bins])
        // Closed in October: u1 o1, o2 won, o3 lost → 2/3; u2 o4 won → 1; u3 o8 lost → 0 (o6
        // closed in September). Lower is better, n = 2: u3 is below 2 others → 1 + ⌊2·2/3⌋ = 2;
        // u1 below 1 → 1 + ⌊2/3⌋ = 1; u2 → 1.
        #expect(
            Self.values(report, "rate_bin") == ["user:u1": .integer(1), "user:u2": .integer(1), "user:u3": .integer(2)])
        let second = try Self.run([Self.onlyU1, Self.u1Bin])
        #expect(
            Self.values(second, "u1_bin") == [
                "user:u1": .integer(2), "user:u2": .missing(reason: "u1_only is missing: not u1"),
                "user:u3": .missing(reason: "u1_only is missing: not u1"),
            ])
    }

    @Test func binsOfAnUnknownIndicatorFailWithTheReason() throws {
        let orphan = Evaluator.Source(
            file: "indicators/orphan.lua",
            text: #"return indicator { id = "orphan", per = "user", value = quantile_bins("nothing", 5) }"#)
        let report = try Self.run([Self.won, orphan])
        #expect(Self.values(report, "orphan")["user:u1"]?.status == .failed)
        #expect(report.errors.contains { $0.indicatorID == "orphan" && $0.message.contains("\"nothing\"") })
        #expect(Self.values(report, "won")["user:u2"] == .decimal(ExactDecimal(1000)))
    }

    @Test(arguments: [
        (#"threshold_bins("won", { 5, 5 })"#, "strictly ascending"),
        (#"quantile_bins("won", 1)"#, "from 2 to 100"),
        (#"quantile_bins("won", 5, { better = "up" })"#, "better must be"),
        (#"threshold_bins("won", {})"#, "list of numbers"),
    ])
    func aBadDeclarationIsALoadErrorAtItsLine(declaration: String, message: String) throws {
        let bad = Evaluator.Source(
            file: "indicators/bad.lua",
            text: "return indicator { id = \"bad\", per = \"user\",\n  value = \(declaration) }")
        let report = try Self.run([Self.won, bad])
        let failure = try #require(report.errors.first { $0.file == "indicators/bad.lua" })
        #expect(failure.message.contains(message), "\(failure.message)")
        #expect(failure.line == 2)
    }
}
