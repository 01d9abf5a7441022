-- Service level: the share of calls answered within 30 seconds of waiting in the queue.
return indicator {
  id = "service_level",
  title = { en = "Service level (30 s)", zh = "服务水平（30 秒）" },
  description = "Calls served (abandoned = false) after at most 30 s in the queue, over all calls entered in the period. For an agent, whose calls are all served, the share of their calls answered within 30 s; for the company, abandoned calls count against it.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "calls.entered_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    local calls = s.calls:during("entered_at")
    return ratio(calls:where{ abandoned = false, wait_seconds = { "<=", 30 } }:count(), calls:count())
  end,
}
