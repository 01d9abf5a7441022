import YardstickLocalization

/// A run's failures grouped for a person to read: the same error of the same indicator at the
/// same grain is one line, however many subjects and periods it failed for.
///
/// ```
/// won_deals failed for 41 users in 2017-Q4: indicators/won_deals.lua:3: script exceeded the instruction limit of 100000000
/// win_rate failed for user u2 in 2026-10: indicators/win_rate.lua:12: attempt to perform arithmetic on a nil value
/// indicators/broken.lua:2: unexpected symbol near 'end'
/// 17 more errors not shown
/// ```
///
/// Groups keep the order in which their first failure appears in the report. Failures that
/// belong to no subject (a file that does not load, an indicator whose `needs` are not mapped)
/// are one line each.
package struct FailureSummary: Sendable, Equatable {
    /// One indicator's same error at one grain.
    package struct Group: Sendable, Equatable {
        /// The indicator (empty for a file that did not load).
        package var indicatorID: String
        /// The grain of the subjects it failed for, when known; nil for a failure of no subject.
        package var grain: Grain?
        /// `file:line` or `file`.
        package var location: String
        /// The message.
        package var message: String
        /// The distinct subjects it failed for, in order of appearance.
        package var subjectIDs: [String]
        /// The distinct period labels it failed in, in order of appearance.
        package var periodLabels: [String]
        /// The failures in the group (one per subject and period).
        package var count: Int

        /// The group as one line: `won_deals failed for 41 users in 2017-Q4: file:line: message`.
        package var line: String {
            guard let first = subjectIDs.first else {
                return indicatorID.isEmpty
                    ? "\(location): \(message)" : tr("%@ failed: %@: %@", indicatorID, location, message)
            }
            let subjects =
                subjectIDs.count == 1
                ? (grain.map { "\($0.rawValue) " } ?? "") + first
                : Localization.isChinese
                    ? tr("%@ %@", subjectIDs.count, grain.map { $0.name(locale: "zh-CN") } ?? tr("subjects"))
                    : "\(subjectIDs.count) \(grain.map(FailureSummary.plural) ?? "subjects")"
            if periodLabels.isEmpty {
                return tr("%@ failed for %@: %@: %@", indicatorID, subjects, location, message)
            }
            let periods = periodLabels.count == 1 ? periodLabels[0] : tr("%@ periods", periodLabels.count)
            return tr("%@ failed for %@ in %@: %@: %@", indicatorID, subjects, periods, location, message)
        }
    }

    /// The groups, in order of their first failure.
    package var groups: [Group]
    /// The failures summarised (every group's count added up).
    package var failureCount: Int

    /// Groups a report's failures.
    package init(_ failures: [IndicatorFailure]) {
        struct Key: Hashable {
            var indicatorID: String
            var grain: Grain?
            var location: String
            var message: String
            /// Distinguishes failures of no subject, which are not grouped.
            var alone: Int
        }
        var groups: [Group] = []
        var positions: [Key: Int] = [:]
        var seenSubjects: [Int: Set<String>] = [:]
        var seenPeriods: [Int: Set<String>] = [:]
        for (index, failure) in failures.enumerated() {
            let key = Key(
                indicatorID: failure.indicatorID, grain: failure.grain, location: failure.location,
                message: failure.message, alone: failure.subjectID == nil ? index : -1)
            let position: Int
            if let known = positions[key] {
                position = known
            } else {
                position = groups.count
                positions[key] = position
                groups.append(
                    Group(
                        indicatorID: failure.indicatorID, grain: failure.grain,
                        location: failure.location, message: failure.message, subjectIDs: [], periodLabels: [],
                        count: 0))
            }
            groups[position].count += 1
            if let subject = failure.subjectID, seenSubjects[position, default: []].insert(subject).inserted {
                groups[position].subjectIDs.append(subject)
            }
            if let period = failure.periodLabel, seenPeriods[position, default: []].insert(period).inserted {
                groups[position].periodLabels.append(period)
            }
        }
        self.groups = groups
        self.failureCount = failures.count
    }

    /// At most `limit` group lines, then `N more errors not shown` when groups were left out
    /// (N counts their failures).
    package func lines(limit: Int = FailureSummary.defaultLineLimit) -> [String] {
        let shown = groups.prefix(max(0, limit))
        var lines = shown.map(\.line)
        let left = failureCount - shown.reduce(0) { $0 + $1.count }
        if left > 0 { lines.append(left == 1 ? tr("1 more error not shown") : tr("%@ more errors not shown", left)) }
        return lines
    }

    /// The lines printed by default: 20.
    package static let defaultLineLimit = 20

    /// A grain's English plural (`users`, `companies`).
    static func plural(_ grain: Grain) -> String {
        grain == .company ? "companies" : grain.rawValue + "s"
    }
}
