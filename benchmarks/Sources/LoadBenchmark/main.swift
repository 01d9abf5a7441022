// Loads a workspace with the release build and prints one JSON line:
// {"engine":"yardstick","seconds":…,"rows":…,"peak_rss_bytes":…,"baseline_rss_bytes":…}
// `seconds` covers reading, parsing and typing every file plus reference resolution and index
// building; peak RSS is the process high-water mark (getrusage).
import BenchmarkSupport
import Foundation
import YardstickData

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: load-benchmark WORKSPACE_DIR\n".utf8))
    exit(2)
}
let baseline = peakRSSBytes()
let start = DispatchTime.now()
do {
    let workspace = try Workspace.open(directory: arguments[1])
    let (dataset, report) = try DataLoader(workspace: workspace).load()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    var perEntity: [String] = []
    for name in dataset.tables.keys.sorted() {
        perEntity.append("\"\(name)\":\(dataset.tables[name]?.rowCount ?? 0)")
    }
    print(
        "{\"engine\":\"yardstick\",\"seconds\":\(seconds),\"rows\":\(dataset.totalRows),"
            + "\"peak_rss_bytes\":\(peakRSSBytes()),\"baseline_rss_bytes\":\(baseline),"
            + "\"rejected_rows\":\(report.rejectedRows),\"tables\":{\(perEntity.joined(separator: ","))}}")
} catch {
    FileHandle.standardError.write(Data("load failed: \(error)\n".utf8))
    exit(1)
}
