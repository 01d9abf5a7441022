import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// The results collection: figures by subject, indicator and period, rows in a defined order.
@Suite struct ResultTableTests {
    static let october = Period.month(year: 2026, month: 10)
    static let november = Period.month(year: 2026, month: 11)

    static func figure(
        _ period: Period, _ grain: Grain, _ subject: String, _ indicator: String, _ value: Int64
    ) -> IndicatorResult {
        IndicatorResult(
            period: period, grain: grain, subjectID: subject, subjectName: subject.uppercased(),
            indicatorID: indicator, title: indicator, unit: .count, value: .integer(value))
    }

    /// Two periods of two users and a team, indicators `a` and `b`, in long-format order.
    static func grid() -> [IndicatorResult] {
        var figures: [IndicatorResult] = []
        var value: Int64 = 0
        for period in [october, november] {
            for (grain, subject) in [(Grain.user, "u1"), (.user, "u2"), (.team, "u1")] {
                for indicator in ["a", "b"] {
                    value += 1
                    figures.append(figure(period, grain, subject, indicator, value))
                }
            }
        }
        return figures
    }

    @Test func figuresAreFoundBySubjectIndicatorAndPeriod() {
        let table = ResultTable(Self.grid())
        #expect(table[subject: SubjectKey(.user, "u1"), indicator: "a", period: Self.october]?.value == .integer(1))
        #expect(table[subject: SubjectKey(.user, "u2"), indicator: "b", period: Self.october]?.value == .integer(4))
        // A team and a user may share an id; the grain tells them apart.
        #expect(table[subject: SubjectKey(.team, "u1"), indicator: "b", period: Self.november]?.value == .integer(12))
        #expect(table[subject: SubjectKey(.user, "u3"), indicator: "a", period: Self.october] == nil)
        #expect(table[subject: SubjectKey(.user, "u1"), indicator: "c", period: Self.october] == nil)
        #expect(table[subject: SubjectKey(.user, "u1"), indicator: "a", period: .month(year: 2026, month: 9)] == nil)
    }

    @Test func iteratingMakesNoIndexAndTheFirstQuestionMakesIt() {
        // A run's stages and a CSV in long-format order only iterate: no row key is hashed.
        let table = ResultTable(Self.grid())
        #expect(table.map(\.value).count == 12)
        #expect(!table.isIndexed)
        let copy = table
        #expect(copy[subject: SubjectKey(.user, "u2"), indicator: "b", period: Self.november]?.value == .integer(10))
        // Copies share the index made once.
        #expect(table.isIndexed && copy.isIndexed)
        #expect(table.indicatorIDs == ["a", "b"])
    }

    @Test func aGridOfValuesIsTheSameTableAsItsRows() {
        // The grid form a run's report takes: values task by task, one subject part per task,
        // one indicator part per column; its rows are made when read.
        let indicators = ["a", "b"].map { IndicatorResult.IndicatorPart(id: $0, title: $0, unit: .count) }
        var subjects: [IndicatorResult.SubjectPart] = []
        for period in [Self.october, Self.november] {
            for (grain, subject) in [(Grain.user, "u1"), (.user, "u2"), (.team, "u1")] {
                subjects.append(
                    IndicatorResult.SubjectPart(period: period, grain: grain, id: subject, name: subject.uppercased()))
            }
        }
        let grid = ResultTable(
            values: (1...12).map { .integer(Int64($0)) }, subjects: subjects, indicators: indicators)
        let rows = ResultTable(Self.grid())
        #expect(grid == rows)
        #expect(grid.count == 12)
        #expect(grid[3].subjectID == "u2" && grid[3].indicatorID == "b" && grid[3].value == .integer(4))
        #expect(grid[3].sharesSubjectPart(with: grid[2]))
        #expect(!grid.isIndexed)
        #expect(grid[subject: SubjectKey(.team, "u1"), indicator: "b", period: Self.november]?.value == .integer(12))
        #expect(grid.rows.map(\.subjectID) == rows.rows.map(\.subjectID))
        #expect(grid.indicatorIDs == ["a", "b"])
        #expect(grid.fullRow(subject: SubjectKey(.user, "u2"), period: Self.november) == 8..<10)
    }

