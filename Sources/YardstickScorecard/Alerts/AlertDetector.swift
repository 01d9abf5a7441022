import YardstickEngine
import YardstickScoring

/// Raises a model's alerts for one period: milestones crossed, behind pace, period-end
/// reminders — for the scored subjects and for the rollup units.
///
/// Every indicator of a subject that has both a value and a target, and whose completion is a
/// ratio (`Completion.ratio`), is looked at; the completion is recomputed from the value and
/// the target in the indicator's direction, so a peer-scored indicator (rank, percentile) with
/// a target is measured against its target, not its peers. For each one, in this order:
///
/// - **milestone**: the highest of ``AlertSettings/milestones`` (sorted) the completion has
///   reached (within 1e-9), one alert per subject and indicator; none below the lowest mark.
/// - **behind-pace** (when ``AlertSettings/pace`` is set): the expected completion is the
///   share of the period's days (working days with ``PaceSettings/workingDaysOnly``) elapsed by
///   the as-of day, that day included. The subject is behind when its completion is below the
///   expected completion minus ``PaceSettings/tolerance``. Not raised before the period starts,
///   after its last day, when the target is met, in a period without a counted day, nor for an
///   indicator that does not accumulate over the period (see below).
/// - **period-end** (when ``AlertSettings/reminder`` is set): from ``ReminderSettings/leadDays``
///   calendar days before the period's last day to that day, both included (and not before the
///   period starts), for a completion below ``ReminderSettings/below``.
///
/// **Pace needs an amount that accumulates**: a higher-is-better indicator counted in `count`
/// or `money` (won revenue, deals won; an indicator of unknown unit counts as one). A rate, a
/// share, an average, a score or a duration (units `percent`, `ratio`, `number`, `score`,
/// `days`, `hours`, `seconds`) does not grow with the days, and a lower-is-better target is a
/// ceiling that holds every day: for those the expected completion is 1 throughout, there is no
/// behind-pace alert and no need per day (``Alert/isPaced`` is false). ``Alert/remaining`` is
/// still the gap to the target: target − value when higher is better, the excess over the
/// ceiling (value − target) when lower is better. Milestones and the reminder apply to all.
///
/// Each alert carries the value, target, completion, expected completion, remaining days
/// (counted days after the as-of day), the remaining amount, what is needed per remaining day
/// (remaining / remaining days, for paced indicators, when days remain) and the open pipeline.
/// The rules are in docs/alerts.md and docs/decisions/0016-alerts.md.
public struct AlertDetector: Sendable {
    /// The model's alert settings.
    public let settings: AlertSettings

    /// How far below a mark or a level a completion may fall through floating rounding and
    /// still count as reaching it.
    static let tolerance = 1e-9

    /// Creates a detector.
    public init(settings: AlertSettings) {
        self.settings = settings
    }

    /// The alerts of one period.
    ///
    /// - Parameters:
    ///   - scores: The period's scored subjects (values, targets, completions, pipeline).
    ///   - period: The scored period.
    ///   - window: The days the values cover.
    ///   - asOf: The as-of day number.
    ///   - indicators: The indicators' directions and titles, by id.
    /// - Returns: The alerts in subject order, each subject's in model order of its indicators
    ///   and, per indicator, milestone, behind-pace, period-end.
    public func alerts(
        for scores: [ScoredSubject], period: Period, window: Period, asOf: Int32, indicators: [String: IndicatorInfo]
    ) -> [Alert] {
        let clock = AlertClock(period: period, asOf: asOf, pace: settings.pace)
        var alerts: [Alert] = []
        for scored in scores {
            for indicator in scored.scorecard.indicators {
                let id = indicator.indicatorID
                let figure = AlertFigure(
                    subject: SubjectKey(scored.subject.grain, scored.subject.id), subjectName: scored.subject.name,
                    indicatorID: id, value: indicator.value, target: indicator.target ?? scored.targets[id]?.value,
                    direction: indicator.direction, pipeline: scored.pipeline[id],
                    targetRule: scored.targets[id]?.rule, tier: scored.targets[id]?.tier,
                    isPaced: Self.isPaced(direction: indicator.direction, unit: indicators[id]?.unit))
                alerts += self.alerts(for: figure, period: period, clock: clock)
            }
        }
        return alerts
    }

