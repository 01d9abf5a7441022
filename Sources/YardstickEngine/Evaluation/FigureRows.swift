import Foundation

/// The report's rows of a run's figures: per task, one row per indicator in indicator order,
/// with one subject part shared by the task's rows.
///
/// Evaluation writes plain values (``FigureRecorder``); the rows are made once, here, for the
/// figures a report holds. A run in stages (peer bins) makes them only for its final report, not
/// for every stage.
enum FigureRows {
    /// Tasks per chunk when the rows are made on several threads.
    static let chunk = 4096

    /// The rows of `values` (per task of `tasks`, one per indicator of `labels`).
    static func rows(
        _ values: [ResultValue], tasks: [RunTask], labels: FigureLabels, workers: Int
    ) -> [IndicatorResult] {
        let width = labels.ids.count
        precondition(values.count == tasks.count * width, "one value per task and indicator")
        let chunks = (tasks.count + chunk - 1) / chunk
        return [IndicatorResult](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            let output = RowBuffer(base: buffer.baseAddress)
            let fill: @Sendable (Int) -> Void = { piece in
                // Each chunk has its own label objects, so that threads do not share their
                // reference counts.
                let labels = chunks > 1 ? labels.copied() : labels
                for index in piece * chunk..<min(tasks.count, (piece + 1) * chunk) {
                    let period = tasks[index].period
                    let subject = IndicatorResult.SubjectPart(
                        period: period, grain: tasks[index].subject.grain, id: tasks[index].subject.id,
                        name: tasks[index].subject.name,
                        breakdown: tasks[index].subject.member.map { ResultBreakdown($0, period: period) })
                    for position in 0..<width {
                        output.initialize(
                            index * width + position,
                            IndicatorResult(
                                subject: subject, indicator: labels.parts[position],
                                value: values[index * width + position]))
                    }
                }
            }
            if workers > 1, chunks > 1 {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: fill)
            } else {
                for piece in 0..<chunks { fill(piece) }
            }
            initialized = values.count
        }
    }

    /// The row array while chunks fill it: each index is written exactly once.
    private struct RowBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<IndicatorResult>?

        func initialize(_ index: Int, _ row: IndicatorResult) { (base! + index).initialize(to: row) }
    }
}
