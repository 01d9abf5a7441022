import YardstickData

/// Which rows of each entity a run needs, decided from its indicators and periods before any
/// data is loaded, so that a database source can leave the other rows on the server.
///
/// An entity's rows are needed either over **all history** or only within **a range of days
/// on one date field**. The range applies only when every use of the entity, in every
/// indicator the run may evaluate, places its rows in a period with `during` on that same field
/// of the entity itself (`s.opportunities:where{…}:during("closed_at")`), from the period in
/// focus or a shifted scope (`s.previous`, `s.same_period_last_year`): the range is then the
/// hull of those periods (shifted as each use asks), first day to the day after the last.
/// Anything else reads all history, and so does anything the analysis cannot follow
/// (`IndicatorReads`): a use without `during`, `during` on two different fields or on a field
/// through a reference, key views, `before`, `between`, cohorts, snapshots, peer bins, an
/// entity grain, modules, loops, calls of anything but the API. An entity that another entity
/// refers to reads all history too (its rows are the targets of references), and so does one no
/// indicator reads.
public struct EntityReadWindows: Sendable, Equatable {
    /// The rows of one entity a run needs.
    public enum Reach: Sendable, Hashable {
        /// Every row, and why.
        case allHistory(reason: String)
        /// The rows whose `field` falls in the days `from ..< until` (days since 1970-01-01).
        case days(field: String, from: Int32, until: Int32)
    }

    /// Each mapped entity's reach, by name.
    public private(set) var entities: [String: Reach] = [:]

    /// The reach of `entity`: all history unless a range was decided for it.
    public func reach(of entity: String) -> Reach {
        entities[entity] ?? .allHistory(reason: "not analysed")
    }

    /// The entities whose reads are limited to a range of days, with their field and range.
    public var windows: [(entity: String, field: String, from: Int32, until: Int32)] {
        entities.keys.sorted().compactMap { name in
            guard case .days(let field, let from, let until) = entities[name] else { return nil }
            return (name, field, from, until)
        }
    }

    /// Decides the reach of every entity of `workspace` for a run.
    ///
    /// - Parameters:
    ///   - workspace: The workspace (its entities, fields and references).
    ///   - selection: What the run evaluates; with ids, the files declaring them and those they
    ///     may read with `k(…)` are analysed, else every file of every set.
    ///   - periods: Every period evaluated, comparison periods included; none means all history.
    ///   - grains: The grains evaluated (an entity grain reads all history).
    ///   - historyReason: Why the run needs all history whatever its indicators read (a cohort
    ///     breakdown on the command line), if it does.
    public init(
        workspace: Workspace, selection: IndicatorSelection, periods: [Period], grains: [Grain] = [],
        historyReason: String? = nil
    ) {
        self.init(
            workspace: workspace, sources: Self.sources(of: selection), periods: periods, grains: grains,
            historyReason: historyReason)
    }

    /// Decides the reach of every entity of `workspace` for the indicator files `sources`.
    package init(
        workspace: Workspace, sources: [Evaluator.Source], periods: [Period], grains: [Grain] = [],
        historyReason: String? = nil
    ) {
        let names = workspace.entities.map(\.entity.name)
        func everything(_ reason: String) -> [String: Reach] {
            Dictionary(names.map { ($0, Reach.allHistory(reason: reason)) }, uniquingKeysWith: { first, _ in first })
        }
        if let historyReason {
            entities = everything(historyReason)
            return
        }
        guard !periods.isEmpty else {
            entities = everything("no period")
            return
        }
        if let grain = grains.first(where: { !IndicatorReads.peopleGrains.contains($0.rawValue) }) {
            entities = everything("subjects per \(grain.rawValue) come from an entity's rows")
            return
        }
        var reads: [String: [(file: String, read: IndicatorReads.Read)]] = [:]
        for source in sources {
            let analysis = IndicatorReads.analyse(source: source.text, file: source.file)
            if let reason = analysis.opaqueReason {
                entities = everything(reason)
                return
            }
            for read in analysis.reads { reads[read.entity, default: []].append((source.file, read)) }
        }
        var referenced: [String: String] = [:]
        for mapping in workspace.entities {
            for field in mapping.entity.fields {
                if let target = field.referencedEntity {
                    referenced[target] = referenced[target] ?? "\(mapping.entity.name).\(field.name)"
                }
            }
        }
        for mapping in workspace.entities {
            let entity = mapping.entity
            entities[entity.name] = Self.reach(
                of: entity, uses: reads[entity.name] ?? [], referencedBy: referenced[entity.name], periods: periods)
        }
    }

    /// The reach of one entity from its uses.
    private static func reach(
        of entity: EntityDefinition, uses: [(file: String, read: IndicatorReads.Read)], referencedBy: String?,
        periods: [Period]
    ) -> Reach {
        if let referencedBy { return .allHistory(reason: "\(referencedBy) refers to its rows") }
        guard let first = uses.first else { return .allHistory(reason: "no indicator reads it") }
        if let whole = uses.first(where: { $0.read.during == nil }) {
            return .allHistory(reason: "\(whole.file) reads it without during")
        }
        let field = first.read.during ?? ""
        if let other = uses.first(where: { $0.read.during != field }) {
            return .allHistory(
                reason: "\(first.file) places it by \(field), \(other.file) by \(other.read.during ?? "")")
        }
        guard let definition = entity.fields.first(where: { $0.name == field }),
            definition.type == .date || definition.type == .datetime
        else { return .allHistory(reason: "\(first.file) places it by \(field), not a date field of it") }
        var from = Int32.max
        var until = Int32.min
        for slot in Set(uses.map(\.read.slot)) {
            let shift = PeriodShift(slot: slot)
            for period in periods {
                let shifted = shift.applied(to: period)
                from = min(from, shifted.firstDay)
                until = max(until, shifted.lastDay + 1)
            }
        }
        return .days(field: field, from: from, until: until)
    }

    /// The indicator files a selection may evaluate: with ids, the workspace files declaring
    /// one, then those declaring an id named by a chosen file (as `k("id")` does), until no new
    /// file joins, and every file of a pack and every file whose id is not a constant; without
    /// ids, every file.
    static func sources(of selection: IndicatorSelection) -> [Evaluator.Source] {
        guard let ids = selection.ids else { return selection.sets.flatMap(\.sources) }
        var chosen: [Evaluator.Source] = []
        var wanted = ids
        var remaining: [(source: Evaluator.Source, id: String, strings: Set<String>)] = []
        for set in selection.sets {
            for source in set.sources {
                let analysis = IndicatorReads.analyse(source: source.text, file: source.file)
                // Pack files (which may read any workspace id with k(…)) and files whose id the
                // analysis cannot read are always evaluated, as far as it knows.
                guard set.isWorkspaceSet, let id = analysis.declaredID else {
                    chosen.append(source)
                    wanted.formUnion(analysis.strings)
                    continue
                }
                remaining.append((source, id, analysis.strings))
            }
        }
        var changed = true
        while changed {
            changed = false
            remaining.removeAll { entry in
                guard wanted.contains(entry.id) else { return false }
                chosen.append(entry.source)
                wanted.formUnion(entry.strings)
                changed = true
                return true
            }
        }
        return chosen
    }
}
