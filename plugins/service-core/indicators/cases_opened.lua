-- Cases opened: the service workload that came in during the period.
return indicator {
  id = "cases_opened",
  title = { en = "Cases opened", zh = "新建工单数" },
  description = "Cases whose opened_at falls in the period (any status); for an agent, the cases they own.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "cases.opened_at" },
  value = function(s)
    return s.cases:during("opened_at"):count()
  end,
}
