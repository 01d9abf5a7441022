import YardstickLocalization

/// A load that found files it could not load, or (strict) bad rows.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// Everything the load found.
    public let report: LoadReport
    /// Whether the load was lenient (bad rows alone would not have failed it).
    public let lenient: Bool

    /// Creates a failure from what the load found.
    public init(report: LoadReport, lenient: Bool = false) {
        self.report = report
        self.lenient = lenient
    }

    /// The first problems and the totals, one per line.
    public var description: String {
        var lines: [String] = []
        for name in report.entities.keys.sorted() {
            guard let entity = report.entities[name] else { continue }
            lines += entity.fileErrors.map(\.description)
            lines += entity.problems.map(\.description)
            if entity.rejectedRows > entity.problems.count {
                lines.append(tr("… and %@ more bad rows in %@", entity.rejectedRows - entity.problems.count, name))
            }
        }
        let files = Set(report.entities.values.flatMap { $0.fileErrors.map(\.file) }).count
        if files > 0 {
            let what = files == 1 ? tr("1 file could not be loaded") : tr("%@ files could not be loaded", files)
            lines.append(
                lenient
                    ? tr(
                        "%@; nothing was loaded. Fix the file or the mapping (--lenient skips bad rows, never whole files).",
                        what)
                    : tr("%@; nothing was loaded. Fix the file or the mapping.", what))
        } else {
            lines.append(
                tr(
                    "%@ bad rows; nothing was loaded. Fix the data or the mapping, or pass --lenient to load the good rows.",
                    report.rejectedRows))
        }
        return lines.joined(separator: "\n")
    }
}
