import YardstickEngine

/// How a number cell is shown; the cell keeps its full value whatever the format.
package enum XLSXNumberFormat: Sendable, Equatable, CaseIterable {
    /// As typed (Excel's General): ratios, plain numbers, ids.
    case general
    /// A whole number with thousands separators, `#,##0` (counts, seconds, ranks).
    case integer
    /// Money, `#,##0.00`.
    case money
    /// A fraction as a percentage with one decimal, `0.0%` (the cell keeps the fraction).
    case percent
    /// One decimal with thousands separators, `#,##0.0` (days, hours, scores).
    case oneDecimal

    /// The format an indicator's values are shown with.
    package init(unit: IndicatorUnit) {
        switch unit {
        case .count, .seconds: self = .integer
        case .money: self = .money
        case .percent: self = .percent
        case .days, .hours, .score: self = .oneDecimal
        case .ratio, .number: self = .general
        }
    }

    /// The cell style (index in `cellXfs`) of a number in this format.
    var style: Int {
        switch self {
        case .general: 0
        case .integer: 2
        case .money: 3
        case .percent: 4
        case .oneDecimal: 5
        }
    }

    /// Roughly what a number shows as, to size a column.
    func sample(_ number: Double) -> String {
        switch self {
        case .general: ResultValue.number(number).plainText
        case .integer: ResultValue.number(number.rounded()).plainText + ","
        case .money: ResultValue.number(number.rounded()).plainText + ",.00"
        case .percent: ResultValue.number((number * 100).rounded()).plainText + ".0%"
        case .oneDecimal: ResultValue.number(number.rounded()).plainText + ",.0"
        }
    }
}
