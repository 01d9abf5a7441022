import Foundation
import YardstickLocalization

/// One expected figure of a pack's fixture: a row of `tests/FIXTURE/expected.csv`.
///
/// ```csv
/// indicator,grain,subject,period,value,tolerance
/// win_rate,user,u1,2026-07,0.5,
/// revenue,company,acme,2026-Q3,2000.5,0.005
/// win_rate,user,u3,2026-07,missing,
/// ```
///
/// `indicator` is the pack's own id (or the qualified `pack.id`), `value` a number or
/// `missing`; `tolerance` (optional) is the largest absolute difference accepted, 1e-9 when
/// empty. Two more optional columns, `dimension,member`, name a breakdown figure
/// (`win_rate_by_segment,user,u1,2026-07,0.5,,account.segment,smb`); empty, the row is the
/// overall figure. Fields hold no commas or quotes; lines starting with `#` are comments.
public struct PackExpectation: Sendable, Hashable {
    /// The indicator's id within the pack.
    public var indicator: String
    /// The grain's name (`user`, `team`, `company`, `account`…).
    public var grain: String
    /// The subject's id.
    public var subject: String
    /// The period's label (`2026-07`, `2026-Q3`).
    public var period: String
    /// The value expected, nil for a missing value.
    public var value: Double?
    /// The largest absolute difference accepted.
    public var tolerance: Double
    /// The line of `expected.csv` it comes from.
    public var line: Int
    /// The breakdown dimension of the figure (`account.segment`), nil for the overall figure.
    public var dimension: String?
    /// The breakdown member of the figure (`smb`, `(none)`), nil for the overall figure.
    public var member: String?

    /// Creates an expectation.
    ///
    /// - Parameters:
    ///   - indicator: The indicator's id within the pack.
    ///   - grain: The grain's name.
    ///   - subject: The subject's id.
    ///   - period: The period's label.
    ///   - value: The value, or nil for missing.
    ///   - tolerance: The largest absolute difference accepted.
    ///   - line: The line it comes from.
    ///   - dimension: The breakdown dimension, nil for the overall figure.
    ///   - member: The breakdown member, nil for the overall figure.
    public init(
        indicator: String, grain: String, subject: String, period: String, value: Double?, tolerance: Double = 1e-9,
        line: Int, dimension: String? = nil, member: String? = nil
    ) {
        self.dimension = dimension
        self.member = member
        self.indicator = indicator
        self.grain = grain
        self.subject = subject
        self.period = period
        self.value = value
        self.tolerance = tolerance
        self.line = line
    }

    /// The header `expected.csv` starts with (the tolerance column is optional; `dimension` and
    /// `member`, after it, are optional together).
    public static let header = ["indicator", "grain", "subject", "period", "value", "tolerance", "dimension", "member"]

    /// Parses an `expected.csv`.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - file: Its name as messages show it.
    ///   - pack: The pack's name (a `pack.` prefix on ids is dropped).
    /// - Throws: ``PackError`` naming the line of a row that does not parse.
    public static func parse(_ text: String, file: String, pack: String) throws(PackError) -> [PackExpectation] {
        var result: [PackExpectation] = []
        var sawHeader = false
        var columns = 6
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if !sawHeader {
                guard [5, 6, 8].contains(fields.count), fields == Array(header.prefix(fields.count)) else {
                    throw PackError(
                        .invalidManifest,
                        tr(
                            "the header must be %@ (tolerance optional), optionally followed by dimension,member",
                            header.prefix(6).joined(separator: ",")),
                        file: file, line: index + 1)
                }
                columns = fields.count
                sawHeader = true
                continue
            }
            guard fields.count >= 5, fields.count <= max(columns, 6) else {
                throw PackError(
                    .invalidManifest, tr("expected 5 to %@ fields, found %@", max(columns, 6), fields.count),
                    file: file,
                    line: index + 1)
            }
            var dimension: String?
            var member: String?
            if fields.count > 6 {
                let given = (fields[6], fields.count > 7 ? fields[7] : "")
                guard given.0.isEmpty == given.1.isEmpty else {
                    throw PackError(
                        .invalidManifest, tr("dimension and member go together: give both or neither"), file: file,
                        line: index + 1)
                }
                if !given.0.isEmpty { (dimension, member) = (given.0, given.1) }
            }
            var indicator = fields[0]
            if indicator.hasPrefix(pack + ".") { indicator.removeFirst(pack.count + 1) }
            let value: Double?
            if fields[4] == "missing" {
                value = nil
            } else if let number = Double(fields[4]) {
                value = number
            } else {
                throw PackError(
                    .invalidManifest, tr("value \"%@\" is neither a number nor missing", fields[4]), file: file,
                    line: index + 1)
            }
            var tolerance = 1e-9
            if fields.count >= 6, !fields[5].isEmpty {
                guard let given = Double(fields[5]), given >= 0 else {
                    throw PackError(
                        .invalidManifest, tr("tolerance \"%@\" is not a number ≥ 0", fields[5]), file: file,
                        line: index + 1)
                }
                tolerance = given
            }
            result.append(
                PackExpectation(
                    indicator: indicator, grain: fields[1], subject: fields[2], period: fields[3], value: value,
                    tolerance: tolerance, line: index + 1, dimension: dimension, member: member))
        }
        guard sawHeader else { throw PackError(.invalidManifest, tr("empty: no header"), file: file) }
        return result
    }
}
