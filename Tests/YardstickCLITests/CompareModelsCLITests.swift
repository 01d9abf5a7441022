import Testing

/// The usage rules of `compare-models` and `explain --model` that hold before any model is read.
@Suite struct CompareModelsCLITests {
    @Test func explainWithoutAnIndicatorNeedsAModel() throws {
        let outcome = try CLI.run(["explain", "--workspace", CLI.maven, "--subject", "u1", "--period", "2017-10"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "error: give an indicator id, or --model ID to explain a scorecard total\n")
    }

    @Test func asOfBelongsToModelExplanationsOnly() throws {
        let outcome = try CLI.run([
            "explain", "win_rate", "--workspace", CLI.maven, "--subject", "u1", "--period", "2017-10", "--as-of",
            "2017-10-15",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: --as-of applies to --model only\n")
    }

    @Test(arguments: [["compare-models", "old", "new"], ["explain", "--model", "sales", "--subject", "u1"]])
    func asOfMustBeADate(command: [String]) throws {
        let outcome = try CLI.run(
            command + ["--workspace", CLI.maven, "--period", "2017-10", "--as-of", "2017-10"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "error: --as-of 2017-10: expected a date such as 2017-10-15\n")
    }

    @Test func compareModelsNeedsTwoModels() throws {
        let outcome = try CLI.run(["compare-models", "only-one", "--workspace", CLI.maven, "--period", "2017-10"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("Missing expected argument '<new>'"))
    }

    @Test func theCommandIsListedInTheHelp() throws {
        let outcome = try CLI.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("compare-models"))
    }
}
