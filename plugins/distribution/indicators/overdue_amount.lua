-- Overdue receivables: what fell due before the period's end and was not received by then.
local distribution = require "distribution"

return indicator {
  id = "overdue_amount",
  title = { en = "Overdue receivables", zh = "逾期应收金额" },
  description = "Sum of amount over payments with due_at before the period's last day (at least one day overdue on it) and not received by that day (received_at empty or later); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "payments.amount", "payments.due_at", "payments.received_at" },
  value = function(s)
    return distribution.overdue_between(s, 1, nil)
  end,
}
