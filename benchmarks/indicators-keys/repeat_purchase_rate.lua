return indicator {
  id = "repeat_purchase_rate",
  title = { en = "Repeat-purchase rate", zh = "复购率" },
  description = "Of the accounts with a won deal closed in the period, the share with two or more in the period "
    .. "or one closed before it; missing when none.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.account", "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    local won = s.opportunities:where{ stage = "won" }
    local buyers = won:during("closed_at"):per("account", { n = "count" })
    local returning = buyers:intersect(won:before("closed_at"):per("account"))
    return ratio(buyers:where{ n = { ">=", 2 } }:union(returning):count(), buyers:count())
  end,
}
