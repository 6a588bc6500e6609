--- Quotes in pure Lua: `quotes`, a line-by-line port of csrc/quotes.c (the
-- mark scanner, the names of the text, the attribution around each quote)
-- and of its binding csrc/lua_quotes.c, with the same results. Byte offsets
-- are 0-based half-open inside, as in C, and reported 1-based inclusive.
-- @module newsc.pure.quotes

local ucd = require "newsc.pure.ucd"
local LEXT = require "newsc.pure.quotes_lex"
local QCAT = require "newsc.pure.qcat"
local byte, sub, find, match, lower, concat = string.byte, string.sub, string.find, string.match, string.lower, table.concat
local floor = math.floor
local decode = ucd.decode

local M = {}

-- ---------------------------------------------------------------- lexicon

local LEX, BITS = LEXT.words, LEXT.bits
local L_CUE, L_PRONP, L_PRONO, L_DET = BITS.CUE, BITS.PRONP, BITS.PRONO, BITS.DET
local L_TITLE, L_STOP, L_ADV, L_AUX = BITS.TITLE, BITS.STOP, BITS.ADV, BITS.AUX
local L_TIME, L_PREP, L_CHAN, L_MEDIA = BITS.TIME, BITS.PREP, BITS.CHAN, BITS.MEDIA
local L_LEAD, L_NAT, L_OF, L_TRANS = BITS.LEAD, BITS.NAT, BITS.OF, BITS.TRANS

-- bitwise and of two class sums (no bit operators in Lua 5.1), memoised:
-- there are few distinct sums
local ANDS = {}
local function band(m, q)
  if m == 0 or q == 0 then return 0 end
  local key = m * 65536 + q
  local r = ANDS[key]
  if r == nil then
    r = 0
    local p = 1
    local a, b = m, q
    while a > 0 and b > 0 do
      if a % 2 == 1 and b % 2 == 1 then r = r + p end
      a = (a - a % 2) / 2; b = (b - b % 2) / 2; p = p * 2
    end
    ANDS[key] = r
  end
  return r
end
local function has(m, q) return band(m, q) ~= 0 end

-- precomputed unions
local CUE_AUX_STOP, AUX_STOP = L_CUE + L_AUX + L_STOP, L_AUX + L_STOP
local ADV_AUX, PRON = L_ADV + L_AUX, L_PRONP + L_PRONO
local NOT_HEAD = L_STOP + L_CUE + L_PREP + L_OF + L_DET + L_TIME
local NP_BREAK = L_STOP + L_CUE + L_PRONP + L_PRONO + L_AUX
local DET_OF, STOP_CUE, STOP_CUE_AUX = L_DET + L_OF, L_STOP + L_CUE, L_STOP + L_CUE + L_AUX
local DET_NAT_TITLE, OF_DET_PREP = L_DET + L_NAT + L_TITLE, L_OF + L_DET + L_PREP
local DET_LEAD_PREP, PREP_DET_OF = L_DET + L_LEAD + L_PREP, L_PREP + L_DET + L_OF
local PREP_OF, CHAN_MEDIA, TITLE_MEDIA = L_PREP + L_OF, L_CHAN + L_MEDIA, L_TITLE + L_MEDIA
local NOT_LOOSE = L_DET + L_OF + L_STOP + L_PREP + L_AUX + L_ADV + L_PRONP + L_PRONO + L_TIME
local NOT_PLAIN = L_STOP + L_AUX + L_CUE + L_ADV + L_PREP + L_OF + L_DET + L_TIME + L_PRONP + L_PRONO
local LEAD_PREP, DET_PRON = L_LEAD + L_PREP, L_DET + L_PRONP + L_PRONO
local SUBJ_BREAK, SUBJ_KEEP = L_STOP + L_CUE + L_AUX + L_ADV, L_DET + L_OF + L_TITLE + L_NAT
local TITLE_NAT, AUX_CUE, DET_PRONO = L_TITLE + L_NAT, L_AUX + L_CUE, L_DET + L_PRONO
local PREP_OF_STOP, OF_DET = L_PREP + L_OF + L_STOP, L_OF + L_DET
local RUN_BREAK = L_TITLE + L_LEAD + L_NAT + L_TIME + L_CUE
local OF_DET_PREP_LEAD = L_OF + L_DET + L_PREP + L_LEAD

-- the byte at 0-based i (0 beyond the end)
local function B(s, i) return byte(s, i + 1) or 0 end

-- Lexicon bits of the word s[a..a+l) (ASCII letters without case; a final
-- dot ignored: "Sen." is "sen"), as lex_lookup.
local function lex_lookup(s, a, l)
  if l > 0 and byte(s, a + l) == 46 then l = l - 1 end
  if l == 0 or l >= 24 then return 0 end
  return LEX[lower(sub(s, a + 1, a + l))] or 0
end

-- ---------------------------------------------------------------- characters

local C_SPACE, C_NL, C_LOWER, C_UPPER, C_DIGIT, C_OPEN, C_DASH, C_MARK, C_PUNCT, C_OTHER =
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9

-- classes of ASCII characters (ACLASS of quotes_lex.h)
local ACLASS = {}
for b = 0, 127 do
  local c = string.char(b)
  local k = C_PUNCT
  if b == 10 then k = C_NL
  elseif c == " " or c == "\t" or c == "\r" or b == 12 or b == 11 then k = C_SPACE
  elseif b >= 97 and b <= 122 then k = C_LOWER
  elseif b >= 65 and b <= 90 then k = C_UPPER
  elseif b >= 48 and b <= 57 then k = C_DIGIT
  elseif c == "(" or c == "[" or c == "{" then k = C_OPEN
  elseif c == "-" then k = C_DASH
  elseif c == '"' or c == "'" or c == "`" then k = C_MARK end
  ACLASS[b] = k
end
-- ASCII letters and digits (WORDCH)
local WORDCH = {}
for b = 0, 255 do
  WORDCH[b] = (b >= 48 and b <= 57) or (b >= 65 and b <= 90) or (b >= 97 and b <= 122)
end

local SPECIAL = {
  [0xA0] = C_SPACE, [0x3000] = C_SPACE, [0x202F] = C_SPACE, [0x205F] = C_SPACE,
  [0x2028] = C_NL, [0x2029] = C_NL, [0x85] = C_NL,
  [0x2013] = C_DASH, [0x2014] = C_DASH, [0x2012] = C_DASH, [0x2015] = C_DASH,
  [0x2018] = C_MARK, [0x2019] = C_MARK, [0x201A] = C_MARK, [0x201C] = C_MARK, [0x201D] = C_MARK,
  [0x201E] = C_MARK, [0xAB] = C_MARK, [0xBB] = C_MARK, [0x2039] = C_MARK, [0x203A] = C_MARK,
}
local starts, classes = QCAT.starts, QCAT.classes
local HIGH, nhigh = {}, 0   -- memo of the classes of non-ASCII code points (at most 4,096)

local function cp_class_high(cp)
  if cp < 0 then return C_OTHER end
  local k = SPECIAL[cp]
  if k then return k end
  if cp >= 0x2000 and cp <= 0x200A then return C_SPACE end
  k = HIGH[cp]
  if k then return k end
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = floor((lo + hi + 1) / 2)
    if starts[mid] <= cp then lo = mid else hi = mid - 1 end
  end
  k = byte(classes, lo) - 48
  if nhigh < 4096 then HIGH[cp] = k; nhigh = nhigh + 1 end
  return k
end

local function cp_class(cp)
  if cp >= 0 and cp < 0x80 then return ACLASS[cp] end
  return cp_class_high(cp)
end

local function IS_LETTER(c) return c == C_LOWER or c == C_UPPER end
local function IS_ALNUM(c) return c == C_LOWER or c == C_UPPER or c == C_DIGIT end
local function IS_BLANK(c) return c == C_SPACE or c == C_NL end

-- code point at 0-based i and its length (-2, 0 at the end; -1, 1 when ill-formed)
local function cp_at(s, n, i)
  if i >= n then return -2, 0 end
  return decode(s, i + 1, n)
end

-- start of the character before offset i (i > 0)
local function prev_start(s, i)
  local j, k = i - 1, 0
  if B(s, j) < 0x80 then return j end
  while j > 0 and k < 3 do
    local b = B(s, j)
    if b < 0x80 or b >= 0xC0 then break end
    j = j - 1; k = k + 1
  end
  return j
end

-- class of the character before i (C_NL at the start of the text)
local function class_before(s, n, i)
  if i == 0 then return C_NL end
  local b = B(s, i - 1)
  if b < 0x80 then return ACLASS[b] end
  return cp_class((cp_at(s, n, prev_start(s, i))))
end

local function class_at(s, n, i)
  if i >= n then return C_NL end
  local b = B(s, i)
  if b < 0x80 then return ACLASS[b] end
  return cp_class((cp_at(s, n, i)))
end

-- first byte at or after i that may start a quote mark or end a line, or n
local function skip_to_mark(s, i, n)
  local p = find(s, "[\n\"'`\194\226]", i + 1)
  return p and p - 1 or n
end

-- first byte at or after i that may start a capitalised word, or n
local function skip_to_cap(s, i, n)
  local p = find(s, "[A-Z\192-\255]", i + 1)
  return p and p - 1 or n
end

-- first newline in s[a, a + lim): its offset, or nil
local function newline_in(s, a, lim)
  if lim <= 0 then return nil end
  local p = find(sub(s, a + 1, a + lim), "\n", 1, true)
  return p and a + p - 1
end

-- ---------------------------------------------------------------- step 1: marks

local FAM_D, FAM_S, FAM_G, FAM_G1 = 0, 1, 2, 3
local M_NONE, M_OPEN, M_CLOSE, M_TOGGLE = 0, 1, 2, 3
local MAXDEPTH = 8

local function st_find(q, fam)
  for k = q.depth - 1, 0, -1 do
    if q.st[k].fam == fam then return k end
  end
  return -1
end

-- elisions written with a leading apostrophe: 'n', 'em, 'til, 'cause ...
local ELISIONS = { "n ", "n'", "n\226\128\153", "em", "til", "cause", "tis", "twas", "bout", "round" }

