import Testing
import YardstickData
import YardstickTestSupport

/// The `table` and `query` keys of a mapping on a `kind = "sqlite"` source.
@Suite struct SQLiteMappingTests {
    static let source = """
        [sources.crm]
        kind = "sqlite"
        path = "db/crm.sqlite"

        """

    static func open(_ toml: String) throws -> Workspace {
        let folder = try TemporaryDirectory(prefix: "sqlite-mapping")
        try folder.write(Array(toml.utf8), to: "yardstick.toml")
        return try withExtendedLifetime(folder) { try Workspace.open(directory: folder.path) }
    }

    @Test func aTableMappingNamesTheDatabaseAndTableForMessages() throws {
        let workspace = try Self.open(Self.source + "[entities.users]\ntable = \"people\"\n")
        let part = try #require(workspace.entities.first { $0.entity.name == "users" }?.parts.first)
        #expect(part.database == .table("people"))
        #expect(part.displayPath == "db/crm.sqlite:people")
        #expect(part.path.hasSuffix("/db/crm.sqlite"))
        #expect(part.sourceName == "crm")
    }

    @Test func aQueryMappingIsNamedAfterItsEntity() throws {
        let workspace = try Self.open(Self.source + "[entities.users]\nquery = \"SELECT id FROM people\"\n")
        let part = try #require(workspace.entities.first { $0.entity.name == "users" }?.parts.first)
        #expect(part.database == .query("SELECT id FROM people"))
        #expect(part.displayPath == "db/crm.sqlite:users")
    }

    @Test(arguments: [
        (
            "[entities.users]\ntable = \"people\"\nquery = \"SELECT 1\"\n",
            "entities.users.query: give a table or a query for users, not both"
        ),
        ("[entities.users]\nfields = { id = \"a\" }\n", "entities.users.table: name the table (table = \"…\")"),
        (
            "[entities.users]\nfile = \"users.csv\"\n",
            "entities.users.file: file is for files; source crm is a sqlite database"
        ),
        ("[entities.users]\ntable = \"  \"\n", "entities.users.table: the table name is empty"),
    ])
    func mistakesAreNamedByKey(mapping: String, message: String) throws {
        #expect {
            _ = try Self.open(Self.source + mapping)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aTableOnAFolderSourceIsRefused() throws {
        #expect {
            _ = try Self.open("[entities.users]\ntable = \"people\"\n")
        } throws: { error in
            "\(error)".contains("entities.users.table: table is for database sources; source data is a folder")
        }
    }
}
