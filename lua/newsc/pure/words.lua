--- Words in pure Lua: UAX #29 word boundaries (Unicode 15.0, the table of
-- tools/gen_pure_wbprop.lua) and word-like tokens with the news rules of
-- csrc/words.c, giving the same segments and tokens as the C engine.
-- Positions inside are 0-based half-open, as in the C engine.
-- @module newsc.pure.words

local ucd = require "newsc.pure.ucd"
local T = require "newsc.pure.wbprop"
local norm = require "newsc.pure.normalize"
local byte, find, sub, floor = string.byte, string.find, string.sub, math.floor
local decode, uclass = ucd.decode, ucd.class
local starts, values = T.starts, T.values
local nstarts = #starts

local OTHER, CR, LF, NEWLINE, EXTEND, ZWJ, RI, FORMAT, KATAKANA, HL, ALETTER, SQ, DQ,
  MIDNUMLET, MIDLETTER, MIDNUM, NUMERIC, EXTENDNUMLET, WSEGSPACE =
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18
local W_WORD, W_NUMBER, W_URL, W_EMAIL, W_HASHTAG, W_MENTION, W_EMOJI, W_IDEO = 1, 2, 3, 4, 5, 6, 7, 8
local KIND_NAMES = { "word", "number", "url", "email", "hashtag", "mention", "emoji", "ideo" }
local BADCP = 0x110000

-- the property byte of cp (see csrc/wbprop.h)
local cache = {}
local function wbp(cp)
  if cp == BADCP then return ALETTER + 64 end
  local v = cache[cp]
  if v then return v end
  local lo, hi = 1, nstarts
  while lo < hi do
    local mid = floor((lo + hi + 1) / 2)
    if starts[mid] <= cp then lo = mid else hi = mid - 1 end
  end
  v = values[lo]
  if cp < 0x3000 then cache[cp] = v end
  return v
end
local function wbclass(pr) return pr % 32 end
local function extpict(pr) return pr >= 128 end
local function alnum(pr) return floor(pr / 64) % 2 == 1 end
local function epres(pr) return floor(pr / 32) % 2 == 1 end

-- decode at 0-based i: code point (BADCP when ill-formed) and length
local function dec(s, i, n)
  local c = byte(s, i + 1)
  if c < 0x80 then return c, 1 end
  local cp, k = decode(s, i + 1, n)
  if cp < 0 then return BADCP, 1 end
  return cp, k
end

local function IGN(c) return c == EXTEND or c == FORMAT or c == ZWJ end
local function AHL(c) return c == ALETTER or c == HL end
local function MIDL(c) return c == MIDLETTER or c == MIDNUMLET or c == SQ end
local function MIDN(c) return c == MIDNUM or c == MIDNUMLET or c == SQ end

local function hard_boundary(pr)
  local c = pr % 32
  return not extpict(pr) and not alnum(pr) and
    (c == OTHER or c == CR or c == LF or c == NEWLINE or c == WSEGSPACE or c == DQ)
end

local function acls_letter(b) return (b >= 65 and b <= 90) or (b >= 97 and b <= 122) end

-- class of the next character at or after i that WB4 does not ignore, and its offset
local function peek(s, i, n)
  while i < n do
    local cp, k = dec(s, i, n)
    local c = wbclass(wbp(cp))
    if not IGN(c) then return c, i end
    i = i + k
  end
  return -1, nil
end

