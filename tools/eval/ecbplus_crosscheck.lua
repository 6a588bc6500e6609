-- Cross-check every event of ECB+ (../shared/eval/ecbplus): each topic
-- holds two events, `*ecb.txt` one and `*ecbplus.txt` the other, each
-- reported by several outlets. For each event: no crash, and the figure
-- conflicts and updates it reports, printed for reading.
-- Run from the project root with the package on the path (make eval).
local input = require "newsc.input"
local newsc = require "newsc"

local ROOT = "../shared/eval/ecbplus"
local verbose = arg and arg[1] == "-v"

local function ls(dir)
  local out = {}
  local p = io.popen('ls -1 "' .. dir .. '" 2>/dev/null')
  for name in p:lines() do out[#out + 1] = name end
  p:close()
  return out
end

local topics = {}
for _, t in ipairs(ls(ROOT)) do
  if t:match("^%d+$") then topics[#topics + 1] = t end
end
table.sort(topics, function(a, b) return tonumber(a) < tonumber(b) end)
if #topics == 0 then print("ecbplus: " .. ROOT .. " is not there") return end

local totals = { events = 0, articles = 0, quotes = 0, multi = 0, figures = 0, groups = 0,
                 conflict = 0, tension = 0, update = 0, consistent = 0, errors = 0 }
local t0 = os.clock()
for _, t in ipairs(topics) do
  for _, kind in ipairs({ "ecb", "ecbplus" }) do
    local paths = {}
    for _, name in ipairs(ls(ROOT .. "/" .. t)) do
      if name:match("^%d+_%d+" .. kind .. "%.txt$") then paths[#paths + 1] = ROOT .. "/" .. t .. "/" .. name end
    end
    if #paths > 0 then
      local docs = assert(input.read(paths))
      local ok, report = pcall(newsc.crosscheck, docs)
      totals.events = totals.events + 1
      totals.articles = totals.articles + #docs
      if not ok or not report then
        totals.errors = totals.errors + 1
        print(("topic %s %s: ERROR %s"):format(t, kind, tostring(report)))
      else
        totals.quotes = totals.quotes + #report.quotes
        for _, q in ipairs(report.quotes) do
          if #q.articles > 1 then totals.multi = totals.multi + 1 end
        end
        for _, f in ipairs(report.figures) do
          totals.figures = totals.figures + #f.mentions
          if #f.articles > 1 then
            totals.groups = totals.groups + 1
            totals[f.verdict] = (totals[f.verdict] or 0) + 1
            if f.verdict == "conflict" or f.verdict == "update" or (verbose and f.verdict == "tension") then
              print(("topic %s %s: %s: %s (%s)"):format(t, kind, f.verdict, f.about, f.reason or ""))
              for _, m in ipairs(f.mentions) do
                if m.primary or verbose then
                  local text
                  for _, d in ipairs(docs) do if d.id == m.article then text = d.text end end
                  local ctx = text:sub(math.max(m.sentence.start, m.start - 90),
                                       math.min(m.sentence.stop, m.stop + 60)):gsub("%s+", " ")
                  print(("    %s@%d-%d %q: ...%s..."):format(m.article, m.start, m.stop, m.text, ctx))
                end
              end
            end
          end
        end
      end
    end
  end
end
print(("ecbplus crosscheck: %d events, %d articles, %d errors, %.1f s CPU"):format(
  totals.events, totals.articles, totals.errors, os.clock() - t0))
print(("  quotes: %d groups, %d carried by several articles"):format(totals.quotes, totals.multi))
print(("  figures: %d mentions; %d groups across articles: %d consistent, %d tension, %d update, %d conflict"):format(
  totals.figures, totals.groups, totals.consistent, totals.tension, totals.update, totals.conflict))
