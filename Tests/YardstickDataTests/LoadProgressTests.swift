import Foundation
import Synchronization
import Testing

@testable import YardstickData

/// The load's progress seam: one step per source, with its rows and bytes and the totals.
@Suite struct LoadProgressTests {
    /// Collects the steps it is told.
    final class Steps: Sendable {
        let steps = Mutex<[LoadProgress.Step]>([])
        var all: [LoadProgress.Step] { steps.withLock { $0 } }
    }

    @Test func eachSourceIsReportedOnceWithItsRowsAndBytesAndTheRunningTotals() throws {
        let users = "id,name\nu1,Ann\nu2,王芳\nu3,Cy\n"
        let deals1 = "id,owner,amount\no1,u1,10\no2,u2,20\n"
        let deals2 = "id,owner,amount\no3,u3,30\n"
        let workspace = try TemporaryWorkspace(
            toml: """
                [workspace]
                name = "Progress"
                [entities.users]
                file = "users.csv"
                [[entities.opportunities]]
                file = "deals-1.csv"
                [[entities.opportunities]]
                file = "deals-2.csv"
                """,
            text: ["users.csv": users, "deals-1.csv": deals1, "deals-2.csv": deals2])
        let collected = Steps()
        let progress = LoadProgress { step in collected.steps.withLock { $0.append(step) } }
        _ = try DataLoader(workspace: workspace.open(), options: LoadOptions(progress: progress)).load()
        let steps = collected.all
        let expectedBytes = users.utf8.count + deals1.utf8.count + deals2.utf8.count
        #expect(steps.map(\.sourcesDone) == [1, 2, 3])
        #expect(steps.allSatisfy { $0.sourcesTotal == 3 && $0.expectedBytes == expectedBytes })
        let bySource = Dictionary(uniqueKeysWithValues: steps.map { ($0.source, $0) })
        #expect(bySource["data/users.csv"]?.rows == 3)
        #expect(bySource["data/users.csv"]?.bytes == users.utf8.count)
        #expect(bySource["data/users.csv"]?.entity == "users")
        #expect(bySource["data/deals-1.csv"]?.rows == 2)
        #expect(bySource["data/deals-2.csv"]?.rows == 1)
        #expect(steps.last?.totalRows == 6)
        #expect(steps.last?.totalBytes == expectedBytes)
    }
}
