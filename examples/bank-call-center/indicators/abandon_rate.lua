-- Abandon rate: callers who hung up before being served, over all calls of the period. Only
-- the company sees abandoned calls (they have no agent), so it is a company indicator.
return indicator {
  id = "abandon_rate",
  title = { en = "Abandon rate", zh = "放弃率" },
  description = "Calls with abandoned = true over all calls, on entered_at in the period; hang-ups in the VRU (never queued) count as abandoned.",
  unit = "percent",
  better = "lower",
  per = "company",
  needs = { "calls.entered_at", "calls.abandoned" },
  value = function(s)
    local calls = s.calls:during("entered_at")
    return ratio(calls:where{ abandoned = true }:count(), calls:count())
  end,
}
