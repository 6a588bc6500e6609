-- ECB+ story clustering: each topic holds two events of one kind (files
-- *ecb.txt and *ecbplus.txt); newsc.cluster must keep each event together
-- and the two apart. Prints pairwise precision and recall per split
-- (topics 1-10 for tuning, 11-22 for checking) and over all topics, both
-- clustering each topic on its own and all articles at once.
-- usage: lua5.4 tools/eval/ecbplus.lua [threshold] [option=number ...]
--   e.g. bigrams=0 lead=0 (options of newsc.cluster; the defaults otherwise)
local newsc = require "newsc"
local cluster = require("newsc.cluster").cluster

local ROOT = "../shared/eval/ecbplus/"
local threshold
local opts = {}
for _, a in ipairs(arg or {}) do
  local k, v = a:match("^(%w[%w_]*)=(.+)$")
  if k then opts[k] = tonumber(v) or v
  elseif tonumber(a) then threshold = tonumber(a)
  else error("usage: lua5.4 tools/eval/ecbplus.lua [threshold] [option=number ...]") end
end
opts.threshold = threshold or opts.threshold
threshold = opts.threshold

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  -- the first line is the source URL in some files: it is metadata, not text
  local first, rest = s:match("^([^\n]*)\n(.*)$")
  if first and first:match("^%a+://") then s = rest end
  return s
end

local function topic_docs(t)
  local docs = {}
  local p = io.popen('ls "' .. ROOT .. t .. '" 2>/dev/null')
  for name in p:lines() do
    local ev = name:match("ecbplus%.txt$") and "plus" or (name:match("ecb%.txt$") and "ecb")
    if ev then docs[#docs + 1] = { name = name, event = t .. ev, text = read(ROOT .. t .. "/" .. name) } end
  end
  p:close()
  table.sort(docs, function(a, b) return a.name < b.name end)
  return docs
end

-- pairwise counts: true positives, predicted pairs, gold pairs
local function score(docs, clusters)
  local label = {}
  for ci, c in ipairs(clusters) do for _, i in ipairs(c) do label[i] = ci end end
  local tp, pred, gold = 0, 0, 0
  for i = 1, #docs do
    for j = i + 1, #docs do
      local same_p = label[i] == label[j]
      local same_g = docs[i].event == docs[j].event
      if same_p then pred = pred + 1 end
      if same_g then gold = gold + 1 end
      if same_p and same_g then tp = tp + 1 end
    end
  end
  return tp, pred, gold
end

local f = io.open(ROOT .. "README.md")
if not f then
  print("ecbplus: ../shared/eval/ecbplus is not there; skipped")
  return
end
f:close()

local topics = {}
local p = io.popen('ls "' .. ROOT .. '"')
for name in p:lines() do if name:match("^%d+$") then topics[#topics + 1] = tonumber(name) end end
p:close()
table.sort(topics)

local splits = { train = { 0, 0, 0 }, dev = { 0, 0, 0 }, all = { 0, 0, 0 } }
local every, alldocs = {}, {}
local t0 = os.clock()
for _, t in ipairs(topics) do
  local docs = topic_docs(t)
  local texts = {}
  for i, d in ipairs(docs) do texts[i] = d.text; alldocs[#alldocs + 1] = d end
  local cl = assert(cluster(texts, opts))
  local tp, pred, gold = score(docs, cl)
  local split = t <= 10 and splits.train or splits.dev
  for _, s in ipairs({ split, splits.all }) do
    s[1] = s[1] + tp; s[2] = s[2] + pred; s[3] = s[3] + gold
  end
  every[#every + 1] = ("  topic %2d: %2d docs, %d clusters, P %.3f R %.3f"):format(
    t, #docs, #cl, pred > 0 and tp / pred or 1, gold > 0 and tp / gold or 1)
end
local per_topic_time = os.clock() - t0

local function line(name, s)
  return ("%-26s pairwise precision %.3f  recall %.3f  (%d true of %d predicted, %d gold pairs)"):format(
    name, s[2] > 0 and s[1] / s[2] or 1, s[3] > 0 and s[1] / s[3] or 1, s[1], s[2], s[3])
end

local shown = {}
for k, v in pairs(require("newsc.cluster").defaults) do
  if opts[k] ~= nil then v = opts[k] end
  shown[#shown + 1] = k .. "=" .. tostring(v)
end
table.sort(shown)
print(("ECB+ story clustering, %d topics, %d articles; %s"):format(#topics, #alldocs, table.concat(shown, " ")))
print("each topic on its own:")
for _, l in ipairs(every) do print(l) end
print(line("topics 1-10 (train)", splits.train))
print(line("topics 11-22 (dev)", splits.dev))
print(line("all topics", splits.all))

local texts = {}
for i, d in ipairs(alldocs) do texts[i] = d.text end
t0 = os.clock()
local cl = assert(cluster(texts, opts))
local tp, pred, gold = score(alldocs, cl)
print(line(("all %d articles at once"):format(#alldocs), { tp, pred, gold }))
print(("  %d clusters for %d events; %.2f s per-topic runs, %.2f s at once"):format(
  #cl, 2 * #topics, per_topic_time, os.clock() - t0))
