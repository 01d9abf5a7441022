import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// A small sales workspace in memory: 3 users in 2 teams under 1 department, 8 deals, 5
/// activities, 2 cases, 1 quota. Expected values in the tests are worked out by hand from these
/// rows (each test says how).
enum EngineFixture {
    static let toml = """
        [workspace]
        name = "Fixture"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.accounts]
        file = "accounts.csv"
        [entities.opportunities]
        file = "opportunities.csv"
        [entities.activities]
        file = "activities.csv"
        [entities.cases]
        file = "cases.csv"
        [entities.quotas]
        file = "quotas.csv"
        """

    static let files: [String: String] = [
        "teams.csv":
            "id,name,parent,kind\nC,Company,,company\nD1,Sales,C,department\nT1,North,D1,team\nT2,South,D1,team\n",
        "users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,王芳,T1,sales\nu3,Cy,T2,sales\n",
        "accounts.csv":
            "id,name,industry,owner,created_at\na1,Acme,retail,u1,2026-10-03\na2,Beta,tech,u2,2025-01-01\na3,Gamma,retail,u1,2026-09-30\n",
        "opportunities.csv": """
        id,account,owner,stage,amount,created_at,closed_at
        o1,a1,u1,won,100.10,2026-09-01,2026-10-05
        o2,a2,u1,won,200.20,2026-09-15,2026-10-20
        o3,a1,u1,lost,50,2026-10-01,2026-10-25
        o4,a3,u2,won,1000,2026-08-01,2026-10-31
        o5,a2,u2,qualification,,2026-10-02,
        o6,a1,u3,won,10,2026-09-01,2026-09-30
        o7,a3,u1,won,0.30,2026-10-10,2026-11-01
        o8,,u3,lost,0,2026-10-01,2026-10-11

        """,
        "activities.csv": """
        id,type,direction,owner,account,occurred_at,duration_seconds
        x1,call,outbound,u1,a1,2026-10-01 09:00:00,300
        x2,call,inbound,u1,a2,2026-10-02 10:00:00,120
        x3,visit,outbound,u1,a1,2026-10-03 11:00:00,3600
        x4,email,outbound,u2,a3,2026-10-04 12:00:00,
        x5,call,outbound,u3,a1,2026-11-01 08:00:00,60

        """,
        "cases.csv": """
        id,account,owner,priority,opened_at,resolved_at
        k1,a1,u1,high,2026-10-01 08:00:00,2026-10-01 20:00:00
        k2,a2,u1,low,2026-10-02 08:00:00,2026-10-04 08:00:00

        """,
        "quotas.csv": "id,user,period_start,period_end,metric,target\nq1,u1,2026-10-01,2026-10-31,revenue,400\n",
    ]

    /// Loads the fixture from a fresh temporary folder, returned too (it removes itself once
    /// released; the loaded data does not need it).
    static func workspace() throws -> (Workspace, QueryEngine, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "engine")
        try directory.write(["yardstick.toml": toml])
        for (name, text) in files {
            try directory.write(text, to: "data/" + name)
        }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        return (workspace, QueryEngine(dataset: dataset), directory)
    }

    static let october = Period.month(year: 2026, month: 10)

    /// Evaluates one expression (the body of a value function) for a subject in October 2026.
    static func value(
        _ expression: String, subject id: String = "u1", grain: Grain = .user, period: Period = october,
        extra: [String] = []
    ) throws -> ResultValue {
        let (workspace, engine, _) = try workspace()
        var sources = [
            Evaluator.Source(
                file: "indicators/probe.lua",
                text: "return indicator { id = \"probe\", per = \"user\", value = function(s, k)\n\(expression)\nend }")
        ]
        for (index, text) in extra.enumerated() {
            sources.append(Evaluator.Source(file: "indicators/extra\(index).lua", text: text))
        }
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: sources, periods: [period], grains: [grain], only: ["probe"])
        guard let result = report.results.first(where: { $0.subjectID == id }) else {
            throw EvaluationError("no result for \(id): \(report.errors.map(\.message))")
        }
        return result.value
    }
}
