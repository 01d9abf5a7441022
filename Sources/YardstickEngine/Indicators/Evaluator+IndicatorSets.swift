import Foundation
import YardstickLocalization

/// Running indicator sets, each in Lua states of its own, with ids namespaced by set.
extension Evaluator {
    /// Evaluates the selected indicators of every set for every subject of each grain in each
    /// period.
    ///
    /// Each set is loaded and evaluated in Lua states of its own (one per worker), never
    /// shared with another set, so sets that define the same globals, modules or indicator ids
    /// do not see each other. The report names a set's indicators `setID.id` (the workspace's
    /// own keep their plain ids) in its indicators, figures, errors and statistics; each
    /// subject's figures hold the sets' indicators set by set, in the sets' order. A run of
    /// the workspace set alone is exactly ``run(sources:periods:grains:only:)`` on its files.
    ///
    /// - Parameters:
    ///   - selection: The sets, in report order (at most one workspace set, pack ids
    ///     distinct), and the qualified ids (`win_rate`, `pack.win_rate`) to keep, or nil for
    ///     all.
    ///   - periods: The periods, in report order.
    ///   - grains: The grains, in report order.
    /// - Returns: One report for all sets.
    /// - Throws: ``EvaluationError`` for an unknown id (listing the known ones), two sets with
    ///   one id, one indicator id declared in two sets, or Lua that cannot start.
    public func run(_ selection: IndicatorSelection, periods: [Period], grains: [Grain]) throws(EvaluationError)
        -> RunReport
    {
        let sets = selection.sets
        let ids = selection.ids
        if sets.count == 1, let own = sets.first, own.isWorkspaceSet {
            return try evaluator(for: own).run(sources: own.sources, periods: periods, grains: grains, only: ids)
        }
        let declared = try declarations(of: sets)
        let known = declared.flatMap(\.qualifiedIDs)
        if let ids {
            let unknown = ids.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw EvaluationError(
                    tr(
                        "no indicator %@ (known: %@)", unknown.joined(separator: ", "),
                        known.sorted().joined(separator: ", ")))
            }
        }
        let asked = declared.map { entry in
            ids.map { ids in Set(entry.definitions.map(\.id).filter { ids.contains(entry.set.qualifiedID($0)) }) }
        }
        let (reports, _) = try evaluateSets(
            declared, needed: Self.setsToEvaluate(declared, asked: asked), asked: asked, periods: periods,
            grains: grains)
        var parts = JoinedSetReports()
        for (index, entry) in declared.enumerated() {
            if let report = reports[index] {
                parts.add(report, of: entry.set)
            } else {
                // Nothing of this set was asked for; its files' load errors still count.
                parts.errors += entry.loadFailures
            }
        }
        return parts.report(workspace: workspace.name, periods: periods)
    }

    /// Evaluates one indicator of a set for one subject and period, recording its queries.
    ///
    /// - Parameters:
    ///   - id: The qualified id (`win_rate`, `pack.win_rate`).
    ///   - subjectID: The subject's id.
    ///   - grain: The subject's grain.
    ///   - period: The period.
    ///   - sets: The sets to find the indicator in.
    /// - Returns: The explanation, its definition carrying the qualified id.
    /// - Throws: ``EvaluationError`` for an unknown indicator or subject, or an indicator that
    ///   does not load.
    public func explain(
        indicator id: String, subjectID: String, grain: Grain, period: Period, sets: [IndicatorSet]
    ) throws(EvaluationError) -> Explanation {
        if sets.count == 1, let own = sets.first, own.isWorkspaceSet {
            return try evaluator(for: own).explain(
                indicator: id, subjectID: subjectID, grain: grain, period: period, sources: own.sources)
        }
        let declared = try declarations(of: sets)
        for (index, entry) in declared.enumerated() {
            guard let definition = entry.definitions.first(where: { entry.set.qualifiedID($0.id) == id }) else {
                continue
            }
            // The sets it reads are evaluated first, for this subject's grain and period.
            let asked = declared.indices.map { $0 == index ? Set([definition.id]) : Set<String>() }
            var needed = Self.setsToEvaluate(declared, asked: asked)
            needed[index] = nil
            var setEvaluator = evaluator(for: entry.set)
            setEvaluator.imported = try evaluateSets(
                declared, needed: needed, asked: asked, periods: [period], grains: [grain]
            ).imported
            setEvaluator.imported.readable = entry.set.reads
            var explanation = try setEvaluator.explain(
                indicator: definition.id, subjectID: subjectID, grain: grain, period: period,
                sources: entry.set.sources)
            explanation.definition.id = id
            return explanation
        }
        throw EvaluationError(tr("no indicator %@ among the loaded indicator files", id))
    }

    /// Evaluates the `needed` sets of `declared`, every set after those it reads, each reading the
    /// figures of those evaluated before it that it may read.
    ///
    /// - Returns: The reports of the sets asked for, by position, and every pack's figures.
    func evaluateSets(
        _ declared: [DeclaredIndicatorSet], needed: [Int: SetNeed], asked: [Set<String>?], periods: [Period],
        grains: [Grain]
    ) throws(EvaluationError) -> (reports: [Int: RunReport], imported: ImportedFigures) {
        var imported = ImportedFigures()
        for entry in declared {
            if let id = entry.set.id {
                imported.declare(entry.definitions.map { entry.set.qualifiedID($0.id) }, of: id)
            }
        }
        var reports: [Int: RunReport] = [:]
        for index in Self.evaluationOrder(declared.map(\.set)) where needed[index] != nil {
            let entry = declared[index]
            var setEvaluator = evaluator(for: entry.set)
            setEvaluator.imported = imported
            setEvaluator.imported.readable = entry.set.reads
            // A set evaluated only because another reads it runs whole, and is not reported.
            let local = needed[index] == .read ? nil : asked[index]
            let report = try setEvaluator.run(
                sources: entry.set.sources, periods: periods, grains: grains, only: local)
            if !entry.set.isWorkspaceSet { imported.record(report.results.renamingIndicators(entry.set.qualifiedID)) }
            if needed[index] == .asked { reports[index] = report }
        }
        return (reports, imported)
    }

    /// Why a set is evaluated in a run of several.
    enum SetNeed {
        /// Some of its indicators were asked for (or all, without `--indicators`).
        case asked
        /// Only because a set that was asked for reads its figures with `k("set.id")`.
        case read
    }

    /// The sets (by position) a run evaluates: those with indicators asked for, and, for each,
    /// the sets it may read whose ids its files name in a string (`"sales-core.`), transitively.
    /// An id built at run time is not seen: `k` on it then says the set was not evaluated.
    static func setsToEvaluate(_ declared: [DeclaredIndicatorSet], asked: [Set<String>?]) -> [Int: SetNeed] {
        var needed: [Int: SetNeed] = [:]
        var frontier: [Int] = []
        for index in declared.indices where asked[index].map({ !$0.isEmpty }) ?? true {
            needed[index] = .asked
            frontier.append(index)
        }
        while let reader = frontier.popLast() {
            let set = declared[reader].set
            let texts = set.sources.map(\.text)
            for (index, other) in declared.enumerated() where needed[index] == nil {
                guard let id = other.set.id, set.reads?.contains(id) ?? true else { continue }
                let named = texts.contains { $0.contains("\"" + id + ".") || $0.contains("'" + id + ".") }
                if named {
                    needed[index] = .read
                    frontier.append(index)
                }
            }
        }
        return needed
    }

    /// The order sets are evaluated in: every set after the sets it reads (packs in their given
    /// order otherwise, dependencies first), the workspace's own indicators last.
    static func evaluationOrder(_ sets: [IndicatorSet]) -> [Int] {
        var order: [Int] = []
        var placed: Set<Int> = []
        let ids = sets.map(\.id)
        func place(_ index: Int, visiting: Set<Int>) {
            guard !placed.contains(index), !visiting.contains(index) else { return }
            for (other, id) in ids.enumerated() where other != index {
                guard let id, sets[index].reads?.contains(id) ?? true else { continue }
                place(other, visiting: visiting.union([index]))
            }
            if placed.insert(index).inserted { order.append(index) }
        }
        for index in sets.indices where !sets[index].isWorkspaceSet { place(index, visiting: []) }
        for index in sets.indices where sets[index].isWorkspaceSet { place(index, visiting: []) }
        return order
    }

    /// This evaluator with `require` finding the modules of `set`.
    private func evaluator(for set: IndicatorSet) -> Evaluator {
        var evaluator = self
        evaluator.modules = set.modules
        evaluator.parameters = set.parameters
        return evaluator
    }

    /// What each set's files declare, each set loaded in a state of its own; checks that set
    /// ids and qualified indicator ids are distinct.
    func declarations(of sets: [IndicatorSet]) throws(EvaluationError) -> [DeclaredIndicatorSet] {
        var setIDs: Set<String> = []
        var workspaceSets = 0
        for set in sets {
            if let id = set.id {
                guard setIDs.insert(id).inserted else {
                    throw EvaluationError(IndicatorSetError.duplicateSetID(id).description)
                }
            } else {
                workspaceSets += 1
                guard workspaceSets == 1 else {
                    throw EvaluationError(IndicatorSetError.duplicateSetID(nil).description)
                }
            }
        }
        var declared: [DeclaredIndicatorSet] = []
        var files: [String: String] = [:]
        for set in sets {
            let (definitions, errors) = try evaluator(for: set).declarations(set.sources)
            for definition in definitions {
                let id = set.qualifiedID(definition.id)
                if let other = files.updateValue(definition.file, forKey: id) {
                    throw EvaluationError(
                        IndicatorSetError.duplicateIndicatorID(id, files: [other, definition.file]).description)
                }
            }
            declared.append(DeclaredIndicatorSet(set: set, definitions: definitions, loadErrors: errors))
        }
        return declared
    }
}

