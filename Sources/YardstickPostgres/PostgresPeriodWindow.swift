import YardstickData

/// A date range pushed into the SQL of one entity's table mappings, so that a large table is
/// not read whole: `WHERE "closed" >= DATE '2017-10-01' AND "closed" < DATE '2018-01-01'`.
///
/// The caller decides when a window is safe; ``PostgresSourceOpener`` applies it only where the
/// mapping allows (docs/workspace.md, "PostgreSQL sources"):
/// - the part maps a `table` (a `query` is the user's own SQL and is run as written);
/// - ``field`` is mapped to one column (`field = "column"`), not to a constant or joined
///   columns, and that column is a `date`, `timestamp` or `timestamp with time zone` (a text
///   column's format is the loader's to read: it is not compared in SQL).
///
/// Rows whose column is NULL are left out with the rest. A caller that evaluates indicators
/// reading an entity through more than this field, or over all history (key views, `before`,
/// comparisons with earlier periods), must widen the window by that margin or pass none.
public struct PostgresPeriodWindow: Sendable, Hashable {
    /// The entity whose rows are windowed (`opportunities`).
    public var entity: String
    /// The date or datetime field that places a row in time (`closed_at`).
    public var field: String
    /// The first day kept (days since 1970-01-01, as `CivilDate` counts them); nil for no lower bound.
    public var from: Int32?
    /// The first day no longer kept; nil for no upper bound.
    public var until: Int32?

    /// Creates a window of the days `from ..< until` on `entity.field`.
    public init(entity: String, field: String, from: Int32?, until: Int32?) {
        self.entity = entity
        self.field = field
        self.from = from
        self.until = until
    }
}
