-- Predicted CLV, a simple form: the customer goes on buying as they have so far.
local margin = param("clv_margin")
local horizon = param("clv_horizon")

return indicator {
  id = "predicted_clv",
  title = { en = "Predicted CLV (simple)", zh = "预测客户终身价值（简化）" },
  description = "clv_margin x clv_horizon x repeat_value x repeat_purchases / customer_age: the account keeps making repeat purchases at its observed rate (repeat purchase days per time unit of its age) for clv_horizon time units, each worth its mean repeat purchase value; no churn, no discounting; 0 for an account that never came back; missing when customer_age is 0 (first purchase on the period's last day) or the account has no order.",
  unit = "money",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(_, k)
    return margin * horizon * k("repeat_value") * ratio(k("repeat_purchases"), k("customer_age"))
  end,
}
