return indicator {
  id = "avg_sales_cycle_days",
  title = { en = "Average sales cycle", zh = "平均销售周期" },
  description = "Mean closed_at - created_at in days over opportunities won with closed_at in the period; missing when none.",
  unit = "days",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.created_at", "opportunities.closed_at" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):avg(days("created_at", "closed_at"))
  end,
}
