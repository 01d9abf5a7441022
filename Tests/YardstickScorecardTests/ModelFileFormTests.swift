import Foundation
import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The contract's example model, line by line (line numbers matter to the tests).
let contractExample = """
    return scorecard {
      id = "maven-sales",
      title = { en = "Sales scorecard", zh = "销售考核" },
      version = "1.0",
      per = "user",
      where = { role = "sales" },
      peers = "all",
      weights = "sum100",
      cap = 120,
      missing = "zero",
      dimension "results" { weight = 60,
        kpi "won_revenue" { weight = 70,
          target = quota "revenue",
          score = linear { zero = 0.5, full = 1.0 },
          cap = 120, missing = "reweight",
          better = "higher",
          pipeline = "open_pipeline",
          overrides = { { where = { team = "Cara Losch" }, target = quota { "revenue", tier = "stretch" } } },
        },
        kpi "win_rate" { weight = 30, target = 0.30, score = steps { {0.8, 60}, {1.0, 100}, {1.2, 120} } },
      },
      dimension "quality" { weight = 40,
        kpi "avg_sales_cycle_days" { weight = 50, target = 60, better = "lower",
          score = threshold { at = 1.0, pass = 100, fail = 40 } },
        kpi "big_deals" { weight = 50, score = rank },
      },
      grades = { A = 90, B = 75, C = 60, D = 0 },
      distribution = { A = 20, B = 70, C = 10 },
      rollups = { "team", "department", "company" },
      alerts = { at = { 0.5, 0.8, 1.0, 1.2 },
                 pace = { tolerance = 0.10, working_days = true, holidays = { "2017-10-02" } },
                 remind = { days_before_end = 5, below = 0.8 } },
    }
    """

@Suite struct ModelFileFormTests {
    @Test func theContractExampleReadsIntoItsDefinition() throws {
        let model = try ModelWorkspace(["model.lua": contractExample]).model()
        #expect(model.id == "maven-sales")
        #expect(model.title == "Sales scorecard")
        #expect(model.titleZH == "销售考核")
        #expect(model.title(locale: "zh-CN") == "销售考核")
        #expect(model.version == "1.0")
        #expect(model.file == "model.lua")
        #expect(model.extends == nil)
        #expect(model.per == .user)
        #expect(model.filter == SubjectFilter(["role": ["sales"]]))
        #expect(model.peers == .all)
        #expect(model.model.weightRule == .mustSumTo100)
        #expect(model.model.cap == 120)
        #expect(model.rollups == [.team, .department, .company])
        #expect(model.model.grades?.bands.map(\.grade) == ["A", "B", "C", "D"])
        #expect(model.model.grades?.bands.map(\.minimum) == [90, 75, 60, 0])
        #expect(model.model.forcedDistribution?.shares.map(\.grade) == ["A", "B", "C"])
        #expect(model.model.forcedDistribution?.shares.map(\.percent) == [20, 70, 10])
    }

