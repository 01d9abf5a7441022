/// The trusted Lua half of the indicator API: value types, views that record query plans,
/// and the indicator runner. It sees `__host` (the Swift functions of ``HostBindings``);
/// indicator scripts do not. Everything it publishes is listed in ``LuaAPI`` and checked
/// against it by the tests.
enum Prelude {
    static let source = #"""
        local host = __host
        local q = host.query
        local setmetatable, getmetatable, type, pairs, ipairs = setmetatable, getmetatable, type, pairs, ipairs
        local tostring, error, select, rawget, pcall, next = tostring, error, select, rawget, pcall, next
        local rawequal, rawset, rawlen = rawequal, rawset, rawlen
        local math_type, floor, huge = math.type, math.floor, math.huge
        local sort, concat, format, byte = table.sort, table.concat, string.format, string.byte

        local UNIT = 10000

        -- Value types ---------------------------------------------------------------------------
        local Decimal, Date, DateTime, Missing, Duration, Row, View, Grouped, Scope = {}, {}, {}, {}, {}, {}, {}, {}, {}
        Decimal.__metatable = "yardstick.decimal"
        Date.__metatable = "yardstick.date"
        DateTime.__metatable = "yardstick.datetime"
        Missing.__metatable = "yardstick.missing"
        Duration.__metatable = "yardstick.duration"
        Row.__metatable = "yardstick.row"
        View.__metatable = "yardstick.view"
        Grouped.__metatable = "yardstick.grouped"

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
        Missing.__lt = function(a, b) error("cannot compare a missing value (" .. (is_missing(a) and a or b).reason .. ")", 2) end
        Missing.__le = Missing.__lt

