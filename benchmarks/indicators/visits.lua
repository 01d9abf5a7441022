return indicator {
  id = "visits",
  title = { en = "Visits", zh = "拜访数" },
  description = "Activities of type visit with occurred_at in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "activities.type", "activities.occurred_at" },
  value = function(s, k)
    return s.activities:where{ type = "visit" }:during("occurred_at"):count()
  end,
}
