import Foundation
import PostgresNIO
import YardstickData
import YardstickLocalization

/// What can go wrong with a PostgreSQL source as a whole, before or while its rows are read.
///
/// Each case becomes a `SourceError` located in the mapping part (`crm:deals`, with the
/// column and field when one is at fault) whose message ends with where the source is declared:
/// `(yardstick.toml, sources.crm: postgresql://yardstick@127.0.0.1:5432/crm; entity
/// opportunities)`. Problems with single values (a text that is no number, a NULL in a
/// required field) are the loader's, as for any source, located by the row's ordinal in the
/// result and its `id`.
public enum PostgresSourceProblem: Error, Sendable, Hashable {
    /// `password_env` names a variable that is not set.
    case passwordVariableUnset(variable: String)
    /// The server asks for a password and the source names no `password_env`.
    case passwordRequired
    /// Nothing answers at the server's address, or the connection could not be made.
    case connectionFailed(reason: String)
    /// The server refused the user or the password.
    case authenticationFailed(reason: String)
    /// The server has no database of that name.
    case unknownDatabase(reason: String)
    /// The mapping's table does not exist (`reason` says how it was looked up).
    case unknownTable(table: String, reason: String)
    /// A column the mapping names is not in the table (or the query's result).
    case unknownColumn(column: String, field: String?, available: [String])
    /// A column's database type cannot hold the field's values.
    case typeMismatch(column: String, databaseType: String, field: String, fieldType: String)
    /// Any other error the server reported (with its SQLSTATE code).
    case server(state: String, message: String)
    /// The connection broke or a message could not be read.
    case unreadable(reason: String)

    /// The problem located in `file` (the part's display path); `origin` says where the source
    /// is declared.
    func sourceError(file: String, origin: String) -> SourceError {
        var column: String?
        var field: String?
        let message: String
        switch self {
        case .passwordVariableUnset(let variable):
            message = tr("the environment variable %@ (password_env) is not set", variable)
        case .passwordRequired:
            message = tr(
                "the server asks for a password; name the environment variable that holds it with password_env")
        case .connectionFailed(let reason):
            message = tr("cannot connect to the server: %@", reason)
        case .authenticationFailed(let reason):
            message = tr("authentication failed: %@", reason)
        case .unknownDatabase(let reason):
            message = tr("no such database: %@", reason)
        case .unknownTable(let table, let reason):
            message = tr("no table or view named %@ in the database (%@)", table, reason)
        case .unknownColumn(let name, let mapped, let available):
            column = name
            field = mapped
            message = tr("no column %@ in the result; its columns are %@", name, available.joined(separator: ", "))
        case .typeMismatch(let name, let databaseType, let mapped, let fieldType):
            column = name
            field = mapped
            message = tr("the column is %@ in the database; field %@ is %@", databaseType, mapped, fieldType)
        case .server(let state, let text):
            message = tr("PostgreSQL error %@: %@", state, text)
        case .unreadable(let reason):
            message = tr("the rows could not be read: %@", reason)
        }
        return SourceError(file: file, column: column, field: field, message: message + " " + origin)
    }

    /// The problem an error the server reported says (its SQLSTATE and message), whichever
    /// connection received it.
    static func reported(state: String, message: String) -> PostgresSourceProblem {
        switch state {
        case "28P01", "28000": .authenticationFailed(reason: message)
        case "3D000": .unknownDatabase(reason: message)
        default: .server(state: state, message: message)
        }
    }

    /// The problem behind an error of postgres-nio (or of the connection under it).
    static func classify(_ error: any Error) -> PostgresSourceProblem {
        if let problem = error as? PostgresSourceProblem { return problem }
        if error is NIOConnectionError || error is IOError || error is ChannelError {
            return .connectionFailed(reason: String(describing: error))
        }
        guard let error = error as? PSQLError else {
            return .unreadable(reason: String(describing: error))
        }
        if let info = error.serverInfo {
            return reported(state: info[.sqlState] ?? "", message: info[.message] ?? "no message")
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            return .passwordRequired
        case .connectionError, .sslUnsupported, .failedToAddSSLHandler:
            let reason = error.underlying.map { String(describing: $0) } ?? error.code.description
            return .connectionFailed(reason: reason)
        case .serverClosedConnection, .uncleanShutdown:
            return .unreadable(reason: tr("the server closed the connection"))
        default:
            return .unreadable(reason: error.underlying.map { String(describing: $0) } ?? error.code.description)
        }
    }
}
