-- Scopes: what a value function receives as `s`; the subject and period records.
-- A scope is a handle too: its subject and period are kept by handle (weakly: scopes are
-- made per subject), and both are read-only records.
local P = ...
local q = __host.query
local setmetatable, getmetatable, next = setmetatable, getmetatable, next
local read_only, view_of, date_of = P.read_only, P.view_of, P.date_of

local scope_state = setmetatable({}, { __mode = "k" })
local scope_cache = {}
local scope_for
local function new_scope(slot, restricted, subject, period)
  local s = setmetatable({}, scope_for(slot, restricted))
  scope_state[s] = { subject = subject, period = period }
  return s
end

-- Read-only records (the subject, a period): reads go to the data the host sent, writes
-- fail; dates are made afresh on each read, so no script can change one another reads.
local function fresh(v)
  if getmetatable(v) == "yardstick.date" then return date_of(v.day) end
  return v
end
local function record_pairs(data)
  return function()
    local copy = {}
    for key, v in next, data do copy[key] = fresh(v) end
    return next, copy, nil
  end
end
local subject_newindex, period_newindex = read_only("subjects are read-only"), read_only("periods are read-only")
local function subject_record(data)
  if data == nil then return nil end
  return setmetatable({}, {
    __index = data, __newindex = subject_newindex, __readonly = "subjects are read-only",
    __pairs = record_pairs(data), __metatable = "yardstick.subject",
  })
end
local function period_record(data)
  if data == nil then return nil end
  return setmetatable({}, {
    __index = function(_, key) return fresh(data[key]) end,
    __newindex = period_newindex, __readonly = "periods are read-only",
    __pairs = record_pairs(data), __metatable = "yardstick.period",
  })
end

local scope_newindex = read_only("scopes are read-only")
scope_for = function(slot, restricted)
  local key = slot .. (restricted and "s" or "a")
  local cached = scope_cache[key]
  if cached then return cached end
  local meta = {}
  meta.__metatable = "yardstick.scope"
  meta.__newindex = scope_newindex
  meta.__readonly = "scopes are read-only"
  local entity_views = {}
  meta.__index = function(s, name)
    local cached_view = entity_views[name]
    if cached_view then return cached_view end
    local state = scope_state[s]
    if name == "subject" or name == "period" then return state[name] end
    if name == "all" then
      return new_scope(slot, false, state.subject, state.period)
    elseif name == "previous" or name == "same_period_last_year" then
      local shifted = name == "previous" and slot + 1 or slot + 100
      return new_scope(shifted, restricted, state.subject, period_record(q.period(shifted)))
    end
    if not q.has_entity(name) then return nil end
    local v = view_of(name, restricted, slot, {}, name .. "@" .. key, "").handle
    entity_views[name] = v
    return v
  end
  scope_cache[key] = meta
  return meta
end

P.new_scope, P.subject_record, P.period_record = new_scope, subject_record, period_record
