import Foundation
import Testing
import YardstickTestSupport

/// Golden files compare exactly and say where the texts first differ.
@Suite struct GoldenFileTests {
    @Test func equalTextsHaveNoDifference() {
        #expect(GoldenMismatch.Difference.between(expected: "a\nb\n", actual: "a\nb\n") == nil)
    }

    @Test func firstDifferingLineIsReportedWithBothSides() {
        #expect(
            GoldenMismatch.Difference.between(expected: "a\nb\nc\n", actual: "a\nB\nc\n")
                == .line(number: 2, expected: "b", actual: "B"))
    }

    @Test func aMissingFinalNewlineIsADifference() {
        #expect(
            GoldenMismatch.Difference.between(expected: "a\n", actual: "a")
                == .line(number: 2, expected: "", actual: nil))
    }

    @Test func extraLinesAreReportedAgainstTheEndOfTheText() {
        #expect(
            GoldenMismatch.Difference.between(expected: "a", actual: "a\nb")
                == .line(number: 2, expected: nil, actual: "b"))
    }

    @Test func verifyPassesOnTheRecordedTextAndFailsOtherwise() throws {
        try withTemporaryDirectory { directory in
            let path = try directory.write("x = 1\n", to: "golden.txt")
            let golden = GoldenFile(path)
            #expect(golden.path == path)
            #expect(golden.recorded() == "x = 1\n")
            guard !GoldenFile.isRecording else { return }
            try golden.verify("x = 1\n")
            #expect {
                try golden.verify("x = 2\n")
            } throws: { error in
                let mismatch = error as? GoldenMismatch
                return mismatch?.difference == .line(number: 1, expected: "x = 1", actual: "x = 2")
                    && mismatch?.description.contains("YARDSTICK_RECORD_GOLDEN=1") == true
                    && mismatch?.description.hasPrefix(path + ":1: ") == true
            }
        }
    }

    @Test func aMissingGoldenFileIsAFailureUnlessRecording() throws {
        try withTemporaryDirectory { directory in
            let golden = GoldenFile(directory.path("none.txt"))
            #expect(golden.recorded() == nil)
            guard !GoldenFile.isRecording else { return }
            #expect {
                try golden.verify("anything")
            } throws: { error in
                (error as? GoldenMismatch)?.difference == .missing
            }
        }
    }

    @Test func relativePathsAreUnderTheRepositoryRoot() {
        #expect(GoldenFile("Tests/x.txt").path == RepositoryRoot.path + "/Tests/x.txt")
        #expect(FileManager.default.fileExists(atPath: RepositoryRoot.path("Package.swift")))
    }
}
