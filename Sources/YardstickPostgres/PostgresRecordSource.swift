import PostgresNIO
import YardstickData

/// The rows of one table or query of a PostgreSQL database, as a ``RecordSource``.
///
/// Made by ``PostgresSourceOpener`` once the relation's columns are known and the read is
/// planned (``PostgresReadPlan``). ``forEachRow(into:)`` opens its own connection, runs the
/// statement over the extended protocol (results in binary), and streams: a task reads the
/// rows off the connection in batches into a ``RowBatchChannel`` that holds a few batches at
/// most, and the loader's thread decodes each row into reused buffers
/// (``PostgresRowDecoder``) and hands it on. Row numbers are 1-based ordinals in the result.
struct PostgresRecordSource: RecordSource {
    /// Rows per batch handed from the reading task to the loader's thread.
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
    /// The planner's estimate of the table's rows; 0 for a query or an unanalysed table.
    let estimatedRowCount: Int
    /// Where the read is recorded, if anywhere.
    let statistics: PostgresLoadStatistics?

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
        let sql = plan.sql
        let batchSize = Self.batchSize
        // The reading task runs on a thread of its own: the loader's thread blocks in `take()`,
        // and may be one of Swift's cooperative threads (ThreadTaskExecutor says why).
        startOnOwnThread(name: "yardstick.postgres.rows") {
            do {
                try await connector.withConnection { connection in
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: sql), logger: PostgresConnector.logger)
                    var batch: [PostgresRow] = []
                    batch.reserveCapacity(batchSize)
                    for try await row in rows {
                        batch.append(row)
                        if batch.count == batchSize {
                            guard await channel.put(batch) else { return }
                            batch = []
                            batch.reserveCapacity(batchSize)
                        }
                    }
                    if !batch.isEmpty { _ = await channel.put(batch) }
                }
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        let decoder = PostgresRowDecoder(kinds: plan.kinds, decimalSeparator: decimalSeparator)
        let width = plan.kinds.count
        var number = 0
        do {
            while let batch = try channel.take() {
                for row in batch {
                    number += 1
                    decoder.decode(row)
                    consumer.consume(
                        PostgresRecordRow(number: number, count: width, bytes: decoder.bytes, spans: decoder.spans))
                }
            }
        } catch {
            channel.abandon()
            var located = PostgresSourceProblem.classify(error).sourceError(file: file, origin: origin)
            if number > 0 { located.row = number + 1 }
            throw located
        }
        statistics?.record(
            PostgresLoadStatistics.Read(
                source: file, sql: sql, columns: plan.columns, windowed: plan.windowed, rows: number))
    }
}
