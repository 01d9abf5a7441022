-- The weighted RFM score: R, F and M quintiles combined. The weights are constants here
-- until indicator packs take parameters.
local R_WEIGHT, F_WEIGHT, M_WEIGHT = 0.5, 0.3, 0.2

return indicator {
  id = "rfm_score",
  title = { en = "RFM score (weighted)", zh = "RFM 综合分（加权）" },
  description = "0.5 x R score + 0.3 x F score + 0.2 x M score, from 1 to 5; missing when a score is.",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(_, k)
    return R_WEIGHT * k("r_score") + F_WEIGHT * k("f_score") + M_WEIGHT * k("m_score")
  end,
}
