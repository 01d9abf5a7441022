import YardstickEngine

extension SubjectFilter {
    /// Whether `subject` passes: fields `id`, `name`, `team` and `role` (a user's team matches
    /// by its id or its name, so `team = "Cara Losch"` and `team = "T3"` both work).
    ///
    /// - Parameters:
    ///   - subject: The subject.
    ///   - teamNames: Team id → name, from the `teams` rows.
    func accepts(_ subject: SubjectInfo, teamNames: [String: String]) -> Bool {
        conditions.allSatisfy { field, accepted in
            let values: [String?]
            switch field {
            case "id": values = [subject.id]
            case "name": values = [subject.name]
            case "team": values = [subject.team, subject.team.flatMap { teamNames[$0] }]
            case "role": values = [subject.role]
            default: values = []
            }
            return values.contains { $0.map(accepted.contains) ?? false }
        }
    }
}
