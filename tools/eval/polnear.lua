--- PolNeAR evaluation of newsc.quotes: writes the scorer's JSONL for a split
-- (dev by default; `lua5.4 tools/eval/polnear.lua train` for train), runs
-- ../shared/eval/polnear/score_quotes.py on it and prints its figures.
-- Options after the split: --kinds=direct,partial,title (kinds kept; by
-- default direct and partial: a "title" is a quoted name nobody said, never an
-- attribution), --keep (keep the JSONL and print its path).
local core = require "newsc.core"

local split = arg[1] or "dev"
local kinds = { direct = true, partial = true }
local keep = false
local need_speaker = {}   -- kinds kept only with a speaker mention
for i = 2, #arg do
  local k = arg[i]:match("^%-%-kinds=(.*)$")
  if k then
    kinds = {}
    for w in k:gmatch("[^,]+") do kinds[w] = true end
  elseif arg[i]:match("^%-%-attributed=") then
    for w in arg[i]:match("=(.*)$"):gmatch("[^,]+") do need_speaker[w] = true end
  elseif arg[i] == "--keep" then
    keep = true
  end
end

local root = os.getenv("POLNEAR_DIR") or "../shared/eval/polnear"
local dir = root .. "/" .. split .. "/text"
local probe = io.open(dir .. "/.")
if not probe then
  print("polnear: " .. dir .. " is not there; nothing to evaluate")
  return
end
probe:close()

-- byte offset (1-based) -> code point index (0-based) table for a text
local function cp_index(text)
  local map, cp = {}, 0
  local i, n = 1, #text
  while i <= n do
    map[i] = cp
    local c = text:byte(i)
    local len = c < 0x80 and 1 or c < 0xE0 and 2 or c < 0xF0 and 3 or 4
    for j = i + 1, math.min(i + len - 1, n) do map[j] = cp end
    i = i + len
    cp = cp + 1
  end
  map[n + 1] = cp
  return map
end

local function json_str(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

local names = {}
local p = assert(io.popen('ls -1 "' .. dir .. '"'))
for name in p:lines() do
  if name:match("%.txt$") then names[#names + 1] = name end
end
p:close()
table.sort(names)

local out = os.tmpname()
local f = assert(io.open(out, "w"))
local nq = 0
for _, name in ipairs(names) do
  local fh = assert(io.open(dir .. "/" .. name, "rb"))
  local text = fh:read("a")
  fh:close()
  local qs = core.quotes(text, { invalid = "replace" })
  local map = cp_index(text)
  local art = name:gsub("%.txt$", "")
  for _, q in ipairs(qs) do
    -- the scorer's units are quotes in double marks (“ ” "): single-quoted
    -- headline fragments are left out, as are the kinds not asked for
    local mark = text:sub(q.start, q.start)
    local double = mark == '"' or mark == "`" or text:sub(q.start, q.start + 2) == "\226\128\156"
    if double and kinds[q.kind] and (q.mention or not need_speaker[q.kind]) then
      local spk = "null"
      if q.mention then
        spk = string.format("[%d, %d]", map[q.mention.start], map[q.mention.stop + 1])
      end
      -- one line per part: a quote split by its attribution is scored piece by piece
      for _, part in ipairs(q.parts) do
        f:write(string.format('{"article": %s, "q": [%d, %d], "speaker": %s}\n', json_str(art),
          map[part.start], map[part.stop + 1], spk))
        nq = nq + 1
      end
    end
  end
end
f:close()
print(string.format("polnear %s: %d articles, %d quotes predicted", split, #names, nq))
local sp = assert(io.popen('python3 "' .. root .. '/score_quotes.py" "' .. root .. '" ' .. split .. ' "' .. out .. '"'))
local res = sp:read("a")
sp:close()
io.write(res)
local qf = res:match('"quote_F1": ([%d.]+)')
local sa = res:match('"speaker_acc_on_matched": ([%d.]+)')
local ef = res:match('"e2e_F1": ([%d.]+)')
print(string.format("quote F1 %s, speaker accuracy %s, end-to-end F1 %s", qf or "?", sa or "?", ef or "?"))
if keep then print("predictions: " .. out) else os.remove(out) end
