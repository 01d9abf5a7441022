// The pack benchmark (issue 11 item 10): all standard packs on a generated workspace for one
// month and the people grains (user, team, department, company), run (a) as packs — the sets
// `PackSelection` resolves, one `IndicatorSelection`, one `Evaluator.run(_:periods:grains:)` —
// and (b) as plain workspace indicators — per pack, the same files as a workspace set with the
// pack's `lib/` as module folder and its parameter defaults, one `Evaluator.run(sources:…)` per
// pack, summed. Runs alternate (a) and (b); prints every run, the medians and the ratio a/b,
// the time to resolve and load the packs (catalog scan, manifests, lock hashing, sets), the
// figures and failures per pack, whether (a) and (b) gave the same values, and one JSON line.
//
//   packs-benchmark WORKSPACE_DIR [--plugins DIR] [--period 2026-10] [--runs 3] [--failures 3]
import Foundation
import YardstickData
import YardstickEngine
import YardstickPacks
import YardstickQuery

struct Options {
    var workspace = ""
    var plugins = ""
    var period = "2026-10"
    var runs = 3
    var failuresShown = 3

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            func value() -> String {
                guard let value = rest.popFirst() else { fail("\(argument) needs a value") }
                return value
            }
            switch argument {
            case "--plugins": plugins = value()
            case "--period": period = value()
            case "--runs": runs = max(1, Int(value()) ?? 3)
            case "--failures": failuresShown = max(0, Int(value()) ?? 3)
            case "-h", "--help":
                print(
                    "usage: packs-benchmark WORKSPACE_DIR [--plugins DIR] [--period YYYY-MM] [--runs N] [--failures N]"
                )
                exit(0)
            default:
                guard workspace.isEmpty, !argument.hasPrefix("-") else { fail("unexpected argument \(argument)") }
                workspace = argument
            }
        }
        guard !workspace.isEmpty else { fail("usage: packs-benchmark WORKSPACE_DIR [--plugins DIR] …") }
        if plugins.isEmpty {
            // benchmarks/.build/release/packs-benchmark -> the repository's plugins/
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            plugins =
                executable.deletingLastPathComponent().appendingPathComponent("../../../plugins")
                .standardizedFileURL.path
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("packs-benchmark: \(message)\n".utf8))
    exit(2)
}

func seconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now()
    let value = try body()
    return (value, seconds(start))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - text.count))
    return right ? pad + text : text + pad
}

/// Figures, failed figures and run-level errors of one pack's part of a report.
struct PackTally {
    var figures = 0
    var failed = 0
    var missing = 0
    var errors = 0
    var firstFailures: [String] = []
}

/// The tally of one report per pack; `prefix` maps an indicator id to its pack (the part
/// before the first dot in (a); the pack the run was for in (b)).
func tally(_ report: RunReport, pack: (String) -> String, shown: Int) -> [String: PackTally] {
    var tallies: [String: PackTally] = [:]
    var seen: [String: Set<String>] = [:]
    func note(_ pack: String, _ line: String) {
        guard tallies[pack, default: PackTally()].firstFailures.count < shown,
            seen[pack, default: []].insert(line).inserted
        else { return }
        tallies[pack, default: PackTally()].firstFailures.append(line)
    }
    for figure in report.results {
        let name = pack(figure.indicatorID)
        tallies[name, default: PackTally()].figures += 1
        switch figure.value.status {
        case .ok: break
        case .missing: tallies[name, default: PackTally()].missing += 1
        case .failed: tallies[name, default: PackTally()].failed += 1
        }
    }
    for error in report.errors {
        let name = pack(error.indicatorID)
        tallies[name, default: PackTally()].errors += 1
        note(name, "\(error.indicatorID) at \(error.location): \(error.message)")
    }
    for figure in report.results where figure.value.status == .failed {
        let name = pack(figure.indicatorID)
        note(name, "\(figure.indicatorID): \(figure.value.reason ?? "failed")")
    }
    return tallies
}

let options = Options(CommandLine.arguments)
let names = [
    "sales-core", "customer-value", "service-core", "marketing", "crm-adoption", "vendor-eval", "saas",
    "distribution",
]

// --- the workspace, loaded once --------------------------------------------------------------
var sections = WorkspaceSections()
sections.register(PacksSection.self)
let (loaded, loadSeconds) = try timed { () throws -> (Workspace, Dataset) in
    let workspace = try Workspace.open(directory: options.workspace, sections: sections)
    let (dataset, _) = try DataLoader(workspace: workspace).load()
    return (workspace, dataset)
}
let (workspace, dataset) = loaded
let rows = dataset.tables.values.reduce(0) { $0 + $1.rowCount }
print(
    "workspace \(options.workspace): \(dataset.tables.count) tables, \(rows) rows, loaded in \(format(loadSeconds)) s")
