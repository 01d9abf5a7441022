-- Errors from the API are raised at the script's line, not inside the prelude: `public`
-- wraps every function scripts can call.
local P = ...
local type, pcall, error = type, pcall, error

-- The location Lua puts before an error raised inside the prelude (its chunks are named
-- yardstick/prelude/<file>.lua). Only the head is searched: a script may raise a huge string.
local function clean(message)
  if type(message) ~= "string" then return message end
  local rest = message:sub(1, 64):match("^yardstick/prelude/[%w_]+%.lua:%d+: ()")
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

P.clean, P.public = clean, public
