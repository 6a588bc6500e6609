--- Article clean-up on ../shared/eval/aeb-plain: write newsc.article's body
-- for each page as a prediction file and score it with the benchmark's
-- metric (word 4-gram shingles). Prints F1, precision and recall for all
-- pages and for the train / dev halves (page ids starting 0-7 / 8-f).
-- Usage: lua5.4 tools/eval/aeb.lua [DIR]   (run by `make eval`)
local json = require "newsc.json"
local article = require "newsc.article"

local dir = arg and arg[1] or "../shared/eval/aeb-plain"
local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a") f:close()
  return s
end

local raw = slurp(dir .. "/html-text.json")
if not raw then
  print("aeb: " .. dir .. " is not there; skipped")
  return
end
local pages = assert(json.decode(raw)).output
local pred = {}
local ids = {}
for id, page in pairs(pages) do
  ids[#ids + 1] = id
  local art = article.article(page.articleBody or "")
  pred[id] = { articleBody = art and art.body or "" }
end
table.sort(ids)
local out = os.getenv("AEB_PRED") or os.tmpname()
local f = assert(io.open(out, "wb"))
f:write(json.encode({ output = pred }))
f:close()

local py = [[
import json, sys, os
sys.path.insert(0, sys.argv[1])
from aeb_metric import score
gt = {k: v["articleBody"] for k, v in json.load(open(os.path.join(sys.argv[1], "ground-truth.json"))).items()}
pred = {k: v["articleBody"] for k, v in json.load(open(sys.argv[2]))["output"].items()}
for name, keep in (("all", lambda k: True), ("train", lambda k: k[0] in "01234567"), ("dev", lambda k: k[0] not in "01234567")):
    sub = {k: v for k, v in gt.items() if keep(k)}
    p, r, f = score(sub, pred)
    print("%-5s pages %3d  F1 %.3f  precision %.3f  recall %.3f" % (name, len(sub), f, p, r))
]]
local cmd = ("python3 -c '%s' '%s' '%s'"):format(py:gsub("'", "'\\''"), dir, out)
local ok = os.execute(cmd)
if not os.getenv("AEB_PRED") then os.remove(out) end
if not ok then print("aeb: python3 is needed to run the metric") end
