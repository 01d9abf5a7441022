-- Monetary value: what the customer spent, up to the period's last day.
local history = require "history"

return indicator {
  id = "monetary",
  title = { en = "Monetary value (total spent)", zh = "累计购买金额" },
  description = "Sum of amount over the account's orders with ordered_at on or before the period's last day; 0 for an account with no order.",
  unit = "money",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(s)
    return history.orders_to_date(s):sum("amount")
  end,
}
