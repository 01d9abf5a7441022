import Testing

@testable import YardstickLocalization

@Suite struct MessageTemplateTests {
    @Test func sequentialPlaceholdersTakeTheArgumentsInOrder() {
        #expect(MessageTemplate.fill("expected %@ fields, found %@", with: ["5", "3"]) == "expected 5 fields, found 3")
    }

    @Test func positionalPlaceholdersReorderTheArguments() {
        #expect(MessageTemplate.fill("%2$@ 中还有 %1$@ 个错误行", with: ["7", "deals"]) == "deals 中还有 7 个错误行")
    }

    @Test func aDoublePercentIsOnePercent() {
        #expect(MessageTemplate.fill("marks 50 %%, %@ %%", with: ["80"]) == "marks 50 %, 80 %")
    }

    @Test func aPlaceholderWithoutAValueIsLeftEmptyAndAStrayPercentStays() {
        #expect(MessageTemplate.fill("a %@ b %@ c", with: ["1"]) == "a 1 b  c")
        #expect(MessageTemplate.fill("100% done", with: []) == "100% done")
    }

    @Test func theArgumentCountIsTheHighestPositionOrTheNumberOfPlaceholders() {
        #expect(MessageTemplate.argumentCount("%@ and %@, 50 %%") == 2)
        #expect(MessageTemplate.argumentCount("%3$@ %1$@ %2$@") == 3)
        #expect(MessageTemplate.argumentCount("none") == 0)
    }

    @Test func argumentsAreInsertedVerbatimEvenWhenTheyHoldPercentSigns() {
        #expect(MessageTemplate.fill("found %@", with: ["%@ 100%"]) == "found %@ 100%")
    }
}
