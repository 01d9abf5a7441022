import Testing
import YardstickScorecard

@Suite struct SubjectFilterTests {
    @Test func anEmptyFilterAcceptsEverySubject() {
        #expect(SubjectFilter().matches { _ in nil })
    }

    @Test func everyConditionMustHoldAndAMissingFieldMatchesNothing() {
        let filter = SubjectFilter(["role": ["sales"], "team": ["east", "west"]])
        #expect(filter.matches { ["role": "sales", "team": "west"][$0] })
        #expect(!filter.matches { ["role": "sales", "team": "north"][$0] })
        #expect(!filter.matches { ["role": "sales"][$0] })
        #expect(filter.description == "role = sales, team = east | west")
    }
}

@Suite struct IndicatorComparisonTests {
    @Test func deltasNeedBothValuesAndRelativeChangeANonZeroBase() {
        let comparison = IndicatorComparison(value: 120, previous: 100, lastYear: 0)
        #expect(comparison.changeFromPrevious == 20)
        #expect(comparison.relativeChangeFromPrevious == 0.2)
        #expect(comparison.changeFromLastYear == 120)
        #expect(comparison.relativeChangeFromLastYear == nil)
        #expect(IndicatorComparison(value: nil, previous: 1, lastYear: nil).changeFromPrevious == nil)
    }
}
