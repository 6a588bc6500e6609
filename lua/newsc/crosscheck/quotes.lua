--- Grouping quotes across articles: one group per remark, with every
-- article's rendering and its word-level differences from the fullest one.
-- @module newsc.crosscheck.quotes
local util = require "newsc.crosscheck.util"
local docs = require "newsc.crosscheck.docs"

local M = {}

--- Thresholds of the grouping (see doc/crosscheck.md).
M.defaults = {
  trim = 0.75,        -- share of the shorter rendering's words found in order in the longer
  translation = 0.45, -- Dice of content stems for a translation variant (same known speaker)
  fragment = 4,       -- renderings of at most this many words join by exact run
  verbatim = 0.9,     -- share of words in order that joins renderings whatever their speakers
}

--- Renderings of a group a new one is compared with.
M.COMPARE = 8
--- Groups a word may index before it is too common to find candidates.
M.POSTINGS = 50

local function words_of(text)
  local toks = util.words(text)
  local list, orig, eos = {}, {}, {}
  for i, t in ipairs(toks) do
    list[i] = t.w
    -- the word with the punctuation after it, as the rendering has it
    local stop = toks[i + 1] and toks[i + 1].start - 1 or #text
    if i > 1 and toks[i - 1].stop + 1 == t.start then stop = t.stop end
    local piece = text:sub(t.start, stop):gsub("%s+$", "")
    if toks[i + 1] and toks[i + 1].start <= t.stop + 1 then piece = text:sub(t.start, t.stop) end
    orig[i] = piece
    -- does a sentence end after this word?
    local gap = text:sub(t.stop + 1, toks[i + 1] and toks[i + 1].start - 1 or #text)
    eos[i] = toks[i + 1] == nil or gap:find("[%.!?]") ~= nil
  end
  return list, orig, eos
end

-- Renderings of one article: its quotes, with partial quotes of one
-- sentence and one speaker joined into one rendering in parts.
local function renderings(doc)
  local out = {}
  for _, q in ipairs(doc.quotes) do
    if q.kind ~= "title" and q.text and q.text:find("[%w\128-\255]") then
      local sent = docs.sentence_at(doc, q.start)
      local r = {
        doc = doc, article = doc.id, text = q.text, start = q.start, stop = q.stop,
        kind = q.kind or "direct", speaker = q.speaker, mention = q.mention,
        key = docs.speaker_key(q.speaker), sent = sent,
        cue = q.cue and { text = q.cue.text, start = q.cue.start, stop = q.cue.stop } or nil,
        parts = { { text = q.text, start = q.start, stop = q.stop } },
      }
      if q.parts and #q.parts > 1 then
        -- the quote finder already joined a quote split by its attribution
        r.parts = {}
        for i, p in ipairs(q.parts) do
          r.parts[i] = { text = doc.text:sub(p.start, p.stop), start = p.start, stop = p.stop }
        end
      end
      local prev = out[#out]
      local same_speaker = prev and (prev.key == r.key or not prev.key or not r.key)
      -- a quote split by its attribution: "The water," said Ada Kerr, ...,
      -- "came in minutes." (the first part ends with a comma, no sentence
      -- ends in between)
      local split = prev and same_speaker and r.kind ~= "partial" and prev.kind ~= "partial"
        and prev.text:find(",%s*$") and r.start > prev.stop and r.start - prev.stop < 300
        and not doc.text:sub(prev.stop + 1, r.start - 1):find("[%.!?]")
      if split then
        -- the comma before the attribution is not part of the remark when the
        -- quote goes on in lower case (as newsc.quotes joins its own parts)
        if util.starts_lower(r.text) then prev.text = prev.text:gsub(",%s*$", "") end
        prev.text = prev.text .. " " .. r.text
        prev.stop = r.stop
        prev.key = prev.key or r.key
        prev.speaker = prev.speaker or r.speaker
        prev.parts[#prev.parts + 1] = r.parts[1]
      elseif prev and r.kind == "partial" and prev.kind == "partial" and sent and prev.sent == sent
         and same_speaker then
        prev.text = prev.text .. " \226\128\166 " .. r.text
        prev.stop = r.stop
        prev.key = prev.key or r.key
        prev.speaker = prev.speaker or r.speaker
        prev.parts[#prev.parts + 1] = r.parts[1]
      else
        out[#out + 1] = r
      end
    end
  end
  for _, r in ipairs(out) do
    r.words, r.orig, r.eos = words_of(r.text)
    r.cset, r.ncs = util.content_set(r.words)
  end
  return out
end

-- A run of at least four words that is a whole sentence in both renderings
-- ("The water," said Ada Kerr, "came in minutes. I have lost ...").
local function shared_sentence(a, b)
  local wa, wb = a.words, b.words
  for i = 1, #wa do
    if i == 1 or a.eos[i - 1] then
      for j = 1, #wb do
        if (j == 1 or b.eos[j - 1]) and wa[i] == wb[j] then
          local k = 0
          while wa[i + k] and wa[i + k] == wb[j + k] do
            k = k + 1
            if k >= 4 and a.eos[i + k - 1] and b.eos[j + k - 1] then return true end
          end
        end
      end
    end
  end
  return false
end

-- Do all words of `small` occur in order in `big`, within a stretch at most
-- twice as long? ("Nothing pointed to this" in "Nothing in the last
-- inspection pointed to this")
local function ordered_within(big, small)
  for s = 1, #big do
    if big[s] == small[1] then
      local k, e = 1, s
      while k <= #small and e <= #big and e - s < 2 * #small do
        if big[e] == small[k] then k = k + 1 end
        e = e + 1
      end
      if k > #small then return true end
    end
  end
  return false
end

local function has_content(list)
  for _, w in ipairs(list) do if not util.is_stop(w) then return true end end
  return false
end

-- Similarity of rendering r (the shorter) to member m; 0 when they must
-- stay apart.
local function sim(r, m, o)
  local clash = r.key and m.key and r.key ~= m.key
  local short = #r.words <= o.fragment
  if clash then
    -- speakers disagree (a misread attribution, or two people): only the
    -- same words, nearly all of them, make one remark
    if short or r.doc == m.doc then return 0 end
    if shared_sentence(r, m) then return 0.8 end
    local l = util.lcs(r.words, m.words)
    local share = l / math.min(#r.words, #m.words)
    return share >= o.verbatim and share or 0
  end
  if r.doc == m.doc then
    if short and has_content(r.words) and util.contains_run(m.words, r.words) then return 1 end
    return 0
  end
  if short then
    if has_content(r.words) and util.contains_run(m.words, r.words) then return 1 end
    if #r.words >= 3 and has_content(r.words) and ordered_within(m.words, r.words) then
      return 0.9
    end
    return 0
  end
  local l = util.lcs(r.words, m.words)
  local best = 0
  local share = l / math.min(#r.words, #m.words)
  if share >= o.trim then best = share end
  if r.key and m.key then
    local d = util.dice(r.cset, r.ncs, m.cset, m.ncs)
    if d >= o.translation and d > best then best = d end
  end
  if best == 0 and shared_sentence(r, m) then best = 0.8 end
  return best
end

local function variant(full, r)
  if r == full then return "fullest" end
  local same = #r.words == #full.words
  if same then
    for i = 1, #r.words do if r.words[i] ~= full.words[i] then same = false; break end end
  end
  if same then return "same" end
  local l = util.lcs(full.words, r.words)
  if l == #r.words then return "trim" end
  return "variant"
end

-- Word-level differences of r from the fullest rendering: runs of
-- {op="="|"-"|"+", text=}; "-" words of the fullest missing here, "+"
-- words only here.
local function diff(full, r)
  local _, ops = util.lcs(full.words, r.words)
  local out = {}
  for _, op in ipairs(ops) do
    local o, text = op[1], nil
    if o == "-" then text = full.orig[op[2]] else text = r.orig[op[3]] end
    local last = out[#out]
    if last and last.op == o then
      last.text = last.text .. (last.text:sub(-1) == "-" and "" or " ") .. text
    else out[#out + 1] = { op = o, text = text } end
  end
  return out
end

-- The speaker most renderings credit (the longest name of that person).
local function speaker_name(members)
  local votes, best, bestn = {}, nil, 0
  for _, r in ipairs(members) do
    if r.key then
      votes[r.key] = (votes[r.key] or 0) + 1
      if votes[r.key] > bestn then best, bestn = r.key, votes[r.key] end
    end
  end
  if not best then return nil end
  local name
  for _, r in ipairs(members) do
    if r.key == best and (not name or #r.speaker > #name) then name = r.speaker end
  end
  return name
end

--- Group the quotes of prepared articles.
-- @param list prepared articles (newsc.crosscheck.docs)
-- @param opts thresholds, see `defaults`
-- @return array of groups `{speaker=, text=, articles={ids}, renderings={...}}`
function M.group(list, opts)
  local o = {}
  for k, v in pairs(M.defaults) do o[k] = (opts and opts[k]) or v end
  local all = {}
  for _, doc in ipairs(list) do
    for _, r in ipairs(renderings(doc)) do all[#all + 1] = r end
  end
  for i, r in ipairs(all) do r.seq = i end
  local order = util.copy(all)
  table.sort(order, function(a, b)
    if #a.words ~= #b.words then return #a.words > #b.words end
    if a.kind ~= b.kind then return a.kind == "direct" end
    return a.seq < b.seq
  end)
  local groups = {}
  -- word -> groups whose renderings have it: a rendering is compared only
  -- with groups sharing a word with it (common words left out)
  local index = {}
  local function candidates(r)
    local seen, out = {}, {}
    for _, w in ipairs(r.words) do
      local l = index[w]
      if l and (#l <= M.POSTINGS or #r.words <= 2) then
        for k = 1, math.min(#l, 4 * M.POSTINGS) do
          local g = l[k]
          if not seen[g] then seen[g] = true; out[#out + 1] = g end
        end
      end
    end
    table.sort(out, function(a, b) return a.first < b.first end)
    return out
  end
  local function add_index(g, r)
    for _, w in ipairs(r.words) do
      local l = index[w]
      if not l then l = {}; index[w] = l end
      if l[#l] ~= g then
        local dup = false
        for k = math.max(1, #l - 3), #l do if l[k] == g then dup = true end end
        if not dup then l[#l + 1] = g end
      end
    end
  end
  for _, r in ipairs(order) do
    local best, bestg = 0, nil
    for _, g in ipairs(candidates(r)) do
      -- the first renderings of a group (the fullest ones) stand for it:
      -- work stays linear in the group's size
      for k, m in ipairs(g.members) do
        if k > M.COMPARE then break end
        local s = sim(r, m, o)
        if s > best then best, bestg = s, g end
      end
    end
    if not bestg then
      bestg = { members = {}, first = r.seq }
      groups[#groups + 1] = bestg
    end
    bestg.members[#bestg.members + 1] = r
    add_index(bestg, r)
  end
  local out = {}
  for _, g in ipairs(groups) do
    local full = g.members[1]
    table.sort(g.members, function(a, b) return a.seq < b.seq end)
    local ids, seen, rends = {}, {}, {}
    local first = math.huge
    for _, r in ipairs(g.members) do
      if not seen[r.article] then seen[r.article] = true; ids[#ids + 1] = r.article end
      if r.seq < first then first = r.seq end
      rends[#rends + 1] = {
        article = r.article, text = r.text, start = r.start, stop = r.stop,
        kind = r.kind, speaker = r.speaker, cue = r.cue,
        parts = #r.parts > 1 and r.parts or nil,
        variant = variant(full, r), diff = diff(full, r),
      }
    end
    out[#out + 1] = {
      speaker = speaker_name(g.members) or full.speaker,
      text = full.text, fullest = full.article,
      articles = ids, renderings = rends, first = first,
    }
  end
  -- most widely carried remarks first, then in reading order
  table.sort(out, function(a, b)
    if #a.articles ~= #b.articles then return #a.articles > #b.articles end
    return a.first < b.first
  end)
  for i, g in ipairs(out) do g.id = "q" .. i; g.first = nil end
  return out
end

return M
