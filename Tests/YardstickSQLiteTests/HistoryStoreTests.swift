import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickSQLite

/// Recording runs in the history file and reading trends back.
@Suite struct HistoryStoreTests {
    static func figure(
        _ period: String, _ start: String, _ subject: String, _ indicator: String, _ value: Double?,
        score: Double? = nil
    ) -> HistoryResult {
        HistoryResult(
            period: period, periodStart: start, periodEnd: start, grain: "user", subject: subject,
            subjectName: subject.uppercased(), indicator: indicator, status: value == nil ? "missing" : "ok",
            value: value, reason: value == nil ? "no deals" : nil, score: score)
    }

    static func store() throws -> (TemporaryDirectory, HistoryStore) {
        let folder = try TemporaryDirectory(prefix: "history")
        return (folder, try HistoryStore(path: HistoryStore.path(ofWorkspace: folder.path)))
    }

    @Test func theHistoryFileLivesInTheWorkspacesYardstickFolder() throws {
        let (folder, store) = try Self.store()
        #expect(store.path == folder.path + "/.yardstick/history.sqlite")
        #expect(FileManager.default.fileExists(atPath: store.path))
    }

    @Test func reRecordingAPeriodReplacesItsFiguresAndNeverDuplicatesThem() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        try store.record(
            HistoryRun(command: "run"),
            results: [
                Self.figure("2026-09", "2026-09-01", "u1", "won", 10),
                Self.figure("2026-10", "2026-10-01", "u1", "won", 12),
                Self.figure("2026-10", "2026-10-01", "u2", "won", 7),
            ])
        let replaced = try store.record(
            HistoryRun(command: "run"),
            results: [
                Self.figure("2026-10", "2026-10-01", "u1", "won", 15),
                Self.figure("2026-10", "2026-10-01", "u2", "won", 8),
            ])
        #expect(replaced == 2)
        let trend = try store.trend(subject: "u1", indicator: "won")
        #expect(trend.map(\.result.period) == ["2026-09", "2026-10"])
        #expect(trend.map(\.result.value) == [10, 15])
        #expect(try store.results(matching: HistoryQuery()).count == 3)
        #expect(try store.runCount() == 2)
    }

    @Test func aSubjectAbsentFromTheRerunLosesThatPeriodsFigure() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        try store.record(
            HistoryRun(command: "run"),
            results: [
                Self.figure("2026-10", "2026-10-01", "u1", "won", 12),
                Self.figure("2026-10", "2026-10-01", "u2", "won", 7),
            ])
        try store.record(HistoryRun(command: "run"), results: [Self.figure("2026-10", "2026-10-01", "u1", "won", 13)])
        #expect(try store.trend(subject: "u2", indicator: "won").isEmpty)
        #expect(try store.runCount() == 1)
    }

    @Test func otherModelVersionsAndIndicatorsAreKept() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        try store.record(
            HistoryRun(command: "score", model: "sales", modelVersion: "1"),
            results: [Self.figure("2026-10", "2026-10-01", "u1", "won", 12, score: 80)])
        try store.record(
            HistoryRun(command: "score", model: "sales", modelVersion: "2"),
            results: [Self.figure("2026-10", "2026-10-01", "u1", "won", 12, score: 70)])
        try store.record(HistoryRun(command: "run"), results: [Self.figure("2026-10", "2026-10-01", "u1", "lost", 3)])
        let won = try store.trend(subject: "u1", indicator: "won")
        #expect(won.map(\.modelVersion) == ["1", "2"])
        #expect(won.map(\.result.score) == [80, 70])
        #expect(try store.trend(subject: "u1", indicator: "won", model: "sales").count == 2)
        #expect(try store.trend(subject: "u1", indicator: "lost").map(\.result.value) == [3])
    }

    @Test func trendsAreOrderedByThePeriodsFirstDayNotByRecordingOrder() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        for (period, start, value) in [
            ("2026-12", "2026-12-01", 3.0), ("2026-02", "2026-02-01", 1.0), ("2026-10", "2026-10-01", 2.0),
        ] {
            try store.record(HistoryRun(command: "run"), results: [Self.figure(period, start, "u1", "won", value)])
        }
        let trend = try store.trend(subject: "u1", indicator: "won")
        #expect(trend.map(\.result.period) == ["2026-02", "2026-10", "2026-12"])
        #expect(trend.map(\.result.value) == [1, 2, 3])
    }

    @Test func missingValuesKeepTheirReason() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        try store.record(HistoryRun(command: "run"), results: [Self.figure("2026-10", "2026-10-01", "u1", "won", nil)])
        let point = try #require(try store.trend(subject: "u1", indicator: "won").first)
        #expect(point.result.status == "missing")
        #expect(point.result.value == nil)
        #expect(point.result.valueText == "")
        #expect(point.result.reason == "no deals")
    }

    @Test func aRecordingThatFailsHalfwayLeavesTheHistoryAsItWas() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        try store.record(
            HistoryRun(id: "first", command: "run"),
            results: [
                Self.figure("2026-10", "2026-10-01", "u1", "won", 12),
                Self.figure("2026-10", "2026-10-01", "u2", "won", 7),
            ])
        #expect(throws: HistoryError.self) {
            try store.record(
                HistoryRun(id: "second", command: "run"),
                results: [
                    Self.figure("2026-10", "2026-10-01", "u1", "won", 99),
                    Self.figure("2026-10", "2026-10-01", "u2", "won", 98),
                ],
                failingAfter: 1)
        }
        let all = try store.results(matching: HistoryQuery())
        #expect(all.map(\.result.value) == [12, 7])
        #expect(all.map(\.runID) == ["first", "first"])
        #expect(try store.runCount() == 1)
    }

    @Test func readingAHistoryThatWasNeverRecordedSaysSo() throws {
        let folder = try TemporaryDirectory(prefix: "history")
        #expect {
            _ = try HistoryStore.existing(path: HistoryStore.path(ofWorkspace: folder.path))
        } throws: { error in
            "\(error)".contains("no history recorded yet")
        }
    }
}
