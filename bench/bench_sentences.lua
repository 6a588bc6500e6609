-- Speed of newsc.sentences / newsc.sentence_spans from Lua on a text file.
-- usage: lua5.4 bench/bench_sentences.lua FILE   (core module on the path)
local newsc = require "newsc"
local path = assert(arg[1], "usage: bench_sentences.lua FILE")
local f = assert(io.open(path, "rb"))
local text = f:read("*a")
f:close()
local mb = #text / (1024 * 1024)

local best = require("bench.util").best

local count = 0
local t_tab = best(function() count = #assert(newsc.sentences(text)) end)
local t_flat = best(function() assert(newsc.sentence_spans(text)) end)
local t_gmatch = best(function()
  local k = 0
  for _ in text:gmatch("[^%.!?]+[%.!?]") do k = k + 1 end
end)
print(("sentences (Lua, %s)   %.1f MB, %d sentences"):format(_VERSION, mb, count))
print(("  %-28s %10.1f MB/s  %6.2f x gmatch"):format("newsc.sentences", mb / t_tab, t_gmatch / t_tab))
print(("  %-28s %10.1f MB/s  %6.2f x gmatch"):format("newsc.sentence_spans", mb / t_flat, t_gmatch / t_flat))
print(("  %-28s %10.1f MB/s  %6.2f x gmatch"):format("gmatch('[^%.!?]+[%.!?]')", mb / t_gmatch, 1.0))
