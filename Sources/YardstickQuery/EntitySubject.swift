import YardstickData
import YardstickLocalization

/// Rows of an entity evaluated as a subject (a product, a campaign, a supplier), and how other
/// entities' records attach to them.
///
/// A record entity attaches through the one field of it that references the subject entity;
/// where it has several (or none the loader knows of), the workspace declares which in
/// `yardstick.toml` (`[subjects.NAME] references`), and ``references`` carries that choice.
public struct EntitySubject: Sendable, Hashable {
    /// The subject entity (`suppliers`).
    public var entity: String
    /// The subject's rows of that entity (one row for one supplier).
    public var rows: [Int32]
    /// Per record entity, the declared field referencing the subject entity.
    public var references: [String: String]

    /// Creates a subject.
    public init(entity: String, rows: [Int32], references: [String: String] = [:]) {
        self.entity = entity
        self.rows = rows
        self.references = references
    }

    /// The field of `records` that attaches its rows to the subject entity: `id` for the entity
    /// itself, the declared field, or the only field referencing the entity.
    ///
    /// - Throws: ``QueryError`` when `records` has no field referencing the subject entity, or
    ///   several and none is declared.
    package static func field(
        of records: EntityDefinition, attachingTo entity: String, declared references: [String: String]
    ) throws(QueryError) -> String {
        if records.name == entity { return "id" }
        if let declared = references[records.name] { return declared }
        let candidates = records.fields.filter { $0.referencedEntity == entity && $0.name != "id" }.map(\.name)
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw QueryError(
                tr(
                    "%@ has no field referencing %@, so its records cannot be attached to a subject of %@ (add a custom reference field: { column = \"…\", type = \"reference\", references = \"%@\" })",
                    records.name, entity, entity, entity))
        }
        throw QueryError(
            tr(
                "%@ references %@ through several fields (%@): declare which one attaches its records in yardstick.toml, e.g. [subjects.…] references = { %@ = \"%@\" }",
                records.name, entity,
                candidates.joined(separator: ", "), records.name, candidates[0]))
    }
}
