extension SubjectPartition {
    /// The same subjects, each split into the members of a breakdown dimension: cell
    /// `subject * members.count + member` holds the subject's rows of that member (for an entity
    /// without the dimension's path, every member of a subject holds all the subject's rows).
    package func splitting(by members: DimensionMembers) -> SubjectPartition {
        var split = unsplit
        split.members = members
        split.count = unsplit.count * members.count
        return split
    }

    /// The company (every row, whoever it is attributed to) split into the members of a
    /// breakdown dimension: one cell per member.
    package static func company(splitBy members: DimensionMembers) -> SubjectPartition {
        var company = SubjectPartition(wholeCompany: ())
        company.members = members
        company.count = members.count
        return company
    }

    /// The partition before splitting by members.
    package var unsplit: SubjectPartition {
        guard let members else { return self }
        var base = self
        base.members = nil
        base.count = count / members.count
        return base
    }

    /// Whether the partition is the whole company (see ``company(splitBy:)``).
    package var isWholeCompany: Bool { everyRow }
}
