import Foundation
import Testing
import YardstickTestSupport

/// The command line's exact output: standard output, standard error and exit status of
/// representative commands on the shipped examples and on small broken workspaces, compared byte
/// for byte with `Tests/YardstickCLITests/Golden/<case>/` (paths and timings normalised by
/// ``GoldenOutputNormalizer``).
///
/// After an intended change of output: `YARDSTICK_RECORD_GOLDEN=1 swift test --filter
/// GoldenCLITests`, then review `git diff Tests/YardstickCLITests/Golden` before committing.
@Suite struct GoldenCLITests {
    /// One command and the workspace it runs on.
    struct Case: Sendable, CustomTestStringConvertible {
        /// The folder name under `Golden/`.
        var name: String
        /// The arguments after `yardstick`; `<tmp>` stands for the case's temporary folder.
        var arguments: [String]
        /// Writes the case's files into its temporary folder (nil: the case needs none).
        var setUp: (@Sendable (TemporaryDirectory) throws -> Void)?

        init(
            _ name: String, _ arguments: [String], setUp: (@Sendable (TemporaryDirectory) throws -> Void)? = nil
        ) {
            self.name = name
            self.arguments = arguments
            self.setUp = setUp
        }

        var testDescription: String { name }
    }

    static let maven = ["--workspace", "examples/maven-sales"]
    static let bank = ["--workspace", "examples/bank-call-center"]

    /// The small workspace of the CLI tests with one failing indicator, `indicators/bad.lua`.
    @Sendable static func failingIndicator(_ folder: TemporaryDirectory) throws {
        try folder.write(SmallWorkspace.files)
        try folder.write(
            "return indicator { id = \"bad\", per = \"user\",\n  value = function(s)\n    error(\"no quota\")\n  end }\n",
            to: "indicators/bad.lua")
    }

    /// The small workspace whose opportunities file has two bad rows.
    @Sendable static func badRows(_ folder: TemporaryDirectory) throws {
        try folder.write(SmallWorkspace.files)
        try folder.write(
            "id,owner,stage,amount,created_at,closed_at\no1,u1,won,100,2026-09-01,2026-10-05\n"
                + "o2,u1,won,lots,2026-09-01,2026-10-06\no3,u1,won\n",
            to: "data/opportunities.csv")
    }

