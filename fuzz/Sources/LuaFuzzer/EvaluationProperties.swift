import Foundation
import FuzzSupport
import LuaRuntime
import YardstickData
import YardstickEngine

/// What must hold for any generated indicator scripts.
///
/// - The run returns a report or throws an ``EvaluationError`` with a message; it never
///   crashes, hangs (the limits are low, so a runaway script ends in a limit error quickly) or
///   trips the address sanitizer.
/// - Every figure is a value, a missing value with a reason, or a failed figure with a message.
/// - Every reported error has a message and names a file.
/// - For scripts that do not write into the objects they are given, the column path and the
///   per-subject path agree: where both give a value, it is the same value.
enum EvaluationProperties {
    static let limits: LuaLimits = {
        var limits = LuaLimits.default
        limits.instructionsPerCall = 200_000
        limits.memoryBytes = 24 << 20
        limits.secondsPerCall = 5
        limits.maxValueElements = 10_000
        limits.maxValueBytes = 1 << 20
        limits.maxLogLines = 10
        limits.maxLogBytes = 4_096
        return limits
    }()

    static func check(sources: [Evaluator.Source], periods: [Period], grains: [Grain], compareModes: Bool) {
        let columns = run(sources: sources, periods: periods, grains: grains, columnMode: true)
        guard compareModes, let columns else { return }
        guard let rows = run(sources: sources, periods: periods, grains: grains, columnMode: false) else {
            invariantFailure("the per-subject path threw where the column path gave a report")
        }
        var byKey: [String: ResultValue] = [:]
        for result in rows.results {
            byKey[key(result)] = result.value
        }
        for result in columns.results {
            guard let other = byKey[key(result)] else { continue }
            require(
                same(result.value, other),
                "\(key(result)): the column path gives \(result.value), the per-subject path \(other)\n"
                    + sources.map(\.text).joined(separator: "\n"))
        }
    }

    static func run(sources: [Evaluator.Source], periods: [Period], grains: [Grain], columnMode: Bool)
        -> RunReport?
    {
        let (workspace, engine) = LuaFixture.loaded
        var evaluator = Evaluator(engine: engine, workspace: workspace, limits: limits, today: 20_400, workers: 1)
        evaluator.columnMode = columnMode
        let report: RunReport
        do {
            report = try evaluator.run(sources: sources, periods: periods, grains: grains)
        } catch {
            require(!error.message.isEmpty, "an evaluation error without a message")
            return nil
        }
        for result in report.results {
            switch result.value {
            case .integer, .decimal, .number: break
            case .missing(let reason): require(!reason.isEmpty, "\(key(result)): missing without a reason")
            case .failed(let message): require(!message.isEmpty, "\(key(result)): failed without a message")
            }
            _ = result.value.plainText
        }
        for failure in report.errors {
            require(!failure.message.isEmpty, "an indicator error without a message: \(failure)")
            require(!failure.file.isEmpty, "an indicator error without a file: \(failure.message)")
            _ = failure.location
        }
        return report
    }

    static func key(_ result: IndicatorResult) -> String {
        "\(result.indicatorID) \(result.grain.rawValue) \(result.subjectID) \(result.period)"
    }

    /// Equal values; numbers within a relative 1e-9 (sums may be added in another order); a
    /// missing or failed figure on either side is not compared.
    static func same(_ a: ResultValue, _ b: ResultValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        case (.decimal(let x), .decimal(let y)): return x == y
        case (.number(let x), .number(let y)):
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
            if x == y { return true }
            return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        default:
            // Different kinds (an integer and a number) agree when they print the same.
            if a.status == .ok, b.status == .ok { return a.plainText == b.plainText }
            return true
        }
    }
}
