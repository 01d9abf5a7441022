import YardstickQuery

/// What an ``EvaluationSession`` evaluates for, and so where its queries' values come from.
///
/// One value instead of several optional properties: a traced evaluation is always of one
/// subject whose queries run alone, discovery always of one member of a partition, and column
/// mode has no single subject.
enum EvaluationMode {
    /// Nothing in focus: queries fail with "no subject in focus".
    case idle
    /// One subject; each query runs for it alone ("plain per subject").
    case subject(SubjectInfo)
    /// One subject whose queries run alone and are recorded with their rows, for explain.
    case tracedSubject(SubjectInfo)
    /// One subject of a partition: each query's values are computed once for every subject of
    /// the partition and this subject's is picked (and passed in ahead when the session
    /// prefetches: "prefetched per subject").
    case member(SubjectInfo, PartitionMember)
    /// One subject of a partition evaluated only to see which queries the indicators ask for:
    /// aggregates of the period in focus are recorded and answer a placeholder.
    case discovering(SubjectInfo, PartitionMember)
    /// Every subject of a partition at once ("column mode"): queries give one value per subject.
    case column(PartitionRuns)

    /// The single subject in focus; nil when idle or in column mode.
    var subject: SubjectInfo? {
        switch self {
        case .subject(let subject), .tracedSubject(let subject), .member(let subject, _),
            .discovering(let subject, _):
            subject
        case .idle, .column: nil
        }
    }

    /// The partition whose shared values the queries read, with the position of the subject in
    /// focus (the first subject in column mode); nil when queries run for one subject alone.
    var member: PartitionMember? {
        switch self {
        case .member(_, let member), .discovering(_, let member): member
        case .column(let runs): PartitionMember(runs: runs, index: 0)
        case .idle, .subject, .tracedSubject: nil
        }
    }

    /// Whether the session only discovers which queries the indicators ask for.
    var isDiscovering: Bool {
        if case .discovering = self { true } else { false }
    }

    /// Whether queries are recorded with their rows (see ``tracedSubject(_:)``).
    var isTraced: Bool {
        if case .tracedSubject = self { true } else { false }
    }
}