    static let cases: [Case] = [
        // check
        Case("check-maven-table", ["check"] + maven),
        Case("check-maven-json", ["check"] + maven + ["--format", "json"]),
        Case("check-bad-rows", ["check", "--workspace", "<tmp>"], setUp: badRows),
        // run, in each format
        Case("run-maven-table", ["run"] + maven + ["--period", "2017-Q4", "--per", "team,company"]),
        Case("run-maven-csv", ["run"] + maven + ["--period", "2017-10", "--format", "csv"]),
        Case("run-maven-json", ["run"] + maven + ["--period", "2017-Q4", "--per", "team", "--format", "json"]),
        Case("run-maven-md", ["run"] + maven + ["--period", "2017-Q4", "--per", "user,team", "--format", "md"]),
        Case(
            "run-maven-timings",
            ["run"] + maven + ["--period", "2017-10", "--per", "company", "--format", "json", "--timings"]),
        // run --by: a block per dimension in the table, dimension and member columns in CSV
        Case(
            "run-maven-by-table",
            ["run"] + maven + [
                "--period", "2017-Q4", "--per", "team,company", "--by", "product,account.industry", "--indicators",
                "won_deals,won_revenue,win_rate,csat",
            ]),
        Case(
            "run-maven-by-csv",
            ["run"] + maven + [
                "--period-range", "2017-10..2017-11", "--per", "company", "--by", "account.industry", "--indicators",
                "won_deals,win_rate", "--format", "csv",
            ]),
        // run --sort and --width: subjects by an indicator, a table split into blocks of columns
        Case(
            "run-maven-sorted-narrow",
            ["run"] + maven + ["--period", "2017-Q4", "--per", "team", "--sort", "win_rate", "--width", "80"]),
        Case(
            "run-bank-csv",
            ["run"] + bank + ["--period", "1999-02", "--per", "team,company", "--format", "csv"]),
        Case(
            "run-small-table", ["run", "--workspace", "<tmp>", "--period", "2026-10"],
            setUp: { try $0.write(SmallWorkspace.files) }),
        // explain
        Case(
            "explain-win-rate",
            ["explain", "win_rate"] + maven + ["--subject", "Darcel Schlecht", "--period", "2017-Q4"]),
        // scorecards: score in each format, to date, alerts, explain --model, compare-models
        Case("score-maven-table", ["score"] + maven + ["--period", "2017-Q4"]),
        Case("score-maven-by-name", ["score"] + maven + ["--period", "2017-Q4", "--sort", "name"]),
        Case("score-maven-md", ["score"] + maven + ["--period", "2017-Q4", "--as-of", "2018-01-15", "--format", "md"]),
        Case(
            "score-fine-csv", ["score"] + maven + ["--model", "sales-fine", "--period", "2017-10", "--format", "csv"]),
        Case(
            "score-team-view-json",
            ["score"] + maven + [
                "--model", "team-view", "--period", "2017-Q4", "--format", "json", "--as-of", "2018-01-15",
            ]),
        Case(
            "score-fine-to-date",
            ["score"] + maven + ["--model", "sales-fine", "--period", "MTD", "--as-of", "2017-10-20"]),
        Case(
            "alerts-fine-to-date",
            ["alerts"] + maven + ["--model", "sales-fine", "--as-of", "2017-10-20", "--kind", "behind-pace,period-end"]),
        Case(
            "explain-model",
            ["explain"] + maven + [
                "--model", "sales-fine", "--subject", "Darcel Schlecht", "--period", "2017-Q4", "--records", "2",
                "--as-of", "2018-01-15",
            ]),
        Case(
            "compare-models",
            ["compare-models", "maven-sales", "sales-fine"] + maven + ["--period", "2017-Q4", "--as-of", "2018-01-15"]),
        Case(
            "error-model-weights", ["score", "--workspace", "<tmp>", "--period", "2026-10"],
            setUp: { folder in
                try folder.write(SmallWorkspace.files)
                try folder.write(
                    "return scorecard { id = \"m\",\n  dimension \"a\" { weight = 60,\n    kpi \"won_revenue\" { weight = 100, target = 1 } },\n  dimension \"b\" { weight = 30,\n    kpi \"win_rat\" { weight = 100, score = rank } },\n}\n",
                    to: "model.lua")
            }),
        // init
        Case("init-starter", ["init", "<tmp>/starter"], setUp: { _ in }),
        // errors
        Case("error-invalid-period", ["run"] + maven + ["--period", "2017-13"]),
        Case("error-missing-workspace", ["check", "--workspace", "<tmp>/missing"], setUp: { _ in }),
        Case("error-unknown-option", ["run"] + maven + ["--period", "2017-Q4", "--colour"]),
        Case("error-unknown-sort", ["run"] + maven + ["--period", "2017-Q4", "--per", "team", "--sort", "win_rat"]),
        Case("error-by-unknown-path", ["run"] + maven + ["--period", "2017-Q4", "--by", "account.colour"]),
        Case(
            "error-unknown-subject",
            ["explain", "win_rate"] + maven + ["--subject", "Nobody", "--period", "2017-Q4"]),
        Case(
            "error-failing-indicator", ["run", "--workspace", "<tmp>", "--period", "2026-10"], setUp: failingIndicator),
        Case(
            "error-lenient-rows",
            ["run", "--workspace", "<tmp>", "--period", "2026-10", "--format", "csv", "--lenient"],
            setUp: badRows),
        Case("error-strict-rows", ["run", "--workspace", "<tmp>", "--period", "2026-10"], setUp: badRows),
        // Simplified Chinese (--locale zh-CN)
        Case("zh-run-maven-table", ["run"] + maven + ["--period", "2017-Q4", "--per", "team", "--locale", "zh-CN"]),
        Case("zh-check-bad-rows", ["check", "--workspace", "<tmp>", "--locale", "zh-CN"], setUp: badRows),
        Case("zh-score-maven-table", ["score"] + maven + ["--period", "2017-Q4", "--locale", "zh-CN"]),
        Case("zh-error-invalid-period", ["run"] + maven + ["--period", "2017-13", "--locale", "zh-CN"]),
        Case(
            "zh-error-by-unknown-path",
            ["run"] + maven + ["--period", "2017-Q4", "--by", "account.colour", "--locale", "zh-CN"]),
        Case(
            "zh-error-strict-rows", ["run", "--workspace", "<tmp>", "--period", "2026-10", "--locale", "zh-CN"],
            setUp: badRows),
    ]

    @Test(arguments: cases)
    func outputMatchesTheGoldenFiles(_ golden: Case) throws {
        let temporary = try golden.setUp.map { setUp in
            let folder = try TemporaryDirectory(prefix: "golden")
            try setUp(folder)
            return folder
        }
        defer { withExtendedLifetime(temporary) {} }
        let arguments = golden.arguments.map { argument in
            temporary.map { argument.replacingOccurrences(of: "<tmp>", with: $0.path) } ?? argument
        }
        let outcome = try CLI.run(arguments)
        let normalizer = GoldenOutputNormalizer(temporaryPath: temporary?.path)
        let folder = "Tests/YardstickCLITests/Golden/\(golden.name)/"
        let files: [(String, String)] = [
            ("command.txt", (["yardstick"] + golden.arguments).joined(separator: " ") + "\n"),
            ("status.txt", "\(outcome.status)\n"),
            ("stdout.txt", normalizer.normalize(outcome.stdout)),
            ("stderr.txt", normalizer.normalize(outcome.stderr)),
        ]
        for (file, text) in files {
            do {
                try GoldenFile(folder + file).verify(text)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func everyGoldenFolderBelongsToACase() throws {
        let folder = RepositoryRoot.path("Tests/YardstickCLITests/Golden")
        let recorded = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(
            recorded == Set(Self.cases.map(\.name)), "stale folders: \(recorded.subtracting(Self.cases.map(\.name)))")
    }
}
