--- TF-IDF in pure Lua, as csrc/sim_tfidf.c and the model of csrc/lua_sim.c:
-- document frequencies, L2-normalised TF-IDF vectors (smoothed idf as
-- scikit-learn's TfidfVectorizer), cosine, Okapi BM25 and all-pairs cosine
-- through an inverted index.
--
-- Terms are the token keys of newsc.pure.simtok (normalised strings); each
-- is ordered by the C module's 64-bit hash of it (simtok.hash, as 16 hex
-- digits), so that terms, sums over terms, ties under `top` and the order of
-- `m:pairs` are those of C, and the numbers the same to the last bit.
-- @module newsc.pure.tfidf

local simtok = require "newsc.pure.simtok"
local log, sqrt, floor = math.log, math.sqrt, math.floor
local sort = table.sort
local rawlen = rawlen or function(t) return #t end -- luacheck: ignore
local hash = simtok.hash
local argerr, options, tokens = simtok.argerr, simtok.options, simtok.tokens
local mathtype = math.type

local M = {}

local MODEL, VECTOR = {}, {}
local model_m, vector_m = {}, {}
MODEL.__index = model_m
VECTOR.__index = vector_m
simtok.OBJECTS[MODEL], simtok.OBJECTS[VECTOR] = true, true

local function typename(v) return type(v) end

local function isinteger(v)
  if mathtype then return mathtype(v) == "integer" end
  return type(v) == "number" and v == floor(v) and v == v and v ~= math.huge and v ~= -math.huge
end

-- lnc_optfield_* of lua_nc.c for the options table at argument `argn`
local function checkopts(opts, argn, fname)
  if opts ~= nil and type(opts) ~= "table" then
    argerr(argn, fname, "table expected, got " .. typename(opts))
  end
  return opts
end

local function optbool(opts, name, def, argn, fname)
  if opts == nil then return def end
  local v = opts[name]
  if v == nil then return def end
  if type(v) ~= "boolean" then
    argerr(argn, fname, ("option '%s' must be a boolean, got %s"):format(name, type(v)))
  end
  return v
end

local function optnumber(opts, name, def, argn, fname)
  if opts == nil then return def end
  local v = opts[name]
  if v == nil then return def end
  if type(v) ~= "number" then
    argerr(argn, fname, ("option '%s' must be a number, got %s"):format(name, type(v)))
  end
  return v
end

local function optinteger(opts, name, def, argn, fname)
  if opts == nil then return def end
  local v = opts[name]
  if v == nil then return def end
  if not isinteger(v) then
    argerr(argn, fname, ("option '%s' must be an integer, got %s"):format(name, type(v)))
  end
  return v
end

M._optnumber, M._optinteger, M._optbool, M._checkopts = optnumber, optinteger, optbool, checkopts

--- `tfidf([opts])` -> model: opts stop = true, stem = false, invalid,
-- sublinear = false (1 + log(tf)), smooth = true (idf + 1), top = 0 (keep
-- the `top` heaviest terms of each vector; 0: all).
function M.tfidf(opts)
  local o = options(opts, 1, "tfidf", true, false)
  local sub = optbool(opts, "sublinear", false, 1, "tfidf")
  local plain = not optbool(opts, "smooth", true, 1, "tfidf")
  local top = optinteger(opts, "top", 0, 1, "tfidf")
  if top < 0 then argerr(1, "tfidf", "option 'top' must be >= 0") end
  -- the array part holds one `true` per document added, so that #m (the
  -- number of documents) also works where tables have no __len (Lua 5.1)
  return setmetatable({ ndocs = 0, ntokens = 0, dfs = {}, hc = {}, used = 0, o = o,
                        sublinear = sub, plain_idf = plain, top = top }, MODEL)
end

local function checkmodel(m, fname)
  if getmetatable(m) ~= MODEL then
    argerr(1, fname, "newsc.tfidf expected, got " .. type(m))
  end
  return m
end

-- term counts of a seq: the distinct keys in hash order, the counts and
-- their hashes. The hashes of the model's terms are kept in m.hc (learn:
-- the keys of a document being added); others are computed for the call.
local function counts(m, q, learn)
  local c, keys, nk = {}, {}, 0
  local hc, hk = m.hc, {}
  for i = 1, q.n do
    local k = q.keys[i]
    local x = c[k]
    if x then c[k] = x + 1
    else
      c[k] = 1; nk = nk + 1; keys[nk] = k
      local h = hc[k]
      if not h then
        h = hash(k)
        if learn then hc[k] = h end
      end
      hk[k] = h
    end
  end
  sort(keys, function(a, b) return hk[a] < hk[b] end)
  return keys, c, nk, hk
end

local function add(m, q)
  local keys, _, nk = counts(m, q, true)
  local df = m.dfs
  for i = 1, nk do
    local k = keys[i]
    local d = df[k]
    if d then df[k] = d + 1 else df[k] = 1; m.used = m.used + 1 end
  end
  m.ndocs = m.ndocs + 1
  m[m.ndocs] = true
  m.ntokens = m.ntokens + q.n
