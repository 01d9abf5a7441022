import Testing
import YardstickScorecard
import YardstickScoring

/// `dimension "id" { title = … }`: the name reports show, in English and Chinese.
@Suite struct ModelFileDimensionTitleTests {
    private static let titled = """
        return scorecard {
          id = "titled",
          dimension "results" { title = { en = "Results", zh = "业绩" }, weight = 60,
            dimension "pipeline" { title = "Pipeline", weight = 100,
              kpi "revenue" { weight = 100, target = 100 },
            },
          },
          dimension "quality" { weight = 40,
            kpi "win_rate" { weight = 100, target = 0.3 },
          },
        }
        """

    @Test func aDimensionTitleIsShownByLocaleAndFallsBackToTheID() throws {
        let model = try ModelWorkspace(["model.lua": Self.titled]).model().model
        #expect(model.dimensionTitle(at: ["results"], locale: "en") == "Results")
        #expect(model.dimensionTitle(at: ["results"], locale: "zh-CN") == "业绩")
        // A plain string serves both languages; no title shows the id.
        #expect(model.dimensionTitle(at: ["results", "pipeline"], locale: "zh-CN") == "Pipeline")
        #expect(model.dimensionTitle(at: ["quality"], locale: "zh-CN") == "quality")
        #expect(model.dimension(at: ["results", "pipeline"])?.id == "pipeline")
        #expect(model.dimension(at: ["results", "revenue"]) == nil)
    }

    @Test func anExtendingModelRetitlesADimensionAndKeepsTheRest() throws {
        let fine = """
            return scorecard {
              id = "fine", extends = "titled",
              dimension "quality" { title = { en = "Quality", zh = "质量" } },
            }
            """
        let models = try ModelWorkspace(["model.lua": Self.titled, "scorecards/fine.lua": fine]).load()
        let model = try #require(models.definitions.last).model
        #expect(model.dimensionTitle(at: ["quality"], locale: "zh-CN") == "质量")
        #expect(model.dimensionTitle(at: ["results"], locale: "zh-CN") == "业绩")
        #expect(model.children.map(\.weight) == [60, 40])
    }

    @Test func aTitleThatIsNeitherTextNorLanguagesIsReportedWithFileAndLine() throws {
        let source = """
            return scorecard {
              id = "bad",
              dimension "results" { title = 7, weight = 100,
                kpi "revenue" { weight = 100, target = 1 },
              },
              dimension "quality" { title = { en = "Quality", fr = "Qualité" }, weight = 0 },
            }
            """
        #expect(
            try ModelWorkspace(["model.lua": source]).problems() == [
                "model.lua:3: dimension \"results\": title must be a string or { en = \"…\", zh = \"…\" }, not 7",
                "model.lua:6: dimension \"quality\": title: unknown key \"fr\" (keys: en, zh)",
            ])
    }
}
