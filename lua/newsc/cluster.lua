--- Story clustering: group articles about the same event.
--
-- Articles become TF-IDF vectors (English news stop words removed, Porter
-- stems, sublinear term frequency, document frequencies learnt from the
-- input itself, idf without smoothing so that words every article uses
-- weigh nothing) over words, names (capitalised words inside a sentence,
-- counted `entities` times more), pairs of neighbouring content words
-- (`bigrams`: "fired Cheeks" is not "hired Cheeks") and the words of the
-- first `lead` lines once more (title and lead say what happened);
-- optionally the years a text names. Candidate pairs come from an inverted
-- index: all pairs sharing a term for up to `maxdf` articles; beyond, pairs
-- sharing at least two token keys that at most `maxdf` articles hold (work
-- near-linear in the number of articles), scored by the cosine of the full
-- vectors. Average-linkage agglomerative clustering merges groups while
-- their mean cosine stays at or above `threshold`; then groups of at most `small` articles join the
-- larger group they are closest to when that mean cosine is at least
-- `attach`. The defaults were chosen on ECB+ topics 1-10 (see
-- doc/similarity.md).
-- @module newsc.cluster
local core = require("newsc").core

local M = {}
local candidate_pairs

--- Default options of `cluster`.
M.defaults = {
  threshold = 0.03,   -- mean cosine a merge needs (average linkage)
  entities = 2,       -- extra weight of names (capitalised words inside a sentence)
  linkage = "average", -- or "single" (any pair above threshold joins)
  stem = true,
  stop = true,
  sublinear = true,
  smooth = false,
  top = 0,
  attach = 0.015,     -- mean cosine for a small group to join its closest larger group (0: off)
  lead = 3,           -- the first `lead` lines (title, lead) count `lead_weight` more times
  lead_weight = 1,
  bigrams = 1,        -- weight of pairs of neighbouring content words (0: none)
  years = 0,          -- weight of the years a text names (0: none)
  small = 2,          -- size of a "small" group
  maxdf = 50,         -- token keys in more texts bring no candidate pairs
}

