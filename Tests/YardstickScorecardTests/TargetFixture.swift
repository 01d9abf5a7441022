import YardstickData
import YardstickEngine
import YardstickScoring
import YardstickTestSupport

@testable import YardstickScorecard

/// A small organisation with quotas, loaded from CSV files in a temporary workspace.
///
/// Company C → department D1 (teams T1, T2) and team T3 directly under C.
/// Users: u1, u2 in T1; u3 (sales) and u4 (manager) in T2; u5 in T3.
///
/// Revenue quotas (hand-checked day counts: 2017-Q4 has 92 days, October 31, 2017 365):
/// - u1: monthly 100 / 110 / 120 for Oct, Nov, Dec (stretch 120 / 130 / 140; challenge only in Oct).
/// - u2: one quarterly row, 2017-Q4 = 920 (10 a day; stretch 1840).
/// - u3: one annual row, 2017 = 3650 (10 a day).
/// - u5: one annual row, 2017 = 730 (2 a day).
/// - T1's own row: 2017-Q4 = 1500 (stretch 1800).
/// Deals quotas: D1's own 2017-Q4 = 50; T1's own 2017-Q4 = 30; u5 monthly 4 a month.
/// Calls quotas (broken on purpose): u1 has Oct and Dec only (a gap in November); u2 has Oct
/// and 2017-10-15..2017-11-14 (overlapping).
enum TargetFixture {
    static let toml = """
        [workspace]
        name = "Targets"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.quotas]
        file = "quotas.csv"
        """

    static let teams = """
        id,name,parent,kind
        C,Company,,company
        D1,Sales,C,department
        T1,North,D1,team
        T2,South,D1,team
        T3,West,C,team

        """

    static let users = """
        id,name,team,role
        u1,Ann,T1,sales
        u2,Bo,T1,sales
        u3,Cy,T2,sales
        u4,Di,T2,manager
        u5,Ed,T3,sales

        """

    static let quotas = """
        id,user,team,period_start,period_end,metric,target,stretch,challenge
        r1,u1,,2017-10-01,2017-10-31,revenue,100,120,150
        r2,u1,,2017-11-01,2017-11-30,revenue,110,130,
        r3,u1,,2017-12-01,2017-12-31,revenue,120,140,
        r4,u2,,2017-10-01,2017-12-31,revenue,920,1840,
        r5,u3,,2017-01-01,2017-12-31,revenue,3650,,
        r6,u5,,2017-01-01,2017-12-31,revenue,730,,
        r7,,T1,2017-10-01,2017-12-31,revenue,1500,1800,
        d1,,D1,2017-10-01,2017-12-31,deals,50,,
        d2,,T1,2017-10-01,2017-12-31,deals,30,,
        d3,u5,,2017-10-01,2017-10-31,deals,4,,
        d4,u5,,2017-11-01,2017-11-30,deals,4,,
        d5,u5,,2017-12-01,2017-12-31,deals,4,,
        c1,u1,,2017-10-01,2017-10-31,calls,100,,
        c2,u1,,2017-12-01,2017-12-31,calls,100,,
        c3,u2,,2017-10-01,2017-10-31,calls,100,,
        c4,u2,,2017-10-15,2017-11-14,calls,50,,

        """

    static let october = Period.month(year: 2017, month: 10)
    static let fourthQuarter = Period.quarter(year: 2017, quarter: 4)

    /// Loads the fixture's dataset (optionally without its quotas) from a fresh folder.
    static func dataset(
        withQuotas: Bool = true, quotas text: String = quotas, teams: String = teams, users: String = users
    ) throws -> Dataset {
        let directory = try TemporaryDirectory(prefix: "targets")
        var toml = toml
        if !withQuotas { toml = toml.replacingOccurrences(of: "[entities.quotas]\nfile = \"quotas.csv\"", with: "") }
        try directory.write(["yardstick.toml": toml])
        try directory.write(teams, to: "data/teams.csv")
        try directory.write(users, to: "data/users.csv")
        try directory.write(text, to: "data/quotas.csv")
        let workspace = try Workspace.open(directory: directory.path)
        return try DataLoader(workspace: workspace).load().0
    }

    /// A resolver for a model scoring users (optionally filtered) with the given indicator settings.
    static func resolver(
        _ settings: [IndicatorSettings], per: Grain = .user, filter: SubjectFilter = SubjectFilter(),
        dataset: Dataset? = nil
    ) throws -> TargetResolver {
        let model = ScoringModel(
            id: "fixture",
            children: settings.map { .indicator(ScorecardIndicator($0.id, weight: 100 / Double(settings.count))) })
        let definition = ScorecardDefinition(
            id: "fixture", title: "Fixture", file: "model.lua", per: per, filter: filter, model: model,
            indicators: Dictionary(uniqueKeysWithValues: settings.map { ($0.id, $0) }))
        return TargetResolver(dataset: try dataset ?? Self.dataset(), definition: definition)
    }

    /// A user of the fixture as the subject catalogue gives it.
    static func user(_ id: String) -> SubjectInfo {
        let rows: [String: (String, String, String)] = [
            "u1": ("Ann", "T1", "sales"), "u2": ("Bo", "T1", "sales"), "u3": ("Cy", "T2", "sales"),
            "u4": ("Di", "T2", "manager"), "u5": ("Ed", "T3", "sales"),
        ]
        let (name, team, role) = rows[id] ?? (id, "", "")
        return SubjectInfo(grain: .user, id: id, name: name, team: team, role: role, subject: .users([]))
    }

    /// A unit of the fixture.
    static func unit(_ id: String, _ grain: Grain) -> SubjectInfo {
        SubjectInfo(grain: grain, id: id, name: id, subject: .users([]))
    }
}
