import Testing

@testable import YardstickPacks

@Suite struct VersionTests {
    @Test(arguments: ["1.2.3", "0.0.1", "10.20.30", "1.0.0-beta.1", "1.0.0-rc.1+build.5"])
    func validVersionsParseAndPrintAsWritten(text: String) throws {
        let version = try #require(SemanticVersion(text))
        #expect(version.description == text)
    }

    @Test(arguments: ["1.2", "01.2.3", "1.2.3-", "1.2.3-01", "a.b.c", "1.2.3.4", "", "1.2.3+"])
    func invalidVersionsAreRefused(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func precedenceFollowsSemVer() throws {
        let ordered = [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0",
        ]
        let versions = try ordered.map { try #require(SemanticVersion($0)) }
        for (lower, higher) in zip(versions, versions.dropFirst()) { #expect(lower < higher) }
        #expect(SemanticVersion("1.0.0+a") == SemanticVersion("1.0.0+b"))
    }

    @Test(arguments: [
        ("^1.2", "1.2.0", true), ("^1.2", "1.9.9", true), ("^1.2", "2.0.0", false), ("^1.2", "1.1.9", false),
        ("1.2.3", "1.4.0", true), ("^0.2.3", "0.2.9", true), ("^0.2.3", "0.3.0", false), ("^0.0.3", "0.0.4", false),
        ("~1.2.3", "1.2.9", true), ("~1.2.3", "1.3.0", false), ("~1", "1.9.0", true),
        (">=1.0, <2.0", "1.5.0", true), (">=1.0, <2.0", "2.0.0", false), ("=1.4.2", "1.4.2", true),
        ("=1.4.2", "1.4.3", false), ("*", "7.1.0", true), ("<1.0", "0.9.9", true),
        ("^1.0", "2.0.0-beta.1", false), ("^1.0", "1.1.0-beta.1", false), (">=1.1.0-beta.1", "1.1.0-beta.2", true),
        ("*", "1.0.0-rc.1", false),
    ])
    func rangeContainsTheVersionsItShould(range: String, version: String, expected: Bool) throws {
        let parsed = try #require(VersionRange(range))
        #expect(parsed.contains(try #require(SemanticVersion(version))) == expected)
    }

    @Test(arguments: ["", "^", "^1.x", ">=1.0,", "1.2.3.4", "~>1.0"])
    func malformedRangesAreRefused(text: String) {
        #expect(VersionRange(text) == nil)
    }
}
