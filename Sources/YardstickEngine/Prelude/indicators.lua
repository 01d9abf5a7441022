-- Indicators: declaring them, evaluating them with k(id) between them, and the runner the
-- host calls (per subject, all of a subject's indicators at once, or a whole column run).
local P = ...
local setmetatable, getmetatable, type, pairs, ipairs = setmetatable, getmetatable, type, pairs, ipairs
local tostring, error = tostring, error
local rawget, rawequal, pcall = rawget, rawequal, pcall
local math_type, sort, concat = math.type, table.sort, table.concat
local kind, decimal_of, Missing, date_of, DateTime = P.kind, P.decimal_of, P.Missing, P.date_of, P.DateTime
local column_run, abort, is_column, elements = P.column_run, P.abort, P.is_column, P.elements
local new_scope, subject_record, period_record = P.new_scope, P.subject_record, P.period_record
local reset_column_values, set_prefetched = P.reset_column_values, P.set_prefetched
local column_from, q = P.column_from, __host.query
local PENDING, find = P.PENDING, string.find

local value_functions = {}
local NIL = {}
local memo, running = {}, {}

local function indicator(declaration)
  if type(declaration) ~= "table" then error("indicator{...} takes a table", 2) end
  if type(declaration.id) ~= "string" or not declaration.id:match("^[%a_][%w_%.%-]*$") then
    error("indicator{...}: id must be a name like \"win_rate\"", 2)
  end
  if P.is_peer_bins(declaration.value) then
    -- quantile_bins / threshold_bins: the host computes the value (bins.lua).
    declaration.peer_bins, declaration.value = P.peer_bins_parts(declaration.id, declaration.value)
  end
  if type(declaration.value) ~= "function" then
    error("indicator \"" .. declaration.id .. "\": value must be a function", 2)
  end
  local breakdown = declaration.breakdown
  if breakdown ~= nil then
    local list = (type(breakdown) == "table" and not breakdown.cohort) and breakdown or { breakdown }
    if #list == 0 then error("indicator \"" .. declaration.id .. "\": breakdown lists no dimension", 2) end
    for _, dimension in ipairs(list) do
      local ok = (type(dimension) == "string" and dimension:match("^[%a_][%w_]*[%w_%.]*$") ~= nil)
        or (type(dimension) == "table" and dimension.cohort == true)
      if not ok then
        error("indicator \"" .. declaration.id .. "\": breakdown takes a field path (\"product.family\"), "
          .. "cohort{ key, first, by } or a list of them", 2)
      end
    end
  end
  return declaration
end

-- A breakdown by cohort: each key's members are the month (quarter, year) of its first event.
local cohort_units = { month = true, quarter = true, year = true }
local function cohort(spec)
  local usage = "cohort{ key = \"account\", first = \"ordered_at\", by = \"month\" }"
  if type(spec) ~= "table" then error("cohort takes a table: " .. usage, 2) end
  if type(spec.key) ~= "string" or not spec.key:match("^[%a_][%w_%.]*$") then
    error("cohort{...}: key must be a field or path such as \"account\"; " .. usage, 2)
  end
  if type(spec.first) ~= "string" or not spec.first:match("^[%a_][%w_]*$") then
    error("cohort{...}: first must be the date field of each key's events, such as \"ordered_at\"; " .. usage, 2)
  end
  local by = spec.by == nil and "month" or spec.by
  if not cohort_units[by] then error("cohort{...}: by must be \"month\", \"quarter\" or \"year\"", 2) end
  return { cohort = true, key = spec.key, first = spec.first, by = by }
end

-- k("pack.id") on an indicator of another set (a pack evaluated before this one): the host
-- hands out its figure for the subject in focus, or every subject's in a column run. Returns
-- false when id is no other set's indicator.
local function imported(id)
  if q.imported == nil then return false end -- a VM without the host's query functions
  if column_run.active then
    local kinds, items = q.imported_column(id)
    if kinds == nil then return false end
    if kinds == false then error(items, 0) end
    if kinds == true then abort() end
    return true, column_from(kinds, items)
  end
  local letter, payload = q.imported(id)
  if letter == nil then return false end
  if letter == false or letter == "f" then error(payload, 0) end
  if letter == "d" then return true, decimal_of(payload) end
  if letter == "m" then return true, setmetatable({ reason = payload }, Missing) end
  return true, payload
end

local function evaluate(id, s, k)
  local cached = memo[id]
  if cached ~= nil then
    if rawequal(cached, NIL) then return nil end
    return cached
  end
  if running[id] then
    local chain = {}
    for name in pairs(running) do chain[#chain + 1] = name end
    sort(chain)
    error("indicators depend on each other in a cycle: " .. concat(chain, ", ") .. " → " .. id, 0)
  end
  local fn = value_functions[id]
  if not fn then
    local found, value = false, nil
    if type(id) == "string" then found, value = imported(id) end
    if not found then error("unknown indicator \"" .. tostring(id) .. "\"", 3) end
    memo[id] = value == nil and NIL or value
    return value
  end
  running[id] = true
  local ok, value = pcall(fn, s, k)
  running[id] = nil
  if not ok then error(value, 0) end
  memo[id] = value == nil and NIL or value
  return value
end

-- What k(id) hands out: value types as fresh copies (the memo keeps the original, so no
-- indicator can change what another reads) and, in column mode, columns (which no
-- column-mode function can change); any other table would be shared between indicators,
-- so it does not pass (a metatable's name is no proof: scripts can forge one).
local function private_copy(id, v)
  if type(v) ~= "table" then return v end
  local k = kind(v)
  if k == "decimal" then return decimal_of(v.scaled) end
  if k == "missing" then return setmetatable({ reason = v.reason }, Missing) end
  if k == "date" then return date_of(v.day) end
  if k == "datetime" then return setmetatable({ seconds = v.seconds }, DateTime) end
  if is_column(v) then return v end
  error("k(\"" .. id .. "\"): the indicator returned a " .. k
    .. "; indicators pass numbers, decimals, dates and missing values to each other", 3)
end

local current_s, current_k
local function set_focus(subject, period)
  memo, running = {}, {}
  local s = new_scope(0, true, subject, period)
  local function k(other)
    if type(other) ~= "string" then error("k(id) takes an indicator id", 2) end
    local value = private_copy(other, evaluate(other, s, k))
    return value
  end
  current_s, current_k = s, k
end
local runner = {
  register = function(id, fn) value_functions[id] = fn end,
  -- Called once per subject and period; run() then evaluates indicators against it.
  focus = function(subject, period) set_focus(subject_record(subject), period_record(period)) end,
  run = function(id) return evaluate(id, current_s, current_k) end,
}
-- Runs every indicator for one subject in one call: the host's fast path. Each
-- indicator gets fresh limits; failures are only listed (the host evaluates them again
-- one by one for their located errors).
local order, task_period = {}, nil
local fresh_budget, unpack_results = __host.fresh_budget, table.unpack
runner.order = function(ids) order = ids end
-- A value in the host's flat form: a kind letter and a plain payload (n: the value as
-- is, d: a decimal as its scaled integer, m: missing as its reason; see ValueBridge).
local function flat(v)
  local mt = getmetatable(v)
  if mt == "yardstick.decimal" then return "d", v.scaled end
  if mt == "yardstick.missing" then return "m", v.reason end
  return "n", v
end

-- Column mode: runs indicators once for all `size` subjects of a grain in a period.
-- `eligible` lists the indicators the host allows in column mode (k may only reach
-- those). Per indicator, results go back as a kinds string (one letter per subject, or
-- one for a value shared by all; see flat) and a payloads array, or "@" and
-- { aggregate id, slot } for a query's column returned as it is; "f" and { message }
-- when it read peer bins not computed yet (pending for every subject alike: the host
-- evaluates it again in the next stage, not per subject now); false when the indicator
-- needs per-subject evaluation.
runner.columns = function(size, period, ids, eligible)
  column_run.active, column_run.size = true, size
  memo, running = {}, {}
  reset_column_values()
  local s = new_scope(0, true, nil, period_record(period))
  local function k(other)
    if not eligible[other] then abort() end
    local value = private_copy(other, evaluate(other, s, k))
    return value
  end
  local out = {}
  for i = 1, #ids do
    fresh_budget()
    local ok, value = pcall(evaluate, ids[i], s, k)
    local kinds, values = {}, {}
    if ok and is_column(value) and rawget(value, "aggregate") then
      kinds, values = "@", { rawget(value, "aggregate"), rawget(value, "slot") }
    elseif ok then
      local list = is_column(value) and elements(value) or { value }
      for j = 1, #list do
        local letter, payload = flat(list[j])
        if letter == "n" and not math_type(payload) then
          ok = false
          break
        end
        kinds[j], values[j] = letter, payload
      end
      if is_column(value) and #list ~= size then ok = false end
      kinds = concat(kinds)
    end
    if not ok and type(value) == "string" and find(value, PENDING, 1, true) == 1 then
      out[#out + 1] = "f"
      out[#out + 1] = { value:sub(1, 4100) }
    else
      out[#out + 1] = ok and kinds or false
      out[#out + 1] = ok and values or false
    end
  end
  column_run.active, column_run.size = false, 0
  memo, running = {}, {}
  reset_column_values()
  return out
end

-- Results go back flat: a string with one kind letter per indicator (see flat; f for a
-- failure, with the head of its message when it is a string) and the payloads.
runner.task = function(subject, period, values, decimals, missings)
  if period ~= nil then task_period = period_record(period) end
  set_focus(subject_record(subject), task_period)
  set_prefetched(values or {}, decimals or {}, missings or {})
  local results, kinds = {}, {}
  local n = #order
  for i = 1, n do
    fresh_budget()
    local ok, value = pcall(evaluate, order[i], current_s, current_k)
    if ok then
      kinds[i], results[i] = flat(value)
    else
      kinds[i], results[i] = "f", type(value) == "string" and value:sub(1, 4100) or false
    end
  end
  set_prefetched({}, {}, {})
  return concat(kinds), unpack_results(results, 1, n)
end

P.indicator, P.runner, P.cohort = indicator, runner, cohort
