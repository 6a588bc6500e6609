--- Sentence splitting in pure Lua: the rules of csrc/sentences.c, the same
-- spans on any valid UTF-8 (letter case and digits come from the Unicode
-- 15.0 table of newsc.pure.ucd, as utf8proc gives them to the C engine).
-- Positions inside are 0-based half-open, as in the C engine; the public
-- functions give 1-based inclusive spans.
-- @module newsc.pure.sentences

local ucd = require "newsc.pure.ucd"
local byte, find, sub = string.byte, string.find, string.sub
local decode, uclass = ucd.decode, ucd.class

local WORD_MAX = 48
local OPEN_MAX = 8
local K_END, K_UPPER, K_LOWER, K_DIGIT, K_OTHER = 0, 1, 2, 3, 4

-- ---- white space ----

local function space_at(s, i, n)
  local c = byte(s, i + 1)
  if c == 32 or (c >= 9 and c <= 13) then return 1 end
  if c < 0xC2 then return 0 end
  if c == 0xC2 then
    local d = i + 1 < n and byte(s, i + 2)
    return (d == 0xA0 or d == 0x85) and 2 or 0
  end
  if i + 2 >= n then return 0 end
  local a, b = byte(s, i + 2, i + 3)
  if c == 0xE2 then
    if a == 0x80 and ((b >= 0x80 and b <= 0x8A) or b == 0xA8 or b == 0xA9 or b == 0xAF) then return 3 end
    if a == 0x81 and b == 0x9F then return 3 end
    return 0
  end
  if c == 0xE3 then return (a == 0x80 and b == 0x80) and 3 or 0 end
  if c == 0xEF then return (a == 0xBB and b == 0xBF) and 3 or 0 end
  return 0
end

local function space_before(s, lo, i)
  if i <= lo then return 0 end
  local c = byte(s, i)
  if c == 32 or (c >= 9 and c <= 13) then return 1 end
  if c < 0x80 then return 0 end
  if i - lo >= 2 and byte(s, i - 1) == 0xC2 and (c == 0xA0 or c == 0x85) then return 2 end
  if i - lo >= 3 and space_at(s, i - 3, i) == 3 then return 3 end
  return 0
end

local function skip_ws(s, i, n)
  while i < n do
    local k = space_at(s, i, n)
    if k == 0 then break end
    i = i + k
  end
  return i
end

local function trim_back(s, lo, e)
  while e > lo do
    local k = space_before(s, lo, e)
    if k == 0 then break end
    e = e - k
  end
  return e
end

-- ---- punctuation ----

local CLOSE1 = { [34] = true, [39] = true, [41] = true, [93] = true, [125] = true, [42] = true, [95] = true }
local OPEN1 = { [34] = true, [39] = true, [40] = true, [91] = true, [123] = true, [42] = true, [95] = true }

local function closer_at(s, i, n)
  local c = byte(s, i + 1)
  if CLOSE1[c] then return 1 end
  if c == 0xC2 then return (i + 1 < n and byte(s, i + 2) == 0xBB) and 2 or 0 end
  if c == 0xE2 or c == 0xE3 or c == 0xEF then
    if i + 2 >= n then return 0 end
    local a, b = byte(s, i + 2, i + 3)
    if c == 0xE2 then
      return (a == 0x80 and (b == 0x9D or b == 0x99 or b == 0xBA)) and 3 or 0
    elseif c == 0xE3 then
      return (a == 0x80 and (b == 0x8D or b == 0x8F or b == 0x91)) and 3 or 0
    end
    return (a == 0xBC and b == 0x89) and 3 or 0
  end
  return 0
end

local function wide_stop_at(s, i, n)
  if i + 2 >= n then return 0 end
  local c, a, b = byte(s, i + 1, i + 3)
  if c == 0xE3 and a == 0x80 and b == 0x82 then return 3 end
  if c == 0xEF and a == 0xBC and (b == 0x81 or b == 0x9F) then return 3 end
  if c == 0xEF and a == 0xBD and b == 0xA1 then return 3 end
  return 0
end

local function closer_before(s, lo, i)
  if i <= lo then return 0 end
  if closer_at(s, i - 1, i) == 1 then return 1 end
  if i - lo >= 2 and closer_at(s, i - 2, i) == 2 then return 2 end
  if i - lo >= 3 and closer_at(s, i - 3, i) == 3 then return 3 end
  return 0
end

