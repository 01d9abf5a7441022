import Foundation
import GRDB
import YardstickLocalization

/// Results of past runs in a SQLite file inside the workspace (`.yardstick/history.sqlite`),
/// for trends across periods.
///
/// Each ``record(_:results:)`` writes one run's figures in a single transaction: for every
/// period it holds, the figures already recorded for the same model and model version, the same
/// grains and the same indicators are replaced, never duplicated, and a run that is killed or
/// fails before the commit leaves the file as it was. A figure is identified by model, model
/// version, period, grain, subject and indicator (a unique key of the table).
///
/// ```swift
/// let store = try HistoryStore(path: HistoryStore.path(ofWorkspace: directory))
/// for point in try store.trend(subject: "u1", indicator: "won_revenue") {
///     print(point.result.period, point.result.value ?? .nan)
/// }
/// ```
public struct HistoryStore: Sendable {
    /// The indicator id under which a scored subject's total score is recorded (ids of
    /// indicators are file names and never start with `@`).
    public static let totalIndicator = "@total"

    /// The history file of a workspace folder.
    public static func path(ofWorkspace directory: String) -> String {
        (directory as NSString).appendingPathComponent(".yardstick/history.sqlite")
    }

    /// The file.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the history file at `path`, creating it (and its folder) when it does not exist.
    ///
    /// - Throws: ``HistoryError`` when the file cannot be created or is not a history file.
    public init(path: String) throws(HistoryError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.label = "yardstick.history"
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw HistoryError(path: path, message: Self.describe(error))
        }
    }

    /// Opens an existing history file read-only.
    ///
    /// - Throws: ``HistoryError`` when there is no file (nothing was recorded) or it cannot be
    ///   read.
    public static func existing(path: String) throws(HistoryError) -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HistoryError(
                path: path, message: tr("no history recorded yet (record with `run --record` or `score --record`)"))
        }
        return try HistoryStore(path: path)
    }

    /// The schema, one migration per change.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                      id TEXT PRIMARY KEY NOT NULL,
                      recorded_at TEXT NOT NULL,
                      command TEXT NOT NULL,
                      model TEXT NOT NULL,
                      model_version TEXT NOT NULL
                    );
                    CREATE TABLE results (
                      model TEXT NOT NULL,
                      model_version TEXT NOT NULL,
                      period TEXT NOT NULL,
                      period_start TEXT NOT NULL,
                      period_end TEXT NOT NULL,
                      grain TEXT NOT NULL,
                      subject TEXT NOT NULL,
                      subject_name TEXT NOT NULL,
                      indicator TEXT NOT NULL,
                      status TEXT NOT NULL,
                      value REAL,
                      value_text TEXT NOT NULL,
                      reason TEXT,
                      score REAL,
                      run_id TEXT NOT NULL REFERENCES runs(id),
                      PRIMARY KEY (model, model_version, period, grain, subject, indicator)
                    );
                    CREATE INDEX results_by_subject ON results(subject, indicator, period_start);
                    CREATE INDEX results_by_indicator ON results(indicator, period_start);
                    """)
        }
        migrator.registerMigration("v2: units") { db in
            // The indicator's unit (`money`, `percent`, …), so that `history` shows figures as
            // the run's tables do; NULL for figures recorded before units were kept, and for
            // totals.
            try db.execute(sql: "ALTER TABLE results ADD COLUMN unit TEXT")
        }
        return migrator
    }

    /// Records one run's figures in one transaction, replacing what an earlier run recorded for
    /// the same model and version, period, grain and indicator.
    ///
    /// - Returns: The number of earlier figures replaced.
    /// - Throws: ``HistoryError`` when the file cannot be written; nothing is then changed.
    @discardableResult
    public func record(_ run: HistoryRun, results: [HistoryResult]) throws(HistoryError) -> Int {
        try record(run, results: results, failingAfter: nil)
    }

    /// ``record(_:results:)`` with a test hook: throws after inserting `failingAfter` figures,
    /// inside the transaction.
    func record(_ run: HistoryRun, results: [HistoryResult], failingAfter: Int?) throws(HistoryError) -> Int {
        do {
            return try queue.write { db -> Int in
                try db.execute(
                    sql: "INSERT INTO runs (id, recorded_at, command, model, model_version) VALUES (?, ?, ?, ?, ?)",
                    arguments: [run.id, Self.timestamp(run.recordedAt), run.command, run.model, run.modelVersion])
                let scopes = Set(results.map { Scope(period: $0.period, grain: $0.grain, indicator: $0.indicator) })
                var replaced = 0
                let delete = try db.makeStatement(
                    sql: """
                        DELETE FROM results WHERE model = ? AND model_version = ? AND period = ? AND grain = ?
                          AND indicator = ?
                        """)
                for scope in scopes {
                    try delete.execute(
                        arguments: [run.model, run.modelVersion, scope.period, scope.grain, scope.indicator])
                    replaced += db.changesCount
                }
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO results (model, model_version, period, period_start, period_end, grain, subject,
                          subject_name, indicator, status, value, value_text, reason, score, run_id, unit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for (index, result) in results.enumerated() {
                    if let failingAfter, index == failingAfter {
                        throw HistoryError(path: path, message: tr("interrupted after %@ figures (test hook)", index))
                    }
                    let value = result.value.flatMap { $0.isFinite ? $0 : nil }
                    let score = result.score.flatMap { $0.isFinite ? $0 : nil }
                    try insert.execute(arguments: [
                        run.model, run.modelVersion, result.period, result.periodStart, result.periodEnd, result.grain,
                        result.subject, result.subjectName, result.indicator, result.status, value, result.valueText,
                        result.reason, score, run.id, result.unit,
                    ])
                }
                // Runs whose every figure was replaced are forgotten.
                try db.execute(sql: "DELETE FROM runs WHERE id NOT IN (SELECT DISTINCT run_id FROM results)")
                return replaced
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(path: path, message: Self.describe(error))
        }
    }

    /// The figures matching `query`, ordered by subject, indicator, model and version, then by
    /// period (first day, then label).
    ///
    /// - Throws: ``HistoryError`` when the file cannot be read.
    public func results(matching query: HistoryQuery) throws(HistoryError) -> [HistoryPoint] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for (column, value) in [
            ("r.subject", query.subject), ("r.indicator", query.indicator), ("r.model", query.model),
            ("r.grain", query.grain),
        ] {
            if let value {
                conditions.append("\(column) = ?")
                arguments.append(value)
            }
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT r.period, r.period_start, r.period_end, r.grain, r.subject, r.subject_name, r.indicator,
              r.status, r.value, r.value_text, r.reason, r.score, r.model, r.model_version, r.run_id, runs.recorded_at,
              r.unit
            FROM results r JOIN runs ON runs.id = r.run_id
            \(filter)
            ORDER BY r.grain, r.subject, r.indicator, r.model, r.model_version, r.period_start, r.period_end, r.period
            """
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                    HistoryPoint(
                        result: HistoryResult(
                            period: row[0], periodStart: row[1], periodEnd: row[2], grain: row[3], subject: row[4],
                            subjectName: row[5], indicator: row[6], status: row[7], value: row[8],
                            valueText: row[9], reason: row[10], score: row[11], unit: row[16]),
                        model: row[12], modelVersion: row[13], runID: row[14],
                        recordedAt: Self.date(row[15]) ?? Date(timeIntervalSince1970: 0))
                }
            }
        } catch {
            throw HistoryError(path: path, message: Self.describe(error))
        }
    }

    /// One subject's figures of one indicator across periods, oldest period first: the trend
    /// a report draws. With `model`, only that model's figures (all of its versions).
    ///
    /// - Throws: ``HistoryError`` when the file cannot be read.
    public func trend(subject: String, indicator: String, model: String? = nil) throws(HistoryError) -> [HistoryPoint] {
        try results(matching: HistoryQuery(subject: subject, indicator: indicator, model: model))
    }

    /// The number of runs whose figures are still recorded.
    ///
    /// - Throws: ``HistoryError`` when the file cannot be read.
    public func runCount() throws(HistoryError) -> Int {
        do {
            return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") ?? 0 }
        } catch {
            throw HistoryError(path: path, message: Self.describe(error))
        }
    }

    /// What one run replaces: a period's figures of one grain and indicator.
    private struct Scope: Hashable {
        var period: String
        var grain: String
        var indicator: String
    }

    /// `2026-11-29T21:45:00Z`.
    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    private static func date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return "SQLite: \(error.message ?? "\(error.resultCode)")" }
        return "\(error)"
    }
}
