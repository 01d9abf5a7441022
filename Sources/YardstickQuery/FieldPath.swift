import YardstickData

/// A field, or a path through references to a field of another entity (`account.industry`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The names, first one on the queried entity.
    public var names: [String]

    /// Parses a dotted path.
    public init(_ dotted: String) { names = dotted.split(separator: ".").map(String.init) }

    /// The dotted path.
    public var description: String { names.count == 1 ? names[0] : names.joined(separator: ".") }
}