local function opener_at(s, i, n)
  local c = byte(s, i + 1)
  if OPEN1[c] then return 1 end
  if c == 0xC2 then
    local d = i + 1 < n and byte(s, i + 2)
    return (d == 0xAB or d == 0xBF or d == 0xA1) and 2 or 0
  end
  if c == 0xE2 and i + 2 < n then
    local a, b = byte(s, i + 2, i + 3)
    if a == 0x80 and (b == 0x9C or b == 0x98 or b == 0x9E or b == 0xB9) then return 3 end
  end
  return 0
end

local function is_ellipsis(s, i, n)
  if i + 2 >= n then return false end
  local c, a, b = byte(s, i + 1, i + 3)
  return c == 0xE2 and a == 0x80 and b == 0xA6
end

local function bullet_at(s, i, n)
  if i + 2 >= n then return 0 end
  local c, a, b = byte(s, i + 1, i + 3)
  if c == 0xE2 then
    if a == 0x80 and (b == 0xA2 or b == 0xA3) then return 3 end
    if a == 0x81 and b == 0x83 then return 3 end
    if a == 0x97 and (b == 0xA6 or b == 0x8F) then return 3 end
    if a == 0x96 and b == 0xAA then return 3 end
  end
  return 0
end

local function char_kind(s, m, n)
  local c = byte(s, m + 1)
  if c < 0x80 then
    if c >= 65 and c <= 90 then return K_UPPER end
    if c >= 97 and c <= 122 then return K_LOWER end
    if c >= 48 and c <= 57 then return K_DIGIT end
    return K_OTHER
  end
  local k = uclass((decode(s, m + 1, n)))
  if k == 1 then return K_UPPER elseif k == 2 then return K_LOWER
  elseif k == 3 then return K_DIGIT end
  return K_OTHER
end

-- what follows position j: kind, quoted, word position
local function next_of(s, j, n)
  local quoted = false
  while j < n do
    local k = space_at(s, j, n)
    if k == 0 then break end
    j = j + k
  end
  local count = 0
  while j < n and count < OPEN_MAX do
    local k = opener_at(s, j, n)
    if k == 0 then break end
    j = j + k; count = count + 1; quoted = true
  end
  return j < n and char_kind(s, j, n) or K_END, quoted, j
end

-- ---- words ----

local function ascii_alpha(c)
  return c ~= nil and ((c >= 65 and c <= 90) or (c >= 97 and c <= 122))
end

local STARTERS = {}
for w in ([[A After All Also An And As At Before But By Did Do Does During Each Even For
  From He Her Here His How However I If In It Its Last Many Meanwhile More Most My No Not
  Now On One Our She Since So Some That The Their Then There These They This Those Though
  To Under We What When Where Which While Who Why With Yet You Your]]):gmatch("%a+") do
  STARTERS[w] = true
end

local function is_starter(s, m, n)
  local L = 0
  while m + L < n and L < 11 and ascii_alpha(byte(s, m + L + 1)) do L = L + 1 end
  if L == 0 or L == 11 then return false end
  if m + L < n then
    local c = byte(s, m + L + 1)
    if c >= 0x80 and not (c == 0xE2 and m + L + 2 < n and byte(s, m + L + 2) == 0x80
                         and byte(s, m + L + 3) == 0x99) then
      return false
    end
    if c >= 48 and c <= 57 then return false end
  end
  return STARTERS[sub(s, m + 1, m + L)] == true
end

local function is_pronoun_i(s, m, n)
  if byte(s, m + 1) ~= 73 then return false end
  if m + 1 >= n then return true end
  local c = byte(s, m + 2)
  if c < 0x80 then return not ascii_alpha(c) and not (c >= 48 and c <= 57) end
  return c == 0xE2
end

local W_ORDINARY, W_TITLE, W_NEVER, W_ABBR, W_ETC, W_ACRONYM, W_INITIAL = 0, 1, 2, 3, 4, 5, 6
local ABBR = {}
for w in ([[adm brig capt cmdr col cpl dr gen gens gov govs hon lt maj messrs mlle mme mr
  mrs ms mssrs pres prof pvt rep reps rev sen sens sgt supt]]):gmatch("%a+") do ABBR[w] = W_TITLE end
for w in ([[al ala approx apr ariz ark assn aug ave blvd bros ca calif co colo conn corp dec
  dept eds esq est feb fig figs fla ft ga inc jan jr jul jun kan ky ltd mar md mich minn mont
  mt neb nev no nos nov oct okla ore p pp sep sept sr st tenn v va vol vt wis wyo]]):gmatch("%a+") do
  ABBR[w] = W_ABBR
