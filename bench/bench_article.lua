-- Throughput of newsc.article (reading an article: lines, rules, main run,
-- metadata) on a text file (arg[1]), best of three runs, against a plain
-- pass over its lines with gmatch in the same process.
-- usage: lua5.4 bench/bench_article.lua TEXTFILE   (newsc on the path)
local newsc = require "newsc"

local util = require "bench.util"
local text = util.text("bench_article.lua TEXTFILE")
local mb = #text / (1024 * 1024)

local function best(fn) return mb / util.best(fn) end

local base = best(function()
  local n = 0
  for _ in text:gmatch("[^\n]+") do n = n + 1 end
  return n
end)
local rows = {
  { "gmatch lines, count only", base },
  { "newsc.article", best(function() return newsc.article(text) end) },
  { "newsc.article, wrap = false", best(function() return newsc.article(text, { wrap = false }) end) },
}
print(("%-32s %10s %8s"):format("article (Lua)", "MB/s", "ratio"))
for _, r in ipairs(rows) do
  print(("%-32s %10.1f %8.2f"):format(r[1], r[2], r[2] / base))
end