    @Test func theTreeKeepsOrderWeightsAndDeclaringLines() throws {
        let model = try ModelWorkspace(["model.lua": contractExample]).model()
        let paths = model.model.indicatorPaths
        #expect(
            paths.map(\.path) == [
                ["results", "won_revenue"], ["results", "win_rate"], ["quality", "avg_sales_cycle_days"],
                ["quality", "big_deals"],
            ])
        #expect(paths.map(\.indicator.weight) == [70, 30, 50, 50])
        #expect(paths.map { $0.indicator.location?.line } == [12, 20, 23, 25])
        #expect(model.model.children.map(\.weight) == [60, 40])
        #expect(model.model.children.map { $0.location?.description } == ["model.lua:11", "model.lua:22"])
    }

    @Test func eachKpiFormMapsToItsScoringFunctionPolicyAndDirection() throws {
        let model = try ModelWorkspace(["model.lua": contractExample]).model()
        let leaves = Dictionary(
            uniqueKeysWithValues: model.model.indicatorPaths.map { ($0.indicator.id, $0.indicator) })
        let revenue = try #require(leaves["won_revenue"])
        guard case .linear(let zero, let full) = revenue.function else {
            Issue.record("won_revenue is scored by \(revenue.function.name)")
            return
        }
        #expect(zero == 0.5 && full == 1.0)
        #expect(revenue.cap == 120)
        #expect(revenue.missingPolicy == .excludeAndReweight)
        #expect(revenue.direction == .higherIsBetter)
        guard case .steps(let steps, let basis) = leaves["win_rate"]?.function else {
            Issue.record("win_rate is not a step table")
            return
        }
        #expect(
            steps == [
                ScoreStep(threshold: 0.8, score: 60), ScoreStep(threshold: 1.0, score: 100),
                ScoreStep(threshold: 1.2, score: 120),
            ])
        #expect(basis == .completion)
        #expect(leaves["win_rate"]?.missingPolicy == .countAsZero)
        let cycle = try #require(leaves["avg_sales_cycle_days"])
        guard case .threshold(let at, let pass, let fail) = cycle.function else {
            Issue.record("avg_sales_cycle_days is scored by \(cycle.function.name)")
            return
        }
        #expect(at == 1 && pass == 100 && fail == 40)
        #expect(cycle.direction == .lowerIsBetter)
        #expect(leaves["big_deals"]?.function.name == "rank")
        #expect(leaves["big_deals"]?.cap == nil)
    }

    @Test func targetsOverridesAndPipelineGoToTheIndicatorSettings() throws {
        let model = try ModelWorkspace(["model.lua": contractExample]).model()
        let revenue = model.settings(of: "won_revenue")
        guard case .quota(let metric, let tier)? = revenue.target else {
            Issue.record("won_revenue has no quota target")
            return
        }
        #expect(metric == "revenue" && tier == .target)
        #expect(revenue.pipelineIndicator == "open_pipeline")
        #expect(revenue.declaredDirection == .higherIsBetter)
        #expect(revenue.location == ModelLocation(file: "model.lua", line: 12))
        #expect(revenue.overrides.count == 1)
        #expect(revenue.overrides.first?.filter == SubjectFilter(["team": ["Cara Losch"]]))
        guard case .quota(let overrideMetric, let overrideTier)? = revenue.overrides.first?.rule else {
            Issue.record("the override has no quota target")
            return
        }
        #expect(overrideMetric == "revenue" && overrideTier == .stretch)
        guard case .constant(let rate)? = model.settings(of: "win_rate").target else {
            Issue.record("win_rate has no constant target")
            return
        }
        #expect(rate == 0.30)
        #expect(model.settings(of: "win_rate").declaredDirection == nil)
        #expect(model.settings(of: "big_deals").target == nil)
        #expect(model.settings(of: "avg_sales_cycle_days").declaredDirection == .lowerIsBetter)
    }

    @Test func alertsReadMarksPaceWithHolidaysAndTheReminder() throws {
        let model = try ModelWorkspace(["model.lua": contractExample]).model()
        let alerts = try #require(model.alerts)
        #expect(alerts.milestones == [0.5, 0.8, 1.0, 1.2])
        #expect(alerts.pace?.tolerance == 0.10)
        #expect(alerts.pace?.workingDaysOnly == true)
        #expect(alerts.pace?.holidays == [CivilDate.dayNumber(year: 2017, month: 10, day: 2)])
        #expect(alerts.reminder?.leadDays == 5)
        #expect(alerts.reminder?.below == 0.8)
    }

    @Test func alertsTrueMeansTheDefaultMarksAndPace() throws {
        let source = """
            return scorecard { id = "m", alerts = true, kpi "a" { weight = 100, target = 1 } }
            """
        let alerts = try #require(try ModelWorkspace(["model.lua": source]).model().alerts)
        #expect(alerts.milestones == [0.5, 0.8, 1.0, 1.2])
        #expect(alerts.pace?.tolerance == 0.10)
        #expect(alerts.pace?.workingDaysOnly == false)
        #expect(alerts.reminder == nil)
    }

    @Test func defaultsApplyToWhatAModelLeavesOut() throws {
        let source = """
            return scorecard {
              id = "plain",
              kpi "calls" { weight = 100, target = 40 },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        #expect(model.title == "plain")
        #expect(model.titleZH == nil)
        #expect(model.per == .user)
        #expect(model.filter.isEmpty)
        #expect(model.peers == .all)
        #expect(model.model.cap == 100)
        #expect(model.model.weightRule == .mustSumTo100)
        #expect(model.model.grades == nil)
        #expect(model.rollups.isEmpty)
        #expect(model.alerts == nil)
        let calls = try #require(model.model.indicatorPaths.first?.indicator)
        #expect(calls.function.name == "linear")
        #expect(calls.missingPolicy == .countAsZero)
        #expect(calls.location == ModelLocation(file: "model.lua", line: 3))
    }

    @Test func nestedDimensionsKeepTheirDepthAndTopLevelKpisSitBesideThem() throws {
        let source = """
            return scorecard {
              id = "deep", weights = "normalised", missing = "incomplete",
              dimension "a" { weight = 3,
                dimension "b" { weight = 1,
                  dimension "c" { weight = 1,
                    kpi "x" { weight = 2, score = percentile },
                    kpi "y" { weight = 1, score = relative_to_mean },
                  },
                },
              },
              kpi "z" { weight = 1, score = relative_to_best },
              kpi "w" { weight = 1, score = "pass_fail", target = 1 },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        #expect(model.model.weightRule == .normalised)
        #expect(model.model.indicatorPaths.map(\.path) == [["a", "b", "c", "x"], ["a", "b", "c", "y"], ["z"], ["w"]])
        #expect(
            model.model.indicatorPaths.map(\.indicator.function.name) == [
                "percentile", "relative-to-mean", "relative-to-best", "threshold",
            ])
        #expect(model.model.indicatorPaths.allSatisfy { $0.indicator.missingPolicy == .markIncomplete })
        #expect(model.model.indicatorPaths.map { $0.indicator.location?.line } == [6, 7, 11, 12])
    }

    @Test func aNormalisedModelScoresItsRelativeWeights() throws {
        // Weights 1 and 3: shares 25 % and 75 %. Revenue 80 of 100 scores 80, calls 30 of 30
        // score 100: total 0.25 × 80 + 0.75 × 100 = 95.
        let source = """
            return scorecard {
              id = "relative", weights = "normalised",
              kpi "revenue" { weight = 1, target = 100 },
              kpi "calls" { weight = 3, target = 30 },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        let scored = try model.model.score([
            SubjectFigures(
                subjectID: "ana",
                inputs: [
                    "revenue": ScoringInput(value: 80, target: 100), "calls": ScoringInput(value: 30, target: 30),
                ])
        ])
        let total = try #require(scored.subjects.first?.total)
        #expect(abs(total - 95) < 1e-9)
    }

    @Test func stepsOnValuesAndADistributionListedInOrder() throws {
        let source = """
            return scorecard {
              id = "m", grades = { Top = 80, Rest = 0 },
              distribution = { { "Rest", 60 }, { "Top", 40 } },
              kpi "tickets" { weight = 100, better = "lower", target = 15, score = steps { { 10, 100 }, { 20, 50 }, basis = "value" } },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        #expect(model.model.forcedDistribution?.shares.map(\.grade) == ["Rest", "Top"])
        guard case .steps(let steps, let basis) = model.model.indicatorPaths.first?.indicator.function else {
            Issue.record("not a step table")
            return
        }
        #expect(basis == .value)
        #expect(steps.map(\.threshold) == [10, 20])
    }

    @Test func severalModelFilesLoadInFileOrderAndAreChosenById() throws {
        let workspace = try ModelWorkspace([
            "model.lua": #"return scorecard { id = "main", kpi "a" { weight = 100, target = 1 } }"#,
            "scorecards/b.lua":
                #"return scorecard { id = "bee", per = "team", kpi "a" { weight = 100, score = rank } }"#,
            "scorecards/a.lua": #"return scorecard { id = "ay", kpi "a" { weight = 100, score = rank } }"#,
            "scorecards/notes.txt": "not a model",
        ])
        let models = try workspace.load()
        #expect(models.definitions.map(\.id) == ["main", "ay", "bee"])
        #expect(models.definitions.map(\.file) == ["model.lua", "scorecards/a.lua", "scorecards/b.lua"])
        #expect(try models.model("bee", workspace: workspace.directory.path).per == .team)
        // model.lua is the workspace's own scorecard: the default among several.
        #expect(try models.model(nil, workspace: workspace.directory.path).id == "main")
        try FileManager.default.removeItem(at: workspace.directory.url.appendingPathComponent("model.lua"))
        let withoutMain = try workspace.load()
        do {
            _ = try withoutMain.model(nil, workspace: workspace.directory.path)
            Issue.record("several models and no model.lua must not pick one")
        } catch {
            #expect(
                error.description
                    == "model.lua: the workspace has 2 models and no model.lua; choose one with --model: ay, bee")
        }
        do {
            _ = try models.model("nope", workspace: workspace.directory.path)
        } catch {
            #expect(error.description == "nope: no model \"nope\" (models: main, ay, bee; or give a model file's path)")
        }
    }

    @Test func aModelFileGivenByPathMayExtendTheWorkspacesModels() throws {
        let workspace = try ModelWorkspace([
            "model.lua": #"return scorecard { id = "main", kpi "a" { weight = 100, target = 1 } }"#,
            "drafts/v2.lua": """
            return scorecard { id = "main", extends = "main", cap = 150 }
            """,
        ])
        let models = try workspace.load()
        #expect(models.definitions.map(\.id) == ["main"])
        let draft = try models.model("drafts/v2.lua", workspace: workspace.directory.path)
        #expect(draft.id == "main")
        #expect(draft.file == "drafts/v2.lua")
        #expect(draft.extends == "main")
        #expect(draft.model.cap == 150)
        #expect(draft.model.indicatorPaths.map(\.indicator.id) == ["a"])
        let own = try models.model(workspace.directory.path("model.lua"), workspace: workspace.directory.path)
        #expect(own.file == "model.lua")
    }

    @Test func aWorkspaceWithoutModelsLoadsEmptyAndSaysSoWhenAskedForOne() throws {
        let workspace = try ModelWorkspace(["workspace.toml": ""])
        let models = try workspace.load()
        #expect(models.definitions.isEmpty)
        do {
            _ = try models.model(nil, workspace: workspace.directory.path)
            Issue.record("no error")
        } catch {
            #expect(
                error.description
                    == "model.lua: the workspace has no scorecard model: write model.lua or scorecards/*.lua")
        }
    }
}

