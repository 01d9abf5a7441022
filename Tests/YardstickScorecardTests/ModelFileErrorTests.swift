import Testing
import YardstickScorecard

@Suite struct ModelFileErrorTests {
    @Test func weightsNotSummingTo100AreReportedAtEachParentWithFileAndLine() throws {
        let source = """
            return scorecard {
              id = "w",
              dimension "results" { weight = 60,
                kpi "a" { weight = 60, target = 1 },
                kpi "b" { weight = 30, target = 1 },
              },
              dimension "quality" { weight = 30,
                kpi "c" { weight = 100, score = rank },
              },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:1: the weights of the model's children sum to 90, not 100 (results 60, quality 30)",
                "model.lua:3: results: the weights of \"results\"'s children sum to 90, not 100 (a 60, b 30)",
            ])
    }

    @Test func theSameWeightsAreFineWhenNormalised() throws {
        let source = """
            return scorecard {
              id = "w", weights = "normalised",
              dimension "results" { weight = 60,
                kpi "a" { weight = 60, target = 1 },
                kpi "b" { weight = 30, target = 1 },
              },
              dimension "quality" { weight = 30, kpi "c" { weight = 100, score = rank } },
            }
            """
        #expect(try ModelWorkspace(["model.lua": source]).problems() == [])
    }

    @Test func everyMistakeOfAFileIsReportedTogetherWithItsLine() throws {
        let source = """
            return scorecard {
              id = "bad",
              colour = "red",
              kpi "a" { wieght = 50, target = 1 },
              kpi "b" { weight = "fifty", target = 1 },
              kpi "c" { weight = 50, score = "ranked" },
              kpi "d" { weight = 50, missing = "skip", score = rank },
              kpi "a" { weight = 50, score = rank },
              kpi "e" { target = 1 },
              kpi "f" { weight = 50 },
            }
            """
        let keys =
            "id, title, version, extends, per, where, peers, weights, cap, missing, grades, distribution, rollups, alerts"
        let functions =
            "proportional, pass_fail, rank, percentile, relative_to_mean, relative_to_best, linear, steps, threshold"
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:1: scorecard: unknown key \"colour\" (keys: \(keys))",
                "model.lua:4: kpi \"a\": unknown key \"wieght\" (keys: weight, target, score, cap, missing, better, pipeline, overrides, rollup_target, drop)",
                "model.lua:5: kpi \"b\": weight must be a number, not \"fifty\"",
                "model.lua:6: kpi \"c\": unknown scoring function \"ranked\" (functions: \(functions))",
                "model.lua:7: kpi \"d\": missing must be one of \"zero\", \"reweight\", \"incomplete\", not \"skip\"",
                "model.lua:8: kpi \"a\" is declared twice in scorecard (first at model.lua:4)",
                "model.lua:9: kpi \"e\" has no weight (weight = …)",
                "model.lua:10: kpi \"f\": scoring by linear needs a target (target = …), or score it with a peer function (score = rank)",
            ])
    }

    @Test func wrongTypesAndNamesInSettingsAreReported() throws {
        let source = """
            return scorecard {
              id = "s", per = "Sales person", peers = "region", weights = "percent", cap = "high",
              where = { role = { "sales", 7, true }, region = "north" }, rollups = { "team", "user" },
              grades = { A = "ninety" }, alerts = { pace = { tolerance = -1 }, remind = { days_before_end = 2.5 } },
              kpi "a" { weight = 100, target = quota { "revenue", tier = "platinum" }, better = "more" },
              dimension { weight = 1 },
              kpi "b",
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:1: scorecard: per must name a grain (\"user\", \"team\", \"account\", \"product\", an entity of [subjects] such as \"supplier\"), not \"Sales person\"",
                "model.lua:1: scorecard: where has the unknown field \"region\" (fields: id, name, team, role)",
                "model.lua:1: scorecard: where.role must be a string or a list of strings",
                "model.lua:1: scorecard: peers must be one of \"all\", \"role\", \"team\", not \"region\"",
                "model.lua:1: scorecard: weights must be one of \"sum100\", \"normalised\", \"normalized\", not \"percent\"",
                "model.lua:1: scorecard: cap must be a number, not \"high\"",
                "model.lua:1: scorecard: grades: \"A\" must be a grade name with a number",
                "model.lua:1: scorecard: rollups: \"user\" is not a grain to roll up to (team, department, company)",
                "model.lua:1: scorecard: alerts.pace: tolerance must be a fraction of at least 0, like 0.10",
                "model.lua:1: scorecard: alerts.remind: days_before_end must be a whole number of days, at least 0",
                "model.lua:5: kpi \"a\": quota: tier must be one of \"target\", \"stretch\", \"challenge\", not \"platinum\"",
                "model.lua:5: kpi \"a\": better must be one of \"higher\", \"lower\", not \"more\"",
                "model.lua:6: dimension needs an id: dimension \"id\" { … }",
                "model.lua:1: scorecard: item 3 is a function, not a dimension or kpi (a dimension or kpi without its { … }?)",
            ])
    }

