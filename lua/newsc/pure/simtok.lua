--- Normalised word tokens for similarity in pure Lua, as csrc/sim_tokens.c
-- and the token part of csrc/lua_sim.c: the word-like tokens of `words`,
-- each NFKC_Casefold-normalised (ASCII lowercased), optionally without
-- English news stop words and optionally Porter-stemmed.
--
-- Where the C module reduces each token to a 64-bit hash, a token here is
-- its normalised string itself (the key): two tokens are equal in one
-- backend exactly when they are equal in the other (barring 64-bit hash
-- collisions in C), so everything that depends only on token equality gives
-- the same results.
--
-- A token sequence ("seq") is a plain table: `seq.n` the number of tokens,
-- `seq.keys` the array of keys (the seq itself holds them at 1..n too, so
-- that `#seq` works on Lua 5.1 and LuaJIT), `seq.spans` the flat array
-- `{start1, stop1, ...}` of 1-based inclusive byte ranges, or nil when the
-- seq was built from an array of strings. Methods as the C userdata:
-- `#seq`, `seq:span(i)`, `seq:spans()`, `tostring(seq)`. (Read the field
-- with `rawget(seq, "spans")`: on a seq built from an array, where it is
-- nil, `seq.spans` finds the method `spans`.)
-- @module newsc.pure.simtok

local words = require "newsc.pure.words"
local norm = require "newsc.pure.normalize"
local ucd = require "newsc.pure.ucd"
local porter = require "newsc.pure.porter"
local find, sub, lower = string.find, string.sub, string.lower
local rawlen = rawlen or function(t) return #t end -- luacheck: ignore

local M = {}

-- ---- stop words (csrc/sim_stop.h) ----

local STOP = {}
for w in ([[
  a about above according added after again against all also
  although am among an and another any are as at be because
  been before being below between both but by can could did
  do does doing down dr during each few for from further
  had has have having he he'd he'll he's her here hers
  herself him himself his how however i i'd i'll i'm i've
  if in into is it it's its itself just let's may me
  might more most mr mrs ms must my myself of off on
  once only or other our ours ourselves out over own per
  reported reportedly said same say saying says shall she she'd
  she'll she's should since so some such than that that's the
  their theirs them themselves then there there's these they
  they'd they'll they're they've this those though through to
  told too under until up upon us very via was we we'd
  we'll we're we've were what what's when where whether which
  while who whom why will with within would yet you you're
  you've your yours yourself yourselves
]]):gmatch("%S+") do STOP[w] = true end

--- 1 when the normalised word `w` is an English news stop word.
function M.is_stop(w) return STOP[w] == true end

-- ---- the C module's 64-bit token hash (nc_sim_hash, seed 0) ----
--
-- C orders the terms of a TF-IDF vector by their hash; `hash(key)` gives the
-- same hash as 16 lowercase hex digits, so that sorting by it gives C's
-- order. Lua 5.3 and later compute it with integers (a chunk loaded from a
-- string, as Lua 5.1 cannot parse integer operators); Lua 5.1, 5.2 and
-- LuaJIT with four 16-bit limbs in doubles.

local floor = math.floor
local hash

local NATIVE = [[
local byte, format = string.byte, string.format
local C1, M1 = 0x9E3779B97F4A7C15, 0xff51afd7ed558ccd
local X1, X2 = 0xbf58476d1ce4e5b9, 0x94d049bb133111eb
return function(s)
  local n = #s
  local h = C1 * (n + 1)
  local i = 1
  while n >= 8 do
    local b1, b2, b3, b4, b5, b6, b7, b8 = byte(s, i, i + 7)
    local w = b1 | b2 << 8 | b3 << 16 | b4 << 24 | b5 << 32 | b6 << 40 | b7 << 48 | b8 << 56
    h = (h ~ w) * M1
    h = h ~ (h >> 29)
    i = i + 8; n = n - 8
  end
  if n > 0 then
    local w = 0
    for k = 0, n - 1 do w = w | byte(s, i + k) << (8 * k) end
    h = (h ~ w) * M1
  end
  h = h ~ (h >> 30); h = h * X1
  h = h ~ (h >> 27); h = h * X2
  h = h ~ (h >> 31)
  if h == 0 then h = 1 end
  return format("%016x", h)
end
]]

