import Foundation

/// One recorded run: what produced a set of ``HistoryResult``s.
///
/// A run of indicators alone (`yardstick run --record`) has an empty ``model`` and
/// ``modelVersion``; a scored run (`yardstick score --record`) names its model and the model's
/// declared version (empty when it declares none).
public struct HistoryRun: Sendable, Hashable {
    /// A unique id of the run (a UUID unless given).
    public var id: String
    /// When the run was recorded.
    public var recordedAt: Date
    /// The command that recorded it (`run`, `score`).
    public var command: String
    /// The scorecard model's id; empty for a run of indicators alone.
    public var model: String
    /// The model's version as declared; empty when none is declared or there is no model.
    public var modelVersion: String

    /// Creates a run description.
    public init(
        id: String = UUID().uuidString.lowercased(), recordedAt: Date = Date(), command: String, model: String = "",
        modelVersion: String = ""
    ) {
        self.id = id
        self.recordedAt = recordedAt
        self.command = command
        self.model = model
        self.modelVersion = modelVersion
    }
}
