// The evaluation benchmark's baseline: the same 13 figures as benchmarks/indicators/*.lua,
// per user and month over 2025-01..2026-12, computed by calling the Swift query engine
// directly (no Lua), the fastest way it offers: each aggregate runs once for every user and
// month (`QueryEngine.run(_:for:periods:)`), the aggregates in parallel, and Swift combines
// the ratios. Prints one JSON line:
// {"engine":"swift-direct","seconds":…,"seconds_one_month":…,"figures":…,"peak_rss_bytes":…}
// `seconds` covers evaluation only (the workspace is loaded first, untimed). With
// `--out FILE` it also writes the figures as long CSV for value-by-value comparison.
import BenchmarkSupport
import Foundation
import YardstickData
import YardstickEngine
import YardstickQuery

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: eval-benchmark WORKSPACE_DIR [--out FILE]\n".utf8))
    exit(2)
}
let outPath: String? = arguments.firstIndex(of: "--out").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }

let workspace = try Workspace.open(directory: arguments[1])
let (dataset, _) = try DataLoader(workspace: workspace).load()
let engine = QueryEngine(dataset: dataset)

@Sendable func plan(_ entity: String, _ filters: [QueryFilter]) -> QueryEngine.PreparedPlan {
    // The direct baseline binds each plan once, as the Lua layer does per VM.
    do {
        return try engine.prepare(QueryPlan(entity: entity, filters: filters))
    } catch {
        FileHandle.standardError.write(Data("cannot prepare \(entity): \(error)\n".utf8))
        exit(1)
    }
}
let won = plan("opportunities", [.compare(FieldPath("stage"), .equal, .text("won")), .during("closed_at")])
let closed = plan("opportunities", [.during("closed_at")])
let closedWon = plan("opportunities", [.during("closed_at"), .compare(FieldPath("stage"), .equal, .text("won"))])
let calls = plan("activities", [.compare(FieldPath("type"), .equal, .text("call")), .during("occurred_at")])
let visits = plan("activities", [.compare(FieldPath("type"), .equal, .text("visit")), .during("occurred_at")])
let touched = plan("activities", [.during("occurred_at")])
let resolved = plan("cases", [.during("resolved_at")])
let csat = plan("surveys", [.compare(FieldPath("type"), .equal, .text("csat")), .during("submitted_at")])
let newAccounts = plan("accounts", [.during("created_at")])
let quota = plan("quotas", [.compare(FieldPath("metric"), .equal, .text("revenue")), .during("period_start")])
let closedWonOrLost = plan(
    "opportunities", [.during("closed_at"), .oneOf(FieldPath("stage"), [.text("won"), .text("lost")], negated: false)])
let names = [
    "avg_csat", "avg_resolution_hours", "avg_sales_cycle_days", "avg_won_deal_size", "calls", "cases_resolved",
    "distinct_accounts_touched", "new_accounts", "quota_completion", "revenue", "visits", "win_rate", "won_deals",
]

@Sendable func ratio(_ a: QueryValue, _ b: QueryValue) -> QueryValue {
    guard let x = a.doubleValue, let y = b.doubleValue else { return .missing("missing") }
    return y == 0 ? .missing("division by zero") : .number(x / y)
}

let users = dataset["users"]!
let months = try Period.range("2025-01..2026-12", calendar: workspace.calendar)
guard
    let partition = SubjectPartition((0..<users.rowCount).map { .users([Int32($0)]) }, targetCount: users.rowCount)
else {
    FileHandle.standardError.write(Data("users do not form a partition\n".utf8))
    exit(1)
}

/// The aggregates behind the 13 figures, each run for every user and period in one call.
let aggregates: [(Aggregate, QueryEngine.PreparedPlan)] = [
    (.sum(.field(FieldPath("amount"))), won),  // 0 revenue
    (.sum(.field(FieldPath("target"))), quota),  // 1 quota target
    (.average(.field(FieldPath("score"))), csat),  // 2
    (.average(.duration(from: "opened_at", to: "resolved_at", hours: true)), resolved),  // 3
    (.average(.duration(from: "created_at", to: "closed_at", hours: false)), won),  // 4
    (.average(.field(FieldPath("amount"))), won),  // 5
    (.count, calls),  // 6
    (.count, resolved),  // 7
    (.countDistinct(.field(FieldPath("account"))), touched),  // 8
    (.count, newAccounts),  // 9
    (.count, visits),  // 10
    (.count, closedWon),  // 11
    (.count, closedWonOrLost),  // 12
    (.count, won),  // 13
]

/// Per period, per user, the 13 figures in `names` order: the aggregates run on all cores
/// (one aggregate per task), then Swift combines them.
func evaluate(_ periods: [Period]) throws -> (Double, [[QueryValue]]) {
    let start = DispatchTime.now()
    let spans = periods.map(\.queryDays)
    let results = ParallelResults<[[QueryValue]]>(count: aggregates.count)
    DispatchQueue.concurrentPerform(iterations: aggregates.count) { index in
        let (aggregate, plan) = aggregates[index]
        do {
            let prepared = try engine.prepare(aggregate, of: plan)
            results.store(try engine.run(prepared, for: partition, periods: spans), at: index)
        } catch {
            FileHandle.standardError.write(Data("query failed: \(error)\n".utf8))
            exit(1)
        }
    }
    let v = results.all.map { $0! }
    var figures: [[QueryValue]] = []
    figures.reserveCapacity(periods.count * users.rowCount)
    for period in periods.indices {
        for user in 0..<users.rowCount {
            let revenue = v[0][period][user]
            figures.append([
                v[2][period][user], v[3][period][user], v[4][period][user], v[5][period][user], v[6][period][user],
                v[7][period][user], v[8][period][user], v[9][period][user], ratio(revenue, v[1][period][user]),
                revenue, v[10][period][user], ratio(v[11][period][user], v[12][period][user]), v[13][period][user],
            ])
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return (seconds, figures)
}

let october = try Period.parse("2026-10", calendar: workspace.calendar)
let (oneMonth, _) = try evaluate([october])
let (seconds, values) = try evaluate(months)
if let outPath {
    var lines: [String] = ["period,grain,subject_id,subject_name,indicator,value,unit,status"]
    var index = 0
    for period in months {
        for user in 0..<users.rowCount {
            let id = users.key(ofRow: user) ?? ""
            for (name, value) in zip(names, values[index]) {
                let text: String
                switch value {
                case .missing: text = ","
                case .number(let number): text = "\(number),"
                default: text = "\(value),"
                }
                let status = { if case .missing = value { return "missing" } else { return "ok" } }()
                lines.append("\(period.label),user,\(id),\(id),\(name),\(text)number,\(status)")
            }
            index += 1
        }
    }
    var output: String = lines.joined(separator: "\n")
    output.append("\n")
    _ = FileManager.default.createFile(atPath: outPath, contents: Data(output.utf8))
}
print(
    "{\"engine\":\"swift-direct\",\"seconds\":\(seconds),\"seconds_one_month\":\(oneMonth),"
        + "\"figures\":\(values.count * names.count),\"peak_rss_bytes\":\(peakRSSBytes())}")
