/// What one evaluation of a selection of indicators computed, before it becomes a report: every
/// figure's value and what the report says of them.
struct EvaluatedFigures {
    /// Every figure's value: per task of the plan, one per indicator of the selection, in
    /// indicator order.
    var values: [ResultValue]
    /// The selection's failures, then the figures' in task order.
    var failures: [IndicatorFailure]
    /// The indicators stopped by a limit, with how many times.
    var limitStops: [String: Int]
    /// How the figures were computed.
    var statistics: EvaluationStatistics
    /// The run's limit stops, which the breakdowns of the same run share.
    var stops: LimitStops

    /// The values of the indicator at `position` (of `width` indicators), in task order.
    func column(_ position: Int, of width: Int) -> [ResultValue] {
        Array(Swift.stride(from: position, to: values.count, by: max(1, width)).lazy.map { values[$0] })
    }
}
