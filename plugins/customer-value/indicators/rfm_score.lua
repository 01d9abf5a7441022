-- RFM score: the R, F and M scores weighted by rfm_weights.
return indicator {
  id = "rfm_score",
  title = { en = "RFM score (weighted)", zh = "RFM 综合分（加权）" },
  description = "w1 x r_score + w2 x f_score + w3 x m_score with { w1, w2, w3 } = rfm_weights (default 0.5, 0.3, 0.2); missing when a score is.",
  unit = "score",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(_, k)
    local weights = param("rfm_weights")
    if #weights ~= 3 then error("rfm_weights must hold three numbers (R, F, M), found " .. #weights) end
    return weights[1] * k("r_score") + weights[2] * k("f_score") + weights[3] * k("m_score")
  end,
}