-- the boundary after the segment starting at the boundary p < n
local function wb_next(s, p, n)
  local cp, k = dec(s, p, n)
  local raw = wbp(cp)
  local prev = wbclass(raw)
  local i = p + k
  if prev == CR then return (i < n and byte(s, i + 1) == 10) and i + 1 or i end
  if prev == LF or prev == NEWLINE then return i end
  local ri = prev == RI and 1 or 0
  while i < n do
    local b = byte(s, i + 1)
    if prev == ALETTER and b < 0x80 and acls_letter(b) then
      raw = ALETTER; i = i + 1
    else
      cp, k = dec(s, i, n)
      local pr = wbp(cp)
      local c = wbclass(pr)
      if c == CR or c == LF or c == NEWLINE then break end
      local join, q = false, nil
      if wbclass(raw) == ZWJ and extpict(pr) then join = true
      elseif wbclass(raw) == WSEGSPACE and c == WSEGSPACE then join = true
      elseif IGN(c) then raw = pr; i = i + k; join = nil end
      if join == false then
        if AHL(prev) then
          if AHL(c) then join = true end
          if not join and MIDL(c) then
            local nx, qq = peek(s, i + k, n)
            if nx >= 0 and AHL(nx) then join, q = true, qq end
          end
          if not join and prev == HL and c == SQ then join = true end
          if not join and prev == HL and c == DQ then
            local nx, qq = peek(s, i + k, n)
            if nx == HL then join, q = true, qq end
          end
          if not join and c == NUMERIC then join = true end
        elseif prev == NUMERIC then
          if c == NUMERIC or AHL(c) then join = true
          elseif MIDN(c) then
            local nx, qq = peek(s, i + k, n)
            if nx == NUMERIC then join, q = true, qq end
          end
        elseif prev == KATAKANA then
          if c == KATAKANA then join = true end
        elseif prev == EXTENDNUMLET then
          if AHL(c) or c == NUMERIC or c == KATAKANA then join = true end
        elseif prev == RI then
          if c == RI and ri % 2 == 1 then ri = ri + 1; join = true end
        end
        if not join and c == EXTENDNUMLET and
           (AHL(prev) or prev == NUMERIC or prev == KATAKANA or prev == EXTENDNUMLET) then
          join = true
        end
        if not join then break end
        if q then
          i = q
          cp, k = dec(s, i, n)
          pr = wbp(cp)
          c = wbclass(pr)
        end
      end
      if join then
        raw = pr; prev = c; i = i + k
      end
    end
  end
  return i
end

-- ---- tokens ----

local A_OTHER, A_LETTER, A_DIGIT, A_USCORE, A_HASH, A_AT = 0, 1, 2, 3, 4, 5
local ACLS = {}
for b = 0, 255 do ACLS[b] = A_OTHER end
for b = 48, 57 do ACLS[b] = A_DIGIT end
for b = 65, 90 do ACLS[b] = A_LETTER end
for b = 97, 122 do ACLS[b] = A_LETTER end
ACLS[95], ACLS[35], ACLS[64] = A_USCORE, A_HASH, A_AT
local AMID = { [46] = 3, [39] = 3, [58] = 1, [44] = 2, [59] = 2 }
local function ISALNUM(b) local c = ACLS[b]; return c ~= nil and c >= 1 and c <= 3 end

local function word_run(s, n, j)
  local p = find(s, "[^A-Za-z0-9_]", j + 1)
  return p and p - 1 or n
end

local function ascii_word(s, n, p)
  local j = p
  local first = ACLS[byte(s, p + 1)]
  while true do
    j = word_run(s, n, j)
    if j >= n then break end
    local b = byte(s, j + 1)
    if b >= 0x80 then
      local cp = dec(s, j, n)
      local c = wbclass(wbp(cp))
      if IGN(c) or AHL(c) or c == NUMERIC or c == EXTENDNUMLET or c == KATAKANA or MIDL(c) or MIDN(c) then
        return nil
      end
      break
    end
    local last = ACLS[byte(s, j)]
    local m = AMID[b]
    if not m or last == A_USCORE or j + 1 >= n then break end
    local b2 = byte(s, j + 2)
    if b2 >= 0x80 then return nil end
    local bit = (last == A_LETTER) and 1 or 2
    if floor(m / bit) % 2 == 1 and ACLS[b2] == last then j = j + 2
    else break end
  end
  local kind
  if first == A_DIGIT then kind = W_NUMBER
  elseif first == A_LETTER then kind = W_WORD
  else
    local seg = sub(s, p + 1, j)
    kind = find(seg, "[A-Za-z]") and W_WORD or find(seg, "%d") and W_NUMBER or 0
  end
  return j, kind
end

