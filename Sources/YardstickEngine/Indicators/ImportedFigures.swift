/// The figures of other indicator sets that the set being evaluated may read with
/// `k("pack.id")`: those of the sets evaluated before it, for the same subjects and periods.
///
/// A run of several sets (``Evaluator/run(_:periods:grains:)``) evaluates them in dependency
/// order and hands each one the figures of the sets it may read: a pack reads the packs it
/// declares as dependencies, the workspace's own indicators read every pack. Lua never sees
/// another set's state, only these values, each a fresh copy.
struct ImportedFigures: Sendable {
    /// One figure: of which indicator (qualified), for which subject, in which period.
    struct Key: Hashable, Sendable {
        var indicator: String
        var period: Period
        var grain: Grain
        var subject: String
    }

    /// What `k(id)` finds for a qualified id that is not one of the reading set's own.
    enum Lookup: Equatable {
        /// Not another set's indicator: `k` reports an unknown indicator.
        case unknown
        /// Another set's indicator that this set may not read, or cannot read here; the message
        /// says why.
        case refused(String)
        /// The figure (a failure included: the reader fails with it).
        case value(ResultValue)
    }

    /// The figures, by qualified indicator, subject and period.
    private(set) var values: [Key: ResultValue] = [:]
    /// The qualified ids of every indicator of every set of the run, with the set they belong to
    /// (to tell "not yours to read" from "unknown").
    private(set) var setOfIndicator: [String: String] = [:]
    /// The sets whose figures this reader may read; nil: every set recorded.
    var readable: Set<String>? = nil
    /// Why no other set's figure can be read at all (inside a breakdown's members, whose
    /// figures are not those of the subject); nil when they can.
    var unavailableReason: String? = nil

    /// Notes that `set` declares `ids` (qualified), whether or not they are recorded yet.
    mutating func declare(_ ids: [String], of set: String) {
        for id in ids { setOfIndicator[id] = set }
    }

    /// Records the figures of a set's report (its ids qualified).
    mutating func record(_ results: ResultTable) {
        for figure in results {
            let key = Key(
                indicator: figure.indicatorID, period: figure.period, grain: figure.grain, subject: figure.subjectID)
            values[key] = figure.value
        }
    }

    /// What `k(id)` reads for a subject in a period.
    func lookup(_ id: String, subject: SubjectInfo, period: Period) -> Lookup {
        guard let set = setOfIndicator[id] else { return .unknown }
        if let refusal = refusal(id, set: set) { return .refused(refusal) }
        let key = Key(indicator: id, period: period, grain: subject.grain, subject: subject.id)
        guard let value = values[key] else {
            return .refused(
                "k(\"\(id)\"): \(set) has no figure for \(subject.grain.rawValue) \(subject.id) in \(period.label)"
                    + " (it was not evaluated, or not at this grain)")
        }
        return .value(value)
    }

    /// Why the reader may not read `id` of `set`, or nil when it may.
    func refusal(_ id: String, set: String) -> String? {
        if let unavailableReason { return "k(\"\(id)\"): \(unavailableReason)" }
        if let readable, !readable.contains(set) {
            return "k(\"\(id)\"): this pack does not depend on \(set); add it to [dependencies] in pack.toml"
        }
        return nil
    }

    /// Whether `id` is another set's indicator this reader may read (column mode may ask for it).
    func isReadable(_ id: String) -> Bool {
        guard let set = setOfIndicator[id] else { return false }
        return refusal(id, set: set) == nil
    }

    /// The ids this reader may read.
    var readableIDs: [String] {
        setOfIndicator.compactMap { id, set in refusal(id, set: set) == nil ? id : nil }
    }
}
