import YardstickEngine
import YardstickLocalization
import YardstickQuery

/// `--by`: the dimensions every indicator is broken down by.
enum BreakdownArgument {
    /// The dimensions of a `--by` value (`product.family,account.industry`,
    /// `cohort:account:ordered_at:month`), each checked against the loaded data.
    ///
    /// - Throws: ``CLIError`` for text that is not a dimension, a dimension given twice, or a
    ///   path that no mapped entity has.
    static func dimensions(_ argument: String?, engine: QueryEngine) throws -> [BreakdownDimension] {
        guard let argument else { return [] }
        var dimensions: [BreakdownDimension] = []
        for item in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let dimension = BreakdownDimension(text) else {
                throw CLIError(
                    tr(
                        "--by %@: expected a field path such as product.family, or cohort:KEY:FIRST[:month|quarter|year]",
                        text))
            }
            guard !dimensions.contains(dimension) else { throw CLIError(tr("--by names %@ twice", dimension)) }
            do {
                _ = try engine.members(of: dimension)
            } catch {
                throw CLIError(tr("--by %@: %@", text, error.message))
            }
            dimensions.append(dimension)
        }
        return dimensions
    }
}
