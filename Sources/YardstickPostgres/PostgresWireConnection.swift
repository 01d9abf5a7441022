import Foundation
import YardstickData
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to a PostgreSQL server that speaks the frontend/backend protocol (3.0) itself,
/// over a blocking socket, for the one job where postgres-nio's per-row values cost most of a
/// load: streaming a table's rows with `COPY … TO STDOUT (FORMAT binary)`.
///
/// It knows only what that job needs: the startup message; trust, cleartext, `md5` and
/// `SCRAM-SHA-256` authentication (``PostgresPasswordProof``); a simple query returning one
/// integer (``count(_:)``); and a COPY whose data messages are handed, in place, to a closure
/// (``copyOut(_:_:)``). It does not speak TLS: a URL that requires it, or a server that accepts
/// the TLS request of `sslmode=prefer`, gets ``Refusal/needsTLS`` and the caller reads through
/// postgres-nio instead; so does an authentication method other than those above.
///
/// Messages are read into one buffer, grown only for a message larger than any before; a data
/// message's bytes are lent to the closure and never copied.
final class PostgresWireConnection {
    /// Why this connection cannot serve a read that postgres-nio can.
    enum Refusal: Error, Equatable {
        /// TLS is required, or the server accepted the TLS request.
        case needsTLS
        /// The server asks for an authentication method this connection does not speak.
        case unsupportedAuthentication(Int32)
    }

    private let descriptor: Int32
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// Unread bytes are `buffer[start ..< end]`.
    private var start = 0
    private var end = 0
    private var closed = false

