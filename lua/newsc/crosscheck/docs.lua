--- Preparing articles for the cross-check: metadata, the body as a masked
-- copy of the input (boilerplate blanked, offsets unchanged), sentences,
-- quotes, figures and dates, all with byte ranges in the INPUT text.
-- @module newsc.crosscheck.docs
local util = require "newsc.crosscheck.util"

local M = {}

-- Call fn(s, opts); on invalid UTF-8 retry reading bad bytes as U+FFFD.
local function call(fn, s, opts)
  local res, err = fn(s, opts)
  if res == nil and err and tostring(err):match("UTF%-8") then
    local o = {}
    for k, v in pairs(opts or {}) do o[k] = v end
    o.invalid = "replace"
    res, err = fn(s, o)
  end
  return res, err
end
M.call = call

-- Input text rebuilt from an article's paragraphs when the caller passed
-- the result of newsc.article without the input: every paragraph put back
-- at its offset, the gaps filled with new lines.
local function rebuild(art)
  local paras = art.paragraphs
  if type(paras) ~= "table" or #paras == 0 then return art.body or "" end
  local buf, pos = {}, 1
  for _, p in ipairs(paras) do
    if p.start > pos then buf[#buf + 1] = ("\n"):rep(p.start - pos) end
    buf[#buf + 1] = p.text
    pos = p.start + #p.text
  end
  return table.concat(buf)
end

-- A copy of `text` in which every byte outside the regions is a space
-- (new lines kept), so offsets into it are offsets into the input.
local function mask(text, regions)
  local buf, pos = {}, 1
  for _, r in ipairs(regions) do
    if r.start > pos then
      buf[#buf + 1] = text:sub(pos, r.start - 1):gsub("[^\n]", " ")
    end
    buf[#buf + 1] = text:sub(r.start, r.stop)
    pos = r.stop + 1
  end
  if pos <= #text then buf[#buf + 1] = text:sub(pos):gsub("[^\n]", " ") end
  return table.concat(buf)
end

local TITLES = {}
for w in ([[president prime minister deputy foreign secretary general spokesman
  spokeswoman spokesperson chief leader minister mr mrs ms dr sen rep gov king queen
  pope official officials russian palestinian israeli american ukrainian turkish
  iranian veteran former the authority pa un u.s. us of]]):gmatch("%S+") do
  TITLES[w] = true
end
local PRONOUNS = { he = 1, she = 1, they = 1, it = 1, we = 1, i = 1, him = 1, her = 1 }

--- Key of a speaker name: its last word that is not a title, lower case
-- ("Russian President Vladimir Putin" -> "putin"); nil for none or a pronoun.
function M.speaker_key(name)
  if type(name) ~= "string" or name == "" then return nil end
  local words = {}
  for w in name:gmatch("[%w\128-\255'%.%-]+") do words[#words + 1] = w end
  for i = #words, 1, -1 do
    local w = words[i]:lower():gsub("['\226\128\153]s$", "")
    if not TITLES[w] and not PRONOUNS[w] then return w end
  end
  return nil
end

local function iso_date(s)
  if type(s) ~= "string" then return nil end
  return s:match("^(%d%d%d%d%-%d%d%-%d%d)")
end

--- Prepare one article.
-- @param entry `{id=, path=, text=}` (input text), or a table from
--   `newsc.article` (with `id` and `text` when known)
-- @param i its position, for a default id
-- @param opts `{ref="YYYY-MM-DD"}` default reference date
-- @return doc table, or nil and a message
function M.prepare(entry, i, opts)
  local nc = util.nc()
  opts = opts or {}
  if type(entry) == "string" then entry = { text = entry } end
  if type(entry) ~= "table" then
    return nil, ("article %d: expected a table or a string, got %s"):format(i, type(entry))
  end
  local text = entry.text or entry.input
  local art
  if entry.body ~= nil or entry.paragraphs ~= nil then
    art = entry
    text = text or rebuild(art)
  elseif type(text) == "string" then
    if nc.article then
      local a, err = call(nc.article, text)
      if not a then return nil, err end
      art = a
    else
      art = { body = text }
    end
  else
    return nil, ("article %d: no text"):format(i)
  end
  local doc = {
    id = entry.id or ("article" .. i), path = entry.path, index = i, text = text,
    title = art.title, outlet = art.outlet, byline = art.byline,
    published = art.published, dateline = art.dateline, author = art.author, url = art.url,
  }
  -- body regions (input offsets)
  local regions = {}
  if type(art.paragraphs) == "table" and #art.paragraphs > 0 then
    for _, p in ipairs(art.paragraphs) do
      if p.start and p.stop and p.stop >= p.start then
        regions[#regions + 1] = { start = p.start, stop = p.stop }
      end
    end
    table.sort(regions, function(a, b) return a.start < b.start end)
  end
  if #regions == 0 then regions = { { start = 1, stop = #text } } end
  doc.regions = regions
  doc.masked = mask(text, regions)
  doc.ref = iso_date(doc.published) or (type(doc.dateline) == "table" and iso_date(doc.dateline.date))
            or opts.ref
  -- sentences, paragraph by paragraph
  local sents = {}
  for pi, r in ipairs(regions) do
    local ptext = text:sub(r.start, r.stop)
    local ss = call(nc.sentences, ptext) or {}
    for _, sp in ipairs(ss) do
      local s = { start = r.start + sp.start - 1, stop = r.start + sp.stop - 1, para = pi }
      s.text = text:sub(s.start, s.stop)
      s.index = #sents + 1
      sents[#sents + 1] = s
    end
  end
  doc.sentences = sents
  if opts.sentences_only then doc.quotes, doc.figures, doc.dates = {}, {}, {}; return doc end
  doc.quotes = (nc.quotes and call(nc.quotes, doc.masked)) or {}
  doc.figures = (nc.figures and call(nc.figures, doc.masked)) or {}
  doc.dates = (nc.dates and call(nc.dates, doc.masked, { ref = doc.ref })) or {}
  return doc
end

--- Index of the sentence of `doc` holding byte `pos` (binary search).
function M.sentence_at(doc, pos)
  local s = doc.sentences
  local lo, hi = 1, #s
  while lo <= hi do
    local mid = math.floor((lo + hi) / 2)
    if pos < s[mid].start then hi = mid - 1
    elseif pos > s[mid].stop then lo = mid + 1
    else return mid end
  end
  return nil
end

--- Public metadata of a prepared article (the JSON `articles` entry).
function M.meta(doc)
  return {
    id = doc.id, path = doc.path, title = doc.title, outlet = doc.outlet,
    byline = doc.byline, author = doc.author, url = doc.url, published = doc.published,
    dateline = doc.dateline,
    _regions = doc.regions,
  }
end

return M
