-- Expansion MRR: how much the accounts paying at both ends of the period grew.
local mrr = require "mrr"

return indicator {
  id = "expansion_mrr",
  title = { en = "Expansion MRR", zh = "扩张 MRR" },
  description = "Sum over the accounts paying on the day before the period and on its last day of closing MRR - opening MRR where it is positive (upsells, added seats, price rises net of decreases on the same account); 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    -- The one per-account loop of the pack: key views cannot set an account's MRR on two days
    -- side by side (README.md, "Where the API stops").
    local before = mrr.by_account(s, mrr.opening_day(s))
    local after = mrr.by_account(s, mrr.closing_day(s))
    local total = 0
    for account, opening in pairs(before) do
      local closing = after[account]
      if closing ~= nil and closing > opening then total = total + (closing - opening) end
    end
    return total
  end,
}