    /// The alerts of one period's rollup units (a team's own value against its own target,
    /// 部门完成率), by the same rules as ``alerts(for:period:window:asOf:indicators:)``.
    ///
    /// A unit's direction per indicator is the model's (`ScorecardIndicator.direction`), or
    /// the indicator's own `better` when the model does not score it. Units have no pipeline.
    ///
    /// - Parameters:
    ///   - rollups: The period's rollup subjects.
    ///   - period: The scored period.
    ///   - window: The days the values cover.
    ///   - asOf: The as-of day number.
    ///   - indicators: The indicators' directions and titles, by id.
    ///   - model: The scoring model, for the directions it gives its indicators.
    /// - Returns: The alerts in rollup order, each unit's in figure order.
    public func alerts(
        forRollups rollups: [RollupSubject], period: Period, window: Period, asOf: Int32,
        indicators: [String: IndicatorInfo], model: ScoringModel
    ) -> [Alert] {
        let clock = AlertClock(period: period, asOf: asOf, pace: settings.pace)
        var directions: [String: Direction] = [:]
        for (_, indicator) in model.indicatorPaths where directions[indicator.id] == nil {
            directions[indicator.id] = indicator.direction
        }
        var alerts: [Alert] = []
        for rollup in rollups {
            for figure in rollup.figures {
                let id = figure.indicatorID
                let direction =
                    directions[id] ?? (indicators[id]?.better == .lower ? .lowerIsBetter : .higherIsBetter)
                let alertFigure = AlertFigure(
                    subject: SubjectKey(rollup.subject.grain, rollup.subject.id), subjectName: rollup.subject.name,
                    indicatorID: id, value: figure.value, target: figure.target.value, direction: direction,
                    pipeline: nil, targetRule: figure.target.rule, tier: figure.target.tier,
                    isPaced: Self.isPaced(direction: direction, unit: indicators[id]?.unit))
                alerts += self.alerts(for: alertFigure, period: period, clock: clock)
            }
        }
        return alerts
    }

    /// Every alert of one period's scores: the subjects' first, then the rollup units'.
    ///
    /// - Parameters:
    ///   - scores: The period's scores (its ``PeriodScores/alerts`` are not read).
    ///   - asOf: The as-of day number.
    ///   - indicators: The indicators' directions and titles, by id.
    ///   - model: The scoring model, for the rollups' directions.
    /// - Returns: The alerts.
    public func alerts(
        in scores: PeriodScores, asOf: Int32, indicators: [String: IndicatorInfo], model: ScoringModel
    ) -> [Alert] {
        alerts(for: scores.subjects, period: scores.period, window: scores.window, asOf: asOf, indicators: indicators)
            + alerts(
                forRollups: scores.rollups, period: scores.period, window: scores.window, asOf: asOf,
                indicators: indicators, model: model)
    }

    /// Whether a linear pace applies to an indicator: it is higher-is-better and its value
    /// accumulates over the period — a `count` or an amount of `money` (an unknown unit counts as
    /// one). Rates, shares, averages, scores and durations do not; lower-is-better targets are
    /// ceilings.
    ///
    /// - Parameters:
    ///   - direction: The indicator's direction in the model.
    ///   - unit: The indicator's unit, when known.
    /// - Returns: Whether pace, expected completion and need per day apply.
    public static func isPaced(direction: Direction, unit: IndicatorUnit?) -> Bool {
        guard direction == .higherIsBetter else { return false }
        guard let unit else { return true }
        return unit == .count || unit == .money
    }

    /// The alerts of one subject's indicator.
    func alerts(for figure: AlertFigure, period: Period, clock: AlertClock) -> [Alert] {
        guard let value = figure.value, let target = figure.target, value.isFinite, target.isFinite else { return [] }
        let completion = Completion(value: value, target: target, direction: figure.direction)
        guard let ratio = completion.ratio else { return [] }
        let higher = figure.direction == .higherIsBetter
        let paced = figure.isPaced
        let remaining = higher ? max(0, target - value) : max(0, value - target)
        let neededPerDay: Double? =
            paced && clock.remainingDays > 0 ? remaining / Double(clock.remainingDays) : nil
        let expected = paced ? clock.expectedCompletion : 1
        func alert(_ kind: Alert.Kind, mark: Double? = nil) -> Alert {
            Alert(
                kind: kind, subject: figure.subject, subjectName: figure.subjectName, indicatorID: figure.indicatorID,
                periodLabel: period.label, value: value, target: target, completion: ratio, mark: mark,
                expectedCompletion: expected, remainingDays: clock.remainingDays, remaining: remaining,
                neededPerDay: neededPerDay, pipeline: figure.pipeline, direction: figure.direction,
                targetRule: figure.targetRule, tier: figure.tier, isPaced: paced)
        }
        var alerts: [Alert] = []
        if let mark = settings.milestones.sorted().last(where: { ratio >= $0 - Self.tolerance }) {
            alerts.append(alert(.milestone, mark: mark))
        }
        if let pace = settings.pace, paced, clock.isRunning, clock.countedDays > 0, !completion.isMet,
            ratio < expected - pace.tolerance - Self.tolerance
        {
            alerts.append(alert(.behindPace))
        }
        if let reminder = settings.reminder, clock.isWithinReminder(leadDays: reminder.leadDays),
            ratio < reminder.below - Self.tolerance
        {
            alerts.append(alert(.periodEnd))
        }
        return alerts
    }
}
