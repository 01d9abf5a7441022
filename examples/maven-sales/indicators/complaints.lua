-- Complaints: customer complaints logged against the agent in the period (data/ratings.csv).
return indicator {
  id = "complaints",
  title = { en = "Complaints", zh = "客户投诉数" },
  description = "Number of surveys of type complaint about the agent submitted in the period; 0 when none. From the example's synthetic ratings table (data/ratings.csv).",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "surveys.type", "surveys.submitted_at" },
  value = function(s, k)
    return s.surveys:where{ type = "complaint" }:during("submitted_at"):count()
  end,
}
