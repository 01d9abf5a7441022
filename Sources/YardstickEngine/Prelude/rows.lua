-- Rows: read-only handles on one record of an entity, for scripts that iterate.
local P = ...
local host = __host
local q = host.query
local setmetatable, ipairs, error = setmetatable, ipairs, error
local abort, column_run, state_of, plan_id, public = P.abort, P.column_run, P.state_of, P.plan_id, P.public

local Row = { __metatable = "yardstick.row", __readonly = "rows are read-only" }

local function wrap_rows(entity, ids)
  local rows = {}
  for i, id in ipairs(ids) do rows[i] = setmetatable({ entity = entity, row = id }, Row) end
  return rows
end

function P.view_methods:rows()
  local view = state_of(self)
  if column_run.active then abort() end
  local rows = wrap_rows(view.entity, q.rows(plan_id(view), view.slot))
  local i = 0
  return function()
    i = i + 1
    return rows[i]
  end
end

Row.__index = public(function(row, field) return q.cell(row.entity, row.row, field) end)
Row.__newindex = function() error("rows are read-only", 2) end
host.register_metatable("row", Row)

P.Row, P.wrap_rows = Row, wrap_rows
