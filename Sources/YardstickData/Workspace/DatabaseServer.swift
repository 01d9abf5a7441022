import Foundation
import YardstickLocalization

/// Where a database server source (`kind = "postgres"`) is reached: host, port, database and
/// user from its connection URL, how TLS is used, and the environment variable that holds the
/// password.
///
/// Written in `yardstick.toml` as
///
/// ```toml
/// [sources.crm]
/// kind = "postgres"
/// url = "postgresql://yardstick@db.example.com:5432/crm?sslmode=require"
/// password_env = "CRM_PASSWORD"
/// ```
///
/// The password is never part of the workspace file: a URL that carries one is refused
/// (``parse(_:passwordVariable:)``), and the server module reads the variable named by
/// ``passwordVariable`` from the environment when it connects.
public struct DatabaseServer: Sendable, Hashable {
    /// How the connection uses TLS (the URL's `sslmode`, as libpq spells it).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate; plain TCP otherwise.
        case prefer
        /// TLS required, the certificate not checked.
        case require
        /// TLS required, the certificate checked against the system's trusted authorities.
        case verifyCA = "verify-ca"
        /// TLS required, the certificate and the host name checked.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port (5432 when the URL names none).
    public var port: Int
    /// The database's name.
    public var database: String
    /// The user name.
    public var user: String
    /// How TLS is used (`prefer` when the URL says nothing, as libpq does).
    public var tls: TLSMode
    /// The name of the environment variable holding the password (`password_env`); nil when
    /// the server asks for none (trust or peer authentication).
    public var passwordVariable: String?

    /// The URL as it names the server in messages: `postgresql://user@host:port/database`.
    public var displayURL: String {
        let address = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(address):\(port)/\(database)"
    }

    /// Creates a server description.
    public init(
        host: String, port: Int = 5432, database: String, user: String, tls: TLSMode = .prefer,
        passwordVariable: String? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.tls = tls
        self.passwordVariable = passwordVariable
    }

    /// Reads a `postgres://` or `postgresql://` URL: `postgresql://USER@HOST[:PORT]/DATABASE`
    /// with an optional `?sslmode=…`.
    ///
    /// - Returns: The server, or the reason the URL cannot be used (a password in it, no user,
    ///   host or database, an unknown scheme, port or `sslmode`, another query parameter).
    public static func parse(_ url: String, passwordVariable: String? = nil) -> Result<DatabaseServer, Problem> {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased()
        else {
            return .failure(Problem(tr("is not a URL such as postgresql://user@host:5432/database")))
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            return .failure(Problem(tr("must start with postgresql:// (found %@://)", scheme)))
        }
        if components.password != nil {
            return .failure(
                Problem(
                    tr(
                        "carries a password; remove it and name an environment variable that holds it with password_env (the workspace file is no place for secrets)"
                    )))
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            return .failure(Problem(tr("names no user (postgresql://USER@host/database)")))
        }
        guard let host = components.host?.removingPercentEncoding, !host.isEmpty else {
            return .failure(Problem(tr("names no host (postgresql://user@HOST/database)")))
        }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            return .failure(Problem(tr("names no database (postgresql://user@host/DATABASE)")))
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            return .failure(Problem(tr("has port %@, outside 1…65535", port)))
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                return .failure(Problem(tr("has parameter %@; only sslmode is understood", item.name)))
            }
            guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(Problem(tr("has sslmode %@; use one of %@", item.value ?? "", modes)))
            }
            tls = mode
        }
        return .success(
            DatabaseServer(
                host: host, port: port, database: database, user: user, tls: tls, passwordVariable: passwordVariable))
    }

    /// Why a connection URL cannot be used.
    public struct Problem: Error, Sendable, Hashable {
        /// The reason, a phrase that follows "the URL".
        public var reason: String

        /// Creates a problem.
        public init(_ reason: String) { self.reason = reason }
    }
}
