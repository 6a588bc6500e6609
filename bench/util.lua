-- What the Lua benchmarks of bench/ share: the text file and a timer.
local M = {}

--- The whole file named on the command line (`arg[1]`), or an error naming `usage`.
function M.text(usage)
  local f = assert(io.open(assert(arg[1], "usage: " .. usage), "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

--- The least CPU time in seconds of `n` (default 3) runs of `fn`, after a full collection each.
function M.best(fn, n)
  local b = math.huge
  for _ = 1, n or 3 do
    collectgarbage("collect")
    local t0 = os.clock()
    fn()
    local t = os.clock() - t0
    if t < b then b = t end
  end
  return b
end

return M
