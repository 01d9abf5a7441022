import Foundation
import YardstickData

extension QueryEngine {
    /// The members of a breakdown dimension in the engine's data, resolved on first use and
    /// kept (a thread asking for a dimension being resolved waits for it).
    ///
    /// - Throws: ``QueryError`` when no mapped entity has the dimension's path.
    package func members(of dimension: BreakdownDimension) throws(QueryError) -> DimensionMembers {
        try memberCache.members(of: dimension, in: dataset)
    }

    /// The test a member restriction adds to a scope's rows of `table`: nil when there is no
    /// restriction or the table does not have the path (its rows are not restricted).
    func memberTest(_ restriction: MemberRestriction?, table: Table) throws(QueryError) -> ((Int) -> Bool)? {
        guard let restriction else { return nil }
        let members = try members(of: restriction.dimension)
        guard let rows = members.members(of: table.entity.name) else { return nil }
        guard let wanted = members.index(of: restriction.member) else { return { _ in false } }
        return { rows[$0] == wanted }
    }
}

/// The dimensions an engine has resolved, each once.
final class MemberCache: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BreakdownDimension: Slot] = [:]

    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Result<DimensionMembers, QueryError>?
    }

    func members(of dimension: BreakdownDimension, in dataset: Dataset) throws(QueryError) -> DimensionMembers {
        lock.lock()
        let slot = slots[dimension] ?? Slot()
        slots[dimension] = slot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return try value.get() }
        let value: Result<DimensionMembers, QueryError>
        do {
            value = .success(try DimensionMembers(dimension, in: dataset))
        } catch {
            value = .failure(error)
        }
        slot.value = value
        return try value.get()
    }
}
