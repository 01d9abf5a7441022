import Foundation

/// How values are written in the sources: date patterns, separators, boolean words, nulls.
public struct ValueFormats: Sendable, Hashable {
    /// Pattern of `date` fields.
    public var date = TemporalFormat.automatic
    /// Pattern of `datetime` fields.
    public var datetime = TemporalFormat.automatic
    /// The byte between whole and fractional part of decimals.
    public var decimalSeparator = UInt8(ascii: ".")
    /// A digit-grouping byte to ignore in numbers, if any.
    public var groupingSeparator: UInt8?
    /// Words read as true (compared case-insensitively).
    public var trueWords = ["true", "yes", "y", "1", "t", "是"]
    /// Words read as false (compared case-insensitively).
    public var falseWords = ["false", "no", "n", "0", "f", "否"]
    /// Cell texts read as null besides the empty cell (`NULL`, `N/A`…).
    public var nullWords: [String] = []

    /// Creates the default formats.
    public init() {}
}
