import Foundation
import Synchronization
import Testing
import YardstickData
import YardstickEngine

@testable import YardstickCLI

/// The progress bar's drawing, with a fake terminal (an enabled flag), a fake clock and the
/// text collected: what it shows, when it redraws, that it clears, and when it stays silent.
@Suite struct ProgressBarTests {
    /// A clock the test moves and the text the bar wrote.
    final class Terminal: Sendable {
        let time = Mutex(0.0)
        let written = Mutex<[String]>([])

        func bar(enabled: Bool = true, width: Int = 120) -> ProgressBar {
            ProgressBar(
                isEnabled: enabled, width: width, now: { self.time.withLock { $0 } },
                write: { text in self.written.withLock { $0.append(text) } })
        }

        func at(_ seconds: Double) { time.withLock { $0 = seconds } }
        var lines: [String] { written.withLock { $0 } }
    }

    static func evaluation(_ done: Int, of total: Int = 400) -> EvaluationProgress.Step {
        EvaluationProgress.Step(figuresDone: done, figuresTotal: total, indicators: 16, subjects: total / 16)
    }

    @Test func evaluationShowsTheBarCountsShapeAndRate() {
        let terminal = Terminal()
        let bar = terminal.bar()
        terminal.at(10)
        bar.evaluating(Self.evaluation(0))
        terminal.at(12)
        bar.evaluating(Self.evaluation(100))
        // 100 of 400 figures: 5 of 20 cells; 100 figures in 2 s.
        #expect(
            terminal.lines == [
                "\r\u{1B}[2KEvaluating  [░░░░░░░░░░░░░░░░░░░░]  0/400 figures (16 indicators × 25 subjects)",
                "\r\u{1B}[2KEvaluating  [█████░░░░░░░░░░░░░░░]  100/400 figures (16 indicators × 25 subjects) · 50/s",
            ])
    }

    @Test func loadingShowsSourcesRowsBytesAndRate() {
        let terminal = Terminal()
        let bar = terminal.bar()
        terminal.at(1)
        let first = LoadProgress.Step(
            source: "data/deals.csv", entity: "opportunities", rows: 8_800, bytes: 600_000, sourcesDone: 1,
            sourcesTotal: 4, totalRows: 8_800, totalBytes: 600_000, expectedBytes: 1_200_000)
        bar.loading(first)
        terminal.at(1.5)
        var second = first
        (second.source, second.sourcesDone, second.totalRows, second.totalBytes) = (
            "data/users.csv", 2, 8_835, 1_200_000
        )
        bar.loading(second)
        // The bar follows the bytes (half, then all of 1.2 MB); the rate is 1.2 MB in 0.5 s.
        #expect(
            terminal.lines == [
                "\r\u{1B}[2KLoading     [██████████░░░░░░░░░░]  1/4 sources · 8,800 rows · 600.0 kB · data/deals.csv",
                "\r\u{1B}[2KLoading     [████████████████████]  2/4 sources · 8,835 rows · 1.2 MB · 2.4 MB/s · data/users.csv",
            ])
    }

    @Test func redrawsAreThrottledToTenASecondButTheLastStepAlwaysDraws() {
        let terminal = Terminal()
        let bar = terminal.bar()
        for (index, time) in [0.0, 0.05, 0.09, 0.1, 0.15, 0.25, 0.26].enumerated() {
            terminal.at(time)
            bar.evaluating(Self.evaluation(index * 16))
        }
        terminal.at(0.27)
        bar.evaluating(Self.evaluation(400))
        // Drawn at 0, 0.1 and 0.25 (each 0.1 s or more after the last), then the last step.
        let counts = terminal.lines.map { $0.split(separator: " ").first { $0.contains("/400") } ?? "" }
        #expect(counts == ["0/400", "48/400", "80/400", "400/400"])
    }

    @Test func clearingErasesTheLineOnceAndOnlyWhenDrawn() {
        let terminal = Terminal()
        let bar = terminal.bar()
        bar.clear()
        #expect(terminal.lines.isEmpty)
        bar.evaluating(Self.evaluation(16))
        bar.clear()
        bar.clear()
        #expect(terminal.lines.last == "\r\u{1B}[2K")
        #expect(terminal.lines.count == 2)
    }

    @Test func aMessageInterruptsTheBarWhichDrawsAgainAtTheNextStep() {
        let terminal = Terminal()
        let bar = terminal.bar()
        terminal.at(0)
        bar.evaluating(Self.evaluation(16))
        bar.interrupt()
        terminal.at(0.01)
        bar.evaluating(Self.evaluation(32))
        #expect(terminal.lines.count == 3)
        #expect(terminal.lines[1] == "\r\u{1B}[2K")
        #expect(terminal.lines[2].contains("32/400"))
    }

    @Test func linesAreCutToTheTerminalWidth() {
        let terminal = Terminal()
        let bar = terminal.bar(width: 40)
        bar.evaluating(Self.evaluation(16))
        let line = terminal.lines[0].replacingOccurrences(of: "\r\u{1B}[2K", with: "")
        #expect(DisplayWidth.of(line) == 39)
        #expect(line.hasSuffix("…"))
    }

    @Test func aDisabledBarWritesNothingAndGivesNoObservers() {
        let terminal = Terminal()
        let bar = terminal.bar(enabled: false)
        bar.evaluating(Self.evaluation(16))
        bar.clear()
        #expect(terminal.lines.isEmpty)
        #expect(bar.loadProgress == nil)
        #expect(bar.evaluationProgress == nil)
        #expect(terminal.bar().evaluationProgress != nil)
    }

    @Test(arguments: [
        (false, true, [String: String](), true), (true, true, [:], false), (false, false, [:], false),
        (false, true, ["CI": "true"], false), (false, true, ["CI": ""], false), (false, true, ["TERM": "dumb"], false),
        (false, true, ["TERM": "xterm-256color"], true),
    ])
    func theBarIsWantedOnlyOnATerminalWithoutQuietOutsideCI(
        quiet: Bool, isTerminal: Bool, environment: [String: String], wanted: Bool
    ) {
        #expect(ProgressBar.wanted(quiet: quiet, isTerminal: isTerminal, environment: environment) == wanted)
    }

    @Test(arguments: [(512, "512 B"), (12_345, "12.3 kB"), (4_100_000, "4.1 MB"), (1_250_000_000, "1.3 GB")])
    func sizesReadInPowersOfAThousand(bytes: Int, text: String) {
        #expect(ProgressBar.bytes(bytes) == text)
    }

    @Test(arguments: [
        (Int?.some(100), false, [String: String](), Int?.none, Int?.some(100)), (.some(0), true, [:], .some(90), nil),
        (.some(5), false, [:], nil, .some(20)), (nil, false, ["COLUMNS": "90"], .some(80), nil),
        (nil, true, ["COLUMNS": "90"], .some(80), .some(90)), (nil, true, [:], .some(132), .some(132)),
        (nil, true, ["COLUMNS": "wide"], .some(132), .some(132)), (nil, true, [:], nil, nil),
    ])
    func tablesFitTheTerminalOnlyWhenPrintedToOne(
        option: Int?, isTerminal: Bool, environment: [String: String], queried: Int?, width: Int?
    ) {
        #expect(
            TerminalWidth.columns(
                option: option, isTerminal: isTerminal, environment: environment, queried: { queried })
                == width)
    }
}
