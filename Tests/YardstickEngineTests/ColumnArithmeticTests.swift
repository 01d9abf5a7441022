import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// The host's element rule for column arithmetic, worked by hand from values.lua's and
/// dates.lua's scalar rules (ColumnModeTests compares whole runs against per-subject Lua).
@Suite struct ColumnArithmeticTests {
    static func decimal(_ text: String) -> QueryValue {
        .decimal(ExactDecimal(scaled: Int64((Double(text)! * 10_000).rounded())))
    }

    @Test func aMissingOperandIsTheResultTheLeftOneFirst() {
        #expect(ColumnArithmetic.add.apply(.missing("a"), .missing("b")) == .missing("a"))
        #expect(ColumnArithmetic.divide.apply(.integer(1), .missing("b")) == .missing("b"))
        #expect(ColumnArithmetic.subtract.apply(.missing("no keys"), .date(3)) == .missing("no keys"))
    }

    @Test func wholeNumbersWrapAsLuaIntegersAndDivideAsDoubles() {
        #expect(ColumnArithmetic.subtract.apply(.integer(5), .integer(1)) == .integer(4))
        #expect(ColumnArithmetic.add.apply(.integer(.max), .integer(1)) == .integer(.min))
        #expect(ColumnArithmetic.divide.apply(.integer(7), .integer(2)) == .number(3.5))
        #expect(ColumnArithmetic.divide.apply(.integer(1), .integer(0)) == .number(.infinity))
        #expect(ColumnArithmetic.multiply.apply(.integer(3), .number(0.5)) == .number(1.5))
    }

    @Test func decimalsStayExactWithWholeNumbersAndBecomeDoublesOtherwise() {
        #expect(ColumnArithmetic.add.apply(Self.decimal("1.25"), .integer(2)) == Self.decimal("3.25"))
        #expect(ColumnArithmetic.subtract.apply(.integer(2), Self.decimal("0.0001")) == Self.decimal("1.9999"))
        #expect(ColumnArithmetic.multiply.apply(Self.decimal("1.25"), .integer(3)) == Self.decimal("3.75"))
        #expect(ColumnArithmetic.multiply.apply(Self.decimal("2"), Self.decimal("1.5")) == Self.decimal("3"))
        // Neither side whole: the product of doubles, as values.lua computes it.
        #expect(ColumnArithmetic.multiply.apply(Self.decimal("1.5"), Self.decimal("1.5")) == .number(2.25))
        #expect(ColumnArithmetic.divide.apply(Self.decimal("10"), .integer(4)) == .number(2.5))
        #expect(ColumnArithmetic.add.apply(Self.decimal("0.5"), .number(0.25)) == .number(0.75))
    }

    @Test func datesMoveByWholeDaysAndSubtractToDays() {
        #expect(ColumnArithmetic.add.apply(.date(100), .integer(3)) == .date(103))
        #expect(ColumnArithmetic.add.apply(.integer(3), .date(100)) == .date(103))
        #expect(ColumnArithmetic.subtract.apply(.date(100), .integer(3)) == .date(97))
        #expect(ColumnArithmetic.subtract.apply(.date(100), .date(93)) == .integer(7))
    }

    /// Pairs the prelude refuses with an error have no host rule: the prelude computes them
    /// and raises its error.
    @Test func pairsWithoutAScalarRuleAreLeftToTheprelude() {
        #expect(ColumnArithmetic.add.apply(.date(1), .date(2)) == nil)
        #expect(ColumnArithmetic.subtract.apply(.integer(1), .date(2)) == nil)
        #expect(ColumnArithmetic.add.apply(.date(1), .number(1.5)) == nil)
        #expect(ColumnArithmetic.add.apply(.date(1), Self.decimal("1")) == nil)
        #expect(ColumnArithmetic.multiply.apply(.date(1), .integer(2)) == nil)
        #expect(ColumnArithmetic.add.apply(.text("a"), .integer(2)) == nil)
        #expect(ColumnArithmetic.add.apply(.date(Int32.max), .integer(1)) == nil)
    }
}
