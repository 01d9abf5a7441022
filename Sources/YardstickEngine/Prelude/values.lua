-- Value types: exact decimals (scaled integers), missing values, and what kind a value is.
local P = ...
local host = __host
local setmetatable, getmetatable, type, ipairs = setmetatable, getmetatable, type, ipairs
local tostring, error = tostring, error
local math_type, format = math.type, string.format

-- Decimals are integers scaled by UNIT: four decimal places, exact under + - *.
local UNIT = 10000

local Decimal, Missing = {}, {}
Decimal.__metatable = "yardstick.decimal"
Missing.__metatable = "yardstick.missing"

local function kind(v)
  if type(v) ~= "table" then return type(v) end
  local mt = getmetatable(v)
  if type(mt) == "string" and mt:sub(1, 10) == "yardstick." then return mt:sub(11) end
  return "table"
end

local function missing(reason)
  if reason ~= nil and type(reason) ~= "string" then error("missing(reason): reason must be a string", 2) end
  return setmetatable({ reason = reason or "no value" }, Missing)
end
local function is_missing(v) return kind(v) == "missing" end

local function decimal_of(scaled) return setmetatable({ scaled = scaled }, Decimal) end
local function to_number(v)
  local k = kind(v)
  if k == "number" then return v end
  if k == "decimal" then return v.scaled / UNIT end
  return nil
end

local function decimal_text(scaled)
  local sign = scaled < 0 and "-" or ""
  local magnitude = scaled < 0 and -scaled or scaled
  local whole, fraction = magnitude // UNIT, magnitude % UNIT
  if fraction == 0 then return sign .. whole end
  local digits = format("%04d", fraction):gsub("0+$", "")
  return sign .. whole .. "." .. digits
end

-- Set once columns exist: a decimal combined with a column goes element by element.
local column_arith = {}
local function arith(name, on_decimals, on_numbers)
  return function(a, b)
    local forward = column_arith[name]
    if forward and (getmetatable(a) == "yardstick.column" or getmetatable(b) == "yardstick.column") then
      return forward(a, b)
    end
    if is_missing(a) then return a end
    if is_missing(b) then return b end
    local ka, kb = kind(a), kind(b)
    if on_decimals then
      local da = ka == "decimal" and a.scaled or (math_type(a) == "integer" and a * UNIT) or nil
      local db = kb == "decimal" and b.scaled or (math_type(b) == "integer" and b * UNIT) or nil
      if da and db then
        local result = on_decimals(da, db)
        if result then return result end
      end
    end
    local na, nb = to_number(a), to_number(b)
    if na == nil or nb == nil then
      error("cannot " .. name .. " " .. ka .. " and " .. kb, 2)
    end
    return on_numbers(na, nb)
  end
end
Decimal.__add = arith("add", function(a, b) return decimal_of(a + b) end, function(a, b) return a + b end)
Decimal.__sub = arith("subtract", function(a, b) return decimal_of(a - b) end, function(a, b) return a - b end)
Decimal.__mul = arith("multiply", function(a, b)
  if a % UNIT == 0 then return decimal_of((a // UNIT) * b) end
  if b % UNIT == 0 then return decimal_of(a * (b // UNIT)) end
  return nil
end, function(a, b) return a * b end)
Decimal.__div = arith("divide", nil, function(a, b) return a / b end)
Decimal.__unm = function(a) return decimal_of(-a.scaled) end
Decimal.__eq = function(a, b) return kind(a) == "decimal" and kind(b) == "decimal" and a.scaled == b.scaled end
Decimal.__lt = function(a, b) return to_number(a) < to_number(b) end
Decimal.__le = function(a, b) return to_number(a) <= to_number(b) end
Decimal.__tostring = function(a) return decimal_text(a.scaled) end
Decimal.__concat = function(a, b) return tostring(a) .. tostring(b) end
Decimal.__index = { number = function(a) return a.scaled / UNIT end }

for _, name in ipairs({ "__add", "__sub", "__mul", "__div", "__unm", "__concat" }) do
  Missing[name] = function(a, b) if is_missing(a) then return a end return b end
end
Missing.__tostring = function(m) return "missing (" .. m.reason .. ")" end
Missing.__lt = function(a, b)
  error("cannot compare a missing value (" .. (is_missing(a) and a or b).reason .. ")", 2)
end
Missing.__le = Missing.__lt

for _, mt in ipairs({ Decimal, Missing }) do mt.__readonly = "values are read-only" end
host.register_metatable("decimal", Decimal)
host.register_metatable("missing", Missing)

P.UNIT, P.Decimal, P.Missing, P.column_arith = UNIT, Decimal, Missing, column_arith
P.kind, P.missing, P.is_missing = kind, missing, is_missing
P.decimal_of, P.to_number, P.decimal_text = decimal_of, to_number, decimal_text
