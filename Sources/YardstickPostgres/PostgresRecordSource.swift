import Foundation
import PostgresNIO
import YardstickData
import YardstickLocalization

/// The rows of one table or query of a PostgreSQL database, as a ``RecordSource``.
///
/// Made by ``PostgresSourceOpener`` once the relation's columns are known and the read is
/// planned (``PostgresReadPlan``). ``forEachRow(into:)`` opens its own connection on a thread
/// of its own — ``PostgresWireConnection`` running `COPY … TO STDOUT (FORMAT binary)`, or over
/// TLS postgres-nio's extended query on an event loop of its own — and streams: as each row
/// arrives, that thread decodes it into the text cells of a ``DecodedRowBatch``
/// (``PostgresRowDecoder``), and full batches go through a
/// ``RowBatchChannel`` holding a few at most to the loader's thread, which lends each row to
/// the loader and gives the batch back for reuse. Decoding and loading so run side by side,
/// with nothing allocated or synchronised per row. A big table is read in ranges of pages on
/// several connections at once (``segments(_:)``). Row numbers are 1-based ordinals in the
/// whole result.
struct PostgresRecordSource: RecordSource {
    /// Rows per batch handed from the reading thread to the loader's thread.
    static let batchSize = 2048

    /// How to connect.
    let connector: PostgresConnector
    /// The statement and how its columns are decoded.
    let plan: PostgresReadPlan
    /// Where errors are located (`crm:deals`).
    let file: String
    /// Where the source is declared, appended to source-level messages.
    let origin: String
    /// The byte written between whole and fraction of a numeric.
    let decimalSeparator: UInt8
    /// The planner's estimate of the rows read; 0 for a query or an unanalysed table.
    var estimatedRowCount: Int
    /// Where the read is recorded, if anywhere.
    let statistics: PostgresLoadStatistics?
    /// The table's pages as the planner last counted them (`pg_class.relpages`); 0 for a
    /// query or an unanalysed table.
    var pages = 0
    /// The fewest pages a table must have to be read in ranges on several connections.
    var minimumSegmentPages = PostgresRecordSource.defaultMinimumSegmentPages
    /// The range of pages this source reads (`first ..< end`, `end` nil for the rest of the
    /// table) and its place among the ranges; nil for the whole table.
    var segment: (first: Int, end: Int?, index: Int, count: Int)?

    /// How the rows travel: binary COPY over ``PostgresWireConnection`` unless TLS or the
    /// authentication method needs postgres-nio, or always postgres-nio (tests compare both).
    var transfer = PostgresTransferPreference.automatic

    /// 16 MiB of pages: below that, a second connection costs more than it saves.
    static let defaultMinimumSegmentPages = 2048

    /// A big table cut into `count` ranges of pages, each read on its own connection (a TID
    /// range scan) in parallel by the loader and appended in order, which is the order of a
    /// sequential scan of the whole table; the source itself for a query, a small table or
    /// `count` below 2.
    func segments(_ count: Int) -> [PostgresRecordSource] {
        guard count > 1, segment == nil, plan.table != nil, pages >= max(minimumSegmentPages, count) else {
            return [self]
        }
        let step = pages / count
        return (0..<count).map { index in
            var part = self
            part.segment = (index * step, index == count - 1 ? nil : (index + 1) * step, index, count)
            part.estimatedRowCount = estimatedRowCount / count
            return part
        }
    }

    /// The result's column names.
    var header: [String] { plan.columns }

    /// Text values may hold NUL bytes only if the server let them in; PostgreSQL's text types
    /// refuse NUL, but `bytea` cast to text does not reach here with one either. Checked anyway,
    /// as for every database source.
    var mayContainNUL: Bool { true }

