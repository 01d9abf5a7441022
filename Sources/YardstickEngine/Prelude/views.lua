-- Views: each records a query plan; the host runs it.
-- Scripts hold handles: empty tables whose metatable refuses writes (`__newindex`, and
-- `__readonly` for the sandbox's rawset) and whose methods live in a table scripts cannot
-- reach. Each handle's state (filters, caches, prepared ids) is kept here, by handle, so no
-- script can read or change the caches that every indicator of the VM shares.
local P = ...
local q = __host.query
local setmetatable, type, ipairs, next = setmetatable, type, ipairs, next
local rawget, rawlen, tostring, error = rawget, rawlen, tostring, error
local math_type, sort, concat, format = math.type, table.sort, table.concat, string.format
local kind, decimal_of, date_of = P.kind, P.decimal_of, P.date_of
local field_code = P.field_code

local View = { __metatable = "yardstick.view" }
local plan_ids = {}
local views = {}
local view_state = {}
local view_methods = {}
local function read_only(message) return function() error(message, 2) end end
View.__index, View.__newindex, View.__readonly = view_methods, read_only("views are read-only"), "views are read-only"

local function state_of(view)
  local state = view_state[view]
  if not state then error("expected a view (call its methods with ':')", 3) end
  return state
end

-- A filter operand as a cache-key code: the same code means the same operand. Floats are
-- written exactly (hexadecimal), strings with their length (so ',' and '|' cannot clash),
-- field(…) expressions by their own code (fields.lua), which an `in` list may not hold.
local function encode(v, in_list)
  local k = kind(v)
  if k == "field" then
    if in_list then error("an in list takes values; compare with field(…) using =, ~=, <, <=, > or >=", 3) end
    return "x" .. field_code(v)
  end
  if k == "date" then return "d" .. v.day end
  if k == "decimal" then return "m" .. v.scaled end
  if k == "string" then return "s" .. #v .. ":" .. v end
  if k == "number" then
    if math_type(v) == "integer" then return "n" .. v end
    return "f" .. format("%a", v)
  end
  if k == "boolean" then return "b" .. tostring(v) end
  error("cannot filter on a " .. k, 3)
end
-- The operand a filter keeps: value types copied, so that a script changing its own date
-- or decimal afterwards cannot change a cached view.
local function operand(v)
  local k = kind(v)
  if k == "field" then return { expression = field_code(v) } end
  if k == "date" then return date_of(v.day) end
  if k == "decimal" then return decimal_of(v.scaled) end
  return v
end

-- Views are cached: a script's chain s.x:where{…}:during(…) builds each view once per VM,
-- then finds it again through its parent's children table. `suffix` is the filters' part
-- of the key, shared by every scope of the same entity (the plan cache's key).
local function view_of(entity, restricted, slot, filters, key, suffix)
  local cached = views[key]
  if cached then return cached end
  local v = {
    entity = entity, restricted = restricted, slot = slot, filters = filters, key = key, suffix = suffix,
    children = {}, aggregates = {}, simple = {}, equal = {}, during = {}, handle = setmetatable({}, View),
  }
  views[key] = v
  view_state[v.handle] = v
  return v
end

local function derive(view, filter, code)
  local child = view.children[code]
  if child then return child end
  local filters = {}
  for i, f in ipairs(view.filters) do filters[i] = f end
  filters[#filters + 1] = filter
  child = view_of(view.entity, view.restricted, view.slot, filters, view.key .. "|" .. code, view.suffix .. "|" .. code)
  view.children[code] = child
  return child
end

local function plan_id(view)
  local id = view.plan
  if id then return id end
  local key = view.entity .. (view.restricted and "/s" or "/a") .. view.suffix
  id = plan_ids[key]
  if not id then
    id = q.plan(view.entity, view.restricted, view.filters)
    plan_ids[key] = id
  end
  view.plan = id
  return id
end

local function field_name(f, what)
  if type(f) ~= "string" then error(what .. " takes a field name", 3) end
  return f
end

-- A snapshot indicator's data has no period: filtering it on one is an error at the
-- script's line, not a figure cut on the as-of day.
local snapshot_as_of = q and q.snapshot and q.snapshot() or nil
local function refuse_in_snapshot(what)
  if snapshot_as_of then
    error(what .. ": this indicator reads a snapshot as of " .. snapshot_as_of
      .. ", which has no period to filter on", 3)
  end
end

-- A filter's code in a view's key: a letter for its kind, then names with their lengths, so
-- that no two different filters (a field named like another filter's code, say) share a
-- code, and so never a cached view or plan.
function view_methods:during(field)
  refuse_in_snapshot("during")
  local view = state_of(self)
  local child = view.during[field]
  if child then return child.handle end
  field_name(field, "during")
  child = derive(view, { op = "during", field = field }, "D" .. #field .. ":" .. field)
  view.during[field] = child
  return child.handle
end
function view_methods:before(field)
  refuse_in_snapshot("before")
  local view = state_of(self)
  field_name(field, "before")
  return derive(view, { op = "before", field = field }, "B" .. #field .. ":" .. field).handle
end
function view_methods:between(field, a, b)
  refuse_in_snapshot("between")
  local view = state_of(self)
  field_name(field, "between")
  if kind(a) ~= "date" or kind(b) ~= "date" then error("between(field, a, b) takes two dates", 2) end
  local low, high = date_of(a.day), date_of(b.day)
  local code = "W" .. #field .. ":" .. field .. low.day .. ":" .. high.day
  return derive(view, { op = "between", field = field, values = { low, high } }, code).handle
end
-- The conditions table is the script's: it is read raw, each entry once, so that a
-- metatable cannot show the cache key one value and the plan another.
function view_methods:where(conditions)
  local view = state_of(self)
  if type(conditions) ~= "table" then error("where{...} takes a table of conditions", 2) end
  -- One plain equality (where{ stage = "won" }): found again without building strings.
  local name, value = next(conditions)
  local plain = value == value and type(value)
  if (plain == "string" or plain == "number" or plain == "boolean") and next(conditions, name) == nil then
    local by_name = view.equal[name]
    local child = by_name and by_name[value]
    if child then return child.handle end
  end
  local names, given = {}, {}
  for key, condition in next, conditions do
    if type(key) ~= "string" then error("where{...}: condition keys are field names", 2) end
    names[#names + 1] = key
    given[key] = condition
  end
  if #names > 1 then sort(names) end
  local result = view
  for _, field in ipairs(names) do
    local condition = given[field]
    local filter, code
    if type(condition) == "table" and kind(condition) == "table" then
      local op = rawget(condition, 1)
      if type(op) ~= "string" then error("where{" .. field .. " = {op, value}}: op must be a string", 2) end
      local codes = {}
      if op == "in" or op == "not in" then
        local list = rawget(condition, 2)
        if type(list) ~= "table" then error("where{" .. field .. " = {\"" .. op .. "\", {...}}}", 2) end
        local i = 1
        local v = rawget(list, 1)
        while v ~= nil do
          codes[i] = encode(v, true)
          i = i + 1
          v = rawget(list, i)
        end
        -- The list crosses to the host as its codes, one string however long it is.
        local encoded = concat(codes, ",")
        filter = { op = op, field = field, encoded = encoded }
        code = #op .. ":" .. op .. encoded
      else
        local values = {}
        for i = 2, rawlen(condition) do
          local v = rawget(condition, i)
          codes[i - 1] = encode(v)
          values[i - 1] = operand(v)
        end
        filter = { op = op, field = field, values = values }
        code = #op .. ":" .. op .. concat(codes, ",")
      end
    else
      code = "1:=" .. encode(condition)
      filter = { op = "=", field = field, values = { operand(condition) } }
    end
    result = derive(result, filter, "F" .. #field .. ":" .. field .. code)
  end
  if (plain == "string" or plain == "number" or plain == "boolean") and #names == 1 then
    local by_name = view.equal[name]
    if not by_name then
      by_name = {}
      view.equal[name] = by_name
    end
    by_name[value] = result
  end
  return result.handle
end

P.view_methods, P.read_only, P.state_of = view_methods, read_only, state_of
P.view_of, P.plan_id, P.encode, P.operand = view_of, plan_id, encode, operand