if math.type and math.maxinteger and math.maxinteger >= 0x7fffffffffffffff then
  hash = (load or loadstring)(NATIVE)()
else
  -- 64-bit words as {l0, l1, l2, l3}, 16-bit limbs from the least significant
  local byte, format = string.byte, string.format
  local XOR -- XOR[a * 256 + b + 1] = a xor b for bytes a, b (built on first use)
  local function xortable()
    XOR = {}
    for a = 0, 255 do
      for b = 0, 255 do
        local r, bit, x, y = 0, 1, a, b
        for _ = 1, 8 do
          if x % 2 ~= y % 2 then r = r + bit end
          x = floor(x / 2); y = floor(y / 2); bit = bit * 2
        end
        XOR[a * 256 + b + 1] = r
      end
    end
  end
  local function xor16(p, q)
    local ph, qh = floor(p / 256), floor(q / 256)
    return XOR[ph * 256 + qh + 1] * 256 + XOR[(p - ph * 256) * 256 + (q - qh * 256) + 1]
  end
  local function xor64(x, y)
    return { xor16(x[1], y[1]), xor16(x[2], y[2]), xor16(x[3], y[3]), xor16(x[4], y[4]) }
  end
  local function mul64(x, y)
    local x0, x1, x2, x3 = x[1], x[2], x[3], x[4]
    local y0, y1, y2, y3 = y[1], y[2], y[3], y[4]
    local c = x0 * y0
    local z0 = c % 65536
    c = floor(c / 65536) + x0 * y1 + x1 * y0
    local z1 = c % 65536
    c = floor(c / 65536) + x0 * y2 + x1 * y1 + x2 * y0
    local z2 = c % 65536
    c = floor(c / 65536) + (x0 * y3 + x1 * y2) % 65536 + (x2 * y1 + x3 * y0) % 65536
    return { z0, z1, z2, c % 65536 }
  end
  local function shr64(x, s) -- x >> s, 0 < s < 64
    local q, r = floor(s / 16), s % 16
    local d, m = 2 ^ r, 2 ^ (16 - r)
    local out = {}
    for i = 1, 4 do
      local lo, hi = x[i + q] or 0, x[i + q + 1] or 0
      out[i] = floor(lo / d) + (hi % d) * m
    end
    return out
  end
  local function xorshift(x, s) return xor64(x, shr64(x, s)) end
  local function word(s, i, n) -- n <= 8 bytes from i, little-endian
    local w = { 0, 0, 0, 0 }
    for k = 0, n - 1 do
      local l = floor(k / 2) + 1
      w[l] = w[l] + byte(s, i + k) * (k % 2 == 0 and 1 or 256)
    end
    return w
  end
  local function const(hex) -- "9E37 79B9 7F4A 7C15" style, most significant first
    return { tonumber(hex:sub(13, 16), 16), tonumber(hex:sub(9, 12), 16),
             tonumber(hex:sub(5, 8), 16), tonumber(hex:sub(1, 4), 16) }
  end
  local C1, M1 = const("9E3779B97F4A7C15"), const("ff51afd7ed558ccd")
  local X1, X2 = const("bf58476d1ce4e5b9"), const("94d049bb133111eb")
  hash = function(s)
    if not XOR then xortable() end
    local n = #s
    local m = n + 1
    local h = mul64(C1, { m % 65536, floor(m / 65536) % 65536, floor(m / 4294967296) % 65536, 0 })
    local i = 1
    while n >= 8 do
      h = xorshift(mul64(xor64(h, word(s, i, 8)), M1), 29)
      i = i + 8; n = n - 8
    end
    if n > 0 then h = mul64(xor64(h, word(s, i, n)), M1) end
    h = mul64(xorshift(h, 30), X1)
    h = mul64(xorshift(h, 27), X2)
    h = xorshift(h, 31)
    if h[1] + h[2] + h[3] + h[4] == 0 then h = { 1, 0, 0, 0 } end
    return format("%04x%04x%04x%04x", h[4], h[3], h[2], h[1])
  end
