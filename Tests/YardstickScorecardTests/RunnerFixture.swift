import Foundation
import YardstickData
import YardstickEngine
import YardstickQuery
import YardstickScorecard
import YardstickScoring
import YardstickTestSupport

/// A small sales workspace for the runner's tests: a company C with department D1 and teams T1
/// (Ann u1, Bo u2) and T2 (Cy u3, and Di u4 in support), and deals in October 2017, September
/// 2017 and October 2016. Every expected number in the tests is worked out by hand from these
/// rows:
///
/// | deal | owner | stage | amount | closed |
/// |---|---|---|---|---|
/// | o1 | u1 | won | 100 | 2017-10-05 |
/// | o2 | u1 | won | 200 | 2017-10-20 |
/// | o3 | u2 | won | 300 | 2017-10-10 |
/// | o4 | u3 | won | 150 | 2017-10-25 |
/// | o5 | u4 | won | 50 | 2017-10-03 |
/// | o6 | u1 | lost | 80 | 2017-10-12 |
/// | o7 | u2 | lost | 40 | 2017-10-14 |
/// | o8 | u3 | lost | 10 | 2017-10-02 |
/// | o9 | u3 | lost | 20 | 2017-10-28 |
/// | o10 | u1 | negotiation (open) | 500 | — |
/// | o11 | u1 | won | 120 | 2017-09-10 |
/// | o12 | u2 | won | 60 | 2017-09-20 |
/// | o13 | u1 | won | 90 | 2016-10-08 |
/// | o14 | u3 | won | 30 | 2016-10-30 |
///
/// October 2017: revenue u1 300, u2 300, u3 150, u4 50 (T1 600, T2 200, D1 and C 800); lost
/// deals u1 1, u2 1, u3 2, u4 0.
enum RunnerFixture {
    static let toml = """
        [workspace]
        name = "Runner"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.opportunities]
        file = "opportunities.csv"
        """

    static let files: [String: String] = [
        "data/teams.csv":
            "id,name,parent,kind\nC,Company,,company\nD1,Sales,C,department\nT1,North,D1,team\nT2,South,D1,team\n",
        "data/users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,Bo,T1,sales\nu3,Cy,T2,sales\nu4,Di,T2,support\n",
        "data/opportunities.csv": """
        id,owner,stage,amount,created_at,closed_at
        o1,u1,won,100,2017-09-01,2017-10-05
        o2,u1,won,200,2017-09-01,2017-10-20
        o3,u2,won,300,2017-09-01,2017-10-10
        o4,u3,won,150,2017-09-01,2017-10-25
        o5,u4,won,50,2017-09-01,2017-10-03
        o6,u1,lost,80,2017-09-01,2017-10-12
        o7,u2,lost,40,2017-09-01,2017-10-14
        o8,u3,lost,10,2017-09-01,2017-10-02
        o9,u3,lost,20,2017-09-01,2017-10-28
        o10,u1,negotiation,500,2017-10-01,
        o11,u1,won,120,2017-08-01,2017-09-10
        o12,u2,won,60,2017-08-01,2017-09-20
        o13,u1,won,90,2016-09-01,2016-10-08
        o14,u3,won,30,2016-09-01,2016-10-30

        """,
        "indicators/revenue.lua": """
        return indicator {
          id = "revenue", title = { en = "Revenue", zh = "收入" }, unit = "money", better = "higher", per = "user",
          value = function(s) return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount") end,
        }
        """,
        "indicators/lost_deals.lua": """
        return indicator {
          id = "lost_deals", title = "Lost deals", unit = "count", better = "lower", per = "user",
          value = function(s) return s.opportunities:where{ stage = "lost" }:during("closed_at"):count() end,
        }
        """,
        "indicators/open_pipeline.lua": """
        return indicator {
          id = "open_pipeline", title = "Open pipeline", unit = "money", per = "user",
          value = function(s) return s.opportunities:where{ stage = "negotiation" }:sum("amount") end,
        }
        """,
        "indicators/broken.lua": """
        return indicator {
          id = "broken", title = "Broken for Bo", unit = "count", per = "user",
          value = function(s)
            if s.subject.id == "u2" then error("no data for Bo") end
            return 1
          end,
        }
        """,
    ]

