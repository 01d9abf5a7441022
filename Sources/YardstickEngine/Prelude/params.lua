-- Pack parameters: `param(name)` returns the value the pack's manifest declares (its
-- default, or the workspace's override in yardstick.toml), typed as declared. The host holds
-- the values (ParameterBindings.swift); an unknown name is an error at the script's line.
-- The host function is looked up on each call: a bare VM (the prelude's own tests) has none.
local P = ...
local host = __host

local function param(name)
  if type(name) ~= "string" then error("param(name) takes the parameter's name as a string", 2) end
  local params = host.params
  if params == nil then error("param(\"" .. name .. "\"): no parameters in this Lua state", 2) end
  local value, problem = params.get(name)
  if problem ~= nil then error(problem, 2) end
  return value
end

P.param = param
