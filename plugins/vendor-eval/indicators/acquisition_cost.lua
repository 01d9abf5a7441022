-- Customer acquisition cost: marketing spent per new customer.
return indicator {
  id = "acquisition_cost",
  title = { en = "Customer acquisition cost", zh = "获客成本" },
  description = "Sum of cost over the campaigns with start_date in the period / new_customers; missing when the period has no new customer. Sales salaries and other costs are not in the CRM vocabulary and are not counted.",
  unit = "money",
  better = "lower",
  per = "company",
  needs = { "campaigns.cost", "campaigns.start_date", "orders.account", "orders.ordered_at", "orders.status" },
  value = function(s, k)
    return ratio(s.campaigns:during("start_date"):sum("cost"), k("new_customers"))
  end,
}