local function elision_after(s, n, i)
  for k = 1, #ELISIONS do
    local el = ELISIONS[k]
    local l = #el
    if i + l <= n and sub(s, i + 1, i + l) == el then
      if k <= 3 then return true end
      if i + l == n or not IS_ALNUM(class_at(s, n, i + l)) then return true end
    end
  end
  return false
end

-- Read the mark at s[i]: returns M_*, its family, its length and whether it
-- is a low opening mark („ ‚).
local function read_mark(q, i)
  local s, n = q.s, q.n
  local c = B(s, i)
  if c == 96 then   -- `
    if i + 1 < n and B(s, i + 1) == 96 then return M_OPEN, FAM_D, 2, false end
    return M_NONE, nil, 1, false
  end
  if c == 39 and i + 1 < n and B(s, i + 1) == 39 then
    return st_find(q, FAM_D) >= 0 and M_CLOSE or M_NONE, FAM_D, 2, false
  end
  local cp, len = cp_at(s, n, i)
  local pc = class_before(s, n, i)
  local nc = class_at(s, n, i + len)
  if cp == 34 then   -- "
    if i > 0 and B(s, i - 1) == 61 then return M_NONE, FAM_D, len, false end
    local opening = (IS_BLANK(pc) or pc == C_OPEN or pc == C_DASH or pc == C_MARK) and not IS_BLANK(nc)
    local closing = not IS_BLANK(pc) and pc ~= C_OPEN and
      (IS_BLANK(nc) or nc == C_PUNCT or nc == C_DASH or nc == C_MARK)
    if closing and not opening then return st_find(q, FAM_D) >= 0 and M_CLOSE or M_NONE, FAM_D, len, false end
    if opening and not closing then return M_OPEN, FAM_D, len, false end
    return M_TOGGLE, FAM_D, len, false
  elseif cp == 39 then   -- '
    if IS_ALNUM(pc) and IS_ALNUM(nc) then return M_NONE, FAM_S, len, false end
    if IS_BLANK(pc) or pc == C_OPEN or pc == C_DASH or pc == C_MARK then
      if nc == C_DIGIT or elision_after(s, n, i + 1) then return M_NONE, FAM_S, len, false end
      if IS_LETTER(nc) or nc == C_MARK then return M_OPEN, FAM_S, len, false end
      return M_NONE, FAM_S, len, false
    end
    return st_find(q, FAM_S) >= 0 and M_CLOSE or M_NONE, FAM_S, len, false
  elseif cp == 0x201C then   -- “
    local k = st_find(q, FAM_D)
    if k >= 0 and q.st[k].low then return M_CLOSE, FAM_D, len, false end
    if k >= 0 and not IS_BLANK(pc) and pc ~= C_OPEN and (IS_BLANK(nc) or nc == C_PUNCT) then
      return M_CLOSE, FAM_D, len, false
    end
    return M_OPEN, FAM_D, len, false
  elseif cp == 0x201D then   -- ”
    if st_find(q, FAM_D) >= 0 then return M_CLOSE, FAM_D, len, false end
    if IS_BLANK(pc) and not IS_BLANK(nc) then return M_OPEN, FAM_D, len, false end
    return M_NONE, FAM_D, len, false
  elseif cp == 0x201E then   -- „
    return M_OPEN, FAM_D, len, true
  elseif cp == 0x2018 then   -- ‘
    local k = st_find(q, FAM_S)
    if k >= 0 and q.st[k].low then return M_CLOSE, FAM_S, len, false end
    if IS_ALNUM(pc) or nc == C_DIGIT or IS_BLANK(nc) then return M_NONE, FAM_S, len, false end
    return M_OPEN, FAM_S, len, false
  elseif cp == 0x2019 then   -- ’
    if IS_ALNUM(pc) and IS_ALNUM(nc) then return M_NONE, FAM_S, len, false end
    if IS_BLANK(pc) or pc == C_OPEN or pc == C_DASH then return M_NONE, FAM_S, len, false end
    return st_find(q, FAM_S) >= 0 and M_CLOSE or M_NONE, FAM_S, len, false
  elseif cp == 0x201A then   -- ‚
    return ((IS_BLANK(pc) or pc == C_OPEN) and IS_LETTER(nc)) and M_OPEN or M_NONE, FAM_S, len, true
  elseif cp == 0xAB or cp == 0xBB or cp == 0x2039 or cp == 0x203A then   -- « » ‹ ›
    local fam = (cp == 0xAB or cp == 0xBB) and FAM_G or FAM_G1
    if st_find(q, fam) >= 0 and not IS_BLANK(pc) then return M_CLOSE, fam, len, false end
    if not IS_BLANK(nc) then return M_OPEN, fam, len, false end
    return M_NONE, fam, len, false
  end
  return M_NONE, nil, len, false
end

local function emit_raw(q, o, e, iend, closed, para, pstart, pend)
  q.raws[q.nraw] = {
    start = o.pos, istart = o.after, e = e, iend = iend, para = para, pstart = pstart, pend = pend,
    fam = o.fam, closed = closed, contd = o.contd, cont = false,
  }
  q.nraw = q.nraw + 1
end

-- end of the paragraph s[pstart..nl): keep a double quote left open there
local function end_paragraph(q, nl)
  local s, n = q.s, q.n
  local e = nl
  while e > q.pstart and IS_BLANK(class_before(s, n, e)) do e = prev_start(s, e) end
  local o = q.st[0]
  if q.depth > 0 and (o.fam == FAM_D or o.fam == FAM_G) and o.after < e then
    q.pending = true
    q.pend = { pos = o.pos, after = o.after, fam = o.fam, low = o.low, contd = o.contd }
    q.pend_para, q.pend_pstart, q.pend_pend = q.para, q.pstart, e
  end
  q.depth = 0
end

-- first non-blank character of a paragraph: does it continue a pending quote?
local function settle_pending(q, continued)
  if not q.pending then return end
  q.pending = false
  -- a quote never closed is kept only as the end of a multi-paragraph run
  if continued or q.pend.contd then
    emit_raw(q, q.pend, q.pend_pend, q.pend_pend, false, q.pend_para, q.pend_pstart, q.pend_pend)
    if continued then q.raws[q.nraw - 1].cont = true end
  end
end

local function new_para(q, i)
  q.pstart = i
  q.seen = false
end

local function scan_marks(q)
  local s, n = q.s, q.n
  local i = 0
  while i < n do
    local c = B(s, i)
    if c == 10 then
      end_paragraph(q, i)
      i = i + 1
      if q.seen then q.para = q.para + 1 end
      new_para(q, i)
    elseif c ~= 34 and c ~= 39 and c ~= 96 and c ~= 0xC2 and c ~= 0xE2 then
      if not q.seen and c ~= 32 and c ~= 9 and c ~= 13 then
        q.seen = true
        settle_pending(q, false)
      end
      i = i + 1
      if q.seen then i = skip_to_mark(s, i, n) end
    elseif q.seen and c == 0xE2 and i > 0 and i + 3 < n and B(s, i + 1) == 0x80 and B(s, i + 2) == 0x99 and
           WORDCH[B(s, i - 1)] and WORDCH[B(s, i + 3)] then
      -- ’ between two ASCII letters or digits: an apostrophe (Moscow’s)
      i = skip_to_mark(s, i + 3, n)
    else
      local cp, len = cp_at(s, n, i)
      if cp == 0x2028 or cp == 0x2029 or cp == 0x85 then
        end_paragraph(q, i)
        i = i + len
        if q.seen then q.para = q.para + 1 end
        new_para(q, i)
      elseif cp == 0xA0 or (cp >= 0x2000 and cp <= 0x200A) then
        i = i + len
      else
        local m, fam, low
        m, fam, len, low = read_mark(q, i)
        local cont = false
        if not q.seen then
          cont = q.pending and (m == M_OPEN or m == M_TOGGLE) and fam == q.pend.fam
          q.seen = true
          settle_pending(q, cont)
          if cont then
            local o = q.st[0]
            o.pos, o.after, o.fam, o.low, o.contd = i, i + len, fam, low, true
            q.depth = 1
            i = i + len
          end
        end
        if not cont then
          if m == M_TOGGLE then m = st_find(q, fam) >= 0 and M_CLOSE or M_OPEN end
          if m == M_OPEN then
            if q.depth < MAXDEPTH then
              local o = q.st[q.depth]
              q.depth = q.depth + 1
              o.pos, o.after, o.fam, o.low, o.contd = i, i + len, fam, low, false
            end
          elseif m == M_CLOSE then
            local k = st_find(q, fam)
            if k >= 0 then
              if k == 0 then emit_raw(q, q.st[0], i + len, i, true, q.para, q.pstart, 0) end
              q.depth = k
            end
          end
          i = i + len
        end
      end
    end
  end
  end_paragraph(q, n)
  settle_pending(q, false)
end

-- ---------------------------------------------------------------- words

local T_WORD, T_COMMA, T_COLON, T_END, T_DASH, T_MARK, T_OPEN, T_CLOSE, T_OTHER = 0, 1, 2, 3, 4, 5, 6, 7, 8
-- token types of ASCII punctuation (the full stop is settled by what follows it)
local PUNCT_TYPE = { [44] = T_COMMA, [58] = T_COLON, [59] = T_COLON, [46] = T_END, [33] = T_END, [63] = T_END,
                     [40] = T_OPEN, [91] = T_OPEN, [41] = T_CLOSE, [93] = T_CLOSE }

local function word_end_slow(s, n, i)
  while i < n do
    local b = B(s, i)
    if WORDCH[b] then
      i = i + 1
    else
      if b < 0x80 and b ~= 39 and b ~= 46 and b ~= 45 and b ~= 38 then break end
      local b1 = B(s, i + 1)
      if b >= 0xC3 and b <= 0xC9 and i + 1 < n and b1 >= 0x80 and b1 < 0xC0 and
         not (b == 0xC3 and (b1 == 0x97 or b1 == 0xB7)) then
        -- U+00C0-U+024F: Latin letters but for × and ÷
        i = i + 2
      else
        local cp, len
        if b == 0xE2 and i + 2 < n and b1 == 0x80 and B(s, i + 2) == 0x99 then
          cp, len = 0x2019, 3
        else
          cp, len = cp_at(s, n, i)
        end
        local c = cp_class(cp)
        if IS_ALNUM(c) then
          i = i + len
        else
          if (cp == 39 or cp == 0x2019 or cp == 46 or cp == 45 or cp == 38) and
             IS_ALNUM(class_at(s, n, i + len)) then
            i = i + len
          else
            break
          end
        end
      end
    end
  end
  return i
end

-- end of the word starting at i (a letter or digit there): letters, digits,
-- and inner ' ’ . - & followed by a letter or digit
local function word_end(s, n, i)
  local p = find(s, "[^0-9A-Za-z]", i + 1)
  if not p then return n end
  i = p - 1
  local b = B(s, i)
  if b < 0x80 and b ~= 39 and b ~= 46 and b ~= 45 and b ~= 38 then return i end
  return word_end_slow(s, n, i)
end

local function is_abbrev(s, ws, we)
  local l = we - ws
  if l == 1 then
    local c = B(s, ws)
    return c >= 65 and c <= 90
  end
  for i = ws, we - 1 do
    if B(s, i) == 46 then return true end   -- U.S
  end
  if l > 4 then return false end
  if has(lex_lookup(s, ws, l), L_TITLE) then return true end   -- Sen Gov Mr Dr Rep Gen Lt
  local w = sub(s, ws + 1, we)
  return w == "Jr" or w == "St"
end

-- token buffers, as the arrays of the C engine (fields reset by lex_window)
local function tokbuf(size)
  local t = {}
  for k = 0, size - 1 do
    t[k] = { s = 0, e = 0, lex = 0, type = T_OTHER, cap = false, lowerly = false, ing = false, digit = false }
  end
  return t
end

-- tokens of s[a..b) into t, at most max; returns their number
local function lex_window(s, n, a, b, t, max)
  local i, k = a, 0
  while i < b and k < max do
    local b0 = byte(s, i + 1)
    if b0 == 32 then
      i = i + 1
    else
      local cp, len, c = b0, 1, nil
      if b0 < 0x80 then c = ACLASS[b0] else cp, len = decode(s, i + 1, n); c = cp_class(cp) end
      if c <= C_NL then   -- blank
        i = i + len
      else
        local w = t[k]
        w.s = i; w.lowerly = false; w.ing = false
        if c >= C_LOWER and c <= C_DIGIT then   -- a letter or a digit
          local e = word_end(s, n, i)
          if e > b then e = b end
          local x = byte(s, e + 1)
          if e < b and x == 46 and is_abbrev(s, i, e) then e = e + 1; x = byte(s, e + 1) end
          -- a possessive apostrophe after the word: "Sanders’ campaign"
          if e < b and (x == 39 or (e + 2 < b and x == 0xE2 and byte(s, e + 2) == 0x80 and
                                    byte(s, e + 3) == 0x99)) and byte(s, e) == 115 then
            local a2 = e + (x == 39 and 1 or 3)
            if a2 >= b or IS_BLANK(class_at(s, n, a2)) then e = a2 end
          end
          local l = e - i
          local cap = (c == C_UPPER)
          w.e = e; w.type = T_WORD; w.cap = cap; w.digit = (c == C_DIGIT)
          local le = e
          -- possessive: Israel's -> look up "israel"
          if l > 2 and byte(s, le - 1) == 39 and byte(s, le) == 115 then le = le - 2 end
          local lex = lex_lookup(s, i, le - i)
          -- "United States", "Will": a capitalised word is a name, not a verb
          if cap and lex ~= 0 and not has(lex, L_LEAD) then
            -- "Continued Stone:" opens a window with its cue
            lex = lex - band(lex, k == 0 and AUX_STOP or CUE_AUX_STOP)
          end
          w.lex = lex
          if l > 4 then
            local y1, y2, y3 = byte(s, e - 2, e)
            if not cap and y2 == 108 and y3 == 121 then w.lowerly = true end
            if y1 == 105 and y2 == 110 and y3 == 103 then w.ing = true end
          end
          k = k + 1; i = e
        else
          w.e = i + len; w.lex = 0; w.cap = false; w.digit = false
          local ty = PUNCT_TYPE[cp]
          if ty == nil then
            ty = (c == C_DASH) and T_DASH or (c == C_MARK) and T_MARK or T_OTHER
          elseif cp == 46 then
            local x = byte(s, i + 2)
            ty = (i + 1 < b and (x == 44 or IS_ALNUM(class_at(s, n, i + 1)))) and T_OTHER or T_END
          end
          w.type = ty
          k = k + 1; i = i + len
        end
      end
    end
  end
  return k
end

-- is token w that word (ASCII, without case)?
local function tok_is(s, w, word)
  if w.type ~= T_WORD or w.e - w.s ~= #word then return false end
  return lower(sub(s, w.s + 1, w.e)) == word
end

-- a cue word after a preposition or a determiner is a noun: "in states", "his claims"
local function NOUN_CUE(s, t, c)
  if c <= 0 then return false end
  local p = t[c - 1]
  return p.type == T_WORD and has(p.lex, PREP_DET_OF) and not has(p.lex, PRON) and
    not tok_is(s, p, "another") and not tok_is(s, p, "one")
end

local function NAMECAP(w) return w.cap and not has(w.lex, DET_LEAD_PREP) end

-- ---------------------------------------------------------------- step 2: names

-- key span of a word (without a possessive 's / ’s)
local function word_key(s, ws, we)
  if we - ws > 2 and B(s, we - 1) == 115 and B(s, we - 2) == 39 then return ws, we - 2 end
  if we - ws > 4 and B(s, we - 1) == 115 and B(s, we - 2) == 0x99 and B(s, we - 3) == 0x80 and
     B(s, we - 4) == 0xE2 then
    return ws, we - 4
  end
  return ws, we
end

-- the key record of s[ks..ks+kl) (added when `add`), or nil
local function key_slot(nm, s, ks, kl, add)
  if kl > 255 or kl == 0 then return nil end
  local key = sub(s, ks + 1, ks + kl)
  local e = nm.keys[key]
  if e or not add then return e end
  e = { bs = 0, be = 0, btok = 0, person = false }
  nm.keys[key] = e
  return e
end

local MAXRUN = 8

local function flush_run(s, nm, ws, we, k)
  if k == 0 then return end
  -- the name is the trailing run of words that are not titles or lead words
  local first, titled, broke = k, false, false
  local j = k - 1
  while j >= 0 and k - j <= 4 do
    local m = lex_lookup(s, ws[j], we[j] - ws[j])
    if has(m, RUN_BREAK) then
      if has(m, L_TITLE) then titled = true end
      broke = true
      break
    end
    first = j
    j = j - 1
  end
  if j >= 0 and not titled and not broke then
    -- "President Joe Biden": a title just before the run counts too
    if has(lex_lookup(s, ws[j], we[j] - ws[j]), L_TITLE) then titled = true end
  end
  if first == k then return end
  local r = { start = ws[0], ntok = k - first, inquote = false }
  nm.n = nm.n + 1
  nm.list[nm.n] = r
  -- the key: fullest name (the first with the most words), person or not
  local ks, ke = word_key(s, ws[k - 1], we[k - 1])
  local e = key_slot(nm, s, ks, ke - ks, true)
  r.key = e
  if e then
    if r.ntok > e.btok then e.btok = r.ntok; e.bs = ws[first]; e.be = ke end
    if titled then e.person = true end
  end
end

-- is the character before i (skipping blanks) one that starts a clause?
local function clause_before(s, n, i, lo)
  local j = i
  while j > lo do
    local p = prev_start(s, j)
    local cp = cp_at(s, n, p)
    local c = cp_class(cp)
    if c == C_NL then return true end
    if c ~= C_SPACE then
      if cp == 46 or cp == 33 or cp == 63 or cp == 58 or cp == 44 or cp == 59 or c == C_MARK or c == C_OPEN or
         c == C_DASH then
        return true
      end
      if IS_ALNUM(c) then
        local ws = p
        while ws > lo and IS_ALNUM(class_before(s, n, ws)) and p - ws < 16 do ws = prev_start(s, ws) end
        local m = lex_lookup(s, ws, j - ws)
        local w = { s = ws, e = j, type = T_WORD }
        return has(m, L_STOP) and not has(m, L_AUX) and not tok_is(s, w, "to") and not tok_is(s, w, "by") and
          not tok_is(s, w, "with")
      end
      return false
    end
    j = p
  end
  return true
end

local function scan_names(s, n, nm)
  local i, k, lastend = 0, 0, 0
  local ws, we = {}, {}
  while i < n do
    local b = B(s, i)
    -- only capitalised words matter: a lower-case word or a number between
    -- two of them shows as a gap of more than one space
    if not ((b >= 65 and b <= 90) or b >= 0xC0) then
      i = skip_to_cap(s, i + 1, n)
    else
      local cp, len, skip
      if b < 0x80 then
        cp, len = b, 1
      else
        -- quick refusals: U+2000-U+203F (punctuation, marks), U+00E0-U+00FF (lower case, ÷)
        local b1 = B(s, i + 1)
        if i + 2 < n and ((b == 0xE2 and b1 == 0x80) or (b == 0xC3 and b1 >= 0xA0 and b1 <= 0xBF)) then
          i = skip_to_cap(s, i + 1, n)
          skip = true
        else
          cp, len = cp_at(s, n, i)
        end
      end
      if not skip then
        local c = cp_class(cp)
        if c ~= C_UPPER then
          i = i + len
        elseif i > 0 and IS_ALNUM(class_before(s, n, i)) then
          i = word_end(s, n, i)   -- iPhone
        else
          local e = word_end(s, n, i)
          if e < n and B(s, e) == 46 and is_abbrev(s, i, e) and e + 1 < n and B(s, e + 1) == 32 and
             e + 2 < n and B(s, e + 2) >= 65 and B(s, e + 2) <= 90 then
            e = e + 1
          end
          -- joined to the run when only one space (or none) lies between
          local joined = k > 0 and k < MAXRUN and (i == lastend + 1 and B(s, lastend) == 32)
          if k > 0 and we[k - 1] - ws[k - 1] > 2 and B(s, we[k - 1] - 1) == 115 and
             (B(s, we[k - 1] - 2) == 39 or B(s, we[k - 1] - 2) == 0x99) then
            joined = false
          end
          if not joined then
            flush_run(s, nm, ws, we, k)
            k = 0
          end
          ws[k] = i; we[k] = e; k = k + 1
          lastend = e
          i = e
        end
      end
    end
  end
  flush_run(s, nm, ws, we, k)
end

-- ---------------------------------------------------------------- step 3: attribution

local MAXTOK, WINDOW = 64, 400

local function new_attr()
  return { ms = 0, me = 0, cs = 0, ce = 0, vs = 0, ve = 0, hs = 0, he = 0, found = false, pron = 0, weak = false }
end

local function copy_attr(dst, a)
  for key, v in pairs(a) do dst[key] = v end
end

-- noun phrase ending just before token c (tokens lo..c-1): true, m0, h
local function np_before(t, lo, c)
  local j = c - 1
  -- "Harry M. Reid (D-Nev.) said": skip the parenthesis
  if j >= lo and t[j].type == T_CLOSE then
    local o = j - 1
    while o >= lo and t[o].type ~= T_OPEN and j - o < 8 do o = o - 1 end
    if o >= lo and t[o].type == T_OPEN then j = o - 1 end
  end
  for _ = 1, 3 do
    while j >= lo and t[j].type == T_WORD and (has(t[j].lex, ADV_AUX) or t[j].lowerly) do j = j - 1 end
    if j >= lo and t[j].type == T_WORD and has(t[j].lex, L_TIME) then
      j = j - 1
      -- "on 3 March said": a date only after a preposition
      if j >= lo and t[j].digit then
        if not (j > lo and t[j - 1].type == T_WORD and has(t[j - 1].lex, L_PREP)) then return false end
        j = j - 1
      end
      if j >= lo and t[j].type == T_WORD and has(t[j].lex, L_PREP) then j = j - 1 end
    elseif j > lo and t[j].digit and t[j - 1].type == T_WORD and has(t[j - 1].lex, L_TIME) then
      -- "on March 3 said"
      if not (j > lo + 1 and t[j - 2].type == T_WORD and has(t[j - 2].lex, L_PREP)) then return false end
      j = j - 3
    end
  end
  if j < lo or t[j].type ~= T_WORD then return false end
  -- a determiner, a preposition or a date is never the head: "dated 14 January said"
  if has(t[j].lex, NOT_HEAD) then return false end
  if t[j].digit and ((j > lo and t[j - 1].type == T_WORD and has(t[j - 1].lex, L_TIME)) or
                     (j + 1 < c and t[j + 1].type == T_WORD and has(t[j + 1].lex, L_TIME))) then
    return false
  end
  if has(t[j].lex, PRON) then return true, j, j end
  local k, nw = j, 1
  while k - 1 >= lo and t[k - 1].type == T_WORD and nw < 8 do
    local w = t[k - 1]
    if has(w.lex, NP_BREAK) then break end
    if not (w.cap or has(w.lex, DET_OF) or nw < 3) then break end
    k = k - 1; nw = nw + 1
    if has(w.lex, L_DET) then break end
  end
  while k < j and has(t[k].lex, L_OF) do k = k + 1 end
  -- a lower-case head needs a determiner, a capitalised word or a title
  if not t[j].cap and k == j and not has(t[j].lex, TITLE_MEDIA) then
    -- "officials said": a plural noun alone is accepted
    if not (t[j].e - t[j].s > 3) then return false end
  end
  return true, k, j
end

-- the same, with an appositive skipped: "X, a spokeswoman for Y, said"
local function np_before_app(s, t, lo, c)
  -- "Clinton, exasperated, famously responded"
  while c - 1 >= lo and t[c - 1].type == T_WORD and (has(t[c - 1].lex, L_ADV) or t[c - 1].lowerly) do c = c - 1 end
  if c - 1 >= lo and t[c - 1].type == T_COMMA then
    local p = c - 2
    while p >= lo and t[p].type ~= T_COMMA and c - p < 20 do p = p - 1 end
    if p >= lo and t[p].type == T_COMMA and p + 1 < c - 1 then
      local f = t[p + 1]
      local names = true
      -- "Florida's attorney general, Pam Bondi, vowed": the name between the commas
      for q = p + 1, c - 2 do
        if not (t[q].type == T_WORD and NAMECAP(t[q])) then names = false end
      end
      if names and c - 1 - (p + 1) <= 4 then return true, p + 1, c - 2 end
      local f0 = B(s, f.s)
      if f.type == T_WORD and (has(f.lex, DET_NAT_TITLE) or tok_is(s, f, "who") or
                               (p + 2 == c - 1 and not f.cap and not has(f.lex, STOP_CUE)) or
                               (f0 >= 48 and f0 <= 57) or (not f.cap and has(f.lex, L_OF))) then
        return np_before(t, lo, p)
      end
    end
    return false
  end
  return np_before(t, lo, c)
end

-- noun phrase starting at token j (inverted "said Putin"): its end (0 when
-- none) and its head
local function np_after(t, j, hi)
  if j >= hi or t[j].type ~= T_WORD then return 0 end
  if has(t[j].lex, PRON) then return j + 1, j end
  if has(t[j].lex, STOP_CUE) then return 0 end
  local k
  if not (t[j].cap or has(t[j].lex, DET_NAT_TITLE)) then
    k = j + 1
    while k < hi and k < j + 4 and t[k].type == T_WORD and not has(t[k].lex, STOP_CUE_AUX) do
      if t[k].cap then break end
      k = k + 1
    end
    if not (k < hi and k < j + 4 and t[k].type == T_WORD and t[k].cap) then return 0 end
  end
  local nw, last, lastcap = 0, -1, -1
  k = j
  while k < hi and t[k].type == T_WORD and nw < 8 do
    if k > j and has(t[k].lex, STOP_CUE_AUX) then break end
    if k > j and not t[k].cap and not has(t[k].lex, OF_DET) and nw > 3 then break end
    last = k
    if t[k].cap then lastcap = k end
    k = k + 1; nw = nw + 1
  end
  if last < 0 then return 0 end
  while last > j and has(t[last].lex, OF_DET_PREP) do last = last - 1 end
  local h = lastcap >= 0 and lastcap or last
  if not t[h].cap then h = last end
  return last + 1, h
end

local function set_mention(a, t, m0, mlast, h)
  a.ms = t[m0].s; a.me = t[mlast].e
  a.hs = t[h].s; a.he = t[h].e
  a.pron = has(t[h].lex, L_PRONP) and 1 or has(t[h].lex, L_PRONO) and 2 or 0
  a.found = true
end

-- a channel after the speaker: "according to a Kremlin transcript", "on state television"
local function find_via(a, s, t, j, hi)
  if a.ve > a.vs then return end
  while j < hi and t[j].type == T_COMMA do j = j + 1 end
  if j >= hi or t[j].type ~= T_WORD then return end
  local chan = false
  if tok_is(s, t[j], "according") and j + 1 < hi and tok_is(s, t[j + 1], "to") then
    chan = true
  elseif not has(t[j].lex, PREP_OF) and not tok_is(s, t[j], "via") and not tok_is(s, t[j], "to") then
    return
  end
  local k = j + 1
  while k < hi and t[k].type == T_WORD and k - j < 10 do
    if has(t[k].lex, CHAN_MEDIA) then chan = true end
    k = k + 1
  end
  if chan and k > j + 1 then a.vs = t[j].s; a.ve = t[k - 1].e end
end

-- a verb in the past tense not in the lexicon: "fumed"
local function loose_cue(s, w)
  if w.type ~= T_WORD or w.cap or w.e - w.s < 4 then return false end
  if has(w.lex, NOT_LOOSE) then return false end
  return B(s, w.e - 2) == 101 and B(s, w.e - 1) == 100
end

local function add_cue(w)
  if not has(w.lex, L_CUE) then w.lex = w.lex + L_CUE end
end

-- attribution after a quote: ", Putin said", ", said Putin", ", he added".
-- loose: a quote that ends with a comma takes an unknown verb as its cue
local function attr_after(a, s, t, nt, loose)
  local i, words = 0, 0
  if loose then
    for c = 0, (nt < 12 and nt or 12) - 1 do
      local ty = t[c].type
      if ty == T_END or ty == T_COLON or ty == T_MARK then break end
      if has(t[c].lex, L_CUE) then break end
      if loose_cue(s, t[c]) then add_cue(t[c]); break end
    end
    -- "“...,” Bozell points out", "“...,” he answers": a verb in -s right after the speaker
    local c = 0
    while c < nt and t[c].type ~= T_WORD do
      if t[c].type ~= T_COMMA then c = nt; break end
      c = c + 1
    end
    if c < nt and t[c].type == T_WORD and (has(t[c].lex, L_PRONP) or NAMECAP(t[c])) then
      local v = c + 1
      if not has(t[c].lex, L_PRONP) then
        while v < nt and v < c + 4 and t[v].type == T_WORD and NAMECAP(t[v]) do v = v + 1 end
      end
      if v < nt then
        local w = t[v]
        if w.type == T_WORD and not w.cap and not has(w.lex, L_CUE) and w.e - w.s >= 4 and
           B(s, w.e - 1) == 115 and B(s, w.e - 2) ~= 115 and B(s, w.e - 2) ~= 39 and not w.lowerly and
           not has(w.lex, NOT_LOOSE) and
           (v + 1 >= nt or t[v + 1].type ~= T_WORD or not has(t[v + 1].lex, DET_PRONO)) then
          add_cue(w)
        end
      end
    end
  end
  while i < nt and t[i].type ~= T_WORD do
    if t[i].type == T_END or t[i].type == T_COLON then return false end
    i = i + 1
  end
  local c = i
  while c < nt and words < 30 do
    local w = t[c]
    local ty = w.type
    if ty == T_END or ty == T_COLON or ty == T_MARK then return false end
    if ty == T_WORD then
      words = words + 1
      if has(w.lex, L_CUE) and not NOUN_CUE(s, t, c) then
        if tok_is(s, w, "according") then
          if c + 1 < nt and tok_is(s, t[c + 1], "to") and c == i then
            local e, h = np_after(t, c + 2, nt)
            if e ~= 0 then
              set_mention(a, t, c + 2, e - 1, h)
              a.cs = w.s; a.ce = t[c + 1].e
              return true
            end
          end
        else
          local ok, m0, h = np_before_app(s, t, i, c)
          if ok then
            set_mention(a, t, m0, h, h)
            a.cs = w.s; a.ce = w.e
            if has(w.lex, L_TRANS) then
              local e2, h2 = np_after(t, c + 1, nt)
              if e2 ~= 0 and has(t[h2].lex, L_MEDIA) then
                a.vs = w.s; a.ve = t[e2 - 1].e
                find_via(a, s, t, e2, nt)
              elseif e2 ~= 0 then
                find_via(a, s, t, e2, nt)
              end
            else
              find_via(a, s, t, c + 1, nt)
            end
            return true
          end
          -- "said Putin", but not "citing an instance"
          if c == i and not has(w.lex, L_TRANS) and not w.ing then
            local e
            e, h = np_after(t, c + 1, nt)
            if e ~= 0 then
              set_mention(a, t, c + 1, e - 1, h)
              a.cs = w.s; a.ce = w.e
              find_via(a, s, t, e, nt)
              return true
            end
          end
          if c > i and t[c - 1].type == T_COMMA and not has(w.lex, L_TRANS) and not w.ing then
            -- "“...” about the decision, said Jane Roe": an inverted cue after a comma
            local e = 0
            if c + 1 < nt and not has(t[c + 1].lex, PREP_OF_STOP) then e, h = np_after(t, c + 1, nt) end
            if e ~= 0 and NAMECAP(t[h]) then
              set_mention(a, t, c + 1, e - 1, h)
              a.cs = w.s; a.ce = w.e
              find_via(a, s, t, e, nt)
              return true
            end
          end
          if c > i and t[c - 1].type == T_COMMA then
            -- "Harry Bond, 30, of Raleigh, N.C., who was polled, said"
            local e
            e, h = np_after(t, i, c)
            if e ~= 0 and e < c and t[e].type == T_COMMA then
              set_mention(a, t, i, e - 1, h)
              a.cs = w.s; a.ce = w.e
              find_via(a, s, t, c + 1, nt)
              return true
            end
          end
          if words > 12 then return false end
        end
      end
    end
    c = c + 1
  end
  return false
end

-- a lower-case word ending in -ed: "dated", "reported"
local function ends_ed(s, w)
  return w.type == T_WORD and not w.cap and w.e - w.s > 3 and B(s, w.e - 2) == 101 and B(s, w.e - 1) == 100
end

-- a lower-case word that may continue a noun phrase: "internal memo"
local function plain_word(s, w)
  return w.type == T_WORD and not w.cap and not w.ing and not w.digit and not w.lowerly and not ends_ed(s, w) and
    not has(w.lex, NOT_PLAIN)
end

-- the subject of the sentence tokens t[o..o+upto): "Veteran leader Abbas";
-- true, m0, mlast, h (relative to o)
local function sentence_subject(s, t, o, upto)
  local i, lastcap, skips = 0, -1, 0
  if upto <= 0 or t[o].type ~= T_WORD then return false end
  -- a dateline: "PHILADELPHIA, July 25 (UPI) —", "MOSCOW:"
  for k = 0, (upto < 10 and upto or 10) - 1 do
    local w = t[o + k]
    if w.type == T_DASH or (w.type == T_COLON and k > 0) then i = k + 1; break end
    if not (w.type == T_COMMA or w.type == T_OPEN or w.type == T_CLOSE or
            (w.type == T_WORD and (w.cap or w.digit))) then
      break
    end
  end
  if i >= upto or t[o + i].type ~= T_WORD then return false end
  -- "And Florida's attorney general ...", "But Cruz ..."
  local w = t[o + i]
  if tok_is(s, w, "and") or tok_is(s, w, "but") or tok_is(s, w, "or") or tok_is(s, w, "so") or
     tok_is(s, w, "yet") or tok_is(s, w, "still") or tok_is(s, w, "then") then
    i = i + 1
  end
  if i >= upto or t[o + i].type ~= T_WORD then return false end
  w = t[o + i]
  if (has(w.lex, LEAD_PREP) and not has(w.lex, DET_PRON)) or w.ing then
    -- an opening phrase: "Speaking in Salem, New Hampshire, Trump went ..."
    while true do
      while i < upto and t[o + i].type ~= T_COMMA do i = i + 1 end
      i = i + 1
      if i >= upto then break end
      local sk = skips
      skips = skips + 1
      if sk > 3 then break end
      local k = i
      while k < upto and t[o + k].type == T_WORD and NAMECAP(t[o + k]) do k = k + 1 end
      if not (k > i and k < upto and t[o + k].type == T_COMMA) then break end
    end
  end
  if i >= upto or t[o + i].type ~= T_WORD then return false end
  w = t[o + i]
  if has(w.lex, PRON) then return true, i, i, i end
  if not (w.cap or has(w.lex, L_DET)) then return false end
  local k = i
  while k < upto and t[o + k].type == T_WORD and k - i < 8 do
    local x = t[o + k]
    if k > i and has(x.lex, SUBJ_BREAK) then break end
    if NAMECAP(x) then
      lastcap = k
    elseif not has(x.lex, SUBJ_KEEP) and (lastcap >= 0 or k - i > 2) then
      break
    end
    k = k + 1
  end
  if lastcap < 0 then
    -- "the ministry", "The campaign": a determiner and a noun or two
    local e = i + 1
    if not has(w.lex, L_DET) or e >= upto or t[o + e].type ~= T_WORD or t[o + e].cap then return false end
    if has(t[o + e].lex, TITLE_NAT) and e + 1 < upto and t[o + e + 1].type == T_WORD and not t[o + e + 1].cap then
      -- "the foreign ministry": an adjective of the lexicon before the noun
      e = e + 1
    else
      -- "Another intelligence source speaking ...", "An internal memo dated ...":
      -- a noun or two more before a verb form, a participle or a preposition
      local f = e
      while f + 1 < upto and f - e < 2 and plain_word(s, t[o + f + 1]) do f = f + 1 end
      if f > e then
        local x = t[o + f + 1]
        if f + 1 >= upto or x.type ~= T_WORD or x.ing or ends_ed(s, x) or has(x.lex, AUX_CUE) then e = f end
      end
    end
    return true, i, e, e
  end
  return true, i, lastcap, lastcap
end

-- attribution before a quote, from the start of its sentence: "Abbas told Putin:"
local function attr_before(a, s, t, nt, subject_ok)
  local c = nt - 1
  while c >= 0 do
    local w = t[c]
    if w.type == T_WORD and has(w.lex, L_CUE) then
      local skip = (tok_is(s, w, "according") and not (c + 1 < nt and tok_is(s, t[c + 1], "to"))) or
        NOUN_CUE(s, t, c)
      if not skip then break end
    end
    c = c - 1
  end
  local ok, m0, h, ml
  if c < 0 then
    -- "Bush: “The mission is ...”"
    if nt >= 2 and t[nt - 1].type == T_COLON and t[nt - 2].type == T_WORD and NAMECAP(t[nt - 2]) then
      ok, m0, h = np_before(t, 0, nt - 1)
      if ok then set_mention(a, t, m0, h, h); return true end
    end
    if subject_ok then
      ok, m0, ml, h = sentence_subject(s, t, 0, nt)
      if ok then
        set_mention(a, t, m0, ml, h)
        a.weak = true
        return true
      end
    end
    return false
  end
  local cw = t[c]
  a.cs = cw.s; a.ce = cw.e
  if tok_is(s, cw, "according") then
    local e
    e, h = np_after(t, c + 2, nt)
    a.ce = t[c + 1].e
    if e ~= 0 then set_mention(a, t, c + 2, e - 1, h); return true end
    return false
  end
  -- "TASS quoted X as saying"
  if tok_is(s, cw, "saying") and c >= 2 and tok_is(s, t[c - 1], "as") then
    local q = c - 2
    while q >= 0 and c - q < 10 do
      if tok_is(s, t[q], "quoted") then break end
      q = q - 1
    end
    if q >= 0 and c - q < 10 and q + 1 < c - 1 then
      local e
      e, h = np_after(t, q + 1, c - 1)
      if e ~= 0 then
        set_mention(a, t, q + 1, e - 1, h)
        local ok2, sm0 = sentence_subject(s, t, 0, q)
        if ok2 then a.vs = t[sm0].s; a.ve = t[q - 1].e end
        return true
      end
    end
  end
  if cw.ing and c > 0 and t[c - 1].type == T_COMMA then
    -- "..., Spicer said, adding, “...”": the cue before the participle
    local c2 = c - 2
    while c2 >= 0 do
      local w2 = t[c2]
      if w2.type == T_WORD and has(w2.lex, L_CUE) and not w2.ing then
        -- "made an unprompted call for ..., calling": a noun
        if not (NOUN_CUE(s, t, c2) or (c2 > 1 and t[c2 - 1].type == T_WORD and not t[c2 - 1].cap and
                                       NOUN_CUE(s, t, c2 - 1))) then
          ok, m0, h = np_before_app(s, t, 0, c2)
          if ok then set_mention(a, t, m0, h, h); return true end
          if not has(w2.lex, L_TRANS) then
            local e2
            e2, h = np_after(t, c2 + 1, c)
            if e2 ~= 0 then
              set_mention(a, t, c2 + 1, e2 - 1, h)
              return true
            end
          end
          break
        end
      end
      c2 = c2 - 1
    end
    ok, m0, ml, h = sentence_subject(s, t, 0, c)
    if ok then
      set_mention(a, t, m0, ml, h)
      return true
    end
  end
  ok, m0, h = np_before_app(s, t, 0, c)
  if ok then
    -- "Trump in his announcement speech called": the name before a prepositional phrase
    if m0 > 1 and t[m0 - 1].type == T_WORD and has(t[m0 - 1].lex, L_PREP) and not has(t[m0 - 1].lex, L_OF) then
      local ok2, sm0, sh = np_before(t, 0, m0 - 1)
      if ok2 and (NAMECAP(t[sh]) or has(t[sh].lex, L_PRONP)) then
        set_mention(a, t, sm0, sh, sh)
        return true
      end
    end
    -- "she released a statement saying", "a source speaking to Fox News said":
    -- the words before the cue are a channel or an object; the speaker is the subject
    local p = m0 > 0 and t[m0 - 1]
    if has(t[h].lex, L_CHAN) or (p and p.type == T_WORD and
                                 (tok_is(s, p, "to") or tok_is(s, p, "with") or tok_is(s, p, "by") or
                                  has(p.lex, PREP_OF))) then
      local ok3, sm0, sml, sh = sentence_subject(s, t, 0, m0)
      if ok3 and sh < m0 then
        -- "A statement from the ministry said": the statement is the channel
        if has(t[sh].lex, L_CHAN) and not has(t[h].lex, L_CHAN) and sml == m0 - 2 and has(t[m0 - 1].lex, L_OF) then
          set_mention(a, t, m0, h, h)
          a.vs = t[sm0].s; a.ve = t[sml].e
          return true
        end
        set_mention(a, t, sm0, sml, sh)
        if has(t[h].lex, L_CHAN) then a.vs = t[m0].s; a.ve = t[h].e end
        return true
      end
    end
    set_mention(a, t, m0, h, h)
    if has(cw.lex, L_TRANS) then
      local e2, h2 = np_after(t, c + 1, nt)
      if e2 ~= 0 and has(t[h2].lex, L_MEDIA) then a.vs = cw.s; a.ve = t[e2 - 1].e end
    else
      find_via(a, s, t, c + 1, nt)
    end
    return true
  end
  -- "he supported Obama and said": the subject of the clause
  if c >= 2 and (tok_is(s, t[c - 1], "and") or tok_is(s, t[c - 1], "but")) then
    local k0 = c - 2
    while k0 >= 0 and t[k0].type ~= T_COMMA and t[k0].type ~= T_COLON do k0 = k0 - 1 end
    ok, m0, ml, h = sentence_subject(s, t, k0 + 1, c - 1 - (k0 + 1))
    if ok then
      set_mention(a, t, k0 + 1 + m0, k0 + 1 + ml, k0 + 1 + h)
      return true
    end
  end
  if not has(cw.lex, L_TRANS) and c + 1 < nt then
    local e
    e, h = np_after(t, c + 1, nt)
    if e ~= 0 and e < nt and (t[e].type == T_COLON or t[e].type == T_COMMA or t[e].type == T_MARK) then
      set_mention(a, t, c + 1, e - 1, h)
      return true
    end
  end
  ok, m0, ml, h = sentence_subject(s, t, 0, c)
  if ok then
    set_mention(a, t, m0, ml, h)
    return true
  end
  return false
end

-- the abbreviation test of sentence_start and sentence_end: does the word
-- ending at the full stop p (its letters back to `lo`) end a sentence?
local function ends_sentence(s, n, p, lo)
  local ws = p
  while ws > lo and IS_ALNUM(class_before(s, n, ws)) and p - ws < 8 do ws = prev_start(s, ws) end
  return not (ws < p and is_abbrev(s, ws, p))
end

-- start of the sentence holding offset i, not before lo. The walk back
-- jumps from one byte . ! ? newline to the one before (they are ASCII, so the
-- character walk of C stops on each of them).
local function sentence_start(s, n, i, lo)
  local j = i
  if i > lo + WINDOW then lo = i - WINDOW end
  while j > lo do
    local a0 = lo >= 3 and lo - 3 or 0
    local c = match(sub(s, a0 + 1, j), "^.*()[.!?\n]")
    if not c then return lo end
    c = a0 + c - 1
    -- the character walk reaches c from c + 1 unless continuation bytes follow c
    -- (ill-formed text) or c lies before lo: the walk below then
    local x = B(s, c + 1)
    if c < lo or (c + 1 < j and x >= 0x80 and x < 0xC0) then break end
    j = c + 1
    local b = B(s, c)
    -- not after an abbreviation: "Sen." "U.S." "Mr."
    if b ~= 10 and j < i and IS_BLANK(class_at(s, n, j)) and ends_sentence(s, n, c, lo) then return j end
    if b == 10 then return j end
    j = c
  end
  while j > lo do
    local p = prev_start(s, j)
    local b = B(s, p)
    if (b == 46 or b == 33 or b == 63) and j < i and IS_BLANK(class_at(s, n, j)) and ends_sentence(s, n, p, lo) then
      return j
    end
    if b == 10 then return j end
    j = p
  end
  return lo
end

-- end of the sentence that goes on at i, not after hi
local function sentence_end(s, n, i, hi)
  local j = i
  if hi > i + WINDOW then hi = i + WINDOW end
  if j >= hi then return hi end
  local w = sub(s, i + 1, hi)
  while true do
    local c = find(w, "[.!?\n]", j - i + 1)
    if not c then return hi end
    j = i + c - 1
    if B(s, j) == 10 then return j end
    if (j + 1 >= n or IS_BLANK(class_at(s, n, j + 1))) and ends_sentence(s, n, j, i) then return j + 1 end
    j = j + 1
  end
end

-- a headline or caption: a short paragraph without final punctuation
local function is_headline(s, n, ps, pe)
  if pe <= ps or pe - ps > 200 then return false end
  local e = pe
  while e > ps and IS_BLANK(class_before(s, n, e)) do e = prev_start(s, e) end
  if e == ps then return false end
  local cp = cp_at(s, n, prev_start(s, e))
  if cp == 42 or cp == 95 then return true end   -- **markdown** headline
  return not (cp == 46 or cp == 33 or cp == 63 or cp == 58 or cp == 44 or cp_class(cp) == C_MARK or cp == 41)
end

-- quoted words all capitalised (beyond short function words): a title.
-- loose: a final comma or full stop inside the marks is allowed.
local function title_like(s, n, a, b, loose, tt)
  local k = lex_window(s, n, a, b, tt, 12)
  local words = 0
  if loose and k > 1 and (tt[k - 1].type == T_COMMA or tt[k - 1].type == T_END) then k = k - 1 end
  if k == 0 or k >= 12 then return false end
  for i = 0, k - 1 do
    local w = tt[i]
    if w.type == T_WORD then
      words = words + 1
      local f = B(s, w.s)
      if not w.cap and not (i > 0 and w.e - w.s <= 4 and has(w.lex, OF_DET_PREP_LEAD)) and
         not (f >= 48 and f <= 57) then
        return false
      end
    elseif w.type == T_END or w.type == T_COMMA then
      return false
    end
  end
  return words > 0 and tt[0].type == T_WORD and tt[0].cap, words
end

-- first letter inside the quote is upper case?
local function starts_upper(s, n, a, b)
  local i = a
  while i < b do
    local cp, len = cp_at(s, n, i)
    local c = cp_class(cp)
    if IS_LETTER(c) then return c == C_UPPER end
    if c == C_DIGIT then return true end
    i = i + len
  end
  return false
end

-- last non-blank character before i, from lo (-1 if none)
local function char_before(s, n, i, lo)
  while i > lo do
    local p = prev_start(s, i)
    local cp = cp_at(s, n, p)
    if not IS_BLANK(cp_class(cp)) then return cp end
    i = p
  end
  return -1
end

-- does the name at `start` follow a reporting verb, titles aside ("said Dr Holm")?
local function after_cue(s, n, start, w)
  local k = lex_window(s, n, start > 40 and start - 40 or 0, start, w, 48)
  while k > 0 and w[k - 1].type == T_WORD and has(w[k - 1].lex, L_TITLE) do k = k - 1 end
  return k > 0 and w[k - 1].type == T_WORD and has(w[k - 1].lex, L_CUE) and not has(w[k - 1].lex, L_TRANS)
end

-- resolve he/she at offset pos to the nearest person named before it
local function resolve_pronoun(s, n, nm, pos, w)
  local list = nm.list
  local lo, hi, steps = 0, nm.n, 0
  local any, multi
  while lo < hi do
    local mid = floor((lo + hi) / 2)
    if list[mid + 1].start < pos then lo = mid + 1 else hi = mid end
  end
  while lo > 0 and steps < 200 do
    local r = list[lo]
    lo = lo - 1; steps = steps + 1
    if r.start + 3000 < pos then break end
    if not r.inquote then
      local e = r.key
      local cb
      if e and e.person then
        cb = clause_before(s, n, r.start, r.start > 200 and r.start - 200 or 0)
        if cb then return e end
        -- the speaker of an inverted attribution in the pronoun's own paragraph
        -- ("“...,” said Dr Sanne Holm, an engineer. “...,” she said")
        if not any and not newline_in(s, r.start, pos - r.start) and after_cue(s, n, r.start, w) then return e end
        if not any then any = e end
      end
      -- a full name in subject position ("Tomas Brevik, chief engineer ..., said ...")
      -- nearer than any known speaker: the pronoun refers to it
      if e and not multi and r.ntok >= 2 then
        if cb == nil then cb = clause_before(s, n, r.start, r.start > 200 and r.start - 200 or 0) end
        if cb then
          multi = e
          if not any and r.start + 600 >= pos then return e end
        end
      end
    end
  end
  return any or multi
end

-- a last resort for a quote opening a paragraph, with no cue and no previous
-- speaker: a person or he/she that is the subject of the sentence before it
local function subject_before(s, n, start, prev_end, t, a)
  local pe = start
  while pe > prev_end and IS_BLANK(class_before(s, n, pe)) do pe = prev_start(s, pe) end
  if pe <= prev_end then return end
  local pend2 = pe
  pe = prev_start(s, pe)
  local ps2 = sentence_start(s, n, pe, prev_end)
  if not (ps2 >= prev_end and not (ps2 == prev_end and prev_end > 0)) then return end
  local nt = lex_window(s, n, ps2, pend2, t, MAXTOK)
  local ok, m0, ml, h = sentence_subject(s, t, 0, nt)
  if ok and (NAMECAP(t[h]) or has(t[h].lex, L_PRONP)) then set_mention(a, t, m0, ml, h) end
end

local K_DIRECT, K_PARTIAL, K_TITLE = 0, 1, 2
local KIND_NAMES = { [0] = "direct", "partial", "title" }

local NAMED = { "titled", "show", "program", "podcast", "series", "film", "book", "movie", "newspaper" }

-- groups of raw pieces, their attribution and their records
local function analyse(s, n, q, nm)
  local nr, R = q.nraw, q.raws
  local t, tl, tt, tw = tokbuf(MAXTOK), tokbuf(MAXTOK), tokbuf(12), tokbuf(48)
  local G, ng = {}, 0
  local out = {}
  if nr == 0 then return out end
  -- quotes made of several raw pieces: paragraphs of one quote, or one quote split by its attribution
  local i = 0
  while i < nr do
    local j = i + 1
    local g = { r0 = i, a = new_attr(), kind = K_DIRECT, headline = false, direct_alone = false,
                same_sentence = false }
    G[ng] = g; ng = ng + 1
    while j < nr do
      local r1, r2 = R[j - 1], R[j]
      if r1.cont and r2.contd then
        j = j + 1
      else
        local joined = false
        local gap = r2.start - r1.e
        if r1.closed and r2.para == r1.para and gap >= 0 and gap < 120 and r2.fam == r1.fam then
          -- “The economy,” she said, “is strong.”
          local inner_last = char_before(s, n, r1.iend, r1.istart)
          local gap_last = char_before(s, n, r2.start, r1.e)
          local has_end = false
          if inner_last == 44 and gap_last == 44 then
            for k = r1.e, r2.start - 1 do
              local b = B(s, k)
              if b == 46 or b == 33 or b == 63 or b == 10 then has_end = true end
            end
          end
          if inner_last == 44 and gap_last == 44 and not has_end then
            local nt = lex_window(s, n, r1.e, r2.start, t, MAXTOK)
            local cue, other = false, false
            for c = 0, nt - 1 do
              local w = t[c]
              -- "said Ada Kerr, a baker whose shop ...,": an apposition after the cue
              if w.type == T_COMMA and cue and c > 0 and t[c - 1].type == T_WORD and t[c - 1].cap then break end
              if w.type == T_WORD then
                if has(w.lex, L_CUE) then cue = true
                elseif has(w.lex, L_STOP) and not tok_is(s, w, "who") then other = true end
              end
            end
            if cue and not other and nt <= 24 then joined = true end
          end
        end
        if not joined then break end
        j = j + 1
      end
    end
    g.r1 = j
    i = j
  end
  -- explicit attribution of each group
  local hl, hl_para = false, -1
  for gi = 0, ng - 1 do
    local g = G[gi]
    local f, l = R[g.r0], R[g.r1 - 1]
    local prev_end = gi > 0 and R[G[gi - 1].r1 - 1].e or 0
    local next_start = gi + 1 < ng and R[G[gi + 1].r0].start or n
    local pend = l.pend ~= 0 and l.pend or n
    local lo = f.pstart > prev_end and f.pstart or prev_end
    local ss = sentence_start(s, n, f.start, lo)
    local pc = char_before(s, n, f.start, f.pstart)
    local inner_last = char_before(s, n, l.iend, l.istart)
    local a = g.a
    local kind
    if l.pend == 0 then
      -- the paragraph end of a closed quote: up to the next newline, bounded
      local lim = n - l.e < WINDOW and n - l.e or WINDOW
      pend = newline_in(s, l.e, lim) or l.e + lim
    end
    if f.pstart ~= hl_para then
      -- once per paragraph
      local lim = n - f.pstart < 210 and n - f.pstart or 210
      hl_para = f.pstart
      hl = is_headline(s, n, f.pstart, newline_in(s, f.pstart, lim) or f.pstart + lim)
    end
    g.headline = hl
    -- leader tokens
    local nt = lex_window(s, n, ss, f.start, tl, MAXTOK)
    local ntl = nt
    local lead_cue = false
    if nt > 0 and tl[nt - 1].type == T_WORD and has(tl[nt - 1].lex, L_CUE) then lead_cue = true end
    if nt > 1 and (tl[nt - 1].type == T_COMMA or tl[nt - 1].type == T_COLON) and tl[nt - 2].type == T_WORD then
      lead_cue = true
    end
    local upper = starts_upper(s, n, f.istart, f.iend)
    g.direct_alone = (pc < 0 or pc == 46 or pc == 33 or pc == 63 or pc == 10 or pc == 42)
    if g.direct_alone or pc == 58 or ((pc == 44 or lead_cue) and (upper or lead_cue)) or
       ((pc == 0x2014 or pc == 0x2013 or pc == 45) and upper) or (pc == 40 and upper) then
      kind = K_DIRECT
    elseif not g.headline and g.r1 - g.r0 == 1 and title_like(s, n, f.istart, f.iend, false, tt) then
      kind = K_TITLE
    else
      kind = K_PARTIAL
    end
    if kind == K_DIRECT and not upper and not lead_cue and not (pc == 58 or pc == 44) then kind = K_PARTIAL end
    g.kind = kind
    if kind ~= K_TITLE then
      local done = false
      -- attribution between the parts of a split quote
      if g.r1 - g.r0 > 1 then
        local r = g.r0 + 1
        while r < g.r1 and not a.found do
          if not R[r].contd then
            local gt = lex_window(s, n, R[r - 1].e, R[r].start, t, MAXTOK)
            attr_after(a, s, t, gt, true)
          end
          r = r + 1
        end
      end
      local lw = tl[ntl - 1]
      if not a.found and ntl > 1 and lw.type == T_WORD and has(lw.lex, L_CUE) and not lw.ing and
         not tok_is(s, lw, "according") then
        -- "Obama said “it gets me mad” every time he ...": the cue right before the quote
        attr_before(a, s, tl, ntl, false)
      elseif not a.found and ntl > 2 and (lw.type == T_COMMA or lw.type == T_COLON) and
             tl[ntl - 2].type == T_WORD and has(tl[ntl - 2].lex, L_CUE) and not NOUN_CUE(s, tl, ntl - 2) and
             not tok_is(s, tl[ntl - 2], "according") then
        -- "He said, “...” - at which point the crowd chanted": the cue and its comma before the quote
        attr_before(a, s, tl, ntl, false)
      end
      -- after the quote, then before it
      if not a.found and kind ~= K_PARTIAL and inner_last ~= 46 then
        local te = sentence_end(s, n, l.e, next_start < pend and next_start or pend)
        local nt2 = lex_window(s, n, l.e, te, t, MAXTOK)
        attr_after(a, s, t, nt2, inner_last == 44 or inner_last == 63 or inner_last == 33)
      elseif not a.found and kind ~= K_PARTIAL then
        -- "“... missing.” Trump said.": a bare speaker and cue make up the sentence after
        local te = sentence_end(s, n, l.e, next_start < pend and next_start or pend)
        local nt2 = lex_window(s, n, l.e, te, t, 8)
        local v = 1
        if nt2 >= 3 and t[0].type == T_WORD and (has(t[0].lex, L_PRONP) or NAMECAP(t[0])) then
          if not has(t[0].lex, L_PRONP) then
            while v < nt2 and v < 4 and t[v].type == T_WORD and NAMECAP(t[v]) do v = v + 1 end
          end
          local w = t[v]
          if v + 1 < nt2 and w.type == T_WORD and has(w.lex, L_CUE) and not has(w.lex, L_TRANS) and not w.ing and
             not tok_is(s, w, "according") and t[v + 1].type == T_END then
            set_mention(a, t, 0, v - 1, v - 1)
            a.cs = w.s; a.ce = w.e
          end
        end
      end
      if not a.found then
        attr_before(a, s, tl, nt, g.headline or (kind ~= K_PARTIAL and not g.direct_alone))
      end
      g.same_sentence = (ss == lo and lo == prev_end and prev_end > 0 and f.para == R[G[gi - 1].r1 - 1].para)
      do
        -- a show or a book named in a sentence, no reporting verb: “Meet the Press.”
        local named = false
        if nt > 0 and tl[nt - 1].type == T_WORD then
          local w = tl[nt - 1]
          local wl = w.e - w.s
          -- "on NBC's “Meet the Press.”", "a show titled “...”"
          named = wl > 2 and B(s, w.e - 1) == 115 and (B(s, w.e - 2) == 39 or B(s, w.e - 2) == 0x99)
          for x = 1, #NAMED do
            if named then break end
            named = tok_is(s, w, NAMED[x])
          end
        end
        if ((not a.found or a.ce == a.cs) or named) and not g.direct_alone and not g.headline and pc ~= 58 and
           g.r1 - g.r0 == 1 then
          local ok, words = title_like(s, n, f.istart, f.iend, true, tt)
          if ok and (words >= 2 or named) then
            g.kind = K_TITLE
            g.a = new_attr()
            done = true
          end
        end
      end
      if not done then
        if not a.found and kind == K_PARTIAL then
          local te = sentence_end(s, n, l.e, next_start < pend and next_start or pend)
          local nt2 = inner_last == 46 and 0 or lex_window(s, n, l.e, te, t, MAXTOK)
          attr_after(a, s, t, nt2, inner_last == 44)
          if not a.found then
            -- the subject of the whole sentence, before any earlier quote in it
            local sf = sentence_start(s, n, f.start, f.pstart)
            if sf == ss then
              attr_before(a, s, tl, ntl, true)
            else
              local ns = lex_window(s, n, sf, f.start, t, MAXTOK)
              attr_before(a, s, t, ns, true)
            end
          end
        end
        if not a.found and g.direct_alone and f.start > prev_end then
          -- the sentence before has the cue: "Cruz continued:", "Sami recalled how ..."
          local pe = f.start
          while pe > prev_end and IS_BLANK(class_before(s, n, pe)) do pe = prev_start(s, pe) end
          if pe > prev_end then
            local pend2 = pe
            pe = prev_start(s, pe)
            local ps2 = sentence_start(s, n, pe, prev_end)
            if ps2 >= prev_end and not (ps2 == prev_end and prev_end > 0) then
              local nt3 = lex_window(s, n, ps2, pend2, t, MAXTOK)
              -- "Trump issued the following statement:"
              attr_before(a, s, t, nt3, B(s, pe) == 58)
            end
          end
        end
        if not a.found and kind == K_DIRECT then
          -- a credit line below the quote: "— Bernie Sanders."
          local k, nls = l.e, 0
          while k < n and k < l.e + 8 and IS_BLANK(class_at(s, n, k)) do
            if B(s, k) == 10 then nls = nls + 1 end
            k = k + 1
          end
          if nls > 0 and k < n and (B(s, k) == 45 or (k + 2 < n and B(s, k) == 0xE2 and B(s, k + 1) == 0x80 and
                                                       (B(s, k + 2) == 0x94 or B(s, k + 2) == 0x93))) then
            local e = k
            while e < n and B(s, e) ~= 10 and e < k + 120 do e = e + 1 end
            local ct = lex_window(s, n, k, e, t, MAXTOK)
            if ct > 1 and t[0].type == T_DASH then
              local ne, h = np_after(t, 1, ct)
              if ne ~= 0 and t[1].cap then set_mention(a, t, 1, ne - 1, h) end
            end
          end
        end
        if a.found and a.pron == 0 then
          local ks, ke = word_key(s, a.hs, a.he)
          local e = key_slot(nm, s, ks, ke - ks, false)
          local h0 = B(s, a.hs)
          if e and h0 >= 65 and h0 <= 90 then e.person = true end
        end
      end
    end
  end
  -- names inside quotes are not candidates for pronouns
  do
    local r = 0
    for k = 1, nm.n do
      local nmr = nm.list[k]
      while r < nr and R[r].e <= nmr.start do r = r + 1 end
      if r < nr and R[r].start <= nmr.start and nmr.start < R[r].e then nmr.inquote = true end
    end
  end
  -- speakers, inheritance, output
  local prev
  for gi = 0, ng - 1 do
    local g = G[gi]
    local f, l = R[g.r0], R[g.r1 - 1]
    local a = g.a
    if not a.found and g.kind == K_DIRECT and prev and f.para <= R[prev.r1 - 1].para + 2 then
      copy_attr(a, prev.a)
    end
    if not a.found and g.direct_alone and g.kind ~= K_TITLE and gi > 0 and f.start > R[G[gi - 1].r1 - 1].e then
      subject_before(s, n, f.start, R[G[gi - 1].r1 - 1].e, t, a)
    elseif not a.found and g.direct_alone and g.kind ~= K_TITLE and gi == 0 and f.start > 0 then
      subject_before(s, n, f.start, 0, t, a)
    end
    if not a.found and g.kind == K_PARTIAL and g.same_sentence and gi > 0 and G[gi - 1].a.found then
      copy_attr(a, G[gi - 1].a)
    end
    -- a fragment with no reading of its own in the paragraph of the quote before
    if not a.found and g.kind == K_PARTIAL and not g.headline and gi > 0 and G[gi - 1].a.found and
       not G[gi - 1].a.weak and G[gi - 1].kind ~= K_TITLE and R[G[gi - 1].r1 - 1].para == f.para then
      copy_attr(a, G[gi - 1].a)
    end
    -- "The only way to create “...” is ... the “...,” he added."
    if (not a.found or a.weak) and g.kind == K_PARTIAL and gi + 1 < ng and G[gi + 1].same_sentence and
       G[gi + 1].a.found and not G[gi + 1].a.weak and G[gi + 1].kind ~= K_TITLE then
      copy_attr(a, G[gi + 1].a)
    end
    -- a title-case headline: "Putin Expresses ‘Great Pain’" names the person first
    if a.found and g.headline and a.pron == 0 and a.me - a.ms > a.he - a.hs then
      local w = a.ms
      while w < a.me do
        local we = word_end(s, n, w)
        local ks, ke = word_key(s, w, we)
        local e = key_slot(nm, s, ks, ke - ks, false)
        if e and e.person then
          a.ms = w; a.me = we; a.hs = w; a.he = we
          break
        end
        w = we
        while w < a.me and not IS_ALNUM(class_at(s, n, w)) do w = w + 1 end
      end
    end
    if a.found then prev = g end
    local o = { start = f.start, e = l.e, kind = g.kind, closed = l.closed, r0 = g.r0, r1 = g.r1 }
    out[#out + 1] = o
    if a.found then
      o.ms, o.me, o.cs, o.ce, o.vs, o.ve = a.ms, a.me, a.cs, a.ce, a.vs, a.ve
      if a.pron == 1 then
        local e = resolve_pronoun(s, n, nm, a.hs, tw)
        if e then o.ss = e.bs; o.se = e.be end
      elseif a.pron == 0 then
        local ks, ke = word_key(s, a.hs, a.he)
        local e = key_slot(nm, s, ks, ke - ks, false)
        if e and e.be > e.bs and class_at(s, n, a.hs) == C_UPPER and a.me == a.he then
          o.ss = e.bs; o.se = e.be
        else
          o.ss = a.ms; o.se = a.me
        end
      end
    end
  end
  return out
end

-- ------------------------------------------------------------ Lua side

local function argerr(k, msg) error(("bad argument #%d to 'quotes' (%s)"):format(k, msg), 0) end

local function isblank(b) return b == 32 or b == 9 or b == 13 or b == 10 end

-- part r of a record without its marks and the blanks around them: a, e
local function part_text(s, R, r)
  local p = R[r]
  local a, e = p.istart, p.iend
  while a < e and isblank(B(s, a)) do a = a + 1 end
  while e > a and isblank(B(s, e - 1)) do e = e - 1 end
  return a, e
end

-- true when s[a..e) starts with a lower-case letter (Ll), as a sentence goes on
local function starts_lower(s, a, e)
  if a >= e then return false end
  local cp = decode(s, a + 1, e)
  return cp >= 0 and ucd.class(cp) == 2
end

-- the quoted words of a record: each part without its marks, joined by a
-- space (a newline between paragraphs); a part ending with a comma where the
-- next goes on in lower case loses the comma, as in lua_quotes.c
local function text_of(s, R, o)
  local buf = {}
  for r = o.r0, o.r1 - 1 do
    local p = R[r]
    local a, e = part_text(s, R, r)
    if r + 1 < o.r1 and e > a and B(s, e - 1) == 44 then
      local na, ne = part_text(s, R, r + 1)
      if starts_lower(s, na, ne) then
        e = e - 1
        while e > a and isblank(B(s, e - 1)) do e = e - 1 end
      end
    end
    if r > o.r0 and e > a then
      buf[#buf + 1] = (o.r1 - o.r0 > 1 and R[r - 1].e < p.start and B(s, p.start - 1) == 10) and "\n" or " "
    end
    buf[#buf + 1] = sub(s, a + 1, e)
  end
  return concat(buf)
end

local function span(a, b, text)
  return { start = a + 1, stop = b, text = text }
end

--- `quotes(s [, opts])`: the quotes of `s` in text order, an array of
-- {text=, start=, stop=, parts={{start=, stop=}, ...}, kind="direct"|"partial"|"title",
--  speaker=string|nil, mention={start=, stop=}|nil, cue={text=, start=, stop=}|nil,
--  via={text=, start=, stop=}|nil, closed=boolean},
-- or nil, "invalid UTF-8 at byte N". opts.invalid = "error" (default) | "replace".
-- Offsets are 1-based inclusive, as string.sub takes them.
function M.quotes(...)
  local s, opts = ...
  if type(s) == "number" then
    s = tostring(s)
  elseif type(s) ~= "string" then
    argerr(1, "string expected, got " .. (select("#", ...) > 0 and type(s) or "no value"))
  end
  local inv = "error"
  if opts ~= nil then
    if type(opts) ~= "table" then argerr(2, "table expected, got " .. type(opts)) end
    inv = opts.invalid
    if inv == nil then
      inv = "error"
    elseif type(inv) ~= "string" then
      argerr(2, "option 'invalid' must be a string, got " .. type(inv))
    elseif inv ~= "error" and inv ~= "replace" then
      argerr(2, ("option 'invalid' must be \"error\" or \"replace\", got \"%s\""):format(inv))
    end
  end
  if inv == "error" then
    local bad = ucd.check(s)
    if bad then return nil, "invalid UTF-8 at byte " .. bad end
  end
  local n = #s
  local res = {}
  if n == 0 then return res end
  local st = {}
  for k = 0, MAXDEPTH - 1 do st[k] = { pos = 0, after = 0, fam = 0, low = false, contd = false } end
  local q = { s = s, n = n, raws = {}, nraw = 0, st = st, depth = 0, para = 0, pstart = 0, seen = false,
              pending = false }
  scan_marks(q)
  if q.nraw == 0 then return res end
  local nm = { list = {}, n = 0, keys = {} }
  scan_names(s, n, nm)
  local R = q.raws
  for i, o in ipairs(analyse(s, n, q, nm)) do
    local parts = {}
    for r = o.r0, o.r1 - 1 do parts[#parts + 1] = { start = R[r].start + 1, stop = R[r].e } end
    local rec = { text = text_of(s, R, o), start = o.start + 1, stop = o.e, parts = parts,
                  kind = KIND_NAMES[o.kind], closed = o.closed }
    if o.se and o.se > o.ss then rec.speaker = sub(s, o.ss + 1, o.se) end
    if o.me and o.me > o.ms then rec.mention = span(o.ms, o.me) end
    if o.ce and o.ce > o.cs then rec.cue = span(o.cs, o.ce, sub(s, o.cs + 1, o.ce)) end
    if o.ve and o.ve > o.vs then rec.via = span(o.vs, o.ve, sub(s, o.vs + 1, o.ve)) end
    res[i] = rec
  end
  return res
end

return M
