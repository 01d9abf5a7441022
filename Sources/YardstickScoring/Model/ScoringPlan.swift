/// A valid model laid out once for scoring many peer groups: validated once, its tree flattened
/// once, its leaves numbered.
///
/// ``ScoringModel/score(_:)`` validates the model, lays out its tree and looks each subject's
/// inputs up by indicator id on every call. A caller that scores the same model over many peer
/// groups and periods (the scorecard runner: every role × every month) makes one plan and hands
/// it each group's inputs leaf by leaf, as arrays, so no dictionary is built or read per subject.
/// Both paths share the scoring itself and give the same results.
package struct ScoringPlan: Sendable {
    /// The model.
    package let model: ScoringModel
    /// Its tree, flattened.
    let layout: ScoringLayout

    /// Validates `model` and lays out its tree.
    ///
    /// - Throws: ``ScoringModelErrors`` when the model is invalid (see
    ///   ``ScoringModel/validate()``).
    package init(_ model: ScoringModel) throws(ScoringModelErrors) {
        try model.validate()
        self.model = model
        layout = ScoringLayout(model)
    }

    /// The indicator id of each leaf, depth first in declaration order: the order of the
    /// outer array of ``score(inputs:subjectIDs:)``'s inputs. An indicator placed at two leaves
    /// appears twice.
    package var leafIndicatorIDs: [String] { layout.leaves.map(\.indicator.id) }
}
