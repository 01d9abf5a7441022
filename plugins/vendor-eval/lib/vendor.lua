-- Shared definitions of vendor-eval's indicators (require "vendor").
local M = {}

-- The severities in the order of the *_sla_hours parameters.
M.severities = { "critical", "high", "medium", "low" }

-- The unplanned incidents of a view: planned maintenance (impact = maintenance) and cancelled
-- tickets are left out; an empty impact or status counts.
function M.unplanned(view)
  return view:where{ impact = { "~=", "maintenance" }, status = { "~=", "cancelled" } }
end

-- The share of the unplanned incidents reported in the period, with a severity, whose
-- `to_field` came at most the parameter's hours (per severity) after reported_at; an incident
-- without `to_field` missed its target. Missing when none was reported.
function M.within_sla(s, to_field, targets)
  local met, all = 0, 0
  for position, severity in ipairs(M.severities) do
    local reported = M.unplanned(s.incidents:during("reported_at")):where{ severity = severity }
      :per("id", { took = { "max", hours("reported_at", to_field) } })
    met = met + reported:where{ took = { "<=", targets[position] } }:count()
    all = all + reported:count()
  end
  return ratio(met, all)
end

-- Orders that count as sales: every status but cancelled (an empty status counts).
function M.sales(view)
  return view:where{ status = { "~=", "cancelled" } }
end

return M
