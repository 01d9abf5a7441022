return indicator {
  id = "avg_csat",
  title = { en = "Average CSAT", zh = "平均满意度" },
  description = "Mean score of the surveys of type csat submitted in the period (1-5); missing when none.",
  unit = "score",
  better = "higher",
  per = "user",
  needs = { "surveys.type", "surveys.submitted_at", "surveys.score" },
  value = function(s, k)
    return s.surveys:where{ type = "csat" }:during("submitted_at"):avg("score")
  end,
}
