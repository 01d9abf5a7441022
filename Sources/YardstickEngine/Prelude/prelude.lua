-- The prelude's entry point. The host (Prelude.swift) compiles each part of the prelude as
-- its own trusted chunk, named after its file (yardstick/prelude/<file>.lua, so that errors
-- and tracebacks name the file and line an editor shows), and passes them here in load
-- order. Each part reads what earlier parts put in one table of shared internals and adds
-- its own; the last leaves the runner and the published API for the host.
local internals = {}
for i = 1, select("#", ...) do
  local part = select(i, ...)
  part(internals)
end
return internals.runner, internals.published