        -- Dates: day numbers since 1970-01-01 (proleptic Gregorian).
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
        local function date(y, m, d)
          if type(y) == "string" then
            local yy, mm, dd = y:match("^(%d%d%d%d)%-(%d%d?)%-(%d%d?)$")
            if not yy then error("date(\"YYYY-MM-DD\") expected, got \"" .. y .. "\"", 2) end
            y, m, d = tonumber(yy), tonumber(mm), tonumber(dd)
          end
          if math_type(y) ~= "integer" or math_type(m) ~= "integer" or math_type(d) ~= "integer" then
            error("date(year, month, day) takes integers", 2)
          end
          local day = day_number(y, m, d)
          local cy, cm, cd = civil(day)
          if cy ~= y or cm ~= m or cd ~= d then error(format("no such date %04d-%02d-%02d", y, m, d), 2) end
          return date_of(day)
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
        Date.__add = function(a, b)
          if kind(a) == "date" and math_type(b) == "integer" then return date_of(a.day + b) end
          if kind(b) == "date" and math_type(a) == "integer" then return date_of(b.day + a) end
          error("a date plus a whole number of days", 2)
        end
        Date.__sub = function(a, b)
          if kind(a) == "date" and kind(b) == "date" then return a.day - b.day end
          if kind(a) == "date" and math_type(b) == "integer" then return date_of(a.day - b) end
          error("a date minus a date or a whole number of days", 2)
        end
        Date.__concat = Decimal.__concat
        DateTime.__tostring = function(v)
          local days = v.seconds // 86400
          local rest = v.seconds - days * 86400
          local y, m, d = civil(days)
          return format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, rest // 3600, rest // 60 % 60, rest % 60)
        end
        DateTime.__eq = function(a, b) return kind(a) == "datetime" and kind(b) == "datetime" and a.seconds == b.seconds end
        DateTime.__lt = function(a, b) return a.seconds < b.seconds end
        DateTime.__le = function(a, b) return a.seconds <= b.seconds end
        DateTime.__concat = Decimal.__concat
        DateTime.__index = { date = function(v) return date_of(v.seconds // 86400) end }

        -- Durations are made once per (unit, from, to) and read-only, so later calls find the
        -- same object (and the aggregates prepared for it).
        local function duration(unit)
          local by_from = {}
          return function(from, to)
            if type(from) ~= "string" or type(to) ~= "string" then
              error(unit .. "(from_field, to_field) takes two field names", 2)
            end
            local by_to = by_from[from]
            if not by_to then
              by_to = {}
              by_from[from] = by_to
            end
            local made = by_to[to]
            if not made then
              made = setmetatable({}, {
                __index = { from = from, to = to, unit = unit }, __metatable = Duration.__metatable,
                __newindex = function() error("durations are read-only", 2) end, __readonly = "durations are read-only",
              })
              by_to[to] = made
            end
            return made
          end
        end

        -- Columns: one value per subject, while a value function runs for all subjects at once
        -- (the host checked it never decides anything on a value). Arithmetic and ratio work
        -- element by element with the scalar rules; any other use stops column mode (ABORT),
        -- and the host evaluates the indicator per subject instead.
        local Column = { __metatable = "yardstick.column" }
        local ABORT = setmetatable({}, { __tostring = function() return "needs per-subject evaluation" end })
        local column_mode, column_size = false, 0
        local function abort() error(ABORT, 0) end
        local function is_column(v) return column_mode and getmetatable(v) == "yardstick.column" end
        local function column_of(values) return setmetatable({ values = values }, Column) end
        -- A column straight from the host is only a handle (aggregate id and scope slot): its
        -- values cross into Lua (q.column) only when an operation needs them, and a column
        -- returned as it is goes back as the handle.
        local function elements(c)
          local values = rawget(c, "values")
          if values then return values end
          local kinds, items = q.column(rawget(c, "aggregate"), rawget(c, "slot"))
          if #kinds ~= column_size then abort() end
          values = {}
          for i = 1, column_size do
            local letter, v = byte(kinds, i), items[i]
            if letter == 100 then -- d
              v = decimal_of(v)
            elseif letter == 109 then -- m
              v = setmetatable({ reason = v }, Missing)
            end
            values[i] = v
          end
          rawset(c, "values", values)
          return values
        end
        local function lift(op)
          return function(a, b)
            local av = is_column(a) and elements(a)
            local bv = is_column(b) and elements(b)
            local out = {}
            for i = 1, column_size do
              local x, y = a, b
              if av then x = av[i] end
              if bv then y = bv[i] end
              out[i] = op(x, y)
            end
            return column_of(out)
          end
        end
        Column.__add = lift(function(x, y) return x + y end)
        Column.__sub = lift(function(x, y) return x - y end)
        Column.__mul = lift(function(x, y) return x * y end)
        Column.__div = lift(function(x, y) return x / y end)
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

        local function ratio_of(a, b)
          if is_missing(a) then return a end
          if is_missing(b) then return b end
          local na, nb = to_number(a), to_number(b)
          if na == nil or nb == nil then error("ratio(a, b) takes numbers, got " .. kind(a) .. " and " .. kind(b), 2) end
          if nb == 0 then return missing("division by zero") end
          return na / nb
        end

        local column_ratio = lift(ratio_of)
        local function ratio(a, b)
          if not (is_column(a) or is_column(b)) then return ratio_of(a, b) end
          if is_column(a) and is_column(b) and rawget(a, "aggregate") and rawget(b, "aggregate") then
            -- Two columns still in the host: divided there, by the same rule.
            local id = q.column_ratio(rawget(a, "aggregate"), rawget(a, "slot"), rawget(b, "aggregate"), rawget(b, "slot"))
            return setmetatable({ aggregate = id, slot = 0 }, Column)
          end
          return column_ratio(a, b)
        end

        for name, mt in pairs({ decimal = Decimal, date = Date, datetime = DateTime, missing = Missing }) do
          host.register_metatable(name, mt)
        end
        host.register_metatable("row", Row)

        -- Views: each records a query plan; the host runs it -----------------------------------
        -- Scripts hold handles: empty tables whose metatable refuses writes (`__newindex`, and
        -- `__readonly` for the sandbox's rawset) and whose methods live in a table scripts cannot
        -- reach. Each handle's state (filters, caches, prepared ids) is kept here, by handle, so no
        -- script can read or change the caches that every indicator of the VM shares.
        local plan_ids = {}
        local views = {}
        local view_state = {}
        local view_methods, grouped_methods = {}, {}
        local grouped_state = setmetatable({}, { __mode = "k" })
        local function read_only(message) return function() error(message, 2) end end
        View.__index, View.__newindex, View.__readonly = view_methods, read_only("views are read-only"), "views are read-only"
        Grouped.__index, Grouped.__newindex = grouped_methods, read_only("grouped views are read-only")
        Grouped.__readonly = "grouped views are read-only"
        Row.__readonly = "rows are read-only"
        for _, mt in ipairs({ Decimal, Date, DateTime, Missing }) do mt.__readonly = "values are read-only" end

        local function state_of(view)
          local state = view_state[view]
          if not state then error("expected a view (call its methods with ':')", 3) end
          return state
        end

        -- A filter operand as a cache-key code: the same code means the same operand. Floats are
        -- written exactly (hexadecimal), strings with their length (so ',' and '|' cannot clash).
        local function encode(v)
          local k = kind(v)
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
            children = {}, aggregates = {}, simple = {}, equal = {}, handle = setmetatable({}, View),
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

        function view_methods:during(field)
          local view = state_of(self)
          local child = view.children[field]
          if child then return child.handle end
          return derive(view, { op = "during", field = field_name(field, "during") }, field).handle
        end
        function view_methods:before(field)
          local view = state_of(self)
          return derive(view, { op = "before", field = field_name(field, "before") }, "B" .. field_name(field, "before")).handle
        end
        function view_methods:between(field, a, b)
          local view = state_of(self)
          field_name(field, "between")
          if kind(a) ~= "date" or kind(b) ~= "date" then error("between(field, a, b) takes two dates", 2) end
          local low, high = date_of(a.day), date_of(b.day)
          return derive(view, { op = "between", field = field, values = { low, high } }, "W" .. field .. low.day .. ":" .. high.day).handle
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
                  codes[i] = encode(v)
                  i = i + 1
                  v = rawget(list, i)
                end
                -- The list crosses to the host as its codes, one string however long it is.
                local encoded = concat(codes, ",")
                filter = { op = op, field = field, encoded = encoded }
                code = op .. ":" .. encoded
              else
                local values = {}
                for i = 2, rawlen(condition) do
                  local v = rawget(condition, i)
                  codes[i - 1] = encode(v)
                  values[i - 1] = operand(v)
                end
                filter = { op = op, field = field, values = values }
                code = op .. ":" .. concat(codes, ",")
              end
            else
              code = "=:" .. encode(condition)
              filter = { op = "=", field = field, values = { operand(condition) } }
            end
            result = derive(result, filter, "F" .. field .. "=" .. code)
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
          error(what .. " takes a field name or days(a, b) / hours(a, b)", 3)
        end

        local function wrap_rows(entity, ids)
          local rows = {}
          for i, id in ipairs(ids) do rows[i] = setmetatable({ entity = entity, row = id }, Row) end
          return rows
        end

        local function measure_key(m)
          if m == nil then return "" end
          if type(m) == "string" then return m end
          return m.unit .. ":" .. m.from .. ">" .. m.to
        end

        -- In column mode, an aggregate's column for every subject (kept for the column run).
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
            local key = name .. "|" .. measure_key(m) .. "|" .. tostring(extra) .. "|" .. measure_key(by) .. "|" .. measure_key(group)
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
          if column_mode then return column_values(id, view.slot) end
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

        local aggregates = {
          count = function(self, group) return aggregate(self, group, "count") end,
          sum = function(self, group, f) return aggregate(self, group, "sum", measure(f, "sum")) end,
          avg = function(self, group, f) return aggregate(self, group, "avg", measure(f, "avg")) end,
          min = function(self, group, f) return aggregate(self, group, "min", measure(f, "min")) end,
          max = function(self, group, f) return aggregate(self, group, "max", measure(f, "max")) end,
          median = function(self, group, f) return aggregate(self, group, "median", measure(f, "median")) end,
          percentile = function(self, group, f, p)
            if type(p) ~= "number" then error("percentile(field, p) takes p in 0..100", 3) end
            return aggregate(self, group, "percentile", measure(f, "percentile"), p)
          end,
          count_distinct = function(self, group, f) return aggregate(self, group, "count_distinct", measure(f, "count_distinct")) end,
          distinct = function(self, group, f) return aggregate(self, group, "distinct", measure(f, "distinct")) end,
          first = function(self, group, f, by) return aggregate(self, group, "first", measure(f, "first"), nil, measure(by, "first")) end,
          last = function(self, group, f, by) return aggregate(self, group, "last", measure(f, "last"), nil, measure(by, "last")) end,
          top = function(self, group, n, f)
            if math_type(n) ~= "integer" or n < 0 then error("top(n, field) takes a whole number n", 3) end
            return aggregate(self, group, "top", measure(f, "top"), n)
          end,
        }
        local function grouped_of(g)
          local state = grouped_state[g]
          if not state then error("expected a grouped view (call its methods with ':')", 3) end
          return state
        end
        for name, fn in pairs(aggregates) do
          view_methods[name] = function(self, ...) return fn(state_of(self), nil, ...) end
          grouped_methods[name] = function(self, ...)
            local state = grouped_of(self)
            return fn(state.view, state.group, ...)
          end
        end
        function view_methods:group_by(f)
          local grouped = setmetatable({}, Grouped)
          grouped_state[grouped] = { view = state_of(self), group = measure(f, "group_by") }
          return grouped
        end
        function view_methods:rows()
          local view = state_of(self)
          if column_mode then abort() end
          local rows = wrap_rows(view.entity, q.rows(plan_id(view), view.slot))
          local i = 0
          return function()
            i = i + 1
            return rows[i]
          end
        end
        -- Errors from the API are raised at the script's line, not inside this prelude.
        local pack, unpack = table.pack, table.unpack
        -- Only the head is searched: a script may raise a huge string.
        local function clean(message)
          if type(message) ~= "string" then return message end
          local rest = message:sub(1, 40):match("^yardstick/prelude%.lua:%d+: ()")
          if rest then return message:sub(rest) end
          return message
        end
        local function public(fn)
          return function(...)
            local ok, result = pcall(fn, ...)
            if ok then return result end
            error(clean(result), 2)
          end
        end
        for _, methods in ipairs({ view_methods, grouped_methods }) do
          local names = {}
          for name in pairs(methods) do names[#names + 1] = name end
          for _, name in ipairs(names) do methods[name] = public(methods[name]) end
        end
        Row.__index = public(function(row, field) return q.cell(row.entity, row.row, field) end)
        Row.__newindex = function() error("rows are read-only", 2) end

        -- Scopes ----------------------------------------------------------------------------------
        -- A scope is a handle too: its subject and period are kept by handle (weakly: scopes are
        -- made per subject), and both are read-only records.
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

        -- Indicators ------------------------------------------------------------------------------
        local declarations = {}
        local value_functions = {}
        local NIL = {}
        local memo, running = {}, {}

        local function indicator(declaration)
          if type(declaration) ~= "table" then error("indicator{...} takes a table", 2) end
          if type(declaration.id) ~= "string" or not declaration.id:match("^[%a_][%w_%.%-]*$") then
            error("indicator{...}: id must be a name like \"win_rate\"", 2)
          end
          if type(declaration.value) ~= "function" then error("indicator \"" .. declaration.id .. "\": value must be a function", 2) end
          return declaration
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
          if not fn then error("unknown indicator \"" .. tostring(id) .. "\"", 3) end
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
          error("k(\"" .. id .. "\"): the indicator returned a " .. k .. "; indicators pass numbers, decimals, dates and missing values to each other", 3)
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
        local fresh_budget, unpack_results = host.fresh_budget, table.unpack
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
        -- { aggregate id, slot } for a query's column returned as it is; false when the
        -- indicator needs per-subject evaluation.
        runner.columns = function(size, period, ids, eligible)
          column_mode, column_size = true, size
          memo, running, column_cache = {}, {}, {}
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
                local kind, payload = flat(list[j])
                if kind == "n" and not math_type(payload) then
                  ok = false
                  break
                end
                kinds[j], values[j] = kind, payload
              end
              if is_column(value) and #list ~= size then ok = false end
              kinds = concat(kinds)
            end
            out[#out + 1] = ok and kinds or false
            out[#out + 1] = ok and values or false
          end
          column_mode, column_size = false, 0
          memo, running, column_cache = {}, {}, {}
          return out
        end

        -- Results go back flat: a string with one kind letter per indicator (see flat; f for a
        -- failure, with the head of its message when it is a string) and the payloads.
        runner.task = function(subject, period, values, decimals, missings)
          if period ~= nil then task_period = period_record(period) end
          set_focus(subject_record(subject), task_period)
          prefetched, prefetched_decimals, prefetched_missing = values or {}, decimals or {}, missings or {}
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
          prefetched, prefetched_decimals, prefetched_missing = {}, {}, {}
          return concat(kinds), unpack_results(results, 1, n)
        end

        host.install("indicator", public(indicator))
        host.install("ratio", public(ratio))
        host.install("missing", public(missing))
        host.install("is_missing", function(v)
          if is_column(v) then abort() end
          return is_missing(v)
        end)
        host.install("days", public(duration("days")))
        host.install("hours", public(duration("hours")))
        host.install("date", public(date))

        local published = {
          globals = { "indicator", "ratio", "missing", "is_missing", "days", "hours", "date" },
          view = {}, grouped = {},
        }
        for name in pairs(view_methods) do published.view[#published.view + 1] = name end
        for name in pairs(grouped_methods) do published.grouped[#published.grouped + 1] = name end
        sort(published.view)
        sort(published.grouped)
        return runner, published
        """#
}
