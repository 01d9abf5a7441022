-- The default scorecard of the distribution pack: field reps scored on covering their stores,
-- selling in the assortment and collecting what is due, month by month. It becomes model
-- `distribution.default`; a workspace model can `extends` it to change targets (README.md).
--
-- Coverage (40): the share of the rep's stores visited against 90 % (0 points at half of it);
-- visits per working day against 6, proportionally. Sell-in (30): SKU coverage against 60 %,
-- proportionally; order frequency against the peers' mean (相对比较法). Collections (30): the
-- collection rate against 95 % (0 points at half of it); the overdue share of receivables against
-- 10 %, lower is better (20 % overdue scores 50).
-- A rep without stores, orders or receivables has no value for the indicators that need them:
-- their weight goes to the others (missing = "reweight").
return scorecard {
  id = "default",
  title = { en = "Field sales scorecard (distribution)", zh = "分销业务员考核" },
  version = "1.0.0",
  per = "user",
  peers = "all",
  weights = "sum100",
  cap = 120,
  missing = "reweight",

  dimension "coverage" { title = { en = "Coverage", zh = "覆盖" }, weight = 40,
    kpi "distribution.store_coverage" { weight = 50, target = 0.9, score = linear { zero = 0.5, full = 1.0 } },
    kpi "distribution.visits_per_working_day" { weight = 50, target = 6, score = proportional },
  },
  dimension "sell_in" { title = { en = "Sell-in", zh = "进货" }, weight = 30,
    kpi "distribution.sku_coverage" { weight = 50, target = 0.6, score = proportional },
    kpi "distribution.order_frequency" { weight = 50, score = relative_to_mean },
  },
  dimension "collections" { title = { en = "Collections", zh = "回款" }, weight = 30,
    kpi "distribution.collection_rate" { weight = 60, target = 0.95, score = linear { zero = 0.5, full = 1.0 } },
    kpi "distribution.overdue_share" { weight = 40, target = 0.1, score = proportional },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  rollups = { "team", "company" },
}
