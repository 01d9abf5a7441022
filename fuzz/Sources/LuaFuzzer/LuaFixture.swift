import FuzzSupport
import YardstickData
import YardstickEngine
import YardstickQuery

/// The tiny workspace the Lua harness evaluates over, loaded once per process: 3 users in 2
/// teams under a company, 3 accounts, 6 deals, 4 activities, 2 cases, with empty values,
/// a datetime near midnight, a Chinese name and an unresolved reference.
enum LuaFixture {
    static let toml = """
        [workspace]
        name = "Lua fuzz"
        timezone = "Asia/Shanghai"
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
        """

    static let files: [String: String] = [
        "data/teams.csv": "id,name,parent,kind\nC,Company,,company\nT1,North,C,team\nT2,South,C,team\n",
        "data/users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,王芳,T1,manager\nu3,Cy,T2,sales\n",
        "data/accounts.csv": """
        id,name,industry,owner,created_at
        a1,Acme,retail,u1,2026-10-03
        a2,Beta,,u2,2025-01-01
        a3,Gamma,tech,u3,

        """,
        "data/opportunities.csv": """
        id,account,owner,stage,amount,created_at,closed_at
        o1,a1,u1,won,100.10,2026-09-01,2026-10-05
        o2,a2,u1,lost,0,2026-09-15,2026-10-31
        o3,a3,u2,won,99999999999.99,2025-10-01,2025-10-25
        o4,a9,u3,qualification,,2026-10-02,
        o5,a1,u3,won,-5,2026-11-01,2026-10-01
        o6,,u1,won,0.01,2026-10-10,2026-11-01

        """,
        "data/activities.csv": """
        id,type,direction,owner,account,occurred_at,duration_seconds
        x1,call,outbound,u1,a1,2026-10-01 00:00:00,300
        x2,call,inbound,u2,a2,2026-10-31 23:59:59,0
        x3,email,outbound,u3,,2026-09-30 16:00:00,
        x4,visit,outbound,u1,a3,2025-10-15 12:00:00,3600

        """,
        "data/cases.csv": """
        id,account,owner,priority,opened_at,resolved_at
        k1,a1,u1,high,2026-10-01 08:00:00,2026-10-01 20:00:00
        k2,a2,u3,low,2026-10-02 08:00:00,

        """,
    ]

    /// The workspace and its query engine.
    static let loaded: (Workspace, QueryEngine) = {
        let folder = ScratchFolder("lua")
        folder.write("yardstick.toml", text: toml)
        for (name, text) in files {
            folder.write(name, text: text)
        }
        do {
            let workspace = try Workspace.open(directory: folder.path)
            let (dataset, _) = try DataLoader(workspace: workspace, options: LoadOptions(lenient: true)).load()
            return (workspace, QueryEngine(dataset: dataset))
        } catch {
            invariantFailure("the Lua fixture does not load: \(error)")
        }
    }()
}
