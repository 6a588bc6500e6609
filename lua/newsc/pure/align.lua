--- Token edit distance and alignment in pure Lua, as csrc/sim_align.c and
-- the alignment part of csrc/lua_sim.c.
--
-- C computes the Levenshtein table column by column with Myers' bit-parallel
-- algorithm; here the table is computed in a diagonal band |j - i| <= t
-- (Ukkonen), t doubled until the distance is at most t, so the work is about
-- (m + n) times the distance. Within the band every value the traceback
-- reads is exact, so `align` gives the edit script of C (the same
-- tie-breaking: keep, then change, then delete, then insert, from the end).
-- When the band would exceed MAX_WORK cells (long texts that differ much)
-- the pure functions give up with the C module's "too long" message, where
-- C goes on up to 2^34 (distance) or 2^31 (script) cells.
-- @module newsc.pure.align

local simtok = require "newsc.pure.simtok"
local options, tokens, is_seq, argerr = simtok.options, simtok.tokens, simtok.is_seq, simtok.argerr

local M = {}

--- Largest number of band cells the pure functions compute.
M.MAX_WORK = 2 ^ 24
local MAX_CELLS, MAX_SCRIPT_CELLS = 2 ^ 34, 2 ^ 31

-- common prefix and suffix of a[1..m], b[1..n]
local function trim(a, m, b, n)
  local p, s = 0, 0
  while p < m and p < n and a[p + 1] == b[p + 1] do p = p + 1 end
  while s < m - p and s < n - p and a[m - s] == b[n - s] do s = s + 1 end
  return p, s
end

-- The Levenshtein table of a[off+1..off+m] against b[off+1..off+n] in the
-- band |j - i| <= t: D(m, n) and, when keep, the rows (row i holds D(i, j)
-- at index j - i + t + 1; nil outside the band).
local function band(a, b, off, m, n, t, keep)
  local prev = {}
  for j = 0, (t < n and t or n) do prev[j + t + 1] = j end
  local rows = keep and { [0] = prev } or nil
  for i = 1, m do
    local cur = {}
    local ai = a[off + i]
    local lo = i - t
    if lo < 0 then lo = 0 end
    local hi = i + t
    if hi > n then hi = n end
    local base = t + 1 - i -- index of column j in row i: j + base
    for j = lo, hi do
      local v
      if j == 0 then v = i
      else
        -- diagonal: row i-1 index j-1 - (i-1) + t + 1 = j + base
        local d = prev[j + base]
        if d then
          if ai ~= b[off + j] then d = d + 1 end
          v = d
        end
        local up = prev[j + base + 1] -- D(i-1, j)
        if up and (v == nil or up + 1 < v) then v = up + 1 end
        local left = cur[j + base - 1] -- D(i, j-1)
        if left and (v == nil or left + 1 < v) then v = left + 1 end
      end
      cur[j + base] = v
    end
    if keep then rows[i] = cur end
    prev = cur
  end
  return prev[n - m + t + 1], rows
end

-- D(m, n) of the trimmed middle with the band grown until exact; nil when
-- the work would exceed MAX_WORK
local function banded(a, b, off, m, n, keep)
  local diff = m > n and m - n or n - m
  local t = diff > 8 and diff or 8
  local mx = m > n and m or n
  while true do
    if t > mx then t = mx end
    local width = 2 * t + 1
    if width > n + 1 then width = n + 1 end
    if (m + 1) * width > M.MAX_WORK then return nil end
    local d, rows = band(a, b, off, m, n, t, keep)
    if d <= t or t >= mx then return d, rows, t end
    t = 2 * t
  end
end

--- Levenshtein distance of two key arrays (a[1..m], b[1..n]); nil when too
-- large (C's limit, or the pure band's).
function M._distance(a, m, b, n)
  local p, s = trim(a, m, b, n)
  local mm, nn = m - p - s, n - p - s
  if mm == 0 then return nn end
  if nn == 0 then return mm end
  local lo, hi = mm < nn and mm or nn, mm < nn and nn or mm
  if lo > 64 and lo * hi > MAX_CELLS then return nil end
  return (banded(a, b, p, mm, nn, false))
end

local KEEP, CHANGE, INSERT, DELETE = "keep", "change", "insert", "delete"

