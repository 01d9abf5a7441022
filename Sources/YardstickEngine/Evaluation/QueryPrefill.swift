import Foundation
import LuaRuntime
import YardstickQuery

/// The step of a run before the evaluation passes: computes ahead, in parallel, the shared
/// values the indicators will ask for.
///
/// One subject of each partition is evaluated in discovery mode (queries answer a placeholder
/// and are only recorded); each recorded aggregate of the evaluated period is then computed for
/// every subject and run period at once, one aggregate per core. Aggregates that discovery did
/// not meet (a branch the placeholder did not take, `s.previous`) are computed when first asked
/// for.
enum QueryPrefill {
    /// Discovers and computes the aggregates of `plan`'s partitions.
    ///
    /// - Parameters:
    ///   - ids: The indicators that run.
    ///   - session: A session with the indicators loaded, left out of discovery mode on return.
    /// - Returns: Statistics with the discovery figures filled in (``EvaluationStatistics/
    ///   discoveredQueries``, ``EvaluationStatistics/partitionQueriesAhead`` and the times).
    static func run(_ plan: EvaluationPlan, ids: [String], session: EvaluationSession) -> EvaluationStatistics {
        let firstOfEach = plan.firstTaskOfEachPartition
        var statistics = EvaluationStatistics()
        guard !firstOfEach.isEmpty, !ids.isEmpty else { return statistics }
        let clock = ContinuousClock()
        let started = clock.now
        let discovered: [(PartitionRuns, QueryEngine.PreparedAggregate)] = LuaThread.run {
            var found: [(PartitionRuns, QueryEngine.PreparedAggregate)] = []
            for task in firstOfEach {
                guard let member = task.member else { continue }
                let aggregates = session.discoverAggregates(
                    ids, subject: task.subject, period: task.period, member: member)
                found += aggregates.map { (member.runs, $0) }
            }
            return found
        }
        let discoveredAt = clock.now
        DispatchQueue.concurrentPerform(iterations: discovered.count) { index in
            let (runs, prepared) = discovered[index]
            guard let period = runs.periods.first else { return }
            _ = try? runs.values(of: prepared, in: period, common: true)
        }
        statistics.discoveredQueries = discovered.count
        statistics.discoverySeconds = seconds(discoveredAt - started)
        statistics.prefillSeconds = seconds(clock.now - discoveredAt)
        statistics.partitionQueriesAhead = EvaluationPlan.distinct(firstOfEach.compactMap(\.member?.runs)).reduce(0) {
            $0 + $1.computedCount
        }
        return statistics
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