    @Test func aFileMustReturnAScorecard() throws {
        #expect(
            try ModelWorkspace(["model.lua": "return { id = 'x' }"]).problems() == [
                "model.lua: the file must return scorecard { … }, not a table"
            ])
        #expect(
            try ModelWorkspace(["scorecards/empty.lua": "local x = 1"]).problems() == [
                "scorecards/empty.lua: the file must return scorecard { … }, not nothing"
            ])
        #expect(
            try ModelWorkspace(["model.lua": "return scorecard { kpi 'a' { weight = 100, target = 1 } }"]).problems()
                == [
                    "model.lua:1: scorecard: id is required (id = \"sales\")"
                ])
    }

    @Test func aDistributionNeedsGradesToOrderItsNames() throws {
        let withoutGrades = """
            return scorecard { id = "d", distribution = { A = 20, B = 80 }, kpi "a" { weight = 100, score = rank } }
            """
        #expect(
            try ModelWorkspace(["model.lua": withoutGrades]).problems() == [
                "model.lua:1: distribution { A = 20, … } takes its order from grades = { … }; give grades, or list it in order: { { \"A\", 20 }, { \"B\", 80 } }"
            ])
        let unknownGrade = """
            return scorecard {
              id = "d", grades = { A = 90, B = 0 }, distribution = { A = 20, C = 80 },
              kpi "a" { weight = 100, score = rank },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": unknownGrade]).problems() == [
                "model.lua:1: distribution: grade \"C\" is not one of the grades (A, B)"
            ])
        let notSumming = """
            return scorecard {
              id = "d", grades = { A = 90, B = 0 }, distribution = { A = 20, B = 70 },
              kpi "a" { weight = 100, score = rank },
            }
            """
        #expect(try ModelWorkspace(["model.lua": notSumming]).problems().count == 1)
    }

    @Test func anIndicatorIsScoredOnceInAModel() throws {
        let source = """
            return scorecard {
              id = "twice",
              dimension "a" { weight = 50, kpi "x" { weight = 100, score = rank } },
              dimension "b" { weight = 50, kpi "x" { weight = 100, score = rank } },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:4: kpi \"x\" is scored twice in the model (first at model.lua:3); an indicator is scored once"
            ])
    }

    @Test func modelIdsAreUniqueAcrossFiles() throws {
        let workspace = try ModelWorkspace([
            "model.lua": #"return scorecard { id = "sales", kpi "a" { weight = 100, score = rank } }"#,
            "scorecards/copy.lua": """
            -- a copy
            return scorecard { id = "sales", kpi "a" { weight = 100, score = rank } }
            """,
        ])
        #expect(
            workspace.problems() == [
                "scorecards/copy.lua:2: the model id \"sales\" is already used by model.lua:1"
            ])
    }

    @Test func problemsOfSeveralFilesAreReportedTogether() throws {
        let workspace = try ModelWorkspace([
            "model.lua": #"return scorecard { id = "one", kpi "a" { weight = 90, score = rank } }"#,
            "scorecards/two.lua": #"return scorecard { id = "two", kpi "a" { weight = 100, score = "best" } }"#,
        ])
        #expect(workspace.problems().map { $0.prefix(while: { $0 != ":" }) } == ["model.lua", "scorecards/two.lua"])
    }

    @Test func rollupsMustBeCoarserThanTheScoredGrain() throws {
        let source = """
            return scorecard {
              id = "teams", per = "team", rollups = { "team", "department", "company" },
              kpi "a" { weight = 100, score = rank },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:1: rollups: team is not a coarser grain than per = \"team\" (user → team → department → company)"
            ])
        let accounts = """
            return scorecard { id = "accounts", per = "account", rollups = { "company" }, kpi "a" { weight = 100, score = rank } }
            """
        #expect(try ModelWorkspace(["model.lua": accounts]).model().rollups == [.company])
    }

    @Test func aFormGivenWithoutItsArgumentsIsReportedNotCalled() throws {
        let source = """
            return scorecard {
              id = "forms",
              kpi "a" { weight = 40, score = linear, target = quota },
              kpi "b" { weight = 60, score = rank },
              kpi,
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:3: kpi \"a\": target = quota needs its metric: quota \"revenue\"",
                "model.lua:3: kpi \"a\": score = linear needs its parameters: linear { … }",
                "model.lua:1: scorecard: item 3 is kpi without its arguments, not a dimension or kpi",
            ])
    }

    @Test func aFileChangingTheSharedScoringValuesChangesNothingForItselfOrOthers() throws {
        let workspace = try ModelWorkspace([
            "scorecards/a.lua": """
            rank.name = "percentile"
            return scorecard { id = "a", kpi "x" { weight = 100, score = rank } }
            """,
            "scorecards/b.lua": #"return scorecard { id = "b", kpi "x" { weight = 100, score = rank } }"#,
        ])
        let models = try workspace.load()
        #expect(models.definitions.map { $0.model.indicatorPaths.first?.indicator.function.name } == ["rank", "rank"])
    }

    @Test func dropOnlyAppliesWhenExtending() throws {
        let source = """
            return scorecard {
              id = "m",
              kpi "a" { weight = 100, score = rank, drop = true },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:3: kpi \"a\": drop = true only applies in a model that extends another"
            ])
    }
}
