-- The CRM vendor scorecard (CRM 供应商评估): the company's CRM vendor judged on the business
-- results the CRM supports, the system's stability and the vendor's support, once per period.
--
-- Grain: company. The vendor serves the whole company, so the company is the one subject scored
-- (a team-grain copy works for a vendor chosen per business unit). Missing values are reweighted:
-- a company without incident records, surveys or campaigns is scored on what it has, and every
-- result says which indicators were left out. Targets are the defaults a consultant starts from;
-- a workspace model that `extends` this one changes them (docs/model-file.md). README.md explains
-- each choice.
return scorecard {
  id = "default",
  title = { en = "CRM vendor scorecard", zh = "CRM 供应商评估" },
  version = "1.0",
  per = "company",
  missing = "reweight",

  dimension "business" { title = { en = "Business", zh = "业务" }, weight = 40,
    kpi "vendor-eval.customer_satisfaction" { weight = 30, target = 4.5 },
    kpi "vendor-eval.customer_retention_rate" { weight = 25, target = 0.85 },
    kpi "vendor-eval.sales_growth" { weight = 15, target = 0.05,
      score = steps { { 0, 50 }, { 0.05, 100 }, basis = "value" } },
    -- Judged against the previous period (环比): at least as high a lifetime value, at most as
    -- high an acquisition cost.
    kpi "vendor-eval.customer_lifetime_value" { weight = 15,
      target = function(t) return t.previous end },
    kpi "vendor-eval.acquisition_cost" { weight = 15,
      target = function(t) return t.previous end },
  },
  dimension "stability" { title = { en = "Stability", zh = "稳定性" }, weight = 35,
    kpi "vendor-eval.availability" { weight = 50, target = 0.999,
      score = steps { { 0.99, 60 }, { 0.995, 80 }, { 0.999, 100 }, basis = "value" } },
    kpi "vendor-eval.incidents" { weight = 20, target = 2 },
    kpi "vendor-eval.time_to_restore_hours" { weight = 30, target = 4 },
  },
  dimension "support" { title = { en = "Support", zh = "支持" }, weight = 25,
    kpi "vendor-eval.response_sla_rate" { weight = 50, target = 0.95 },
    kpi "vendor-eval.resolution_sla_rate" { weight = 50, target = 0.90 },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
}
