-- Monetary value, as lifetimes defines it: the mean spend of a repeat purchase day.
return indicator {
  id = "monetary_value",
  title = { en = "Monetary value (mean repeat day)", zh = "复购日平均金额" },
  description = "Mean of the per-day dollar totals of the purchase days after the first, up to the period's last day; 0 when the customer bought on one day only (lifetimes' monetary_value).",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(s)
    local bought = s.orders:where{ ordered_at = { "<=", s.period.finish } }
    local first = bought:min("ordered_at")
    if is_missing(first) then return missing("no purchase up to the period's end") end
    local repeat_days = bought:where{ ordered_at = { ">", first } }
    local days = repeat_days:count_distinct("ordered_at")
    if days == 0 then return 0 end
    return repeat_days:sum("amount") / days
  end,
}
