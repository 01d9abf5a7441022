-- Key views: view:per(key, aggregates) splits a view's rows by a key and aggregates each
-- key's rows; key views filter on those per-key values, combine by key value (minus,
-- intersect, union) and aggregate again. Lua only records what is asked for: the host
-- registers each key view once (`q.key_per`, `q.key_filter`, `q.key_combine`) and computes
-- every value in Swift, for one subject or, in a column run, for all subjects at once.
local P = ...
local q = __host.query
local setmetatable, type, ipairs, next, rawget = setmetatable, type, ipairs, next, rawget
local tostring, error = tostring, error
local sort, concat = table.sort, table.concat
local kind, date_of, public, read_only = P.kind, P.date_of, P.public, P.read_only
local view_methods, view_of, state_of, plan_id = P.view_methods, P.view_of, P.state_of, P.plan_id
local measure, column_run, Column, abort = P.measure, P.column_run, P.Column, P.abort

local KeyView = { __metatable = "yardstick.keyview" }
local key_methods = {}
local key_state = {}
KeyView.__index, KeyView.__newindex = key_methods, read_only("key views are read-only")
KeyView.__readonly = "key views are read-only"

-- Equal key views get one host id, and one handle per id.
local by_id = {}
local function key_view(id, slot)
  local state = by_id[id]
  if state then return state.handle end
  state = { id = id, slot = slot, children = {}, queries = {}, handle = setmetatable({}, KeyView) }
  by_id[id] = state
  key_state[state.handle] = state
  return state.handle
end
local function key_of(handle, what)
  local state = key_state[handle]
  if not state then error(what or "expected a key view (call its methods with ':')", 3) end
  return state
end

-- The per-key aggregates a `per` accepts, and how a measure is written in a cache code.
local per_functions = {
  count = true, sum = true, avg = true, min = true, max = true, median = true, percentile = true,
  count_distinct = true, first = true, last = true,
}
local function measure_code(m)
  if m == nil then return "" end
  if type(m) == "string" then return "f" .. #m .. ":" .. m end
  if m.unit and m.from and m.to then return m.unit .. ":" .. m.from .. ">" .. m.to end
  return tostring(m)
end
-- The script's aggregates table, read raw, as host specs sorted by name, and their code.
local function aggregate_specs(aggregates)
  if aggregates == nil then return {}, "" end
  if type(aggregates) ~= "table" or kind(aggregates) ~= "table" then
    error("per(key, aggregates): aggregates is a table of name = spec", 3)
  end
  local names = {}
  for name in next, aggregates do
    if type(name) ~= "string" then error("per(key, aggregates): aggregate names are strings", 3) end
    names[#names + 1] = name
  end
  sort(names)
  local specs, codes = {}, {}
  for i, name in ipairs(names) do
    local spec = rawget(aggregates, name)
    local fn, m, by, extra
    if spec == "count" then
      fn = "count"
    elseif type(spec) == "table" and kind(spec) == "table" then
      fn = rawget(spec, 1)
      if not per_functions[fn] then
        error("per: aggregate " .. name .. " has an unknown function " .. tostring(fn)
          .. " (count, sum, avg, min, max, median, percentile, count_distinct, first, last)", 3)
      end
      if fn ~= "count" then m = measure(rawget(spec, 2), fn) end
      if fn == "first" or fn == "last" then by = measure(rawget(spec, 3), fn) end
      if fn == "percentile" then
        extra = rawget(spec, 3)
        if type(extra) ~= "number" then error("per: {\"percentile\", field, p} takes p in 0..100", 3) end
      end
    else
      error("per: aggregate " .. name .. " must be \"count\" or { function, field }", 3)
    end
    specs[i] = { name = name, fn = fn, measure = m, by = by, extra = extra }
    codes[i] = #name .. ":" .. name .. "=" .. fn .. "(" .. measure_code(m) .. "," .. measure_code(by) .. ","
      .. tostring(extra) .. ")"
  end
  return specs, concat(codes, ";")
end

local per_cache = setmetatable({}, { __mode = "k" })
function view_methods:per(key, aggregates)
  local view = state_of(self)
  if type(key) ~= "string" or key == "" then error("per(key, aggregates) takes a field name as its key", 2) end
  local specs, code = aggregate_specs(aggregates)
  code = #key .. ":" .. key .. "|" .. code
  local cache = per_cache[view]
  if not cache then
    cache = {}
    per_cache[view] = cache
  end
  local handle = cache[code]
  if handle then return handle end
  handle = key_view(q.key_per(plan_id(view), view.slot, key, specs), view.slot)
  cache[code] = handle
  return handle
end
for _, name in ipairs({ "minus", "intersect", "union" }) do
  view_methods[name] = function(self, other)
    state_of(self)
    error(name .. "(other) combines key views, not a view and a " .. kind(other) .. ": call view:per(key) first", 2)
  end
end

-- A key view derived by a filter spec (the filters views build), cached by its code.
local function filtered(state, filter, code)
  local child = state.children[code]
  if child then return child end
  child = key_view(q.key_filter(state.id, filter, state.slot), state.slot)
  state.children[code] = child
  return child
end

function key_methods:during(field)
  local state = key_of(self)
  if type(field) ~= "string" then error("during takes a field name", 2) end
  return filtered(state, { op = "during", field = field }, "D" .. field)
end
function key_methods:before(field)
  local state = key_of(self)
  if type(field) ~= "string" then error("before takes a field name", 2) end
  return filtered(state, { op = "before", field = field }, "B" .. field)
end
function key_methods:between(field, a, b)
  local state = key_of(self)
  if type(field) ~= "string" then error("between takes a field name", 2) end
  if kind(a) ~= "date" or kind(b) ~= "date" then error("between(field, a, b) takes two dates", 2) end
  local low, high = date_of(a.day), date_of(b.day)
  local code = "W" .. field .. low.day .. ":" .. high.day
  return filtered(state, { op = "between", field = field, values = { low, high } }, code)
end
-- where{…} reads its conditions exactly as a view's where does (the same operators and
-- operands): a stand-in view of the key view records them, and its filters become the key
-- view's.
function key_methods:where(conditions)
  local state = key_of(self)
  local stand_in = state.stand_in
  if not stand_in then
    stand_in = view_of("(key view)", false, state.slot, {}, "(key view)#" .. state.id, "")
    state.stand_in = stand_in
  end
  local recorded = state_of(view_methods.where(stand_in.handle, conditions))
  -- One child per filter, found again by the stand-in's key (which codes every condition).
  local code = "F" .. recorded.key
  local child = state.children[code]
  if child then return child end
  local result = state
  for _, filter in ipairs(recorded.filters) do
    result = key_state[key_view(q.key_filter(result.id, filter, result.slot), result.slot)]
  end
  state.children[code] = result.handle
  return result.handle
