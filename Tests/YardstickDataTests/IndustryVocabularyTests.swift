import Foundation
import Testing

@testable import YardstickData

/// The entities of the industry packs (decision 0034): subscriptions and order lines load like
/// any entity and `check` applies their rules.
@Suite struct IndustryVocabularyTests {
    @Test func subscriptionAndOrderLineRowsAreOwnedByAUserAndAnAccount() throws {
        for name in ["subscriptions", "order_lines"] {
            let entity = try #require(CRMVocabulary.entity(named: name))
            #expect(entity.field(named: "owner")?.referencedEntity == "users")
            #expect(entity.field(named: "account")?.referencedEntity == "accounts")
        }
        #expect(CRMVocabulary.entity(named: "order_lines")?.field(named: "order")?.referencedEntity == "orders")
        #expect(CRMVocabulary.entity(named: "subscriptions")?.field(named: "mrr")?.type == .decimal)
        #expect(CRMVocabulary.entity(named: "subscriptions")?.field(named: "billing_months")?.type == .integer)
    }

    @Test func subscriptionRulesFlagAnEndBeforeTheStartAndAnImpossibleBillingPeriod() throws {
        let workspace = try TemporaryWorkspace(
            toml: """
                [sources.data]
                path = "data"
                [entities.subscriptions]
                file = "subscriptions.csv"
                """,
            text: [
                "subscriptions.csv": """
                id,account,mrr,amount,billing_months,started_at,ended_at
                s1,a1,100,1200,12,2026-01-01,2026-02-01
                s2,a1,50,50,1,2026-03-01,2026-02-28
                s3,a2,-10,0,0,2026-01-01,

                """
            ])
        let rules = try workspace.check().entities.flatMap(\.problems).filter { $0.kind == .ruleViolation }
        #expect(rules.map(\.rule) == ["ended_at ≥ started_at", "mrr ≥ 0", "billing_months in 1…120"])
        #expect(rules.map(\.count) == [1, 1, 1])
        #expect(rules.first?.description.contains("data/subscriptions.csv:3") == true)
    }

    @Test func orderLineRulesFlagNegativeQuantitiesAndAmounts() throws {
        let workspace = try TemporaryWorkspace(
            toml: """
                [sources.data]
                path = "data"
                [entities.order_lines]
                file = "lines.csv"
                """,
            text: [
                "lines.csv": """
                id,order,product,quantity,unit_price,amount
                l1,o1,p1,2.5,4.00,10.00
                l2,o1,p2,-1,4.00,-4.00

                """
            ])
        let rules = try workspace.check().entities.flatMap(\.problems).filter { $0.kind == .ruleViolation }
        #expect(rules.map(\.rule) == ["quantity ≥ 0", "amount ≥ 0"])
        #expect(rules.first?.description.contains("data/lines.csv:3") == true)
    }
}
