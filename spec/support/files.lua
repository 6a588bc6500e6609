-- Files for the specs: read one whole, list a glob, run a shell command, and
-- where the shared corpus lives.
local M = {}

--- The contents of the file at `path`, or nil when it cannot be opened.
function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

--- The paths a shell glob gives (`ls PATTERN`), sorted; {} when none.
function M.glob(pattern)
  local out = {}
  local p = assert(io.popen("ls " .. pattern .. " 2>/dev/null"))
  for f in p:lines() do out[#out + 1] = f end
  p:close()
  return out
end

--- Run a shell command: its output (standard error too) and exit status.
function M.sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1; echo \"exit:$?\""))
  local out = p:read("*a"); p:close()
  return (out:gsub("exit:%d+%s*$", "")), tonumber(out:match("exit:(%d+)%s*$"))
end

--- The shared corpus of five articles about one event (outside the repository).
M.CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"

return M