let period = try Period.parse(options.period, calendar: workspace.calendar)
let grains = Grain.people
let locations = PackLocations([.init(folder: options.plugins, source: .shipped)])

// --- pack resolution and loading, step by step (not part of (a)'s timed evaluation) ----------
struct Resolution {
    var scan = 0.0
    var resolve = 0.0
    var lock = 0.0
    var sets = 0.0
    var selection = 0.0
}
func resolvePacks() throws -> (Resolution, [ResolvedPack], [IndicatorSet]) {
    var r = Resolution()
    let (catalog, scan) = timed { PackCatalog(scanning: locations) }
    r.scan = scan
    if !catalog.failures.isEmpty { fail("packs that do not load: \(catalog.failures.map(\.description))") }
    let requirements = names.map { PackRequirement(name: $0, origin: "packs-benchmark") }
    let (resolved, resolve) = try timed { try PackResolver(catalog: catalog).resolve(requirements) }
    r.resolve = resolve
    let (lock, lockSeconds) = try timed { try PackLock(locking: resolved) }
    r.lock = lockSeconds
    _ = lock.text
    let (sets, setSeconds) = try timed { try resolved.map { try PackIndicatorSet.make($0, workspace: nil) } }
    r.sets = setSeconds
    // The whole path `run --plugins` takes, as one call.
    let (selected, selection) = try timed {
        try PackSelection.resolve(workspace: workspace, plugins: names, checksLock: false, locations: locations)
    }
    r.selection = selection
    guard selected.sets == sets else { fail("PackSelection.resolve built other sets than the steps") }
    return (r, resolved, selected.sets)
}

let (_, resolved, packSets) = try resolvePacks()
let indicatorCount = packSets.reduce(0) { $0 + $1.sources.count }
print(
    "packs (\(options.plugins)): \(resolved.map { "\($0.name) \($0.pack.manifest.version)" }.joined(separator: ", "))"
)
print(
    "\(indicatorCount) indicator files; period \(options.period); grains \(grains.map(\.rawValue).joined(separator: ", "));"
        + " \(ProcessInfo.processInfo.activeProcessorCount) workers\n")

let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace)

/// (a): every pack at once, as packs.
func runPacks() throws -> RunReport {
    try evaluator.run(IndicatorSelection(sets: packSets), periods: [period], grains: grains)
}

/// Each pack's seconds in each run of (b).
var plainPackSeconds: [String: [Double]] = [:]

/// (b): pack by pack, as a plain workspace set with the pack's modules and parameter defaults.
@MainActor func runPlain() throws -> [(String, RunReport)] {
    var reports: [(String, RunReport)] = []
    for (pack, packSet) in zip(resolved, packSets) {
        let plain = IndicatorSet.workspace(sources: packSet.sources, modules: packSet.modules)
        var own = evaluator
        own.modules = plain.modules
        own.parameters = pack.parameters
        let (report, elapsed) = try timed { try own.run(sources: plain.sources, periods: [period], grains: grains) }
        reports.append((pack.name, report))
        plainPackSeconds[pack.name, default: []].append(elapsed)
    }
    return reports
}

var packSeconds: [Double] = []
var plainSeconds: [Double] = []
var resolutions: [Resolution] = []
var lastPacks: RunReport?
var lastPlain: [(String, RunReport)] = []
print("run  (a) packs s  (b) plain s   a/b    resolve+load packs s")
for run in 1...options.runs {
    let (resolution, _, _) = try resolvePacks()
    resolutions.append(resolution)
    let (a, aSeconds) = try timed(runPacks)
    let (b, bSeconds) = try timed(runPlain)
    packSeconds.append(aSeconds)
    plainSeconds.append(bSeconds)
    lastPacks = a
    lastPlain = b
    print(
        "\(padded(String(run), 4)) \(padded(format(aSeconds), 10, right: true)) \(padded(format(bSeconds), 12, right: true))"
            + " \(padded(String(format: "%.2fx", aSeconds / bSeconds), 7, right: true))"
            + " \(padded(format(resolution.selection), 12, right: true))")
}
let a = median(packSeconds)
let b = median(plainSeconds)
print(
    "\nmedian over \(options.runs) runs: (a) packs \(format(a)) s, (b) plain \(format(b)) s,"
        + " ratio a/b \(String(format: "%.3f", a / b))x  (target <= 1.5x)")

