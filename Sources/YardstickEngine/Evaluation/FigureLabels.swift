/// The per-indicator parts of every figure, and each indicator's grain, in indicator order.
struct FigureLabels: Sendable {
    var ids: [String]
    var parts: [IndicatorResult.IndicatorPart]
    var pers: [Grain]

    init(_ definitions: [IndicatorDefinition], locale: String) {
        ids = definitions.map(\.id)
        parts = definitions.map {
            IndicatorResult.IndicatorPart(id: $0.id, title: $0.title(locale: locale), unit: $0.unit)
        }
        pers = definitions.map(\.per)
    }

    /// The figure of the indicator at `position` for a subject of a grain it does not apply to.
    func notApplying(_ position: Int) -> ResultValue {
        .missing(reason: "\(ids[position]) is defined per \(pers[position].rawValue)")
    }
}
