import Foundation
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickPacks

@Suite struct PackResolverTests {
    /// Locations `w` (workspace), `p` (a path), `u` (user), `s` (shipped) in a temporary folder.
    private func locations(_ directory: TemporaryDirectory) -> PackLocations {
        PackLocations([
            .init(folder: directory.path("w"), source: .workspace), .init(folder: directory.path("p"), source: .path),
            .init(folder: directory.path("u"), source: .user), .init(folder: directory.path("s"), source: .shipped),
        ])
    }

    private func resolve(_ directory: TemporaryDirectory, _ requirements: [PackRequirement]) throws -> [ResolvedPack] {
        try PackResolver(catalog: PackCatalog(scanning: locations(directory))).resolve(requirements)
    }

    @Test func workspacePackIsPreferredOverTheSameVersionElsewhere() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a", version: "1.5.0"))
        try PackFixture.writePack(in: directory, at: "u/a", manifest: PackFixture.manifest(name: "a", version: "1.1.0"))
        try PackFixture.writePack(in: directory, at: "w/a", manifest: PackFixture.manifest(name: "a", version: "1.0.0"))
        let resolved = try resolve(directory, [PackRequirement(name: "a", origin: "test")])
        #expect(resolved.map(\.pack.source) == [.workspace])
    }

    @Test func earlierPlaceIsSkippedWhenItsVersionIsOutOfRange() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(in: directory, at: "w/a", manifest: PackFixture.manifest(name: "a", version: "1.0.0"))
        try PackFixture.writePack(in: directory, at: "p/a", manifest: PackFixture.manifest(name: "a", version: "2.1.0"))
        try PackFixture.writePack(in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a", version: "2.3.0"))
        let resolved = try resolve(
            directory, [PackRequirement(name: "a", range: VersionRange("^2.0")!, origin: "test")])
        #expect(resolved.first?.pack.manifest.version == SemanticVersion(2, 1, 0))
        #expect(resolved.first?.pack.source == .path)
    }

    @Test func dependenciesComeFirstAndTheirRangesCount() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "s/top", manifest: PackFixture.manifest(name: "top", dependencies: ["base": "^1.2"]))
        try PackFixture.writePack(
            in: directory, at: "w/base", manifest: PackFixture.manifest(name: "base", version: "1.0.0"))
        try PackFixture.writePack(
            in: directory, at: "s/base", manifest: PackFixture.manifest(name: "base", version: "1.4.0"))
        let resolved = try resolve(directory, [PackRequirement(name: "top", origin: "test")])
        #expect(resolved.map(\.name) == ["base", "top"])
        #expect(resolved.first?.pack.manifest.version == SemanticVersion(1, 4, 0))
    }

    @Test func missingPackNamesWhoAskedAndWhatExists() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a"))
        let error = try #require(throws: PackError.self) {
            try resolve(directory, [PackRequirement(name: "nope", origin: "--plugins")])
        }
        #expect(error.code == .missingPack)
        #expect(error.message == "no pack named nope (asked * by --plugins; found: a)")
    }

    @Test func versionConflictListsTheRangesAndTheVersions() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "s/top", manifest: PackFixture.manifest(name: "top", dependencies: ["base": "^2.0"]))
        try PackFixture.writePack(
            in: directory, at: "s/base", manifest: PackFixture.manifest(name: "base", version: "1.4.0"))
        let error = try #require(throws: PackError.self) {
            try resolve(
                directory,
                [
                    PackRequirement(name: "top", origin: "yardstick.toml"),
                    PackRequirement(name: "base", origin: "yardstick.toml"),
                ])
        }
        #expect(error.code == .versionConflict)
        #expect(
            error.message
                == "no version of pack base satisfies * by yardstick.toml, ^2.0 by pack top 1.0.0 (available: 1.4.0 (shipped))"
        )
    }

    @Test func dependencyCycleIsNamed() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a", dependencies: ["b": "*"]))
        try PackFixture.writePack(
            in: directory, at: "s/b", manifest: PackFixture.manifest(name: "b", dependencies: ["c": "*"]))
        try PackFixture.writePack(
            in: directory, at: "s/c", manifest: PackFixture.manifest(name: "c", dependencies: ["a": "*"]))
        let error = try #require(throws: PackError.self) {
            try resolve(directory, [PackRequirement(name: "a", origin: "t")])
        }
        #expect(error.code == .dependencyCycle)
        #expect(error.message == "packs depend on each other in a circle: a → b → c → a")
    }

    @Test func hostAPIOutOfRangeIsRefused() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a", hostAPI: "^2.0"))
        let error = try #require(throws: PackError.self) {
            try resolve(directory, [PackRequirement(name: "a", origin: "t")])
        }
        #expect(error.code == .hostAPIOutOfRange)
        #expect(error.message == "pack a does not support host API 1.1.0: 1.0.0 needs ^2.0")
    }

    @Test func brokenManifestIsReportedAndTheOtherPacksStillResolve() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(in: directory, at: "s/a", manifest: PackFixture.manifest(name: "a"))
        try PackFixture.writePack(in: directory, at: "s/b", manifest: "name = \"b\"\nversion = 3\n")
        let catalog = PackCatalog(scanning: locations(directory))
        #expect(catalog.packs.map(\.name) == ["a"])
        #expect(catalog.failures.count == 1)
        #expect(catalog.failures.first?.description.contains("b/pack.toml:2: version: expected a string") == true)
    }

    @Test func standardLocationsAreWorkspacePathsUserThenShipped() {
        let locations = PackLocations.standard(
            workspace: "/ws", paths: ["../team-packs", "/abs/packs"],
            environment: ["YARDSTICK_PACKS": "/srv/me/packs", "YARDSTICK_PLUGINS": "/opt/yardstick/plugins"],
            executable: nil)
        #expect(
            locations.locations.map(\.folder) == [
                "/ws/packs", "/team-packs", "/abs/packs", "/srv/me/packs", "/opt/yardstick/plugins",
            ])
        #expect(locations.locations.map(\.source) == [.workspace, .path, .path, .user, .shipped])
    }

    @Test func userFolderDefaultsToTheXDGDataFolder() {
        #expect(PackLocations.userFolder(environment: ["HOME": "/srv/me"]) == "/srv/me/.local/share/yardstick/packs")
        #expect(PackLocations.userFolder(environment: ["XDG_DATA_HOME": "/data"]) == "/data/yardstick/packs")
    }

    @Test func shippedPacksAreFoundFromAnInstalledExecutable() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.makeFolder("prefix/share/yardstick/plugins")
        _ = try directory.write("", to: "prefix/bin/yardstick")
        let found = PackLocations.shippedFolder(environment: [:], executable: directory.path("prefix/bin/yardstick"))
        #expect(
            found == URL(fileURLWithPath: directory.path("prefix/share/yardstick/plugins")).standardizedFileURL.path)
    }

    @Test func shippedPacksAreFoundFromABuildFolderOfTheCheckout() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("// package", to: "checkout/Package.swift")
        _ = try directory.makeFolder("checkout/plugins")
        _ = try directory.write("", to: "checkout/.build/x86_64-unknown-linux-gnu/debug/yardstick")
        let found = PackLocations.shippedFolder(
            environment: [:], executable: directory.path("checkout/.build/x86_64-unknown-linux-gnu/debug/yardstick"))
        #expect(found?.hasSuffix("/checkout/plugins") == true)
    }
}
