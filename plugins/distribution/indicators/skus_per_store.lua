-- SKUs per store: distinct assortment products each ordering store bought in the SKU window.
local distribution = require "distribution"

return indicator {
  id = "skus_per_store",
  title = { en = "SKUs per ordering store", zh = "店均订货 SKU 数" },
  description = "Mean over the accounts with an order line in the last sku_window_days days up to the period's last day (line ordered_at; lines of draft or cancelled orders left out) of the distinct assortment products on their lines; missing when no store ordered in the window.",
  unit = "number",
  better = "higher",
  per = "user",
  needs = distribution.line_needs(),
  value = function(s)
    local stores = distribution.window_lines(s):per("account", { skus = { "count_distinct", "product" } })
    if stores:count() == 0 then return missing("no store ordered an assortment product in the SKU window") end
    return stores:avg("skus")
  end,
}
