-- Overdue share: overdue receivables as a share of the open receivables.
local distribution = require "distribution"

return indicator {
  id = "overdue_share",
  title = { en = "Overdue share of receivables", zh = "逾期应收占比" },
  description = "overdue_amount / receivables_open at the period's last day; missing when nothing is open.",
  unit = "percent",
  better = "lower",
  per = "user",
  needs = { "payments.amount", "payments.due_at", "payments.received_at" },
  value = function(s, k)
    if distribution.open_count(s) == 0 then return missing("no receivable is open at the period's end") end
    return ratio(k("overdue_amount"), k("receivables_open"))
  end,
}
