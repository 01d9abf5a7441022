import Foundation
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// Any entity as a subject: a workspace's own suppliers, products and queues, end to end from
/// `yardstick.toml` to values (the rows are in ``SubjectsFixture``).
@Suite struct SubjectsTests {
    static let poCount = """
        return indicator {
          id = "po_count", per = "supplier", unit = "count",
          value = function(s) return s.purchase_orders:during("ordered_at"):count() end,
        }
        """
    static let poAmount = """
        return indicator {
          id = "po_amount", per = "supplier", unit = "money",
          value = function(s) return s.purchase_orders:during("ordered_at"):sum("amount") end,
        }
        """
    static let delivered = """
        return indicator {
          id = "delivered_share", per = "supplier", unit = "percent",
          value = function(s)
            local orders = s.purchase_orders:during("ordered_at")
            return ratio(orders:where{ delivered_at = { "not nil" } }:count(), orders:count())
          end,
        }
        """

    private func values(_ report: RunReport, _ indicator: String) -> [String: String] {
        var values: [String: String] = [:]
        for figure in report.results where figure.indicatorID == indicator {
            values[figure.subjectID] =
                figure.value.status == .ok ? figure.value.plainText : "missing: " + (figure.value.reason ?? "")
        }
        return values
    }

    @Test func supplierFiguresCountTheirPurchaseOrdersThroughTheOnlyReference() throws {
        let report = try SubjectsFixture.run(
            ["po_count": Self.poCount, "po_amount": Self.poAmount, "delivered_share": Self.delivered],
            grains: [Grain("supplier")])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // October: s1 has po1 and po2 (po3 is September), s2 po4, po5 and po6, s3 none.
        #expect(values(report, "po_count") == ["s1": "2", "s2": "3", "s3": "0"])
        // 100.50 + 20 and 300 + 50 + 1.25.
        let amounts = values(report, "po_amount").mapValues { Double($0) }
        #expect(amounts == ["s1": 120.5, "s2": 351.25, "s3": 0])
        // s2: po5 is not delivered, 2 of 3; s3 has no order to divide by.
        let shares = values(report, "delivered_share")
        #expect(shares["s1"] == "1")
        #expect(shares["s2"] == String(2.0 / 3.0))
        #expect(shares["s3"]?.contains("division by zero") == true)
    }

    /// The suppliers partition the suppliers' rows, so each query runs once for all of them:
    /// this fails if entity subjects silently fall back to one query per subject.
    @Test func supplierQueriesRunOnceForAllSuppliers() throws {
        let report = try SubjectsFixture.run(
            ["po_count": Self.poCount, "po_amount": Self.poAmount], grains: [Grain("supplier")])
        let statistics = try #require(report.statistics)
        #expect(statistics.partitionQueries == 2)
        #expect(statistics.subjectQueries == 0)
    }

    /// Key views (`per`) at an entity grain partition the rows through the reference (and the
    /// subject entity's own rows through `id`) as plain aggregates do.
    @Test func keyViewsAtAnEntityGrainSeeEachSubjectsRows() throws {
        let orderDays = """
            return indicator {
              id = "order_days", per = "supplier", unit = "count",
              value = function(s) return s.purchase_orders:during("ordered_at"):per("ordered_at"):count() end,
            }
            """
        let ownRow = """
            return indicator {
              id = "own_rows", per = "supplier", unit = "count",
              value = function(s) return s.suppliers:per("id"):intersect(s.all.suppliers:per("id")):count() end,
            }
            """
        let report = try SubjectsFixture.run(
            ["order_days": orderDays, "own_rows": ownRow], grains: [Grain("supplier")])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // October order days: s1 10-01 and 10-05; s2 10-02, 10-30 and 10-31; s3 none.
        #expect(values(report, "order_days") == ["s1": "2", "s2": "3", "s3": "0"])
        // Each supplier sees its own row only.
        #expect(values(report, "own_rows") == ["s1": "1", "s2": "1", "s3": "1"])
    }