local function seg_kind(s, a, b, n)
  local i = a
  local first, fe0f, zwj, alpha, num, kata = nil, false, false, false, false, false
  local firstcp, firstpr = 0, 0
  while i < b do
    local cp, k = dec(s, i, n)
    local pr = wbp(cp)
    local c = wbclass(pr)
    if cp == 0xFE0F then fe0f = true end
    if cp == 0x200D then zwj = true end
    if first == nil and not IGN(c) then first, firstcp, firstpr = c, cp, pr end
    if AHL(c) then alpha = true
    elseif c == NUMERIC then num = true
    elseif c == KATAKANA then kata = true end
    i = i + k
  end
  if first == nil then return 0 end
  if first == ALETTER or first == HL then return W_WORD end
  if first == NUMERIC then return W_NUMBER end
  if first == KATAKANA then return W_IDEO end
  if first == RI then return W_EMOJI end
  if first == EXTENDNUMLET then
    return alpha and W_WORD or num and W_NUMBER or kata and W_IDEO or 0
  end
  if extpict(firstpr) then
    return (epres(firstpr) or fe0f or zwj) and W_EMOJI or 0
  end
  if first == OTHER then
    local cl = uclass(firstcp == BADCP and -1 or firstcp)
    if cl == 1 or cl == 2 then return W_IDEO end
    if cl == 3 then return W_NUMBER end
  end
  return 0
end