end

--- The C module's 64-bit hash of the key `k` (nc_sim_hash), as 16
-- lowercase hex digits: sorting keys by it gives the C module's term order.
M.hash = hash

-- ---- argument checks ----

local function argerr(argn, fname, msg)
  error(("bad argument #%d to '%s' (%s)"):format(argn, fname, msg), 0)
end
M.argerr = argerr

local function typename(v)
  local t = type(v)
  if t == "nil" then return "nil" end
  return t
end

local function optbool(opts, name, def, argn, fname)
  local v = opts[name]
  if v == nil then return def end
  if type(v) ~= "boolean" then
    argerr(argn, fname, ("option '%s' must be a boolean, got %s"):format(name, typename(v)))
  end
  return v
end

--- Token options from the table `opts` at argument position `argn` of
-- `fname` (nil: the defaults): `{stop=, stem=, invalid="error"|"replace"}`,
-- with the C module's checks and messages.
function M.options(opts, argn, fname, defstop, defstem)
  local o = { stop = defstop and true or false, stem = defstem and true or false, invalid = "error" }
  if opts == nil then return o end
  if type(opts) ~= "table" then argerr(argn, fname, "table expected, got " .. typename(opts)) end
  o.stop = optbool(opts, "stop", o.stop, argn, fname)
  o.stem = optbool(opts, "stem", o.stem, argn, fname)
  local inv = opts.invalid
  if inv ~= nil then
    if type(inv) ~= "string" then
      argerr(argn, fname, "option 'invalid' must be a string, got " .. typename(inv))
    end
    if inv ~= "error" and inv ~= "replace" then
      argerr(argn, fname, ("option 'invalid' must be \"error\" or \"replace\", got \"%s\""):format(inv))
    end
    o.invalid = inv
  end
  return o
end

-- ---- one token ----

--- The key of one token text `t` (already valid UTF-8 or read with U+FFFD
-- for bad bytes): NFKC_Casefold (ASCII: lowercase), then nil for a stop
-- word or an empty form, else the (stemmed) form.
local function key1(t, o)
  local w
  if not find(t, "[\128-\255]") then w = lower(t)
  else w = norm.normalize(t, "NFKC_Casefold", { invalid = "replace" }) end
  if w == "" or (o.stop and STOP[w]) then return nil end
  if o.stem then w = porter.stem(w) end
  return w
end
M.key1 = key1

-- ---- sequences ----

local SEQ = {}
M.SEQ = SEQ
local methods = {}
SEQ.__index = methods

-- seq.spans is a table; seq:spans() calls it through __call (a copy)
local SPANS = {
  __call = function(self)
    local out = {}
    for i = 1, #self do out[i] = self[i] end
    return out
  end,
}

SEQ.__len = function(q) return q.n end
SEQ.__tostring = function(q) return ("newsc.sim_tokens (%d tokens)"):format(q.n) end

local function checkseq(q, fname)
  if getmetatable(q) ~= SEQ then
    argerr(1, fname, "newsc.sim_tokens expected, got " .. typename(q))
  end
end

local function checkint(v, argn, fname)
  if type(v) ~= "number" then
    if type(v) == "string" and tonumber(v) then v = tonumber(v)
    else argerr(argn, fname, "number expected, got " .. (v == nil and "no value" or type(v))) end
  end
  if not math.type then -- Lua 5.1, 5.2, LuaJIT: luaL_checkinteger truncates
    return v >= 0 and floor(v) or -floor(-v)
  end
  if v ~= floor(v) or v ~= v or v == math.huge or v == -math.huge then
    argerr(argn, fname, "number has no integer representation")
  end
  return v
