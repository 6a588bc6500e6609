--- Normalisation in pure Lua, reduced (see doc/pure.md): NFKC_Casefold maps
-- each code point of U+0000-U+33FF and U+FB00-U+FFEF through the NFKC_CF
-- table of tools/gen_pure_nfkccf.lua (U+2019 to an apostrophe, as the C
-- module does) and leaves other code points as they are; no canonical
-- reordering or composition is done, so text in NFC gives what the C module
-- gives and decomposed sequences stay decomposed. NFC and NFKC return the
-- text unchanged (ill-formed bytes as U+FFFD under invalid = "replace").
-- @module newsc.pure.normalize

local ucd = require "newsc.pure.ucd"
local byte, find, sub = string.byte, string.find, string.sub
local decode = ucd.decode
local CF

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
  CF = CF or require "newsc.pure.nfkccf"
  local out, i, n = {}, 1, #s
  while i <= n do
    local a = find(s, "[\128-\255]", i)
    if not a then
      out[#out + 1] = fold and sub(s, i):lower() or sub(s, i)
      break
    end
    if a > i then out[#out + 1] = fold and sub(s, i, a - 1):lower() or sub(s, i, a - 1) end
    local cp, k = decode(s, a, n)
    if cp < 0 then out[#out + 1] = "\239\191\189"
    elseif fold and cp == 0x2019 then out[#out + 1] = "'"
    elseif fold then out[#out + 1] = CF[cp] or sub(s, a, a + k - 1)
    else out[#out + 1] = sub(s, a, a + k - 1) end
    i = a + k
  end
  return table.concat(out)
end

return M
