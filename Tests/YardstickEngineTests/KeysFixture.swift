import Foundation
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// A small orders workspace for key views: 3 users, 6 accounts, 4 products in 3 families, 11
/// orders and 3 activities. Expected values in the tests are worked out by hand from these rows.
///
/// u1's orders by account (ordered_at):
/// - a1: Aug 15 (o1), Oct 1 (o2, Software)            — an earlier customer, active in October
/// - a2: Oct 1 (o3, Hardware), Oct 31 (o4, Software)  — first ever on October's first day, twice
/// - a3: Oct 31 (o5)                                  — first ever on October's last day
/// - a4: Sep 30 (o6)                                  — September's last day only
/// - a5: Nov 1 (o7)                                   — November's first day only
/// - a6: Jul 1 (o10), Oct 20 (o11)                    — back in October after a gap
/// - no account: Oct 15 (o8)                          — a null key
///
/// u2 has one order (a1, Oct 10), u3 none.
enum KeysFixture {
    static let toml = """
        [workspace]
        name = "Keys"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.accounts]
        file = "accounts.csv"
        [entities.products]
        file = "products.csv"
        [entities.orders]
        file = "orders.csv"
        [entities.activities]
        file = "activities.csv"
        """

    static let files: [String: String] = [
        "teams.csv":
            "id,name,parent,kind\nC,Company,,company\nD1,Sales,C,department\nT1,North,D1,team\nT2,South,D1,team\n",
        "users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,Bo,T1,sales\nu3,Cy,T2,sales\n",
        "accounts.csv": "id,name,owner\na1,Acme,u1\na2,Beta,u1\na3,Gamma,u1\na4,Delta,u1\na5,Eps,u1\na6,Zeta,u1\n",
        "products.csv": "id,name,family\np1,Box,Hardware\np2,Rack,Hardware\np3,Suite,Software\np4,Setup,Services\n",
        "orders.csv": """
        id,account,owner,product,status,amount,ordered_at
        o1,a1,u1,p1,delivered,100,2026-08-15
        o2,a1,u1,p3,delivered,50,2026-10-01
        o3,a2,u1,p1,delivered,200,2026-10-01
        o4,a2,u1,p3,delivered,20,2026-10-31
        o5,a3,u1,p4,confirmed,70,2026-10-31
        o6,a4,u1,p3,delivered,30,2026-09-30
        o7,a5,u1,p1,delivered,10,2026-11-01
        o8,,u1,p1,delivered,5,2026-10-15
        o9,a1,u2,p1,delivered,40,2026-10-10
        o10,a6,u1,p3,delivered,60,2026-07-01
        o11,a6,u1,p4,delivered,15,2026-10-20

        """,
        "activities.csv": """
        id,type,direction,owner,account,occurred_at,duration_seconds
        x1,call,outbound,u1,a1,2026-10-02 09:00:00,300
        x2,call,inbound,u1,a5,2026-10-03 10:00:00,120
        x3,visit,outbound,u2,a2,2026-09-30 23:30:00,600

        """,
    ]

    static let october = Period.month(year: 2026, month: 10)

    /// Loads the fixture from a fresh temporary folder (returned too: it removes itself once
    /// released).
    static func workspace() throws -> (Workspace, QueryEngine, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "keys")
        try directory.write(["yardstick.toml": toml])
        for (name, text) in files {
            try directory.write(text, to: "data/" + name)
        }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        return (workspace, QueryEngine(dataset: dataset), directory)
    }

    /// Indicator sources: one per body, ids `k00`, `k01`…, per user.
    static func sources(_ bodies: [String]) -> [Evaluator.Source] {
        bodies.enumerated().map { index, body in
            let id = String(format: "k%02d", index)
            return Evaluator.Source(
                file: "indicators/\(id).lua",
                text: "return indicator { id = \"\(id)\", per = \"user\", value = function(s, k)\n\(body)\nend }")
        }
    }

    /// The value of each body for each user in `period`, by body then user id (u1, u2, u3).
    static func values(
        _ bodies: [String], period: Period = october, grain: Grain = .user, columnMode: Bool = true
    ) throws -> [[String: ResultValue]] {
        let (workspace, engine, _) = try workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        evaluator.columnMode = columnMode
        let report = try evaluator.run(sources: sources(bodies), periods: [period], grains: [grain])
        if let failure = report.errors.first {
            throw EvaluationError("\(failure.indicatorID): \(failure.location) \(failure.message)")
        }
        return bodies.indices.map { index in
            let id = String(format: "k%02d", index)
            var byUser: [String: ResultValue] = [:]
            for result in report.results where result.indicatorID == id { byUser[result.subjectID] = result.value }
            return byUser
        }
    }

    /// The value of one body for one user in `period`.
    static func value(_ body: String, user: String = "u1", period: Period = october) throws -> ResultValue {
        guard let value = try values([body], period: period)[0][user] else {
            throw EvaluationError("no value for \(user)")
        }
        return value
    }
}
