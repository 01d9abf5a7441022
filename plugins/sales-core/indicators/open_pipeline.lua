-- Open pipeline: the value of the deals open at the period's last day, leaving out stale ones.
return indicator {
  id = "open_pipeline",
  title = { en = "Open pipeline", zh = "在途商机金额" },
  description = "Sum of amount over opportunities created on or before the period's last day (and at most pipeline_max_age_days before it) that were not closed by then: closed_at empty or after the last day.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.created_at", "opportunities.closed_at", "opportunities.amount" },
  value = function(s)
    local finish = s.period.finish
    local alive = s.opportunities:where{
      created_at = { "between", finish - param("pipeline_max_age_days"), finish },
    }
    return alive:where{ closed_at = { "is nil" } }:sum("amount")
      + alive:where{ closed_at = { ">", finish } }:sum("amount")
  end,
}
