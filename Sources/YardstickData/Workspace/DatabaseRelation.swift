/// What a mapping reads from a database source (`kind = "sqlite"`): a whole table or the rows
/// of a query.
///
/// Declared on an entity's mapping as `table = "deals"` or `query = "SELECT …"`; exactly one of
/// the two. A database module's ``RecordSourceOpener`` reads it; the columns of the table or
/// of the query's result are matched to fields as a CSV file's header is.
public enum DatabaseRelation: Sendable, Hashable {
    /// Every row of the named table (or view), in the order the database returns them.
    case table(String)
    /// The rows of a read-only `SELECT` statement, in the order it returns them.
    case query(String)
}
