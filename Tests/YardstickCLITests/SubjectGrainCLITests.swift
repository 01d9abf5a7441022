import Foundation
import Testing
import YardstickTestSupport

/// Any entity as a subject from the command line: `run --per` with a workspace's own grain, and
/// a scorecard model `per = "supplier"` scored like users.
@Suite struct SubjectGrainCLITests {
    static let toml = """
        [workspace]
        name = "Supply"
        [entities.suppliers]
        file = "suppliers.csv"
        [entities.suppliers.custom]
        id = { type = "string" }
        name = { column = "company", type = "string" }
        [entities.purchase_orders]
        file = "purchase_orders.csv"
        [entities.purchase_orders.custom]
        id = { type = "string" }
        supplier = { type = "reference", references = "suppliers" }
        ordered_at = { type = "date" }
        amount = { type = "decimal" }
        [subjects.supplier]
        title = { en = "supplier", zh = "供应商" }
        """
    static let indicator = """
        return indicator {
          id = "po_amount", per = "supplier", unit = "money",
          value = function(s) return s.purchase_orders:during("ordered_at"):sum("amount") end,
        }
        """
    static let model = """
        return scorecard {
          id = "suppliers", per = "supplier", peers = "all", cap = 120,
          kpi "po_amount" { weight = 100, target = 200, score = proportional },
          grades = { A = 90, B = 50, C = 0 },
        }
        """

    /// s1: 100.50 + 20 = 120.50 in October 2026 (po3 is September); s2: 300 + 1.25 = 301.25;
    /// s3: none.
    static func workspace() throws -> TemporaryDirectory {
        let folder = try CLI.temporaryFolder()
        try folder.write([
            "yardstick.toml": toml,
            "indicators/po_amount.lua": indicator,
            "model.lua": model,
            "data/suppliers.csv": "id,company\ns1,Acme Parts\ns2,Best Bolts\ns3,Idle Ltd\n",
            "data/purchase_orders.csv": """
            id,supplier,ordered_at,amount
            po1,s1,2026-10-01,100.50
            po2,s1,2026-10-05,20
            po3,s1,2026-09-20,7
            po4,s2,2026-10-02,300
            po5,s2,2026-10-31,1.25

            """,
        ])
        return folder
    }

    @Test func runEvaluatesTheIndicatorsGrainWithoutPerAndNamesItByItsTitle() throws {
        let folder = try Self.workspace()
        let outcome = try CLI.run(["run", "--workspace", folder.path, "--period", "2026-10", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stdout
                == """
                period,grain,subject_id,subject_name,indicator,value,unit,status
                2026-10,supplier,s1,Acme Parts,po_amount,120.5,money,ok
                2026-10,supplier,s2,Best Bolts,po_amount,301.25,money,ok
                2026-10,supplier,s3,Idle Ltd,po_amount,0,money,ok

                """)
    }

    @Test func anUnknownPerListsTheWorkspacesGrains() throws {
        let folder = try Self.workspace()
        let outcome = try CLI.run(["run", "--workspace", folder.path, "--period", "2026-10", "--per", "vendor"])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains(
                "--per vendor: not a grain of this workspace (valid: user, team, department, company, account, supplier)"
            ))
    }

    @Test func aModelPerSupplierScoresSuppliersLikeUsers() throws {
        let folder = try Self.workspace()
        let outcome = try CLI.run(["score", "--workspace", folder.path, "--period", "2026-10", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Proportional to a target of 200: s1 120.5 / 200 = 60.25 (grade B), s2 301.25 / 200
        // capped at 120 (A), s3 0 (C); ranks 2, 1, 3 among all suppliers.
        let rows = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(rows.first).map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let totalRows = rows.dropFirst().filter { $0[column("row_kind")] == "total" }
        var found: [String: (String, String, String)] = [:]
        for row in totalRows {
            #expect(row[column("grain")] == "supplier")
            found[String(row[column("subject_id")])] = (
                String(row[column("total")]), String(row[column("grade")]), String(row[column("rank")])
            )
        }
        #expect(found["s1"]?.1 == "B")
        #expect(found["s2"]?.1 == "A")
        #expect(found["s3"]?.1 == "C")
        #expect(found["s1"].map { Double($0.0) } == 60.25)
        #expect(found["s2"].map { Double($0.0) } == 120)
        #expect(found.mapValues(\.2) == ["s1": "2", "s2": "1", "s3": "3"])
    }

    @Test func aSupplierModelHasNoRollupGrains() throws {
        let folder = try Self.workspace()
        let outcome = try CLI.run([
            "score", "--workspace", folder.path, "--period", "2026-10", "--per", "supplier,company",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--per company: expected the model's grain or a rollup, one of supplier"))
    }
}
