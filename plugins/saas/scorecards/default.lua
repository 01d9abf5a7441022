-- The default scorecard of the saas pack: account owners (CSMs, AEs) scored on keeping and
-- growing their book of recurring revenue, month by month. It becomes model `saas.default`;
-- a workspace model can `extends` it to change targets or add indicators (README.md).
--
-- Retention (60): net revenue retention against 100 % (0 points at 80 % of it), gross revenue
-- retention against 90 % (0 points at 80 % of it), logo churn in steps (at most 2 %: 100 points,
-- at most 5 %: 50 points, above: 0). Growth (40): expansion rate against 2 % a month,
-- proportionally; new MRR by percentile among the owners.
-- An owner with no MRR at the period's start has no NRR, GRR, logo churn or expansion rate:
-- their weight goes to the indicators that have a value (missing = "reweight").
return scorecard {
  id = "default",
  title = { en = "SaaS account owner scorecard", zh = "SaaS 客户负责人考核" },
  version = "1.0.0",
  per = "user",
  peers = "all",
  weights = "sum100",
  cap = 120,
  missing = "reweight",

  dimension "retention" { title = { en = "Retention", zh = "留存" }, weight = 60,
    kpi "saas.nrr" { weight = 40, target = 1.0, score = linear { zero = 0.8, full = 1.0 } },
    kpi "saas.grr" { weight = 35, target = 0.9, score = linear { zero = 0.8, full = 1.0 } },
    kpi "saas.logo_churn_rate" { weight = 25, target = 0.02,
      score = steps { { 0.05, 50 }, { 0.02, 100 }, basis = "value" },
    },
  },
  dimension "growth" { title = { en = "Growth", zh = "增长" }, weight = 40,
    kpi "saas.expansion_rate" { weight = 50, target = 0.02, score = proportional },
    kpi "saas.new_mrr" { weight = 50, score = percentile },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  rollups = { "team", "company" },
}