extension Evaluator {
    /// The grains a run evaluates when `--per` is not given: `user` when some selected
    /// indicator is declared per user or account (or none is selected), else the finest of
    /// team, department and company that one is declared per; then the entity
    /// grains the indicators declare (product, queue, a workspace's supplier…), in declaration
    /// order, titled as the workspace declares them.
    ///
    /// - Throws: ``EvaluationError`` as ``run(_:periods:grains:)`` for duplicate ids, or Lua that
    ///   cannot start.
    package func defaultGrains(_ selection: IndicatorSelection) throws(EvaluationError) -> [Grain] {
        let ids = selection.ids
        let definitions = try declarations(of: selection.sets).flatMap { entry in
            entry.definitions.filter { ids?.contains(entry.set.qualifiedID($0.id)) ?? true }
        }
        let available = SubjectGrains(workspace: workspace)
        let classic = Grain.people + [.account]
        var grains: [Grain] = []
        let pers = Set(definitions.map(\.per))
        if definitions.isEmpty || pers.contains(.user) || pers.contains(.account) {
            grains.append(.user)
        } else if let finest = Grain.people.first(where: { pers.contains($0) }) {
            grains.append(finest)
        }
        for definition in definitions where !classic.contains(definition.per) {
            guard let grain = available.grain(named: definition.per.rawValue) else { continue }
            if !grains.contains(grain) { grains.append(grain) }
        }
        return grains.isEmpty ? [.user] : grains
    }
}
