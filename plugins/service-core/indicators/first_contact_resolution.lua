-- First-contact resolution: the share of resolved cases that the first response resolved.
local service = require "service"

return indicator {
  id = "first_contact_resolution",
  title = { en = "First-contact resolution", zh = "首次接触解决率" },
  description = "Among the cases counted by cases_resolved, the share with resolved_at at most fcr_window_minutes after first_response_at, or with no first_response_at (resolved without a separate first response); missing when no case was resolved.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "cases.first_response_at", "cases.resolved_at", "cases.status" },
  value = function(s)
    local resolved = service.resolved(s)
    local in_window = resolved
      :per("id", { gap = { "max", hours("first_response_at", "resolved_at") } })
      :where{ gap = { "<=", param("fcr_window_minutes") / 60 } }
      :count()
    local without_response = resolved:where{ first_response_at = { "is nil" } }:count()
    return ratio(in_window + without_response, resolved:count())
  end,
}
