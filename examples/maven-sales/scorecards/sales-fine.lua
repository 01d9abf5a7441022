-- The fine sales scorecard of the Maven example: the coarse model (../model.lua) refined into
-- the five appraisal methods the data allows, without copying it (`extends`).
--
--   results   (40)  performance indicators: won revenue against quota (Melvin Marxen's team
--                   against its stretch tier), deals won ranked, average deal relative to the
--                   peer mean (相对比较法)
--   quality   (20)  win rate on a step table, sales cycle as a percentile among the agents
--   tasks     (15)  task completion: the monthly big-deal quota, the product-range task
--   feedback  (15)  customer feedback: CSAT and complaints, from the synthetic data/ratings.csv
--   crm       (10)  CRM proficiency: share of the deals engaged with the account recorded
--
-- Missing values: no CSAT answer re-weights the feedback dimension; no deal engaged (nothing to
-- judge CRM use on) marks the total incomplete, so such an agent gets no grade or rank; every
-- other missing value counts as 0 (the model's default).
return scorecard {
  id = "sales-fine",
  extends = "maven-sales",
  title = { en = "Sales scorecard (fine)", zh = "销售考核（细化版）" },
  version = "2.0",

  -- Merged by id into the base's dimensions: only the fields given change.
  dimension "results" { weight = 40,
    kpi "won_revenue" { weight = 50,
      pipeline = "open_pipeline",
      overrides = {
        { where = { team = "Melvin Marxen" }, target = quota { "revenue", tier = "stretch" } },
      },
    },
    kpi "won_deals" { weight = 25 },
    kpi "avg_won_deal" { weight = 25, score = relative_to_mean },
  },
  dimension "quality" { weight = 20,
    kpi "win_rate" { weight = 60, score = steps { { 0.8, 60 }, { 0.9, 80 }, { 1.0, 100 }, { 1.1, 110 } } },
    kpi "avg_sales_cycle_days" { weight = 40, better = "lower", score = percentile },
  },

  -- New dimensions, appended after the base's.
  dimension "tasks" { title = { en = "Tasks", zh = "任务" }, weight = 15,
    kpi "big_deals" { weight = 60,
      target = quota "big_deals",
      score = threshold { at = 1.0, pass = 100, fail = 40 },
    },
    kpi "products_sold" { weight = 40,
      target = 5,
      score = steps { { 3, 60 }, { 4, 80 }, { 5, 100 }, basis = "value" },
    },
  },
  dimension "feedback" { title = { en = "Feedback", zh = "客户反馈" }, weight = 15,
    kpi "csat" { weight = 70, target = 4.5, score = linear { zero = 0.6, full = 1.0 }, missing = "reweight" },
    kpi "complaints" { weight = 30, better = "lower", target = 0, score = pass_fail },
  },
  dimension "crm" { title = { en = "CRM use", zh = "CRM 使用" }, weight = 10,
    kpi "account_coverage" { weight = 100,
      target = 0.95,
      score = linear { zero = 0.5, full = 1.0 },
      cap = 100,
      missing = "incomplete",
    },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  distribution = { A = 20, B = 70, C = 10 },
  rollups = { "team", "department", "company" },
  alerts = {
    at = { 0.5, 0.8, 1.0, 1.2 },
    pace = { tolerance = 0.10, working_days = true, holidays = { "2017-11-23", "2017-12-25" } },
    remind = { days_before_end = 5, below = 0.8 },
  },
}