--- Distance and edit script of two key arrays: runs {op, a0, a1, b0, b1}
-- (0-based half-open token ranges, as nc_arun), or nil when too large.
function M._script(a, m, b, n)
  local pre, suf = trim(a, m, b, n)
  local mm, nn = m - pre - suf, n - pre - suf
  local out = {}
  local function push(op, a0, a1, b0, b1)
    local r = out[#out]
    if r and r[1] == op and r[3] == a0 and r[5] == b0 then r[3] = a1; r[5] = b1; return end
    out[#out + 1] = { op, a0, a1, b0, b1 }
  end
  if pre > 0 then push(KEEP, 0, pre, 0, pre) end
  local dist
  if mm == 0 or nn == 0 then
    if mm > 0 then push(DELETE, pre, pre + mm, pre, pre) end
    if nn > 0 then push(INSERT, pre, pre, pre, pre + nn) end
    dist = mm + nn
  else
    if mm * nn > MAX_SCRIPT_CELLS then return nil end
    local d, rows, t = banded(a, b, pre, mm, nn, true)
    if not d then return nil end
    dist = d
    local function D(i, j)
      local r = rows[i]
      return r[j - i + t + 1]
    end
    local ops, ns = {}, 0
    local i, j = mm, nn
    while i > 0 or j > 0 do
      local done = false
      if i > 0 and j > 0 then
        local diag = D(i - 1, j - 1)
        if diag and a[pre + i] == b[pre + j] and diag == d then
          ns = ns + 1; ops[ns] = KEEP; i = i - 1; j = j - 1; done = true
        elseif diag and diag + 1 == d then
          ns = ns + 1; ops[ns] = CHANGE; i = i - 1; j = j - 1; d = diag; done = true
        end
      end
      if not done then
        if i > 0 and D(i - 1, j) == d - 1 then
          ns = ns + 1; ops[ns] = DELETE; i = i - 1; d = d - 1
        else
          ns = ns + 1; ops[ns] = INSERT; j = j - 1; d = d - 1
        end
      end
    end
    i, j = 0, 0
    for x = ns, 1, -1 do
      local op = ops[x]
      local di = op ~= INSERT and 1 or 0
      local dj = op ~= DELETE and 1 or 0
      push(op, pre + i, pre + i + di, pre + j, pre + j + dj)
      i = i + di; j = j + dj
    end
  end
  if suf > 0 then push(KEEP, m - suf, m, n - suf, n) end
  return dist, out
end

-- byte range of the tokens a0..a1 (0-based half-open) of a seq with spans;
-- an empty range starts after the previous token, stop = start - 1
local function bytes(sp, a0, a1)
  if a1 > a0 then return sp[2 * a0 + 1], sp[2 * a1] end
  local s0 = a0 > 0 and sp[2 * a0] or 0
  return s0 + 1, s0
end

local function similarity(d, m, n)
  local mx = m > n and m or n
  return mx > 0 and 1.0 - d / mx or 1.0
end

-- argument k of fname missing: the C module's message for "no value"
local function need(nargs, k, fname)
  if nargs < k then
    argerr(k, fname, "expected a string, an array of strings or tokens, got no value")
  end
end

local function fail_too_long(what, qa, qb)
  return nil, ("texts too long to %s (%d x %d tokens)"):format(what, qa.n, qb.n)
end

--- `align(A, B [, opts])` -> {distance=, similarity=, ops={...}} | nil, msg:
-- the token edit distance of A and B and an optimal edit script, each op
-- {op = "keep"|"change"|"insert"|"delete", a_first=, a_last=, b_first=,
-- b_last= (token positions), a_start=, a_stop=, b_start=, b_stop= (bytes,
-- when the side came from a string)}.
function M.align(...)
  local x, y, opts = ...
  local o = options(opts, 3, "align", false, false)
  local nargs = select("#", ...)
  need(nargs, 1, "align")
  local qa, err = tokens(x, o, 1, "align")
  if not qa then return nil, err end
  need(nargs, 2, "align")
  local qb, err2 = tokens(y, o, 2, "align")
  if not qb then return nil, err2 end
  local d, runs = M._script(qa.keys, qa.n, qb.keys, qb.n)
  if not d then return fail_too_long("align", qa, qb) end
  local ops = {}
  local spa, spb = rawget(qa, "spans"), rawget(qb, "spans")
  for k, r in ipairs(runs) do
    local a0, a1, b0, b1 = r[2], r[3], r[4], r[5]
    local op = { op = r[1], a_first = a0 + 1, a_last = a1, b_first = b0 + 1, b_last = b1 }
    if spa then op.a_start, op.a_stop = bytes(spa, a0, a1) end
    if spb then op.b_start, op.b_stop = bytes(spb, b0, b1) end
    ops[k] = op
  end
  return { distance = d, similarity = similarity(d, qa.n, qb.n), ops = ops }
end

--- `edit_distance(A, B [, opts])` -> distance, similarity | nil, msg: the
-- token Levenshtein distance and 1 - distance / max(#A, #B) (1 for two
-- empty texts).
function M.edit_distance(...)
  local x, y, opts = ...
  local nargs = select("#", ...)
  local qa, qb
  if is_seq(x) and is_seq(y) then
    qa, qb = x, y -- two token sequences: the options are not read
  else
    local o = options(opts, 3, "edit_distance", false, false)
    local err
    need(nargs, 1, "edit_distance")
    qa, err = tokens(x, o, 1, "edit_distance")
    if not qa then return nil, err end
    need(nargs, 2, "edit_distance")
    qb, err = tokens(y, o, 2, "edit_distance")
    if not qb then return nil, err end
  end
  local d = M._distance(qa.keys, qa.n, qb.keys, qb.n)
  if not d then return fail_too_long("compare", qa, qb) end
  return d, similarity(d, qa.n, qb.n)
end

return M
