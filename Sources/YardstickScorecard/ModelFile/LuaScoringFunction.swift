import LuaRuntime
import YardstickLocalization
import YardstickScoring

/// A custom scoring function of a model file (`score = function(peers, direction, cap) … end`).
///
/// Called once per peer group with `peers`, an array of `{ id = …, value = …, target = … }`
/// in the group's order (value or target nil when missing), `direction` (`"higher"` or
/// `"lower"`) and `cap`; it returns an array of scores in the same order, nil holes allowed
/// (no score for that subject). The host clamps scores into `0...cap`.
///
/// The function stays in its model's VM (``ModelVM``), which this value keeps alive; calls run
/// there one at a time under the VM's limits. A Lua error, a limit hit, a result that is not an
/// array of numbers, or more scores than peers is thrown as a ``ScorecardProblem``
/// `file:line: message` (scoring records it as the reason the scores are missing).
struct LuaScoringFunction: CustomScoringFunction {
    /// The VM holding the function.
    let vm: ModelVM
    /// The function's handle in the VM.
    let handle: Int
    /// Where the function is defined.
    let location: ModelLocation

    /// `lua:model.lua:14`.
    var identifier: String { "lua:\(location)" }

    /// What it does.
    var explanation: String { "the Lua scoring function at \(location), called with the whole peer group" }

    /// Scores a peer group.
    func scores(for inputs: [ScoringInput], direction: Direction, cap: Double) throws -> [Double?] {
        let handle = handle
        let place = location
        let outcome = try vm.perform { state -> Result<[Double?], ScorecardProblem> in
            guard case .success(let state) = state else { return .failure(LuaTargetFunction.notStarted(state, place)) }
            let peers = inputs.map { input -> LuaValue in
                var peer = LuaTable()
                if let id = input.subjectID { peer["id"] = .string(id) }
                if let value = input.value { peer["value"] = .number(value) }
                if let target = input.target { peer["target"] = .number(target) }
                return .table(peer)
            }
            return Result { () throws(ScorecardProblem) -> [Double?] in
                let result = try state.call(
                    handle, [.table(LuaTable(array: peers)), .string(direction.rawValue), .number(cap)], place: place)
                return try Self.scores(result, count: inputs.count, place: place)
            }
        }
        return try outcome.get()
    }

    /// Reads the returned array: one number or nil per peer.
    static func scores(_ result: LuaValue, count: Int, place: ModelLocation) throws(ScorecardProblem) -> [Double?] {
        func failure(_ message: String) -> ScorecardProblem {
            ScorecardProblem(file: place.file, line: place.line, message: message)
        }
        guard case .table(let table) = result else {
            throw failure(tr("the scoring function returned %@, not an array of scores", ModelFileReader.shown(result)))
        }
        for key in table.hash.keys {
            guard case .integer(let index) = key, index >= 1 else {
                throw failure(
                    tr(
                        "the scoring function returned a table with the key %@; it returns an array of scores",
                        ModelFileReader.keyText(key)))
            }
            if index > Int64(count) {
                throw failure(tr("the scoring function returned a score at position %@ for %@ peers", index, count))
            }
        }
        if table.array.count > count {
            throw failure(tr("the scoring function returned %@ scores for %@ peers", table.array.count, count))
        }
        return try (0..<count).map { index throws(ScorecardProblem) -> Double? in
            let value = table[.integer(Int64(index + 1))]
            switch value {
            case .nil: return nil
            case .integer, .number:
                guard let number = value.numberValue, !number.isNaN else {
                    throw failure(tr("the scoring function returned nan for peer %@", index + 1))
                }
                return number
            default:
                throw failure(
                    tr(
                        "the scoring function returned %@ for peer %@; scores are numbers or nil",
                        ModelFileReader.shown(value), index + 1))
            }
        }
    }
}
