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

    /// The same labels in new objects, so that workers do not share reference counts.
    func copied() -> FigureLabels {
        var copy = self
        copy.parts = parts.map {
            IndicatorResult.IndicatorPart(
                id: String(decoding: Array($0.id.utf8), as: UTF8.self),
                title: String(decoding: Array($0.title.utf8), as: UTF8.self), unit: $0.unit)
        }
        return copy
    }
}
