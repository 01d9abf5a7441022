import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickData

/// `check` on the shipped Maven workspace agrees with examples/maven-sales/expected-check.json,
/// which crosscheck.py computes independently with Python's csv module from the raw files.
@Suite struct ExampleWorkspaceTests {
    let directory = RepositoryRoot.path + "/examples/maven-sales"

    var expected: [String: Any] {
        get throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/expected-check.json"))
            let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return try #require(root?["entities"] as? [String: Any])
        }
    }

    @Test func rowsFieldCountsAndReferencesMatchTheIndependentCount() throws {
        let report = WorkspaceChecker(workspace: try Workspace.open(directory: directory)).check()
        let expected = try self.expected
        for entity in report.entities {
            let want = try #require(expected[entity.entity] as? [String: Any])
            #expect(entity.rows == want["rows"] as? Int, "rows of \(entity.entity)")
            let filled = try #require(want["fields"] as? [String: Int])
            for field in entity.fields where !field.custom {
                #expect(field.filled == filled[field.field], "\(entity.entity).\(field.field)")
            }
            let references = want["references"] as? [String: [String: Any]] ?? [:]
            for field in entity.fields where field.unresolved != nil {
                #expect(
                    field.unresolved == references[field.field]?["unresolved"] as? Int,
                    "\(entity.entity).\(field.field) unresolved")
            }
            let dates = want["dates"] as? [String: [String: String?]] ?? [:]
            for field in entity.fields where field.span != nil {
                #expect(field.span?.first == dates[field.field]?["min"] ?? nil)
                #expect(field.span?.last == dates[field.field]?["max"] ?? nil)
            }
        }
    }

    @Test func theRealQuirksAreReportedNotHidden() throws {
        let report = WorkspaceChecker(workspace: try Workspace.open(directory: directory)).check()
        #expect(
            report.entities.map(\.entity) == [
                "teams", "users", "accounts", "products", "opportunities", "surveys", "quotas",
            ])
        let opportunities = try #require(report.entities.first { $0.entity == "opportunities" })
        #expect(opportunities.problems.count == 1)
        let product = try #require(opportunities.problems.first)
        #expect(product.kind == .unresolvedReferences && product.count == 1480)
        #expect(product.examples == ["\"GTXPro\""])
        let completeness = Dictionary(uniqueKeysWithValues: opportunities.fields.map { ($0.field, $0.filled) })
        #expect(completeness["account"] == 7375)  // 1,425 deals without an account
        #expect(completeness["closed_at"] == 6711)  // 2,089 open deals without a close date
        #expect(report.problemCount == 1)
    }

    @Test func fieldRulesAgreeWithTheIndependentCount() throws {
        let report = WorkspaceChecker(workspace: try Workspace.open(directory: directory)).check()
        let expected = try self.expected
        for entity in report.entities {
            let want = try #require((expected[entity.entity] as? [String: Any])?["rule_violations"] as? [String: Int])
            let mapped = Set(entity.fields.map(\.field))
            let applicable = CRMVocabulary.rules(for: entity.entity).filter { $0.fields.allSatisfy(mapped.contains) }
            #expect(Set(applicable.map(\.description)) == Set(want.keys), "rules of \(entity.entity)")
            for rule in applicable {
                let found = entity.problems.first { $0.kind == .ruleViolation && $0.rule == rule.description }
                #expect((found?.count ?? 0) == want[rule.description], "\(entity.entity): \(rule)")
            }
        }
    }

    @Test func wonRevenueSumsExactly() throws {
        let (dataset, _) = try DataLoader(workspace: try Workspace.open(directory: directory)).load()
        let opportunities = try #require(dataset["opportunities"])
        guard case .decimal(let amounts) = opportunities["amount"]?.storage,
            case .enumeration(let stages) = opportunities["stage"]?.storage
        else {
            Issue.record("unexpected storage")
            return
        }
        let won = Int8(4)  // prospecting, qualification, proposal, negotiation, won, lost
        let total = zip(amounts, stages).filter { $0.1 == won }.reduce(Int64(0)) { $0 + $1.0 }
        #expect(ExactDecimal(scaled: total).description == "10005534")
    }
}
