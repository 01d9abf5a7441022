-- Gross revenue retention: the share of the opening MRR kept, expansion left out.
local mrr = require "mrr"

return indicator {
  id = "grr",
  title = { en = "Gross revenue retention (GRR)", zh = "总收入留存率（GRR）" },
  description = "(opening_mrr - contraction_mrr - churned_mrr) / opening_mrr: the share of the opening MRR still paid at the period's end, expansion not counted (at most 1); missing when opening_mrr is 0.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s, k)
    local none = mrr.no_opening(s)
    if none then return none end
    return ratio(k("opening_mrr") - k("contraction_mrr") - k("churned_mrr"), k("opening_mrr"))
  end,
}
