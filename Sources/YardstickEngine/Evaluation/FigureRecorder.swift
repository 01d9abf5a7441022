import Foundation
import LuaRuntime
import YardstickQuery

/// Turns a task's values into the run's figures: a figure at a grain the indicator does not
/// apply to becomes missing, each value is written in place into the run's value array, and the
/// task's failures are returned. The report's rows are made afterwards, once, from the values
/// (``FigureRows``).
struct FigureRecorder: Sendable {
    /// The ids and grains of the indicators, in indicator order.
    let labels: FigureLabels
    /// The indicators, in indicator order.
    let definitions: [IndicatorDefinition]

    init(_ definitions: [IndicatorDefinition], locale: String) {
        labels = FigureLabels(definitions, locale: locale)
        self.definitions = definitions
    }

    /// Figures per task (one per indicator).
    var figuresPerTask: Int { definitions.count }

    /// Writes task `task`'s figures into `output` and returns its failures: `values` and
    /// `errors` (by offset) are those of the indicators at `positions` (nil: every indicator, in
    /// order).
    func record(
        _ task: Int, _ period: Period, _ subject: SubjectInfo, _ values: [ResultValue], _ errors: [Int: LuaError],
        positions: [Int]? = nil, into output: FigureBuffer
    ) -> [IndicatorFailure] {
        var failures: [IndicatorFailure] = []
        for (offset, value) in values.enumerated() {
            let position = positions?[offset] ?? offset
            // An entity grain's records do not attach to other grains' subjects: the figure is
            // missing, and the error evaluating it anyway is no error of the indicator's.
            // So is a figure at a grain finer than the indicator's (a company's incidents restricted
            // to a user): the indicator does not say what it would be.
            guard subject.grain.hasFigure(ofIndicatorPer: labels.pers[position]) else {
                output.initialize(task * figuresPerTask + position, labels.notApplying(position))
                continue
            }
            output.initialize(task * figuresPerTask + position, value)
            if let error = errors[offset] {
                failures.append(
                    failure(
                        of: position, error: error, subjectID: subject.id, periodLabel: period.label,
                        grain: subject.grain))
            }
        }
        return failures
    }

    /// The failure of the indicator at `position` for a subject in a period, placed in the
    /// indicator's file (or the chunk the error names).
    func failure(
        of position: Int, error: LuaError, subjectID: String, periodLabel: String, grain: Grain
    ) -> IndicatorFailure {
        let definition = definitions[position]
        return IndicatorFailure(
            indicatorID: definition.id, subjectID: subjectID, periodLabel: periodLabel, grain: grain,
            message: error.message, file: error.chunk ?? definition.file, line: error.line)
    }
}
