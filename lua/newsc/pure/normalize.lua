--- Normalisation in pure Lua, reduced (see doc/pure.md): each code point of
-- U+0000-U+33FF and U+FB00-U+FFEF goes through the tables of
-- tools/gen_pure_nfkccf.lua (NFKC_Casefold with U+2019 read as an
-- apostrophe, as the C module does; NFKC; NFC), then each combining mark is
-- composed with the starter before it. Other code points stay as they are,
-- and marks are not reordered canonically.
-- @module newsc.pure.normalize

local ucd = require "newsc.pure.ucd"
local byte, find, sub = string.byte, string.find, string.sub
local decode = ucd.decode
local T

local M = {}

local FORMS = { NFC = true, NFKC = true, NFKC_Casefold = true }

local function argerr(k, msg) error(("bad argument #%d to 'normalize' (%s)"):format(k, msg), 0) end

--- `normalize(s [, form [, opts]])`: the form "NFC", "NFKC" or
-- "NFKC_Casefold" (default) of `s`, or nil, "invalid UTF-8 at byte N".
function M.normalize(...)
  local s, form, opts = ...
  if type(s) == "number" then s = tostring(s) end
  if type(s) ~= "string" then
    argerr(1, "string expected, got " .. (select("#", ...) == 0 and "no value" or type(s)))
  end
  if form == nil then form = "NFKC_Casefold" end
  if type(form) == "number" then form = tostring(form) end
  if type(form) ~= "string" then argerr(2, "string expected, got " .. type(form)) end
  if not FORMS[form] then argerr(2, ("invalid option '%s'"):format(form)) end
  local inv = "error"
  if opts ~= nil then
    if type(opts) ~= "table" then argerr(3, "table expected, got " .. type(opts)) end
    if opts.invalid ~= nil then
      if type(opts.invalid) ~= "string" then
        argerr(3, "option 'invalid' must be a string, got " .. type(opts.invalid))
      end
      if opts.invalid ~= "error" and opts.invalid ~= "replace" then
        argerr(3, ("option 'invalid' must be \"error\" or \"replace\", got \"%s\""):format(opts.invalid))
      end
      inv = opts.invalid
    end
  end
  if inv == "error" then
    local bad = ucd.check(s)
    if bad then return nil, "invalid UTF-8 at byte " .. bad end
  end
  local fold = form == "NFKC_Casefold"
  if not find(s, "[\128-\255]") then return fold and (s:lower()) or s end
  T = T or require "newsc.pure.nfkccf"
  local map = fold and T.cf or form == "NFKC" and T.nfkc or T.nfc
  local comp, ccc = T.comp, T.ccc
  -- each code point through the table, then canonical composition of each
  -- mark with the starter before it (no canonical reordering)
  local out, c = {}, 0
  local starter, lastccc = nil, 0
  local i, n = 1, #s
  while i <= n do
    local cp, k = decode(s, i, n)
    local piece
    if cp < 0 then piece = "\239\191\189"
    elseif fold and cp == 0x2019 then piece = "'"
    else piece = map[cp] or sub(s, i, i + k - 1) end
    if fold and cp >= 0 and cp < 0x80 then piece = piece:lower() end
    i = i + k
    -- the code points of piece
    local j, m = 1, #piece
    while j <= m do
      local pc, pk = decode(piece, j, m)
      local ch = sub(piece, j, j + pk - 1)
      j = j + pk
      local cc = pc >= 0 and ccc[pc] or 0
      local composed = starter and comp[out[starter] .. ch]
      if composed and (lastccc < cc or (lastccc == 0 and c == starter)) then
        out[starter] = composed
      else
        c = c + 1; out[c] = ch
        if cc == 0 then starter = c; lastccc = 0 else lastccc = cc end
      end
    end
  end
  return table.concat(out)
end

return M
