import YardstickEngine
import YardstickScoring

/// One indicator of one subject as the detector reads it.
struct AlertFigure {
    var subject: SubjectKey
    var subjectName: String
    var indicatorID: String
    var value: Double?
    var target: Double?
    var direction: Direction
    var pipeline: Double?
    /// How the target was obtained, and its quota tier.
    var targetRule: String?
    var tier: QuotaTier?
    /// Whether a linear pace applies (``AlertDetector/isPaced(direction:unit:)``).
    var isPaced: Bool
}
