-- sales-core's default scorecard (model sales-core.default): sales reps scored on quota completion,
-- conversion and cost. README.md, "Default scorecard".
--
-- Quota completion is the scorecard's own: `target = quota "revenue"` resolves the subject's
-- quotas rows for the metric (pro-rated by days, team quotas replacing members' at rollup:
-- docs/targets.md), and the completion shown is revenue / that target. A workspace without a
-- quota row for a rep gets a missing target and the kpi is reweighted away, not scored 0.
return scorecard {
  id = "default",
  title = { en = "Sales core scorecard", zh = "销售核心考核" },
  version = "1.0.0",
  per = "user",
  where = { role = "sales" },
  peers = "all",
  weights = "sum100",
  cap = 120,
  missing = "reweight",

  dimension "results" { title = { en = "Results", zh = "业绩" }, weight = 60,
    kpi "sales-core.revenue" { weight = 60,
      target = quota "revenue",
      score = linear { zero = 0.5, full = 1.0 },
      pipeline = "sales-core.open_pipeline",
    },
    kpi "sales-core.collections" { weight = 40,
      target = quota "collections",
      score = linear { zero = 0.5, full = 1.0 },
    },
  },
  dimension "conversion" { title = { en = "Conversion", zh = "转化" }, weight = 25,
    kpi "sales-core.win_rate" { weight = 60, score = percentile },
    kpi "sales-core.new_customers" { weight = 40, score = rank },
  },
  dimension "cost" { title = { en = "Cost", zh = "成本" }, weight = 15,
    kpi "sales-core.sales_expense_ratio" { weight = 100, score = percentile },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  rollups = { "team", "company" },
}