    /// The workspace written to a fresh folder and loaded, with its indicators as one set.
    struct Loaded {
        let directory: TemporaryDirectory
        let evaluator: Evaluator
        let selection: IndicatorSelection
    }

    static func load() throws -> Loaded {
        let directory = try TemporaryDirectory(prefix: "runner")
        try directory.write(["yardstick.toml": toml])
        for (name, text) in files { try directory.write(text, to: name) }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        let selection = try IndicatorDiscovery.selection(argument: nil, workspace: directory.path)
        let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 2)
        return Loaded(directory: directory, evaluator: evaluator, selection: selection)
    }

    static let october = Period.month(year: 2017, month: 10)

    static func day(_ text: String) -> Int32 { ScorePeriods.day(text)! }

    /// results (60): revenue (100), target 250, proportional; quality (40): lost_deals (100),
    /// target 1, threshold at 1 → 100 else 40. Cap 120; grades A ≥ 90, B ≥ 75, C ≥ 0; sales only.
    static func salesModel(
        peers: PeerGrouping = .all, filter: SubjectFilter = SubjectFilter(["role": ["sales"]]),
        revenueFunction: ScoringFunction = .proportional, rollups: [Grain] = [],
        settings: [String: IndicatorSettings]? = nil, extraLeaf: ScorecardIndicator? = nil
    ) -> ScorecardDefinition {
        var quality: [ScorecardNode] = [
            .indicator(
                ScorecardIndicator(
                    "lost_deals", weight: extraLeaf == nil ? 100 : 50, function: .threshold(at: 1, pass: 100, fail: 40),
                    location: ModelLocation(file: "model.lua", line: 9)))
        ]
        if let extraLeaf { quality.append(.indicator(extraLeaf)) }
        let model = ScoringModel(
            id: "sales", location: ModelLocation(file: "model.lua", line: 1), cap: 120,
            children: [
                .dimension(
                    ScorecardDimension(
                        "results", weight: 60, location: ModelLocation(file: "model.lua", line: 4),
                        children: [
                            .indicator(
                                ScorecardIndicator(
                                    "revenue", weight: 100, function: revenueFunction,
                                    location: ModelLocation(file: "model.lua", line: 5)))
                        ])),
                .dimension(
                    ScorecardDimension(
                        "quality", weight: 40, location: ModelLocation(file: "model.lua", line: 8), children: quality)),
            ],
            grades: GradeScale([
                GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 75),
                GradeBand(grade: "C", minimum: 0),
            ]))
        return ScorecardDefinition(
            id: "sales", title: "Sales", file: "model.lua", filter: filter, peers: peers, model: model,
            indicators: settings ?? [
                "revenue": IndicatorSettings("revenue", target: .constant(250), pipelineIndicator: "open_pipeline"),
                "lost_deals": IndicatorSettings("lost_deals", target: .constant(1)),
            ],
            rollups: rollups)
    }

    /// Scores `definition` over `periods` as of `asOf`.
    static func score(
        _ definition: ScorecardDefinition, periods: [Period] = [october], asOf: String = "2017-11-15"
    ) throws -> ScoreReport {
        let loaded = try load()
        return try ScorecardRunner(
            evaluator: loaded.evaluator, selection: loaded.selection, definition: definition, asOf: day(asOf)
        ).score(periods: periods)
    }
}

extension PeriodScores {
    /// The scored subject with `id`.
    subscript(subject id: String) -> ScoredSubject? { subjects.first { $0.subject.id == id } }

    /// The rollup subject with `id`.
    subscript(rollup id: String) -> RollupSubject? { rollups.first { $0.subject.id == id } }
}
