--- Figures in pure Lua: `figures` and `compare`, a line-by-line port of
-- csrc/figures.c (the byte scanner, the token window, the figure reader and
-- the comparison) with the same results. Offsets are kept 0-based inside
-- and reported 1-based as the C binding does.
-- @module newsc.pure.figures

local ucd = require "newsc.pure.ucd"
local byte, sub, lower, format = string.byte, string.sub, string.lower, string.format
local floor, abs, fmod, HUGE = math.floor, math.abs, math.fmod, math.huge
local tointeger = math.tointeger

local M = {}

local T_END, T_WORD, T_NUM, T_PUNCT, T_URL = 0, 1, 2, 3, 4
local K_COUNT, K_PERCENT, K_MONEY, K_AGE, K_ORDINAL, K_MEASURE = 0, 1, 2, 3, 4, 5
local H_NONE, H_EXACT, H_ABOUT, H_NEARLY, H_JUSTOVER, H_MORE, H_LESS, H_RANGE, H_VAGUE =
  0, 1, 2, 3, 4, 5, 6, 7, 8

-- ---------------------------------------------------------------- scanner

-- byte classes: 0 ASCII punctuation, 1 letter, 2 digit, 3 space, 4 line feed, 5 non-ASCII
local CLS = {}
for c = 0, 255 do
  local k = 0
  if c >= 128 then k = 5
  elseif c == 10 then k = 4
  elseif c == 0 or c == 32 or (c >= 9 and c <= 13) then k = 3
  elseif c >= 48 and c <= 57 then k = 2
  elseif (c >= 65 and c <= 90) or (c >= 97 and c <= 122) then k = 1 end
  CLS[c] = k
end

local function is_alpha(c) return CLS[c] == 1 end

-- the byte at 0-based i (0 beyond the end, as the NUL after a Lua string)
local function B(s, i) return byte(s, i + 1) or 0 end

-- length of a space character at i (0 if none), and 1 for a line break
local function space_len(s, i, n)
  local c = B(s, i)
  local left = n - i
  if c == 32 or c == 9 or c == 13 or c == 12 or c == 11 or c == 0 then return 1, false end
  if c == 10 then return 1, true end
  if c == 0xC2 and left >= 2 and B(s, i + 1) == 0xA0 then return 2, false end
  if c == 0xE2 and left >= 3 and B(s, i + 1) == 0x80 then
    local c2 = B(s, i + 2)
    if (c2 >= 0x80 and c2 <= 0x8A) or c2 == 0xAF then return 3, false end
    if c2 == 0xA8 or c2 == 0xA9 then return 3, true end
  end
  return 0, false
end

-- length and code of a known non-ASCII punctuation character at i (0 if none)
local UP80 = { [0x90] = "-", [0x91] = "-", [0x92] = "-", [0x93] = "-", [0x94] = "M", [0x95] = "M",
  [0x98] = "'", [0x99] = "'", [0x9B] = "'", [0x9C] = '"', [0x9D] = '"', [0x9F] = '"',
  [0xA2] = ".", [0xA6] = "." }
local function upunct_len(s, i, n)
  local c, left = B(s, i), n - i
  if c == 0xE2 and left >= 3 then
    local c1, c2 = B(s, i + 1), B(s, i + 2)
    if c1 == 0x80 then
      local code = UP80[c2]
      if code then return 3, code end
      return 0
    end
    if c1 == 0x82 and c2 == 0xAC then return 3, "E" end
    if c1 == 0x88 and c2 == 0x92 then return 3, "-" end
    return 0
  end
  if c == 0xC2 and left >= 2 then
    local c1 = B(s, i + 1)
    if c1 == 0xA3 then return 2, "L" end
    if c1 == 0xA5 then return 2, "Y" end
    if c1 == 0xAB or c1 == 0xBB then return 2, '"' end
    if c1 == 0xB7 or c1 == 0xB0 then return 2, "." end
  end
  return 0
end

local function is_word_byte(s, i, n)
  local c = B(s, i)
  if c < 0x80 then return is_alpha(c) end
  return space_len(s, i, n) == 0 and upunct_len(s, i, n) == 0
end

local function url_start(s, i, n)
  local pre = { "http://", "https://", "www." }
  for k = 1, 3 do
    local m = #pre[k]
    if n - i >= m and lower(sub(s, i + 1, i + m)) == pre[k] then return true end
  end
  return false
end

--- The token at or after 0-based `pos`: a table {s=, e=, type=, gap=, nl=, p=}.
local function tok_next(s, n, pos)
  local t = { gap = (pos == 0), nl = false, p = false }
  local i, nl = pos, false
  while i < n do
    local k = CLS[B(s, i)]
    if k == 3 then i = i + 1; t.gap = true
    elseif k == 4 then i = i + 1; t.gap = true; nl = true
    elseif k == 5 then
      local l, isnl = space_len(s, i, n)
      if l == 0 then break end
      if isnl then nl = true end
      i = i + l; t.gap = true
    else break end
  end
  t.nl = nl
  t.s = i
  if i >= n then t.type = T_END; t.e = n; return t end
  local c = B(s, i)
  local l, code
  if c >= 48 and c <= 57 then
    i = i + 1
    while i < n do
      local d = B(s, i)
      if d >= 48 and d <= 57 then i = i + 1
      elseif (d == 44 or d == 46) and i + 1 < n and CLS[B(s, i + 1)] == 2 then i = i + 2
      else break end
    end
    t.type = T_NUM
  elseif c < 0x80 and not is_alpha(c) then
    t.type = T_PUNCT
    t.p = string.char(c)
    i = i + 1
  else
    l, code = upunct_len(s, i, n)
    if l > 0 then
      t.type = T_PUNCT; t.p = code; i = i + l
    elseif (c == 104 or c == 72 or c == 119 or c == 87) and url_start(s, i, n) then
      while i < n do
        local d = B(s, i)
        if space_len(s, i, n) ~= 0 or d == 60 or d == 62 or d == 34 or d == 41 or d == 93 then break end
        i = i + 1
      end
      t.type = T_URL
    else
      while i < n do
        local d = B(s, i)
        if CLS[d] == 1 then i = i + 1
        elseif is_word_byte(s, i, n) then
          i = i + 1
          while i < n and B(s, i) >= 0x80 and B(s, i) < 0xC0 do i = i + 1 end
        elseif d == 39 and i + 1 < n and is_word_byte(s, i + 1, n) then
          i = i + 1
        elseif i + 3 < n and d == 0xE2 and B(s, i + 1) == 0x80 and B(s, i + 2) == 0x99 and
               is_word_byte(s, i + 3, n) then
          i = i + 3
        else break end
      end
      t.type = T_WORD
    end
  end
  t.e = i
  return t
end
M._tok_next = tok_next

