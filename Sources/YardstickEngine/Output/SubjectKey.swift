/// Which subject a figure is about: its grain and its identifier in the data.
///
/// Identifiers are unique within a grain only (a team and a user may share one), so the grain
/// is part of the key.
public struct SubjectKey: Sendable, Hashable, CustomStringConvertible {
    /// The kind of subject.
    public var grain: Grain
    /// The subject's identifier (`u17`, `team-east`, `company`).
    public var id: String

    /// Creates a key.
    ///
    /// - Parameters:
    ///   - grain: The kind of subject.
    ///   - id: The subject's identifier in the data.
    public init(_ grain: Grain, _ id: String) {
        self.grain = grain
        self.id = id
    }

    /// `grain:id` (`user:u17`).
    public var description: String { grain.rawValue + ":" + id }
}
