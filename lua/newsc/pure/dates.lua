--- Dates in pure Lua: `dates`, a line-by-line port of csrc/dates.c (the
-- date reader over the scanner of newsc.pure.figures) with the same
-- results. Days are counted from 1970-01-01 (day 0), proleptic Gregorian;
-- weekdays are 0 = Monday .. 6 = Sunday.
-- @module newsc.pure.dates

local ucd = require "newsc.pure.ucd"
local F = require "newsc.pure.figures"
local S = F._shared
local sub, format = string.sub, string.format
local floor, ceil = math.floor, math.ceil

local tok_next, wtext, tok_is, L, tok_in, B = S.tok_next, S.wtext, S.tok_is, S.L, S.tok_in, S.B
local CLS, seek, lo20 = S.CLS, S.seek, S.lo20
local T_END, T_WORD, T_NUM, T_PUNCT = S.T_END, S.T_WORD, S.T_NUM, S.T_PUNCT

local M = {}

-- ---------------------------------------------------------------- calendar

-- integer division truncating toward zero, as C's
local function idiv(a, b)
  local q = a / b
  if q >= 0 then return floor(q) end
  return ceil(q)
end

local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = idiv(y >= 0 and y or y - 399, 400)
  local yoe = y - era * 400
  local doy = idiv(153 * (m + (m > 2 and -3 or 9)) + 2, 5) + d - 1
  local doe = yoe * 365 + idiv(yoe, 4) - idiv(yoe, 100) + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = idiv(z >= 0 and z or z - 146096, 146097)
  local doe = z - era * 146097
  local yoe = idiv(doe - idiv(doe, 1460) + idiv(doe, 36524) - idiv(doe, 146096), 365)
  local doy = doe - (365 * yoe + idiv(yoe, 4) - idiv(yoe, 100))
  local mp = idiv(5 * doy + 2, 153)
  local d = doy - idiv(153 * mp + 2, 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400 + (m <= 2 and 1 or 0)
  return y, m, d
end

local function weekday(z) return (z + 3) % 7 end

local WDNAME = { [0] = "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }

local function leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local MD = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local function mdays(y, m)
  if m == 2 and leap(y) then return 29 end
  return MD[m]
end

-- "YYYY-MM-DD" (exactly, a real calendar day) as a day number, or nil
local function parse_iso(s)
  if #s ~= 10 or sub(s, 5, 5) ~= "-" or sub(s, 8, 8) ~= "-" then return nil end
  for k = 1, 10 do
    if k ~= 5 and k ~= 8 then
      local c = s:byte(k)
      if c < 48 or c > 57 then return nil end
    end
  end
  local y = tonumber(sub(s, 1, 4))
  local m = tonumber(sub(s, 6, 7))
  local d = tonumber(sub(s, 9, 10))
  if m < 1 or m > 12 or d < 1 or d > mdays(y, m) then return nil end
  return days_from_civil(y, m, d)
end

local function format_iso(day)
  local y, m, d = civil_from_days(day)
  if y < 0 then y = 0 end
  if y > 9999 then y = 9999 end
  return format("%04d-%02d-%02d", y, m, d)
end

-- ----------------------------------------------------------------- tokens

local HIST, LA_MAX = 10, 16
-- the figure reader's token window (newsc.pure.figures), with these bounds
local LA, H, consume = S.LA, S.H, S.consume

local function tin(s, t, map)
  if not t then return 0 end
  return tok_in(s, t, map)
end

-- the token without a possessive "'s" or "’s" ("Tuesday's talks")
local function stem(s, t)
  local u = { s = t.s, e = t.e, type = t.type, gap = t.gap, nl = t.nl, p = t.p }
  local len = t.e - t.s
  if t.type ~= T_WORD or len < 4 or lo20(B(s, t.e - 1)) ~= 115 then return u end
  if B(s, t.e - 2) == 39 then u.e = u.e - 2
  elseif len > 5 and B(s, t.e - 2) == 0x99 and B(s, t.e - 3) == 0x80 and B(s, t.e - 4) == 0xE2 then
    u.e = u.e - 4
  end
  return u
end

local function is_w(r, i, w)
  local t = LA(r, i)
  return t.type == T_WORD and wtext(r.s, t) == w
end
local function is_p(r, i, c)
  local t = LA(r, i)
  return t.type == T_PUNCT and t.p == c
end
local function h_w(r, k, w)
  local t = H(r, k)
  return t ~= nil and t.type == T_WORD and wtext(r.s, t) == w
end
local function upper(r, t)
  local c = B(r.s, t.s)
  return c >= 65 and c <= 90
end

local DATE_TRIGGERS = L { "apr", "april", "aug", "august", "dec", "december", "feb", "february", "fri", "friday", "jan",
  "january", "jul", "july", "jun", "june", "last", "mar", "march", "may", "mon", "monday",
  "next", "nov", "november", "oct", "october", "past", "sat", "saturday", "sep", "sept",
  "september", "sun", "sunday", "this", "thu", "thur", "thurs", "thursday", "today",
  "tomorrow", "tonight", "tue", "tues", "tuesday", "wed", "wednesday", "weekend", "yesterday" }
-- first letter, length, last letter of the runs of letters the skip-ahead
-- stops at (the C module's DATE_MASK: the triggers and "ago")
local DATE_MASK = { a3o = true }
for w in pairs(DATE_TRIGGERS) do DATE_MASK[sub(w, 1, 1) .. #w .. sub(w, -1)] = true end

local MONTHS = L { "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december" }
local MABBR = L { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept" }
local WDAYS = L { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
local WDABBR = L { "mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thur", "thurs" }
local SMALLN = L { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve" }
local FUTURE = L { "will", "shall", "scheduled", "due", "expected", "plans", "planned", "planning",
  "upcoming", "next", "set", "going", "tomorrow", "would" }
local ORDS = L { "st", "nd", "rd", "th" }
local MONTH_PRE = L { "in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next",
  "this", "during", "before", "after" }
local UNITS = L { "week", "month", "year", "weekend", "night" }
local AGO_UNITS = L { "day", "days", "week", "weeks", "month", "months", "year", "years" }
local YEAR_PRE = L { "in", "since", "until", "till", "by", "from", "before", "after", "during" }
local SENT_END = { ["."] = true, ["!"] = true, ["?"] = true, ['"'] = true }

-- month (1..12) at la[i], and tokens used (0: none)
local function month_at(r, i)
  local t = LA(r, i)
  if t.type ~= T_WORD or not upper(r, t) then return 0 end
  local k = tin(r.s, t, MONTHS)
  if k > 0 then
    local used = 1
    if is_p(r, i + 1, ".") and not LA(r, i + 1).gap and k ~= 5 then used = 2 end
    return k, used
  end
  k = tin(r.s, t, MABBR)
  if k > 0 then
    local used = (is_p(r, i + 1, ".") and not LA(r, i + 1).gap) and 2 or 1
    return k == 13 and 9 or k, used
  end
  return 0
end

-- an integer token in [lo, hi] at la[i], plain digits; -1 if none
local function int_at(r, i, lo, hi, maxdig)
  local t = LA(r, i)
  if t.type ~= T_NUM or t.e - t.s > maxdig then return -1 end
  local v = 0
  for k = t.s, t.e - 1 do
    local c = B(r.s, k)
    if c < 48 or c > 57 then return -1 end
    v = v * 10 + (c - 48)
  end
  if v >= lo and v <= hi then return v end
  return -1
end

-- a day number at la[i] ("13", "13th") and tokens used (0: none)
local function day_at(r, i)
  local d = int_at(r, i, 1, 31, 2)
  if d < 0 then return 0 end
  local nx = LA(r, i + 1)
  local used = 1
  if nx.type == T_WORD and not nx.gap then
    if tin(r.s, nx, ORDS) == 0 then return 0 end
    used = 2
  elseif nx.type == T_NUM and not nx.gap then
    return 0
  end
  if used == 1 and not nx.gap and nx.type == T_PUNCT and (nx.p == ":" or nx.p == "/" or nx.p == "-") and
     LA(r, i + 2).type == T_NUM then return 0 end
  return d, used
end

-- a year at la[i] (1000..2999), optionally after a comma; -1 if none
local function year_at(r, i)
  local j = i
  if is_p(r, j, ",") then j = j + 1 end
  local y = int_at(r, j, 1000, 2999, 4)
  if y < 0 or LA(r, j).e - LA(r, j).s ~= 4 then return -1 end
  if not LA(r, j + 1).gap and LA(r, j + 1).type == T_WORD then return -1 end
  return y, j + 1 - i
end

-- does the clause before la[0] look ahead?
local function future(r)
  local s = r.s
  for k = 1, HIST do
    local t = H(r, k)
    if not t then break end
    if t.type == T_PUNCT and (t.p == "." or t.p == "!" or t.p == "?" or t.p == ";") then break end
    if t.type == T_WORD then
      local len = t.e - t.s
      if tin(s, t, FUTURE) > 0 then return true end
      if len > 3 and B(s, t.e - 3) == 39 and lo20(B(s, t.e - 2)) == 108 and lo20(B(s, t.e - 1)) == 108 then
        return true
      end
      local w = wtext(s, t)
      if w == "was" or w == "were" or w == "had" or w == "did" then return false end
    end
    if t.nl then break end
  end
  return false
end

local function emit(out, start, stop, exact, lo, hi, rel)
  local p = { s = start, e = stop, relative = rel }
  if exact == 1 then p.date = lo; p.low = lo; p.high = lo
  elseif exact == 2 then p.low = lo; p.high = hi end
  out[#out + 1] = p
end

-- "early", "mid", "mid-", "late" before la[0]: 1, 2, 3 (0: none), and the start
local function month_part(r, start)
  if h_w(r, 1, "early") then return 1, H(r, 1).s end
  if h_w(r, 1, "mid") then return 2, H(r, 1).s end
  if h_w(r, 1, "late") then return 3, H(r, 1).s end
  local p1 = H(r, 1)
  if p1 and p1.type == T_PUNCT and p1.p == "-" and h_w(r, 2, "mid") then return 2, H(r, 2).s end
  return 0, start
end

local function emit_month(r, out, start, stop, y, m, rel)
  local part
  part, start = month_part(r, start)
  local d0, d1 = 1, mdays(y, m)
  if part == 1 then d1 = 10
  elseif part == 2 then d0 = 11; d1 = 20
  elseif part == 3 then d0 = 21 end
  emit(out, start, stop, 2, days_from_civil(y, m, d0), days_from_civil(y, m, d1), rel)
end

local function pick_year(r, m, d, fut)
  local ry = civil_from_days(r.ref)
  local y = ry
  if d > mdays(y, m) then d = mdays(y, m) end
  local c = days_from_civil(y, m, d)
  if fut then
    if c < r.ref then y = y + 1 end
  elseif c > r.ref + 14 then
    y = y - 1
  end
  return y
end

-- try a date at la[0]: tokens used (0: none)
local function read_date(r, out)
  local s = r.s
  local t = LA(r, 0)
  local j, u, m, d, wd, wd_full, k = 0, 0, 0, 0, -1, false, 0
  local y = -1
  local start = t.s

  -- ISO: 2024-08-13
  if t.type == T_NUM and t.e - t.s == 4 and is_p(r, 1, "-") and not LA(r, 1).gap and
     LA(r, 2).type == T_NUM and not LA(r, 2).gap and is_p(r, 3, "-") and not LA(r, 3).gap and
     LA(r, 4).type == T_NUM and not LA(r, 4).gap and LA(r, 4).e - t.s == 10 then
    local day = parse_iso(sub(s, t.s + 1, t.s + 10))
    if day then
      emit(out, t.s, t.s + 10, 1, day, day, false)
      return 5
    end
    return 0
  end

  if t.type == T_WORD then
    local st0 = stem(s, t)
    k = tin(s, st0, WDAYS)
    if k > 0 and upper(r, t) then wd = k - 1; wd_full = true
    else
      k = tin(s, t, WDABBR)
      if k > 0 and upper(r, t) then
        local jj = 1 + (is_p(r, 1, ".") and 1 or 0)
        if day_at(r, jj) > 0 or month_at(r, jj) > 0 then
          wd = (k <= 7) and k - 1 or (k == 8 and 1 or 3)
        else
          return 0
        end
      end
    end
    if wd >= 0 then
      j = 1
      if is_p(r, j, ".") and not LA(r, j).gap then j = j + 1 end
      if is_p(r, j, ",") then j = j + 1 end
    end
  end

  local uu
  d, u = day_at(r, j)
  if d > 0 then
    local jj = j + u
    if is_w(r, jj, "of") then jj = jj + 1 end
    m, uu = month_at(r, jj)
    if m > 0 then
      j = jj + uu
      y, uu = year_at(r, j)
      if y >= 0 then j = j + uu end
    else
      d = 0
    end
  else
    m, u = month_at(r, j)
    if m > 0 then
      local jj = j + u
      d, uu = day_at(r, jj)
      if d > 0 then
        j = jj + uu
        y, uu = year_at(r, j)
        if y >= 0 then j = j + uu end
      else
        y, uu = year_at(r, jj)
        if y >= 0 and not is_p(r, jj, ",") then
          j = jj + uu
        else
          -- a month alone: "in February", "last March" (full names only)
          local p1 = H(r, 1)
          if u == 1 and tin(s, t, MONTHS) > 0 and (tin(s, p1, MONTH_PRE) > 0 or month_part(r, 0) > 0) then
            if not r.has_ref then emit(out, t.s, t.e, 0, 0, 0, true); return 1 end
            local ry, rm = civil_from_days(r.ref)
            local fut = (p1 ~= nil and tok_is(s, p1, "next")) or future(r)
            local yy = ry
            if p1 and tok_is(s, p1, "last") then
              if m >= rm then yy = yy - 1 end
              start = p1.s
            elseif p1 and tok_is(s, p1, "next") then
              if m <= rm then yy = yy + 1 end
              start = p1.s
            elseif fut then
              if m < rm then yy = yy + 1 end
            elseif m > rm then
              yy = yy - 1
            end
            emit_month(r, out, start, t.e, yy, m, true)
            return 1
          end
          m = 0
        end
      end
    end
  end

  if m > 0 then
    local last = LA(r, j - 1)
    local rel = false
    if d > 0 then
      if y < 0 then
        if not r.has_ref then emit(out, start, last.e, 0, 0, 0, true); return j end
        y = pick_year(r, m, d, future(r))
        rel = true
      end
      if d > mdays(y, m) then return j end
      local day = days_from_civil(y, m, d)
      emit(out, start, last.e, 1, day, day, rel)
    else
      emit_month(r, out, start, last.e, y, m, false)
    end
    return j
  end

  -- a weekday alone: "on Tuesday", "last Friday", "next Monday", "Tuesday's"
  if wd >= 0 and wd_full then
    local dir, strict = false, false
    local p1 = H(r, 1)
    if h_w(r, 1, "last") or h_w(r, 1, "past") then strict = true; start = p1.s
    elseif h_w(r, 1, "next") or h_w(r, 1, "coming") then dir = true; strict = true; start = p1.s
    elseif h_w(r, 1, "this") then dir = future(r); start = p1.s
    else dir = future(r) end
    if not r.has_ref then emit(out, start, stem(s, t).e, 0, 0, 0, true); return 1 end
    local rw, delta, day = weekday(r.ref), 0, 0
    if not dir then
      delta = (rw - wd + 7) % 7
      if strict and delta == 0 then delta = 7 end
      day = r.ref - delta
    else
      delta = (wd - rw + 7) % 7
      if strict and delta == 0 then delta = 7 end
      day = r.ref + delta
    end
    emit(out, start, stem(s, t).e, 1, day, day, true)
    return 1
  end

  if t.type == T_WORD then
    local p1 = H(r, 1)
    local ry, rm = r.ry, r.rm
    local st1 = stem(s, t)
    local w1 = tok_is(s, st1, "today") and "today" or tok_is(s, st1, "tonight") and "tonight" or
               tok_is(s, st1, "yesterday") and "yesterday" or tok_is(s, st1, "tomorrow") and "tomorrow"
    if w1 then
      local off = w1 == "yesterday" and -1 or w1 == "tomorrow" and 1 or 0
      if off == 0 and p1 and p1.type == T_WORD and upper(r, p1) and H(r, 2) and
         not (H(r, 2).type == T_PUNCT and SENT_END[H(r, 2).p]) then return 0 end
      if not r.has_ref then emit(out, t.s, st1.e, 0, 0, 0, true)
      else emit(out, t.s, st1.e, 1, r.ref + off, 0, true) end
      return 1
    end
    local tw = wtext(s, t)
    if tw == "last" or tw == "this" or tw == "next" or tw == "past" then
      local lo, hi = 0, 0
      local which = tw == "last" and -1 or tw == "next" and 1 or tw == "past" and -2 or 0
      local mod = 0
      local w = tin(s, LA(r, 1), UNITS)
      if w == 0 then return 0 end
      if which == 0 and h_w(r, 1, "earlier") then mod = -1; start = p1.s end
      if which == 0 and h_w(r, 1, "later") then mod = 1; start = p1.s end
      if which == -2 and not h_w(r, 1, "the") then return 0 end
      if which == -2 and w ~= 1 and w ~= 2 and w ~= 3 then return 0 end
      if not r.has_ref then emit(out, start, LA(r, 1).e, 0, 0, 0, true); return 2 end
      if which == -2 then
        local span = w == 1 and 7 or w == 2 and 30 or 365
        lo = r.ref - span; hi = r.ref
      elseif w == 1 then
        local mon = r.ref - weekday(r.ref) + 7 * which
        lo = mon; hi = mon + 6
      elseif w == 2 then
        local yy, mm = ry, rm + which
        if mm < 1 then mm = 12; yy = yy - 1 end
        if mm > 12 then mm = 1; yy = yy + 1 end
        lo = days_from_civil(yy, mm, 1); hi = days_from_civil(yy, mm, mdays(yy, mm))
      elseif w == 3 then
        lo = days_from_civil(ry + which, 1, 1); hi = days_from_civil(ry + which, 12, 31)
      elseif w == 4 then
        local rw = weekday(r.ref)
        local sat = r.ref - ((rw - 5 + 7) % 7)
        if which == 1 or (which == 0 and future(r)) then sat = r.ref + ((5 - rw + 7) % 7) end
        if which == -1 and rw >= 5 then sat = sat - 7 end
        lo = sat; hi = sat + 1
      else
        if which ~= -1 then return 0 end
        emit(out, t.s, LA(r, 1).e, 1, r.ref - 1, 0, true)
        return 2
      end
      if mod == -1 and hi > r.ref then hi = r.ref end
      if mod == 1 and lo < r.ref then lo = r.ref end
      emit(out, start, LA(r, 1).e, 2, lo, hi, true)
      return 2
    end
    -- "a weekend strike", "over the weekend": the last weekend
    if tw == "weekend" and p1 and (tok_is(s, p1, "the") or tok_is(s, p1, "a")) then
      if not r.has_ref then emit(out, t.s, t.e, 0, 0, 0, true); return 1 end
      local rw = weekday(r.ref)
      local sat
      if future(r) then sat = r.ref + ((5 - rw + 7) % 7)
      else sat = r.ref - ((rw - 5 + 7) % 7) end
      emit(out, t.s, t.e, 2, sat, sat + 1, true)
      return 1
    end
  end

  -- N days/weeks/months/years ago
  do
    local nv = -1
    if t.type == T_NUM then nv = int_at(r, 0, 1, 9999, 4)
    else
      k = tin(s, t, SMALLN)
      if k > 0 then nv = k
      elseif t.type == T_WORD and (wtext(s, t) == "a" or wtext(s, t) == "an") then nv = 1 end
    end
    local un = nv > 0 and tin(s, LA(r, 1), AGO_UNITS) or 0
    if nv > 0 and un > 0 and is_w(r, 2, "ago") then
      local lo, hi
      un = idiv(un + 1, 2)
      if not r.has_ref then emit(out, t.s, LA(r, 2).e, 0, 0, 0, true); return 3 end
      if un == 1 then emit(out, t.s, LA(r, 2).e, 1, r.ref - nv, 0, true); return 3 end
      if un == 2 then lo = r.ref - 7 * nv - 3; hi = r.ref - 7 * nv + 3
      elseif un == 3 then lo = r.ref - 30 * nv - 15; hi = r.ref - 30 * nv + 15
      else lo = r.ref - 365 * nv - 182; hi = r.ref - 365 * nv + 182 end
      emit(out, t.s, LA(r, 2).e, 2, lo, hi, true)
      return 3
    end
  end

  -- a year after a preposition: "in 2022", "since 1967"
  if t.type == T_NUM then
    local p1 = H(r, 1)
    if p1 and tin(s, p1, YEAR_PRE) > 0 then
      y = year_at(r, 0)
      if y >= 0 and not is_p(r, 1, "-") then
        emit(out, t.s, t.e, 2, days_from_civil(y, 1, 1), days_from_civil(y, 12, 31), false)
        return 1
      end
    end
  end
  return 0
end

-- the next byte at or after i that may start a date token, or n
local function scan_next(s, n, i)
  while i < n do
    local k = CLS[B(s, i)]
    if k == 3 or k == 4 then i = i + 1
    elseif k == 2 then return i
    elseif k == 1 then
      local j = i + 1
      while j < n and CLS[B(s, j)] == 1 do j = j + 1 end
      local len = j - i
      if len < 16 and DATE_MASK[(sub(s, i + 1, i + 1)):lower() .. len .. (sub(s, j, j)):lower()] then
        return i
      end
      i = j
    else
      i = i + 1
    end
  end
  return n
end

-- the dates of s (0-based spans, day numbers)
local function scan(s, has_ref, ref)
  local n = #s
  local out = {}
  local r = { s = s, n = n, hist = {}, nhist = 0, la = {}, nla = 0, lapos = 0,
              hmax = HIST, lamax = LA_MAX, has_ref = has_ref, ref = ref or 0, ry = 1970, rm = 1 }
  if has_ref then r.ry, r.rm = civil_from_days(ref) end
  local pos, tokpos = 0, 0
  while true do
    local used, fail = 0, 1
    local c = scan_next(s, n, pos)
    if c >= n then break end
    local t = seek(r, tokpos, c)
    if t.type == T_END then break end
    if t.s == c then
      if t.type == T_NUM then used = read_date(r, out)
      elseif t.type == T_WORD and wtext(s, t) == "ago" then
        local h1, h2 = H(r, 1), H(r, 2)
        if r.nhist >= 2 and h1.type == T_WORD and
           (h2.type == T_NUM or tin(s, h2, SMALLN) > 0 or h_w(r, 2, "a") or h_w(r, 2, "an")) then
          r.lapos = h2.s
          r.nhist = r.nhist - 2; r.la = {}; r.nla = 0
          fail = 3
          used = read_date(r, out)
        end
      elseif t.type == T_WORD then
        local w = stem(s, t)
        if w.e - w.s < 16 and DATE_TRIGGERS[wtext(s, w)] then used = read_date(r, out) end
      end
    end
    consume(r, used > fail and used or fail)
    while H(r, 1).e <= c do consume(r, 1) end
    pos = H(r, 1).e; tokpos = pos
  end
  return out
end
M._scan = scan

--- `dates(s [, opts])`: the dates of `s`, an array of {text=, start=, stop=,
-- date=, low=, high=, relative=, weekday=}, or nil, "invalid UTF-8 at byte N".
-- opts.ref = "YYYY-MM-DD" (optionally followed by "T" or a space and a time),
-- opts.invalid = "error" | "replace".
function M.dates(...)
  local s, opts = ...
  s = F._checkstring("dates", 1, s, select("#", ...) > 0)
  local refs
  if opts ~= nil then
    if type(opts) ~= "table" then F._argerr("dates", 2, "table expected, got " .. type(opts)) end
    refs = opts.ref
    if refs ~= nil and type(refs) ~= "string" then
      F._argerr("dates", 2, "option 'ref' must be a string, got " .. type(refs))
    end
  end
  local inv = F._optinvalid("dates", 2, opts)
  local ref
  if refs then
    local r10 = refs
    local c = sub(refs, 11, 11)
    if #refs > 10 and (c == "T" or c == " ") then r10 = sub(refs, 1, 10) end
    ref = parse_iso(r10)
    if not ref then
      F._argerr("dates", 2, ("option 'ref' must be a date \"YYYY-MM-DD\", got \"%s\""):format(refs))
    end
  end
  if inv == "error" then
    local bad = ucd.check(s)
    if bad then return nil, "invalid UTF-8 at byte " .. bad end
  end
  local res = {}
  for i, d in ipairs(scan(s, ref ~= nil, ref)) do
    local e = { text = sub(s, d.s + 1, d.e), start = d.s + 1, stop = d.e, relative = d.relative }
    if d.date then e.date = format_iso(d.date); e.weekday = WDNAME[weekday(d.date)] end
    if d.low then e.low = format_iso(d.low); e.high = format_iso(d.high) end
    res[i] = e
  end
  return res
end

return M
