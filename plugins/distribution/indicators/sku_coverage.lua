-- SKU coverage: the share of the assortment an ordering store carries, on average.
local distribution = require "distribution"

return indicator {
  id = "sku_coverage",
  title = { en = "SKU coverage", zh = "SKU 铺货率" },
  description = "skus_per_store / the number of assortment products (products of assortment_family, or every product); missing when skus_per_store is or the assortment is empty.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = distribution.line_needs(),
  value = function(s, k)
    local size = distribution.assortment(s):count()
    if size == 0 then return missing("the assortment is empty (no product of assortment_family)") end
    return ratio(k("skus_per_store"), size)
  end,
}