    @Test func supplierSubjectsAreNamedByTheirRowAndGrainTitle() throws {
        let report = try SubjectsFixture.run(["po_count": Self.poCount], grains: [Grain("supplier")])
        let figure = try #require(report.results.first { $0.subjectID == "s1" })
        #expect(figure.subjectName == "Acme Parts")
        #expect(figure.grain.name(locale: "en") == "supplier")
        #expect(figure.grain.name(locale: "zh-CN") == "供应商")
        let table = TableReportWriter.text(report, locale: "en", errors: false)
        #expect(table.hasPrefix("2026-10 · supplier\n"))
        #expect(!table.contains("user"))
        #expect(!table.contains("account"))
    }

    @Test func subjectKindIsTheGrainName() throws {
        let source = """
            return indicator {
              id = "kind", per = "supplier",
              value = function(s) return s.subject.kind == "supplier" and #s.subject.name or -1 end,
            }
            """
        let report = try SubjectsFixture.run(["kind": source], grains: [Grain("supplier")])
        // "Acme Parts" has 10 characters, "Best Bolts" 10, "Idle Ltd" 8.
        #expect(values(report, "kind") == ["s1": "10", "s2": "10", "s3": "8"])
    }

    @Test func twoReferencesToTheSubjectEntityMustBeDeclared() throws {
        let toml = SubjectsFixture.toml.replacingOccurrences(
            of: "amount = { type = \"decimal\" }\n",
            with: "amount = { type = \"decimal\" }\n" + SubjectsFixture.ambiguousCustom + "\n")
        // Not a tail call, so that the error has the script's line.
        let counted = """
            return indicator {
              id = "po_count", per = "supplier", unit = "count",
              value = function(s)
                local n = s.purchase_orders:during("ordered_at"):count()
                return n
              end,
            }
            """
        let report = try SubjectsFixture.run(["po_count": counted], toml: toml, grains: [Grain("supplier")])
        let failure = try #require(report.errors.first)
        #expect(failure.location == "indicators/po_count.lua:4")
        #expect(
            failure.message.contains(
                "purchase_orders references suppliers through several fields (returned_to, supplier): declare which one"
            ))
        // Declared, the returned-to supplier gets po2 (ordered 2026-10-05).
        let declared = toml + "\nreferences = { purchase_orders = \"returned_to\" }\n"
        let resolved = try SubjectsFixture.run(
            ["po_count": Self.poCount], toml: declared, grains: [Grain("supplier")])
        #expect(resolved.errors.isEmpty, "\(resolved.errors)")
        #expect(values(resolved, "po_count") == ["s1": "0", "s2": "1", "s3": "0"])
    }

    @Test func productsAreSubjectsThroughTheDealsProduct() throws {
        let source = """
            return indicator {
              id = "won_amount", per = "product", unit = "money",
              value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:sum("amount") end,
            }
            """
        let report = try SubjectsFixture.run(["won_amount": source], grains: [.product])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // p1: o1 100 + o4 60 (o3 is lost); p2: o2 40.
        #expect(values(report, "won_amount") == ["p1": "160", "p2": "40"])
    }

    @Test func queuesAreTheDistinctValuesOfTheCallsQueue() throws {
        let source = """
            return indicator {
              id = "calls", per = "queue", unit = "count",
              value = function(s) return s.calls:during("queued_at"):count() end,
            }
            """
        let report = try SubjectsFixture.run(["calls": source], grains: [.queue])
        #expect(report.errors.isEmpty, "\(report.errors)")
        // billing: c1 and c3 (c4 is November); support: c2; the call without a queue is no queue's.
        #expect(values(report, "calls") == ["billing": "2", "support": "1"])
        #expect(report.results.map(\.subjectID) == ["billing", "support"])
    }

    @Test func indicatorsOfAnotherGrainAreMissingNotFailed() throws {
        let perUser = """
            return indicator {
              id = "won", per = "user", unit = "count",
              value = function(s) return s.opportunities:where{ stage = "won" }:count() end,
            }
            """
        let report = try SubjectsFixture.run(
            ["won": perUser, "po_count": Self.poCount], grains: [.user, Grain("supplier")])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let userFigure = try #require(
            report.results.first { $0.subjectID == "u1" && $0.indicatorID == "po_count" })
        #expect(userFigure.value == .missing(reason: "po_count is defined per supplier"))
        let supplierFigure = try #require(report.results.first { $0.subjectID == "s1" && $0.indicatorID == "won" })
        #expect(supplierFigure.value == .missing(reason: "won is defined per user"))
    }

    @Test func aCompanyIndicatorThatCannotRunForAUserIsMissingThereNotFailed() throws {
        // Purchase orders name no user: restricting them to a user is an error, which must not
        // be reported for an indicator declared per company (its user figures are not asked for).
        let perCompany = """
            return indicator {
              id = "pos", per = "company", unit = "count",
              value = function(s) return s.purchase_orders:count() end,
            }
            """
        let report = try SubjectsFixture.run(["pos": perCompany], grains: [.user, .company])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let userFigure = try #require(report.results.first { $0.subjectID == "u1" && $0.indicatorID == "pos" })
        #expect(userFigure.value == .missing(reason: "pos is defined per company"))
        let companyFigure = try #require(report.results.first { $0.grain == .company && $0.indicatorID == "pos" })
        if case .missing = companyFigure.value { Issue.record("the company figure is missing: \(companyFigure.value)") }
    }

    @Test func anUnknownPerNamesTheWorkspaceGrains() throws {
        let source = """
            return indicator { id = "x", per = "suplier", value = function(s) return 1 end }
            """
        let report = try SubjectsFixture.run(["x": source], grains: [.user])
        let failure = try #require(report.errors.first)
        #expect(
            failure.message
                == "per \"suplier\" is not a grain of this workspace (valid: user, team, department, company, "
                + "account, product, queue, supplier)")
        let (workspace, _, directory) = try SubjectsFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        #expect(throws: EvaluationError.self) { try SubjectGrains(workspace: workspace).require("suppliers") }
    }

    @Test func defaultGrainsFollowTheIndicatorsPer() throws {
        let (workspace, engine, directory) = try SubjectsFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        try directory.write(Self.poCount, to: "indicators/po_count.lua")
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        let selection = try IndicatorDiscovery.selection(argument: nil, workspace: directory.path)
        let grains = try evaluator.defaultGrains(selection)
        #expect(grains.map(\.rawValue) == ["supplier"])
        #expect(grains.first?.title == "supplier")
    }

    @Test(arguments: [
        (
            "[subjects.user]\n",
            "yardstick.toml: subjects.user: user is a built-in grain and cannot be redeclared (declarable: product, campaign and the workspace's own entities)"
        ),
        (
            "[subjects.vendor]\n",
            "yardstick.toml: subjects.vendor.entity: vendors is not a mapped entity (mapped: users, products, opportunities, calls, purchase_orders, suppliers); name it with entity = \"…\""
        ),
        (
            "[subjects.vendor]\nentity = \"suppliers\"\nreferences = { purchase_orders = \"amount\" }\n",
            "yardstick.toml: subjects.vendor.references.purchase_orders: purchase_orders.amount does not reference suppliers (declare it as a custom field with references = \"suppliers\")"
        ),
    ])
    func aBadSubjectDeclarationNamesItsKey(table: String, message: String) throws {
        let directory = try TemporaryDirectory(prefix: "subjects")
        try directory.write(["yardstick.toml": SubjectsFixture.toml + "\n" + table])
        #expect {
            try Workspace.open(directory: directory.path)
        } throws: { error in
            (error as? WorkspaceError)?.description == message
        }
    }
}
