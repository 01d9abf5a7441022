-- Average sales cycle: days from engagement to close, over the deals won in the period.
return indicator {
  id = "avg_sales_cycle_days",
  title = { en = "Average sales cycle", zh = "平均销售周期" },
  description = "Mean of closed_at - created_at in days over deals won with closed_at in the period (created_at is Maven's engage_date). Missing when nothing was won.",
  unit = "days",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.created_at", "opportunities.closed_at" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at")
      :avg(days("created_at", "closed_at"))
  end,
}
