import Foundation
import LuaRuntime
import YardstickQuery

/// Turns a task's values into report rows: writes them in place into the report's array and
/// returns the task's failures. Each worker uses its own copy (``copied()``), so that workers do
/// not contend on the reference counts of the shared strings.
struct FigureRecorder: Sendable {
    let labels: FigureLabels
    let definitions: [IndicatorDefinition]

    init(_ definitions: [IndicatorDefinition], locale: String) {
        labels = FigureLabels(definitions, locale: locale)
        self.definitions = definitions
    }

    private init(labels: FigureLabels, definitions: [IndicatorDefinition]) {
        self.labels = labels
        self.definitions = definitions
    }

    /// Figures per task (one per indicator).
    var figuresPerTask: Int { definitions.count }

    /// The same recorder with labels in new storage, for one worker.
    func copied() -> FigureRecorder { FigureRecorder(labels: labels.copied(), definitions: definitions) }

    /// Writes task `task`'s figures (values in indicator order, errors by position) into
    /// `output` and returns its failures.
    func record(
        _ task: Int, _ period: Period, _ subject: SubjectInfo, _ values: [ResultValue], _ errors: [Int: LuaError],
        into output: FigureBuffer
    ) -> [IndicatorFailure] {
        var failures: [IndicatorFailure] = []
        let shared = IndicatorResult.SubjectPart(
            period: period, grain: subject.grain, id: subject.id, name: subject.name,
            breakdown: subject.member.map { ResultBreakdown($0, period: period) })
        for (position, value) in values.enumerated() {
            var value = value
            let per = labels.pers[position]
            // An entity grain's records do not attach to other grains' subjects: the figure is
            // missing, and the error evaluating it anyway is no error of the indicator's.
            // So is a figure at a grain finer than the indicator's (a company's incidents restricted
            // to a user): the indicator does not say what it would be.
            let applies = subject.grain.hasFigure(ofIndicatorPer: per)
            if !applies {
                value = .missing(reason: "\(labels.ids[position]) is defined per \(per.rawValue)")
            }
            output.initialize(
                task * figuresPerTask + position,
                IndicatorResult(subject: shared, indicator: labels.parts[position], value: value))
            if applies, let error = errors[position] {
                let definition = definitions[position]
                failures.append(
                    IndicatorFailure(
                        indicatorID: definition.id, subjectID: subject.id, periodLabel: period.label,
                        grain: subject.grain, message: error.message, file: error.chunk ?? definition.file,
                        line: error.line))
            }
        }
        return failures
    }
}
