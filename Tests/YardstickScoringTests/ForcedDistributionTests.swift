import Testing
import YardstickScoring

@Suite struct ForcedDistributionTests {
    let distribution = ForcedDistribution([
        GradeShare(grade: "A", percent: 20), GradeShare(grade: "B", percent: 70), GradeShare(grade: "C", percent: 10),
    ])

    @Test func tenSubjectsSplitTwoSevenOne() {
        // Boundaries 10 × 20 % = 2, 10 × 90 % = 9, 10.
        #expect(distribution.slotEnds(count: 10) == [2, 9, 10])
        let grades = distribution.grades(forRanks: Array(1...10))
        #expect(grades == ["A", "A", "B", "B", "B", "B", "B", "B", "B", "C"])
    }

    @Test func cumulativeSharesAreRoundedHalfUp() {
        // 7 subjects: 1.4 → 1, 6.3 → 6, 7: one A, five B, one C.
        #expect(distribution.slotEnds(count: 7) == [1, 6, 7])
        // 5 subjects: 1.0 → 1, 4.5 → 5 (half up), 5: no C.
        #expect(distribution.slotEnds(count: 5) == [1, 5, 5])
        #expect(distribution.grades(forRanks: [1, 2, 3, 4, 5]) == ["A", "B", "B", "B", "B"])
    }

    @Test func smallGroupsCanLeaveAGradeEmpty() {
        // 2 subjects: 0.4 → 0, 1.8 → 2: both B. 1 subject: 0.2 → 0, 0.9 → 1: B.
        #expect(distribution.grades(forRanks: [1, 2]) == ["B", "B"])
        #expect(distribution.grades(forRanks: [1]) == ["B"])
        #expect(distribution.grades(forRanks: []) == [])
    }

    @Test func aTieAcrossABoundaryTakesTheBetterGrade() {
        // 10 subjects, A slots end at 2; ranks 1, 2, 2 (a tie over positions 1 and 2): all three A,
        // and B still ends at position 9.
        let grades = distribution.grades(forRanks: [1, 2, 2, 4, 5, 6, 7, 8, 9, 10])
        #expect(grades == ["A", "A", "A", "B", "B", "B", "B", "B", "B", "C"])
    }

    @Test func aTieAtTheBottomIsNotPushedDown() {
        // Ranks 9 and 9 start in B's last slot: both B, no C.
        let grades = distribution.grades(forRanks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 9])
        #expect(grades.suffix(2) == ["B", "B"])
        #expect(!grades.contains("C"))
    }

    @Test func ranksInAnyOrderKeepTheirSubjects() {
        #expect(distribution.grades(forRanks: [10, 1, 5, 2, 3, 4, 6, 7, 8, 9]).prefix(2) == ["C", "A"])
    }
}