end
ABBR["n\194\176"] = W_ABBR
ABBR.cf, ABBR.vs, ABBR.etc = W_NEVER, W_NEVER, W_ETC

local function lower_ascii(c) if c >= 65 and c <= 90 then return c + 32 end return c end

local function word_class(s, b, e)
  local L = e - b
  if L == 0 then return W_ORDINARY end
  if L == 1 then return ascii_alpha(byte(s, b + 1)) and W_INITIAL or W_ORDINARY end
  if L >= 3 and L % 2 == 1 and ascii_alpha(byte(s, b + 1)) then
    local i = 1
    while i < L do
      if byte(s, b + i + 1) ~= 46 or not ascii_alpha(byte(s, b + i + 2)) then break end
      i = i + 2
    end
    if i >= L then
      local x, y = lower_ascii(byte(s, b + 1)), lower_ascii(byte(s, b + 3))
      if L == 3 and ((x == 105 and y == 101) or (x == 101 and y == 103)) then return W_NEVER end
      return W_ACRONYM
    end
  end
  if L >= 8 then return W_ORDINARY end
  local w = sub(s, b + 1, e):gsub("%u", string.lower)
  return ABBR[w] or W_ORDINARY
end

local function word_stop_before(s, lim, b)
  local c = byte(s, b)
  if c == 40 or c == 91 or c == 123 or c == 34 or c == 42 or c == 95 then return true end
  if space_before(s, lim, b) ~= 0 then return true end
  if b - lim >= 3 and byte(s, b - 2) == 0xE2 and byte(s, b - 1) == 0x80 and (c == 0x9C or c == 0x98) then
    return true
  end
  if b - lim >= 2 and byte(s, b - 1) == 0xC2 and c == 0xAB then return true end
  return false
end

local function period_breaks(s, lo, e, n, closed, nkind, nquoted, nword)
  local b = e
  local lim = (e - lo > WORD_MAX) and e - WORD_MAX or lo
  local cls
  while true do
    local k = closer_before(s, lim, b)
    if k == 0 then break end
    b = b - k
  end
  e = b
  while b > lim and not word_stop_before(s, lim, b) do b = b - 1 end
  if b == lim and lim > lo and not word_stop_before(s, lo, b) then cls = W_ORDINARY
  else
    while b < e and byte(s, b + 1) == 39 do b = b + 1 end
    cls = word_class(s, b, e)
  end
  if cls == W_TITLE or cls == W_NEVER then return false end
  if cls == W_ETC then return nkind == K_UPPER end
  if cls == W_ABBR or cls == W_ACRONYM or cls == W_INITIAL then
    return nkind == K_UPPER and (closed or nquoted or is_starter(s, nword, n))
  end
  return nkind ~= K_LOWER
end

-- ---- lists ----

-- returns the position after a list marker at p (or nil), the list kind
-- (1 numbers, 2 letters), the next item's value and the style
local function list_marker(s, p, n)
  local k = bullet_at(s, p, n)
  if k ~= 0 or (p < n and (byte(s, p + 1) == 45 or byte(s, p + 1) == 42)) then
    p = p + (k ~= 0 and k or 1)
    while p < n and byte(s, p + 1) == 32 do p = p + 1 end
  end
  local q, v, kind = p, 0, nil
  while q < n and q - p < 3 do
    local c = byte(s, q + 1)
    if c < 48 or c > 57 then break end
    v = v * 10 + (c - 48); q = q + 1
  end
  if q > p then kind = 1
  elseif q < n and byte(s, q + 1) >= 97 and byte(s, q + 1) <= 121 then
    v = byte(s, q + 1); q = q + 1; kind = 2
  else return nil end
  if q >= n then return nil end
  local c, style = byte(s, q + 1), nil
  if c == 46 and q + 1 < n and byte(s, q + 2) == 41 then style = ".)"; q = q + 2
  elseif c == 46 or c == 41 then style = string.char(c); q = q + 1
  else return nil end
  if q >= n or space_at(s, q, n) == 0 then return nil end
  return q, kind, v + 1, style
end