end

--- `m:add(X)` -> m | nil, msg: learns the document frequencies of one text.
function model_m.add(...)
  local m, x = ...
  checkmodel(m, "add")
  if select("#", ...) < 2 then
    argerr(1, "add", "expected a string, an array of strings or tokens, got no value")
  end
  local q, err = tokens(x, m.o, 1, "add")
  if not q then return nil, err end
  add(m, q)
  return m
end

--- `m:fit(texts)` -> m | nil, msg: `add` for each text of the array.
function model_m.fit(...)
  local m, texts = ...
  checkmodel(m, "fit")
  if type(texts) ~= "table" then
    argerr(1, "fit", "table expected, got " .. (select("#", ...) < 2 and "no value" or type(texts)))
  end
  local argn = select("#", ...) -- the C binding names the stack slot of the item
  for i = 1, rawlen(texts) do
    local q, err = tokens(rawget(texts, i), m.o, argn, "fit")
    if not q then return nil, ("text %d: %s"):format(i, err) end
    add(m, q)
  end
  return m
end

-- the key of one word through the model's options, or nil (stop word, empty)
local function wordkey(m, w, fname)
  if type(w) == "number" then w = tostring(w) end
  if type(w) ~= "string" then
    argerr(1, fname, "string expected, got " .. (w == nil and "no value" or type(w)))
  end
  if m.o.invalid == "error" and require("newsc.pure.ucd").check(w) then
    argerr(1, fname, "invalid UTF-8")
  end
  return simtok.key1(w, m.o)
end

local function df_of(m, k)
  if k == nil then return 0 end
  return m.dfs[k] or 0
end

local function idf_of(m, k)
  return log((1.0 + m.ndocs) / (1.0 + df_of(m, k))) + (m.plain_idf and 0.0 or 1.0)
end

--- `m:df(word)` -> the number of documents holding the word.
function model_m.df(m, w)
  checkmodel(m, "df")
  return df_of(m, wordkey(m, w, "df"))
end

--- `m:idf(word)` -> ln((1 + N) / (1 + df)) + 1 (without the + 1 when not smooth).
function model_m.idf(m, w)
  checkmodel(m, "idf")
  return idf_of(m, wordkey(m, w, "idf"))
end

-- the vector of a seq: v[1..n] the hashes of its terms (ascending), v.w[1..n]
-- their weights
local function vector_of(m, q)
  local keys, c, nk, hc = counts(m, q, false)
  local w = {}
  for i = 1, nk do
    local k = keys[i]
    local tf = c[k]
    if m.sublinear then tf = 1.0 + log(tf) end
    w[i] = tf * idf_of(m, k)
  end
  if m.top > 0 and nk > m.top then
    local idx = {}
    for i = 1, nk do idx[i] = i end
    sort(idx, function(a, b)
      if w[a] ~= w[b] then return w[a] > w[b] end
      return hc[keys[a]] < hc[keys[b]]
    end)
    local keep = {}
    for i = 1, m.top do keep[i] = idx[i] end
    sort(keep)
    local k2, w2 = {}, {}
    for i = 1, m.top do k2[i] = keys[keep[i]]; w2[i] = w[keep[i]] end
    keys, w, nk = k2, w2, m.top
  end
  -- terms of weight 0 (in every document, plain idf) are dropped
  local v, vw, n = {}, {}, 0
  for i = 1, nk do
    if w[i] > 0 then n = n + 1; v[n] = hc[keys[i]]; vw[n] = w[i] end
  end
  local norm = 0
  for i = 1, n do norm = norm + vw[i] * vw[i] end
  if norm > 0 then
    norm = 1.0 / sqrt(norm)
    for i = 1, n do vw[i] = vw[i] * norm end
  end
  v.n, v.w = n, vw
  return setmetatable(v, VECTOR)
end

local function tovec(m, x, argn, fname)
  if getmetatable(x) == VECTOR then return x end
  local q, err = tokens(x, m.o, argn, fname)
  if not q then return nil, err end
  return vector_of(m, q)
end

local function dot(a, b)
  local i, j, na, nb, s = 1, 1, a.n, b.n, 0
  local wa, wb = a.w, b.w
  while i <= na and j <= nb do
    local ka, kb = a[i], b[j]
    if ka == kb then s = s + wa[i] * wb[j]; i = i + 1; j = j + 1
    elseif ka < kb then i = i + 1
    else j = j + 1 end
  end
  return s
end

--- `m:vector(X)` -> vector | nil, msg (a vector given is returned as is).
function model_m.vector(m, x)
  checkmodel(m, "vector")
  return tovec(m, x, 1, "vector")
end

--- `m:cosine(A, B)` -> number | nil, msg (texts or vectors).
function model_m.cosine(m, a, b)
  checkmodel(m, "cosine")
  local va, err = tovec(m, a, 1, "cosine")
  if not va then return nil, err end
  local vb, err2 = tovec(m, b, 2, "cosine")
  if not vb then return nil, err2 end
  return dot(va, vb)
