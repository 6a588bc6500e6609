--- The C module's 64-bit hashing for MinHash, SimHash and LSH, written with
-- Lua 5.3+ integer operators (64-bit integers that wrap around, as C's
-- uint64_t): the shingle hashes, MinHash parameters and values, SimHash
-- bits and LSH band keys of `csrc/sim_set.c` and `csrc/sim_lsh.c`, bit for
-- bit. `newsc.pure.sketch` loads it only where integers have 64 bits (Lua
-- 5.1, 5.2 and LuaJIT cannot parse this file: they use the 32-bit scheme of
-- `newsc.pure.sketch`).
-- @module newsc.pure.sketch64

local simtok = require "newsc.pure.simtok"

local tonumber, format, find, sub = tonumber, string.format, string.find, string.sub
local hexhash = simtok.hash

local M = {}

--- splitmix64's finaliser (nc_sim_mix).
local function mix(x)
  x = x ~ (x >> 30); x = x * 0xbf58476d1ce4e5b9
  x = x ~ (x >> 27); x = x * 0x94d049bb133111eb
  return x ~ (x >> 31)
end
M.mix = mix

--- The C module's hash of a token key (nc_sim_hash, seed 0), memoised in `memo`.
local function tokhash(key, memo)
  local h = memo[key]
  if not h then
    h = tonumber(hexhash(key), 16)
    memo[key] = h
  end
  return h
end

--- The hash of the shingle of token hashes t[i .. i+k-1] (nc_sim_shingle_hashes).
local function shingle(t, i, k)
  if k == 1 then return t[i] end
  local h = 0x243F6A8885A308D3 ~ k
  for r = 0, k - 1 do h = (h ~ t[i + r]) * 0x9E3779B97F4A7C15 + (h >> 31) end
  h = mix(h)
  if h == 0 then h = 1 end
  return h
end

--- The k-shingle hashes of a token sequence, in text order with repeats.
function M.seq_hashes(seq, k)
  local keys, n, out, memo, t = seq.keys, seq.n, {}, {}, {}
  if n == 0 then return out end
  if k > n then k = n end
  for i = 1, n do t[i] = tokhash(keys[i], memo) end
  for i = 1, n - k + 1 do out[i] = shingle(t, i, k) end
  return out
end

--- The hashes of a shingle set's strings (tokens joined by "\0"; a token
-- holding a NUL byte is read as two tokens here).
function M.set_hashes(set)
  local out, memo, t = {}, {}, {}
  for i = 1, #set do
    local s, k, p = set[i], 0, 1
    while true do
      local z = find(s, "\0", p, true)
      k = k + 1
      t[k] = tokhash(sub(s, p, (z or 0) - 1), memo)
      if not z then break end
      p = z + 1
    end
    out[i] = shingle(t, 1, k)
  end
  return out
end

--- The 2n parameters {a1, b1, ...} of n hash functions from `seed` (nc_minhash_params).
function M.params(seed, n)
  local ab, s = {}, seed
  for i = 1, n do
    s = s + 0x9E3779B97F4A7C15; ab[2 * i - 1] = mix(s) | 1
    s = s + 0x9E3779B97F4A7C15; ab[2 * i] = mix(s)
  end
  return ab
end

--- MinHash values sig[1..n] of the hashes x[1..m] (nc_minhash): the least
-- high 32 bits of a_i y + b_i, y = the two halves of x xor-ed; empty: all 2^32 - 1.
function M.minhash(x, m, ab, n, sig)
  local y = {}
  for j = 1, m do
    local h = x[j]
    y[j] = (h ~ (h >> 32)) & 0xFFFFFFFF
  end
  for i = 1, n do
    local a, b = ab[2 * i - 1], ab[2 * i]
    local mn = 0xFFFFFFFF
    for j = 1, m do
      local v = (a * y[j] + b) >> 32
      if v < mn then mn = v end
    end
    sig[i] = mn
  end
  return sig
end

--- The 64-bit SimHash of the feature hashes x[1..m] (nc_simhash, unit
-- weights) as 16 hexadecimal digits: bit b is set when more than half the
-- features have it.
function M.simhash(x, m)
  local hist, touched, nt = {}, {}, 0
  for j = 1, m do
    local h = mix(x[j] ~ 0x5851F42D4C957F2D)
    for byt = 0, 7 do
      local key = byt * 256 + ((h >> (8 * byt)) & 0xFF)
      local c = hist[key]
      if c then hist[key] = c + 1 else hist[key] = 1; nt = nt + 1; touched[nt] = key end
    end
  end
  local cnt = {}
  for b = 0, 63 do cnt[b] = 0 end
  for t = 1, nt do
    local key = touched[t]
    local c, base, v = hist[key], (key >> 8) * 8, key & 0xFF
    for r = 0, 7 do
      if (v >> r) & 1 == 1 then cnt[base + r] = cnt[base + r] + c end
    end
  end
  local out = 0
  for b = 0, 63 do
    if 2 * cnt[b] > m then out = out | (1 << b) end
  end
  return format("%016x", out)
end

--- The key of band `band` (0-based) of a signature (bandkey in sim_lsh.c).
function M.bandkey(sig, band, rows)
  local h = 0x9E3779B97F4A7C15 * (band + 1)
  local p = band * rows
  for i = 1, rows do h = (h ~ sig[p + i]) * 0xff51afd7ed558ccd + (h >> 29) end
  h = mix(h)
  if h == 0 then h = 1 end
  return h
end

--- The signature nc_sim_neardups gives an empty text (item i, 1-based): values that match nothing.
function M.emptysig(i, n, sig)
  for j = 1, n do sig[j] = mix(((i - 1) << 16) ~ (j - 1)) & 0xFFFFFFFF end
  return sig
end

--- The slot of key k in an open-addressing table of `slots` slots (a power
-- of two), linear probing from k & (slots - 1) (findslot in sim_lsh.c).
function M.findslot(keys, slots, k)
  local m = slots - 1
  local i = k & m
  while keys[i] ~= nil and keys[i] ~= k do i = (i + 1) & m end
  return i
end

return M
