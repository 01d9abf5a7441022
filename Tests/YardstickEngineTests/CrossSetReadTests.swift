import Foundation
import Testing

@testable import YardstickEngine

/// `k("pack.id")`: an indicator set reads another set's figures, which the run evaluates first.
///
/// The fixture's October won deals (closed_at in October, stage won): u1 has o1 and o2 (2), u2
/// has o4 (1), u3 none (o6 closed on 30 September); team T1 (u1, u2) 3, T2 (u3) 0.
@Suite struct CrossSetReadTests {
    typealias SetFolder = IndicatorSetTests.SetFolder

    static let base = """
        return indicator { id = "won", value = function(s)
          return s.opportunities:where{ stage = "won" }:during("closed_at"):count()
        end }
        """
    static let share = """
        return indicator { id = "won_share", value = function(s)
          return ratio(s.opportunities:where{ stage = "won" }:during("closed_at"):count(), 2)
        end }
        """

    /// The three sets: `base`, `derived` (depends on base) and the workspace's own, given in the
    /// wrong order (readers first) to show the run orders them.
    static func folders() throws -> (workspace: SetFolder, derived: SetFolder, base: SetFolder) {
        let base = try SetFolder(["won.lua": Self.base, "won_share.lua": Self.share])
        let derived = try SetFolder([
            "double.lua": #"return indicator { id = "double", value = function(s, k) return k("base.won") * 2 end }"#,
            "halved.lua": #"return indicator { id = "halved", value = function(s, k) return k("base.won_share") end }"#,
        ])
        let workspace = try SetFolder([
            "plus_one.lua":
                #"return indicator { id = "plus_one", value = function(s, k) return k("derived.double") + 1 end }"#
        ])
        return (workspace, derived, base)
    }

    static func selection(
        _ folders: (workspace: SetFolder, derived: SetFolder, base: SetFolder), ids: Set<String>? = nil
    )
        throws -> IndicatorSelection
    {
        var derived = try folders.derived.set("derived")
        derived.reads = ["base"]
        return IndicatorSelection(
            sets: [try folders.workspace.set(nil), derived, try folders.base.set("base")], ids: ids)
    }