@MainActor func medianOf(_ key: KeyPath<Resolution, Double>) -> Double { median(resolutions.map { $0[keyPath: key] }) }
print(
    "pack resolution and loading (medians, not in (a)): catalog scan + manifests \(format(medianOf(\.scan))) s,"
        + " resolve \(format(medianOf(\.resolve))) s, lock hashing \(format(medianOf(\.lock))) s,"
        + " indicator sets \(format(medianOf(\.sets))) s; PackSelection.resolve as one call"
        + " \(format(medianOf(\.selection))) s")

// --- figures and failures per pack, and (a) against (b) value for value ------------------------
guard let packsReport = lastPacks else { fail("no run") }
let aTally = tally(packsReport, pack: { String($0.split(separator: ".").first ?? "") }, shown: options.failuresShown)
var bTally: [String: PackTally] = [:]
for (name, report) in lastPlain {
    bTally[name] = tally(report, pack: { _ in name }, shown: options.failuresShown)[name] ?? PackTally()
}
print(
    "\npack              indicators  (b) median s  figures (a)  figures (b)  missing   failed  load/run errors")
for (pack, packSet) in zip(resolved, packSets) {
    let t = aTally[pack.name] ?? PackTally()
    let u = bTally[pack.name] ?? PackTally()
    print(
        padded(pack.name, 17) + padded(String(packSet.sources.count), 11, right: true)
            + padded(format(median(plainPackSeconds[pack.name] ?? [0])), 14, right: true)
            + padded(String(t.figures), 13, right: true) + padded(String(u.figures), 13, right: true)
            + padded(String(t.missing), 9, right: true) + padded(String(t.failed), 9, right: true)
            + padded(String(t.errors), 17, right: true))
}
let totalFigures = aTally.values.reduce(0) { $0 + $1.figures }
let totalFailed = aTally.values.reduce(0) { $0 + $1.failed }
let totalErrors = aTally.values.reduce(0) { $0 + $1.errors }
print("total figures \(totalFigures), failed \(totalFailed), errors \(totalErrors)")
for pack in resolved {
    guard let t = aTally[pack.name], !t.firstFailures.isEmpty else { continue }
    print("first failures of \(pack.name):")
    for line in t.firstFailures { print("  \(line)") }
}

struct FigureKey: Hashable {
    var indicator: String
    var grain: Grain
    var subject: String
}
var plainValues: [FigureKey: ResultValue] = [:]
for (name, report) in lastPlain {
    for figure in report.results {
        plainValues[
            FigureKey(indicator: "\(name).\(figure.indicatorID)", grain: figure.grain, subject: figure.subjectID)] =
            figure.value
    }
}
var compared = 0
var differing: [String] = []
for figure in packsReport.results {
    let key = FigureKey(indicator: figure.indicatorID, grain: figure.grain, subject: figure.subjectID)
    guard let plain = plainValues.removeValue(forKey: key) else {
        differing.append("\(figure.indicatorID) \(figure.grain.rawValue) \(figure.subjectID): only in (a)")
        continue
    }
    compared += 1
    if plain != figure.value {
        differing.append(
            "\(figure.indicatorID) \(figure.grain.rawValue) \(figure.subjectID): (a) \(figure.value.plainText) (b) \(plain.plainText)"
        )
    }
}
differing += plainValues.keys.prefix(5).map { "\($0.indicator) \($0.grain.rawValue) \($0.subject): only in (b)" }
print(
    "\n(a) against (b): \(compared) figures compared, \(differing.count + max(0, plainValues.count - 5)) differ"
        + (differing.isEmpty ? " (identical)" : ""))
for line in differing.prefix(5) { print("  \(line)") }

let json: [String: Any] = [
    "engine": "packs", "period": options.period, "runs": options.runs,
    "packs_seconds": packSeconds, "plain_seconds": plainSeconds,
    "packs_median": a, "plain_median": b, "ratio": a / b,
    "resolve_seconds": medianOf(\.selection), "scan_seconds": medianOf(\.scan), "lock_seconds": medianOf(\.lock),
    "figures": totalFigures, "failed": totalFailed, "errors": totalErrors, "differing": differing.count,
    "load_seconds": loadSeconds,
]
if let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]),
    let line = String(data: data, encoding: .utf8)
{
    print(line)
}
exit(differing.isEmpty ? 0 : 1)
