import LuaRuntime
import YardstickData
import YardstickQuery

/// What every evaluation session of a run is started with, so that each worker thread can start
/// its own (Lua states are not thread-safe).
struct SessionSettings: Sendable {
    /// The query engine over the loaded data.
    var engine: QueryEngine
    /// The workspace's calendar (weeks, fiscal years).
    var calendar: CalendarSettings
    /// Limits per indicator call.
    var limits: LuaLimits
    /// The day "days elapsed" is counted to.
    var today: Int32
    /// Where `require` finds the indicators' own modules.
    var modules: ModuleFolder?
    /// The as-of day of the snapshot the sessions evaluate, or nil (see ``Evaluator``).
    var snapshotAsOf: Int32? = nil
    /// The values scripts read with `param(name)`.
    var parameters: [String: IndicatorParameter] = [:]
    /// The figures of other indicator sets the sessions' indicators may read.
    var imported = ImportedFigures()
    /// Whether sessions record the plans their queries ran (for a breakdown's members, see
    /// ``EvaluationSession/touchedPlans``).
    var recordsTouchedPlans = false
    /// The peer bins known to the stage of the run the sessions evaluate.
    var peerBins = PeerBinValues()

    /// A new session, on the calling thread, with no indicator loaded.
    func start() throws(LuaError) -> EvaluationSession {
        let session = try EvaluationSession(
            engine: engine, calendar: calendar, limits: limits, today: today, modules: modules,
            snapshotAsOf: snapshotAsOf, parameters: parameters)
        if recordsTouchedPlans { session.touchedPlans = [] }
        session.peerBins = peerBins
        session.imported = imported
        return session
    }
}