end
local function combine(operation)
  return function(self, other)
    local state = key_of(self)
    local right = key_of(other, operation .. "(other) takes a key view (view:per(key))")
    local code = operation .. "#" .. right.id
    local child = state.children[code]
    if child then return child end
    child = key_view(q.key_combine(state.id, operation, right.id), state.slot)
    state.children[code] = child
    return child
  end
end
key_methods.minus, key_methods.intersect, key_methods.union = combine("minus"), combine("intersect"), combine("union")

-- Aggregates over the key rows: prepared once per key view, then computed by the host.
local function key_aggregate(state, name, field, extra)
  local code = name .. "|" .. tostring(field) .. "|" .. tostring(extra)
  local id = state.queries[code]
  if not id then
    if field ~= nil and type(field) ~= "string" then
      error(name .. " on a key view takes a field name (key or a per-key aggregate's name)", 3)
    end
    id = q.key_prepare(state.id, name, field, extra)
    state.queries[code] = id
  end
  if column_run.active then
    if name == "distinct" then abort() end
    return setmetatable({ aggregate = q.key_column(id), slot = 0 }, Column)
  end
  return q.key_run(id)
end
function key_methods:count() return key_aggregate(key_of(self), "count") end
for _, name in ipairs({ "sum", "avg", "min", "max", "median", "count_distinct", "distinct" }) do
  key_methods[name] = function(self, field)
    if field == nil then error(name .. "(field) needs a field of the key view", 2) end
    return key_aggregate(key_of(self), name, field)
  end
end
for _, name in ipairs({ "first", "last" }) do
  key_methods[name] = function(self, field, by)
    if type(field) ~= "string" or type(by) ~= "string" then
      error(name .. "(field, by) takes two fields of the key view: the value and the one to order by", 2)
    end
    return key_aggregate(key_of(self), name, field, by)
  end
end
function key_methods:percentile(field, p)
  if type(p) ~= "number" then error("percentile(field, p) takes p in 0..100", 2) end
  return key_aggregate(key_of(self), "percentile", field, p)
end

local key_names = {}
for name, fn in next, key_methods do
  key_names[#key_names + 1] = name
  key_methods[name] = public(fn)
end
sort(key_names)
P.key_names = key_names
P.optional_view = { per = { "aggregates" } }
