-- Dates (day numbers since 1970-01-01, proleptic Gregorian), date-times (seconds since
-- 1970-01-01T00:00:00Z) and durations between two fields.
local P = ...
local host = __host
local setmetatable, getmetatable, type, select, error, ipairs = setmetatable, getmetatable, type, select, error, ipairs
local math_type, format = math.type, string.format
local kind, is_missing, column_arith = P.kind, P.is_missing, P.column_arith

local Date, DateTime = {}, {}
Date.__metatable = "yardstick.date"
DateTime.__metatable = "yardstick.datetime"
local DURATION = "yardstick.duration"

local function civil(day)
  local z = day + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end
local function day_number(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end
local function date_of(day) return setmetatable({ day = day }, Date) end
-- date(year, month, day), or date("YYYY-MM-DD") with the text as `year`.
local function date(year, month, day)
  if type(year) == "string" then
    local yy, mm, dd = year:match("^(%d%d%d%d)%-(%d%d?)%-(%d%d?)$")
    if not yy then error("date(\"YYYY-MM-DD\") expected, got \"" .. year .. "\"", 2) end
    year, month, day = tonumber(yy), tonumber(mm), tonumber(dd)
  end
  if math_type(year) ~= "integer" or math_type(month) ~= "integer" or math_type(day) ~= "integer" then
    error("date(year, month, day) takes integers", 2)
  end
  local number = day_number(year, month, day)
  local cy, cm, cd = civil(number)
  if cy ~= year or cm ~= month or cd ~= day then
    error(format("no such date %04d-%02d-%02d", year, month, day), 2)
  end
  return date_of(number)
end
local date_fields = {
  year = function(v) return (civil(v.day)) end,
  month = function(v) return select(2, civil(v.day)) end,
  day_of_month = function(v) return select(3, civil(v.day)) end,
  weekday = function(v) return (v.day + 3) % 7 + 1 end,
}
Date.__index = function(v, key)
  local field = date_fields[key]
  if field then return field(v) end
  return nil
end
Date.__tostring = function(v) local y, m, d = civil(v.day) return format("%04d-%02d-%02d", y, m, d) end
Date.__eq = function(a, b) return kind(a) == "date" and kind(b) == "date" and a.day == b.day end
Date.__lt = function(a, b) return a.day < b.day end
Date.__le = function(a, b) return a.day <= b.day end
-- A date and a column (a column run) go element by element; a missing operand is the result.
local function forwarded(name, a, b)
  local forward = column_arith[name]
  if forward and (getmetatable(a) == "yardstick.column" or getmetatable(b) == "yardstick.column") then
    return forward(a, b)
  end
  if is_missing(a) then return a end
  if is_missing(b) then return b end
end
Date.__add = function(a, b)
  local done = forwarded("add", a, b)
  if done ~= nil then return done end
  if kind(a) == "date" and math_type(b) == "integer" then return date_of(a.day + b) end
  if kind(b) == "date" and math_type(a) == "integer" then return date_of(b.day + a) end
  error("a date plus a whole number of days", 2)
end
Date.__sub = function(a, b)
  local done = forwarded("subtract", a, b)
  if done ~= nil then return done end
  if kind(a) == "date" and kind(b) == "date" then return a.day - b.day end
  if kind(a) == "date" and math_type(b) == "integer" then return date_of(a.day - b) end
  error("a date minus a date or a whole number of days", 2)
end
Date.__concat = P.Decimal.__concat
DateTime.__tostring = function(v)
  local days = v.seconds // 86400
  local rest = v.seconds - days * 86400
  local y, m, d = civil(days)
  return format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, rest // 3600, rest // 60 % 60, rest % 60)
end
DateTime.__eq = function(a, b) return kind(a) == "datetime" and kind(b) == "datetime" and a.seconds == b.seconds end
DateTime.__lt = function(a, b) return a.seconds < b.seconds end
DateTime.__le = function(a, b) return a.seconds <= b.seconds end
DateTime.__concat = P.Decimal.__concat
DateTime.__index = { date = function(v) return date_of(v.seconds // 86400) end }

-- Durations are made once per (unit, from, to) and read-only, so later calls find the
-- same object (and the aggregates prepared for it).
local function duration(unit)
  local by_from = {}
  return function(from_field, to_field)
    if type(from_field) ~= "string" or type(to_field) ~= "string" then
      error(unit .. "(from_field, to_field) takes two field names", 2)
    end
    local by_to = by_from[from_field]
    if not by_to then
      by_to = {}
      by_from[from_field] = by_to
    end
    local made = by_to[to_field]
    if not made then
      made = setmetatable({}, {
        __index = { from = from_field, to = to_field, unit = unit }, __metatable = DURATION,
        __newindex = function() error("durations are read-only", 2) end, __readonly = "durations are read-only",
      })
      by_to[to_field] = made
    end
    return made
  end
end

for _, mt in ipairs({ Date, DateTime }) do mt.__readonly = "values are read-only" end
host.register_metatable("date", Date)
host.register_metatable("datetime", DateTime)

P.Date, P.DateTime = Date, DateTime
P.civil, P.day_number, P.date_of, P.date, P.duration = civil, day_number, date_of, date, duration
