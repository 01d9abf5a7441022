-- Average wait (average speed of answer): seconds in the queue of the calls that were served.
return indicator {
  id = "avg_wait",
  title = { en = "Average wait", zh = "平均等待时长" },
  description = "Mean wait_seconds over served calls (abandoned = false) entered in the period; calls served without queuing count as 0. Missing when no call was served.",
  unit = "seconds",
  better = "lower",
  per = "user",
  needs = { "calls.entered_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    return s.calls:during("entered_at"):where{ abandoned = false }:avg("wait_seconds")
  end,
}
