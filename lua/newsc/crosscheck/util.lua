--- Shared helpers of the cross-check: word lists, stems, set similarity,
-- word-level differences.
-- @module newsc.crosscheck.util
local M = {}

--- The `newsc` package, looked up when needed (it re-exports this module).
function M.nc() return require "newsc" end

local STOP = {}
for w in ([[a an the and or but nor so yet of to in on at by for from with without
  about above after again against all also am any are as be because been before being
  below between both can could did do does doing down during each few further had has
  have having he her here hers herself him himself his how i if into is it its itself
  just me more most my myself no not now off once only other our ours ourselves out over
  own same she should since some such than that their theirs them themselves then there
  these they this those through too under until up very was we were what when where
  which while who whom why will would you your yours yourself yourselves said says say
  told tells according mr ms mrs one per s t us every each also]]):gmatch("%S+") do STOP[w] = true end
M.STOP = STOP

--- Is `w` (a normalised word) a stop word?
function M.is_stop(w) return STOP[w] == true end

--- A crude English stem, enough to match "concern"/"concerned",
-- "Palestine"/"Palestinian", "losses"/"loss".
function M.stem(w)
  w = w:gsub("['\226\128\153]s$", "")
  if #w <= 4 then return w end
  for _, suf in ipairs({ "ations", "ation", "ians", "ian", "ings", "ing", "edly", "ed",
                         "ies", "es", "ly", "s", "e" }) do
    if #w - #suf >= 4 and w:sub(-#suf) == suf then
      return w:sub(1, -#suf - 1)
    end
  end
  return w
end

local function fold(norm)
  -- typographic apostrophes and dashes as ASCII, lower case
  norm = norm:gsub("\226\128\153", "'"):gsub("\226\128\152", "'")
  return norm:lower()
end

--- The word tokens of `s`: array of `{w=normalised, start=, stop=}`
-- (1-based inclusive offsets into `s`). Hyphenated words are split.
function M.words(s)
  local nc = M.nc()
  local ws = nc.words(s)
  if not ws then ws = nc.words(s, { invalid = "replace" }) or {} end
  local out = {}
  for _, t in ipairs(ws) do
    local norm = fold(t.norm or t.text)
    if norm:find("-", 1, true) and not norm:find("^%-?%d") then
      local pos = t.start
      for part in norm:gmatch("[^-]+") do
        out[#out + 1] = { w = part, start = pos, stop = pos + #part - 1, kind = t.kind, part = true }
        pos = pos + #part + 1
      end
    else
      out[#out + 1] = { w = norm, start = t.start, stop = t.stop, kind = t.kind }
    end
  end
  return out
end

--- Normalised words of `s` as a plain array of strings.
function M.wordlist(s)
  local out = {}
  for i, t in ipairs(M.words(s)) do out[i] = t.w end
  return out
end

-- Words translators swap for one another, folded together.
local SYN = {}
for group in ([[home,homes,house,houses arms,weapons,weapon anxiety,concern,worry
  killed,dead,deaths,died big,large huge,vast start,begin,began,started
  said,stated,added,told quick,fast,rapid,rapidly,quickly]]):gmatch("%S+") do
  local first
  for w in group:gmatch("[^,]+") do first = first or w; SYN[w] = first end
end

--- Normalised words of a sentence record (`{text=...}`), computed once.
function M.sentence_words(s)
  local wl = s.words
  if not wl then wl = M.wordlist(s.text); s.words = wl end
  return wl
end

--- Set of stems of the content words (no stop words) of a word list
-- (with common translation synonyms folded: house/home, arms/weapons).
function M.content_set(list)
  local set, n = {}, 0
  for _, w in ipairs(list) do
    if not STOP[w] and w:find("[%w\128-\255]") then
      local s = M.stem(SYN[w] or w)
      if not set[s] then set[s] = true; n = n + 1 end
    end
  end
  return set, n
end

--- Dice coefficient of two sets (with their sizes).
function M.dice(a, na, b, nb)
  if na == 0 or nb == 0 then return 0 end
  local common = 0
  for k in pairs(a) do if b[k] then common = common + 1 end end
  return 2 * common / (na + nb), common
end

--- Largest table (words of a times words of b) `lcs` aligns exactly.
M.LCS_MAX = 250000

--- Longest common subsequence of two word lists: its length and the
-- edit script from `a` to `b` as `{op, i, j}` with op "=" (a[i] == b[j]),
-- "-" (a[i] only in a) or "+" (b[j] only in b). Quadratic: meant for
-- quotes and sentences.
function M.lcs(a, b)
  local n, m = #a, #b
  if n * m > M.LCS_MAX then
    -- too long to align word by word: a greedy in-order match (linear)
    local ops, i, j, l = {}, 1, 1, 0
    local pos = {}
    for k = m, 1, -1 do pos[b[k]] = k end
    while i <= n do
      local k = pos[a[i]]
      if k and k >= j then
        for x = j, k - 1 do ops[#ops + 1] = { "+", nil, x } end
        ops[#ops + 1] = { "=", i, k }; l = l + 1; j = k + 1
      else
        ops[#ops + 1] = { "-", i, nil }
      end
      i = i + 1
    end
    for x = j, m do ops[#ops + 1] = { "+", nil, x } end
    return l, ops
  end
  local L = {}
  for i = 0, n do L[i] = {}; for j = 0, m do L[i][j] = 0 end end
  for i = n - 1, 0, -1 do
    local Li, Li1 = L[i], L[i + 1]
    for j = m - 1, 0, -1 do
      if a[i + 1] == b[j + 1] then Li[j] = Li1[j + 1] + 1
      else
        local x, y = Li1[j], Li[j + 1]
        Li[j] = x > y and x or y
      end
    end
  end
  local ops, i, j = {}, 0, 0
  while i < n or j < m do
    if i < n and j < m and a[i + 1] == b[j + 1] then
      ops[#ops + 1] = { "=", i + 1, j + 1 }; i = i + 1; j = j + 1
    elseif j < m and (i >= n or L[i][j + 1] >= L[i + 1][j]) then
      ops[#ops + 1] = { "+", nil, j + 1 }; j = j + 1
    else
      ops[#ops + 1] = { "-", i + 1, nil }; i = i + 1
    end
  end
  return L[0][0], ops
end

--- Does word list `small` occur as a contiguous run inside `big`?
function M.contains_run(big, small)
  if #small == 0 then return false end
  for i = 1, #big - #small + 1 do
    local ok = true
    for k = 1, #small do
      if big[i + k - 1] ~= small[k] then ok = false; break end
    end
    if ok then return true end
  end
  return false
end

--- True when `s` starts with a lower-case letter (Unicode Ll, after any
-- blanks): a quoted part that goes on with the sentence.
function M.starts_lower(s)
  local i = s:find("%S")
  if not i then return false end
  local ucd = require "newsc.pure.ucd"   -- plain-Lua character classes, either backend
  local cp = ucd.decode(s, i)
  return cp >= 0 and ucd.class(cp) == 2
end

--- Text with runs of white space as single spaces, trimmed.
function M.squash(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

--- Shallow copy of an array.
function M.copy(t)
  local o = {}
  for i, v in ipairs(t) do o[i] = v end
  return o
end

return M
