import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

/// How one indicator value came about: the definition, the subject and period, the value, and
/// every query the evaluation ran (dependencies included), with the rows each selected.
public struct Explanation: Sendable {
    /// The indicator.
    public var definition: IndicatorDefinition
    /// The subject evaluated.
    public var subject: SubjectInfo
    /// The period evaluated.
    public var period: Period
    /// The value.
    public var value: ResultValue
    /// The queries, in the order they ran.
    public var queries: [TraceEntry]
}
