import YardstickData
import YardstickEngine

/// The dataset's `quotas` rows indexed by owner and metric, and the rule that turns the rows of
/// one owner and metric into a target for a period.
///
/// Rows inside the period are summed; a row reaching outside it is pro-rated by the days it
/// shares with the period. Rows that leave a day of the period uncovered, or two rows of one
/// owner and metric sharing a day, give no target: the reason says which days or rows, and
/// nothing is invented.
struct QuotaBook: Sendable {
    /// An owner and a metric: the key rows are found by, hashed once per lookup.
    private struct Key: Hashable, Sendable {
        let owner: QuotaOwner
        let metric: String
    }

    /// Rows by owner and metric, each list sorted once (``QuotaRowList``).
    private let rows: [Key: QuotaRowList]
    /// Why no quota can resolve at all (no quotas entity, or no rows), if so.
    let unavailableReason: String?

    /// Reads the `quotas` table of `dataset`.
    ///
    /// Rows with no owner, metric or dates, or whose end precedes their start, are skipped
    /// (`yardstick check` reports them). A row with both `user` and `team` is the user's.
    init(dataset: Dataset) {
        guard let table = dataset["quotas"] else {
            rows = [:]
            unavailableReason = "the workspace maps no quotas entity"
            return
        }
        guard table.rowCount > 0 else {
            rows = [:]
            unavailableReason = "the quotas table has no rows"
            return
        }
        var index: [Key: [QuotaRow]] = [:]
        // The columns are found by name once, not per row.
        let user = table["user"]
        let team = table["team"]
        let metricColumn = table["metric"]
        let start = table["period_start"]
        let end = table["period_end"]
        let tierColumns = QuotaTier.allCases.map { ($0, table[$0.rawValue]) }
        for row in 0..<table.rowCount {
            guard let owner = Self.owner(user: user, team: team, row), let metric = Self.text(metricColumn, row),
                let first = Self.day(start, row), let last = Self.day(end, row),
                first <= last
            else { continue }
            var tiers: [QuotaTier: Double] = [:]
            for (tier, column) in tierColumns {
                if let value = Self.number(column, row), value.isFinite { tiers[tier] = value }
            }
            let quota = QuotaRow(
                id: table.key(ofRow: row) ?? "row \(row + 1)", span: QuotaSpan(firstDay: first, lastDay: last),
                tiers: tiers)
            index[Key(owner: owner, metric: metric), default: []].append(quota)
        }
        rows = index.mapValues(QuotaRowList.init)
        unavailableReason = index.isEmpty ? "the quotas table has no usable rows" : nil
    }

    /// Whether `owner` has a row for `metric` sharing a day with `period`.
    func hasRows(of owner: QuotaOwner, metric: String, overlapping period: Period) -> Bool {
        candidates(of: owner, metric: metric, overlapping: period).contains {
            $0.span.overlaps(first: period.firstDay, last: period.lastDay)
        }
    }

    /// The rows of `owner` for `metric` that may share a day with `period`, found in the sorted
    /// list by binary search (``QuotaRowList/candidates(first:last:)``): one row for a month of
    /// monthly quotas, however many months the owner has.
    func candidates(of owner: QuotaOwner, metric: String, overlapping period: Period) -> ArraySlice<QuotaRow> {
        rows[Key(owner: owner, metric: metric)]?.candidates(first: period.firstDay, last: period.lastDay) ?? []
    }

