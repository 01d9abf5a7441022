-- Grouped views: view:group_by(field) followed by an aggregate gives a table key → value.
local P = ...
local setmetatable, pairs, error = setmetatable, pairs, error
local read_only, state_of, measure = P.read_only, P.state_of, P.measure

local Grouped = { __metatable = "yardstick.grouped" }
local grouped_methods = {}
local grouped_state = setmetatable({}, { __mode = "k" })
Grouped.__index, Grouped.__newindex = grouped_methods, read_only("grouped views are read-only")
Grouped.__readonly = "grouped views are read-only"

local function grouped_of(g)
  local state = grouped_state[g]
  if not state then error("expected a grouped view (call its methods with ':')", 3) end
  return state
end
for name, fn in pairs(P.aggregates) do
  grouped_methods[name] = function(self, ...)
    local state = grouped_of(self)
    return fn(state.view, state.group, ...)
  end
end
function P.view_methods:group_by(field)
  local grouped = setmetatable({}, Grouped)
  grouped_state[grouped] = { view = state_of(self), group = measure(field, "group_by") }
  return grouped
end

P.grouped_methods = grouped_methods