local function add(out, t, w)
  for _ = 1, w do out[#out + 1] = t end
end

-- the years a text names (absolute dates only: "in 2005", "May 24, 2005",
-- "2008-12-13"), as tokens "yr_2005"
local function years(text, out, w)
  local ds = core.dates and core.dates(text)
  if not ds then return end
  for _, d in ipairs(ds) do
    if not d.relative and d.low and d.high then
      local y1, y2 = d.low:sub(1, 4), d.high:sub(1, 4)
      if y1 == y2 then add(out, "yr_" .. y1, w) end
    end
  end
end

-- tokens of a text for the model: every word; `ew` copies of a marked form
-- of each name (a capitalised word that does not open a sentence); `lw`
-- more copies of the words of the first `lead` lines (title and lead: what
-- happened); pairs of neighbouring content words ("fire cheeks" is not
-- "hire cheeks") `bw` times; the years named, `yw` times
local function features(text, o)
  local ws, err = core.words(text)
  if not ws then return nil, err end
  local ew, lw, bw, yw = o.entities, o.lead_weight, o.bigrams, o.years
  local lead_end = 0
  if o.lead > 0 and lw > 0 then
    local at, lines = 1, 0
    while lines < o.lead do
      local nl = text:find("\n", at, true)
      if not nl then lead_end = #text; break end
      if nl > at then lines = lines + 1 end
      lead_end = nl
      at = nl + 1
    end
  end
  local out = {}
  for _, w in ipairs(ws) do
    local t = w.text
    out[#out + 1] = t
    if w.start <= lead_end then add(out, t, lw) end
    if ew > 0 and t:find("^%u") then
      local before = text:sub(w.start > 4 and w.start - 4 or 1, w.start - 1)
      if w.start > 1 and not before:find("[%.!?:\n\"“‘]%s*$") then
        add(out, "e_" .. t, ew)
      end
    end
  end
  if bw > 0 then
    local toks = core.sim_tokens(text, { stop = true, stem = true })
    if toks then
      local sp = toks:spans()
      local prev, prev_stop = nil, 0
      for i = 1, #sp, 2 do
        local a, z = sp[i], sp[i + 1]
        local word = text:sub(a, z):lower()
        -- a pair only within a sentence: no sentence end between the words
        if prev and not text:sub(prev_stop + 1, a - 1):find("[%.!?\n]") then
          add(out, "b_" .. prev .. "_" .. word, bw)
        end
        prev, prev_stop = word, z
      end
    end
  end
  if yw > 0 then years(text, out, yw) end
  return out
end

local function text_of(item, i)
  local t = type(item)
  if t == "string" then return item end
  if t == "table" then
    local parts = {}
    if type(item.title) == "string" then parts[#parts + 1] = item.title end
    if type(item.text) == "string" then parts[#parts + 1] = item.text end
    if #parts > 0 then return table.concat(parts, "\n") end
  end
  error(("bad argument #1 to 'cluster' (item %d: expected a string or a table with text)"):format(i), 3)
end

-- the key of a token for finding candidate pairs: lower case, common
-- suffixes cut (a coarse stem: "killed", "kills", "killing" share "kill";
-- "fire", "fires", "fired" share "fir"); it only has to bring together the
-- tokens the model's stemmer brings together, similarities come from the
-- model's vectors
local function cand_key(t)
  t = t:lower():gsub("'s$", "")
  local k = t:gsub("ing$", ""):gsub("ed$", ""):gsub("e?s$", ""):gsub("e$", ""):gsub("y$", "i")
  if #k < 3 then return t end
  return k
end

-- pairs of texts whose cosine is at least `min`, as a flat array i, j,
-- similarity, i, j, similarity, ... (i < j). Candidates come from an
-- inverted index over token keys held by at most `maxdf` texts (keys in
-- more texts, the words of every story, bring no candidates; a pair that
-- shares only such words is not scored): the work grows with the number of
-- tokens times `maxdf`, not with the square of the number of texts. Each
-- candidate's similarity is the cosine of the model's full vectors. The
-- feature arrays in `texts` are dropped as their vectors are built.
function candidate_pairs(model, texts, min, maxdf)
  local n = #texts
  if n <= maxdf then
    -- no key can be in more than maxdf texts: every pair sharing a term is
    -- a candidate, which the model's own all-pairs search finds faster
    local ps, err = model:pairs(texts, { min = min })
    if not ps then return nil, err end
    local out = {}
    for k, p in ipairs(ps) do
      out[3 * k - 2], out[3 * k - 1], out[3 * k] = p[1], p[2], p[3]
    end
    return out
  end
  local vecs, keys, df, cache = {}, {}, {}, {}
  for i = 1, n do
    local v, err = model:vector(texts[i])
    if not v then return nil, ("text %d: %s"):format(i, err) end
    vecs[i] = v
    local seen, list = {}, {}
    for _, t in ipairs(texts[i]) do
      local k = cache[t]
      if not k then k = cand_key(t); cache[t] = k end
      if not seen[k] then
        seen[k] = true
        list[#list + 1] = k
        df[k] = (df[k] or 0) + 1
      end
    end
    keys[i] = list
    texts[i] = nil
  end
  cache = nil -- no longer needed: let it be collected
  -- postings of the keys held by 2..maxdf texts, in text order
  local post = {}
  for i = 1, n do
    local list = keys[i]
    for _, k in ipairs(list) do
      local d = df[k]
      if d >= 2 and d <= maxdf then
        local p = post[k]
        if not p then p = {}; post[k] = p end
        p[#p + 1] = i
      end
    end
  end
  local out, cand = {}, {}
  for i = 1, n do
    local js = {}
    for _, k in ipairs(keys[i]) do
      local p = post[k]
      if p then
        for x = #p, 1, -1 do
          local j = p[x]
          if j <= i then break end
          local c = cand[j]
          if c then cand[j] = c + 1 else cand[j] = 1; js[#js + 1] = j end
        end
      end
    end
    keys[i] = nil
    local vi = vecs[i]
    for _, j in ipairs(js) do
      local shared = cand[j]
      cand[j] = nil
      local s = shared >= 2 and vi:cosine(vecs[j]) or 0
      if s >= min then
        if s > 1 then s = 1 end
        out[#out + 1] = i; out[#out + 1] = j; out[#out + 1] = s
      end
    end
  end
  return out
end

-- a binary max-heap of {score, a, b, va, vb}
local function push(h, x)
  local i = #h + 1
  h[i] = x
  while i > 1 do
    local p = (i - i % 2) / 2
    if h[p][1] >= h[i][1] then break end
    h[p], h[i] = h[i], h[p]
    i = p
  end
end

local function pop(h)
  local n = #h
  if n == 0 then return nil end
  local top = h[1]
  h[1] = h[n]
  h[n] = nil
  n = n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= n and h[l][1] > h[m][1] then m = l end
    if r <= n and h[r][1] > h[m][1] then m = r end
    if m == i then break end
    h[m], h[i] = h[i], h[m]
    i = m
  end
  return top
end

--- Group texts or articles about the same event.
-- @param items array of strings, or of tables with `text` (and optional `title`)
-- @param opts optional table: `threshold` (mean cosine to merge, default 0.03),
--   `attach` (mean cosine for a group of at most `small` = 2 articles to join
--   its closest larger group, default 0.015; 0: off), `maxdf` (token keys held
--   by more articles bring no candidate pairs, default 50), `entities` (extra weight
--   of names, default 2), `lead` and `lead_weight` (the first `lead` = 3
--   lines count `lead_weight` = 1 more times), `bigrams` (weight of pairs of
--   neighbouring content words, default 1), `years` (weight of the years a
--   text names, default 0), `linkage` ("average" or "single"), `stem`, `stop`,
--   `sublinear`, `smooth` (booleans), `top` (keep only the heaviest terms of
--   each article, 0: all)
-- @return array of clusters, each an array of positions in `items` (ascending);
--   clusters ordered by their first position. `nil, message` for invalid UTF-8.
function M.cluster(items, opts)
  if type(items) ~= "table" then
    error("bad argument #1 to 'cluster' (table expected, got " .. type(items) .. ")", 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'cluster' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  local o = {}
  for k, v in pairs(M.defaults) do
    if opts[k] == nil then o[k] = v else o[k] = opts[k] end
  end
  if type(o.threshold) ~= "number" or o.threshold <= 0 or o.threshold > 1 then
    error("bad argument #2 to 'cluster' (option 'threshold' must be in (0, 1])", 2)
  end
  for _, k in ipairs({ "attach", "small" }) do
    if type(o[k]) ~= "number" or o[k] < 0 then
      error("bad argument #2 to 'cluster' (option '" .. k .. "' must be a number >= 0)", 2)
    end
  end
  if type(o.maxdf) ~= "number" or o.maxdf < 1 or o.maxdf % 1 ~= 0 then
    error("bad argument #2 to 'cluster' (option 'maxdf' must be an integer >= 1)", 2)
  end
  if o.linkage ~= "average" and o.linkage ~= "single" then
    error("bad argument #2 to 'cluster' (option 'linkage' must be \"average\" or \"single\")", 2)
  end
  for _, k in ipairs({ "entities", "lead", "lead_weight", "bigrams", "years" }) do
    local v = o[k]
    if type(v) ~= "number" or v < 0 or v > 20 or v % 1 ~= 0 then
      error("bad argument #2 to 'cluster' (option '" .. k .. "' must be an integer in 0..20)", 2)
    end
  end
  local n = #items
  local texts = {}
  for i = 1, n do
    local f, ferr = features(text_of(items[i], i), o)
    if not f then return nil, ("item %d: %s"):format(i, ferr) end
    texts[i] = f
  end
  local model = core.tfidf { stop = o.stop, stem = o.stem, sublinear = o.sublinear,
                             smooth = o.smooth, top = o.top }
  local ok, err = model:fit(texts)
  if not ok then return nil, err end
  -- average linkage: pairs under two thirds of the threshold are not kept
  local min = o.linkage == "single" and o.threshold or o.threshold * 2 / 3
  local pairs_, perr = candidate_pairs(model, texts, min, o.maxdf)
  if not pairs_ then return nil, perr end
  texts = nil -- the feature arrays are no longer needed

  -- clusters: members, size, sums of similarities to neighbouring clusters
  local members, size, nb, version, parent = {}, {}, {}, {}, {}
  for i = 1, n do members[i] = { i }; size[i] = 1; nb[i] = {}; version[i] = 0 end
  local heap = {}
  for k = 1, #pairs_, 3 do
    local a, b, s = pairs_[k], pairs_[k + 1], pairs_[k + 2]
    nb[a][b] = s
    nb[b][a] = s
    if s >= o.threshold then push(heap, { s, a, b, 0, 0 }) end
  end
  pairs_ = nil -- the flat pair array is no longer needed
  local single = o.linkage == "single"
  while true do
    local top = pop(heap)
    if not top then break end
    local a, b = top[2], top[3]
    if not parent[a] and not parent[b] and version[a] == top[4] and version[b] == top[5] then
      -- merge b into a
      parent[b] = a
      for _, m in ipairs(members[b]) do members[a][#members[a] + 1] = m end
      members[b] = nil
      nb[a][b] = nil
      nb[b][a] = nil
      for c, s in pairs(nb[b]) do
        local cur = nb[a][c]
        if single then
          nb[a][c] = (cur and cur > s) and cur or s
        else
          nb[a][c] = (cur or 0) + s
        end
        nb[c][b] = nil
        nb[c][a] = nb[a][c]
      end
      nb[b] = nil
      size[a] = size[a] + size[b]
      version[a] = version[a] + 1
      for c, s in pairs(nb[a]) do
        local score = single and s or s / (size[a] * size[c])
        if score >= o.threshold then
          if a < c then push(heap, { score, a, c, version[a], version[c] })
          else push(heap, { score, c, a, version[c], version[a] }) end
        end
      end
    end
  end
  -- small groups (at most `small` articles) join the larger group they are
  -- closest to on average, when that mean cosine is at least `attach`
  if o.attach > 0 then
    for c = 1, n do
      if members[c] and size[c] <= o.small then
        local best, bestd = -1, nil
        for d, s in pairs(nb[c]) do
          if size[d] > o.small then
            local score = single and s or s / (size[c] * size[d])
            if score > best then best, bestd = score, d end
          end
        end
        if bestd and best >= o.attach then
          for _, m in ipairs(members[c]) do members[bestd][#members[bestd] + 1] = m end
          members[c] = nil
        end
      end
    end
  end
  local out = {}
  for i = 1, n do
    if members[i] then
      table.sort(members[i])
      out[#out + 1] = members[i]
    end
  end
  table.sort(out, function(x, y) return x[1] < y[1] end)
  return out
end

return M
