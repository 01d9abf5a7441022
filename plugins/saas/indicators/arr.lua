-- ARR: the closing MRR, annualised.
local mrr = require "mrr"

return indicator {
  id = "arr",
  title = { en = "ARR (closing)", zh = "年度经常性收入（期末）" },
  description = "12 x mrr: the monthly recurring revenue running on the period's last day, annualised.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(_, k)
    return 12 * k("mrr")
  end,
}
