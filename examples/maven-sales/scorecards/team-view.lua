-- The team view of the Maven example: the six managers' teams scored as units.
--
-- Each team's own figures (the indicators evaluated on the union of its members' deals) against
-- its own targets: won revenue against the team's quarterly quota row of data/quotas.csv (for a
-- month, pro-rated by days: 31/92 of 2017-Q4 for 2017-10), revenue growth ranked among the
-- teams, the win rate against 60 % and the sales cycle relative to the fastest team.
return scorecard {
  id = "team-view",
  title = { en = "Team scorecard", zh = "团队考核" },
  version = "1.0",
  per = "team",
  peers = "all",
  cap = 120,

  dimension "results" { title = { en = "Results", zh = "业绩" }, weight = 70,
    kpi "won_revenue" { weight = 70, target = quota "revenue", score = linear { zero = 0.5, full = 1.0 } },
    kpi "revenue_growth" { weight = 30, score = rank },
  },
  dimension "quality" { title = { en = "Quality", zh = "质量" }, weight = 30,
    kpi "win_rate" { weight = 50, target = 0.6, score = proportional },
    kpi "avg_sales_cycle_days" { weight = 50, better = "lower", score = relative_to_best },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  rollups = { "department", "company" },
}
