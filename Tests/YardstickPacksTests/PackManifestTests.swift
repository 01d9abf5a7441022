import Testing
import YardstickEngine

@testable import YardstickPacks

@Suite struct PackManifestTests {
    @Test func validManifestReadsEveryField() throws {
        let text = PackFixture.manifest(
            name: "sales-core", version: "1.2.0", dependencies: ["customer-value": "^1.0"],
            extra: """
                [parameters.active_days]
                type = "integer"
                default = 90
                doc = { en = "Window", zh = "窗口" }
                [parameters.weights]
                type = "numbers"
                default = [0.5, 0.3, 0.2]
                doc = { en = "Weights", zh = "权重" }
                """)
        let manifest = try PackManifest(parsing: text, file: "sales-core/pack.toml")
        #expect(manifest.name == "sales-core")
        #expect(manifest.version == SemanticVersion(1, 2, 0))
        #expect(manifest.titleZH == "sales-core 标题")
        #expect(manifest.hostAPI.contains(PackHostAPI.version))
        #expect(manifest.dependencies["customer-value"]?.text == "^1.0")
        #expect(manifest.parameters.map(\.name) == ["active_days", "weights"])
        #expect(manifest.defaultParameters["active_days"] == .integer(90))
        #expect(manifest.defaultParameters["weights"] == .numbers([0.5, 0.3, 0.2]))
        #expect(manifest.needs.count == 3)
    }

    /// Each broken manifest and the located message it gets.
    @Test(arguments: [
        ("name = \"x\"\nversion = \"1.0.0\"\nbogus = 1", "bogus: unknown key"),
        (PackFixture.manifest(name: "Sales"), "name: \"Sales\" is not a pack name"),
        (PackFixture.manifest(name: "x", version: "1.0"), "version: \"1.0\" is not a semantic version"),
        (PackFixture.manifest(name: "x", hostAPI: "one"), "host_api: \"one\" is not a version range"),
        (PackFixture.manifest(name: "x", dependencies: ["y": "^^1"]), "dependencies.y: \"^^1\" is not a version range"),
        (PackFixture.manifest(name: "x", dependencies: ["x": "^1"]), "dependencies.x: a pack cannot depend on itself"),
        (
            PackFixture.manifest(name: "x").replacingOccurrences(of: ", zh = \"x 标题\"", with: ""),
            "title.zh: missing"
        ),
        (
            PackFixture.manifest(
                name: "x", extra: "[parameters.days]\ntype = \"float\"\ndefault = 1\ndoc = { en = \"a\", zh = \"b\" }"),
            "parameters.days.type: unknown type \"float\""
        ),
        (
            PackFixture.manifest(
                name: "x",
                extra: "[parameters.days]\ntype = \"integer\"\ndefault = \"ninety\"\ndoc = { en = \"a\", zh = \"b\" }"),
            "parameters.days.default: expected an integer, found a string"
        ),
        (
            PackFixture.manifest(
                name: "x", extra: "[parameters.days]\ntype = \"integer\"\ndoc = { en = \"a\", zh = \"b\" }"),
            "parameters.days.default: missing: every parameter has a default"
        ),
        (
            PackFixture.manifest(name: "x", extra: "licence = 3").replacingOccurrences(
                of: "licence = \"MIT\"\n", with: ""), "licence: expected a string"
        ),
        ("name = [", "not valid TOML"),
    ])
    func brokenManifestIsRefusedAtTheKey(text: String, message: String) throws {
        let error = try #require(throws: PackError.self) { try PackManifest(parsing: text, file: "x/pack.toml") }
        #expect(error.code == .invalidManifest)
        #expect(error.description.hasPrefix("x/pack.toml"))
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func errorCarriesTheLineOfTheKey() throws {
        let text = PackFixture.manifest(name: "x", version: "one")
        let error = try #require(throws: PackError.self) { try PackManifest(parsing: text, file: "x/pack.toml") }
        #expect(error.line == 2)
        #expect(error.key == "version")
    }
}
