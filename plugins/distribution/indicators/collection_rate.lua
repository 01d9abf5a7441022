-- Collection rate: the share of the amount due in the period received by its end.
return indicator {
  id = "collection_rate",
  title = { en = "Collection rate", zh = "回款率" },
  description = "Sum of amount over payments with due_at in the period and received_at on or before its last day / sum of amount over payments with due_at in the period; missing when nothing fell due.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "payments.amount", "payments.due_at", "payments.received_at" },
  value = function(s)
    local due = s.payments:during("due_at")
    if due:count() == 0 then return missing("nothing fell due in the period") end
    return ratio(due:where{ received_at = { "<=", s.period.finish } }:sum("amount"), due:sum("amount"))
  end,
}
