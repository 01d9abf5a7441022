import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// The indicators a model reads: its leaves in model order, then the pipeline indicators its
/// kpis name, each once, with where each was declared.
struct ModelIndicators {
    /// The scored indicator ids, depth first in declaration order, each once.
    let scored: [String]
    /// The pipeline indicator ids the kpis name, not already scored, each once.
    let pipeline: [String]
    /// Where each id was first named (the kpi, or the kpi naming it as its pipeline).
    let locations: [String: ModelLocation]
    /// Per scored indicator (by position in ``scored``): the position in ``all`` of its
    /// pipeline indicator, if it names one.
    let pipelineIndex: [Int?]

    /// Reads `definition`'s tree and settings.
    init(_ definition: ScorecardDefinition) {
        var scored: [String] = []
        var pipeline: [String] = []
        var locations: [String: ModelLocation] = [:]
        var seen: Set<String> = []
        for leaf in definition.model.indicatorPaths where seen.insert(leaf.indicator.id).inserted {
            scored.append(leaf.indicator.id)
            let location =
                leaf.indicator.location ?? definition.indicators[leaf.indicator.id]?.location
                ?? ModelLocation(file: definition.file)
            locations[leaf.indicator.id] = location
        }
        for id in scored {
            guard let settings = definition.indicators[id], let name = settings.pipelineIndicator else { continue }
            if seen.insert(name).inserted {
                pipeline.append(name)
                locations[name] = settings.location ?? locations[id]
            }
        }
        self.scored = scored
        self.pipeline = pipeline
        self.locations = locations
        let all = scored + pipeline
        pipelineIndex = scored.map { id in
            definition.indicators[id]?.pipelineIndicator.flatMap { all.firstIndex(of: $0) }
        }
    }

    /// Every id the run must evaluate: the scored ones, then the pipeline ones.
    var all: [String] { scored + pipeline }

    /// A problem for each id `known` lacks, at the kpi that names it; the files that did not
    /// load are mentioned, since an indicator declared in one of them is unknown too.
    func unknown(among known: Set<String>, loadFailures: [IndicatorFailure], file: String) -> [ScorecardProblem] {
        let hint =
            loadFailures.isEmpty
            ? ""
            : " (files that did not load: "
                + loadFailures.map { "\($0.location): \($0.message)" }.joined(separator: "; ") + ")"
        let knownList = known.sorted().joined(separator: ", ")
        return all.filter { !known.contains($0) }.map { id in
            let location = locations[id] ?? ModelLocation(file: file)
            let role = scored.contains(id) ? "kpi \"\(id)\"" : "pipeline indicator \"\(id)\""
            return ScorecardProblem(
                file: location.file, line: location.line,
                message:
                    tr(
                        "%@: no indicator %@ in the workspace (known: %@)%@", role, id,
                        knownList.isEmpty ? "none" : knownList, hint)
            )
        }
    }
}

extension IndicatorSettings {
    /// Whether a target of the indicator may come from a function (its rule or an override's),
    /// which reads the previous and last year's values.
    var hasTargetFunction: Bool {
        ([target] + overrides.map(\.rule)).contains { rule in
            if case .function = rule { true } else { false }
        }
    }
}
