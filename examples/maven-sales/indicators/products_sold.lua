-- Products sold: breadth of the product range in the deals won in the period.
return indicator {
  id = "products_sold",
  title = { en = "Products sold", zh = "售出产品种数" },
  description = "Number of distinct products among the deals won with closed_at in the period. Product keys are counted as written in the export: the unresolved key GTXPro counts as one product.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.product" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):count_distinct("product")
  end,
}
