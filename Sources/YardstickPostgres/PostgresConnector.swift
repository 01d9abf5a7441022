import Logging
import PostgresNIO
import YardstickData

/// Opens connections to one server with the workspace's settings and the password from the
/// environment.
struct PostgresConnector: Sendable {
    /// The server.
    let server: DatabaseServer
    /// The password, read from the variable named by `password_env`; nil when none is named.
    let password: String?

    /// postgres-nio's logger, silent: problems reach the user as typed errors.
    static let logger = Logger(label: "yardstick.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A new connection.
    ///
    /// - Throws: postgres-nio's error (``PostgresSourceProblem/classify(_:)`` reads it).
    func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: try configuration(), id: 1, logger: Self.logger)
    }

    /// A new connection on `eventLoop`, waited for on the calling thread (never an event
    /// loop's).
    ///
    /// - Throws: postgres-nio's error (``PostgresSourceProblem/classify(_:)`` reads it).
    func connect(on eventLoop: any EventLoop) throws -> PostgresConnection {
        try PostgresConnection.connect(on: eventLoop, configuration: try configuration(), id: 1, logger: Self.logger)
            .wait()
    }

    /// The connection's settings.
    private func configuration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: server.host, port: server.port, username: server.user, password: password,
            database: server.database, tls: try tls())
        configuration.options.connectTimeout = .seconds(15)
        return configuration
    }

    /// The TLS setting of the URL's `sslmode`, as libpq reads it.
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch server.tls {
        case .disable:
            return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// Runs `body` on a new connection and closes it, whether `body` throws or not.
    func withConnection<Value: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try await connect()
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
