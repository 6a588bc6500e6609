--- Cross-check articles about one event: who said what (quotes grouped
-- across articles), the figures and whether they agree, the claims several
-- articles make, what only one says, what conflicts, and a cited summary.
-- Every item names its article and byte range in that article's input.
-- @module newsc.crosscheck
local util = require "newsc.crosscheck.util"
local docs = require "newsc.crosscheck.docs"
local quotes = require "newsc.crosscheck.quotes"
local figures = require "newsc.crosscheck.figures"
local claims = require "newsc.crosscheck.claims"
local summarise = require "newsc.summarise"

local M = {}

--- Version of the report's shape (the JSON `version`).
M.SCHEMA = 1

--- Cross-check articles.
-- @param articles array; each `{id=, path=, text=}` (input text, parsed with
--   `newsc.article`), a table from `newsc.article` (give it `id` and `text`
--   too for offsets into the input), or a string
-- @param opts `{words=250}` summary budget, `{ref="YYYY-MM-DD"}` reference
--   date when an article has none, thresholds of the grouping modules
-- @return report `{version, articles, quotes, figures, claims,
--   single_source, conflicts, summary}`, or nil and a message
function M.crosscheck(articles, opts)
  if type(articles) ~= "table" then
    error("bad argument #1 to 'crosscheck' (table expected, got " .. type(articles) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'crosscheck' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  local list, seen = {}, {}
  for i, a in ipairs(articles) do
    local d, err = docs.prepare(a, i, opts)
    if not d then return nil, err end
    if seen[d.id] then d.id = d.id .. "-" .. i end
    seen[d.id] = true
    list[i] = d
    if opts.progress then opts.progress(i, #articles) end
  end
  local report = { version = M.SCHEMA, articles = {} }
  for i, d in ipairs(list) do report.articles[i] = docs.meta(d) end
  report.quotes = quotes.group(list, opts.quotes)
  report.figures = figures.group(list)
  report.claims, report.single_source, report.conflicts = claims.find(list, opts.claims)
  for _, g in ipairs(report.figures) do
    if g.verdict == "conflict" then
      table.insert(report.conflicts, 1, {
        kind = "figure", about = g.about,
        explanation = ("%s: %s"):format(g.about, g.reason or "the figures do not agree"),
        items = g.mentions,
      })
    end
  end
  report.summary = summarise.summarise(list, { words = opts.words })
  return report
end

--- Group articles into stories (newsc.cluster on their texts), then
-- cross-check each story of two or more articles.
-- @param articles as for `crosscheck`
-- @param opts as for `crosscheck`, plus options of `newsc.cluster`
--   (`opts.cluster`), `opts.progress(i, n)` called per story, and
--   `opts.each(story, i, n)`: when given, each story goes there as soon as
--   it is checked and the returned array stays empty (memory stays flat)
-- @return array of `{articles={ids}, report=}` (report nil for a story of
--   one article), or nil and a message
function M.stories(articles, opts)
  opts = opts or {}
  local nc = util.nc()
  local texts = {}
  for i, a in ipairs(articles) do
    texts[i] = type(a) == "string" and a or a.text or a.body or ""
  end
  local clusters, cerr = nc.cluster(texts, opts.cluster)
  if not clusters then return nil, cerr end
  local out = {}
  for ci, c in ipairs(clusters) do
    local members = c.members or c
    local group, ids = {}, {}
    for k, pos in ipairs(members) do
      group[k] = articles[pos]
      ids[k] = type(articles[pos]) == "table" and articles[pos].id or ("article" .. pos)
    end
    local story = { articles = ids }
    if #group >= 2 then
      local r, err = M.crosscheck(group, opts)
      if not r then return nil, err end
      story.report = r
    end
    if opts.each then
      -- handed over as soon as it is checked, not kept
      opts.each(story, ci, #clusters)
    else
      out[#out + 1] = story
    end
    if opts.progress then opts.progress(ci, #clusters) end
  end
  return out
end

return setmetatable(M, { __call = function(_, ...) return M.crosscheck(...) end })
