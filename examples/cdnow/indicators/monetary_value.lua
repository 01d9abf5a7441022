-- Monetary value, as lifetimes defines it: the mean spend of a repeat purchase day.
return indicator {
  id = "monetary_value",
  title = { en = "Monetary value (mean repeat day)", zh = "复购日平均金额" },
  description = "Mean of the per-day dollar totals of the purchase days after the first, up to the period's last day; 0 when the customer bought on one day only (lifetimes' monetary_value).",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  -- One key row per purchase day with its total; the repeat days are all but the first, so
  -- their mean is (all days' total - the first day's) / (days - 1), 0 without a repeat day
  -- (ratio's when_zero), missing without a purchase (first gives missing). Straight-line
  -- code: it runs once for all customers (column mode).
  value = function(s)
    local days = s.orders:where{ ordered_at = { "<=", s.period.finish } }
      :per("ordered_at", { total = { "sum", "amount" } })
    return ratio(days:sum("total") - days:first("total", "key"), days:count() - 1, 0)
  end,
}
