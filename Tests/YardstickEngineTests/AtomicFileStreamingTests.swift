import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickEngine

/// `AtomicFile.write(to:streaming:)`: an output written piece by piece as it is made, flushed
/// to disk in the background while it grows, and still all-or-nothing.
@Suite struct AtomicFileStreamingTests {
    @Test func piecesAreWrittenInOrderAndReplaceTheFile() throws {
        let scratch = try TemporaryDirectory(prefix: "atomic-stream")
        let path = scratch.path + "/score.csv"
        try AtomicFile.write("old\n", to: path)
        let flushes = try AtomicFile.write(to: path) { write in
            write(Array("period,total\n".utf8)) && write([]) && write(Array("2017-10,88.6\n".utf8))
        }
        #expect(flushes == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "period,total\n2017-10,88.6\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["score.csv"])
    }

    /// 20 pieces of 1 MiB: a background flush starts after each 8 MiB (after the 8th and the
    /// 16th piece), and the file is every piece in order.
    @Test func aLargeOutputIsFlushedInTheBackgroundWhileItIsWritten() throws {
        let scratch = try TemporaryDirectory(prefix: "atomic-stream")
        let path = scratch.path + "/big.csv"
        let pieces = (0..<20).map { index in [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: 1 << 20) }
        let flushes = try AtomicFile.write(to: path) { write in pieces.allSatisfy(write) }
        #expect(flushes == 2)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == pieces.flatMap { $0 })
    }

    /// A producer that gives up leaves the old file as it was, and no temporary file.
    @Test func aProducerThatGivesUpLeavesTheFileAsItWas() throws {
        let scratch = try TemporaryDirectory(prefix: "atomic-stream")
        let path = scratch.path + "/score.csv"
        try AtomicFile.write("old\n", to: path)
        #expect {
            try AtomicFile.write(to: path) { write in
                _ = write(Array("half".utf8))
                return false
            }
        } throws: { error in
            (error as? AtomicFileError)?.description.hasPrefix("cannot write \(path): write failed") == true
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["score.csv"])
    }
}
