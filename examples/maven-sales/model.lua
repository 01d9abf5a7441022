-- The coarse sales scorecard of the Maven example: three indicators in two dimensions.
--
-- Results (70): won revenue against the agent's monthly revenue quota (data/quotas.csv; a
-- quarter sums its three months), scored linearly from 50 % of quota (0 points) to 100 %
-- (100 points) and on up to the cap of 120; deals won, ranked among the agents (排序法).
-- Quality (30): the win rate against a flat 60 %, proportionally.
-- `yardstick score --period 2017-10` scores this model; scorecards/sales-fine.lua refines it.
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

  dimension "results" { title = { en = "Results", zh = "业绩" }, weight = 70,
    kpi "won_revenue" { weight = 70,
      target = quota "revenue",
      score = linear { zero = 0.5, full = 1.0 },
    },
    kpi "won_deals" { weight = 30, score = rank },
  },
  dimension "quality" { title = { en = "Quality", zh = "质量" }, weight = 30,
    kpi "win_rate" { weight = 100, target = 0.6, score = proportional },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  rollups = { "team", "company" },
}
