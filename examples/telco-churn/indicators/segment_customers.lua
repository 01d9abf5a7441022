-- Customers per contract type.
return indicator {
  id = "contract_customers",
  title = { en = "Customers of the contract type", zh = "该合同类型客户数" },
  unit = "count",
  per = "contract",
  value = function(s) return s.customers:count() end,
}
