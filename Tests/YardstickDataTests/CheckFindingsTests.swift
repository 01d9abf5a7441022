import Foundation
import Testing

@testable import YardstickData

/// `check` reports field rules with located examples, cuts long values, and never crashes.
@Suite struct CheckFindingsTests {
    static let toml = """
        [sources.data]
        path = "data"
        [entities.opportunities]
        file = "deals.csv"
        [entities.opportunities.fields]
        id = "Deal ID"
        amount = "Value"
        created_at = "Created"
        closed_at = "Closed"
        """

    func problems(_ csv: String, toml: String = toml) throws -> [CheckProblem] {
        let workspace = try TemporaryWorkspace(toml: toml, text: ["deals.csv": csv])
        return try workspace.check().entities.flatMap(\.problems)
    }

    @Test func timeOrderAndSignRulesAreReportedWithFileAndLine() throws {
        let found = try problems(
            """
            Deal ID,Value,Created,Closed
            D1,10,2026-01-05,2026-01-10
            D2,bad,2026-01-05,2026-01-10
            D3,-5,2026-02-05,2026-02-01
            D4,7,2026-03-05,
            D5,8,2026-03-05,2026-03-04

            """)
        let rules = found.filter { $0.kind == .ruleViolation }
        #expect(
            rules.map(\.description) == [
                "2 rows break the rule closed_at ≥ created_at — e.g. "
                    + "data/deals.csv:4: closed_at 2026-02-01 is before created_at 2026-02-05; "
                    + "data/deals.csv:6: closed_at 2026-03-04 is before created_at 2026-03-05",
                "1 row breaks the rule amount ≥ 0 — e.g. data/deals.csv:4: amount -5",
            ])
        #expect(rules.map(\.count) == [2, 1])
        #expect(rules.map(\.field) == ["closed_at", "amount"])
        #expect(rules.map(\.rule) == ["closed_at ≥ created_at", "amount ≥ 0"])
    }

    @Test func rowsAreLocatedAcrossSeveralFiles() throws {
        let toml = """
            [sources.data]
            path = "data"
            [[entities.opportunities]]
            file = "a.csv"
            [entities.opportunities.fields]
            id = "Deal ID"
            amount = "Value"
            [[entities.opportunities]]
            file = "b.csv"
            [entities.opportunities.fields]
            id = "Deal ID"
            amount = "Value"
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: ["a.csv": "Deal ID,Value\nA1,1\nA2,2\n", "b.csv": "Deal ID,Value\nB1,x\nB2,-3\n"])
        let rules = try workspace.check().entities.flatMap(\.problems).filter { $0.kind == .ruleViolation }
        #expect(rules.map(\.examples) == [["data/b.csv:3: amount -3"]])
    }

    @Test func rowsOfABigFileReadInSegmentsAreLocated() throws {
        // Over 1 MiB: read in segments on several threads, whose rows are appended in order.
        var text = "Deal ID,Value,Created,Closed\n"
        for index in 0..<120_000 {
            switch index {
            case 70_000: text += "D\(index),1\u{0}0,,\n"
            case 100_000: text += "D\(index),-1,,\n"
            default: text += "D\(index),\(index % 97),,\n"
            }
        }
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": text])
        let entity = try #require(try workspace.check().entities.first)
        #expect(entity.rows == 119_999)
        #expect(
            entity.problems.map(\.description) == [
                "1 row rejected (bad or missing values) — e.g. "
                    + "data/deals.csv:70002:Value (amount): a NUL byte in the value \"1\\00\"",
                "1 row breaks the rule amount ≥ 0 — e.g. data/deals.csv:100002: amount -1",
            ])
    }

    @Test func checkReportsAFileThatFeedsNoFieldInsteadOfCountingNoRows() throws {
        let toml = "[entities.teams]\nfile = \"t.csv\"\n"
        let workspace = try TemporaryWorkspace(toml: toml, text: ["t.csv": "foo,bar\n1,2\n3,4\n"])
        let teams = try #require(try workspace.check().entities.first)
        #expect(
            teams.problems.map(\.description).contains {
                $0.contains("data/t.csv: no column of this file maps to a field of teams (columns: foo, bar)")
            }, "\(teams.problems)")
    }

    @Test func surveyScoresFollowTheirTypesRange() throws {
        let toml = """
            [sources.data]
            path = "data"
            [entities.surveys]
            file = "surveys.csv"
            [entities.surveys.fields]
            id = "id"
            type = "type"
            score = "score"
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: ["surveys.csv": "id,type,score\n1,csat,5\n2,csat,7\n3,nps,7\n4,nps,11\n5,complaint,\n6,csat,0\n"])
        let rules = try workspace.check().entities.flatMap(\.problems).filter { $0.kind == .ruleViolation }
        #expect(
            rules.map(\.description) == [
                "1 row breaks the rule score in 0…10 — e.g. data/surveys.csv:5: score 11",
                "2 rows break the rule score in 1…5 when type = csat — e.g. "
                    + "data/surveys.csv:3: score 7; data/surveys.csv:7: score 0",
            ])
    }

    @Test func durationsAreNonNegative() {
        #expect(CRMVocabulary.rules(for: "calls").map(\.description).contains("wait_seconds ≥ 0"))
        #expect(CRMVocabulary.rules(for: "activities").map(\.description) == ["duration_seconds ≥ 0"])
        #expect(CRMVocabulary.rules(for: "no_such_entity").isEmpty)
    }

    @Test func duplicateIdsWhoseRowsAreAllRejectedDoNotCrash() throws {
        let found = try problems("Deal ID,Value,Created,Closed\nD1,x,,\nD1,y,,\n")
        #expect(found.map(\.kind) == [.badValues])
        #expect(found.first?.count == 2)
    }

    @Test func aDuplicateOfARejectedRowIsNotADuplicate() throws {
        let found = try problems("Deal ID,Value,Created,Closed\nD1,x,,\nD1,1,,\nD2,2,,\nD2,3,,\n")
        #expect(found.map(\.kind) == [.badValues, .duplicateIds])
        #expect(found.last?.examples == ["\"D2\" ×2"])
    }

    @Test func unresolvedReferenceExamplesAreCut() throws {
        let toml = Self.toml + "\nowner = \"Owner\"\n[entities.users]\nfile = \"users.csv\"\n"
        let long = String(repeating: "z", count: 5000)
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: ["deals.csv": "Deal ID,Value,Created,Closed,Owner\nD1,1,,,\(long)\n", "users.csv": "id\nu1\n"])
        let found = try workspace.check().entities.flatMap(\.problems)
        let unresolved = try #require(found.first { $0.kind == .unresolvedReferences })
        #expect(unresolved.examples == ["\"" + String(repeating: "z", count: 80) + "… (5000 bytes)\""])
    }

    @Test func controlCharactersInExamplesAreEscaped() throws {
        let found = try problems("Deal ID,Value,Created,Closed\nD1,\"1\u{1B}[2J\r\",,\n")
        #expect(
            found.first?.examples == [
                "data/deals.csv:2:Value (amount): expected a decimal number (at most 4 decimal places), "
                    + "found \"1\\u{1B}[2J\\r\""
            ])
    }

    @Test func completenessOfAnEmptyTableIsAbsent() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": "Deal ID,Value,Created,Closed\n"])
        let entity = try #require(try workspace.check().entities.first)
        #expect(entity.rows == 0)
        #expect(entity.fields.allSatisfy { $0.completeness == nil })
    }

    @Test func checkSaysWhichEncodingEachFileWasReadWith() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Value,Created,Closed\nD1,1,,\n"])
        #expect(try workspace.check().entities.first?.encodings == ["data/deals.csv": "utf-8"])
    }

    @Test func unloadableFilesAreProblemsOfCheck() throws {
        let found = try problems("Deal ID,Value,Created,Closed\nD1,\"1,,\n")
        #expect(found.map(\.kind) == [.unreadableFile])
        #expect(found.first?.message == "data/deals.csv:2: a quoted field opened on line 2 is never closed")
    }
}
