import Foundation

/// A recorded figure as history returns it: the result, and the run and model it came from.
public struct HistoryPoint: Sendable, Hashable {
    /// The figure.
    public var result: HistoryResult
    /// The model's id; empty for a run of indicators alone.
    public var model: String
    /// The model's version; empty when none.
    public var modelVersion: String
    /// The id of the run that recorded it.
    public var runID: String
    /// When that run was recorded.
    public var recordedAt: Date
}
