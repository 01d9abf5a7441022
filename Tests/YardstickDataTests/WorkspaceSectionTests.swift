import Foundation
import Testing
import YardstickData

/// A section another module would own: per-indicator targets, with an optional weight table.
struct TargetsSection: WorkspaceSection {
    struct Targets: Sendable, Equatable {
        var goals: [String: Double] = [:]
        var weights: [String: Double] = [:]
        var owners: [String] = []
    }

    static let key = "targets"

    static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> Targets {
        var targets = Targets()
        for name in table.keys {
            switch name {
            case "weights":
                guard let weights = try table.table(name) else { continue }
                for indicator in weights.keys {
                    guard let weight = try weights.number(indicator), weight >= 0 else {
                        throw weights.error(at: indicator, "a weight must be 0 or more")
                    }
                    targets.weights[indicator] = weight
                }
            case "owners":
                targets.owners = try table.strings(name) ?? []
            default:
                targets.goals[name] = try table.number(name)
            }
        }
        return targets
    }
}

/// A second section, to show that each module gets its own table.
struct PacksSection: WorkspaceSection {
    static let key = "packs"

    static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> [String: String] {
        try table.allowOnly(["sales", "service"])
        var versions: [String: String] = [:]
        for name in table.keys { versions[name] = try table.string(name) }
        return versions
    }
}

@Suite struct WorkspaceSectionTests {
    static let base = """
        [workspace]
        name = "Sections"

        [entities.users]
        file = "users.csv"

        """

    static var registered: WorkspaceSections {
        var sections = WorkspaceSections()
        sections.register(TargetsSection.self)
        sections.register(PacksSection.self)
        return sections
    }

    func open(_ toml: String, first: String = "", sections: WorkspaceSections = registered) throws -> Workspace {
        let workspace = try TemporaryWorkspace(
            toml: first + Self.base + toml, text: ["users.csv": "id,name\nu1,Ann\n"])
        return try Workspace.open(directory: workspace.directory, sections: sections)
    }

    func error(_ toml: String, first: String = "", sections: WorkspaceSections = registered) throws
        -> WorkspaceError?
    {
        do {
            _ = try open(toml, first: first, sections: sections)
            return nil
        } catch let error as WorkspaceError {
            return error
        }
    }

    @Test func aRegisteredSectionsTableIsParsedIntoItsTypedValue() throws {
        let workspace = try open(
            """
            [targets]
            won_revenue = 250000
            win_rate = 0.35
            owners = ["ann", "bo"]

            [targets.weights]
            won_revenue = 2
            win_rate = 1

            [packs]
            sales = "1.2.0"
            """)
        let targets = try #require(workspace.section(TargetsSection.self))
        #expect(targets.goals == ["won_revenue": 250000, "win_rate": 0.35])
        #expect(targets.weights == ["won_revenue": 2, "win_rate": 1])
        #expect(targets.owners == ["ann", "bo"])
        #expect(workspace.section(PacksSection.self) == ["sales": "1.2.0"])
        #expect(workspace.mapping(of: "users") != nil)
    }

    @Test func aSectionAbsentFromTheFileHasNoValue() throws {
        let workspace = try open("")
        #expect(workspace.section(TargetsSection.self) == nil)
        #expect(workspace.section(PacksSection.self) == nil)
    }

    @Test func anUnregisteredTableIsAnUnknownKeyListingTheKnownOnes() throws {
        let unregistered = try #require(try error("[targets]\nwon_revenue = 1\n", sections: WorkspaceSections()))
        #expect(
            unregistered.description
                == "yardstick.toml: targets: unknown key (expected one of: calendar, entities, formats, snapshot, sources, subjects, workspace)"
        )
        let misspelt = try #require(try error("[targest]\nwon_revenue = 1\n"))
        #expect(
            misspelt.description
                == "yardstick.toml: targest: unknown key (expected one of: calendar, entities, formats, packs, snapshot, sources, subjects, targets, workspace)"
        )
    }

    @Test func aSectionsTypeErrorNamesTheFileLineAndKey() throws {
        let wrongType = try #require(try error("[targets]\nwon_revenue = 1\nwin_rate = \"high\"\n"))
        #expect(wrongType.file == "yardstick.toml")
        #expect(wrongType.line == 8)
        #expect(wrongType.key == "targets.win_rate")
        #expect(wrongType.description == "yardstick.toml:8: targets.win_rate: expected a number, found a string")
    }

    @Test func aSectionsOwnErrorInANestedTableIsLocated() throws {
        let negative = try #require(
            try error(
                """
                [targets]
                won_revenue = 1

                [targets.weights]
                # a comment with = in it
                won_revenue = \"""
                  not = a key
                  \"""
                win_rate = -1
                """))
        #expect(negative.description == "yardstick.toml:14: targets.weights.win_rate: a weight must be 0 or more")
    }

    @Test func aSectionRejectsKeysItDoesNotKnowAsTheBuiltInTablesDo() throws {
        let unknown = try #require(try error("[packs]\nsales = \"1.0\"\nmarketting = \"2.0\"\n"))
        #expect(
            unknown.description
                == "yardstick.toml:8: packs.marketting: unknown key (expected one of: sales, service)")
    }

    @Test func aSectionKeyHoldingAValueInsteadOfATableIsAnError() throws {
        let scalar = try #require(try error("", first: "# packs in use\npacks = \"all\"\n"))
        #expect(scalar.description == "yardstick.toml:2: packs: expected a table, found a string")
    }

    @Test func builtInKeysCannotBeTakenBySections() async {
        await #expect(processExitsWith: .failure) {
            struct Hijack: WorkspaceSection {
                static let key = "sources"
                static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> Int { 0 }
            }
            var sections = WorkspaceSections()
            sections.register(Hijack.self)
        }
    }
}