local function has_prefix(s, a, pre)
  return sub(s, a + 1, a + #pre):lower() == pre
end

local URL_STOP = { [60] = true, [62] = true, [34] = true, [96] = true, [123] = true, [125] = true,
  [124] = true, [92] = true, [94] = true }
local URL_TRAIL = { [46] = true, [44] = true, [59] = true, [58] = true, [33] = true, [63] = true,
  [39] = true, [42] = true }

local function url_end(s, n, a)
  local j, open, close = a, 0, 0
  while j < n do
    local b = byte(s, j + 1)
    if b < 0x80 then
      if b <= 0x20 or b == 0x7F or URL_STOP[b] then break end
      if b == 40 or b == 91 then open = open + 1 end
      if b == 41 or b == 93 then close = close + 1 end
      j = j + 1
    else
      local cp, k = decode(s, j + 1, n)
      local cl = uclass(cp)
      if cl < 1 or cl > 4 then break end
      j = j + k
    end
  end
  while j > a do
    local b = byte(s, j)
    if URL_TRAIL[b] then j = j - 1
    elseif (b == 41 or b == 93) and close > open then close = close - 1; j = j - 1
    else break end
  end
  return j
end

local function LOCALCH(b)
  return b ~= nil and (ISALNUM(b) or b == 46 or b == 45 or b == 43 or b == 37)
end

local function email_end(t, s, n, a)
  local j = a
  while j < n and LOCALCH(byte(s, j + 1)) do j = j + 1 end
  if j >= n or byte(s, j + 1) ~= 64 or j == a or byte(s, j) == 46 then t.no_email_before = j; return nil end
  local d = j + 1
  local k = d
  while k < n do
    local c = byte(s, k + 1)
    if ACLS[c] == A_LETTER or ACLS[c] == A_DIGIT or c == 45 or c == 46 then k = k + 1 else break end
  end
  while k > d and (byte(s, k) == 46 or byte(s, k) == 45) do k = k - 1 end
  local lastdot = k
  while lastdot > d and byte(s, lastdot) ~= 46 do lastdot = lastdot - 1 end
  if lastdot <= d + 1 or k - lastdot < 2 or not ISALNUM(byte(s, d + 1)) then
    t.no_email_before = j; return nil
  end
  for x = lastdot, k - 1 do
    if ACLS[byte(s, x + 1)] ~= A_LETTER then t.no_email_before = j; return nil end
  end
  return k
end

local function dotted_abbrev(s, a, b)
  local part, dots = 0, 0
  for i = a, b - 1 do
    local c = byte(s, i + 1)
    if c == 46 then
      if part == 0 then return false end
      dots = dots + 1; part = 0
    elseif ACLS[c] == A_LETTER then
      part = part + 1
      if part > 2 then return false end
    else return false end
  end
  return dots > 0 and part > 0
end

local function news_rules(t, s, n, a, b, kind)
  if kind == W_WORD then
    local c0 = byte(s, a + 1)
    if ((c0 == 104 or c0 == 72) and (has_prefix(s, a, "http://") or has_prefix(s, a, "https://"))) or
       ((c0 == 119 or c0 == 87) and b > a + 4 and has_prefix(s, a, "www.")) then
      return url_end(s, n, a), W_URL
    end
  end
  if b < n then
    local nb = byte(s, b + 1)
    if (nb == 64 or nb == 46 or nb == 45 or nb == 43 or nb == 37) and a >= t.no_email_before and
       (kind == W_WORD or kind == W_NUMBER) then
      if t.next_at < b then
        local lim = (n - b < 4096) and n or b + 4096
        local q = find(s, "@", b + 1, true)
        t.next_at = (q and q - 1 < lim) and q - 1 or lim
      end
      if t.next_at < n and t.next_at - a <= 64 then
        local e = email_end(t, s, n, a)
        if e then return e, W_EMAIL end
      end
    end
    if nb == 37 and kind == W_NUMBER then return b + 1, kind end
    if nb == 58 and kind == W_NUMBER and b - a <= 2 and ACLS[byte(s, a + 1)] == A_DIGIT and
       ACLS[byte(s, b)] == A_DIGIT then
      local e = b
      while e + 2 < n and byte(s, e + 1) == 58 and ACLS[byte(s, e + 2)] == A_DIGIT and
            ACLS[byte(s, e + 3)] == A_DIGIT and (e + 3 == n or ACLS[byte(s, e + 4)] ~= A_DIGIT) do
        e = e + 3
      end
      return e, kind
    end
    if nb == 46 and kind == W_WORD and b - a >= 3 and dotted_abbrev(s, a, b) then return b + 1, kind end
  end
  return b, kind
end

local function word_at(s, n, p)
  local b = byte(s, p + 1)
  local e, kind
  if b < 0x80 then
    if not ISALNUM(b) then return p + 1, 0 end
    e, kind = ascii_word(s, n, p)
  end
  if not e then
    e = wb_next(s, p, n)
    kind = seg_kind(s, p, e, n)
  end
  return e, kind
end

-- calls emit(a, b, kind) (0-based half-open) for each token of s
local function tokenize(s, emit)
  local n = #s
  local t = { next_at = 0, no_email_before = 0 }
  local last_end = -1
  local i = 0
  while true do
    local p = find(s, "[A-Za-z0-9_#@\128-\255]", i + 1)
    if not p then break end
    i = p - 1
    local b = byte(s, p)
    local e, kind
    local skip = false
    if b < 0x80 then
      local c = ACLS[b]
      if c == A_HASH or c == A_AT then
        local done = false
        if i + 1 < n and last_end ~= i and (i == 0 or not ISALNUM(byte(s, i))) then
          local e2, k2 = word_at(s, n, i + 1)
          if k2 == W_WORD or (k2 == W_NUMBER and c == A_AT) then
            emit(i, e2, c == A_HASH and W_HASHTAG or W_MENTION)
            last_end = e2
            i = e2
            done = true
          end
        end
        if not done then i = i + 1 end
        skip = true
      else
        e, kind = ascii_word(s, n, i)
        if not e then
          e = wb_next(s, i, n)
          kind = seg_kind(s, i, e, n)
        end
      end
    else
      local cp, k = dec(s, i, n)
      local pr = wbp(cp)
      local c = wbclass(pr)
      if IGN(c) or hard_boundary(pr) or MIDL(c) or MIDN(c) then
        i = i + k; skip = true
      else
        e = wb_next(s, i, n)
        kind = seg_kind(s, i, e, n)
      end
    end
    if not skip then
      if kind ~= 0 then
        e, kind = news_rules(t, s, n, i, e, kind)
        emit(i, e, kind)
        last_end = e
      end
      i = e
    end
  end
end

-- ---- the Lua API ----

local function argerr(k, name, msg) error(("bad argument #%d to '%s' (%s)"):format(k, name, msg), 0) end

local function checkstring(name, nargs, s)
  if type(s) ~= "string" then
    if type(s) == "number" then return tostring(s) end
    argerr(1, name, "string expected, got " .. (nargs == 0 and "no value" or type(s)))
  end
  return s
end

local function optinvalid(name, k, opts)
  if opts == nil then return "error" end
  if type(opts) ~= "table" then argerr(k, name, "table expected, got " .. type(opts)) end
  local v = opts.invalid
  if v == nil then return "error" end
  if type(v) ~= "string" then argerr(k, name, "option 'invalid' must be a string, got " .. type(v)) end
  if v ~= "error" and v ~= "replace" then
    argerr(k, name, ("option 'invalid' must be \"error\" or \"replace\", got \"%s\""):format(v))
  end
  return v
end

local function invalid_check(s, inv)
  if inv == "error" then
    local bad = ucd.check(s)
    if bad then return "invalid UTF-8 at byte " .. bad end
  end
  return nil
end

local M = {}

--- UAX #29 segments of `s`: `{ {start=, stop=}, ... }` covering `s`.
function M.segments(...)
  local s, opts = ...
  s = checkstring("segments", select("#", ...), s)
  local inv = optinvalid("segments", 2, opts)
  local err = invalid_check(s, inv)
  if err then return nil, err end
  local out, n, p = {}, #s, 0
  while p < n do
    local q = wb_next(s, p, n)
    out[#out + 1] = { start = p + 1, stop = q }
    p = q
  end
  return out
end

--- The token texts with each ill-formed byte written as U+FFFD.
local function fix_text(t)
  if not find(t, "[\128-\255]") or not ucd.check(t) then return t end
  local out, i, n = {}, 1, #t
  while i <= n do
    local cp, k = decode(t, i, n)
    out[#out + 1] = cp < 0 and "\239\191\189" or sub(t, i, i + k - 1)
    i = i + k
  end
  return table.concat(out)
end

local function norm_of(t)
  if not find(t, "[\128-\255]") then return (t:lower()) end
  return norm.normalize(t, "NFKC_Casefold", { invalid = "replace" })
end

--- Word-like tokens: `{ {text=, norm=, start=, stop=, kind=}, ... }`, or
-- with `opts.fields = "text"` / `"norm"` an array of strings.
function M.words(...)
  local s, opts = ...
  s = checkstring("words", select("#", ...), s)
  local inv = optinvalid("words", 2, opts)
  local fields = opts and opts.fields
  if fields ~= nil and type(fields) ~= "string" then
    argerr(2, "words", "option 'fields' must be a string, got " .. type(fields))
  end
  fields = fields or "all"
  if fields ~= "all" and fields ~= "text" and fields ~= "norm" then
    argerr(2, "words", ("option 'fields' must be \"all\", \"text\" or \"norm\", got \"%s\""):format(fields))
  end
  local err = invalid_check(s, inv)
  if err then return nil, err end
  local out, c = {}, 0
  local replace = inv == "replace"
  tokenize(s, function(a, b, kind)
    local text = sub(s, a + 1, b)
    if replace then text = fix_text(text) end
    c = c + 1
    if fields == "text" then out[c] = text
    elseif fields == "norm" then out[c] = norm_of(text)
    else
      out[c] = { text = text, norm = norm_of(text), start = a + 1, stop = b, kind = KIND_NAMES[kind] }
    end
  end)
  return out
end

--- The tokens as a flat array `{start1, stop1, ...}`.
function M.word_spans(...)
  local s, opts = ...
  s = checkstring("word_spans", select("#", ...), s)
  local inv = optinvalid("word_spans", 2, opts)
  local err = invalid_check(s, inv)
  if err then return nil, err end
  local out, c = {}, 0
  tokenize(s, function(a, b) out[c + 1] = a + 1; out[c + 2] = b; c = c + 2 end)
  return out
end

--- The number of tokens `words` would give.
function M.count_words(...)
  local s, opts = ...
  s = checkstring("count_words", select("#", ...), s)
  local inv = optinvalid("count_words", 2, opts)
  local err = invalid_check(s, inv)
  if err then return nil, err end
  local c = 0
  tokenize(s, function() c = c + 1 end)
  return c
end

M._checkstring, M._optinvalid, M._invalid_check = checkstring, optinvalid, invalid_check

return M
