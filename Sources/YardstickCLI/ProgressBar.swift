import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The progress bar of long work, on one line of standard error: loading (sources, rows,
/// bytes, bytes per second) and evaluation (figures of indicators × subjects, figures per
/// second).
///
/// It draws only when enabled — standard error is a terminal, `--quiet` is not given, `CI` is
/// not set and `TERM` is not `dumb` — so that logs and pipes never see it. It redraws at most
/// ten times a second (the first step and the last of a stage always draw), rewrites its line
/// in place (`\r`, erase line) cut to the terminal's width, and erases it when the work is done
/// (``clear()``) and before any message on standard error (``printError(_:)`` calls
/// ``interrupt()``), so that it is never mixed into output or errors.
///
/// The clock and the writer are injected, so its output is tested without a terminal and
/// without timing.
final class ProgressBar: @unchecked Sendable {
    /// Whether the bar draws at all.
    let isEnabled: Bool
    /// The widest line drawn, in display columns.
    let width: Int
    private let now: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var drawn = false
    private var lastDraw = -Double.infinity
    private var stageStart: Double?
    private var stage = ""

    /// The least time between two redraws, in seconds (ten a second).
    static let interval = 0.1
    /// The number of cells of the bar itself.
    static let barCells = 20

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - isEnabled: Whether to draw.
    ///   - width: The terminal's width.
    ///   - now: A monotonic clock in seconds.
    ///   - write: Writes text to the terminal.
    init(
        isEnabled: Bool, width: Int = 80, now: @escaping @Sendable () -> Double,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.isEnabled = isEnabled
        self.width = max(20, width)
        self.now = now
        self.write = write
    }

    /// Whether a bar is wanted: on a terminal, without `--quiet`, outside CI and not on a dumb
    /// terminal.
    static func wanted(quiet: Bool, isTerminal: Bool, environment: [String: String]) -> Bool {
        !quiet && isTerminal && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    /// The bar of this process's standard error, made the one ``printError(_:)`` interrupts.
    static func standardError(quiet: Bool) -> ProgressBar {
        let environment = ProcessInfo.processInfo.environment
        let bar = ProgressBar(
            isEnabled: wanted(quiet: quiet, isTerminal: isatty(STDERR_FILENO) != 0, environment: environment),
            width: TerminalWidth.queried(descriptor: STDERR_FILENO) ?? 80,
            now: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
            write: { FileHandle.standardError.write(Data($0.utf8)) })
        ActiveProgress.shared.set(bar)
        return bar
    }

    /// The observer to give ``LoadOptions/progress``; nil when the bar does not draw.
    var loadProgress: LoadProgress? {
        guard isEnabled else { return nil }
        return LoadProgress { [self] step in loading(step) }
    }

    /// The observer to give ``Evaluator/progress``; nil when the bar does not draw.
    var evaluationProgress: EvaluationProgress? {
        guard isEnabled else { return nil }
        return EvaluationProgress { [self] step in evaluating(step) }
    }

    /// Shows a load step: `Loading    [████░░░░]  3/5 sources · 412,345 rows · 12.3 MB · 4.1 MB/s · deals.csv`.
    func loading(_ step: LoadProgress.Step) {
        update(stage: "load", last: step.sourcesDone >= step.sourcesTotal) { elapsed in
            let fraction =
                step.expectedBytes > 0
                ? Double(step.totalBytes) / Double(step.expectedBytes)
                : Double(step.sourcesDone) / Double(max(1, step.sourcesTotal))
            var parts = [
                step.sourcesTotal == 1
                    ? tr("%@/1 source", step.sourcesDone) : tr("%@/%@ sources", step.sourcesDone, step.sourcesTotal),
                tr("%@ rows", ReadableNumber.grouped(Double(step.totalRows), decimals: 0)),
                Self.bytes(step.totalBytes),
            ]
            if let elapsed, elapsed > 0, step.totalBytes > 0 {
                parts.append(Self.bytes(Int(Double(step.totalBytes) / elapsed)) + "/s")
            }
            parts.append(step.source)
            return DisplayWidth.pad(tr("Loading"), to: 12) + Self.bar(fraction) + "  " + parts.joined(separator: " · ")
        }
    }

    /// Shows an evaluation step: `Evaluating  [████░░░░]  1,234/5,600 figures (16 indicators × 350 subjects) · 2,345/s`.
    func evaluating(_ step: EvaluationProgress.Step) {
        update(stage: "evaluate", last: step.figuresDone >= step.figuresTotal) { elapsed in
            let fraction = Double(step.figuresDone) / Double(max(1, step.figuresTotal))
            let indicators = step.indicators == 1 ? tr("1 indicator") : tr("%@ indicators", step.indicators)
            let subjectCount = ReadableNumber.grouped(Double(step.subjects), decimals: 0)
            let subjects = step.subjects == 1 ? tr("1 subject") : tr("%@ subjects", subjectCount)
            var text =
                DisplayWidth.pad(tr("Evaluating"), to: 12) + Self.bar(fraction) + "  "
                + tr(
                    "%@/%@ figures (%@ × %@)", ReadableNumber.grouped(Double(step.figuresDone), decimals: 0),
                    ReadableNumber.grouped(Double(step.figuresTotal), decimals: 0), indicators, subjects)
            if let elapsed, elapsed > 0, step.figuresDone > 0 {
                text += " · " + ReadableNumber.grouped(Double(step.figuresDone) / elapsed, decimals: 0) + "/s"
            }
            return text
        }
    }

    /// Erases the bar's line, if drawn (the work is done).
    func clear() {
        lock.withLock { erase() }
    }

    /// Erases the bar's line before a message is written to standard error; the next step
    /// draws it again under the message.
    func interrupt() {
        lock.withLock {
            erase()
            lastDraw = -Double.infinity
        }
    }

    /// Draws `line(elapsed)` unless the last draw was under ``interval`` ago (the last step of a
    /// stage always draws, so the bar ends full).
    private func update(stage name: String, last: Bool, line: (Double?) -> String) {
        guard isEnabled else { return }
        lock.withLock {
            let time = now()
            if stage != name || stageStart == nil {
                stage = name
                stageStart = time
                lastDraw = -Double.infinity
            }
            guard last || time - lastDraw >= Self.interval else { return }
            lastDraw = time
            let elapsed = stageStart.map { time - $0 }
            let text = DisplayWidth.truncated(DisplayText.escaped(line(elapsed)), to: width - 1)
            write("\r\u{1B}[2K" + text)
            drawn = true
        }
    }

    /// Erases the line (the lock held).
    private func erase() {
        guard drawn else { return }
        write("\r\u{1B}[2K")
        drawn = false
    }

    /// The bar for a fraction done: `[██████░░░░░░░░░░░░░░]`.
    static func bar(_ fraction: Double) -> String {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let full = Int((clamped * Double(barCells)).rounded(.down))
        return "[" + String(repeating: "█", count: full) + String(repeating: "░", count: barCells - full) + "]"
    }

    /// A size in bytes for reading: `512 B`, `12.3 kB`, `4.1 MB`, `1.2 GB` (powers of 1,000).
    static func bytes(_ count: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : ReadableNumber.grouped(value, decimals: 1) + " " + units[unit]
    }
}

/// The progress bar in use, which ``printError(_:)`` erases before writing.
final class ActiveProgress: @unchecked Sendable {
    /// The process's one instance.
    static let shared = ActiveProgress()
    private let lock = NSLock()
    private var bar: ProgressBar?

    /// Makes `bar` the one interrupted by messages.
    func set(_ bar: ProgressBar?) {
        lock.withLock { self.bar = bar }
    }

    /// Erases the bar's line, if any.
    func interrupt() {
        let bar = lock.withLock { self.bar }
        bar?.interrupt()
    }
}
