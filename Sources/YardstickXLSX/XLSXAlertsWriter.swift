import YardstickScorecard

/// The spreadsheet format of `yardstick alerts` (`xlsx`): a workbook with one sheet, **Alerts**,
/// exactly the Alerts sheet of `score`'s workbook (``XLSXScoreWriter``): the rows and columns of
/// `alerts --format csv`, values and targets in the indicator's unit format, completions and
/// marks as percentages, days as dates.
///
/// The header row is bold, frozen and filtered, the columns fitted. The bytes are a pure
/// function of the report; the locale does not change them.
public struct XLSXAlertsWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The workbook's bytes.
    ///
    /// - Parameter report: The score report; every period's alerts are written.
    /// - Returns: The .xlsx file's bytes.
    public func write(_ report: ScoreReport) -> [UInt8] {
        XLSXWorkbook(sheets: [XLSXScoreWriter.alerts(report)]).bytes()
    }
}
