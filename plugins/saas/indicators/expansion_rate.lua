-- Expansion rate: expansion MRR as a share of the opening MRR.
local mrr = require "mrr"

return indicator {
  id = "expansion_rate",
  title = { en = "Expansion rate", zh = "扩张率" },
  description = "expansion_mrr / opening_mrr; missing when opening_mrr is 0.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s, k)
    local none = mrr.no_opening(s)
    if none then return none end
    return ratio(k("expansion_mrr"), k("opening_mrr"))
  end,
}
