-- The Word_Break property of every code point, read from the Unicode
-- Character Database, as one byte per code point: the Word_Break value in
-- the low 5 bits, 0x20 Emoji_Presentation, 0x40 a letter or number (L*, N*),
-- 0x80 Extended_Pictographic. Shared by tools/gen_wbprop.lua (csrc/wbprop.h)
-- and tools/gen_pure_wbprop.lua (lua/newsc/pure/wbprop.lua).
local M = {}

--- Read the three files; returns the sparse table cp -> property byte and
-- the version of WordBreakProperty.txt.
function M.load(wbfile, emojifile, gcfile)
gcfile = gcfile or (wbfile:gsub("[^/]*$", ""):gsub("[^/]*/$", "") .. "extracted/DerivedGeneralCategory.txt")

-- the order of these names is the order of the enum in the header
local NAMES = { "Other", "CR", "LF", "Newline", "Extend", "ZWJ", "Regional_Indicator",
  "Format", "Katakana", "Hebrew_Letter", "ALetter", "Single_Quote", "Double_Quote",
  "MidNumLet", "MidLetter", "MidNum", "Numeric", "ExtendNumLet", "WSegSpace" }
local ENUM = { Other = "OTHER", CR = "CR", LF = "LF", Newline = "NEWLINE", Extend = "EXTEND",
  ZWJ = "ZWJ", Regional_Indicator = "RI", Format = "FORMAT", Katakana = "KATAKANA",
  Hebrew_Letter = "HL", ALetter = "ALETTER", Single_Quote = "SQ", Double_Quote = "DQ",
  MidNumLet = "MIDNUMLET", MidLetter = "MIDLETTER", MidNum = "MIDNUM", Numeric = "NUMERIC",
  ExtendNumLet = "EXTENDNUMLET", WSegSpace = "WSEGSPACE" }
local VALUE = {}
for i, name in ipairs(NAMES) do VALUE[name] = i - 1 end

local MAXCP = 0x10FFFF
local prop = {}   -- sparse: cp -> byte
local version = "?"

local function each_range(path, f)
  local fh = assert(io.open(path, "r"))
  for line in fh:lines() do
    local v = line:match("^# %S+%-(%d+%.%d+%.%d+)%.txt")
    if v and version == "?" then version = v end
    local data = line:gsub("#.*", "")
    local a, b, name = data:match("^%s*(%x+)%.%.(%x+)%s*;%s*([%w_]+)")
    if not a then
      a, name = data:match("^%s*(%x+)%s*;%s*([%w_]+)")
      b = a
    end
    if a then f(tonumber(a, 16), tonumber(b, 16), name) end
  end
  fh:close()
end

each_range(wbfile, function(a, b, name)
  local v = VALUE[name]
  if not v then error("unknown Word_Break value " .. name) end
  for cp = a, b do prop[cp] = ((prop[cp] or 0) & 0xE0) | v end
end)
local wbversion = version
each_range(gcfile, function(a, b, name)
  if name:match("^[LN]") then
    for cp = a, b do prop[cp] = (prop[cp] or 0) | 0x40 end
  end
end)
each_range(emojifile, function(a, b, name)
  if name == "Extended_Pictographic" then
    for cp = a, b do prop[cp] = (prop[cp] or 0) | 0x80 end
  elseif name == "Emoji_Presentation" then
    for cp = a, b do prop[cp] = (prop[cp] or 0) | 0x20 end
  end
end)
return { prop = prop, version = wbversion, NAMES = NAMES, ENUM = ENUM, VALUE = VALUE, MAXCP = MAXCP }
end

return M