    @Test func iterationKeepsTheFiguresOrderAndRowsTheSubjectsFirstAppearance() {
        let figures = Self.grid()
        let table = ResultTable(figures)
        #expect(Array(table) == figures)
        #expect(table.indicatorIDs == ["a", "b"])
        #expect(table.periodLabels == ["2026-10", "2026-11"])
        #expect(
            table.rows.map { "\($0.period.label) \($0.subject)" } == [
                "2026-10 user:u1", "2026-10 user:u2", "2026-10 team:u1",
                "2026-11 user:u1", "2026-11 user:u2", "2026-11 team:u1",
            ])
        #expect(table.rows(periodLabel: "2026-11", grain: .team).map(\.subjectName) == ["U1"])
        #expect(
            table[subject: SubjectKey(.user, "u2"), period: Self.november]?.figures.map(\.value) == [
                .integer(9), .integer(10),
            ])
    }

    @Test func oneIndicatorsFiguresOfAGrainInAPeriodComeInRowOrder() {
        let table = ResultTable(Self.grid())
        #expect(
            table.figures(of: "b", period: Self.november, grain: .user).map(\.value) == [.integer(8), .integer(10)])
        #expect(table.figures(of: "b", period: Self.november, grain: .user).map(\.subjectID) == ["u1", "u2"])
        #expect(table.figures(of: "a", period: Self.october, grain: .team).map(\.value) == [.integer(5)])
        #expect(table.figures(of: "c", period: Self.october, grain: .user).isEmpty)
    }

    @Test func aSubjectWhoseFiguresAreApartIsStillOneRowAndTheFirstFigureAnswers() {
        let figures = [
            Self.figure(Self.october, .user, "u1", "a", 1), Self.figure(Self.october, .user, "u2", "a", 2),
            Self.figure(Self.october, .user, "u1", "b", 3), Self.figure(Self.october, .user, "u1", "a", 4),
        ]
        let table = ResultTable(figures)
        #expect(table.rows.map(\.subjectID) == ["u1", "u2"])
        #expect(table.rows[0].figures.map(\.value) == [.integer(1), .integer(3), .integer(4)])
        #expect(table[subject: SubjectKey(.user, "u1"), indicator: "b", period: Self.october]?.value == .integer(3))
        #expect(table[subject: SubjectKey(.user, "u1"), indicator: "a", period: Self.october]?.value == .integer(1))
        #expect(table.rows[0][indicator: "a"]?.value == .integer(1))
    }

    @Test func joiningPutsEachTablesIndicatorsSideBySidePerRow() {
        let left = ResultTable(Self.grid().filter { $0.indicatorID == "a" })
        let right = ResultTable(
            Self.grid().filter { $0.indicatorID == "b" && $0.grain == .user }
                + [Self.figure(Self.october, .company, "company", "b", 99)])
        let joined = ResultTable.joiningIndicators(of: [left, right])
        #expect(joined.count == left.count + right.count)
        #expect(joined.rows.count == 7)
        #expect(joined.rows[0].figures.map(\.indicatorID) == ["a", "b"])
        #expect(joined.rows[2].figures.map(\.indicatorID) == ["a"])
        #expect(joined.rows.last?.subject == SubjectKey(.company, "company"))
        #expect(ResultTable.joiningIndicators(of: [left]) == left)
        #expect(ResultTable.joiningIndicators(of: []).isEmpty)
    }

    @Test func renamingRewritesIdsAndKeepsValues() {
        let table = ResultTable(Self.grid())
        let renamed = table.renamingIndicators { "pack." + $0 }
        #expect(renamed.indicatorIDs == ["pack.a", "pack.b"])
        #expect(renamed.map(\.value) == table.map(\.value))
        #expect(renamed.map(\.title) == table.map(\.title))
        #expect(
            renamed[subject: SubjectKey(.user, "u2"), indicator: "pack.a", period: Self.october]?.value == .integer(3))
    }

    @Test func aRunsResultsAreAGridAddressableWithoutPositions() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let sources = [
            Evaluator.Source(
                file: "indicators/won.lua",
                text:
                    #"return indicator { id = "won", value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:count() end }"#
            ),
            Evaluator.Source(
                file: "indicators/deals.lua",
                text:
                    #"return indicator { id = "deals", value = function(s) return s.opportunities:during("closed_at"):count() end }"#
            ),
        ]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 2)
            .run(sources: sources, periods: [EngineFixture.october], grains: [.user, .team])
        // u1 closed o1, o2 (won) and o3 (lost) in October; team T1 is u1 and u2 (o4 won).
        let won = report.results[subject: SubjectKey(.user, "u1"), indicator: "won", period: EngineFixture.october]
        #expect(won?.value == .integer(2))
        let deals = report.results[subject: SubjectKey(.team, "T1"), indicator: "deals", period: EngineFixture.october]
        #expect(deals?.value == .integer(4))
        #expect(report.results.rows.allSatisfy { $0.figures.map(\.indicatorID) == ["won", "deals"] })
    }
}
