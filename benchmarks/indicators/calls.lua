return indicator {
  id = "calls",
  title = { en = "Calls", zh = "电话数" },
  description = "Activities of type call with occurred_at in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "activities.type", "activities.occurred_at" },
  value = function(s, k)
    return s.activities:where{ type = "call" }:during("occurred_at"):count()
  end,
}
