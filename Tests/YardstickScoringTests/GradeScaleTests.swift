import Testing
import YardstickScoring

@Suite struct GradeScaleTests {
    let scale = GradeScale([
        GradeBand(grade: "C", minimum: 60), GradeBand(grade: "A", minimum: 90), GradeBand(grade: "D", minimum: 0),
        GradeBand(grade: "B", minimum: 75),
    ])

    @Test(arguments: [
        (120.0, "A"), (90.0, "A"), (89.99, "B"), (75.0, "B"), (74.999, "C"), (60.0, "C"), (59.9, "D"), (0.0, "D"),
    ])
    func aTotalAtABandsMinimumEarnsThatBand(total: Double, grade: String) {
        #expect(scale.grade(for: total) == grade)
    }

    @Test func aTotalJustBelowAMinimumByRoundingEarnsIt() {
        // 0.7 × 80 + 0.3 × 113.33… style sums land on 89.99999999999999.
        #expect(scale.grade(for: 89.99999999999999) == "A")
    }

    @Test func aTotalBelowEveryBandHasNoGrade() {
        #expect(GradeScale([GradeBand(grade: "pass", minimum: 50)]).grade(for: 49) == nil)
        #expect(scale.grade(for: -1) == nil)
    }

    @Test func bandsAreOrderedBestFirst() {
        #expect(scale.bands.map(\.grade) == ["A", "B", "C", "D"])
    }
}