end

--- `m:bm25(query, doc [, {k1 = 1.2, b = 0.75}])` -> number | nil, msg.
function model_m.bm25(m, qx, dx, opts)
  checkmodel(m, "bm25")
  checkopts(opts, 3, "bm25")
  local k1 = optnumber(opts, "k1", 1.2, 3, "bm25")
  local b = optnumber(opts, "b", 0.75, 3, "bm25")
  local q, err = tokens(qx, m.o, 1, "bm25")
  if not q then return nil, err end
  local d, err2 = tokens(dx, m.o, 2, "bm25")
  if not d then return nil, err2 end
  local nd = d.n
  local avgdl = m.ndocs > 0 and m.ntokens / m.ndocs or nd
  if avgdl <= 0 then avgdl = 1 end
  local qk, _, nq = counts(m, q)
  local _, dc = counts(m, d)
  local score, N = 0, m.ndocs
  for i = 1, nq do
    local tf = dc[qk[i]]
    if tf then
      local df = df_of(m, qk[i])
      local idf = log(1.0 + (N - df + 0.5) / (df + 0.5))
      score = score + idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * nd / avgdl))
    end
  end
  return score
end

--- `m:pairs(texts_or_vectors [, {min = 0.1}])` -> array of {i, j,
-- similarity} (i < j, cosine >= min) in the order of C: by i, then as found
-- through the inverted index; nil, msg for invalid UTF-8 ("text I: ...").
function model_m.pairs(...)
  local m, list, opts = ...
  checkmodel(m, "pairs")
  checkopts(opts, 2, "pairs")
  local min = optnumber(opts, "min", 0.1, 2, "pairs")
  if type(list) ~= "table" then
    argerr(1, "pairs", "table expected, got " .. (select("#", ...) < 2 and "no value" or type(list)))
  end
  if not (min > 0) then argerr(2, "pairs", "option 'min' must be > 0") end
  -- the C binding names the stack slot of the item (after three work values)
  local argn = (select("#", ...) < 2 and 2 or select("#", ...)) + 3
  local count = rawlen(list)
  local vecs = {}
  for i = 1, count do
    local v, err = tovec(m, rawget(list, i), argn, "pairs")
    if not v then return nil, ("text %d: %s"):format(i, err) end
    vecs[i] = v
  end
  -- postings: for each term, the documents holding it, in document order
  local pdoc, pw = {}, {}
  for i = 1, count do
    local v = vecs[i]
    local w = v.w
    for x = 1, v.n do
      local k = v[x]
      local d = pdoc[k]
      if d then d[#d + 1] = i; pw[k][#d] = w[x]
      else pdoc[k] = { i }; pw[k] = { w[x] } end
    end
  end
  local out, c = {}, 0
  local acc = {}
  for i = 1, count do acc[i] = 0 end
  for i = 1, count do
    local v = vecs[i]
    local w = v.w
    local touched, nt = {}, 0
    for x = 1, v.n do
      local k = v[x]
      local d, ws = pdoc[k], pw[k]
      local wi = w[x]
      -- the documents after i: postings are in document order
      local lo, hi = 1, #d
      while lo <= hi do
        local mid = floor((lo + hi) / 2)
        if d[mid] <= i then lo = mid + 1 else hi = mid - 1 end
      end
      for p = lo, #d do
        local j = d[p]
        local a = acc[j]
        if a == 0 then nt = nt + 1; touched[nt] = j end -- weights are > 0
        acc[j] = a + wi * ws[p]
      end
    end
    for x = 1, nt do
      local j = touched[x]
      local a = acc[j]
      if a >= min then
        c = c + 1
        out[c] = { i, j, a > 1.0 and 1.0 or a }
      end
      acc[j] = 0
    end
  end
  return out
end

MODEL.__len = function(m) return m.ndocs end
MODEL.__tostring = function(m)
  return ("newsc.tfidf (%d documents, %d terms)"):format(m.ndocs, m.used)
end

local function checkvec(v, argn, fname)
  if getmetatable(v) ~= VECTOR then
    local got = (v == nil and argn > 0) and "no value" or type(v)
    -- self (argn 0) is argument #1 of a call v.f(x); others count as after a colon
    argerr(argn == 0 and 1 or argn, fname, "newsc.tfidf_vector expected, got " .. got)
  end
  return v
end

--- `v:cosine(other)` -> number (the dot product of two normalised vectors).
function vector_m.cosine(a, b)
  checkvec(a, 0, "cosine")
  checkvec(b, 1, "cosine")
  return dot(a, b)
end

--- `v:weights()` -> array of the weights, in term order (the C module's).
function vector_m.weights(v)
  checkvec(v, 0, "weights")
  local out = {}
  for i = 1, v.n do out[i] = v.w[i] end
  return out
end

VECTOR.__len = function(v) return v.n end
VECTOR.__tostring = function(v) return ("newsc.tfidf_vector (%d terms)"):format(v.n) end

M._is_vector = function(v) return getmetatable(v) == VECTOR end

return M
