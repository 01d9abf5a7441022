-- Customer satisfaction: the mean rating customers gave the agent after a deal (data/ratings.csv).
return indicator {
  id = "csat",
  title = { en = "Customer satisfaction", zh = "客户满意度" },
  description = "Mean score (1-5) of the surveys of type csat about the agent submitted in the period. Missing when no customer answered. The surveys are the example's synthetic ratings table (data/ratings.csv), not part of Maven's export.",
  unit = "score",
  better = "higher",
  per = "user",
  needs = { "surveys.type", "surveys.submitted_at", "surveys.score" },
  value = function(s, k)
    return s.surveys:where{ type = "csat" }:during("submitted_at"):avg("score")
  end,
}
