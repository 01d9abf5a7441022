import Foundation

/// An observer of an evaluation's progress: told, as the workers finish their units of work,
/// how many figures (indicators × subjects × periods) are done out of how many — the seam a
/// progress bar hangs on, without the engine knowing anything of terminals.
///
/// The observer is called from the evaluation's worker threads (one call at a time, counts
/// never going back); it should return quickly (a progress bar throttles its own drawing).
/// Each evaluation stage reports from zero (a run whose indicators read peer bins has several);
/// breakdown figures are not counted. Set it on ``Evaluator/progress``.
///
/// ```swift
/// evaluator.progress = EvaluationProgress { step in print(step.figuresDone, "of", step.figuresTotal) }
/// ```
public final class EvaluationProgress: @unchecked Sendable {
    /// The evaluation so far.
    public struct Step: Sendable, Equatable {
        /// The figures done.
        public var figuresDone: Int
        /// The figures of the stage: indicators × subjects (per grain) × periods.
        public var figuresTotal: Int
        /// The indicators evaluated.
        public var indicators: Int
        /// The subject × period cells evaluated (every grain together).
        public var subjects: Int

        /// Creates a step (the evaluator makes them; tests and other observers may too).
        public init(figuresDone: Int, figuresTotal: Int, indicators: Int, subjects: Int) {
            self.figuresDone = figuresDone
            self.figuresTotal = figuresTotal
            self.indicators = indicators
            self.subjects = subjects
        }
    }

    private let observe: @Sendable (Step) -> Void
    private let lock = NSLock()
    private var step = Step(figuresDone: 0, figuresTotal: 0, indicators: 0, subjects: 0)

    /// Creates an observer.
    ///
    /// - Parameter observe: Called with each step.
    public init(_ observe: @escaping @Sendable (Step) -> Void) {
        self.observe = observe
    }

    /// Starts a stage of `subjects` subject × period cells of `indicators` indicators each.
    func begin(indicators: Int, subjects: Int) {
        lock.withLock {
            step = Step(figuresDone: 0, figuresTotal: indicators * subjects, indicators: indicators, subjects: subjects)
            observe(step)
        }
    }

    /// Records `cells` more subject × period cells done.
    func advance(cells: Int) {
        lock.withLock {
            step.figuresDone = min(step.figuresTotal, step.figuresDone + cells * step.indicators)
            observe(step)
        }
    }
}
