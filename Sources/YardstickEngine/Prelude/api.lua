-- The API scripts see: view and grouped-view methods behind `public`, the globals, and what
-- the host checks against its declarations (LuaAPI.swift). Runs last of the prelude's parts.
local P = ...
local host = __host
local pairs, ipairs = pairs, ipairs
local sort = table.sort
local public, abort, is_column, is_missing = P.public, P.abort, P.is_column, P.is_missing
local view_methods, grouped_methods, aggregates = P.view_methods, P.grouped_methods, P.aggregates

-- The definitions behind each published name, as written (before `public` wraps them), so
-- the host can check their parameters against the declarations (LuaAPISignature.swift). An
-- aggregate's view method only forwards to its definition in aggregates.lua. `optional`
-- lists, by place and name, the parameters a script may leave out (none today).
local definitions = { global = {}, view = {}, optional = { global = {}, view = {} } }
for name, fn in pairs(view_methods) do definitions.view[name] = aggregates[name] or fn end
for name, list in pairs(P.optional_view or {}) do definitions.optional.view[name] = list end

for _, methods in ipairs({ view_methods, grouped_methods }) do
  local names = {}
  for name in pairs(methods) do names[#names + 1] = name end
  for _, name in ipairs(names) do methods[name] = public(methods[name]) end
end

-- Inside a column run a column is never missing as a whole: the indicator is evaluated per
-- subject instead.
local function is_missing_value(v)
  if is_column(v) then abort() end
  return is_missing(v)
end

local globals = {
  { "indicator", P.indicator, public },
  { "ratio", P.ratio, public },
  { "missing", P.missing, public },
  { "is_missing", is_missing_value },
  { "days", P.duration("days"), public },
  { "hours", P.duration("hours"), public },
  { "date", P.date, public },
  { "field", P.field, public },
  { "cohort", P.cohort, public },
  { "quantile_bins", P.quantile_bins, public },
  { "threshold_bins", P.threshold_bins, public },
  { "param", P.param, public },
}
local published = { globals = {}, view = {}, grouped = {}, definitions = definitions }
for i, global in ipairs(globals) do
  local name, fn, wrap = global[1], global[2], global[3]
  host.install(name, wrap and wrap(fn) or fn)
  published.globals[i] = name
  definitions.global[name] = fn
end
definitions.optional.global.quantile_bins = { "options" }
definitions.optional.global.threshold_bins = { "options" }
definitions.optional.global.ratio = { "when_zero" }
for name in pairs(view_methods) do published.view[#published.view + 1] = name end
for name in pairs(grouped_methods) do published.grouped[#published.grouped + 1] = name end
sort(published.view)
sort(published.grouped)
published.keys = P.key_names

P.published = published
