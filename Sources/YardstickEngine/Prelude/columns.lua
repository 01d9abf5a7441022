-- Columns: one value per subject, while a value function runs for all subjects at once
-- (the host checked it never decides anything on a value). Arithmetic and ratio work
-- element by element with the scalar rules; any other use stops column mode (ABORT),
-- and the host evaluates the indicator per subject instead.
local P = ...
local q = __host.query
local setmetatable, getmetatable, ipairs = setmetatable, getmetatable, ipairs
local rawget, rawset, error = rawget, rawset, error
local byte, math_type, type = string.byte, math.type, type
local kind, missing, is_missing, to_number = P.kind, P.missing, P.is_missing, P.to_number
local decimal_of, Missing, column_arith, date_of = P.decimal_of, P.Missing, P.column_arith, P.date_of

local Column = { __metatable = "yardstick.column" }
local ABORT = setmetatable({}, { __tostring = function() return "needs per-subject evaluation" end })
-- Whether a column run is under way (set by the runner, read by the views' aggregates) and
-- how many subjects it has.
local column_run = { active = false, size = 0 }
local function abort() error(ABORT, 0) end
local function is_column(v) return column_run.active and getmetatable(v) == "yardstick.column" end
local function column_of(values) return setmetatable({ values = values }, Column) end
-- A column straight from the host is only a handle (aggregate id and scope slot): its
-- values cross into Lua (q.column) only when an operation needs them, and a column
-- returned as it is goes back as the handle.
-- The values of a column sent by the host as kind letters and plain payloads.
local function decode(kinds, items)
  local size = column_run.size
  if #kinds ~= size then abort() end
  local values = {}
  for i = 1, size do
    local letter, v = byte(kinds, i), items[i]
    if letter == 100 then -- d
      v = decimal_of(v)
    elseif letter == 109 then -- m
      v = setmetatable({ reason = v }, Missing)
    elseif letter == 116 then -- t
      v = date_of(v)
    end
    values[i] = v
  end
  return values
end
local function elements(c)
  local values = rawget(c, "values")
  if values then return values end
  values = decode(q.column(rawget(c, "aggregate"), rawget(c, "slot")))
  rawset(c, "values", values)
  return values
end
-- A column of values the host computed otherwise (another set's figures).
local function column_from(kinds, items) return column_of(decode(kinds, items)) end
-- A column the host computed and keeps (peer bins), by its id: a handle like an arithmetic
-- result's.
local function host_column(id) return setmetatable({ aggregate = id, slot = 0 }, Column) end
-- An operand as column_arith takes it: "c", aggregate, slot for a column still in the host;
-- a kind letter and payload for a constant (n: number, d: decimal, t: date, m: missing); nil
-- for a column already in Lua or any other value.
local function host_operand(v)
  if is_column(v) then
    local id = rawget(v, "aggregate")
    if id == nil then return nil end
    return "c", id, rawget(v, "slot")
  end
  local k = kind(v)
  if k == "number" then return "n", v, 0 end
  local payload
  if k == "decimal" then
    payload = rawget(v, "scaled")
    if math_type(payload) == "integer" then return "d", payload, 0 end
  elseif k == "date" then
    payload = rawget(v, "day")
    if math_type(payload) == "integer" then return "t", payload, 0 end
  elseif k == "missing" then
    payload = rawget(v, "reason")
    if type(payload) == "string" then return "m", payload, 0 end
  end
  return nil
end
-- `name` (add, subtract, multiply, divide): tried in the host first when an operand is a
-- column still there and the other one too or a constant; the host keeps the result and
-- answers nil when an element has no host rule (then, as for every other case, element by
-- element here, with the scalar rules and their errors).
local function lift(op, name)
  return function(a, b)
    if name then
      local ta, xa, ya = host_operand(a)
      local tb, xb, yb = host_operand(b)
      if ta and tb and (ta == "c" or tb == "c") then
        local id = q.column_arith(name, ta, xa, ya, tb, xb, yb)
        if id then return host_column(id) end
      end
    end
    local av = is_column(a) and elements(a)
    local bv = is_column(b) and elements(b)
    local out = {}
    for i = 1, column_run.size do
      local x, y = a, b
      if av then x = av[i] end
      if bv then y = bv[i] end
      out[i] = op(x, y)
    end
    return column_of(out)
  end
end
Column.__add = lift(function(x, y) return x + y end, "add")
Column.__sub = lift(function(x, y) return x - y end, "subtract")
Column.__mul = lift(function(x, y) return x * y end, "multiply")
Column.__div = lift(function(x, y) return x / y end, "divide")
Column.__mod = lift(function(x, y) return x % y end)
Column.__pow = lift(function(x, y) return x ^ y end)
Column.__idiv = lift(function(x, y) return x // y end)
Column.__unm = lift(function(x) return -x end)
column_arith.add, column_arith.subtract = Column.__add, Column.__sub
column_arith.multiply, column_arith.divide = Column.__mul, Column.__div
for _, name in ipairs({ "__eq", "__lt", "__le", "__concat", "__len", "__call", "__index", "__newindex",
  "__tostring", "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot", "__close" }) do
  Column[name] = abort
end

-- `when_zero` (nil: none) is the result when b is 0, instead of missing("division by zero").
local function ratio_of(a, b, when_zero)
  if is_missing(a) then return a end
  if is_missing(b) then return b end
  local na, nb = to_number(a), to_number(b)
  if na == nil or nb == nil then error("ratio(a, b) takes numbers, got " .. kind(a) .. " and " .. kind(b), 2) end
  if nb == 0 then
    if when_zero ~= nil then return when_zero end
    return missing("division by zero")
  end
  return na / nb
end

local column_ratio = lift(ratio_of)
local function ratio(a, b, when_zero)
  if when_zero ~= nil and kind(when_zero) ~= "number" and kind(when_zero) ~= "decimal" then
    error("ratio(a, b, when_zero): when_zero is the number to give when b is 0, got " .. kind(when_zero), 2)
  end
  if not (is_column(a) or is_column(b)) then return ratio_of(a, b, when_zero) end
  if is_column(a) and is_column(b) and rawget(a, "aggregate") and rawget(b, "aggregate")
    and (when_zero == nil or kind(when_zero) == "number") then
    -- Two columns still in the host: divided there, by the same rule.
    local id = q.column_ratio(rawget(a, "aggregate"), rawget(a, "slot"), rawget(b, "aggregate"), rawget(b, "slot"),
      when_zero)
    return host_column(id)
  end
  if when_zero == nil then return column_ratio(a, b) end
  return lift(function(x, y) return ratio_of(x, y, when_zero) end)(a, b)
end

P.Column, P.column_run = Column, column_run
P.abort, P.is_column, P.elements, P.ratio = abort, is_column, elements, ratio
P.column_from, P.host_column = column_from, host_column
