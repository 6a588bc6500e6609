--- Claims: statements several articles make in other words; single-source
-- statements; statements that contradict (negation) or disagree on a date.
-- @module newsc.crosscheck.claims
local util = require "newsc.crosscheck.util"
local attribution = require "newsc.crosscheck.attribution"

local M = {}

M.defaults = {
  claim = 0.38,   -- Dice of content stems for two sentences to make one claim
  alone = 0.22,   -- below this with every other article's sentences: single-source
  min_words = 6,  -- shorter sentences (headlines, captions) are no claims
}

--- Longest list of sentences a stem may have to be used to find pairs.
M.POSTINGS = 60

local NEG = { ["not"] = true, ["no"] = true, ["never"] = true, ["nor"] = true,
              ["none"] = true, ["nobody"] = true, ["nothing"] = true, denied = true,
              denies = true, deny = true }

local function negated(list)
  for _, w in ipairs(list) do
    if NEG[w] or w:find("n't$") or w:find("n\226\128\153t$") then return true end
  end
  return false
end

-- Share of a sentence's bytes inside quotation marks; `from` is the first
-- quote that may reach it (sentences come in order): returns the share and
-- the new `from`.
local function quoted_share(quotes, s, from)
  while quotes[from] and quotes[from].stop < s.start do from = from + 1 end
  local n, k = 0, from
  while quotes[k] and quotes[k].start <= s.stop do
    local q = quotes[k]
    local a, b = math.max(q.start, s.start), math.min(q.stop, s.stop)
    if b >= a then n = n + (b - a + 1) end
    k = k + 1
  end
  return n / math.max(1, s.stop - s.start + 1), from
end

