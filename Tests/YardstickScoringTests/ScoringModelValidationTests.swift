import Testing
import YardstickScoring

@Suite struct ScoringModelValidationTests {
    func line(_ number: Int) -> ModelLocation { ModelLocation(file: "model.lua", line: number) }

    @Test func siblingWeightsNotSummingTo100AreReportedAtTheirParent() {
        let model = ScoringModel(
            id: "m", location: ModelLocation(file: "model.lua"),
            children: [
                .dimension(
                    ScorecardDimension(
                        "results", weight: 60, location: line(3),
                        children: [
                            .indicator(ScorecardIndicator("revenue", weight: 60, location: line(4))),
                            .indicator(ScorecardIndicator("win_rate", weight: 30, location: line(5))),
                        ])),
                .indicator(ScorecardIndicator("csat", weight: 40, location: line(7))),
            ])
        let errors = model.validationErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.code == .weightsDoNotSum)
        #expect(errors.first?.location == line(3))
        #expect(errors.first?.path == ["results"])
        #expect(
            errors.first?.description
                == "model.lua:3: results: the weights of \"results\"'s children sum to 90, not 100 (revenue 60, win_rate 30)"
        )
    }

    @Test func topLevelWeightsAreReportedAtTheModelsFile() {
        let model = ScoringModel(
            id: "m", location: ModelLocation(file: "scorecards/sales.lua", line: 1),
            children: [
                .indicator(ScorecardIndicator("a", weight: 50)), .indicator(ScorecardIndicator("b", weight: 40)),
            ])
        #expect(throws: ScoringModelErrors.self) { try model.validate() }
        let error = model.validationErrors().first
        #expect(error?.path == [])
        #expect(
            error?.description.hasPrefix("scorecards/sales.lua:1: the weights of the model's children sum to 90")
                == true)
    }

    @Test func deepErrorsCarryTheFullPathAndTheirOwnLine() {
        let model = ScoringModel(
            id: "m",
            children: [
                .dimension(
                    ScorecardDimension(
                        "results", weight: 100, location: line(2),
                        children: [
                            .dimension(
                                ScorecardDimension(
                                    "money", weight: 100, location: line(3),
                                    children: [
                                        .indicator(
                                            ScorecardIndicator(
                                                "revenue", weight: 100, function: .linear(zero: 1, full: 0.5),
                                                location: line(4)))
                                    ]))
                        ]))
            ])
        let error = model.validationErrors().first
        #expect(error?.code == .invalidFunction)
        #expect(error?.path == ["results", "money", "revenue"])
        #expect(error?.location == line(4))
    }

    @Test func aBadWeightIsReportedAtTheNodeAndNotAsASumToo() {
        let model = ScoringModel(
            id: "m",
            children: [
                .indicator(ScorecardIndicator("a", weight: 0, location: line(2))),
                .indicator(ScorecardIndicator("b", weight: 100, location: line(3))),
            ])
        let errors = model.validationErrors()
        #expect(errors.map(\.code) == [.invalidWeight])
        #expect(errors.first?.location == line(2))
        #expect(errors.first?.path == ["a"])
    }

    @Test func everyProblemIsReportedAtOnceInTreeOrder() {
        let model = ScoringModel(
            id: "m", cap: 0,
            children: [
                .dimension(ScorecardDimension("empty", weight: 50, location: line(2), children: [])),
                .indicator(ScorecardIndicator("x", weight: 25, location: line(3))),
                .indicator(ScorecardIndicator("x", weight: 25, function: .steps([], basis: .value), location: line(4))),
            ],
            grades: GradeScale([GradeBand(grade: "A", minimum: 90), GradeBand(grade: "A", minimum: 80)]),
            forcedDistribution: ForcedDistribution([
                GradeShare(grade: "A", percent: 30), GradeShare(grade: "B", percent: 60),
            ]))
        let codes = model.validationErrors().map(\.code)
        #expect(
            codes == [
                .invalidCap, .duplicateID, .emptyDimension, .invalidFunction, .invalidGrades, .invalidDistribution,
            ])
        #expect(model.validationErrors()[1].location == line(4))
    }

    @Test func errorsReadAsFileLinePathAndMessageOnePerLine() {
        let withoutLine = ScoringModelError(
            code: .invalidCap, message: "bad cap", location: ModelLocation(file: "model.lua"), path: ["a", "b"])
        let bare = ScoringModelError(code: .emptyDimension, message: "empty", location: nil, path: [])
        #expect(withoutLine.description == "model.lua: a › b: bad cap")
        #expect(bare.description == "empty")
        #expect(ScoringModelErrors([withoutLine, bare]).description == "model.lua: a › b: bad cap\nempty")
        #expect(ScoringModelError.Code.weightsDoNotSum.rawValue == "weights-do-not-sum")
    }

    @Test func normalisedWeightsNeedNotSumTo100() {
        let model = ScoringModel(
            id: "m", weightRule: .normalised,
            children: [.indicator(ScorecardIndicator("a", weight: 1)), .indicator(ScorecardIndicator("b", weight: 3))])
        #expect(model.validationErrors().isEmpty)
    }

    @Test func scoringAnInvalidModelThrowsItsErrors() {
        let model = ScoringModel(id: "m", children: [])
        #expect(throws: ScoringModelErrors.self) { try model.score([]) }
        #expect(model.validationErrors().map(\.code) == [.emptyDimension])
    }
}
