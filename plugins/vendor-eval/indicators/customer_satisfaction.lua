-- Customer satisfaction: the mean CSAT rating given in the period.
return indicator {
  id = "customer_satisfaction",
  title = { en = "Customer satisfaction (CSAT)", zh = "客户满意度" },
  description = "Mean score of the surveys with type csat and submitted_at in the period (1-5); surveys without a score are left out; missing when none has one.",
  unit = "score",
  better = "higher",
  per = "company",
  needs = { "surveys.type", "surveys.score", "surveys.submitted_at" },
  value = function(s)
    return s.surveys:during("submitted_at"):where{ type = "csat" }:avg("score")
  end,
}