    /// A rejected row is named by its `id` too: its ordinal in the result says little.
    var namesRowsByKey: Bool { true }

    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError) {
        let channel = RowBatchChannel()
        let connector = self.connector
        let sql = segment.flatMap { plan.sql(pages: $0.first, until: $0.end) } ?? plan.sql
        // A later range numbers its rows after those stored before it, counted first.
        let countSQL = segment.flatMap { $0.first > 0 ? plan.countSQL(before: $0.first) : nil }
        let filler = BatchFiller(
            channel: channel, decoder: PostgresRowDecoder(kinds: plan.kinds, decimalSeparator: decimalSeparator))
        let transfer = TransferBox()
        let copySQL = "COPY " + PostgresReadPlan.subquery(sql) + " TO STDOUT (FORMAT binary)"
        let width = plan.kinds.count
        let preference = self.transfer
        // The connection is read on a thread of its own, so that decoding on it, and waiting on
        // it while the loader is behind, holds up no other read.
        let reader = Thread {
            if preference != .extendedQuery {
                do {
                    let connection = try PostgresWireConnection.open(
                        server: connector.server, password: connector.password)
                    defer { connection.close() }
                    if let countSQL { channel.setRowsBefore(try connection.count(countSQL)) }
                    var tuples = PostgresCopyReader(width: width)
                    try connection.copyOut(copySQL) { chunk in
                        do {
                            try tuples.feed(chunk) { cells in try filler.add(cells) }
                        } catch let malformed as PostgresCopyReader.Malformed {
                            throw PostgresSourceProblem.unreadable(
                                reason: tr("the COPY data is malformed: %@", malformed.reason))
                        }
                    }
                    guard tuples.finished else {
                        throw PostgresSourceProblem.unreadable(
                            reason: tr("the COPY data is malformed: %@", "no trailer"))
                    }
                    transfer.set(.copyBinary)
                    filler.flush()
                    channel.finish()
                    return
                } catch is PostgresWireConnection.Refusal {
                    // TLS or an authentication method only postgres-nio speaks: read through it.
                } catch {
                    channel.finish(throwing: error)
                    return
                }
            }
            transfer.set(.extendedQuery)
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            defer { try? group.syncShutdownGracefully() }
            do {
                let connection = try connector.connect(on: group.next())
                defer { _ = try? connection.close().wait() }
                if let countSQL {
                    let counted = try connection.query(
                        PostgresQuery(unsafeSQL: countSQL), logger: PostgresConnector.logger
                    )
                    .wait()
                    for row in counted.rows { channel.setRowsBefore(Int(try row.decode(Int64.self))) }
                }
                _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresConnector.logger) { row in
                    try filler.add(row)
                }.wait()
                filler.flush()
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        reader.name = "yardstick.postgres.rows"
        reader.start()
        var number = 0
        var read = 0
        do {
            while let batch = try channel.take() {
                if read == 0 { number = channel.rowsBefore }
                read += batch.rows
                for index in 0..<batch.rows {
                    number += 1
                    consumer.consume(batch.row(index, number: number))
                }
                channel.recycle(batch)
            }
        } catch {
            channel.abandon()
            var located = PostgresSourceProblem.classify(error).sourceError(file: file, origin: origin)
            if read > 0 { located.row = number + 1 }
            throw located
        }
        statistics?.record(
            PostgresLoadStatistics.Read(
                source: file, sql: sql, columns: plan.columns, windowed: plan.windowed, rows: read,
                segment: segment.map { ($0.index, $0.count) }, batches: filler.batches, transfer: transfer.value))
    }
}

/// Decodes the rows of one read into batches on the reading thread (or the connection's event
/// loop) and queues each full batch; touched by that thread alone until the read ends.
final class BatchFiller: @unchecked Sendable {
    let channel: RowBatchChannel
    let decoder: PostgresRowDecoder
    private var batch: DecodedRowBatch?
    /// The batches queued so far.
    private(set) var batches = 0

    init(channel: RowBatchChannel, decoder: PostgresRowDecoder) {
        self.channel = channel
        self.decoder = decoder
    }

    /// Decodes a row into the current batch, queueing the batch when full.
    ///
    /// - Throws: `CancellationError` when the loader gave up, which ends the query.
    func add(_ row: PostgresRow) throws {
        let current = batch ?? channel.emptyBatch { makeBatch() }
        decoder.decode(row, into: current)
        try queueIfFull(current)
    }

    /// A new, empty batch.
    private func makeBatch() -> DecodedRowBatch {
        DecodedRowBatch(width: decoder.kinds.count, rowCapacity: PostgresRecordSource.batchSize)
    }

    /// Queues `current` when full, else keeps it as the batch to fill.
    @inline(__always)
    private func queueIfFull(_ current: DecodedRowBatch) throws {
        if current.isFull {
            batch = nil
            batches += 1
            guard channel.put(current) else { throw CancellationError() }
        } else {
            batch = current
        }
    }

    /// Decodes a binary COPY tuple into the current batch, queueing the batch when full.
    ///
    /// - Throws: `CancellationError` when the loader gave up, which ends the read.
    func add(_ cells: borrowing PostgresCopyReader.Cells) throws {
        let current = batch ?? channel.emptyBatch { makeBatch() }
        decoder.decode(cells, into: current)
        try queueIfFull(current)
    }

    /// Queues the last, partly filled batch.
    func flush() {
        guard let last = batch, last.rows > 0 else { return }
        batch = nil
        batches += 1
        _ = channel.put(last)
    }
}

/// How a ``PostgresRecordSource`` reads its rows.
package enum PostgresTransferPreference: Sendable, Equatable {
    /// Binary COPY over ``PostgresWireConnection``; postgres-nio's extended query when TLS or
    /// the authentication method needs it.
    case automatic
    /// Always postgres-nio's extended query (tests compare the two).
    case extendedQuery
}

/// The transfer a read used, set by its reading thread and read after the rows.
private final class TransferBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = PostgresLoadStatistics.Read.Transfer.extendedQuery

    var value: PostgresLoadStatistics.Read.Transfer {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ transfer: PostgresLoadStatistics.Read.Transfer) {
        lock.lock()
        stored = transfer
        lock.unlock()
    }
}