    /// The receive buffer's first size; a message larger than it grows the buffer.
    static let initialCapacity = 1 << 20
    /// How long connecting and each write may take.
    static let timeoutSeconds = 15

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        capacity = Self.initialCapacity
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        close()
        buffer.deallocate()
    }

    /// Connects to `server`, negotiates (no TLS) and authenticates.
    ///
    /// - Throws: ``Refusal`` when postgres-nio must serve the read instead;
    ///   ``PostgresSourceProblem`` when the server cannot be reached, refuses the login, or has no
    ///   such database.
    static func open(server: DatabaseServer, password: String?) throws -> PostgresWireConnection {
        switch server.tls {
        case .require, .verifyCA, .verifyFull: throw Refusal.needsTLS
        case .disable, .prefer: break
        }
        let connection = PostgresWireConnection(descriptor: try connectSocket(host: server.host, port: server.port))
        do {
            if server.tls == .prefer {
                var request = MessageWriter()
                request.int32(8)
                request.int32(80_877_103)
                try connection.send(request.bytes)
                if try connection.readByte() == UInt8(ascii: "S") { throw Refusal.needsTLS }
            }
            try connection.startUp(user: server.user, database: server.database, password: password)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    /// A TCP connection to `host`:`port`, trying each address the name resolves to.
    private static func connectSocket(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw PostgresSourceProblem.connectionFailed(reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var reason = "no address"
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            let descriptor = systemSocket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard descriptor >= 0 else {
                reason = String(cString: strerror(errno))
                continue
            }
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if systemConnect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return descriptor }
            reason = String(cString: strerror(errno))
            _ = systemClose(descriptor)
        }
        throw PostgresSourceProblem.connectionFailed(reason: "\(host):\(port): \(reason)")
    }

    /// Sends the startup message and answers the server's authentication requests until it is
    /// ready for a query.
    private func startUp(user: String, database: String, password: String?) throws {
        var startup = MessageWriter()
        startup.int32(0)
        startup.int32(196_608)  // protocol 3.0
        for (key, value) in [
            ("user", user), ("database", database), ("client_encoding", "UTF8"), ("application_name", "yardstick"),
        ] {
            startup.cString(key)
            startup.cString(value)
        }
        startup.byte(0)
        startup.patchLength(at: 0)
        try send(startup.bytes)
        var scram: (exchange: PostgresPasswordProof.SCRAM, serverSignature: [UInt8]?)?
        while true {
            let (type, body) = try nextMessage()
            switch type {
            case UInt8(ascii: "R"):
                guard body.count >= 4 else { throw unreadable("a short authentication message") }
                let code = Int32(bigEndian: body.loadUnaligned(as: Int32.self))
                let rest = UnsafeRawBufferPointer(rebasing: body[4...])
                switch code {
                case 0:
                    if let scram, scram.serverSignature != nil {
                        throw PostgresSourceProblem.authenticationFailed(
                            reason: tr("the server did not prove that it knows the password"))
                    }
                case 3:
                    try sendPassword(Array(try required(password).utf8) + [0])
                case 5:
                    guard rest.count >= 4 else { throw unreadable("a short md5 request") }
                    let answer = PostgresPasswordProof.md5(
                        user: user, password: try required(password), salt: Array(rest.prefix(4)))
                    try sendPassword(Array(answer.utf8) + [0])
                case 10:
                    let mechanisms = rest.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                    guard mechanisms.contains("SCRAM-SHA-256") else { throw Refusal.unsupportedAuthentication(code) }
                    let exchange = PostgresPasswordProof.SCRAM(
                        clientNonce: PostgresPasswordProof.nonce(), password: try required(password))
                    var initial = Array("SCRAM-SHA-256".utf8) + [0]
                    let first = Array(exchange.clientFirst.utf8)
                    withUnsafeBytes(of: Int32(first.count).bigEndian) { initial.append(contentsOf: $0) }
                    try sendPassword(initial + first)
                    scram = (exchange, nil)
                case 11:
                    guard let exchange = scram?.exchange else { throw unreadable("SCRAM continuation without a start") }
                    let final: (message: String, serverSignature: [UInt8])
                    do {
                        final = try exchange.clientFinal(serverFirst: String(decoding: rest, as: UTF8.self))
                    } catch {
                        throw PostgresSourceProblem.authenticationFailed(reason: error.reason)
                    }
                    try sendPassword(Array(final.message.utf8))
                    scram = (exchange, final.serverSignature)
                case 12:
                    guard let expected = scram?.serverSignature,
                        PostgresPasswordProof.SCRAM.verify(
                            serverFinal: String(decoding: rest, as: UTF8.self), expected: expected)
                    else {
                        throw PostgresSourceProblem.authenticationFailed(
                            reason: tr("the server did not prove that it knows the password"))
                    }
                    scram?.serverSignature = nil
                default:
                    throw Refusal.unsupportedAuthentication(code)
                }
            case UInt8(ascii: "E"):
                throw Self.problem(errorFields: body)
            case UInt8(ascii: "Z"):
                return
            default:
                continue  // ParameterStatus, BackendKeyData, notices, NegotiateProtocolVersion
            }
        }
    }

    /// The password, or the problem of its absence.
    private func required(_ password: String?) throws -> String {
        guard let password else { throw PostgresSourceProblem.passwordRequired }
        return password
    }

    /// Sends a password, SASL initial or SASL response message (all `p`).
    private func sendPassword(_ payload: [UInt8]) throws {
        var message = MessageWriter()
        message.byte(UInt8(ascii: "p"))
        message.int32(Int32(payload.count + 4))
        message.bytes.append(contentsOf: payload)
        try send(message.bytes)
    }

    /// Runs a simple query whose result is one integer (`SELECT count(*) …`).
    ///
    /// - Throws: ``PostgresSourceProblem`` with the server's error, or when the result is not
    ///   one integer.
    func count(_ sql: String) throws -> Int {
        try sendQuery(sql)
        var value: Int?
        var failure: (any Error)?
        while true {
            let (type, body) = try nextMessage()
            switch type {
            case UInt8(ascii: "D"):
                guard body.count >= 6, Int16(bigEndian: body.loadUnaligned(as: Int16.self)) == 1 else { continue }
                let length = Int(Int32(bigEndian: body.loadUnaligned(fromByteOffset: 2, as: Int32.self)))
                guard length > 0, body.count >= 6 + length else { continue }
                value = Int(String(decoding: UnsafeRawBufferPointer(rebasing: body[6..<(6 + length)]), as: UTF8.self))
            case UInt8(ascii: "E"):
                failure = Self.problem(errorFields: body)
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                guard let value else { throw unreadable("the row count is not an integer") }
                return value
            default:
                continue
            }
        }
    }

    /// Runs `COPY … TO STDOUT` and lends each data message's bytes to `body`, in order, until
    /// the server is ready for the next query.
    ///
    /// - Throws: What `body` throws (the connection is then unusable: close it);
    ///   ``PostgresSourceProblem`` with the server's error, or when the connection breaks.
    func copyOut(_ sql: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try sendQuery(sql)
        var failure: (any Error)?
        var started = false
        while true {
            let (type, message) = try nextMessage()
            switch type {
            case UInt8(ascii: "d"):
                try body(message)
            case UInt8(ascii: "H"):
                started = true
            case UInt8(ascii: "E"):
                failure = Self.problem(errorFields: message)
            case UInt8(ascii: "Z"):
                if let failure { throw failure }
                guard started else { throw unreadable("the statement is not a COPY … TO STDOUT") }
                return
            default:
                continue  // CopyDone, CommandComplete, notices
            }
        }
    }

    /// Sends a simple query.
    private func sendQuery(_ sql: String) throws {
        var message = MessageWriter()
        message.byte(UInt8(ascii: "Q"))
        message.int32(0)
        message.cString(sql)
        message.patchLength(at: 1)
        try send(message.bytes)
    }

    /// Says goodbye (best effort) and closes the socket; later calls do nothing.
    func close() {
        guard !closed else { return }
        closed = true
        var terminate = MessageWriter()
        terminate.byte(UInt8(ascii: "X"))
        terminate.int32(4)
        try? send(terminate.bytes)
        _ = systemClose(descriptor)
    }

    // MARK: - Bytes in and out

    /// Writes all of `bytes`.
    private func send(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemSend(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PostgresSourceProblem.unreadable(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// The next message's type and body, the body lent until the next read.
    private func nextMessage() throws -> (UInt8, UnsafeRawBufferPointer) {
        try fill(5)
        let type = buffer.load(fromByteOffset: start, as: UInt8.self)
        let length = Int(Int32(bigEndian: buffer.loadUnaligned(fromByteOffset: start + 1, as: Int32.self)))
        guard length >= 4 else { throw unreadable("a message of length \(length)") }
        try fill(1 + length)
        let body = UnsafeRawBufferPointer(start: buffer + start + 5, count: length - 4)
        start += 1 + length
        return (type, body)
    }

    /// One byte (the answer to the TLS request).
    private func readByte() throws -> UInt8 {
        try fill(1)
        defer { start += 1 }
        return buffer.load(fromByteOffset: start, as: UInt8.self)
    }

    /// Reads until at least `count` unread bytes are buffered.
    private func fill(_ count: Int) throws {
        while end - start < count {
            if start + count > capacity {
                // Move the unread bytes to the front, growing the buffer when they cannot fit.
                if count > capacity {
                    var larger = capacity
                    while larger < count { larger *= 2 }
                    let grown = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 8)
                    grown.copyMemory(from: buffer + start, byteCount: end - start)
                    buffer.deallocate()
                    buffer = grown
                    capacity = larger
                } else {
                    buffer.copyMemory(from: buffer + start, byteCount: end - start)
                }
                end -= start
                start = 0
            }
            let received = recv(descriptor, buffer + end, capacity - end, 0)
            if received < 0 {
                if errno == EINTR { continue }
                throw PostgresSourceProblem.unreadable(reason: String(cString: strerror(errno)))
            }
            if received == 0 {
                throw PostgresSourceProblem.unreadable(reason: tr("the server closed the connection"))
            }
            end += received
        }
    }

    /// A protocol violation as a problem.
    private func unreadable(_ what: String) -> PostgresSourceProblem {
        .unreadable(reason: tr("unexpected from the server: %@", what))
    }

    /// The problem an ErrorResponse's fields describe.
    static func problem(errorFields body: UnsafeRawBufferPointer) -> PostgresSourceProblem {
        var fields: [UInt8: String] = [:]
        var offset = 0
        while offset < body.count, body[offset] != 0 {
            let code = body[offset]
            var stop = offset + 1
            while stop < body.count, body[stop] != 0 { stop += 1 }
            fields[code] = String(decoding: UnsafeRawBufferPointer(rebasing: body[(offset + 1)..<stop]), as: UTF8.self)
            offset = stop + 1
        }
        return PostgresSourceProblem.reported(
            state: fields[UInt8(ascii: "C")] ?? "", message: fields[UInt8(ascii: "M")] ?? "no message")
    }
}

/// The bytes of one frontend message, big-endian.
private struct MessageWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int32(_ value: Int32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func cString(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    /// Writes the length of the message from `offset` to the end at `offset`.
    mutating func patchLength(at offset: Int) {
        let length = Int32(bytes.count - offset).bigEndian
        withUnsafeBytes(of: length) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }
}

// The C library's calls, named apart from the connection's own `close()` and properties.

private func systemSocket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 {
    socket(family, type, proto)
}

private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
    connect(descriptor, address, length)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

/// `send` that never raises SIGPIPE on a closed connection (the error is returned instead).
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if os(Linux)
        send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
    #else
        send(descriptor, bytes, count, 0)
    #endif
}
