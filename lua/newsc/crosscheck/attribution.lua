--- The source an article credits for a statement: "according to the
-- health ministry", "as reported by Reuters", "Reuters reported".
-- @module newsc.crosscheck.attribution
local M = {}

-- patterns on the sentence text; the capture is the source
local PATTERNS = {
  "[Aa]ccording to (.-)%s*[,.;:\n]",
  "[Aa]ccording to (.-)%s*$",
  "[Aa]s reported by (.-)%s*[,.;:\n]",
  "[Aa]s reported by (.-)%s*$",
  "[Cc]iting (.-)%s*[,.;:\n]",
  "[Aa]s per (.-)%s*[,.;:\n]",
}

local REPORTED = { "reported", "said", "says", "reports", "announced", "confirmed" }

--- Find the source credited in sentence `s` (a string) nearest to byte
-- `at` (1-based offset into `s`, or nil).
-- @return `{text=, start=, stop=}` relative to `s`, or nil
function M.find(s, at)
  local best, bestd
  for _, pat in ipairs(PATTERNS) do
    local init = 1
    while true do
      local a, b, src = s:find(pat, init)
      if not a then break end
      local cs = s:find(src, a, true)
      if #src > 1 and #src < 120 then
        local d = at and math.abs(cs - at) or 0
        if not bestd or d < bestd then
          best, bestd = { text = src, start = cs, stop = cs + #src - 1 }, d
        end
      end
      init = b + 1
    end
  end
  if best then return best end
  -- "Reuters reported", "the ministry said" (a capitalised name before the
  -- verb, looked for in the 80 bytes before it)
  for _, verb in ipairs(REPORTED) do
    local vs = s:find(" " .. verb .. "%f[^%w]")
    if vs then
      local lo = math.max(1, vs - 80)
      local window = s:sub(lo, vs - 1)
      local a, _, src = window:find("(%u[%w%.'\128-\255]*[%w%.' \128-\255]*)$")
      if a then
        src = src:gsub("%s+ha[sd]$", ""):gsub("%s+have$", ""):gsub("%s+was$", ""):gsub("%s+is$", "")
        local cs = lo + a - 1
        return { text = src, start = cs, stop = cs + #src - 1 }
      end
    end
  end
  return nil
end

return M