-- the lower-case text of a word token (nil for other tokens)
local function wtext(s, t)
  if t.type ~= T_WORD then return nil end
  local w = t.lw
  if not w then w = lower(sub(s, t.s + 1, t.e)); t.lw = w end
  return w
end

local function tok_is(s, t, w)
  return lower(sub(s, t.s + 1, t.e)) == w
end

-- a list as a map word -> index (first occurrence)
local function L(list)
  local m = {}
  for k = #list, 1, -1 do m[list[k]] = k end
  return m
end

-- index of a word token in a list map (0 if none)
local function tok_in(s, t, map)
  local w = wtext(s, t)
  if not w then return 0 end
  return map[w] or 0
end

-- ------------------------------------------------------------- word lists

local SMALL = L { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
  "eighteen", "nineteen" }
local TENS = L { "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" }
local SCALES = L { "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "tn", "trn" }
local SCALEV = { 1e2, 1e3, 1e6, 1e9, 1e12, 1e6, 1e9, 1e9, 1e12, 1e12 }
local ORDW = L { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth", "twentieth" }
local MONTHS = L { "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec" }
local STOP = L { "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or",
  "but", "who", "whom", "which", "that", "were", "was", "have", "had", "has", "is", "are",
  "be", "been", "as", "than", "said", "says", "more", "less", "its", "their", "his", "her",
  "this", "these", "those", "per", "across", "since", "after", "before", "during", "while",
  "when", "until", "into", "over", "under", "according", "including", "also", "all",
  "each", "about", "some", "most", "mostly", "other", "others", "such", "plus", "among",
  "between", "against", "within", "without", "around", "near", "via", "up", "down", "out",
  "percent", "cent", "ago", "old", "we", "they", "it", "he", "she", "there", "here",
  "yes", "thus", "always", "perhaps", "unless", "whereas", "besides", "towards",
  "times", "does", "do", "did", "not", "no", "so", "if", "then", "than", "can", "could",
  "will", "would", "may", "might", "must", "should", "shall", "only", "just", "ever",
  "never", "still", "now" }
local IRREG = L { "people", "children", "men", "women", "police", "dead", "staff", "personnel",
  "cattle", "sheep", "fish", "aircraft", "feet", "teeth", "geese", "mice", "youth",
  "wounded", "injured", "missing", "homeless", "displaced", "elderly" }
local AFTERADJ = L { "dead", "wounded", "injured", "missing", "killed", "displaced", "homeless", "elderly" }
local SINGULAR = L { "person", "child", "man", "woman" }
local COUNTNOUN = L { "people", "persons", "deaths", "dead", "children", "civilians", "soldiers", "troops",
  "residents", "homes", "houses", "families", "militants", "workers", "students",
  "cases", "votes", "jobs", "refugees", "migrants", "victims", "patients", "members",
  "employees", "protesters", "prisoners", "hostages", "fighters", "buildings", "cars",
  "vehicles", "tonnes", "tons", "km", "miles", "kilometres", "kilometers", "meters",
  "metres", "feet", "acres", "hectares", "units", "lives", "individuals", "women", "men",
  "dollars", "euros", "pounds", "points", "percent", "times" }
local DECADES = L { "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
  "nineties" }
local MEASURE = L { "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
  "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "kg", "kilogram",
  "tonne", "ton", "acre", "hectare", "storey", "story", "point", "lane", "member",
  "seat", "bed", "page", "game", "match", "man", "person", "nation", "party" }
local MEASUREP_L = { "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
  "miles", "kilometres", "kilometers", "km", "metres", "meters", "feet", "kg", "kilograms",
  "tonnes", "tons", "acres", "hectares", "storeys", "stories", "points", "lanes", "members",
  "seats", "beds", "pages", "games", "matches", "men", "people", "nations", "parties" }
local MEASUREP = L(MEASUREP_L)
local GLUED_L = { "km", "kg", "mm", "cm", "mph", "kph", "ft", "mw", "gw", "kw", "lb", "lbs", "sq" }
local GLUED = L(GLUED_L)
local CURWORD = L { "dollars", "dollar", "euros", "euro", "pounds", "rubles", "roubles", "ruble", "rouble",
  "yuan", "shekels", "rupees", "yen", "francs", "dinars", "hryvnias", "lira" }
local CURLIT = { "dollars", "dollars", "euros", "euros", "pounds", "rubles", "rubles", "rubles", "rubles",
  "yuan", "shekels", "rupees", "yen", "francs", "dinars", "hryvnias", "lira" }

-- hedges, as sequences of words, longest first within a family
local HEDGES = {
  { "no fewer than", H_MORE }, { "no less than", H_MORE }, { "not less than", H_MORE },
  { "no more than", H_LESS }, { "not more than", H_LESS },
  { "slightly more than", H_JUSTOVER }, { "slightly less than", H_NEARLY },
  { "a little over", H_JUSTOVER }, { "a little more than", H_JUSTOVER },
  { "a minimum of", H_MORE }, { "a maximum of", H_LESS },
  { "in excess of", H_MORE }, { "as many as", H_LESS }, { "as much as", H_LESS },
  { "as few as", H_MORE }, { "as little as", H_MORE },
  { "just short of", H_NEARLY }, { "just shy of", H_NEARLY },
  { "more than", H_MORE }, { "greater than", H_MORE }, { "at least", H_MORE },
  { "upwards of", H_MORE }, { "well over", H_MORE }, { "well above", H_MORE },
  { "just over", H_JUSTOVER }, { "just above", H_JUSTOVER },
  { "just under", H_NEARLY }, { "just below", H_NEARLY }, { "close to", H_NEARLY },
  { "an estimated", H_ABOUT }, { "up to", H_LESS }, { "at most", H_LESS },
  { "fewer than", H_LESS }, { "less than", H_LESS },
  { "over", H_MORE }, { "above", H_MORE }, { "exceeding", H_MORE },
  { "nearly", H_NEARLY }, { "almost", H_NEARLY }, { "approaching", H_NEARLY },
  { "about", H_ABOUT }, { "approximately", H_ABOUT }, { "approx", H_ABOUT },
  { "around", H_ABOUT }, { "roughly", H_ABOUT }, { "some", H_ABOUT },
  { "estimated", H_ABOUT }, { "circa", H_ABOUT },
  { "under", H_LESS }, { "below", H_LESS },
  { "exactly", H_EXACT }, { "precisely", H_EXACT },
}
for _, h in ipairs(HEDGES) do
  local w = {}
  for x in h[1]:gmatch("%S+") do w[#w + 1] = x end
  h.name, h.cls, h.w = h[1], h[2], w
end

local VAGUE_NAMES = L { "dozens", "scores", "hundreds", "thousands", "tens of thousands", "hundreds of thousands",
  "millions", "tens of millions", "hundreds of millions", "billions", "several", "a few",
  "a handful", "a couple" }

-- the hedge class of a hedge name as figures gives it (unknown: none)
local function hedge_class(hedge)
  if hedge == nil then return H_NONE end
  for _, h in ipairs(HEDGES) do
    if h.name == hedge then return h.cls end
  end
  if hedge == "between" or hedge == "range" then return H_RANGE end
  if VAGUE_NAMES[hedge] then return H_VAGUE end
  return H_NONE
end

local KIND_NAMES = { [0] = "count", "percent", "money", "age", "ordinal", "measure" }

local FIG_TRIGGERS = L { "a", "an", "billions", "c", "dozens", "eight", "eighteen", "eighteenth", "eighth", "eighty",
  "eleven", "eleventh", "fifteen", "fifteenth", "fifth", "fifty", "first", "five", "forty",
  "four", "fourteen", "fourteenth", "fourth", "half", "hk", "hundreds", "millions", "nine",
  "nineteen", "nineteenth", "ninety", "ninth", "one", "scores", "second", "seven",
  "seventeen", "seventeenth", "seventh", "seventy", "several", "six", "sixteen", "sixteenth",
  "sixth", "sixty", "ten", "tens", "tenth", "third", "thirteen", "thirteenth", "thirty",
  "thousands", "three", "twelfth", "twelve", "twentieth", "twenty", "two", "us", "zero" }
-- first letter, length, last letter of the runs of letters the skip-ahead
-- stops at (the C module's FIG_MASK: the triggers but "a" and "an", and the
-- words that follow "a" in a figure)
local FIG_MASK = {}
for w in pairs(FIG_TRIGGERS) do
  if w ~= "a" and w ~= "an" then FIG_MASK[sub(w, 1, 1) .. #w .. sub(w, -1)] = true end
end
for _, w in ipairs { "billion", "couple", "dozen", "few", "handful", "hundred", "million", "thousand" } do
  FIG_MASK[sub(w, 1, 1) .. #w .. sub(w, -1)] = true
end
local AFTER_A = L { "billion", "couple", "dozen", "few", "handful", "hundred", "million", "thousand", "trillion" }
local HEDGE_LAST = L { "about", "above", "almost", "approaching", "approx", "approximately", "around", "as", "below",
  "circa", "estimated", "exactly", "exceeding", "least", "most", "nearly", "of", "over",
  "precisely", "roughly", "some", "than", "to", "under" }

-- the next byte at or after i that may start a token of interest, or n
local function scan_next(s, n, i)
  while i < n do
    local c = B(s, i)
    local k = CLS[c]
    if k == 3 or k == 4 then i = i + 1
    elseif k == 2 then return i
    elseif k == 1 then
      local j = i + 1
      while j < n and CLS[B(s, j)] == 1 do j = j + 1 end
      local len = j - i
      if len < 16 and FIG_MASK[lower(sub(s, i + 1, i + 1)) .. len .. lower(sub(s, j, j))] then return i end
      i = j
    else
      if c == 36 then return i end
      if c == 0xC2 and i + 1 < n and (B(s, i + 1) == 0xA3 or B(s, i + 1) == 0xA5) then return i end
      if c == 0xE2 and i + 2 < n and B(s, i + 1) == 0x82 and B(s, i + 2) == 0xAC then return i end
      i = i + 1
    end
  end
  return n
end

local function scan_restart(s, tokpos, c, window)
  if c - tokpos <= window then return tokpos end
  for i = c - window, c - 1 do
    local d = B(s, i)
    if d == 32 or d == 10 or d == 9 or d == 13 then return i end
  end
  return tokpos
end

-- ------------------------------------------------------------ the window

local HIST, LA_MAX, RING = 8, 32, 10
local ENDTOK = { s = 0, e = 0, type = T_END, gap = true, nl = false, p = false }

-- reader: r.s, r.n, r.hist (ring, 0-based index % RING), r.nhist, r.la
-- (array 1..), r.nla, r.lapos, r.floor; r.hmax and r.lamax bound how far
-- H and LA reach (the dates reader uses the same window with its own bounds)
local function LA(r, i)
  if i >= r.lamax then return ENDTOK end
  local la = r.la
  while r.nla <= i do
    local t = tok_next(r.s, r.n, r.lapos)
    r.lapos = t.e
    r.nla = r.nla + 1
    la[r.nla] = t
  end
  return la[i + 1]
end

local function H(r, k)
  if k == 0 or k > r.hmax or k > r.nhist then return nil end
  return r.hist[(r.nhist - k) % RING]
end

local function consume(r, k)
  LA(r, k - 1)
  local la = r.la
  for i = 1, k do
    r.hist[r.nhist % RING] = la[i]
    r.nhist = r.nhist + 1
  end
  local nla = r.nla
  for i = 1, nla - k do la[i] = la[i + k] end
  for i = nla - k + 1, nla do la[i] = nil end
  r.nla = nla - k
end

-- put the window at a candidate c, the tokens read so far ending at tokpos
-- (nc_ftwin_seek): the first token ending after c, T_END when none
local function seek(r, tokpos, c)
  local from = scan_restart(r.s, tokpos, c, 256)
  if from ~= tokpos then r.nhist = 0 end
  r.la = {}; r.nla = 0; r.lapos = from
  while true do
    local t = LA(r, 0)
    if t.type == T_END or t.e > c then return t end
    consume(r, 1)
  end
end

local function is_w(r, i, w)
  local t = LA(r, i)
  return t.type == T_WORD and wtext(r.s, t) == w
end
local function is_p(r, i, c)
  local t = LA(r, i)
  return t.type == T_PUNCT and t.p == c
end
local function in_l(r, i, list) return tok_in(r.s, LA(r, i), list) end
local function h_w(r, k, w)
  local t = H(r, k)
  return t ~= nil and t.type == T_WORD and wtext(r.s, t) == w
end

local function is_upper_start(s, t)
  local c = B(s, t.s)
  return (c >= 65 and c <= 90) or c >= 0xC0
end

-- ---------------------------------------------------------------- numbers

local function parse_digits(s, t)
  local x, f = 0.0, 0.1
  local dots, commas, group, dec, dig = 0, 0, -1, 0, 0
  for i = t.s, t.e - 1 do
    local c = B(s, i)
    if c == 44 then
      if dots > 0 or (group >= 0 and group ~= 3) or (group < 0 and dig > 3) then return nil end
      commas = commas + 1; group = 0
    elseif c == 46 then
      if dots > 0 or (commas > 0 and group ~= 3) then return nil end
      dots = dots + 1
    else
      if dots > 0 then x = x + (c - 48) * f; f = f / 10; dec = dec + 1
      else
        x = x * 10 + (c - 48); dig = dig + 1
        if group >= 0 then group = group + 1 end
      end
    end
  end
  if commas > 0 and group ~= 3 then return nil end
  return x, dec, dig, commas
end

local function pow10i(k)
  local p = 1.0
  while k > 0 do p = p * 10; k = k - 1 end
  return p
end

local function bare_half(v, half_dec, isint)
  if not isint then return half_dec end
  if v < 100 or v > 1e15 then return 0 end
  local step, k = 1.0, 0
  while k < 15 and fmod(v, step * 10) == 0 do step = step * 10; k = k + 1 end
  if k == 0 then return 0 end
  local h = step / 2
  if h > v / 10 then h = v / 10 end
  return h
end

local function newnum()
  return { v = 0, half = 0, ntok = 0, digits = false, plain4 = false, isint = false, ordinal = false,
           glued = 0, currency = 0, percent = false, scaled = false, scale = 0 }
end

local function parse_words(r, i)
  local out = newnum()
  local total, cur, scale = 0.0, 0.0, 1.0
  local j, any, last, k = i, false, 0, 0
  if is_w(r, j, "half") and is_w(r, j + 1, "a") then
    k = in_l(r, j + 2, SCALES)
    if k > 0 and k <= 5 then
      out.v = 0.5 * SCALEV[k]
      out.isint = true
      out.ntok = 3
      out.scale = SCALEV[k]
      out.scaled = true
      return out
    end
  end
  if (is_w(r, j, "a") or is_w(r, j, "an")) and (in_l(r, j + 1, SCALES) > 0 or is_w(r, j + 1, "dozen")) then
    cur = 1.0; any = true; j = j + 1; last = 1
  end
  while true do
    k = in_l(r, j, SMALL)
    local k2 = k == 0 and in_l(r, j, TENS) or 0
    if k > 0 then
      local v = k - 1
      if not any or last == 3 then cur = cur + v
      elseif last == 2 and v >= 1 and v <= 9 then cur = cur + v
      else break end
      any = true; last = 1; j = j + 1
    elseif k2 > 0 then
      if any and last ~= 3 then break end
      cur = cur + (k2 + 1) * 10; any = true; last = 2; j = j + 1
    else
      if not any then break end
      local k3
      if last == 2 and is_p(r, j, "-") and not LA(r, j).gap and not LA(r, j + 1).gap then
        k3 = in_l(r, j + 1, SMALL)
      end
      if k3 and k3 >= 2 and k3 <= 10 then
        cur = cur + k3 - 1; last = 1; j = j + 2
      elseif is_w(r, j, "hundred") and last ~= 3 and cur < 100 then
        cur = cur * 100; last = 3; j = j + 1
        if scale < 100 then scale = 100 end
      elseif is_w(r, j, "dozen") and last == 1 then
        cur = cur * 12; j = j + 1
        break
      else
        k = in_l(r, j, SCALES)
        if k > 1 and k <= 5 and cur > 0 then
          total = total + cur * SCALEV[k]; cur = 0; last = 3; j = j + 1
          if scale < SCALEV[k] then scale = SCALEV[k] end
        elseif is_w(r, j, "and") and last == 3 and (in_l(r, j + 1, SMALL) > 1 or in_l(r, j + 1, TENS) > 0) then
          j = j + 1
        else
          break
        end
      end
    end
  end
  if not any or j == i then return nil end
  out.v = total + cur
  out.isint = true
  out.ntok = j - i
  out.scale = scale
  out.scaled = scale > 100
  return out
end

local ORDS = L { "st", "nd", "rd", "th" }
local SFX = L { "m", "mn", "bn", "b", "k", "tn", "trn" }
local SFXV = { 1e6, 1e6, 1e9, 1e9, 1e3, 1e12, 1e12 }

local function parse_num(r, i)
  local t = LA(r, i)
  local j = i + 1
  if t.type ~= T_NUM then return parse_words(r, i) end
  local s = r.s
  if t.e - t.s > 1 and B(s, t.s) == 48 and B(s, t.s + 1) ~= 46 then return nil end
  local v, ndec, ndig, seps = parse_digits(s, t)
  if not v then return nil end
  local out = newnum()
  out.digits = true
  out.scale = 1
  out.isint = (ndec == 0)
  out.plain4 = (ndec == 0 and seps == 0 and ndig == 4)
  out.half = ndec > 0 and 0.5 / pow10i(ndec) or 0
  local nx = LA(r, j)
  local k
  if nx.type == T_WORD and not nx.gap then
    if tok_in(s, nx, ORDS) > 0 and ndec == 0 then out.ordinal = true; j = j + 1
    else
      k = tok_in(s, nx, SFX)
      if k > 0 then
        v = v * SFXV[k]; out.half = out.half * SFXV[k]; out.scale = SFXV[k]; out.scaled = true; j = j + 1
        if ndec > 0 then out.isint = false end
      else
        k = tok_in(s, nx, GLUED)
        if k > 0 then out.glued = k; j = j + 1
        elseif tok_is(s, nx, "pc") then out.percent = true; j = j + 1
        else return nil end
      end
    end
  end
  if not out.ordinal and not out.scaled then
    k = in_l(r, j, SCALES)
    if k > 0 then
      v = v * SCALEV[k]; out.half = out.half * SCALEV[k]; out.scale = SCALEV[k]; out.scaled = true; j = j + 1
      if ndec > 0 then out.isint = false end
    end
  end
  out.v = v
  out.ntok = j - i
  return out
end

-- ------------------------------------------------------------------ units

-- c | 0x20
local function lo20(c) if c % 64 >= 32 then return c end return c + 32 end

local function plural_like(s, t)
  if tok_in(s, t, IRREG) > 0 then return true end
  local len = t.e - t.s
  if len < 3 then return false end
  local a, b = lo20(B(s, t.e - 1)), lo20(B(s, t.e - 2))
  if a ~= 115 then return false end
  if b == 115 or b == 117 or b == 39 then return false end
  if b == 105 and not (len > 5 and B(s, t.s) >= 65 and B(s, t.s) <= 90) then return false end
  return tok_in(s, t, STOP) == 0
end

local function verbish(s, t)
  local len = t.e - t.s
  local e = t.e
  if len > 4 and lo20(B(s, e - 2)) == 101 and lo20(B(s, e - 1)) == 100 then return true end
  if len > 4 and lo20(B(s, e - 2)) == 108 and lo20(B(s, e - 1)) == 121 then return true end
  if len > 5 and lo20(B(s, e - 3)) == 105 and lo20(B(s, e - 2)) == 110 and lo20(B(s, e - 1)) == 103 then
    return true
  end
  return false
end

-- unit words after la[j]: the look-ahead index after the unit (j when none), span
local function read_unit(r, j, one)
  local first = -1
  local s = r.s
  for k = 0, 2 do
    local t = LA(r, j + k)
    if t.type ~= T_WORD or (k == 0 and not t.gap) then break end
    if tok_in(s, t, STOP) > 0 then break end
    if first < 0 then first = j + k end
    if plural_like(s, t) then
      local t2 = LA(r, j + k + 1)
      if k < 2 and t2.type == T_WORD and t2.gap and plural_like(s, t2) and tok_in(s, t2, AFTERADJ) == 0 then
        t = t2; k = k + 1
      end
      return j + k + 1, t.s, t.e
    end
    if k == 0 and tok_in(s, t, GLUED) > 0 then return j + 1, t.s, t.e end
    if is_p(r, j + k + 1, "-") then break end
  end
  if first >= 0 and one and verbish(s, LA(r, first)) then first = -1 end
  if first >= 0 and (one or tok_in(s, LA(r, first), SINGULAR) > 0) then
    local t = LA(r, first)
    return first + 1, t.s, t.e
  end
  return j
end

-- a unit from the words before the figure: literal, or nil and a span
local function unit_before(r)
  for k = 1, HIST do
    local t = H(r, k)
    if not t then break end
    if t.type == T_PUNCT and (t.p == "." or t.p == ";" or t.p == "!" or t.p == "?") then break end
    if t.type == T_WORD then
      if tok_is(r.s, t, "toll") then return "deaths" end
      if k >= 3 and tok_is(r.s, t, "number") and h_w(r, k - 1, "of") and
         H(r, k - 2).type == T_WORD and tok_in(r.s, H(r, k - 2), STOP) == 0 then
        return nil, H(r, k - 2).s, H(r, k - 2).e
      end
    end
  end
  return nil
end

-- ----------------------------------------------------------------- hedges

-- the longest hedge ending just before la[skip]; and the history depth of its first word
local function hedge_before(r, skip)
  local t = H(r, skip + 1)
  if not t or tok_in(r.s, t, HEDGE_LAST) == 0 then return nil, skip end
  local best, bestlen = nil, 0
  for _, h in ipairs(HEDGES) do
    local len = #h.w
    local m = 0
    while m < len and h_w(r, skip + len - m, h.w[m + 1]) do m = m + 1 end
    if m == len and len > bestlen then best = h; bestlen = len end
  end
  local depth = skip + bestlen
  if best and H(r, depth).s < r.floor then return nil, skip end
  return best, depth
end

-- ----------------------------------------------------------------- reader

local function set_range(f, v, half, cls)
  local lo, hi = v - half, v + half
  if cls == H_EXACT then lo = v; hi = v
  elseif cls == H_ABOUT then
    if v * 0.9 < lo then lo = v * 0.9 end
    if v * 1.1 > hi then hi = v * 1.1 end
  elseif cls == H_NEARLY then
    if v * 0.9 < lo then lo = v * 0.9 end
    hi = v
  elseif cls == H_JUSTOVER then
    lo = v
    if v * 1.1 > hi then hi = v * 1.1 end
  elseif cls == H_MORE then lo = v; hi = HUGE
  elseif cls == H_LESS then lo = 0; hi = v end
  f.value = v; f.low = lo; f.high = hi
end

local V = {
  { { "hundreds", "of", "thousands" }, "hundreds of thousands", 2e5, 999999 },
  { { "tens", "of", "thousands" }, "tens of thousands", 2e4, 99999 },
  { { "hundreds", "of", "millions" }, "hundreds of millions", 2e8, 999999999 },
  { { "tens", "of", "millions" }, "tens of millions", 2e7, 99999999 },
  { { "a", "couple", "of" }, "a couple", 2, 3 },
  { { "a", "handful", "of" }, "a handful", 2, 6 },
  { { "scores", "of" }, "scores", 40, 99 },
  { { "dozens" }, "dozens", 24, 99 },
  { { "hundreds" }, "hundreds", 200, 999 },
  { { "thousands" }, "thousands", 2000, 9999 },
  { { "millions" }, "millions", 2e6, 999999999 },
  { { "billions" }, "billions", 2e9, 999999999999.0 },
  { { "several" }, "several", 3, 9 },
  { { "a", "few" }, "a few", 2, 5 },
}

-- vague quantities at la[0]: tokens used, or nil
local function vague(r, f)
  for _, d in ipairs(V) do
    local w = d[1]
    local m = 0
    while m < #w and is_w(r, m, w[m + 1]) do m = m + 1 end
    if m == #w then
      local lo, hi = d[3] * 1.0, d[4] * 1.0
      local sk = d[3] < 10 and in_l(r, m, SCALES) or 0
      local ok = true
      if d[3] < 10 and sk > 0 and sk <= 5 then
        lo = lo * SCALEV[sk]; hi = hi * SCALEV[sk]; m = m + 1
      elseif d[3] < 10 and not LA(r, m).gap then
        ok = false
      end
      if ok then
        f.hedge = d[2]
        f.hclass = H_VAGUE
        f.value = lo; f.low = lo; f.high = hi
        return m
      end
    end
  end
  return nil
end

local PRON = L { "no", "any", "every", "each", "some", "the", "this", "that", "which", "other",
  "another", "only", "at", "as", "for", "like" }
local GLUEP = { ["/"] = true, ["#"] = true, ["@"] = true, ["_"] = true, ["."] = true, [":"] = true,
  ["&"] = true, ["+"] = true, ["="] = true, ["\\"] = true, ["*"] = true, ["^"] = true }
local AGEEND = { [","] = true, ["."] = true, [";"] = true, [")"] = true }

local function newfig()
  return { s = 0, e = 0, value = 0, low = 0, high = 0, kind = K_COUNT, hclass = H_NONE,
           hedge = "none", unit_lit = nil, us = 0, ue = 0 }
end

-- try to read a figure at la[0]: tokens used (0: none)
local function read_figure(r, f)
  local s = r.s
  local t0, p1 = LA(r, 0), H(r, 1)
  local j, cur, k, have_b, rng = 0, nil, 0, false, 0
  local depth, us, ue = 0, 0, 0
  local hd, a, b

  if t0.type == T_PUNCT then
    local p = t0.p
    if p == "$" then cur = "D" elseif p == "E" then cur = "E" elseif p == "L" then cur = "L"
    elseif p == "Y" then cur = "Y" else return 0 end
    if LA(r, 1).type ~= T_NUM then return 0 end
    j = 1
  elseif t0.type == T_WORD then
    local w = wtext(s, t0)
    if (w == "us" or w == "a" or w == "c" or w == "hk") and is_p(r, 1, "$") and not LA(r, 1).gap and
       LA(r, 2).type == T_NUM then
      cur = "D"; j = 2
    end
  end

  if not cur and t0.type == T_WORD then
    local used = vague(r, f)
    if used then
      local s0 = t0.s
      hd, depth = hedge_before(r, 0)
      if hd and hd.cls ~= H_ABOUT then
        if hd.cls == H_MORE then f.high = HUGE
        elseif hd.cls == H_LESS then f.low = 0 end
      end
      if hd then s0 = H(r, depth).s end
      if is_w(r, used, "of") then
        local k2, a2, b2 = read_unit(r, used + 1, false)
        if k2 > used + 1 then used = k2; us, ue = a2, b2 end
      else
        local k2, a2, b2 = read_unit(r, used, false)
        if k2 == used and f.value < 10 then return 0 end
        if k2 > used then us, ue = a2, b2 end
        used = k2
      end
      if hd then f.hedge = hd.name end
      f.s = s0
      f.e = LA(r, used - 1).e
      f.kind = K_COUNT
      f.us, f.ue = us, ue
      if ue > us then
        k = tok_in(s, LA(r, used - 1), CURWORD)
        if k > 0 then f.kind = K_MONEY; f.unit_lit = CURLIT[k] end
      end
      return used
    end
    k = tok_in(s, t0, ORDW)
    if k > 0 then
      if is_w(r, 1, "of") and in_l(r, 2, MONTHS) > 0 then return 0 end
      f.kind = K_ORDINAL
      f.value = k; f.low = k; f.high = k
      f.s = t0.s; f.e = t0.e
      local _, a2, b2 = read_unit(r, 1, true)
      f.us, f.ue = a2 or 0, b2 or 0
      return 1
    end
  end

  a = parse_num(r, j)
  if not a then return 0 end
  j = j + a.ntok

  if a.digits and not t0.gap and p1 and not cur then
    if p1.type == T_WORD or p1.type == T_NUM or p1.type == T_URL then return 0 end
    if p1.type == T_PUNCT and GLUEP[p1.p] then return 0 end
    if p1.type == T_PUNCT and p1.p == "-" then
      local p2 = H(r, 2)
      if p2 and not p1.gap and (p2.type == T_WORD or p2.type == T_NUM) then return 0 end
    end
  end
  if a.digits and not LA(r, j).gap and (is_p(r, j, ":") or is_p(r, j, "/")) and
     LA(r, j + 1).type == T_NUM and not LA(r, j + 1).gap then return 0 end
  if a.digits and p1 and p1.type == T_PUNCT and p1.p == "-" and H(r, 2) and H(r, 2).type == T_NUM then
    return 0
  end
  if a.digits and ((is_p(r, j, "/") and LA(r, j + 1).type == T_NUM) or
                   (p1 and p1.type == T_PUNCT and p1.p == "/" and H(r, 2) and H(r, 2).type == T_NUM)) then
    return 0
  end

  if a.digits and not cur then
    if p1 and tok_in(s, p1, MONTHS) > 0 then return 0 end
    if p1 and p1.p == "." and H(r, 2) and tok_in(s, H(r, 2), MONTHS) > 0 then return 0 end
    if a.ntok == 1 and in_l(r, 1, MONTHS) > 0 then return 0 end
    if a.ntok == 1 and is_w(r, 1, "of") and in_l(r, 2, MONTHS) > 0 then return 0 end
    if a.plain4 and a.v >= 1000 and a.v <= 2100 and a.glued == 0 then
      if in_l(r, j, COUNTNOUN) == 0 and not hedge_before(r, 0) then return 0 end
    end
    if a.isint and a.ntok == 1 and a.v >= 1 and a.v <= 120 and p1 and p1.type == T_PUNCT and
       p1.p == "," and t0.gap and H(r, 2) and H(r, 2).type == T_WORD and
       (is_upper_start(s, H(r, 2)) or tok_in(s, H(r, 2), STOP) == 0) and
       tok_in(s, H(r, 2), MONTHS) == 0 then
      local nx = LA(r, 1)
      if nx.type == T_END or (nx.type == T_PUNCT and AGEEND[nx.p]) or
         (nx.type == T_WORD and (tok_is(s, nx, "and") or tok_is(s, nx, "said") or tok_is(s, nx, "who"))) then
        f.kind = K_AGE
        f.value = a.v; f.low = a.v; f.high = a.v
        f.unit_lit = "years old"
        f.s = t0.s; f.e = t0.e
        return 1
      end
    end
  end
  if a.ordinal then
    if in_l(r, j, MONTHS) > 0 or (is_w(r, j, "of") and in_l(r, j + 1, MONTHS) > 0) then return 0 end
    if p1 and tok_in(s, p1, MONTHS) > 0 then return 0 end
    f.kind = K_ORDINAL
    f.value = a.v; f.low = a.v; f.high = a.v
    f.s = t0.s; f.e = LA(r, j - 1).e
    local _, a2, b2 = read_unit(r, j, true)
    f.us, f.ue = a2 or 0, b2 or 0
    return j
  end
  if not a.digits and a.v == 1 and a.ntok == 1 and not cur then
    if p1 and tok_in(s, p1, PRON) > 0 then return 0 end
    k = read_unit(r, j, true)
    if k == j then return 0 end
  end

  hd, depth = hedge_before(r, 0)
  f.s = hd and H(r, depth).s or LA(r, 0).s
  if not hd and h_w(r, 1, "between") and H(r, 1).s >= r.floor then rng = 2; f.s = H(r, 1).s end

  do
    local sep, pj = false, j
    if is_p(r, j, "%") and (is_p(r, j + 1, "-") or is_w(r, j + 1, "to")) and
       LA(r, j + 2).type == T_NUM and is_p(r, j + 3, "%") then pj = j + 1 end
    if is_p(r, pj, "-") then sep = true
    elseif is_w(r, pj, "to") and not h_w(r, 1, "from") then sep = true
    elseif rng == 2 and is_w(r, pj, "and") then sep = true
    elseif is_w(r, pj, "or") and not a.digits then sep = true end
    if sep then
      local jb = pj + 1
      if cur and (is_p(r, jb, "$") or is_p(r, jb, "E") or is_p(r, jb, "L")) then jb = jb + 1 end
      if LA(r, jb).type == T_NUM or (not a.digits and LA(r, jb).type == T_WORD) then
        b = parse_num(r, jb)
        if b and not b.ordinal and a.digits == b.digits and
           not (b.digits and b.plain4 and b.v >= 1000 and b.v <= 2100 and
                in_l(r, jb + b.ntok, COUNTNOUN) == 0) then
          local sa = a.v
          if b.scaled and not a.scaled and a.v < b.v / b.scale then sa = a.v * b.scale end
          if sa < b.v then
            have_b = true
            a.v = sa
            j = jb + b.ntok
          end
        end
      end
    end
  end
  if rng == 2 and not have_b then rng = 0; f.s = hd and H(r, depth).s or LA(r, 0).s end

  do
    local pct = a.percent and 1 or 0
    if is_p(r, j, "%") then pct = 1; j = j + 1
    elseif is_w(r, j, "percent") or is_w(r, j, "pct") then pct = 1; j = j + 1
    elseif is_w(r, j, "per") and is_w(r, j + 1, "cent") then pct = 1; j = j + 2
    elseif is_w(r, j, "percentage") and (is_w(r, j + 1, "points") or is_w(r, j + 1, "point")) then
      pct = 2; j = j + 2
    end
    if pct > 0 then
      f.kind = K_PERCENT
      f.unit_lit = pct == 2 and "percentage points" or "percent"
    end
  end

  if f.kind == K_COUNT and not have_b and a.isint and a.v <= 130 then
    if is_p(r, j, "-") and (is_w(r, j + 1, "year") or is_w(r, j + 1, "years")) and
       is_p(r, j + 2, "-") and is_w(r, j + 3, "old") then
      j = j + 4; f.kind = K_AGE
    elseif (is_w(r, j, "year") or is_w(r, j, "years")) and is_w(r, j + 1, "old") then
      j = j + 2; f.kind = K_AGE
    elseif not hd and (h_w(r, 1, "aged") or h_w(r, 1, "age")) then
      f.kind = K_AGE
    end
    if f.kind == K_AGE then
      f.unit_lit = "years old"
      f.value = a.v; f.low = a.v; f.high = a.v
      f.e = LA(r, j - 1).e
      if hd then
        f.hedge = hd.name; f.hclass = hd.cls; set_range(f, a.v, 0.5, hd.cls)
        if hd.cls == H_NONE then f.low = a.v; f.high = a.v end
      end
      return j
    end
  end

  local km = 0
  if f.kind == K_COUNT and not have_b and is_p(r, j, "-") then
    km = in_l(r, j + 1, MEASURE)
    if km == 0 then km = in_l(r, j + 1, MEASUREP) end
  end
  if km > 0 then
    f.kind = K_MEASURE
    f.unit_lit = MEASUREP_L[km]
    j = j + 2
  elseif f.kind == K_COUNT and not have_b and is_p(r, j, "-") and
         (not LA(r, j).gap or LA(r, j + 1).type == T_WORD) then
    return 0
  elseif f.kind == K_COUNT and not have_b then
    k = in_l(r, j, MEASURE)
    if k > 0 and k <= 22 and LA(r, j).gap and not (a.v == 1 and not a.digits) then
      f.kind = K_MEASURE
      f.unit_lit = MEASUREP_L[k]
      j = j + 1
    end
  end
  if f.kind == K_COUNT and a.v <= 24 and (is_w(r, j, "am") or is_w(r, j, "pm") or
      ((is_w(r, j, "a") or is_w(r, j, "p")) and is_p(r, j + 1, ".") and is_w(r, j + 2, "m"))) then
    return 0
  end

  if cur then
    f.kind = K_MONEY
    f.unit_lit = cur == "D" and "dollars" or cur == "E" and "euros" or cur == "L" and "pounds" or "yen"
  elseif f.kind == K_COUNT then
    k = in_l(r, j, CURWORD)
    if k > 0 then
      f.kind = K_MONEY
      f.unit_lit = CURLIT[k]
      j = j + 1
    end
  end
  if a.glued > 0 then
    f.kind = K_MEASURE
    f.unit_lit = GLUED_L[a.glued]
  end

  if not f.unit_lit then
    local one = (a.v == 1 and not have_b)
    local k2, a2, b2 = read_unit(r, j, one)
    if k2 > j and tok_in(s, LA(r, k2 - 1), DECADES) > 0 then return 0 end
    if k2 > j then
      local ut = LA(r, k2 - 1)
      local mk = tok_in(s, ut, MEASUREP)
      j = k2
      f.us, f.ue = a2, b2
      local ms = tok_in(s, ut, MEASURE)
      if (mk > 0 and mk <= 22) or (ms > 0 and ms <= 22) or tok_in(s, ut, GLUED) > 0 then
        f.kind = K_MEASURE
      end
    else
      local lit, a3, b3 = unit_before(r)
      f.unit_lit = lit
      if a3 then f.us, f.ue = a3, b3 end
      if not f.unit_lit and f.ue == f.us and (is_w(r, j, "of") or is_w(r, j, "in")) and not a.digits and
         a.v < 10 and not have_b and not hd then
        return 0
      end
    end
  end

  if hd then f.hedge = hd.name; f.hclass = hd.cls end
  if have_b then
    f.hedge = rng == 2 and "between" or "range"
    f.hclass = H_RANGE
    f.low = a.v; f.high = b.v
    f.value = (f.low + f.high) / 2
  else
    local half = bare_half(a.v, a.half, a.isint)
    if not a.digits and not a.scaled and a.v < 1000 then
      half = (a.v >= 100) and bare_half(a.v, 0, true) or 0
    end
    set_range(f, a.v, half, f.hclass)
  end
  if f.kind == K_PERCENT and f.high > 100 and f.value <= 100 and f.hclass == H_MORE then f.high = 100 end
  f.e = LA(r, j - 1).e
  return j
end

-- the figures of s (0-based spans), as engine records
local function scan(s)
  local n = #s
  local out = {}
  local r = { s = s, n = n, hist = {}, nhist = 0, la = {}, nla = 0, lapos = 0, floor = 0,
              hmax = HIST, lamax = LA_MAX }
  local pos, tokpos = 0, 0
  while true do
    local c = scan_next(s, n, pos)
    if c >= n then break end
    local t = seek(r, tokpos, c)
    if t.type == T_END then break end
    local skip = false
    if t.s ~= c then
      consume(r, 1)
      pos = H(r, 1).e; tokpos = pos
      skip = true
    end
    if not skip then
      local fail, try_it, used = 1, true, 0
      if t.type == T_WORD and r.nhist >= 1 and (h_w(r, 1, "a") or h_w(r, 1, "an")) and
         AFTER_A[wtext(s, t)] and t.e - t.s < 16 then
        r.lapos = H(r, 1).s
        r.nhist = r.nhist - 1; r.la = {}; r.nla = 0
        t = LA(r, 0)
        fail = 2
      end
      if t.type == T_WORD then
        local w = wtext(s, t)
        try_it = FIG_TRIGGERS[w] ~= nil
        if try_it and (w == "a" or w == "an") then
          local t1 = LA(r, 1)
          try_it = t1.type == T_WORD and AFTER_A[wtext(s, t1)] ~= nil
        elseif try_it and (w == "us" or w == "c" or w == "hk") then
          try_it = LA(r, 1).type == T_PUNCT and LA(r, 1).p == "$"
        end
      elseif t.type == T_PUNCT then
        try_it = (t.p == "$" or t.p == "E" or t.p == "L" or t.p == "Y")
      elseif t.type ~= T_NUM then
        try_it = false
      end
      local f = newfig()
      if try_it then used = read_figure(r, f) end
      if used > 0 then
        out[#out + 1] = f
        r.floor = f.e
        consume(r, used)
      else
        consume(r, fail)
      end
      while H(r, 1).e <= c do consume(r, 1) end
      pos = H(r, 1).e; tokpos = pos
    end
  end
  return out
end
M._scan = scan

-- the scanner and the window, shared with newsc.pure.dates
M._shared = {
  tok_next = tok_next, wtext = wtext, tok_is = tok_is, L = L, tok_in = tok_in, B = B, CLS = CLS,
  lo20 = lo20, LA = LA, H = H, consume = consume, seek = seek,
  T_END = T_END, T_WORD = T_WORD, T_NUM = T_NUM, T_PUNCT = T_PUNCT, T_URL = T_URL,
}

-- ------------------------------------------------------------ Lua side

local function argerr(fname, k, msg) error(("bad argument #%d to '%s' (%s)"):format(k, fname, msg), 0) end

local function checkstring(fname, k, v, given)
  if type(v) == "number" then return tostring(v) end
  if type(v) ~= "string" then
    argerr(fname, k, "string expected, got " .. (given and type(v) or "no value"))
  end
  return v
end

-- the `invalid` option of argument k
local function optinvalid(fname, k, opts)
  if opts == nil then return "error" end
  if type(opts) ~= "table" then argerr(fname, k, "table expected, got " .. type(opts)) end
  local inv = opts.invalid
  if inv == nil then return "error" end
  if type(inv) ~= "string" then argerr(fname, k, "option 'invalid' must be a string, got " .. type(inv)) end
  if inv ~= "error" and inv ~= "replace" then
    argerr(fname, k, ("option 'invalid' must be \"error\" or \"replace\", got \"%s\""):format(inv))
  end
  return inv
end
M._optinvalid = optinvalid
M._argerr = argerr
M._checkstring = checkstring

-- integral values as integers (64, not 64.0), others as floats
local function num(v)
  local r = floor(v + 0.5)
  if abs(v - r) <= 1e-9 * abs(v) then v = r end
  if v == floor(v) and abs(v) < 9007199254740992.0 then
    if tointeger then return tointeger(v) end
    return v
  end
  return v + 0.0
end

--- `figures(s [, opts])`: every figure of `s`, an array of
-- {text=, value=, low=, high=, hedge=, unit=, kind=, start=, stop=}, or
-- nil, "invalid UTF-8 at byte N". opts.invalid = "error" | "replace".
function M.figures(...)
  local s, opts = ...
  s = checkstring("figures", 1, s, select("#", ...) > 0)
  local inv = optinvalid("figures", 2, opts)
  if inv == "error" then
    local bad = ucd.check(s)
    if bad then return nil, "invalid UTF-8 at byte " .. bad end
  end
  local res = {}
  for i, f in ipairs(scan(s)) do
    local unit = f.unit_lit
    if not unit and f.ue > f.us then unit = sub(s, f.us + 1, f.ue) end
    res[i] = {
      text = sub(s, f.s + 1, f.e), value = num(f.value), low = num(f.low), high = num(f.high),
      hedge = f.hedge or "none", unit = unit, kind = KIND_NAMES[f.kind], start = f.s + 1, stop = f.e,
    }
  end
  return res
end

-- ------------------------------------------------------------ comparison

local function likely(f)
  local lo, hi = f.low, f.high
  if f.hclass == H_MORE then
    local cap = f.value * 1.5
    if f.kind == K_PERCENT and cap > 100 then cap = 100 end
    if cap < lo then cap = lo end
    hi = cap
  elseif f.hclass == H_LESS then
    lo = f.value * 0.5
  end
  return lo, hi
end

local function fmt_num(v)
  if v == HUGE then return "inf" end
  if v == floor(v) and abs(v) < 1e15 then return format("%.0f", v) end
  return format("%.6g", v)
end

local function fig_compare(a, b)
  local eps = 1e-9 * (abs(a.value) + abs(b.value) + 1)
  local a1, a2, b1, b2 = fmt_num(a.low), fmt_num(a.high), fmt_num(b.low), fmt_num(b.high)
  local why
  if a.low > b.high + eps or b.low > a.high + eps then
    local gap = a.low > b.high and a.low - b.high or b.low - a.high
    local big = a.low > b.high and a.low or b.low
    if gap <= 0.02 * abs(big) then
      why = ("ranges %s-%s and %s-%s miss each other by %s (2%% or less)"):format(a1, a2, b1, b2, fmt_num(gap))
      return "tension", sub(why, 1, 255)
    end
    return "conflict", sub(("ranges %s-%s and %s-%s do not overlap"):format(a1, a2, b1, b2), 1, 255)
  end
  local alo, ahi = likely(a)
  local blo, bhi = likely(b)
  if alo <= bhi + eps and blo <= ahi + eps then
    return "consistent", sub(("ranges %s-%s and %s-%s overlap"):format(a1, a2, b1, b2), 1, 255)
  end
  why = ("ranges %s-%s and %s-%s overlap only beyond the likely readings %s-%s and %s-%s"):format(
    a1, a2, b1, b2, fmt_num(alo), fmt_num(ahi), fmt_num(blo), fmt_num(bhi))
  return "tension", sub(why, 1, 255)
end

local function get_figure(arg, k)
  if type(arg) == "string" then
    local figs = scan(arg)
    if #figs == 0 then return nil, ("no figure in argument #%d"):format(k) end
    return figs[1]
  end
  if type(arg) ~= "table" then argerr("compare", k, "a figure table or a string expected") end
  local f = { kind = K_COUNT, hclass = H_NONE }
  if type(arg.value) ~= "number" then argerr("compare", k, "field 'value' must be a number") end
  f.value = arg.value
  f.low = type(arg.low) == "number" and arg.low or f.value
  f.high = type(arg.high) == "number" and arg.high or f.value
  if f.low > f.high then argerr("compare", k, "field 'low' is greater than field 'high'") end
  f.hclass = type(arg.hedge) == "string" and hedge_class(arg.hedge) or H_NONE
  if arg.kind == "percent" then f.kind = K_PERCENT end
  return f
end

--- `compare(a, b)`: "consistent", "tension" or "conflict" and the reason, or
-- nil, message. a, b: figure tables or strings (their first figure).
function M.compare(...)
  local a, b = ...
  if type(a) ~= "string" and type(a) ~= "table" then argerr("compare", 1, "a figure table or a string expected") end
  if type(b) ~= "string" and type(b) ~= "table" then argerr("compare", 2, "a figure table or a string expected") end
  local fa, ea = get_figure(a, 1)
  if not fa then return nil, ea end
  local fb, eb = get_figure(b, 2)
  if not fb then return nil, eb end
  return fig_compare(fa, fb)
end

return M
