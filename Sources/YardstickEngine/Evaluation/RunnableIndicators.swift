import YardstickData
import YardstickLocalization

/// The indicators a run evaluates, chosen among those loaded: the ones asked for (all by
/// default), of which those whose `needs` the workspace maps run; the others, and the files that
/// failed to load, are the run's first failures.
struct RunnableIndicators {
    /// The indicators asked for, in load order (each gets a line in the report's index).
    let selected: [IndicatorDefinition]
    /// Of ``selected``, those whose needs are mapped: the ones that run, in this order.
    let runnable: [IndicatorDefinition]
    /// Load errors, then indicators whose needs are not mapped.
    let failures: [IndicatorFailure]

    /// Chooses among `loaded`.
    ///
    /// - Parameters:
    ///   - loaded: The indicators the files declared and the files that failed to load.
    ///   - ids: The indicators asked for; nil for all.
    ///   - dataset: The loaded data, which decides whether needs are mapped.
    /// - Throws: ``EvaluationError`` naming the known ids when an id asked for was not loaded.
    ///   - grains: The workspace's grains, which decide whether an indicator's `per` names one
    ///     (nil: not checked).
    init(_ loaded: LoadedSources, only ids: Set<String>?, dataset: Dataset, grains: SubjectGrains? = nil)
        throws(EvaluationError)
    {
        let known = loaded.definitions.map(\.id)
        if let ids {
            let unknown = ids.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw EvaluationError(
                    tr(
                        "no indicator %@ (known: %@)", unknown.joined(separator: ", "),
                        known.sorted().joined(separator: ", ")))
            }
        }
        selected = loaded.definitions.filter { ids?.contains($0.id) ?? true }
        var runnable: [IndicatorDefinition] = []
        var failures = loaded.errors.map {
            IndicatorFailure(indicatorID: "", message: $0.message, file: $0.file, line: $0.line)
        }
        for definition in selected {
            if let grains, grains.grain(named: definition.per.rawValue) == nil {
                failures.append(
                    IndicatorFailure(
                        indicatorID: definition.id,
                        message: tr(
                            "per \"%@\" is not a grain of this workspace (valid: %@)", definition.per.rawValue,
                            grains.available.map(\.rawValue).joined(separator: ", ")),
                        file: definition.file))
                continue
            }
            let missing = Self.unmappedNeeds(of: definition, in: dataset)
            if missing.isEmpty {
                runnable.append(definition)
            } else {
                failures.append(
                    IndicatorFailure(
                        indicatorID: definition.id,
                        message: tr("needs %@, which the workspace does not map", missing.joined(separator: ", ")),
                        file: definition.file))
            }
        }
        self.runnable = runnable
        self.failures = failures
    }

    /// The ids of the indicators that run, in order (an indicator's position in this list is its
    /// position in every per-task array of the run).
    var ids: [String] { runnable.map(\.id) }

    /// The `entity.field` needs of an indicator that the dataset does not have.
    static func unmappedNeeds(of definition: IndicatorDefinition, in dataset: Dataset) -> [String] {
        definition.needs.filter { need in
            let parts = need.split(separator: ".", maxSplits: 1).map(String.init)
            return dataset[parts[0]]?[parts[1]] == nil
        }
    }
}
