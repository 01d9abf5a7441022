/// One cell of a worksheet: typed, so a spreadsheet reads numbers as numbers and dates as dates.
package enum XLSXCell: Sendable, Equatable {
    /// No value (no `<c>` element is written).
    case empty
    /// Text, written as a shared string.
    case text(String)
    /// A number, shown with a number format.
    case number(Double, XLSXNumberFormat)
    /// A calendar day (days since 1970-01-01), stored as Excel's day serial number and shown
    /// as `yyyy-mm-dd`.
    case date(Int32)

    /// A number cell, or text when the number is not finite (`NaN`, `inf` and `-inf` have no
    /// cell form; they are written as the CSV writes them).
    package static func finite(_ number: Double, _ format: XLSXNumberFormat) -> XLSXCell {
        number.isFinite ? .number(number, format) : .text(number.isNaN ? "NaN" : number < 0 ? "-inf" : "inf")
    }

    /// The text a column width is measured on: roughly what the cell shows.
    var shownText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number, let format): format.sample(number)
        case .date: "2026-12-31"
        }
    }
}
