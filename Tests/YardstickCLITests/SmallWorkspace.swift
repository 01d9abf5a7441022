import YardstickTestSupport

/// A small workspace on disk with a Chinese user name, for table layout.
enum SmallWorkspace {
    static let files: [String: String] = [
        "yardstick.toml": """
        [workspace]
        name = "Small"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.opportunities]
        file = "opportunities.csv"

        """,
        "data/teams.csv":
            "id,name,parent,kind\nC,Company,,company\nD1,Sales,C,department\nT1,North,D1,team\nT2,南区,D1,team\n",
        "data/users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,王芳,T1,sales\nu3,Cy,T2,sales\n",
        "data/opportunities.csv": """
        id,owner,stage,amount,created_at,closed_at
        o1,u1,won,100.10,2026-09-01,2026-10-05
        o2,u1,won,200.20,2026-09-15,2026-10-20
        o3,u1,lost,50,2026-10-01,2026-10-25
        o4,u2,won,1000,2026-08-01,2026-10-31
        o5,u3,lost,0,2026-10-01,2026-10-11

        """,
        "indicators/won_revenue.lua": """
        return indicator { id = "won_revenue", title = { en = "Won revenue", zh = "赢单金额" }, unit = "money", per = "user",
          value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount") end }

        """,
        "indicators/win_rate.lua": """
        return indicator { id = "win_rate", unit = "percent", per = "user",
          value = function(s) local c = s.opportunities:during("closed_at")
            return ratio(c:where{ stage = "won" }:count(), c:count()) end }

        """,
    ]

    /// Its `yardstick.toml`, for tests that change one line of it.
    static var toml: String { files["yardstick.toml"] ?? "" }

    /// Writes the workspace into a fresh temporary folder and returns it.
    static func create() throws -> TemporaryDirectory {
        let folder = try CLI.temporaryFolder()
        try folder.write(files)
        return folder
    }
}
