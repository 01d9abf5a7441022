import Testing

@testable import YardstickData

@Suite struct IndexTests {
    func pipeline() throws -> Dataset {
        let workspace = try TemporaryWorkspace(
            toml: """
                [entities.users]
                file = "users.csv"
                [entities.opportunities]
                file = "opps.csv"
                """,
            text: [
                "users.csv": "id,name\nu1,Ann\nu2,Bo\nu3,Cy\n",
                "opps.csv": """
                id,owner,stage,amount,closed_at
                o1,u1,won,100,2026-10-05
                o2,u2,lost,0,2026-10-09
                o3,u1,won,250.25,2026-09-30
                o4,u1,qualification,,
                o5,u2,won,10,2026-11-01
                o6,u1,won,5,2026-10-31

                """,
            ])
        return try workspace.load().0
    }

    @Test func referenceIndexFindsAUsersRowsWithoutScanning() throws {
        let opportunities = try #require(try pipeline()["opportunities"])
        let owner = try #require(opportunities.referenceIndexes["owner"])
        #expect(Array(owner.rows(referencing: 0)) == [0, 2, 3, 5])
        #expect(Array(owner.rows(referencing: 1)) == [1, 4])
        #expect(owner.rows(referencing: 2).isEmpty)
    }

    @Test func dateIndexSlicesAPeriod() throws {
        let opportunities = try #require(try pipeline()["opportunities"])
        let closed = try #require(opportunities.dateIndexes["closed_at"])
        let october = closed.rows(
            from: CivilDate.dayNumber(year: 2026, month: 10, day: 1),
            through: CivilDate.dayNumber(year: 2026, month: 10, day: 31))
        #expect(Array(october) == [0, 1, 5])
        #expect(closed.rows(from: 0, through: 10).isEmpty)
    }

    @Test func decimalColumnsSumExactly() throws {
        let opportunities = try #require(try pipeline()["opportunities"])
        guard case .decimal(let amounts) = opportunities["amount"]?.storage else {
            Issue.record("amount is not decimal")
            return
        }
        #expect(ExactDecimal(scaled: amounts.reduce(0, +)).description == "365.25")
        #expect(opportunities["amount"]?.validity.nullCount == 1)
    }
}
