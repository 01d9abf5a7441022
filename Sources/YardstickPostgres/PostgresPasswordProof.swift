import Crypto
import Foundation
import YardstickLocalization

/// What a client sends to prove it knows a password, for the two password methods a
/// PostgreSQL server asks for: `md5` and SASL `SCRAM-SHA-256` (RFC 5802 and RFC 7677, without
/// channel binding).
///
/// Pure functions of their inputs, so they are tested against the RFCs' worked example; the
/// messages around them are ``PostgresWireConnection``'s.
enum PostgresPasswordProof {
    /// The `md5` method's answer: `md5` followed by the hex MD5 of (the hex MD5 of password and
    /// user name) and the server's 4-byte salt.
    static func md5(user: String, password: String, salt: [UInt8]) -> String {
        let inner = hex(Insecure.MD5.hash(data: Array((password + user).utf8)))
        return "md5" + hex(Insecure.MD5.hash(data: Array(inner.utf8) + salt))
    }

    /// One SCRAM-SHA-256 exchange, from the client's first message to the check of the
    /// server's signature.
    struct SCRAM {
        /// The client's nonce (printable ASCII, no comma).
        let clientNonce: String
        /// The password (used as UTF-8; SASLprep is not applied, which changes nothing for
        /// passwords of printable ASCII).
        let password: String
        /// The user name sent in the first message; PostgreSQL takes the user from the startup
        /// message and ignores this one, so it stays empty there (RFC 7677's example names
        /// `user`).
        var user = ""

        /// The client's first message without its GS2 header: `n=USER,r=NONCE`.
        var clientFirstBare: String { "n=" + user + ",r=" + clientNonce }

        /// The client's first message: no channel binding (`n,,`), then ``clientFirstBare``.
        var clientFirst: String { "n,," + clientFirstBare }

        /// The client's final message and the server signature to expect, computed from the
        /// server's first message (`r=NONCE,s=SALT,i=ITERATIONS`).
        ///
        /// - Throws: ``Failure`` when the server's message is malformed or its nonce does not
        ///   extend the client's.
        func clientFinal(serverFirst: String) throws(Failure) -> (message: String, serverSignature: [UInt8]) {
            var attributes: [Character: Substring] = [:]
            for part in serverFirst.split(separator: ",") {
                guard let key = part.first, part.dropFirst().first == "=" else { continue }
                attributes[key] = part.dropFirst(2)
            }
            guard let nonce = attributes["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
                throw Failure(tr("the server's SCRAM nonce does not extend the client's"))
            }
            guard let saltText = attributes["s"], let salt = Data(base64Encoded: String(saltText)) else {
                throw Failure(tr("the server's SCRAM salt is not base64"))
            }
            guard let iterationText = attributes["i"], let iterations = Int(iterationText), iterations > 0 else {
                throw Failure(tr("the server's SCRAM iteration count is not a positive number"))
            }
            let salted = Self.saltedPassword(Array(password.utf8), salt: Array(salt), iterations: iterations)
            let clientKey = Self.hmac(key: salted, Array("Client Key".utf8))
            let storedKey = Array(SHA256.hash(data: clientKey))
            let withoutProof = "c=biws,r=" + nonce
            let authMessage = Array((clientFirstBare + "," + serverFirst + "," + withoutProof).utf8)
            let signature = Self.hmac(key: storedKey, authMessage)
            let proof = zip(clientKey, signature).map { $0 ^ $1 }
            let serverKey = Self.hmac(key: salted, Array("Server Key".utf8))
            return (withoutProof + ",p=" + Data(proof).base64EncodedString(), Self.hmac(key: serverKey, authMessage))
        }

        /// Whether the server's final message (`v=SIGNATURE`) carries the signature expected.
        static func verify(serverFinal: String, expected: [UInt8]) -> Bool {
            guard serverFinal.hasPrefix("v="), let signature = Data(base64Encoded: String(serverFinal.dropFirst(2)))
            else { return false }
            return Array(signature) == expected
        }

        /// RFC 5802's `Hi`: PBKDF2 with HMAC-SHA-256, one block.
        static func saltedPassword(_ password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
            let key = SymmetricKey(data: password)
            var block = Array(HMAC<SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
            var result = block
            for _ in 1..<iterations {
                block = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
                for index in result.indices { result[index] ^= block[index] }
            }
            return result
        }

        /// HMAC-SHA-256 of `message` under `key`.
        static func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
            Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        }
    }

    /// A SCRAM exchange that cannot go on: the server's message is malformed or its proof
    /// wrong.
    struct Failure: Error, Equatable {
        /// What was wrong.
        let reason: String
        /// Creates a failure.
        init(_ reason: String) { self.reason = reason }
    }

    /// Lower-case hex of a digest.
    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A fresh nonce of 24 random bytes in base64.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
    }
}
