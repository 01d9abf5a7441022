import Foundation
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// A supply workspace in memory: 3 suppliers, 6 purchase orders, 2 products sold in 4 deals,
/// 5 calls in 2 queues. Expected values in the subject tests are worked out by hand from these
/// rows.
enum SubjectsFixture {
    static let toml = """
        [workspace]
        name = "Supply"
        [entities.users]
        file = "users.csv"
        [entities.products]
        file = "products.csv"
        [entities.opportunities]
        file = "opportunities.csv"
        [entities.calls]
        file = "calls.csv"
        [entities.suppliers]
        file = "suppliers.csv"
        [entities.suppliers.custom]
        id = { type = "string" }
        name = { column = "company", type = "string" }
        country = { type = "string" }
        [entities.purchase_orders]
        file = "purchase_orders.csv"
        [entities.purchase_orders.custom]
        id = { type = "string" }
        supplier = { type = "reference", references = "suppliers" }
        ordered_at = { type = "date" }
        promised_at = { type = "date" }
        delivered_at = { type = "date" }
        amount = { type = "decimal" }
        [subjects.supplier]
        title = { en = "supplier", zh = "供应商" }
        """

    /// `[subjects.supplier]` when purchase orders have a second reference to suppliers.
    static let ambiguousCustom = """
        returned_to = { type = "reference", references = "suppliers" }
        """

    static let files: [String: String] = [
        "users.csv": "id,name\nu1,Ann\nu2,Bo\n",
        "products.csv": "id,name,family\np1,Widget,tools\np2,Gadget,toys\n",
        "opportunities.csv": """
        id,owner,product,stage,amount,created_at,closed_at
        o1,u1,p1,won,100,2026-09-01,2026-10-05
        o2,u1,p2,won,40,2026-09-15,2026-10-20
        o3,u2,p1,lost,50,2026-10-01,2026-10-25
        o4,u2,p1,won,60,2026-08-01,2026-10-31

        """,
        "calls.csv": """
        id,agent,queue,queued_at,wait_seconds
        c1,u1,billing,2026-10-01 09:00:00,30
        c2,u1,support,2026-10-02 10:00:00,90
        c3,u2,billing,2026-10-03 11:00:00,10
        c4,u2,billing,2026-11-04 12:00:00,50
        c5,u2,,2026-10-05 12:00:00,5

        """,
        "suppliers.csv": "id,company,country\ns1,Acme Parts,DE\ns2,Best Bolts,CN\ns3,Idle Ltd,FR\n",
        "purchase_orders.csv": """
        id,supplier,ordered_at,promised_at,delivered_at,amount,returned_to
        po1,s1,2026-10-01,2026-10-10,2026-10-09,100.50,
        po2,s1,2026-10-05,2026-10-12,2026-10-15,20,s2
        po3,s1,2026-09-20,2026-09-30,2026-09-29,7,
        po4,s2,2026-10-02,2026-10-08,2026-10-08,300,
        po5,s2,2026-10-30,2026-11-05,,50,
        po6,s2,2026-10-31,2026-11-02,2026-11-01,1.25,

        """,
    ]

    /// Writes the fixture to a fresh temporary folder (with `extraTOML` appended) and loads it.
    static func workspace(toml: String = toml, extraFiles: [String: String] = [:]) throws -> (
        Workspace, QueryEngine, TemporaryDirectory
    ) {
        let directory = try TemporaryDirectory(prefix: "subjects")
        try directory.write(["yardstick.toml": toml])
        for (name, text) in files.merging(extraFiles, uniquingKeysWith: { $1 }) {
            try directory.write(text, to: "data/" + name)
        }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        return (workspace, QueryEngine(dataset: dataset), directory)
    }

    /// Runs indicator sources over the fixture.
    static func run(
        _ sources: [String: String], toml: String = toml, periods: [Period] = [.month(year: 2026, month: 10)],
        grains: [Grain]
    ) throws -> RunReport {
        let (workspace, engine, directory) = try workspace(toml: toml)
        defer { withExtendedLifetime(directory) {} }
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        let files = sources.keys.sorted().map { Evaluator.Source(file: "indicators/\($0).lua", text: sources[$0]!) }
        return try evaluator.run(sources: files, periods: periods, grains: grains)
    }
}
