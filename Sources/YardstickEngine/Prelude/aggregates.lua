-- Aggregates: the terminals of a view (count, sum, …). Each prepares its query in the host
-- once and then reads the value the host computed (or the column, in a column run).
local P = ...
local q = __host.query
local setmetatable, type, pairs, tostring, error = setmetatable, type, pairs, tostring, error
local math_type = math.type
local kind, decimal_of, Missing, Column = P.kind, P.decimal_of, P.Missing, P.Column
local column_run, plan_id, wrap_rows, state_of = P.column_run, P.plan_id, P.wrap_rows, P.state_of
local field_measure, is_column, abort = P.field_measure, P.is_column, P.abort

local duration_measures = {}
local function measure(f, what)
  if type(f) == "string" then return f end
  if kind(f) == "duration" then
    local made = duration_measures[f]
    if not made then
      made = { from = f.from, to = f.to, unit = f.unit }
      duration_measures[f] = made
    end
    return made
  end
  if kind(f) == "field" then return field_measure(f) end
  if is_column(f) then abort() end
  error(what .. " takes a field name, days(a, b) / hours(a, b) or field(…) arithmetic", 3)
end

-- A measure's part of an aggregate's key: its kind, then names with their lengths, so that
-- two different measures (a field named like a duration's key, say) never share a key.
local function measure_key(m)
  if m == nil then return "" end
  if type(m) == "string" then return "f" .. #m .. ":" .. m end
  if m.expression then return "e" .. m.expression end
  return "d" .. m.unit .. #m.from .. ":" .. m.from .. #m.to .. ":" .. m.to
end

-- In a column run, an aggregate's column for every subject (kept for the column run).
local column_cache = {}
local function column_values(id, slot)
  local key = id * 1000 + slot
  local cached = column_cache[key]
  if cached then return cached end
  cached = setmetatable({ aggregate = id, slot = slot }, Column)
  column_cache[key] = cached
  return cached
end

-- Values the host computed ahead for the focused subject, for aggregates of the focused
-- period, by aggregate id: plain numbers, decimals as scaled integers, missing values as
-- their reasons. Anything else is asked for with q.run.
local prefetched, prefetched_decimals, prefetched_missing = {}, {}, {}

-- Each distinct aggregate of a view is prepared once; later calls pass two integers.
-- The common calls (no group, no extra argument, a field name, a duration or nothing)
-- find their id without building a key string.
local function aggregate(view, group, name, m, extra, by)
  local simple = group == nil and extra == nil and by == nil
  local id
  if simple then
    local by_name = view.simple[name]
    id = by_name and by_name[m or ""]
  end
  if not id then
    local key = name .. "|" .. measure_key(m) .. "|" .. tostring(extra) .. "|" .. measure_key(by)
      .. "|" .. measure_key(group)
    id = view.aggregates[key]
    if not id then
      id = q.prepare_aggregate(plan_id(view), name, m, extra, by, group)
      view.aggregates[key] = id
    end
    if simple then
      local by_name = view.simple[name]
      if not by_name then
        by_name = {}
        view.simple[name] = by_name
      end
      by_name[m or ""] = id
    end
  end
  if column_run.active then return column_values(id, view.slot) end
  local result
  if view.slot == 0 then
    result = prefetched[id]
    if result == nil then
      local scaled = prefetched_decimals[id]
      if scaled then
        result = decimal_of(scaled)
      else
        local reason = prefetched_missing[id]
        if reason then result = setmetatable({ reason = reason }, Missing) end
      end
    end
  end
  if result == nil then result = q.run(id, view.slot) end
  if name == "top" then
    if group then
      for key, ids in pairs(result) do result[key] = wrap_rows(view.entity, ids) end
      return result
    end
    return wrap_rows(view.entity, result)
  end
  return result
end

-- The aggregates by name, each as (view state, group, the script's arguments…): `group` is
-- the measure of a grouped view (grouped.lua), nil on a plain view.
local aggregates = {
  count = function(self, group) return aggregate(self, group, "count") end,
  sum = function(self, group, field) return aggregate(self, group, "sum", measure(field, "sum")) end,
  avg = function(self, group, field) return aggregate(self, group, "avg", measure(field, "avg")) end,
  min = function(self, group, field) return aggregate(self, group, "min", measure(field, "min")) end,
  max = function(self, group, field) return aggregate(self, group, "max", measure(field, "max")) end,
  median = function(self, group, field) return aggregate(self, group, "median", measure(field, "median")) end,
  percentile = function(self, group, field, p)
    if type(p) ~= "number" then error("percentile(field, p) takes p in 0..100", 3) end
    return aggregate(self, group, "percentile", measure(field, "percentile"), p)
  end,
  count_distinct = function(self, group, field)
    return aggregate(self, group, "count_distinct", measure(field, "count_distinct"))
  end,
  distinct = function(self, group, field) return aggregate(self, group, "distinct", measure(field, "distinct")) end,
  first = function(self, group, field, by)
    return aggregate(self, group, "first", measure(field, "first"), nil, measure(by, "first"))
  end,
  last = function(self, group, field, by)
    return aggregate(self, group, "last", measure(field, "last"), nil, measure(by, "last"))
  end,
  top = function(self, group, n, field)
    if math_type(n) ~= "integer" or n < 0 then error("top(n, field) takes a whole number n", 3) end
    return aggregate(self, group, "top", measure(field, "top"), n)
  end,
}
for name, fn in pairs(aggregates) do
  P.view_methods[name] = function(self, ...) return fn(state_of(self), nil, ...) end
end

-- Column runs start and end with an empty cache of column handles.
local function reset_column_values() column_cache = {} end
-- The runner hands in each subject's values computed ahead (empty tables when none).
local function set_prefetched(values, decimals, missings)
  prefetched, prefetched_decimals, prefetched_missing = values, decimals, missings
end

P.aggregates, P.measure = aggregates, measure
P.reset_column_values, P.set_prefetched = reset_column_values, set_prefetched