-- The first content word after a negation, or nil.
local function negated_word(list)
  for i, w in ipairs(list) do
    if (NEG[w] or w:find("n't$") or w:find("n\226\128\153t$")) and list[i + 1] ~= "as"
       and list[i + 1] ~= "only" then
      for k = i + 1, math.min(i + 3, #list) do
        if not util.is_stop(list[k]) and not NEG[list[k]] then return util.stem(list[k]) end
      end
    end
  end
  return nil
end

-- Sentence units of every article.
local function units(list, o)
  local out = {}
  for _, doc in ipairs(list) do
    local quotes, from = doc.quotes or {}, 1
    for _, s in ipairs(doc.sentences) do
      local wl = util.sentence_words(s)
      local share
      share, from = quoted_share(quotes, s, from)
      if #wl >= o.min_words then
        local set, n = util.content_set(wl)
        out[#out + 1] = { doc = doc, sent = s, words = wl, set = set, n = n,
                          neg = negated(wl), negw = negated_word(wl), seq = #out + 1,
                          quoted = share > 0.5 }
      end
    end
  end
  return out
end

local function notable(u)
  local t = u.sent.text
  if t:find("%d") then return true end
  if t:find("[\"\226\128\156\226\128\157]") then return true end
  local caps = 0
  for w in t:gmatch("%s(%u[%w\128-\255]+)") do
    if not util.is_stop(w:lower()) then caps = caps + 1 end
  end
  return caps >= 2
end

local function dates_in(doc, s)
  local out = {}
  for _, d in ipairs(doc.dates or {}) do
    if d.start >= s.start and d.stop <= s.stop and d.date then out[#out + 1] = d end
  end
  return out
end

local function item(u)
  local src = attribution.find(u.sent.text)
  return {
    article = u.doc.id, text = util.squash(u.sent.text),
    start = u.sent.start, stop = u.sent.stop,
    attribution = src and { text = src.text, start = u.sent.start + src.start - 1,
                            stop = u.sent.start + src.stop - 1 } or nil,
  }
end

-- Two close sentences of which one negates what the other states: the
-- word the negation applies to must appear in the other sentence.
local function contradiction(u, v)
  if u.neg == v.neg or u.quoted or v.quoted then return nil end
  local yes, no = u.neg and v or u, u.neg and u or v
  if not no.negw or not yes.set[no.negw] then return nil end
  return {
    kind = "statement",
    explanation = ("%s says it with a negation, %s without"):format(no.doc.id, yes.doc.id),
    items = { item(yes), item(no) },
  }
end

--- Claims, single-source statements and statement conflicts.
-- @return claims, single_source, conflicts
function M.find(list, opts)
  local o = {}
  for k, v in pairs(M.defaults) do o[k] = (opts and opts[k]) or v end
  local us = units(list, o)
  local best = {}
  local conflicts = {}
  local inv = {}
  for _, u in ipairs(us) do
    for k in pairs(u.set) do
      local l = inv[k]
      if not l then l = {}; inv[k] = l end
      l[#l + 1] = u
    end
  end
  local pairs_ = {}
  -- stems carried by very many sentences find no pair worth having alone;
  -- leaving them out of the candidate search keeps the work near-linear
  local cap = math.max(M.POSTINGS, 4 * #list)
  for _, u in ipairs(us) do
    local cand = {}
    for k in pairs(u.set) do
      local l = inv[k]
      if #l <= cap then
        for _, v in ipairs(l) do
          if v.doc ~= u.doc and v.seq > u.seq then cand[v] = true end
        end
      end
    end
    -- candidates in a fixed order (sentence order), the best of each
    -- other article kept as a pair
    local cl = {}
    for v in pairs(cand) do cl[#cl + 1] = v end
    table.sort(cl, function(a, b) return a.seq < b.seq end)
    local per_doc = {}
    for _, v in ipairs(cl) do
      local d = util.dice(u.set, u.n, v.set, v.n)
      if d > (best[u] or 0) then best[u] = d end
      if d > (best[v] or 0) then best[v] = d end
      if d >= o.claim then
        local cur = per_doc[v.doc]
        if not cur or d > cur[3] then
          if cur then cur[3] = -1 end
          local p = { u, v, d, #pairs_ + 1 }
          pairs_[#pairs_ + 1] = p
          per_doc[v.doc] = p
        end
        local neg = contradiction(u, v)
        if neg then conflicts[#conflicts + 1] = neg end
        u.dates = u.dates or dates_in(u.doc, u.sent)
        v.dates = v.dates or dates_in(v.doc, v.sent)
        local du, dv = u.dates, v.dates
        -- a date after the article's own is a plan ("expected to visit on
        -- Thursday"), not a report to hold against another
        if du[1] and u.doc.ref and du[1].date > u.doc.ref then du = {} end
        if dv[1] and v.doc.ref and dv[1].date > v.doc.ref then dv = {} end
        if #du == 1 and #dv == 1 and du[1].date ~= dv[1].date then
          conflicts[#conflicts + 1] = {
            kind = "date",
            explanation = ("%s dates it %s (\"%s\"), %s dates it %s (\"%s\")"):format(
              u.doc.id, du[1].date, du[1].text, v.doc.id, dv[1].date, dv[1].text),
            items = { item(u), item(v) },
          }
        end
      end
    end
  end
  -- join the closest pairs first; a claim holds one sentence per article
  local kept = {}
  for _, p in ipairs(pairs_) do if p[3] >= 0 then kept[#kept + 1] = p end end
  pairs_ = kept
  table.sort(pairs_, function(a, b)
    if a[3] ~= b[3] then return a[3] > b[3] end
    return a[4] < b[4]
  end)
  local parent, arts = {}, {}
  local function find(x)
    while parent[x] ~= x do x = parent[x] end
    return x
  end
  for _, p in ipairs(pairs_) do
    local u, v = p[1], p[2]
    if not u.quoted and not v.quoted then
      for _, x in ipairs({ u, v }) do
        if not parent[x.seq] then parent[x.seq] = x.seq; arts[x.seq] = { [x.doc] = true } end
      end
      local a, b = find(u.seq), find(v.seq)
      if a ~= b then
        local clash = false
        for d in pairs(arts[b]) do if arts[a][d] then clash = true; break end end
        if not clash then
          if b < a then a, b = b, a end
          parent[b] = a
          for d in pairs(arts[b]) do arts[a][d] = true end
        end
      end
    end
  end
  local clusters, order = {}, {}
  for _, u in ipairs(us) do
    if parent[u.seq] then
      local r = find(u.seq)
      if not clusters[r] then clusters[r] = {}; order[#order + 1] = r end
      table.insert(clusters[r], u)
    end
  end
  local claims = {}
  for _, r in ipairs(order) do
    local c = clusters[r]
    local ids, seen, items = {}, {}, {}
    for _, u in ipairs(c) do
      if not seen[u.doc.id] then seen[u.doc.id] = true; ids[#ids + 1] = u.doc.id end
      items[#items + 1] = item(u)
    end
    if #ids >= 2 then
      claims[#claims + 1] = { text = items[1].text, article = items[1].article,
                              start = items[1].start, stop = items[1].stop,
                              articles = ids, items = items, first = r }
    end
  end
  table.sort(claims, function(a, b)
    if #a.articles ~= #b.articles then return #a.articles > #b.articles end
    return a.first < b.first
  end)
  for _, c in ipairs(claims) do c.first = nil end
  local single = {}
  for _, u in ipairs(us) do
    if not u.quoted and (best[u] or 0) < o.alone and notable(u) then single[#single + 1] = item(u) end
  end
  return claims, single, conflicts
end

return M
