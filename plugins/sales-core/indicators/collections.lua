-- Collections (回款): the money received from customers in the period.
return indicator {
  id = "collections",
  title = { en = "Collections", zh = "回款金额" },
  description = "Sum of amount over payments with received_at in the period, credited to the payment's owner; payments not yet received (received_at empty) are not counted; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "payments.amount", "payments.received_at" },
  value = function(s)
    return s.payments:during("received_at"):sum("amount")
  end,
}
