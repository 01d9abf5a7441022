/// One subject in one period: what a worker evaluates at a time.
struct RunTask: Sendable {
    /// The period.
    var period: Period
    /// The subject.
    var subject: SubjectInfo
    /// The subject's place in the partition of its grain, when the grain's subjects share
    /// their queries' values (see ``PartitionMember``).
    var member: PartitionMember?
    /// The block (one grain and period) the task belongs to, by position in
    /// ``EvaluationPlan/blocks``.
    var block: Int
}