end

--- `seq:span(i)` -> start, stop (1-based inclusive bytes) of token i, or nil.
function methods.span(q, i)
  checkseq(q, "span")
  i = checkint(i, 1, "span")
  local sp = rawget(q, "spans")
  if not sp or i < 1 or i > q.n then return nil end
  return sp[2 * i - 1], sp[2 * i]
end

--- `seq:spans()` -> flat array {start1, stop1, ...} (empty without spans).
function methods.spans(q)
  checkseq(q, "spans")
  return {}
end

local function newseq(keys, n, spans)
  keys.n = n
  keys.keys = keys
  if spans then keys.spans = setmetatable(spans, SPANS) end
  return setmetatable(keys, SEQ)
end

--- Metatables of the other objects of the pure backend (models, vectors,
-- sets...): such a table given where tokens are expected is refused as C
-- refuses a userdata of another type. Modules add theirs: OBJECTS[mt] = true.
M.OBJECTS = {}

--- true when `v` is a token sequence of this module.
function M.is_seq(v) return getmetatable(v) == SEQ end

local function seq_of_string(s, o)
  local spans, err = words.word_spans(s, { invalid = o.invalid })
  if not spans then return nil, err end
  local keys, sp, n = {}, {}, 0
  for i = 1, #spans, 2 do
    local a, b = spans[i], spans[i + 1]
    local t = sub(s, a, b)
    local k
    if not o.stop and not o.stem and not find(t, "[\128-\255]") then k = lower(t)
    else k = key1(t, o) end
    if k then
      n = n + 1
      keys[n] = k
      sp[2 * n - 1] = a
      sp[2 * n] = b
    end
  end
  -- (with invalid = "replace", key1 reads each bad byte as U+FFFD)
  return newseq(keys, n, sp)
end

local function seq_of_array(x, o, argn, fname)
  local len = rawlen(x)
  local keys, n = {}, 0
  for i = 1, len do
    local t = rawget(x, i)
    if type(t) ~= "string" then argerr(argn, fname, ("token %d is not a string"):format(i)) end
    if o.invalid == "error" then
      local bad = ucd.check(t)
      if bad then return nil, ("invalid UTF-8 in token %d at byte %d"):format(i, bad) end
    end
    local k = key1(t, o)
    if k then n = n + 1; keys[n] = k end
  end
  return newseq(keys, n, nil)
end

--- The token sequence of `x` (a string, an array of token strings or a
-- seq, returned as is) under options `o` (from `options`); nil, message
-- for invalid UTF-8 ("invalid UTF-8 at byte N" for a string, "invalid
-- UTF-8 in token I at byte N" for an array). A value of another type raises
-- the C module's argument error for argument `argn` of `fname`.
function M.tokens(x, o, argn, fname)
  local t = type(x)
  if t == "string" then return seq_of_string(x, o) end
  if t == "table" then
    local mt = getmetatable(x)
    if mt == SEQ then return x end
    if mt ~= nil and M.OBJECTS[mt] then
      argerr(argn, fname, "expected a string, an array of strings or tokens")
    end
    return seq_of_array(x, o, argn, fname)
  end
  if t == "userdata" then argerr(argn, fname, "expected a string, an array of strings or tokens") end
  argerr(argn, fname, "expected a string, an array of strings or tokens, got " .. t)
end

--- `sim_tokens(X [, opts])` -> token sequence | nil, msg: the normalised
-- tokens of X (a string, an array of token strings or a token sequence);
-- opts stop = false, stem = false, invalid = "error" | "replace".
function M.sim_tokens(...)
  local x, opts = ...
  local o = M.options(opts, 2, "sim_tokens", false, false)
  if select("#", ...) == 0 then
    argerr(1, "sim_tokens", "expected a string, an array of strings or tokens, got no value")
  end
  return M.tokens(x, o, 1, "sim_tokens")
end

return M
