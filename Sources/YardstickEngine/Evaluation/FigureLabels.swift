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
}
