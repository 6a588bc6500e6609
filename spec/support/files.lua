-- Files for the specs: read one whole, and where the shared corpus lives.
local M = {}

--- The contents of the file at `path`, or nil when it cannot be opened.
function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

--- The shared corpus of five articles about one event (outside the repository).
M.CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"

return M
