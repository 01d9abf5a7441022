import Testing
import YardstickScorecard
import YardstickScoring

/// A base model (model.lua) the tests extend, line by line.
let baseModel = """
    return scorecard {
      id = "base", title = { en = "Base", zh = "基础" }, missing = "zero", grades = { A = 90, B = 0 },
      dimension "results" { weight = 60,
        kpi "revenue" { weight = 70, target = 100 },
        kpi "win_rate" { weight = 30, target = 0.3 },
      },
      dimension "quality" { weight = 40,
        kpi "cycle" { weight = 100, target = 60, better = "lower" },
      },
    }
    """

@Suite struct ModelFileExtendsTests {
    @Test func anExtendingModelOverridesAddsAndDropsByID() throws {
        let fine = """
            return scorecard {
              id = "fine", extends = "base", cap = 120,
              dimension "results" {
                kpi "revenue" { target = quota "revenue", score = linear { zero = 0.5 } },
                kpi "win_rate" { drop = true },
                kpi "calls" { weight = 30, score = rank },
              },
              dimension "crm" { weight = 10, kpi "logins" { weight = 100, score = percentile } },
              dimension "quality" { weight = 30 },
            }
            """
        let models = try ModelWorkspace(["model.lua": baseModel, "scorecards/fine.lua": fine]).load()
        #expect(models.definitions.map(\.id) == ["base", "fine"])
        let model = try #require(models.definitions.last)
        #expect(model.extends == "base")
        #expect(model.file == "scorecards/fine.lua")
        #expect(model.title == "Base")
        #expect(model.titleZH == "基础")
        #expect(model.model.cap == 120)
        #expect(model.model.grades?.bands.map(\.grade) == ["A", "B"])
        #expect(model.model.children.map(\.id) == ["results", "quality", "crm"])
        #expect(model.model.children.map(\.weight) == [60, 30, 10])
        #expect(
            model.model.indicatorPaths.map(\.path) == [
                ["results", "revenue"], ["results", "calls"], ["quality", "cycle"], ["crm", "logins"],
            ])
        #expect(model.model.indicatorPaths.map(\.indicator.weight) == [70, 30, 100, 100])
        #expect(
            model.model.indicatorPaths.map { $0.indicator.location?.description } == [
                "scorecards/fine.lua:4", "scorecards/fine.lua:6", "model.lua:8", "scorecards/fine.lua:8",
            ])
        let revenue = try #require(model.model.indicatorPaths.first?.indicator)
        guard case .linear(let zero, let full) = revenue.function else {
            Issue.record("revenue is scored by \(revenue.function.name)")
            return
        }
        #expect(zero == 0.5 && full == 1)
        guard case .quota(let metric, _)? = model.settings(of: "revenue").target else {
            Issue.record("revenue has no quota target")
            return
        }
        #expect(metric == "revenue")
        #expect(model.indicators["win_rate"] == nil)
        guard case .constant(let days)? = model.settings(of: "cycle").target else {
            Issue.record("cycle lost its target")
            return
        }
        #expect(days == 60)
        #expect(model.model.indicatorPaths[2].indicator.direction == .lowerIsBetter)
        // The base is untouched.
        #expect(models.definitions.first?.model.indicatorPaths.map(\.indicator.id) == ["revenue", "win_rate", "cycle"])
    }

    @Test func defaultsChangedAtTheTopReachTheBasesNodes() throws {
        let strict = """
            return scorecard { id = "strict", extends = "base", missing = "incomplete" }
            """
        let model = try #require(
            try ModelWorkspace(["model.lua": baseModel, "scorecards/strict.lua": strict]).load().definitions.last)
        #expect(model.model.indicatorPaths.allSatisfy { $0.indicator.missingPolicy == .markIncomplete })
    }

    @Test func extendsChainsToAnyDepth() throws {
        let middle = #"return scorecard { id = "middle", extends = "base", cap = 110 }"#
        let top = """
            return scorecard {
              id = "top", extends = "middle",
              dimension "quality" { kpi "cycle" { cap = 150 } },
            }
            """
        let models = try ModelWorkspace([
            "model.lua": baseModel, "scorecards/a-middle.lua": middle, "scorecards/b-top.lua": top,
        ]).load()
        let model = try #require(models.definitions.last)
        #expect(model.id == "top")
        #expect(model.model.cap == 110)
        #expect(model.model.indicatorPaths.last?.indicator.cap == 150)
        #expect(model.model.indicatorPaths.last?.indicator.location?.description == "scorecards/b-top.lua:3")
    }

    @Test func validationAfterTheMergePointsAtTheExtendingFile() throws {
        let bad = """
            return scorecard {
              id = "bad", extends = "base",
              dimension "results" {
                kpi "revenue" { weight = 50 },
              },
              kpi "extra" { weight = 10, score = rank },
              dimension "quality" { kpi "cycle" { score = linear { zero = 1, full = 0.5 } } },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": baseModel, "scorecards/bad.lua": bad]).problems() == [
                "scorecards/bad.lua:1: the weights of the model's children sum to 110, not 100 (results 60, quality 40, extra 10)",
                "scorecards/bad.lua:3: results: the weights of \"results\"'s children sum to 80, not 100 (revenue 50, win_rate 30)",
                "scorecards/bad.lua:7: quality › cycle: linear scoring needs 0 ≤ zero < full (completion fractions), not zero 1.0, full 0.5",
            ])
    }

    @Test func cyclesAndUnknownBasesAreReportedWhereTheyAreDeclared() throws {
        let workspace = try ModelWorkspace([
            "scorecards/a.lua": #"return scorecard { id = "a", extends = "b" }"#,
            "scorecards/b.lua": #"return scorecard { id = "b", extends = "a" }"#,
            "scorecards/c.lua": """
            -- extends a model that is not there
            return scorecard { id = "c", extends = "nope" }
            """,
            "scorecards/d.lua": #"return scorecard { id = "d", extends = "d" }"#,
        ])
        #expect(
            workspace.problems() == [
                "scorecards/a.lua:1: model \"a\" extends itself in a cycle: a → b → a",
                "scorecards/b.lua:1: model \"b\" extends itself in a cycle: b → a → b",
                "scorecards/c.lua:2: model \"c\" extends \"nope\", which is no model of the workspace (models: a, b, d)",
                "scorecards/d.lua:1: model \"d\" extends \"d\", which is no model of the workspace (models: a, b, c)",
            ])
    }

    @Test func droppingWhatTheBaseDoesNotHaveOrChangingAKindIsAnError() throws {
        let bad = """
            return scorecard {
              id = "bad", extends = "base",
              kpi "ghost" { drop = true },
              kpi "results" { weight = 60, score = rank },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": baseModel, "scorecards/bad.lua": bad]).problems() == [
                "scorecards/bad.lua:3: kpi \"ghost\": drop = true, but the base model has no such node here",
                "scorecards/bad.lua:4: kpi \"results\" replaces a dimension of the base model (model.lua:3); drop it first to change its kind",
            ])
    }

    @Test func aModelOnAFlawedBaseReportsOnlyTheBasesProblems() throws {
        let workspace = try ModelWorkspace([
            "model.lua": #"return scorecard { id = "base", colour = 1, kpi "a" { weight = 100, score = rank } }"#,
            "scorecards/child.lua": #"return scorecard { id = "child", extends = "base", cap = 120 }"#,
        ])
        #expect(workspace.problems().count == 1)
        #expect(workspace.problems().first?.hasPrefix("model.lua:1: scorecard: unknown key \"colour\"") == true)
    }
}
