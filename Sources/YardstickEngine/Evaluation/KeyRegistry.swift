import LuaRuntime
import YardstickLocalization
import YardstickQuery

/// The key views and key queries the prelude registered in one session, by id (equal ones share
/// an id), and the session's own cache of key tables for subjects evaluated alone.
final class KeyRegistry {
    /// Key views by id.
    private(set) var views: [KeyView] = []
    private var viewIDs: [KeyView: Int] = [:]
    /// Key queries by id.
    private(set) var queries: [KeyQuery] = []
    private var queryIDs: [KeyQuery: Int] = [:]
    /// Tables and values of subjects evaluated alone (a run's partition has its own, shared).
    let ownCache = KeyTableCache()

    /// The most key tables kept for subjects evaluated alone before the cache starts afresh.
    static let ownCacheBound = 4096

    /// The id of a key view, registered on first sight.
    func id(of view: KeyView) -> Int {
        if let id = viewIDs[view] { return id }
        views.append(view)
        viewIDs[view] = views.count - 1
        return views.count - 1
    }

    /// The id of a key query, registered on first sight.
    func id(of query: KeyQuery) -> Int {
        if let id = queryIDs[query] { return id }
        queries.append(query)
        queryIDs[query] = queries.count - 1
        return queries.count - 1
    }

    /// The key view with an id.
    func view(_ id: Int64?) throws(HostError) -> KeyView {
        guard let id, id >= 0, Int(id) < views.count else { throw HostError(tr("unknown key view")) }
        return views[Int(id)]
    }

    /// The key query with an id.
    func query(_ id: Int64?) throws(HostError) -> KeyQuery {
        guard let id, id >= 0, Int(id) < queries.count else { throw HostError(tr("unknown key query")) }
        return queries[Int(id)]
    }
}
