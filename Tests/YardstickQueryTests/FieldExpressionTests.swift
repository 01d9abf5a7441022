import Foundation
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickQuery

/// Issue 10, item 3: field-to-field filters and arithmetic measures in the query engine, on the
/// `FieldsWorkspace` fixture (five orders, three products, four tasks in UTC+8). Each expected
/// value is worked out by hand from those rows in the test's comment.
@Suite struct FieldExpressionTests {
    let engine: QueryEngine

    init() throws {
        let directory = try TemporaryDirectory(prefix: "fields")
        try directory.write(["yardstick.toml": FieldsWorkspace.toml])
        for (name, text) in FieldsWorkspace.files { try directory.write(text, to: "data/" + name) }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        engine = QueryEngine(dataset: dataset)
    }

    /// All of October 2026 (day numbers), for the whole company.
    static let october = QueryScope(
        subject: .company, firstDay: CivilDate.dayNumber(year: 2026, month: 10, day: 1),
        lastDay: CivilDate.dayNumber(year: 2026, month: 10, day: 31))

    static func field(_ path: String) -> Measure { .field(FieldPath(path)) }

    static func compare(_ path: String, _ comparison: Comparison, _ other: Measure) -> QueryFilter {
        .compare(FieldPath(path), comparison, .measure(other))
    }

    func count(_ entity: String, _ filters: [QueryFilter]) throws -> QueryValue {
        try engine.aggregate(.count, of: QueryPlan(entity: entity, filters: filters), in: Self.october)
    }

    func value(_ aggregate: Aggregate, _ entity: String = "orders", _ filters: [QueryFilter] = []) throws -> QueryValue
    {
        try engine.aggregate(aggregate, of: QueryPlan(entity: entity, filters: filters), in: Self.october)
    }

    // MARK: Comparisons

