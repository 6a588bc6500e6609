-- Shared by the generators of newsc.pure's character-class tables
-- (tools/gen_pure_ucat.lua, tools/gen_pure_qcat.lua): read the general
-- category of every code point from UnicodeData.txt, map it to a class, and
-- write the runs of equal class as a Lua table {starts = {...}, classes = "..."}
-- (starts[i]..starts[i+1]-1 have class classes:sub(i, i); classes are 0-9).
local M = {}

--- Runs of equal class over 0..0x10FFFF: `starts`, `classes` (arrays).
-- `class` maps a two-letter category to a class; others get `default`.
function M.runs(path, class, default)
  local cls, first = {}, nil
  for line in io.lines(path) do
    local hex, name, cat = line:match("^(%x+);([^;]*);(%a%a);")
    if hex then
      local cp = tonumber(hex, 16)
      local c = class[cat] or default
      if name:match(", First>$") then first = cp
      elseif name:match(", Last>$") then
        for x = first, cp do cls[x] = c end
        first = nil
      else cls[cp] = c end
    end
  end
  local starts, classes, prev = {}, {}, -1
  for cp = 0, 0x10FFFF do
    local c = cls[cp] or default
    if c ~= prev then
      starts[#starts + 1] = cp; classes[#classes + 1] = c; prev = c
    end
  end
  return starts, classes
end

--- The table's source: `header` (comment lines, each ending in a newline), then the runs.
function M.source(header, starts, classes)
  local out = { header, "return {\nstarts = {" }
  for i, v in ipairs(starts) do
    out[#out + 1] = (i % 12 == 1 and "\n" or "") .. v .. ","
  end
  out[#out + 1] = "\n},\nclasses = \""
  for _, v in ipairs(classes) do out[#out + 1] = tostring(v) end
  out[#out + 1] = "\",\n}\n"
  return table.concat(out)
end

return M