    @Test func aPackReadsTheFiguresOfThePackItDependsOnAndTheWorkspaceReadsEveryPack() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try Self.folders()
        defer { [folders.workspace, folders.derived, folders.base].forEach { $0.remove() } }
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 2)
            .run(try Self.selection(folders), periods: [EngineFixture.october], grains: [.user, .team])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // The report keeps the selection's order.
        #expect(
            report.indicators.map(\.id) == [
                "plus_one", "derived.double", "derived.halved", "base.won", "base.won_share",
            ])
        let expected: [(SubjectKey, Int64)] = [
            (SubjectKey(.user, "u1"), 2), (SubjectKey(.user, "u2"), 1), (SubjectKey(.user, "u3"), 0),
            (SubjectKey(.team, "T1"), 3), (SubjectKey(.team, "T2"), 0),
        ]
        for (subject, won) in expected {
            func value(_ id: String) -> ResultValue? {
                report.results[subject: subject, indicator: id, period: EngineFixture.october]?.value
            }
            #expect(value("base.won") == .integer(won), "\(subject)")
            #expect(value("derived.double") == .integer(won * 2), "\(subject)")
            #expect(value("plus_one") == .integer(won * 2 + 1), "\(subject)")
            // A number crosses as a number: the share is won / 2.
            #expect(value("derived.halved") == .number(Double(won) / 2), "\(subject)")
        }
        // The readers ran once for all subjects of each grain (column mode), not per subject.
        #expect(report.statistics?.figuresByIndicator["derived.double"]?.columnMode == 5)
        #expect(report.statistics?.figuresByIndicator["plus_one"]?.columnMode == 5)
    }

    @Test func readingOnePacksIndicatorEvaluatesThePackItReadsWithoutReportingIt() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try Self.folders()
        defer { [folders.workspace, folders.derived, folders.base].forEach { $0.remove() } }
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(
                try Self.selection(folders, ids: ["derived.double"]), periods: [EngineFixture.october], grains: [.user])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.indicators.map(\.id) == ["derived.double"])
        let u1 = report.results[
            subject: SubjectKey(.user, "u1"), indicator: "derived.double", period: EngineFixture.october]
        #expect(u1?.value == .integer(4))
    }

    @Test func aPackCannotReadAPackItDoesNotDependOn() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let base = try SetFolder(["won.lua": Self.base])
        let other = try SetFolder([
            "peek.lua": #"return indicator { id = "peek", value = function(s, k) return k("base.won") end }"#
        ])
        defer { [base, other].forEach { $0.remove() } }
        let selection = IndicatorSelection(sets: [try base.set("base"), try other.set("other")])
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(selection, periods: [EngineFixture.october], grains: [.user])
        let failure = try #require(report.errors.first { $0.indicatorID == "other.peek" })
        #expect(failure.message.contains("does not depend on base"), "\(failure.message)")
        #expect(failure.message.contains("[dependencies] in pack.toml"), "\(failure.message)")
        #expect(failure.file.hasSuffix("peek.lua"))
        // The pack it tried to read is unaffected.
        let won = report.results[subject: SubjectKey(.user, "u1"), indicator: "base.won", period: EngineFixture.october]
        #expect(won?.value == .integer(2))
    }

    @Test func aMissingOrFailedFigureReachesTheReaderAsMissingOrAsItsFailure() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        // u3 has no won deal in October: the base is missing for u3 (a reason, not 0), and it
        // fails for u2 (who has one).
        let base = try SetFolder([
            "won.lua": """
            return indicator { id = "won", value = function(s)
              local n = s.opportunities:where{ stage = "won" }:during("closed_at"):count()
              if n == 0 then return missing("no won deal") end
              if n == 1 then error("one is not enough") end
              return n
            end }
            """
        ])
        let reader = try SetFolder([
            "next.lua": #"return indicator { id = "next", value = function(s, k) return k("base.won") + 1 end }"#
        ])
        defer { [base, reader].forEach { $0.remove() } }
        var readerSet = try reader.set("reader")
        readerSet.reads = ["base"]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(
                IndicatorSelection(sets: [try base.set("base"), readerSet]), periods: [EngineFixture.october],
                grains: [.user])
        func value(_ user: String) -> ResultValue? {
            report.results[subject: SubjectKey(.user, user), indicator: "reader.next", period: EngineFixture.october]?
                .value
        }
        #expect(value("u1") == .integer(3))
        #expect(value("u3") == .missing(reason: "no won deal"))
        guard case .failed(let message)? = value("u2") else {
            Issue.record("u2: \(String(describing: value("u2")))")
            return
        }
        #expect(message.contains("k(\"base.won\") failed") && message.contains("one is not enough"), "\(message)")
    }

    @Test func theOrderPutsEverySetAfterTheSetsItReadsAndTheWorkspaceLast() throws {
        func set(_ id: String?, reads: Set<String>) throws -> IndicatorSet {
            var set = try IndicatorSet(id: id, sources: [], modules: nil)
            if id != nil { set.reads = reads }
            return set
        }
        let sets = try [
            set(nil, reads: []), set("c", reads: ["b"]), set("b", reads: ["a"]), set("a", reads: []),
            set("d", reads: []),
        ]
        #expect(
            Evaluator.evaluationOrder(sets).map { sets[$0].id ?? "workspace" } == ["a", "b", "c", "d", "workspace"])
    }

    @Test func aBreakdownMemberDoesNotReadAnotherPacksFigureOfTheWholeSubject() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let base = try SetFolder(["won.lua": Self.base])
        let reader = try SetFolder([
            "next.lua": """
            return indicator { id = "next", breakdown = "account.industry",
              value = function(s, k)
                local closed = s.opportunities:during("closed_at"):count()
                return closed + k("base.won")
              end }
            """
        ])
        defer { [base, reader].forEach { $0.remove() } }
        var readerSet = try reader.set("reader")
        readerSet.reads = ["base"]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(
                IndicatorSelection(sets: [try base.set("base"), readerSet]), periods: [EngineFixture.october],
                grains: [.user])
        // The overall figure reads it: u1 won 2 and closed 3 deals in October (o1, o2, o3).
        let u1 = report.results[
            subject: SubjectKey(.user, "u1"), indicator: "reader.next", period: EngineFixture.october]
        #expect(u1?.value == .integer(5))
        // Each member fails, saying why, instead of adding the subject's 2 to every member.
        let members = report.breakdowns.filter { $0.indicatorID == "reader.next" && $0.subjectID == "u1" }
        #expect(!members.isEmpty)
        for member in members {
            guard case .failed(let message) = member.value else {
                Issue.record("\(member.breakdown?.member ?? "?"): \(member.value)")
                continue
            }
            #expect(message.contains("not broken down by member"), "\(message)")
        }
    }

    @Test func explainingAReaderEvaluatesTheSetItReadsForThatSubjectAndPeriod() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try Self.folders()
        defer { [folders.workspace, folders.derived, folders.base].forEach { $0.remove() } }
        let explanation = try Evaluator(engine: engine, workspace: workspace, workers: 1).explain(
            indicator: "plus_one", subjectID: "T1", grain: .team, period: EngineFixture.october,
            sets: try Self.selection(folders).sets)
        // T1 won 3: derived.double is 6, plus one 7.
        #expect(explanation.value == .integer(7))
    }
}
