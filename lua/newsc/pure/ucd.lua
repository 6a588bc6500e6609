--- UTF-8 decoding and Unicode letter classes for the pure-Lua backend.
-- Written with `string.byte` arithmetic only, so it runs on Lua 5.1-5.4 and
-- LuaJIT alike (no `utf8` library, no bit operators).
-- @module newsc.pure.ucd

local byte, find = string.byte, string.find
local floor = math.floor
local T = require "newsc.pure.ucat"
local starts, classes = T.starts, T.classes

local M = {}

--- Class numbers returned by `class`.
M.OTHER, M.UPPER, M.LOWER, M.NUMBER, M.MARK = 0, 1, 2, 3, 4

--- Decode the code point at byte `i` (1-based) of `s`, reading no further
-- than byte `n` (default `#s`).
-- @return the code point (or -1 when ill-formed: overlong, surrogate,
-- above U+10FFFF, truncated, stray continuation) and its length in bytes
-- (1 when ill-formed), as the C engine's `nc_utf8_decode`.
function M.decode(s, i, n)
  n = n or #s
  local c = byte(s, i)
  if c < 0x80 then return c, 1 end
  if c >= 0xC2 and c <= 0xDF then
    if i + 1 <= n then
      local c1 = byte(s, i + 1)
      if c1 >= 0x80 and c1 < 0xC0 then return (c - 0xC0) * 64 + (c1 - 0x80), 2 end
    end
  elseif c >= 0xE0 and c <= 0xEF then
    if i + 2 <= n then
      local c1, c2 = byte(s, i + 1, i + 2)
      if c1 >= 0x80 and c1 < 0xC0 and c2 >= 0x80 and c2 < 0xC0 then
        local v = (c - 0xE0) * 4096 + (c1 - 0x80) * 64 + (c2 - 0x80)
        if v >= 0x800 and (v < 0xD800 or v > 0xDFFF) then return v, 3 end
      end
    end
  elseif c >= 0xF0 and c <= 0xF4 then
    if i + 3 <= n then
      local c1, c2, c3 = byte(s, i + 1, i + 3)
      if c1 >= 0x80 and c1 < 0xC0 and c2 >= 0x80 and c2 < 0xC0 and c3 >= 0x80 and c3 < 0xC0 then
        local v = (c - 0xF0) * 262144 + (c1 - 0x80) * 4096 + (c2 - 0x80) * 64 + (c3 - 0x80)
        if v >= 0x10000 and v <= 0x10FFFF then return v, 4 end
      end
    end
  end
  return -1, 1
end
local decode = M.decode

--- Byte offset (1-based) of the first ill-formed byte of `s`, or nil when
-- `s` is valid UTF-8.
function M.check(s)
  local n = #s
  local i = find(s, "[\128-\255]")
  while i do
    local cp, k = decode(s, i, n)
    if cp < 0 then return i end
    i = find(s, "[\128-\255]", i + k)
  end
  return nil
end

--- The class of code point `cp` (see the constants above): the general
-- category of Unicode 15.0, as utf8proc 2.8 gives it, folded to letter
-- case, number and mark. -1 (ill-formed) is OTHER.
function M.class(cp)
  if cp < 0 then return 0 end
  if cp < 0x80 then
    if cp >= 97 and cp <= 122 then return 2 end
    if cp >= 65 and cp <= 90 then return 1 end
    if cp >= 48 and cp <= 57 then return 3 end
    return 0
  end
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = floor((lo + hi + 1) / 2)
    if starts[mid] <= cp then lo = mid else hi = mid - 1 end
  end
  return byte(classes, lo) - 48
end

--- Encode code point `cp` as UTF-8.
function M.encode(cp)
  local char = string.char
  if cp < 0x80 then return char(cp) end
  if cp < 0x800 then return char(0xC0 + floor(cp / 64), 0x80 + cp % 64) end
  if cp < 0x10000 then
    return char(0xE0 + floor(cp / 4096), 0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  return char(0xF0 + floor(cp / 262144), 0x80 + floor(cp / 4096) % 64,
              0x80 + floor(cp / 64) % 64, 0x80 + cp % 64)
end

return M
