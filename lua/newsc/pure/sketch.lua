--- MinHash signatures, SimHash fingerprints, the banded LSH index and the
-- near-duplicates of a collection for the pure-Lua backend: the port of
-- `csrc/sim_set.c` (sketches), `csrc/sim_lsh.c` and their binding in
-- `csrc/lua_sim.c`.
--
--   minhash(X [, opts])  -> signature (#sig, sig:similarity(o), sig:values(), tostring)
--   simhash(X [, k | opts]) -> fingerprint (fp:distance(o), fp:similarity(o), fp:hex(), tostring)
--   lsh{bands=, rows= [, n=]} | lsh{threshold= [, n=128]} -> index
--       (ix:add(id, sig), ix:query(sig), ix:pairs([min]), #ix, ix:params(), tostring)
--   neardups(texts [, opts]) -> { {i, j, jaccard}, ... } | nil, msg
--
-- Two engines compute the hashes. Where integers have 64 bits (Lua 5.3+),
-- `newsc.pure.sketch64` computes the C module's own: signatures,
-- fingerprints, LSH candidates and near-duplicates are then identical to
-- C's, order included. Lua 5.1, 5.2 and LuaJIT lack 64-bit integers: there
-- every hash is a number below the prime P = 2^32 - 5, computed exactly in
-- double arithmetic (no intermediate value reaches 2^53). A shingle's hash
-- is a polynomial hash of its bytes modulo P; MinHash uses the n functions
-- h_i(y) = (a_i y + b_i) mod P (a_i in 1..P-1, b_i in 0..P-1 from the seed,
-- through MurmurHash3's 32-bit finaliser): permutations of 0..P-1 from a
-- 2-universal family. Those signatures and fingerprints have other values
-- than the C module's but estimate the same quantities with the same error.
-- See doc/pure-pure-sim-b.md.
-- @module newsc.pure.sketch

local sets = require "newsc.pure.sets"
local simtok = require "newsc.pure.simtok"

local U = sets._util
local argerror, typename, optinteger, optnumber, getk = U.argerror, U.typename,
  U.optinteger, U.optnumber, U.getk
local SET, PUBLIC, NOT_TEXT = U.SET, U.PUBLIC, U.NOT_TEXT
local tokens_of, shingle_list, newset, jaccard = U.tokens_of, U.shingle_list, U.newset, U.jaccard

local type, select, pairs, ipairs, tonumber, getmetatable, setmetatable = type, select, pairs, ipairs, tonumber,
  getmetatable, setmetatable
local floor, format, byte, sub, tconcat = math.floor, string.format, string.byte, string.sub, table.concat

local M = {}

-- ------------------------------------------------------------ exact arithmetic

local P = 4294967291          -- the largest prime below 2^32
local B = 2097143             -- base of the string hash: h * B + 256 < 2^53 for h < P
local EMPTY = 4294967295      -- the value of an empty set's signature (as C's 0xFFFFFFFF)
local TWO32, TWO16 = 4294967296, 65536

--- x * y mod P for 0 <= x, y < 2^32, exactly (16-bit halves of y).
local function mulmod(x, y)
  local yl = y % TWO16
  return ((x * ((y - yl) / TWO16)) % P * TWO16 + x * yl) % P
end

--- The hash of a byte string: sum of (byte + 1) B^(n - i) mod P.
local function strhash(s)
  local h = 0
  for i = 1, #s do h = (h * B + byte(s, i) + 1) % P end
  return h
end

-- nibble tables: XOR4[16 a + b + 1] = a xor b, POP4[16 a + b + 1] = popcount(a xor b)
local XOR4, POP4 = {}, {}
for a = 0, 15 do
  for b = 0, 15 do
    local x, p, bit = 0, 0, 1
    for _ = 1, 4 do
      local u, v = floor(a / bit) % 2, floor(b / bit) % 2
      if u ~= v then x = x + bit; p = p + 1 end
      bit = bit * 2
    end
    XOR4[16 * a + b + 1], POP4[16 * a + b + 1] = x, p
  end
end

--- a xor b for 0 <= a, b < 2^32 (only for parameters: nibble by nibble).
local function xor32(a, b)
  local r, m = 0, 1
  for _ = 1, 8 do
    local x, y = a % 16, b % 16
    r = r + XOR4[16 * x + y + 1] * m
    a, b, m = (a - x) / 16, (b - y) / 16, m * 16
  end
  return r
end

--- a * b mod 2^32 for 0 <= a, b < 2^32.
local function mul32(a, b)
  local al = a % TWO16
  local ah = (a - al) / TWO16
  return (al * b + (ah * b) % TWO16 * TWO16) % TWO32
end

--- MurmurHash3's 32-bit finaliser.
local function fmix32(h)
  h = xor32(h, floor(h / 65536))
  h = mul32(h, 0x85EBCA6B)
  h = xor32(h, floor(h / 8192))
  h = mul32(h, 0xC2B2AE35)
  return xor32(h, floor(h / 65536))
end

--- 16-bit rotation of a 32-bit value.
local function rot16(v)
  local lo = v % TWO16
  return lo * TWO16 + (v - lo) / TWO16
end

-- Lua 5.3+: keep integers integers (math.floor of a float gives an integer
-- there; `/` gives floats, made integers again here)
local toint = function(v) return v end
if math.tointeger and math.maxinteger and math.maxinteger >= 9007199254740992 then toint = math.tointeger end

-- ------------------------------------------------------------ the 32-bit scheme

-- the engine of Lua 5.1, 5.2 and LuaJIT: the same functions as newsc.pure.sketch64
local E32 = {}

--- The hashes of the k-shingles of a token sequence, in text order with repeats.
function E32.seq_hashes(seq, k)
  local out, memo = {}, {}
  local list = shingle_list(seq, k)
  for i = 1, #list do
    local s = list[i]
    local h = memo[s]
    if not h then h = strhash(s); memo[s] = h end
    out[i] = h
  end
  return out
end

--- The hashes of a shingle set's strings.
function E32.set_hashes(set)
  local out = {}
  for i = 1, #set do out[i] = strhash(set[i]) end
  return out
end

--- The 2n parameters {a1, b1, a2, b2, ...} of n hash functions from `seed`.
function E32.params(seed, n)
  local lo = seed % TWO32
  local hi = floor((seed - lo) / TWO32) % TWO32
  local ab = {}
  local salt = fmix32(hi)
  for i = 0, 2 * n - 1 do
    local x = fmix32(xor32((lo + (i + 1) * 0x9E3779B9) % TWO32, salt))
    x = fmix32((x + salt) % TWO32)
    if i % 2 == 0 then ab[i + 1] = toint(1 + x % (P - 1)) else ab[i + 1] = toint(x % P) end
  end
  return ab
end

--- The signature values sig[1..n] of the hashes x[1..m] (repeats allowed):
-- the least (a_i y + b_i) mod P; an empty set gives 2^32 - 1 everywhere.
function E32.minhash(x, m, ab, n, sig)
  local seen, hs, ls, u = {}, {}, {}, 0
  for j = 1, m do
    local h = x[j]
    if not seen[h] then
      seen[h] = true
      local l = h % TWO16
      u = u + 1
      hs[u], ls[u] = toint((h - l) / TWO16), l
    end
  end
  for i = 1, n do
    local a, b = ab[2 * i - 1], ab[2 * i]
    local mn = EMPTY
    for j = 1, u do
      local v = ((a * hs[j]) % P * TWO16 + a * ls[j] + b) % P
      if v < mn then mn = v end
    end
    sig[i] = mn
  end
  return sig
end

-- the three affine maps of each half of a feature's 64 bits
local MIX = { 0x6C8E9CF5, 0x2545F491, 0x9E3779B1, 0x7FEB352D, 0x846CA68B, 0x3243F6A9,
              0xB5297A4D, 0x68E31DA4, 0x1B56C4E9, 0xCC9E2D51, 0x1B873593, 0xE6546B64 }

--- The two 32-bit halves of a feature's 64 bits: for each, an affine map
-- modulo P, a 16-bit rotation, again, and a third affine map.
local function feature_bits(y)
  local v1 = (mulmod(MIX[1], y) + MIX[2]) % P
  v1 = (mulmod(MIX[3], rot16(v1)) + MIX[4]) % P
  v1 = (mulmod(MIX[5], rot16(v1)) + MIX[6]) % P
  local v2 = (mulmod(MIX[7], y) + MIX[8]) % P
  v2 = (mulmod(MIX[9], rot16(v2)) + MIX[10]) % P
  v2 = (mulmod(MIX[11], rot16(v2)) + MIX[12]) % P
  return v1, v2
end

local HEX = "0123456789abcdef"

--- The SimHash of the feature hashes x[1..m] (with repeats, each weighing
-- 1) as 16 hexadecimal digits: bit b is set when more than half the
-- features have it. Bits are counted through a histogram of the 8 bytes.
function E32.simhash(x, m)
  local hist, touched, nt = {}, {}, 0
  local memo = {}
  for i = 1, m do
    local y = x[i]
    local f = memo[y]
    if not f then
      local v1, v2 = feature_bits(y)
      f = {}
      for byt = 0, 3 do
        local b1 = v1 % 256
        local b2 = v2 % 256
        f[byt + 1], f[byt + 5] = byt * 256 + b1 + 1, (byt + 4) * 256 + b2 + 1
        v1, v2 = (v1 - b1) / 256, (v2 - b2) / 256
      end
      memo[y] = f
    end
    for j = 1, 8 do
      local key = f[j]
      local c = hist[key]
      if c then hist[key] = c + 1 else hist[key] = 1; nt = nt + 1; touched[nt] = key end
    end
  end
  local cnt = {}
  for b = 1, 64 do cnt[b] = 0 end
  for t = 1, nt do
    local key = touched[t]
    local c = hist[key]
    local v = (key - 1) % 256
    local b = (key - 1 - v) / 256 * 8 + 1
    while v > 0 do
      if v % 2 == 1 then cnt[b] = cnt[b] + c end
      v = floor(v / 2)
      b = b + 1
    end
  end
  local hex = {}
  for j = 1, 16 do
    local base, v, w = 64 - 4 * j, 0, 1
    for r = 0, 3 do
      if 2 * cnt[base + r + 1] > m then v = v + w end
      w = w * 2
    end
    hex[j] = HEX:sub(v + 1, v + 1)
  end
  return tconcat(hex)
end

--- The key of band `band` (0-based) of a signature: its values as a string.
function E32.bandkey(sig, band, rows)
  local first = band * rows + 1
  return band .. ":" .. tconcat(sig, ",", first, first + rows - 1)
end

--- The signature of an empty text (item i) in neardups: values that match nothing.
function E32.emptysig(i, n, sig)
  for j = 1, n do sig[j] = -((i - 1) * n + j) end
  return sig
end

-- Lua 5.3+ with 64-bit integers: the C module's own hashing
local E = E32
if math.type and math.maxinteger and math.maxinteger >= 9223372036854775807 then
  E = require "newsc.pure.sketch64"
end
M._engine = E == E32 and "32" or "64"

-- the parameters of the last (seed, n), as C keeps them
local last = { n = 0 }
local function params(seed, n)
  if last.n ~= n or last.seed ~= seed then last = { n = n, seed = seed, ab = E.params(seed, n) } end
  return last.ab
end

-- ------------------------------------------------------------ MinHash

local SIG = { __name = "newsc.minhash" }
local sig_methods = {}
SIG.__index = sig_methods
NOT_TEXT[SIG] = true

local function checksig(v, k, fname, given)
  if getmetatable(v) ~= SIG then argerror(k, fname, "newsc.minhash expected, got " .. typename(v, given)) end
  return v
end

--- `minhash(X [, opts])`: the MinHash signature of X's k-shingles (opts n =
-- 128, k = 1, seed = 1, stop, stem, invalid); X may be a shingle set. Or
-- nil, message for invalid UTF-8.
function M.minhash(x, opts)
  local n = optinteger(opts, 2, "minhash", "n", 128)
  local k = optinteger(opts, 2, "minhash", "k", 1)
  local seed = optinteger(opts, 2, "minhash", "seed", 1)
  if n < 1 or n > 4096 then argerror(2, "minhash", "option 'n' must be between 1 and 4096") end
  if k < 1 or k > 1000 then argerror(2, "minhash", "option 'k' must be between 1 and 1000") end
  local hs
  if getmetatable(x) == SET then
    hs = E.set_hashes(x)
  else
    local o = simtok.options(opts, 2, "minhash", false, false)
    local seq, err = tokens_of(x, o, 1, "minhash")
    if not seq then return nil, err end
    hs = E.seq_hashes(seq, k)
  end
  local sig = E.minhash(hs, #hs, params(seed, n), n, {})
  sig._k, sig._seed = k, seed
  return setmetatable(sig, SIG)
end

--- `sig:similarity(other)`: the share of equal values, an estimate of the
-- Jaccard similarity of the two sets.
function sig_methods.similarity(...)
  local a, b = ...
  checksig(a, 1, "similarity", select("#", ...) >= 1)
  checksig(b, 2, "similarity", select("#", ...) >= 2)
  local n = #a
  if n ~= #b or a._seed ~= b._seed or a._k ~= b._k then
    argerror(2, "similarity", "signature made with other n, k or seed")
  end
  local c = 0
  for i = 1, n do
    if a[i] == b[i] then c = c + 1 end
  end
  return c / n
end

--- `sig:values()`: the n values (numbers below 2^32; not the C module's).
function sig_methods.values(...)
  local a = ...
  checksig(a, 1, "values", select("#", ...) >= 1)
  local out = {}
  for i = 1, #a do out[i] = a[i] + 0.0 end
  return out
end

SIG.__tostring = function(a) return format("newsc.minhash (n=%d, k=%d)", #a, a._k) end

-- ------------------------------------------------------------ SimHash

local FP = { __name = "newsc.simhash" }
local fp_methods = {}
FP.__index = fp_methods
NOT_TEXT[FP] = true

--- A fingerprint object from 16 hexadecimal digits.
local function newfp(hex)
  local nib = {}
  for j = 1, 16 do nib[j] = tonumber(sub(hex, j, j), 16) end
  return setmetatable({ _nib = nib, _hex = hex }, FP)
end

--- `simhash(X [, k | opts])`: the 64-bit SimHash fingerprint of X's
-- k-shingles with repeats (each occurrence weighs 1), or nil, message.
function M.simhash(x, kv)
  local k, opts = getk(kv, 2, "simhash")
  local o = simtok.options(opts, 2, "simhash", false, false)
  local seq, err = tokens_of(x, o, 1, "simhash")
  if not seq then return nil, err end
  local hs = E.seq_hashes(seq, k)
  return newfp(E.simhash(hs, #hs))
end

local function checkfp(v, k, fname, given)
  if getmetatable(v) ~= FP then argerror(k, fname, "newsc.simhash expected, got " .. typename(v, given)) end
  return v
end

local function distance(a, b)
  local na, nb, d = a._nib, b._nib, 0
  for j = 1, 16 do d = d + POP4[16 * na[j] + nb[j] + 1] end
  return d
end

--- `fp:distance(other)`: the Hamming distance 0..64.
function fp_methods.distance(...)
  local a, b = ...
  checkfp(a, 1, "distance", select("#", ...) >= 1)
  checkfp(b, 2, "distance", select("#", ...) >= 2)
  return toint(distance(a, b))
end

--- `fp:similarity(other)`: 1 - distance / 64.
function fp_methods.similarity(...)
  local a, b = ...
  checkfp(a, 1, "similarity", select("#", ...) >= 1)
  checkfp(b, 2, "similarity", select("#", ...) >= 2)
  return 1.0 - distance(a, b) / 64.0
end

--- `fp:hex()`: the 64 bits as 16 hexadecimal digits (not the C module's).
function fp_methods.hex(...)
  local a = ...
  checkfp(a, 1, "hex", select("#", ...) >= 1)
  return a._hex
end

FP.__tostring = function(a) return "newsc.simhash " .. a._hex end

-- ------------------------------------------------------------ LSH

local FN_WEIGHT = 9.0

local function pcollide(s, b, r)
  return 1.0 - (1.0 - s ^ r) ^ b
end

local function area(lo, hi, b, r, fp)
  local steps = 200
  local sum, dx = 0, (hi - lo) / steps
  for i = 0, steps - 1 do
    local x = lo + (i + 0.5) * dx
    local p = pcollide(x, b, r)
    sum = sum + (fp and p or 1.0 - p) * dx
  end
  return sum
end

--- Bands and rows (b * r <= n) for a Jaccard threshold t: the least
-- false-positive area plus 9 times the false-negative area (nc_lsh_params).
local param_memo = {} -- "t n" -> {bands, rows}: the search costs ~20 ms for n = 128
local function lsh_params(t, n)
  local key = format("%.17g %d", t, n)
  local hit = param_memo[key]
  if hit then return hit[1], hit[2] end
  local bb, br = 1, n
  local best = 1e300
  if n == 0 then n = 1 end
  for b = 1, n do
    for r = 1, floor(n / b) do
      local e = area(0, t, b, r, true) + FN_WEIGHT * area(t, 1, b, r, false)
      if e < best then best = e; bb = b; br = r end
    end
  end
  param_memo[key] = { bb, br }
  return bb, br
end
M._lsh_params = lsh_params

local LSH = { __name = "newsc.lsh" }
local lsh_methods = {}
LSH.__index = lsh_methods
NOT_TEXT[LSH] = true

--- A new index; ids are kept in its array part (so that `#ix` counts them
-- on every Lua), the rest in fields: `_buckets` band key -> items in the
-- order added; with the 64-bit engine also C's open-addressing table of
-- band keys (`_keys`, slot -> key, `_slots`, `_used`), whose slot order
-- gives the order of `pairs` as in C; otherwise `_order`, the buckets in
-- the order they were made.
local function newlsh(bands, rows, n)
  return setmetatable({ _bands = bands, _rows = rows, _n = n, _sigs = {}, _buckets = {},
                        _order = {}, _keys = {}, _slots = 0, _used = 0, _have = false }, LSH)
end

local findslot = E.findslot

-- doubles C's table of band keys (grow in sim_lsh.c)
local function grow(x)
  local ns = x._slots > 0 and x._slots * 2 or 1024
  local keys, nk = x._keys, {}
  for i = 0, x._slots - 1 do
    local key = keys[i]
    if key ~= nil then nk[findslot(nk, ns, key)] = key end
  end
  x._keys, x._slots = nk, ns
end

--- Add signature `sig` as item number #items + 1 (nc_lsh_add).
local function lsh_add(x, sig)
  local item = #x._sigs + 1
  x._sigs[item] = sig
  local buckets, order, bandkey = x._buckets, x._order, E.bandkey
  for band = 0, x._bands - 1 do
    local key = bandkey(sig, band, x._rows)
    if findslot then
      if (x._used + 1) * 2 > x._slots then grow(x) end
      local slot = findslot(x._keys, x._slots, key)
      if x._keys[slot] == nil then x._keys[slot] = key; x._used = x._used + 1 end
    end
    local bk = buckets[key]
    if not bk then
      bk = {}
      buckets[key] = bk
      order[#order + 1] = bk
    end
    bk[#bk + 1] = item
  end
  return item
end

--- Items sharing a band with sig, each once; per band, the latest added
-- first (nc_lsh_query).
local function lsh_query(x, sig)
  local out, seen, bandkey = {}, {}, E.bandkey
  for band = 0, x._bands - 1 do
    local bk = x._buckets[bandkey(sig, band, x._rows)]
    if bk then
      for t = #bk, 1, -1 do
        local it = bk[t]
        if not seen[it] then seen[it] = true; out[#out + 1] = it end
      end
    end
  end
  return out
end

local function sigsim(a, b, n)
  local c = 0
  for i = 1, n do
    if a[i] == b[i] then c = c + 1 end
  end
  return c / n
end

--- Candidate pairs {i, j} (i < j items) sharing a band, each once, kept
-- when their estimated similarity is >= min (nc_lsh_pairs): buckets in
-- slot order (64-bit engine: C's order) or in the order they were made,
-- the items of a bucket latest first.
local function lsh_pairs(x, min)
  local out, seen, sigs, n = {}, {}, x._sigs, x._n
  local stride = #sigs + 1
  local list = x._order
  if findslot then
    list = {}
    local keys, buckets = x._keys, x._buckets
    for slot = 0, x._slots - 1 do
      local key = keys[slot]
      if key ~= nil then list[#list + 1] = buckets[key] end
    end
  end
  for _, bk in ipairs(list) do
    local m = #bk
    if m > 1 then
      for a = m, 2, -1 do
        local i0 = bk[a]
        for b = a - 1, 1, -1 do
          local i, j = bk[b], i0 -- bk[b] < bk[a]
          local key = i * stride + j
          if not seen[key] then
            seen[key] = true
            if min <= 0 or sigsim(sigs[i], sigs[j], n) >= min then out[#out + 1] = { i, j } end
          end
        end
      end
    end
  end
  return out
end

--- `lsh{bands=, rows= [, n=]}` or `lsh{threshold= [, n=128]}`: an empty
-- index over MinHash signatures of n values.
function M.lsh(...)
  local opts = ...
  if type(opts) ~= "table" then
    argerror(1, "lsh", "table expected, got " .. typename(opts, select("#", ...) >= 1))
  end
  local bands = optinteger(opts, 1, "lsh", "bands", 0)
  local rows = optinteger(opts, 1, "lsh", "rows", 0)
  local n = optinteger(opts, 1, "lsh", "n", 0)
  local t = optnumber(opts, 1, "lsh", "threshold", -1)
  local b, r
  if bands > 0 or rows > 0 then
    if bands < 1 or rows < 1 or bands * rows > 4096 then
      argerror(1, "lsh", "options 'bands' and 'rows' must be >= 1, bands * rows <= 4096")
    end
    b, r = bands, rows
    if n == 0 then n = bands * rows end
    if n < bands * rows or n > 4096 then argerror(1, "lsh", "option 'n' must be >= bands * rows") end
  else
    if not (t > 0 and t <= 1) then
      argerror(1, "lsh", "option 'threshold' (0 < t <= 1) or 'bands' and 'rows' expected")
    end
    if n == 0 then n = 128 end
    if n < 1 or n > 4096 then argerror(1, "lsh", "option 'n' must be between 1 and 4096") end
    b, r = lsh_params(t, n)
  end
  return newlsh(b, r, n)
end

local function checklsh(v, fname, given)
  if getmetatable(v) ~= LSH then argerror(1, fname, "newsc.lsh expected, got " .. typename(v, given)) end
  return v
end

local function lshsig(x, v, k, fname, given)
  local g = checksig(v, k, fname, given)
  if #g ~= x._n then
    argerror(k, fname, format("signature of %d values, the index takes %d", #g, x._n))
  end
  if x._have and (g._k ~= x._k or g._seed ~= x._seed) then
    argerror(k, fname, "signature made with another k or seed than the indexed ones")
  end
  return g
end

--- `ix:add(id, sig)`: add a signature under `id` (any value but nil).
function lsh_methods.add(...)
  local x, id, sig = ...
  local nargs = select("#", ...)
  checklsh(x, "add", nargs >= 1)
  if nargs < 2 then argerror(2, "add", "value expected") end
  if id == nil then argerror(2, "add", "id must not be nil") end
  local g = lshsig(x, sig, 3, "add", nargs >= 3)
  local item = lsh_add(x, g)
  x._have, x._k, x._seed = true, g._k, g._seed
  x[item] = id
end

--- `ix:query(sig)`: the ids sharing a band with sig, each once.
function lsh_methods.query(...)
  local x, sig = ...
  checklsh(x, "query", select("#", ...) >= 1)
  local g = lshsig(x, sig, 2, "query", select("#", ...) >= 2)
  local out = {}
  for i, it in ipairs(lsh_query(x, g)) do out[i] = x[it] end
  return out
end

--- `ix:pairs([min])`: { {id1, id2}, ... } the candidate pairs sharing a
-- band whose estimated similarity is >= min (default 0).
function lsh_methods.pairs(...)
  local x, min = ...
  checklsh(x, "pairs", select("#", ...) >= 1)
  if min == nil then min = 0
  elseif type(min) ~= "number" then
    local v = type(min) == "string" and tonumber(min)
    if not v then argerror(2, "pairs", "number expected, got " .. typename(min)) end
    min = v
  end
  local out = {}
  for i, p in ipairs(lsh_pairs(x, min)) do out[i] = { x[p[1]], x[p[2]] } end
  return out
end

--- `ix:params()`: bands, rows, n.
function lsh_methods.params(...)
  local x = ...
  checklsh(x, "params", select("#", ...) >= 1)
  return x._bands, x._rows, x._n
end

LSH.__tostring = function(x)
  return format("newsc.lsh (%d items, %d bands x %d rows)", #x, x._bands, x._rows)
end

-- ------------------------------------------------------------ near-duplicates

--- `neardups(texts [, opts])`: the pairs {i, j, jaccard} (i < j positions
-- in texts) whose k-shingle sets have an exact Jaccard similarity >=
-- threshold, found through MinHash-n and LSH as in C (opts threshold =
-- 0.8, k = 1, n = 128, seed = 1, stop, stem, invalid), in the order of
-- the LSH index's candidate pairs (the C module's order with the 64-bit engine).
-- Or nil, "text N: invalid UTF-8 at byte M".
function M.neardups(...)
  local texts, opts = ...
  if type(texts) ~= "table" then
    argerror(1, "neardups", "table expected, got " .. typename(texts, select("#", ...) >= 1))
  end
  local o = simtok.options(opts, 2, "neardups", false, false)
  local t = optnumber(opts, 2, "neardups", "threshold", 0.8)
  local k = optinteger(opts, 2, "neardups", "k", 1)
  local n = optinteger(opts, 2, "neardups", "n", 128)
  local seed = optinteger(opts, 2, "neardups", "seed", 1)
  if not (t > 0 and t <= 1) then argerror(2, "neardups", "option 'threshold' must be in (0, 1]") end
  if k < 1 or k > 1000 then argerror(2, "neardups", "option 'k' must be between 1 and 1000") end
  if n < 1 or n > 4096 then argerror(2, "neardups", "option 'n' must be between 1 and 4096") end
  local count = #texts
  for i = 1, count do
    if type(texts[i]) ~= "string" then argerror(1, "neardups", format("item %d is not a string", i)) end
  end
  local bands, rows = lsh_params(t, n)
  local ix = newlsh(bands, rows, n)
  local ab = params(seed, n)
  local setl = {}
  for i = 1, count do
    local seq, err = simtok.tokens(texts[i], o, 1, "neardups")
    if not seq then return nil, format("text %d: %s", i, err) end
    local s = newset(shingle_list(seq, k))
    setl[i] = s
    local sig = {}
    if #s == 0 then -- no token: a signature that matches nothing
      E.emptysig(i, n, sig)
    else
      local hs = E.seq_hashes(seq, k)
      E.minhash(hs, #hs, ab, n, sig)
    end
    lsh_add(ix, sig)
  end
  local out = {}
  for _, p in ipairs(lsh_pairs(ix, 0)) do
    local a, b = setl[p[1]], setl[p[2]]
    if #a > 0 and #b > 0 then
      local jac = jaccard(a, b)
      if jac >= t then out[#out + 1] = { p[1], p[2], jac } end
    end
  end
  return out
end

for _, tbl in ipairs({ M, sig_methods, fp_methods, lsh_methods }) do
  for _, f in pairs(tbl) do
    if type(f) == "function" then PUBLIC[f] = true end
  end
end

M._strhash, M._params, M._P = strhash, params, P

return M
