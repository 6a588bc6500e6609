--- Extractive multi-document summary in the way of Gillick and Favre's
-- concept model: concepts are word bigrams weighted by the number of
-- articles that carry them; sentences are chosen to cover the most concept
-- weight within a word budget (greedy by gain per word, a concept counts
-- once, so repeated content earns nothing), then ordered by publication
-- time and position. Each sentence names the articles that support it.
-- @module newsc.summarise
local util = require "newsc.crosscheck.util"
local docs = require "newsc.crosscheck.docs"

local M = {}

M.defaults = {
  words = 250,      -- word budget
  min_words = 8,    -- shorter sentences are not candidates
  max_words = 60,   -- nor longer ones
  redundant = 0.5,  -- Dice of content stems above which a sentence repeats a chosen one
  support = 0.3,    -- Dice for another article's sentence to support a chosen one
  share = 0.5,      -- or: share of the sentence's shared concepts found in that article
}

local function ends_like_sentence(t)
  return t:find("[%.!?]%s*$") or t:find("[%.!?,][\"'\226\128\157\226\128\153]%s*$")
end

-- a sentence that opens with a pronoun leans on the one before it
local PRONOUN = { it = true, he = true, she = true, they = true, this = true, that = true,
                  these = true, those = true, his = true, her = true, its = true, their = true }

-- quotation marks balanced within the sentence (no half of a quote)
local function balanced(t)
  local _, straight = t:gsub('"', "")
  local _, open = t:gsub("\226\128\156", "")
  local _, close = t:gsub("\226\128\157", "")
  return straight % 2 == 0 and open == close
end

-- candidate sentences and their concepts
local function prepare_units(list, o)
  local units = {}
  for _, doc in ipairs(list) do
    for pos, s in ipairs(doc.sentences) do
      local wl = util.sentence_words(s)
      local stems = {}
      for i, w in ipairs(wl) do stems[i] = util.stem(w) end
      local concepts, seen = {}, {}
      for i = 1, #wl - 1 do
        if not (util.is_stop(wl[i]) and util.is_stop(wl[i + 1])) then
          local c = stems[i] .. " " .. stems[i + 1]
          if not seen[c] then seen[c] = true; concepts[#concepts + 1] = c end
        end
      end
      local set, n = util.content_set(wl)
      units[#units + 1] = {
        doc = doc, sent = s, pos = pos, nwords = #wl, concepts = concepts,
        set = set, n = n,
        candidate = #wl >= o.min_words and #wl <= o.max_words and ends_like_sentence(s.text)
          and balanced(s.text) and not PRONOUN[wl[1]] and true or false,
      }
    end
  end
  return units
end

--- Summarise prepared articles (newsc.crosscheck.docs) or raw ones.
-- @param articles array of `{id=, text=}`, article tables or prepared docs
-- @param opts `{words=250}` and the thresholds in `defaults`
-- @return array of `{text=, article=, start=, stop=, supported_by={ids}}`
function M.summarise(articles, opts)
  if type(articles) ~= "table" then
    error("bad argument #1 to 'summarise' (table expected, got " .. type(articles) .. ")", 2)
  end
  local o = {}
  for k, v in pairs(M.defaults) do o[k] = (opts and opts[k]) or v end
  if type(o.words) ~= "number" or o.words < 1 then
    error("bad argument #2 to 'summarise' (words must be a positive number)", 2)
  end
  local list = {}
  for i, a in ipairs(articles) do
    if a.sentences and a.masked then list[i] = a
    else
      local d, err = docs.prepare(a, i, { sentences_only = true })
      if not d then return nil, err end
      list[i] = d
    end
  end
  local units = prepare_units(list, o)
  -- concept weights: number of articles carrying the concept
  local df, where = {}, {}
  for _, u in ipairs(units) do
    for _, c in ipairs(u.concepts) do
      local w = where[c]
      if not w then w = {}; where[c] = w end
      if not w[u.doc] then w[u.doc] = true; df[c] = (df[c] or 0) + 1 end
    end
  end
  local mindf = #list > 1 and 2 or 1
  local weight = {}
  for c, n in pairs(df) do if n >= mindf then weight[c] = n end end
  -- greedy coverage
  local covered, chosen, used = {}, {}, 0
  while true do
    local best, bestscore
    for _, u in ipairs(units) do
      if u.candidate and not u.chosen and used + u.nwords <= o.words then
        local gain = 0
        for _, c in ipairs(u.concepts) do
          if weight[c] and not covered[c] then gain = gain + weight[c] end
        end
        if gain > 0 then
          local score = gain / math.sqrt(u.nwords)
          -- earlier sentences of an article are better summary sentences
          score = score * (1 + 1 / u.pos)
          local redundant = false
          for _, c in ipairs(chosen) do
            if util.dice(u.set, u.n, c.set, c.n) >= o.redundant then redundant = true; break end
          end
          if not redundant and (not bestscore or score > bestscore) then
            best, bestscore = u, score
          end
        end
      end
    end
    if not best then break end
    best.chosen = true
    chosen[#chosen + 1] = best
    used = used + best.nwords
    for _, c in ipairs(best.concepts) do covered[c] = true end
  end
  -- order: publication time, then article order, then position
  table.sort(chosen, function(a, b)
    local pa, pb = a.doc.published or "~", b.doc.published or "~"
    if a.doc ~= b.doc then
      if pa ~= pb then return pa < pb end
      return a.doc.index < b.doc.index
    end
    return a.pos < b.pos
  end)
  local out = {}
  for _, u in ipairs(chosen) do
    local sup = { u.doc.id }
    for _, d in ipairs(list) do
      if d ~= u.doc then
        local ok = false
        local shared, found = 0, 0
        for _, c in ipairs(u.concepts) do
          if weight[c] then
            shared = shared + 1
            if where[c][d] then found = found + 1 end
          end
        end
        if found >= 2 and found / shared >= o.share then ok = true end
        if not ok then
          for _, v in ipairs(units) do
            if v.doc == d and util.dice(u.set, u.n, v.set, v.n) >= o.support then
              ok = true; break
            end
          end
        end
        if ok then sup[#sup + 1] = d.id end
      end
    end
    out[#out + 1] = { text = util.squash(u.sent.text), article = u.doc.id,
                      start = u.sent.start, stop = u.sent.stop, supported_by = sup }
  end
  return out
end

return setmetatable(M, { __call = function(_, ...) return M.summarise(...) end })