    /// The target of `owner` for `metric` in `period`, every tier, from its rows.
    ///
    /// - Parameter name: How messages name the owner (`team T1`); `user u1` / `unit T1` by default.
    func resolve(_ ownerKey: QuotaOwner, metric: String, period: Period, name: String? = nil) -> QuotaResolution {
        if let unavailableReason { return QuotaResolution(missing: unavailableReason) }
        let owner = name ?? ownerKey.description
        let first = period.firstDay
        let last = period.lastDay
        let used = rows[Key(owner: ownerKey, metric: metric)]?.overlapping(first: first, last: last) ?? []
        guard !used.isEmpty else {
            return QuotaResolution(missing: "no quota row of \(owner) for \(metric) overlaps \(period.label)")
        }
        let ids = used.map(\.id)
        // Overlapping rows: each day's quota must come from exactly one row.
        var furthest = used[0]
        for row in used.dropFirst() {
            if row.span.firstDay <= furthest.span.lastDay {
                return QuotaResolution(
                    missing: "quota rows \(furthest.id) (\(furthest.label)) and \(row.id) (\(row.label)) of "
                        + "\(owner) for \(metric) overlap, so a day's quota is ambiguous",
                    rowIDs: ids)
            }
            if row.span.lastDay > furthest.span.lastDay { furthest = row }
        }
        // Gaps: every day of the period must be covered.
        var gaps: [String] = []
        var cursor = first
        for row in used {
            if row.span.firstDay > cursor {
                gaps.append(QuotaSpan.isoRange(first: cursor, last: row.span.firstDay - 1))
            }
            cursor = max(cursor, row.span.lastDay + 1)
        }
        if cursor <= last { gaps.append(QuotaSpan.isoRange(first: cursor, last: last)) }
        if !gaps.isEmpty {
            return QuotaResolution(
                missing: "the quota rows of \(owner) for \(metric) leave "
                    + gaps.joined(separator: ", ") + " of \(period.label) uncovered",
                rowIDs: ids)
        }
        var tiers: [QuotaTier: Double] = [:]
        for tier in QuotaTier.allCases {
            var total = 0.0
            var complete = true
            for row in used {
                guard let value = row.tiers[tier] else {
                    complete = false
                    break
                }
                let shared = row.span.overlapDays(first: first, last: last)
                total += shared == row.span.days ? value : value * Double(shared) / Double(row.span.days)
            }
            if complete { tiers[tier] = total }
        }
        return QuotaResolution(tiers: tiers, description: Self.describe(used, period: period), rowIDs: ids)
    }

    /// `3 monthly quotas summed (2017-10, 2017-11, 2017-12)`, `2017-Q4 quota pro-rated by days:
    /// 31/92`, or both joined by ` + `.
    private static func describe(_ used: [QuotaRow], period: Period) -> String {
        let inside = used.filter { $0.span.isInside(first: period.firstDay, last: period.lastDay) }
        let outside = used.filter { !$0.span.isInside(first: period.firstDay, last: period.lastDay) }
        var parts: [String] = []
        if inside.count == 1 {
            parts.append("\(inside[0].label) quota")
        } else if inside.count > 1 {
            let kinds = Set(inside.map(\.kind))
            let adjective = kinds.count == 1 ? kinds.first?.adjective.map { $0 + " " } ?? "" : ""
            parts.append(
                "\(inside.count) \(adjective)quotas summed (" + inside.map(\.label).joined(separator: ", ") + ")")
        }
        for row in outside {
            let shared = row.span.overlapDays(first: period.firstDay, last: period.lastDay)
            parts.append("\(row.label) quota pro-rated by days: \(shared)/\(row.span.days)")
        }
        return parts.joined(separator: " + ")
    }

    private static func owner(user: Column?, team: Column?, _ row: Int) -> QuotaOwner? {
        if let user = text(user, row) { return .user(user) }
        if let team = text(team, row) { return .unit(team) }
        return nil
    }

    private static func text(_ column: Column?, _ row: Int) -> String? {
        guard let column, !column.isNull(row) else { return nil }
        let text = column.value(at: row).description
        return text.isEmpty ? nil : text
    }

    private static func day(_ column: Column?, _ row: Int) -> Int32? {
        guard let column else { return nil }
        switch column.value(at: row) {
        case .date(let day): return day
        case .datetime(let seconds): return Int32((seconds - (seconds % 86_400 + 86_400) % 86_400) / 86_400)
        default: return nil
        }
    }

    private static func number(_ column: Column?, _ row: Int) -> Double? {
        guard let column else { return nil }
        switch column.value(at: row) {
        case .decimal(let value): return value.doubleValue
        case .integer(let value): return Double(value)
        case .string(let text): return Double(text)
        default: return nil
        }
    }
}
