import Foundation
import Testing
import YardstickTestSupport

/// Temporary folders of the tests exist while in use and are gone afterwards, whichever way
/// their owner ends.
@Suite struct TemporaryDirectoryTests {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func folderIsCreatedUnderTheTemporaryDirectoryAndRemovedWhenReleased() throws {
        var directory: TemporaryDirectory? = try TemporaryDirectory(prefix: "support")
        let path = try #require(directory?.path)
        #expect(path.hasPrefix(NSTemporaryDirectory()))
        #expect(path.contains("/yardstick-support-"))
        #expect(Self.exists(path))
        #expect(TemporaryDirectoryRegistry.shared.registeredPaths.contains(path))
        directory = nil
        #expect(!Self.exists(path))
        #expect(!TemporaryDirectoryRegistry.shared.registeredPaths.contains(path))
    }

    @Test func writeCreatesTheFoldersOnTheWayAndReturnsTheAbsolutePath() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("名称\n", to: "data/deep/names.csv")
        #expect(file == directory.path + "/data/deep/names.csv")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "名称\n")
        try directory.write(["a.txt": "1", "b/c.txt": "2"])
        #expect(try String(contentsOfFile: directory.path("b/c.txt"), encoding: .utf8) == "2")
        #expect(Self.exists(try directory.makeFolder("empty/inner")))
    }

    @Test func writingOverAFolderFailsWithThePathAndTheOperation() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder("taken")
        #expect {
            try directory.write("x", to: "taken")
        } throws: { error in
            guard let error = error as? TemporaryDirectoryError else { return false }
            return error.operation == "write the file" && error.path == directory.path("taken")
                && error.description.hasPrefix("cannot write the file \(directory.path("taken")): ")
        }
    }

    @Test func scopedFolderIsRemovedWhenTheBodyReturnsOrThrows() throws {
        let kept = try withTemporaryDirectory { directory in
            try directory.write("x", to: "file.txt")
            #expect(Self.exists(directory.path("file.txt")))
            return directory.path
        }
        #expect(!Self.exists(kept))
        struct Stop: Error { var path: String }
        do {
            try withTemporaryDirectory { directory in throw Stop(path: directory.path) }
            Issue.record("the body's error was not rethrown")
        } catch let stop as Stop {
            #expect(!Self.exists(stop.path))
        }
    }

    @Test func registryRemovesWhatIsStillRegistered() throws {
        let path = NSTemporaryDirectory() + "yardstick-registry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let registry = TemporaryDirectoryRegistry.shared
        registry.register(path)
        #expect(registry.registeredPaths.contains(path))
        registry.remove(path)
        #expect(!Self.exists(path))
        #expect(!registry.registeredPaths.contains(path))
    }
}