local function list_next_at(s, p, n, kind, nextv, style)
  local L = #style
  if kind == 1 then
    local d = tostring(nextv)
    if p + #d + L >= n then return false end
    if sub(s, p + 1, p + #d) ~= d then return false end
    p = p + #d
  else
    if p + 1 + L >= n or byte(s, p + 1) ~= nextv then return false end
    p = p + 1
  end
  if sub(s, p + 1, p + L) ~= style then return false end
  return space_at(s, p + L, n) ~= 0
end

-- ---- output ----

local function has_alnum(s, b, e)
  while b < e do
    local c = byte(s, b + 1)
    if c < 0x80 then
      if ascii_alpha(c) or (c >= 48 and c <= 57) then return true end
      b = b + 1
    else
      local cp, k = decode(s, b + 1, e)
      local cl = uclass(cp)
      if cl >= 1 and cl <= 3 then return true end
      b = b + k
    end
  end
  return false
end

local FW = {}
for w in ("a an and as at by for from in of on or than that the to with"):gmatch("%a+") do FW[w] = true end

local function ends_in_function_word(s, lo, e)
  local b = e
  while b > lo and e - b < 5 do
    local c = byte(s, b)
    if c < 97 or c > 122 then break end
    b = b - 1
  end
  if b == e or (b > lo and space_before(s, lo, b) == 0) then return false end
  return FW[sub(s, b + 1, e)] == true
end

local function line_breaks(s, lo, i, j, n)
  local e = trim_back(s, lo, i)
  if e <= lo then return false end
  local b = e
  while true do
    local k = closer_before(s, lo, b)
    if k == 0 then break end
    b = b - k
  end
  if b > lo then
    local c = byte(s, b)
    if c == 46 or c == 63 or c == 33 then return false end
    if b - lo >= 3 and is_ellipsis(s, b - 3, n) then return false end
  end
  local c = byte(s, e)
  if c == 44 or c == 59 or c == 58 or c == 45 or c == 40 or c == 38 or c == 47 then return false end
  if e - lo >= 3 and byte(s, e - 2) == 0xE2 and byte(s, e - 1) == 0x80 and (c == 0x93 or c == 0x94) then
    return false
  end
  if ends_in_function_word(s, lo, e) then return false end
  local m, cnt = j, 0
  while m < n and cnt < OPEN_MAX do
    local k = opener_at(s, m, n)
    if k == 0 then break end
    m = m + k; cnt = cnt + 1
  end
  local kind = m < n and char_kind(s, m, n) or K_END
  return kind ~= K_LOWER
end

-- ---- the scan ----

local STOP_PLAIN = "[%.%?!\n\226\227\239]"
local STOP_LIST = "[%.%?! \n\226\227\239]"

--- Split `s` into sentences; calls `emit(start, stop)` (1-based inclusive)
-- for each. Returns nil, message for invalid UTF-8 under `invalid = "error"`.
local function split(s, invalid, out, flat)
  local n = #s
  if invalid ~= "replace" then
    local bad = ucd.check(s)
    if bad then return nil, "invalid UTF-8 at byte " .. bad end
  end
  local count = 0
  local function emit(b, e)
    e = trim_back(s, b, e)
    if e <= b or not has_alnum(s, b, e) then return end
    if flat then
      out[count + 1] = b + 1; out[count + 2] = e; count = count + 2
    else
      count = count + 1; out[count] = { start = b + 1, stop = e }
    end
  end
  if n == 0 then return out end
  local start, i, stop
  local lkind, lnext, lstyle
  local function begin(pos)
    start = skip_ws(s, pos, n); i = start; lkind = nil; stop = STOP_PLAIN
    if start < n then
      local k, kind, nv, style = list_marker(s, start, n)
      if k then i = k; stop = STOP_LIST; lkind, lnext, lstyle = kind, nv, style end
    end
  end
  begin(0)
  while i < n do
    local p1 = find(s, stop, i + 1)
    if not p1 then break end
    i = p1 - 1
    local c = byte(s, p1)
    if c == 32 then
      if i + 1 < n and list_next_at(s, i + 1, n, lkind, lnext, lstyle) then
        emit(start, i); begin(i + 1)
      else i = i + 1 end
    elseif c == 10 then
      local j, blank = i + 1, false
      while j < n do
        local cj = byte(s, j + 1)
        if cj == 10 or (j + 2 < n and cj == 0xE2 and byte(s, j + 2) == 0x80 and byte(s, j + 3) == 0xA9) then
          blank = true; break
        end
        local k = space_at(s, j, n)
        if k == 0 then break end
        j = j + k
      end
      if j >= n then break end
      if blank or line_breaks(s, start, i, j, n) then emit(start, i); begin(j)
      else i = j end
    elseif c == 0xE3 or c == 0xEF then
      if wide_stop_at(s, i, n) == 0 then i = i + 1
      else
        local e = i
        while e < n do
          local k = wide_stop_at(s, e, n)
          if k == 0 then k = closer_at(s, e, n) end
          if k == 0 then break end
          e = e + k
        end
        if e < n and skip_ws(s, e, n) < n then emit(start, e); begin(e)
        else i = e end
      end
    elseif c == 0xE2 and not is_ellipsis(s, i, n) then
      if i + 2 < n and byte(s, i + 2) == 0x80 and byte(s, i + 3) == 0xA9 then
        emit(start, i); begin(i + 3)
      elseif bullet_at(s, i, n) ~= 0 and i > start and space_before(s, start, i) ~= 0 then
        emit(start, i); begin(i)
      else i = i + 1 end
    else
      -- a terminator run: dots, ellipses, ? and !
      local p, first_end = i, nil
      local dots, qe, spaced = 0, false, false
      local attached = i > start and space_before(s, start, i) == 0
      while true do
        local cp = byte(s, p + 1)
        if p < n and cp == 46 then dots = dots + 1; p = p + 1
        elseif p < n and is_ellipsis(s, p, n) then dots = dots + 3; p = p + 3
        elseif p < n and (cp == 63 or cp == 33) then qe = true; p = p + 1
        elseif dots > 0 and not qe and p + 1 < n and cp == 32 and byte(s, p + 2) == 46 and
               (p + 2 >= n or byte(s, p + 3) == 32 or byte(s, p + 3) == 46 or closer_at(s, p + 2, n) ~= 0) then
          spaced = true; p = p + 1
          cp = nil
        else break end
        if cp and not first_end then first_end = p end
      end
      local e = p
      while e < n do
        local k = closer_at(s, e, n)
        if k == 0 then break end
        e = e + k
      end
      if e >= n then i = e; break end
      local ce = byte(s, e + 1)
      if ce == 46 or ce == 63 or ce == 33 or is_ellipsis(s, e, n) then i = e
      elseif space_at(s, e, n) == 0 then i = e
      else
        local nkind, nquoted, nword = next_of(s, e, n)
        if nkind == K_END then i = e
        else
          local brk
          local handled = false
          if qe then brk = nkind ~= K_LOWER
          elseif dots == 1 or dots == 2 then brk = period_breaks(s, start, i, n, e > p, nkind, nquoted, nword)
          elseif dots == 3 then
            brk = nkind == K_UPPER and not is_pronoun_i(s, nword, n) and
                  not (i > start and byte(s, i) == 91 and byte(s, p + 1) == 93)
          elseif attached and spaced then
            if nkind == K_UPPER then
              emit(start, first_end)
              start = skip_ws(s, first_end, n)
              lkind = nil; stop = STOP_PLAIN
              i = e
              handled = true
            end
            brk = false
          else brk = nkind == K_UPPER end
          if not handled then
            if brk then emit(start, e); begin(e) else i = e end
          end
        end
      end
    end
  end
  emit(start, n)
  return out
end

local M = {}

local function args(name, s, opts, nargs)
  if type(s) ~= "string" then
    local got = (nargs == 0) and "no value" or type(s)
    error(("bad argument #1 to '%s' (string expected, got %s)"):format(name, got), 0)
  end
  local inv = "error"
  if opts ~= nil then
    if type(opts) ~= "table" then
      error(("bad argument #2 to '%s' (table expected, got %s)"):format(name, type(opts)), 0)
    end
    if opts.invalid ~= nil then
      if type(opts.invalid) ~= "string" then
        error(("bad argument #2 to '%s' (option 'invalid' must be a string, got %s)"):format(name, type(opts.invalid)), 0)
      end
      if opts.invalid ~= "error" and opts.invalid ~= "replace" then
        error(("bad argument #2 to '%s' (option 'invalid' must be \"error\" or \"replace\", got \"%s\")")
          :format(name, opts.invalid), 0)
      end
      inv = opts.invalid
    end
  end
  return inv
end
M.args = args

--- The sentences of `s` as `{ {start=, stop=}, ... }` (1-based, inclusive),
-- or nil, "invalid UTF-8 at byte N". See doc/sentences.md.
function M.sentences(...)
  local s, opts = ...
  local inv = args("sentences", s, opts, select("#", ...))
  return split(s, inv, {}, false)
end

--- The same spans flat: `{start1, stop1, start2, stop2, ...}`.
function M.sentence_spans(...)
  local s, opts = ...
  local inv = args("sentence_spans", s, opts, select("#", ...))
  return split(s, inv, {}, true)
end

return M
