// The evaluation benchmark's baseline: the same 13 figures as benchmarks/indicators/*.lua,
// per user and month over 2025-01..2026-12, computed by calling the Swift query engine
// directly (no Lua). Prints one JSON line:
// {"engine":"swift-direct","seconds":…,"seconds_one_month":…,"figures":…,"peak_rss_bytes":…}
// `seconds` covers evaluation only (the workspace is loaded first, untimed). With
// `--out FILE` it also writes the figures as long CSV for value-by-value comparison.
import Foundation
import YardstickData
import YardstickEngine
import YardstickQuery

#if canImport(Glibc)
    import Glibc
#endif

func peakRSSBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: eval-benchmark WORKSPACE_DIR [--out FILE]\n".utf8))
    exit(2)
}
let outPath: String? = arguments.firstIndex(of: "--out").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }

let workspace = try Workspace.open(directory: arguments[1])
let (dataset, _) = try DataLoader(workspace: workspace).load()
let engine = QueryEngine(dataset: dataset)

/// The plans and the engine, shared read-only by the worker threads.
struct Plans: @unchecked Sendable {
    let engine: QueryEngine
}

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

/// The 13 figures for one user row in one scope, in `names` order.
@Sendable func figures(_ scope: QueryScope) throws -> [QueryValue] {
    let revenue = try engine.aggregate(.sum(.field(FieldPath("amount"))), of: won, in: scope)
    let target = try engine.aggregate(.sum(.field(FieldPath("target"))), of: quota, in: scope)
    return [
        try engine.aggregate(.average(.field(FieldPath("score"))), of: csat, in: scope),
        try engine.aggregate(
            .average(.duration(from: "opened_at", to: "resolved_at", hours: true)), of: resolved, in: scope),
        try engine.aggregate(
            .average(.duration(from: "created_at", to: "closed_at", hours: false)), of: won, in: scope),
        try engine.aggregate(.average(.field(FieldPath("amount"))), of: won, in: scope),
        try engine.aggregate(.count, of: calls, in: scope),
        try engine.aggregate(.count, of: resolved, in: scope),
        try engine.aggregate(.countDistinct(.field(FieldPath("account"))), of: touched, in: scope),
        try engine.aggregate(.count, of: newAccounts, in: scope),
        ratio(revenue, target),
        revenue,
        try engine.aggregate(.count, of: visits, in: scope),
        ratio(
            try engine.aggregate(.count, of: closedWon, in: scope),
            try engine.aggregate(.count, of: closedWonOrLost, in: scope)),
        try engine.aggregate(.count, of: won, in: scope),
    ]
}
_ = closed

let users = dataset["users"]!
let months = try Period.range("2025-01..2026-12", calendar: workspace.calendar)

func evaluate(_ periods: [Period]) throws -> (Double, [[QueryValue]]) {
    let tasks = periods.flatMap { period in (0..<users.rowCount).map { (period, $0) } }
    final class Box: @unchecked Sendable { var values: [[QueryValue]?] = [] }
    let box = Box()
    box.values = Array(repeating: nil, count: tasks.count)
    let lock = NSLock()
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let start = DispatchTime.now()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: tasks.count, by: workers) {
            let (period, user) = tasks[index]
            let scope = QueryScope(subject: .users([Int32(user)]), firstDay: period.first, lastDay: period.last)
            let values: [QueryValue]
            do {
                values = try figures(scope)
            } catch {
                FileHandle.standardError.write(Data("query failed: \(error)\n".utf8))
                exit(1)
            }
            lock.lock()
            box.values[index] = values
            lock.unlock()
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return (seconds, box.values.map { $0 ?? [] })
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
    FileManager.default.createFile(atPath: outPath, contents: Data(output.utf8))
}
print(
    "{\"engine\":\"swift-direct\",\"seconds\":\(seconds),\"seconds_one_month\":\(oneMonth),"
        + "\"figures\":\(values.count * names.count),\"peak_rss_bytes\":\(peakRSSBytes())}")
