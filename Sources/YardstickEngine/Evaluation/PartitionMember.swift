import YardstickQuery

/// A subject's place among the subjects of its grain when they partition the users (or the
/// accounts): the values computed once for all of them, and the subject's position, which picks
/// its value out of each list.
struct PartitionMember: Sendable {
    /// The values shared by the subjects of the partition.
    let runs: PartitionRuns
    /// The subject's position in ``runs``' subjects.
    let index: Int

    /// Whether two members belong to the same partition (and so share values).
    func sharesRuns(with other: PartitionMember?) -> Bool { other.map { $0.runs === runs } ?? false }
}
