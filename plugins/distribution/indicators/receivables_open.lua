-- Open receivables: what is due, on any date, and not received by the period's end.
local distribution = require "distribution"

return indicator {
  id = "receivables_open",
  title = { en = "Open receivables", zh = "未回款应收金额" },
  description = "Sum of amount over payments with a due_at (any date, overdue or not yet due) and no received_at on or before the period's last day (empty, or later): a snapshot at the period's end; 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "payments.amount", "payments.due_at", "payments.received_at" },
  value = function(s)
    return distribution.open_amount(s, { "not nil" })
  end,
}
