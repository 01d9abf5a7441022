import YardstickScoring

extension ScorecardProblem {
    /// A scoring-model problem at its declaration's file:line (`file` when it has none), its
    /// tree path leading the message (`results › revenue: …`).
    init(_ error: ScoringModelError, file: String) {
        let path = error.path.isEmpty ? "" : error.path.joined(separator: " › ") + ": "
        self.init(file: error.location?.file ?? file, line: error.location?.line, message: path + error.message)
    }
}
