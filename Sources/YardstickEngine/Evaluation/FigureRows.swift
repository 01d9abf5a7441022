/// The report's table of a run's figures: per task, one figure per indicator in indicator
/// order, with one subject part shared by the task's figures.
///
/// Evaluation writes plain values (``FigureRecorder``); the table is made once, here, for the
/// figures a report holds, as a grid whose rows are made when read (see
/// ``ResultTable/init(values:subjects:indicators:)``). A run in stages (peer bins) makes it
/// only for its final report, not for every stage.
enum FigureRows {
    /// The table of `values` (per task of `tasks`, one per indicator of `labels`).
    static func table(_ values: [ResultValue], tasks: [RunTask], labels: FigureLabels) -> ResultTable {
        var subjects: [IndicatorResult.SubjectPart] = []
        subjects.reserveCapacity(tasks.count)
        for index in tasks.indices {
            let period = tasks[index].period
            subjects.append(
                IndicatorResult.SubjectPart(
                    period: period, grain: tasks[index].subject.grain, id: tasks[index].subject.id,
                    name: tasks[index].subject.name,
                    breakdown: tasks[index].subject.member.map { ResultBreakdown($0, period: period) }))
        }
        return ResultTable(values: values, subjects: subjects, indicators: labels.parts)
    }
}
