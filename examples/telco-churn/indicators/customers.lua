-- Customers in the snapshot (the base every rate divides by).
return indicator {
  id = "customers",
  title = { en = "Customers", zh = "客户数" },
  unit = "count",
  per = "company",
  value = function(s) return s.customers:count() end,
}
