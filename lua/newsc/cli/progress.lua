--- A progress bar on standard error, shown only when standard error is a
-- terminal and the job is long (many files).
-- @module newsc.cli.progress
local M = {}

local function stderr_is_tty()
  local r = os.execute("test -t 2")
  return r == true or r == 0
end

--- A function `tick(i, n, label)` drawing the bar, or a no-op when the
-- bar is not wanted (`n` below `min`, default 20, or stderr not a terminal).
function M.new(n, min)
  if n < (min or 20) or not stderr_is_tty() then return function() end end
  local last = -1
  return function(i, total, label)
    total = total or n
    local pct = math.floor(100 * i / total)
    if pct == last and i < total then return end
    last = pct
    local fill = math.floor(30 * i / total)
    io.stderr:write(("\r%-10s [%s%s] %3d%% %d/%d"):format(label or "", ("#"):rep(fill),
      ("."):rep(30 - fill), pct, i, total))
    if i >= total then io.stderr:write("\n") end
  end
end

return M
