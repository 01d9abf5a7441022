-- Pack parameters: `param(name)` returns the value the pack's manifest declares (its
-- default, or the workspace's override in yardstick.toml), typed as declared. The host holds
-- the values (ParameterBindings.swift); an unknown name is an error at the script's line.
local P = ...
local get = __host.params.get

local function param(name)
  if type(name) ~= "string" then error("param(name) takes the parameter's name as a string", 2) end
  local value, problem = get(name)
  if problem ~= nil then error(problem, 2) end
  return value
end

P.param = param
