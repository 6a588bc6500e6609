-- Lua-side throughput of the word functions on a text file (arg[1]), one
-- core, best of three runs, against Lua's own gmatch("%w+") (strings, no
-- Unicode, no offsets) in the same process.
-- usage: lua5.4 bench/bench_words.lua TEXTFILE   (newsc on the path)
local newsc = require "newsc"

local util = require "bench.util"
local text = util.text("bench_words.lua TEXTFILE")
local mb = #text / (1024 * 1024)

local function best(fn) return mb / util.best(fn) end

local rows = {
  { "gmatch('%w+') into a table", function()
      local t, n = {}, 0
      for w in text:gmatch("%w+") do n = n + 1; t[n] = w end
      return t
    end },
  { "gmatch('%w+') count only", function()
      local n = 0
      for _ in text:gmatch("%w+") do n = n + 1 end
      return n
    end },
  { "newsc.words (Lua strings)", function() return newsc.words(text) end },
  { "newsc.words {fields='text'}", function() return newsc.words(text, { fields = "text" }) end },
  { "newsc.words {fields='norm'}", function() return newsc.words(text, { fields = "norm" }) end },
  { "newsc.word_spans", function() return newsc.word_spans(text) end },
  { "newsc.count_words", function() return newsc.count_words(text) end },
  { "newsc.segments", function() return newsc.segments(text) end },
  { "newsc.normalize NFKC_Casefold", function() return newsc.normalize(text) end },
  { "newsc.normalize NFC", function() return newsc.normalize(text, "NFC") end },
}

print(("== words from Lua (%s), %d bytes, %d words"):format(_VERSION, #text, newsc.count_words(text)))
local ref
for _, row in ipairs(rows) do
  local r = best(row[2])
  ref = ref or r
  print(("%-32s %9.1f MB/s  %6.3f"):format(row[1], r, r / ref))
end
