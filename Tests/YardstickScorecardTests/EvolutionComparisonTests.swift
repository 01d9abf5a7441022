import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// Old model: results 60, quality 40. New model: results 80, quality 20.
///
/// Totals by hand (results, quality subtotals from ``EvolutionFixture``):
/// - u1: old 86×.6 + 100×.4 = 91.6 (A, rank 2); new 86×.8 + 100×.2 = 88.8 (B, rank 3)
/// - u2: old 96×.6 + 75×.4 = 87.6 (B, rank 3); new 96×.8 + 75×.2 = 91.8 (A, rank 2)
/// - u3: 100 under both (A, rank 1)
///
/// So u1 and u2 swap ranks 2 and 3.
@Suite struct EvolutionComparisonTests {
    let old = EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40)
    let new = EvolutionFixture.definition(id: "sales-v2", version: "2", results: 80, quality: 20)

    func comparison(oldSubjects: [String] = ["u1", "u2", "u3"], newSubjects: [String] = ["u1", "u2", "u3"]) throws
        -> ModelComparison
    {
        try ModelComparison(
            old: EvolutionFixture.report(old, subjects: oldSubjects),
            new: EvolutionFixture.report(new, subjects: newSubjects), periodLabel: "2017-10")
    }

    @Test func changedDimensionWeightsSwapTheTwoRepsAndSayWhy() throws {
        let comparison = try self.comparison()
        #expect(comparison.subjects.map(\.subject.id) == ["u3", "u2", "u1"])
        let byID = Dictionary(uniqueKeysWithValues: comparison.subjects.map { ($0.subject.id, $0) })
        let ann = try #require(byID["u1"])
        #expect(ann.old?.rank == 2)
        #expect(ann.new?.rank == 3)
        #expect(ann.rankChange == -1)
        #expect(abs((ann.old?.total ?? 0) - 91.6) < 1e-9)
        #expect(abs((ann.new?.total ?? 0) - 88.8) < 1e-9)
        #expect(ann.old?.grade == "A")
        #expect(ann.new?.grade == "B")
        // Contributions: revenue 80 × .42 = 33.6 → 80 × .56 = 44.8; win rate 100 × .18 = 18 →
        // 100 × .24 = 24; cycle 100 × .4 = 40 → 100 × .2 = 20.
        #expect(ann.causes.map(\.indicatorID) == ["cycle_days", "won_revenue", "win_rate"])
        let changes = ann.causes.map(\.change)
        #expect(abs(changes[0] + 20) < 1e-9)
        #expect(abs(changes[1] - 11.2) < 1e-9)
        #expect(abs(changes[2] - 6) < 1e-9)
        #expect(ann.causes.allSatisfy { $0.definitionChanges == [.weight] })
        let csv = comparison.csv().split(separator: "\n").map(String.init)
        #expect(csv[0] == ModelComparison.csvHeader)
        #expect(
            csv[2] == "2017-10,u2,王芳,both,87.6,91.8,4.2,B,A,3,2,1,complete,complete,all,all,"
                + "won_revenue:+16.8;cycle_days:-15;win_rate:+2.4")

        let bo = try #require(byID["u2"])
        #expect(bo.old?.rank == 3)
        #expect(bo.new?.rank == 2)
        #expect(bo.rankChange == 1)
        #expect(abs((bo.totalChange ?? 0) - 4.2) < 1e-9)
        // Revenue 120 × .42 = 50.4 → 120 × .56 = 67.2 (+16.8); cycle 75 × .4 = 30 → 75 × .2 = 15.
        #expect(bo.causes.first?.indicatorID == "won_revenue")
        #expect(abs((bo.causes.first?.change ?? 0) - 16.8) < 1e-9)

        let cy = try #require(byID["u3"])
        #expect(cy.rankChange == 0)
        // Revenue is left out for u3 under both models: no change, so no cause.
        #expect(cy.causes.map(\.indicatorID) == ["win_rate", "cycle_days"])
    }

    @Test func theTableShowsEachMoveWithItsCausesWithin100Columns() throws {
        let lines = try comparison().table().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.contains(
                "2 → 3    ↓1  Ann        91.60 → 88.80   -2.80  A → B  cycle_days -20.00, won_revenue +11.20"))
        #expect(
            lines.contains("3 → 2    ↑1  王芳       87.60 → 91.80   +4.20  B → A  won_revenue +16.80, cycle_days -15.00"))
        #expect(lines.contains("  results — weight: 60 (60.0 % of the total) → 80 (80.0 % of the total)"))
        #expect(
            lines.dropLast().last
                == "Summary: 3 in both, 3 ranked under both: 1 moved up, 1 down, 1 unchanged; 2 changed grade; "
                + "mean |rank change| 0.67; rank correlation of totals (Spearman) 0.5")
        let rows = lines.drop { !$0.hasPrefix("─") }.dropFirst().prefix { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count <= 100 })
    }

    @Test func theSummaryCountsMovesAndCorrelatesTheTotals() throws {
        let summary = try comparison().summary
        #expect(summary.inBoth == 3)
        #expect(summary.rankedInBoth == 3)
        #expect(summary.movedUp == 1)
        #expect(summary.movedDown == 1)
        #expect(summary.unchanged == 1)
        #expect(summary.gradeChanged == 2)
        #expect(abs((summary.meanAbsoluteRankChange ?? 0) - 2.0 / 3.0) < 1e-12)
        // Ranks of the totals: old (2, 3, 1), new (3, 2, 1); Σd² = 2; ρ = 1 − 6·2 / (3·8) = 0.5.
        #expect(abs((summary.rankCorrelation ?? 0) - 0.5) < 1e-12)
        #expect(summary.onlyInOld == 0)
        #expect(summary.onlyInNew == 0)
    }

    @Test func theDefinitionChangesNameEachIndicatorsNewShare() throws {
        let changes = try comparison().definitionChanges
        #expect(
            changes.map { "\($0.subject) \($0.kind.rawValue): \($0.old) → \($0.new)" } == [
                "results weight: 60 (60.0 % of the total) → 80 (80.0 % of the total)",
                "quality weight: 40 (40.0 % of the total) → 20 (20.0 % of the total)",
                "won_revenue weight: 70 (42.0 % of the total) → 70 (56.0 % of the total)",
                "win_rate weight: 30 (18.0 % of the total) → 30 (24.0 % of the total)",
                "cycle_days weight: 100 (40.0 % of the total) → 100 (20.0 % of the total)",
            ])
    }

    @Test func subjectsScoredByOneModelOnlyAreListedApart() throws {
        let comparison = try comparison(oldSubjects: ["u1", "u2", "u3"], newSubjects: ["u1", "u2", "u4"])
        #expect(comparison.onlyInOld.map(\.subject.id) == ["u3"])
        #expect(comparison.onlyInNew.map(\.subject.id) == ["u4"])
        // Both first by new rank (u4 has rank 1 under the new model but is only in it).
        #expect(comparison.subjects.map(\.subject.id) == ["u2", "u1", "u3", "u4"])
        #expect(comparison.summary.inBoth == 2)
        #expect(comparison.summary.onlyInOld == 1)
        #expect(comparison.summary.onlyInNew == 1)
        #expect(comparison.onlyInOld.first?.new == nil)
        #expect(comparison.onlyInOld.first?.rankChange == nil)
        let csv = comparison.csv().split(separator: "\n").map(String.init)
        #expect(csv.last?.hasPrefix("2017-10,u4,Dee,new,,") == true)
        #expect(csv.contains { $0.hasPrefix("2017-10,u3,Cy,old,100,,,A,,1,,,complete,,all,,") })
    }

    @Test func aPeriodEitherReportLacksIsAnError() throws {
        #expect(throws: ScorecardError.self) {
            try ModelComparison(
                old: EvolutionFixture.report(old), new: EvolutionFixture.report(new), periodLabel: "2017-11")
        }
    }
}

