import Testing

@testable import YardstickPostgres

/// The answers to PostgreSQL's password requests, checked against worked examples.
@Suite struct PostgresPasswordProofTests {
    /// RFC 7677, section 3: user `user`, password `pencil`, 4096 iterations.
    @Test func scramSHA256MatchesTheRFCExample() throws {
        var exchange = PostgresPasswordProof.SCRAM(clientNonce: "rOprNGfwEbeRWgbNEkqO", password: "pencil")
        exchange.user = "user"
        #expect(exchange.clientFirst == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let final = try exchange.clientFinal(serverFirst: serverFirst)
        #expect(
            final.message
                == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        )
        #expect(
            PostgresPasswordProof.SCRAM.verify(
                serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", expected: final.serverSignature))
        #expect(
            !PostgresPasswordProof.SCRAM.verify(
                serverFinal: "v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", expected: final.serverSignature))
    }

    @Test func aServerNonceThatDoesNotExtendTheClientsIsRefused() {
        let exchange = PostgresPasswordProof.SCRAM(clientNonce: "abc", password: "pencil")
        #expect(throws: PostgresPasswordProof.Failure.self) {
            try exchange.clientFinal(serverFirst: "r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
        }
        #expect(throws: PostgresPasswordProof.Failure.self) {
            try exchange.clientFinal(serverFirst: "r=abc123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0")
        }
    }

    /// `md5` + md5(md5(password + user) in hex + salt) in hex, as computed by Python's hashlib.
    @Test func md5AnswerIsTheDoubleDigestWithTheSalt() {
        #expect(
            PostgresPasswordProof.md5(user: "user", password: "pencil", salt: [1, 2, 3, 4])
                == "md54376eb6913b38f9aaff38dc7cf19ca76")
    }

    @Test func noncesAreFreshAndCommaFree() {
        let first = PostgresPasswordProof.nonce()
        #expect(first != PostgresPasswordProof.nonce())
        #expect(!first.contains(",") && first.count == 32)
    }
}
