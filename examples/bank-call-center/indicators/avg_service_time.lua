-- Average service time (average handle time): talk seconds of the calls that were served.
return indicator {
  id = "avg_service_time",
  title = { en = "Average service time", zh = "平均服务时长" },
  description = "Mean talk_seconds over served calls (abandoned = false) entered in the period. Missing when no call was served.",
  unit = "seconds",
  better = "lower",
  per = "user",
  needs = { "calls.entered_at", "calls.abandoned", "calls.talk_seconds" },
  value = function(s)
    return s.calls:during("entered_at"):where{ abandoned = false }:avg("talk_seconds")
  end,
}