    /// amount vs product.list_price: r1 120.25 > 100; r2 40.50 = 40.50; r3 90 < 100; r4's
    /// product has no list price and r5 no product (null: no match).
    @Test(arguments: [
        (Comparison.greater, 1), (.greaterOrEqual, 2), (.equal, 1), (.notEqual, 2), (.less, 1), (.lessOrEqual, 2),
    ])
    func decimalComparesWithADecimalThroughAReference(_ comparison: Comparison, _ expected: Int) throws {
        #expect(
            try count("orders", [Self.compare("amount", comparison, Self.field("product.list_price"))])
                == .integer(Int64(expected)))
    }

    /// delivered_at vs promised_at (dates): r1 5th ≤ 6th, r2 9th > 8th, r3 4th = 4th; r4 was not
    /// delivered and r5 has no promise, so neither matches even `~=`.
    @Test(arguments: [(Comparison.lessOrEqual, 2), (.notEqual, 2), (.greater, 1), (.equal, 1)])
    func datesCompareByDayAndNullsNeverMatch(_ comparison: Comparison, _ expected: Int) throws {
        #expect(
            try count("orders", [Self.compare("delivered_at", comparison, Self.field("promised_at"))])
                == .integer(Int64(expected)))
    }

    /// completed_at vs due_at (datetimes, by instant): t1 18:00 after 17:00, t2 a day early,
    /// t3 the same instant written with an offset; t4 is open.
    @Test(arguments: [(Comparison.lessOrEqual, 2), (.less, 1), (.equal, 1), (.greater, 1), (.notEqual, 2)])
    func datetimesCompareByInstant(_ comparison: Comparison, _ expected: Int) throws {
        #expect(
            try count("tasks", [Self.compare("completed_at", comparison, Self.field("due_at"))])
                == .integer(Int64(expected)))
    }

    /// completed_at (datetime) vs due_on (date) by the completion's local day in UTC+8: t1 on
    /// its due day (3rd ≤ 3rd, though 18:00), t2 on the 4th ≤ 4th, t3 on the 2nd local (the 1st
    /// in UTC) after its due day, the 1st. By UTC day t3 would match too (3, not 2).
    @Test func aDatetimeMeetsADateOnItsLocalDay() throws {
        #expect(try count("tasks", [Self.compare("completed_at", .lessOrEqual, Self.field("due_on"))]) == .integer(2))
        #expect(
            try count("tasks", [Self.compare("due_on", .greaterOrEqual, Self.field("completed_at"))]) == .integer(2))
        #expect(try count("tasks", [Self.compare("completed_at", .equal, Self.field("due_on"))]) == .integer(2))
    }

    /// created_at ≤ completed_at ≤ due_at, as `between` with two fields gives: t2, and t3 (on
    /// its deadline).
    @Test func betweenTwoFieldsIsTwoComparisons() throws {
        let filters = [
            Self.compare("completed_at", .greaterOrEqual, Self.field("created_at")),
            Self.compare("completed_at", .lessOrEqual, Self.field("due_at")),
        ]
        #expect(try count("tasks", filters) == .integer(2))
    }

    /// An integer against a decimal, exactly: quantity < cost in r1 (3 < 80.10), r2 (2 < 45),
    /// r4 (0 < 0.01), not r5 (5 < 0); r3 has no cost. amount = quantity × 90 only in r3 (90).
    @Test func integersAndDecimalsCompareExactly() throws {
        #expect(try count("orders", [Self.compare("quantity", .less, Self.field("cost"))]) == .integer(3))
        let ninetyEach = Measure.arithmetic(.multiply, Self.field("quantity"), .constant(.integer(90)))
        #expect(try count("orders", [Self.compare("amount", .equal, ninetyEach)]) == .integer(1))
        // amount ≥ cost × 1.5: r1 120.25 ≥ 120.15, r4 10.01 ≥ 0.015, r5 0 ≥ 0; r2 40.50 < 67.50.
        let markup = Measure.arithmetic(.multiply, Self.field("cost"), .constant(.number(1.5)))
        #expect(try count("orders", [Self.compare("amount", .greaterOrEqual, markup)]) == .integer(3))
    }

    /// Text, enums and references compare as text: status = note in r2 and r5; status < note
    /// only in r1 ("delivered" < "shipped"; "delivered" > "cancelled"); the order's owner is the
    /// account's owner (u1) in r1 and r2, after it ("u2" > "u1") in r3, r4, r5.
    @Test func textEnumsAndReferencesCompareAsText() throws {
        #expect(try count("orders", [Self.compare("status", .equal, Self.field("note"))]) == .integer(2))
        #expect(try count("orders", [Self.compare("status", .less, Self.field("note"))]) == .integer(1))
        #expect(try count("orders", [Self.compare("owner", .equal, Self.field("account.owner"))]) == .integer(2))
        #expect(try count("orders", [Self.compare("owner", .greater, Self.field("account.owner"))]) == .integer(3))
    }

    @Test func aDateAgainstANumberIsAnErrorNamingBothSides() throws {
        let error = #expect(throws: QueryError.self) {
            try count("orders", [Self.compare("ordered_at", .less, Self.field("amount"))])
        }
        #expect(error?.message == "cannot compare ordered_at (a date) with amount (a decimal)")
        #expect(throws: QueryError.self) { try count("orders", [Self.compare("quantity", .less, Self.field("note"))]) }
        #expect(throws: QueryError.self) {
            try count("orders", [.oneOf(FieldPath("amount"), [.measure(Self.field("cost"))], negated: false)])
        }
    }

    // MARK: Arithmetic measures

    static let margin = Measure.arithmetic(.subtract, field("amount"), field("cost"))

    /// amount − cost: r1 40.15, r2 −4.50, r3 null (no cost), r4 10.00, r5 0: sum 45.65 exact;
    /// the mean of the four non-null rows 11.4125; median (0 + 10) / 2; extremes 40.15, −4.5.
    @Test func aDifferenceOfDecimalsIsAnExactDecimal() throws {
        #expect(try value(.sum(Self.margin)) == .decimal(ExactDecimal(scaled: 456_500)))
        #expect(try value(.average(Self.margin)) == .number(11.4125))
        #expect(try value(.median(Self.margin)) == .number(5))
        #expect(try value(.maximum(Self.margin)) == .decimal(ExactDecimal(scaled: 401_500)))
        #expect(try value(.minimum(Self.margin)) == .decimal(ExactDecimal(scaled: -45_000)))
        #expect(try value(.top(1, Self.margin)) == .rows([0]))
    }

    /// amount × 0.9 stays exact (0.9 is the decimal 0.9): 108.225 + 36.45 + 81 + 9.009 + 0 =
    /// 234.684. amount × quantity (decimal × integer): 360.75 + 81 + 90 + 0 + 0 = 531.75.
    @Test func productsWithConstantsAndIntegersStayExact() throws {
        let discounted = Measure.arithmetic(.multiply, Self.field("amount"), .constant(.number(0.9)))
        #expect(try value(.sum(discounted)) == .decimal(ExactDecimal(scaled: 2_346_840)))
        let revenue = Measure.arithmetic(.multiply, Self.field("amount"), Self.field("quantity"))
        #expect(try value(.sum(revenue)) == .decimal(ExactDecimal(scaled: 5_317_500)))
    }

    /// quantity × 2 − 1 is an integer: 5 + 3 + 1 − 1 + 9 = 17.
    @Test func integerArithmeticStaysInteger() throws {
        let units = Measure.arithmetic(
            .subtract, .arithmetic(.multiply, Self.field("quantity"), .constant(.integer(2))), .constant(.integer(1)))
        #expect(try value(.sum(units)) == .integer(17))
    }

    /// amount / quantity: r1 40.08333…, r2 20.25, r3 90, r4 divides by zero (null, skipped),
    /// r5 0: the mean of four values, 150.3333… / 4.
    @Test func divisionGivesANumberAndAZeroDivisorANull() throws {
        let unitPrice = Measure.arithmetic(.divide, Self.field("amount"), Self.field("quantity"))
        guard case .number(let mean) = try value(.average(unitPrice)) else {
            Issue.record("expected a number")
            return
        }
        #expect(abs(mean - (120.25 / 3 + 20.25 + 90 + 0) / 4) < 1e-12)
        #expect(try value(.count, "orders", [.isNull(FieldPath("quantity"), negated: true)]) == .integer(5))
    }

    /// amount − product.list_price through the reference: r1 20.25, r2 0, r3 −10; r4's list
    /// price and r5's product are null. Sum 10.25.
    @Test func arithmeticFollowsReferences() throws {
        let overList = Measure.arithmetic(.subtract, Self.field("amount"), Self.field("product.list_price"))
        #expect(try value(.sum(overList)) == .decimal(ExactDecimal(scaled: 102_500)))
    }

    /// Two decimals multiply on the 128-bit product, rounded half to even at the fourth place:
    /// 80.10 × 1.0005 = 80.140050 → 80.1400 (the 0 is even), 0.0015 × 0.5 = 0.00075 → 0.0008,
    /// −0.0015 × 0.5 → −0.0008, 120.25 × 80.10 = 9632.025 exactly.
    @Test func aProductOfDecimalsIsRoundedHalfToEvenAtTheFourthPlace() {
        #expect(ExpressionColumn.scaledProductValue(801_000, 10_005) == 801_400)
        #expect(ExpressionColumn.scaledProductValue(15, 5_000) == 8)
        #expect(ExpressionColumn.scaledProductValue(-15, 5_000) == -8)
        #expect(ExpressionColumn.scaledProductValue(25, 5_000) == 12)
        #expect(ExpressionColumn.scaledProductValue(1_202_500, 801_000) == 96_320_250)
        #expect(ExpressionColumn.scaledProductValue(.max, .max) == nil)
    }

    /// Constants with at most four places are exact decimals; others stay floating point.
    @Test func floatConstantsWithFourPlacesAreDecimals() {
        #expect(ExpressionColumn.exactScaled(0.9) == 9_000)
        #expect(ExpressionColumn.exactScaled(-1.25) == -12_500)
        #expect(ExpressionColumn.exactScaled(0.1 + 0.2) == nil)
        #expect(ExpressionColumn.exactScaled(0.123456) == nil)
        #expect(ExpressionColumn.exactScaled(.infinity) == nil)
    }

    @Test func anOverflowingExactResultIsAnErrorNamingTheRow() throws {
        let huge = Measure.arithmetic(
            .multiply, Self.field("quantity"), .constant(.integer(Int64.max / 2)))
        let error = #expect(throws: QueryError.self) { try value(.sum(huge)) }
        #expect(error?.message.contains("orders row 1 (id r1)") == true)
    }

    @Test func nonNumericOperandsAreErrors() throws {
        let error = #expect(throws: QueryError.self) {
            try value(.sum(.arithmetic(.add, Self.field("status"), .constant(.integer(1)))))
        }
        #expect(error?.message.hasPrefix("status is an enum; arithmetic takes integer or decimal fields") == true)
        #expect(throws: QueryError.self) { try value(.sum(.constant(.integer(1)))) }
    }

    // MARK: Caching and words

    /// One column per distinct expression: asked for by two aggregates and a filter it is
    /// evaluated once; a different expression (amount + cost) gets its own, with its own value.
    @Test func eachDistinctExpressionIsEvaluatedOnceAndNeverShared() throws {
        let before = engine.expressionColumnsEvaluated
        _ = try value(.sum(Self.margin))
        _ = try value(.average(Self.margin))
        _ = try count(
            "orders", [Self.compare("amount", .greater, .arithmetic(.add, Self.field("cost"), .constant(.integer(1))))])
        #expect(engine.expressionColumnsEvaluated == before + 2)
        let other = Measure.arithmetic(.add, Self.field("amount"), Self.field("cost"))
        // amount + cost: 200.35 + 85.50 + 10.02 + 0 = 295.87.
        #expect(try value(.sum(other)) == .decimal(ExactDecimal(scaled: 2_958_700)))
        #expect(engine.expressionColumnsEvaluated == before + 3)
        #expect(
            QueryPlan(entity: "orders", filters: [Self.compare("amount", .greater, Self.margin)])
                != QueryPlan(entity: "orders", filters: [Self.compare("amount", .greater, other)]))
    }

    /// Expression columns share a byte budget: on the five orders one column takes
    /// 5 × 8 + 0 + 64 = 104 bytes, so a budget of 250 holds two and refuses a third expression,
    /// while the two it holds are still found.
    @Test func expressionColumnsStayWithinTheirByteBudget() throws {
        let cache = ExpressionCache(byteBudget: 250)
        let orders = try #require(engine.dataset["orders"])
        let doubled = Measure.arithmetic(.multiply, Self.field("amount"), .constant(.integer(2)))
        _ = try cache.column(Self.margin, on: orders, dataset: engine.dataset)
        _ = try cache.column(doubled, on: orders, dataset: engine.dataset)
        let third = Measure.arithmetic(.multiply, Self.field("amount"), .constant(.integer(3)))
        let error = #expect(throws: QueryError.self) { try cache.column(third, on: orders, dataset: engine.dataset) }
        #expect(error?.message.hasPrefix("too many different field(…) expressions on orders in this run") == true)
        _ = try cache.column(Self.margin, on: orders, dataset: engine.dataset)
        #expect(cache.evaluated == 2)
    }

    @Test func explanationsWriteExpressionsOut() {
        let ratio = Measure.arithmetic(.divide, Self.margin, Self.field("amount"))
        #expect(Aggregate.sum(ratio).description == "sum of ((amount - cost) / amount)")
        #expect(Aggregate.sum(Self.margin).description == "sum of (amount - cost)")
        let nested = Measure.arithmetic(
            .subtract, Self.field("a"), .arithmetic(.subtract, Self.field("b"), Self.field("c")))
        #expect(nested.description == "a - (b - c)")
        #expect(Measure.arithmetic(.subtract, .constant(.integer(0)), Self.field("a")).description == "-a")
        #expect(
            Self.compare("completed_at", .lessOrEqual, Self.field("due_at")).description == "completed_at <= due_at")
        let markup = Measure.arithmetic(.multiply, Self.field("cost"), .constant(.number(1.5)))
        #expect(Self.compare("amount", .greaterOrEqual, markup).description == "amount >= (cost * 1.5)")
    }

    /// The batched path (all subjects in one scan) gives each subject the value of the
    /// per-subject path, for a field filter and an exact expression sum: u1 has r1 and r2
    /// (margin 40.15 − 4.50), u2 r3 (null), r4 (10.00), r5 (0).
    @Test func partitionRunsGiveThePerSubjectValues() throws {
        let plan = try engine.prepare(
            QueryPlan(
                entity: "orders",
                filters: [.during("ordered_at"), Self.compare("amount", .greater, Self.field("cost"))]))
        let sum = try engine.prepare(
            .sum(Self.margin), of: try engine.prepare(QueryPlan(entity: "orders", filters: [.during("ordered_at")])))
        let count = try engine.prepare(.count, of: plan)
        let partition = try #require(SubjectPartition([.users([0]), .users([1])], targetCount: 2))
        let period = PeriodDays(firstDay: Self.october.firstDay, lastDay: Self.october.lastDay)
        let sums = try engine.run(sum, for: partition, periods: [period])
        #expect(sums == [[.decimal(ExactDecimal(scaled: 356_500)), .decimal(ExactDecimal(scaled: 100_000))]])
        // amount > cost: u1 r1; u2 r4.
        #expect(try engine.run(count, for: partition, periods: [period]) == [[.integer(1), .integer(1)]])
        for (index, subject) in [QueryScope.Subject.users([0]), .users([1])].enumerated() {
            let scope = QueryScope(subject: subject, firstDay: Self.october.firstDay, lastDay: Self.october.lastDay)
            #expect(try engine.run(sum, in: scope) == sums[0][index])
        }
    }
}
