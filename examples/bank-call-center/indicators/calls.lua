-- Calls: the calls that reached the call center in the period (PHANTOM calls are dropped by
-- the mapping). For an agent, the calls they served; for the company, every call, answered or
-- abandoned.
return indicator {
  id = "calls",
  title = { en = "Calls", zh = "来电数" },
  description = "Calls whose entered_at falls in the period: an agent's served calls; for the team, its agents' calls; for the company, every call.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "calls.entered_at" },
  value = function(s)
    return s.calls:during("entered_at"):count()
  end,
}
