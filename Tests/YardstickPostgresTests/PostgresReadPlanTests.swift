import PostgresNIO
import Testing
import YardstickData

@testable import YardstickPostgres

/// The statement a mapping part is read with: columns, casts and the period window.
@Suite struct PostgresReadPlanTests {
    static let deals: [PostgresReadPlan.Column] = [
        .init(name: "id", type: .text), .init(name: "owner", type: .text), .init(name: "notes", type: .text),
        .init(name: "amount", type: .float8), .init(name: "closed", type: .date),
        .init(name: "touched", type: .timestamptz), .init(name: "tags", type: .jsonb),
        .init(name: "won", type: .bool),
    ]

    @Test func aTableSelectsOnlyTheMappedColumnsInTableOrderWithCasts() {
        let plan = PostgresReadPlan.make(
            .table("deals"), columns: Self.deals, needed: ["won", "id", "amount", "touched", "tags"], window: nil,
            timeZone: "Asia/Shanghai")
        #expect(
            plan.sql
                == "SELECT \"id\", \"amount\"::numeric AS \"amount\", "
                + "timezone('Asia/Shanghai', \"touched\") AS \"touched\", \"tags\"::text AS \"tags\", \"won\" "
                + "FROM \"deals\"")
        #expect(plan.columns == ["id", "amount", "touched", "tags", "won"])
        #expect(plan.kinds == [.text, .numeric, .timestamp, .text, .boolean])
        #expect(!plan.windowed)
    }

    @Test func aWindowBecomesAWhereClauseOnTheFieldsColumn() {
        let window = PostgresPeriodWindow(
            entity: "opportunities", field: "closed_at", from: CivilDate.dayNumber(year: 2017, month: 10, day: 1),
            until: CivilDate.dayNumber(year: 2018, month: 1, day: 1))
        let plan = PostgresReadPlan.make(
            .table("sales.deals"), columns: Self.deals, needed: ["id", "closed"], window: (window, Self.deals[4]),
            timeZone: "UTC")
        #expect(
            plan.sql
                == "SELECT \"id\", \"closed\" FROM \"sales\".\"deals\" "
                + "WHERE \"closed\" >= DATE '2017-10-01' AND \"closed\" < DATE '2018-01-01'")
        #expect(plan.windowed)
        let onInstant = PostgresReadPlan.predicate(window, column: Self.deals[5], timeZone: "Europe/Paris")
        #expect(
            onInstant == [
                "\"touched\" >= (TIMESTAMP '2017-10-01 00:00:00' AT TIME ZONE 'Europe/Paris')",
                "\"touched\" < (TIMESTAMP '2018-01-01 00:00:00' AT TIME ZONE 'Europe/Paris')",
            ])
    }

    @Test func aQueryRunsAsWrittenUnlessAColumnNeedsACast() {
        let plain = PostgresReadPlan.make(
            .query("SELECT id, owner FROM deals WHERE won;"), columns: Array(Self.deals[0...1]), needed: [],
            window: nil, timeZone: "UTC")
        #expect(plain.sql == "SELECT id, owner FROM deals WHERE won;")
        #expect(plain.columns == ["id", "owner"])
        let cast = PostgresReadPlan.make(
            .query("SELECT id, amount FROM deals ;\n"), columns: [Self.deals[0], Self.deals[3]], needed: [],
            window: nil, timeZone: "UTC")
        #expect(
            cast.sql
                == "SELECT \"id\", \"amount\"::numeric AS \"amount\" FROM (SELECT id, amount FROM deals\n) AS yardstick_query"
        )
    }

    @Test func aRangeOfPagesAddsTIDBoundsAfterTheWindowAndAQueryHasNone() {
        let window = PostgresPeriodWindow(
            entity: "opportunities", field: "closed_at", from: CivilDate.dayNumber(year: 2017, month: 10, day: 1),
            until: nil)
        let plan = PostgresReadPlan.make(
            .table("deals"), columns: Self.deals, needed: ["id", "closed"], window: (window, Self.deals[4]),
            timeZone: "UTC")
        let select = "SELECT \"id\", \"closed\" FROM \"deals\" WHERE \"closed\" >= DATE '2017-10-01'"
        #expect(plan.sql(pages: 0, until: 500) == select + " AND ctid < '(500,0)'::tid")
        #expect(plan.sql(pages: 500, until: nil) == select + " AND ctid >= '(500,0)'::tid")
        #expect(
            plan.countSQL(before: 500)
                == "SELECT count(*) FROM \"deals\" WHERE \"closed\" >= DATE '2017-10-01' AND ctid < '(500,0)'::tid")
        let whole = PostgresReadPlan.make(
            .table("deals"), columns: Self.deals, needed: ["id"], window: nil, timeZone: "UTC")
        #expect(
            whole.sql(pages: 3, until: 7)
                == "SELECT \"id\" FROM \"deals\" WHERE ctid >= '(3,0)'::tid AND ctid < '(7,0)'::tid")
        let query = PostgresReadPlan.make(
            .query("SELECT id FROM deals"), columns: [Self.deals[0]], needed: [], window: nil, timeZone: "UTC")
        #expect(query.sql(pages: 0, until: 10) == nil)
        #expect(query.countSQL(before: 10) == nil)
    }

    @Test func aMappingOfConstantsStillReadsOneColumnToCountRows() {
        let plan = PostgresReadPlan.make(
            .table("deals"), columns: Self.deals, needed: [], window: nil, timeZone: "UTC")
        #expect(plan.sql == "SELECT \"id\" FROM \"deals\"")
    }

    @Test func identifiersAndLiteralsAreQuoted() {
        #expect(PostgresReadPlan.quoteTable("Odd\"Name") == "Odd\"Name")
        #expect(PostgresReadPlan.quoteTable("CRM.Deals") == "\"CRM\".\"Deals\"")
        #expect(PostgresReadPlan.quote("a\"b") == "\"a\"\"b\"")
        #expect(PostgresReadPlan.literal("O'Brien") == "'O''Brien'")
    }

    @Test func aColumnWhoseTypeContradictsItsFieldIsAMismatch() {
        let amount = FieldDefinition("amount", .decimal, "")
        let closed = FieldDefinition("closed_at", .date, "")
        #expect(
            PostgresSourceOpener.mismatch(.init(name: "won", type: .bool), field: amount)
                == .typeMismatch(column: "won", databaseType: "BOOLEAN", field: "amount", fieldType: "decimal"))
        #expect(PostgresSourceOpener.mismatch(.init(name: "amount", type: .float8), field: amount) == nil)
        #expect(PostgresSourceOpener.mismatch(.init(name: "notes", type: .text), field: closed) == nil)
        #expect(PostgresSourceOpener.mismatch(.init(name: "n", type: .int4), field: closed) != nil)
    }
}
