import LuaRuntime
import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// A target computed by a Lua function of a model file (`target = function(t) … end`).
///
/// The function stays in its model's VM (``ModelVM``), which this value keeps alive; each call
/// runs there, one at a time, under the VM's instruction, memory and time limits. It receives
/// one table `t`:
///
/// - `t.value`, `t.previous`, `t.last_year`: the indicator's value in the period, the previous
///   period and the same period last year (nil when missing);
/// - `t.indicator`: the indicator id;
/// - `t.subject`: `{ id, name, team, role, grain }`;
/// - `t.period`: `{ label, first, last }` (ISO dates);
/// - `t.quota(metric, tier)`: the subject's quota in the period (tier `"target"` by default).
///
/// It returns a number or nil (no target). A Lua error, a limit hit or any other result is
/// thrown as a ``ScorecardProblem`` `file:line: message`.
struct LuaTargetFunction: TargetFunction {
    /// The VM holding the function.
    let vm: ModelVM
    /// The function's handle in the VM.
    let handle: Int
    /// Where the function is defined.
    let location: ModelLocation

    init(vm: ModelVM, handle: Int, location: ModelLocation) {
        self.vm = vm
        self.handle = handle
        self.location = location
    }

    /// `lua:model.lua:14`.
    var identifier: String { "lua:\(location)" }

    /// What it computes.
    var explanation: String { "the Lua target function at \(location)" }

    /// Calls the function for one subject and period.
    func target(_ context: TargetContext) throws -> Double? {
        try targets([context])[0].get()
    }

    /// Calls the function for each context, all in one visit to the VM's thread; each call has
    /// the VM's limits to itself.
    func targets(_ contexts: [TargetContext]) -> [Result<Double?, any Error>] {
        let handle = handle
        let place = location
        do {
            return try vm.perform { state -> [Result<Double?, any Error>] in
                guard case .success(let state) = state else {
                    return contexts.map { _ in .failure(Self.notStarted(state, place)) }
                }
                return contexts.map { context in
                    Result { () throws(ScorecardProblem) -> Double? in
                        try Self.call(handle, context, state: state, place: place)
                    }.mapError { $0 as any Error }
                }
            }
        } catch {
            return contexts.map { _ in .failure(error) }
        }
    }

    /// One call on the VM's thread: `t` built from the context, the result checked.
    private static func call(
        _ handle: Int, _ context: TargetContext, state: ModelVMState, place: ModelLocation
    ) throws(ScorecardProblem) -> Double? {
        var subject: LuaTable = [
            "id": .string(context.subject.id), "name": .string(context.subject.name),
            "grain": .string(context.subject.grain.rawValue),
        ]
        if let team = context.subject.team { subject["team"] = .string(team) }
        if let role = context.subject.role { subject["role"] = .string(role) }
        var argument: LuaTable = [
            "indicator": .string(context.indicatorID), "subject": .table(subject),
            "period": [
                "label": .string(context.period.label), "first": .string(context.period.firstDate),
                "last": .string(context.period.lastDate),
            ],
            "quota": state.quotaValue,
        ]
        if let value = context.value { argument["value"] = .number(value) }
        if let previous = context.previous { argument["previous"] = .number(previous) }
        if let lastYear = context.lastYear { argument["last_year"] = .number(lastYear) }
        let result = try state.call(handle, [.table(argument)], quota: context.quota, place: place)
        switch result {
        case .nil: return nil
        case .integer, .number:
            guard let number = result.numberValue, number.isFinite else {
                throw ScorecardProblem(
                    file: place.file, line: place.line,
                    message: tr("the target function returned %@, not a finite number", ModelFileReader.shown(result)))
            }
            return number
        default:
            throw ScorecardProblem(
                file: place.file, line: place.line,
                message: tr(
                    "the target function returned %@; it returns a number or nil", ModelFileReader.shown(result)))
        }
    }

    static func notStarted(_ state: Result<ModelVMState, LuaError>, _ place: ModelLocation) -> ScorecardProblem {
        guard case .failure(let error) = state else {
            return ScorecardProblem(file: place.file, line: place.line, message: "")
        }
        return ScorecardProblem(
            file: place.file, line: place.line, message: tr("the model's Lua VM did not start: %@", error))
    }
}