@Suite struct DefinitionChangeTests {
    /// The old model with win rate scored pass/fail against 35 %, cycle days replaced by
    /// satisfaction, and ranks within roles.
    static func revised() -> ScorecardDefinition {
        var definition = EvolutionFixture.definition(id: "sales-v3", version: "3", results: 60, quality: 40)
        definition.peers = .role
        definition.model.children = [
            .dimension(
                ScorecardDimension(
                    "results", weight: 60,
                    children: [
                        .indicator(
                            ScorecardIndicator(
                                "won_revenue", weight: 70, function: .linear(zero: 0.5, full: 1), cap: 120,
                                missingPolicy: .excludeAndReweight)),
                        .indicator(ScorecardIndicator("win_rate", weight: 30, function: .passFail)),
                    ])),
            .dimension(
                ScorecardDimension(
                    "quality", weight: 40, children: [.indicator(ScorecardIndicator("csat", weight: 100))])),
        ]
        definition.indicators["win_rate"] = IndicatorSettings(
            "win_rate", target: .constant(0.35),
            overrides: [TargetOverride(filter: SubjectFilter(["team": ["T2"]]), rule: .constant(0.25))])
        definition.indicators["csat"] = IndicatorSettings("csat", target: .constant(4.5))
        return definition
    }

    @Test func targetFunctionAddedRemovedAndPeerChangesAreEachNamed() {
        let old = EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40)
        let changes = DefinitionChange.changes(from: old, to: Self.revised())
        #expect(
            changes.map { "\($0.subject) \($0.kind.rawValue): \($0.old) → \($0.new)" } == [
                "(model) peers: all → role",
                "win_rate target: constant 0.3 → constant 0.35; where team = T2: constant 0.25",
                "win_rate function: threshold: 100 from 100 % of target, else 40 → threshold: 100 from 100 % of target, else 0",
                "csat added:  → quality › csat, weight 100 (40.0 % of the total), linear",
                "cycle_days removed: quality › cycle_days, weight 100 (40.0 % of the total), linear → ",
            ])
    }

    @Test func identicalDefinitionsHaveNoChanges() {
        let definition = EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40)
        #expect(DefinitionChange.changes(from: definition, to: definition).isEmpty)
    }
}
