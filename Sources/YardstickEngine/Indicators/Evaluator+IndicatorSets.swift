import Foundation

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
                    "no indicator \(unknown.joined(separator: ", ")) (known: \(known.sorted().joined(separator: ", ")))"
                )
            }
        }
        var parts = JoinedSetReports()
        for entry in declared {
            let local = ids.map { ids in
                Set(entry.definitions.map(\.id).filter { ids.contains(entry.set.qualifiedID($0)) })
            }
            if let local, local.isEmpty {
                // Nothing of this set was asked for; its files' load errors still count.
                parts.errors += entry.loadFailures
                continue
            }
            let report = try evaluator(for: entry.set).run(
                sources: entry.set.sources, periods: periods, grains: grains, only: local)
            parts.add(report, of: entry.set)
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
        for entry in try declarations(of: sets) {
            guard let definition = entry.definitions.first(where: { entry.set.qualifiedID($0.id) == id }) else {
                continue
            }
            var explanation = try evaluator(for: entry.set).explain(
                indicator: definition.id, subjectID: subjectID, grain: grain, period: period,
                sources: entry.set.sources)
            explanation.definition.id = id
            return explanation
        }
        throw EvaluationError("no indicator \(id) among the loaded indicator files")
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
