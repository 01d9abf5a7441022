import Foundation
import GRDB
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

    @Test func theUnitIsKeptWithEachFigure() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }
        var revenue = Self.figure("2026-10", "2026-10-01", "u1", "revenue", 1054.5)
        revenue.unit = "money"
        try store.record(
            HistoryRun(command: "run"), results: [revenue, Self.figure("2026-10", "2026-10-01", "u1", "won", 3)])
        let units = try store.results(matching: HistoryQuery()).map { [$0.result.indicator, $0.result.unit ?? "nil"] }
        #expect(units == [["revenue", "money"], ["won", "nil"]])
    }

    @Test func aHistoryRecordedBeforeUnitsWereKeptIsMigratedAndReadsWithoutThem() throws {
        let folder = try TemporaryDirectory(prefix: "history-v1")
        defer { withExtendedLifetime(folder) {} }
        let path = HistoryStore.path(ofWorkspace: folder.path)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // The first schema, as a history file written before units were kept holds it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1');
                    CREATE TABLE runs (id TEXT PRIMARY KEY NOT NULL, recorded_at TEXT NOT NULL, command TEXT NOT NULL,
                      model TEXT NOT NULL, model_version TEXT NOT NULL);
                    CREATE TABLE results (model TEXT NOT NULL, model_version TEXT NOT NULL, period TEXT NOT NULL,
                      period_start TEXT NOT NULL, period_end TEXT NOT NULL, grain TEXT NOT NULL, subject TEXT NOT NULL,
                      subject_name TEXT NOT NULL, indicator TEXT NOT NULL, status TEXT NOT NULL, value REAL,
                      value_text TEXT NOT NULL, reason TEXT, score REAL, run_id TEXT NOT NULL REFERENCES runs(id),
                      PRIMARY KEY (model, model_version, period, grain, subject, indicator));
                    INSERT INTO runs VALUES ('r1', '2026-10-31T12:00:00Z', 'run', '', '');
                    INSERT INTO results VALUES ('', '', '2026-10', '2026-10-01', '2026-10-31', 'user', 'u1', 'U1',
                      'revenue', 'ok', 1054.5, '1054.5', NULL, NULL, 'r1');
                    """)
        }
        try queue.close()
        let store = try HistoryStore(path: path)
        let old = try #require(try store.results(matching: HistoryQuery()).first)
        #expect(old.result.value == 1054.5)
        #expect(old.result.unit == nil)
        var revenue = Self.figure("2026-11", "2026-11-01", "u1", "revenue", 2000)
        revenue.unit = "money"
        try store.record(HistoryRun(command: "run"), results: [revenue])
        #expect(try store.trend(subject: "u1", indicator: "revenue").map(\.result.unit) == [nil, "money"])
    }
}