@Suite struct ModelFileDirectionTests {
    @Test func indicatorsOwnDirectionsApplyWhereTheModelDeclaresNone() throws {
        let source = """
            return scorecard {
              id = "d",
              dimension "speed" { weight = 100,
                kpi "cycle_days" { weight = 50, target = 30 },
                kpi "response_hours" { weight = 50, target = 4, better = "higher" },
              },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        let applied = model.applyingIndicatorDirections([
            "cycle_days": .lowerIsBetter, "response_hours": .lowerIsBetter,
        ])
        #expect(applied.model.indicatorPaths.map(\.indicator.direction) == [.lowerIsBetter, .higherIsBetter])
        #expect(model.model.indicatorPaths.map(\.indicator.direction) == [.higherIsBetter, .higherIsBetter])
    }
}

@Suite struct ModelFileIndicatorTests {
    @Test func unknownIndicatorsAreReportedAtTheirKpiWithTheClosestKnownID() throws {
        let source = """
            return scorecard {
              id = "refs",
              kpi "won_revenu" { weight = 50, target = 1, pipeline = "open_pipline" },
              kpi "win_rate" { weight = 25, target = 0.3, pipeline = "open_pipeline" },
              kpi "zzz" { weight = 25, score = rank },
            }
            """
        let model = try ModelWorkspace(["model.lua": source]).model()
        let known: Set<String> = ["won_revenue", "win_rate", "open_pipeline", "calls"]
        #expect(
            model.indicatorProblems(known: known).map(\.description) == [
                "model.lua:3: kpi \"won_revenu\" is no indicator of the workspace (did you mean \"won_revenue\"?)",
                "model.lua:3: kpi \"won_revenu\": pipeline \"open_pipline\" is no indicator of the workspace (did you mean \"open_pipeline\"?)",
                "model.lua:5: kpi \"zzz\" is no indicator of the workspace",
            ])
        #expect(model.indicatorProblems(known: known.union(["won_revenu", "open_pipline", "zzz"])).isEmpty)
    }
}
