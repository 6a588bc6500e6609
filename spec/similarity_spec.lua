-- Specs of the similarity functions: exactness against brute force on
-- random inputs (fixed seed), estimate errors, paraphrase fixtures, the
-- shared corpus, bad input.
local newsc = require "newsc"
local fixtures = require "fixtures.paraphrases"

-- a small deterministic generator, the same on every Lua version
local function rng(seed)
  local s = seed
  return function(n)
    s = (s * 1103515245 + 12345) % 2147483648
    return math.floor(s / 65536) % n + 1
  end
end

local VOCAB = {}
for i = 1, 400 do VOCAB[i] = "w" .. i end

local function randtokens(r, n, alpha)
  local t = {}
  for i = 1, n do t[i] = VOCAB[r(alpha)] end
  return t
end

local function brute_shingles(t, k)
  local set, n = {}, 0
  if #t == 0 then return set, 0 end
  if k > #t then k = #t end
  for i = 1, #t - k + 1 do
    local s = table.concat(t, " ", i, i + k - 1)
    if not set[s] then set[s] = true; n = n + 1 end
  end
  return set, n
end

local function brute_jaccard(a, b, k)
  local sa, na = brute_shingles(a, k)
  local sb, nb = brute_shingles(b, k)
  local inter = 0
  for s in pairs(sa) do if sb[s] then inter = inter + 1 end end
  if na + nb == 0 then return 1, 1 end
  return inter / (na + nb - inter), na == 0 and 1 or inter / na
end

local function brute_distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local x = prev[j - 1] + (a[i] == b[j] and 0 or 1)
      if prev[j] + 1 < x then x = prev[j] + 1 end
      if cur[j - 1] + 1 < x then x = cur[j - 1] + 1 end
      cur[j] = x
    end
    prev = cur
  end
  return prev[#b]
end

local lines = require("spec.support.files").read

local CORPUS = "../shared/corpus/putin-abbas-2024-08-13/"
local function corpus_files()
  local names = {}
  local p = io.popen('ls "' .. CORPUS .. '" 2>/dev/null')
  if p then
    for name in p:lines() do
      if name:match("%.txt$") then names[#names + 1] = CORPUS .. name end
    end
    p:close()
  end
  return names
end

describe("sim_tokens", function()
  it("normalises case, compatibility forms and curly apostrophes", function()
    local a = newsc.sim_tokens("MOSCOW’S envoy ﬁles")
    local b = newsc.sim_tokens("moscow's Envoy files")
    assert.equal(3, #a)
    assert.equal(1, newsc.jaccard(newsc.shingles(a), newsc.shingles(b)))
    -- byte ranges: MOSCOW’S is 10 bytes, ﬁles 6
    assert.same({ 1, 10, 12, 16, 18, 23 }, a:spans())
    local s, e = a:span(3)
    assert.equal("ﬁles", ("MOSCOW’S envoy ﬁles"):sub(s, e))
  end)

  it("drops stop words and stems on request", function()
    local plain = newsc.sim_tokens("The talks were said to be continuing")
    local trimmed = newsc.sim_tokens("The talks were said to be continuing", { stop = true })
    assert.equal(7, #plain)
    assert.equal(2, #trimmed) -- talks, continuing
    assert.equal(1, newsc.jaccard("talks continuing", "talk continue", { stem = true }))
    assert.is_true(newsc.jaccard("talks continuing", "talk continue") < 1)
    -- negations are not stop words: they change a claim
    assert.equal(3, #newsc.sim_tokens("we will not", { stop = true }) + 2)
  end)

  it("takes arrays of token strings", function()
    local t = newsc.sim_tokens({ "Peace", "IS", "possible" })
    assert.equal(3, #t)
    assert.equal(1, newsc.jaccard(t, "peace is possible"))
    assert.is_nil(t:span(1)) -- no byte ranges for arrays
  end)

  it("reports invalid UTF-8 and reads it on request", function()
    local ok, err = newsc.sim_tokens("caf\233 bar")
    assert.is_nil(ok)
    assert.equal("invalid UTF-8 at byte 4", err)
    local t = newsc.sim_tokens("caf\233 bar", { invalid = "replace" })
    assert.is_true(#t >= 2)
    local j, jerr = newsc.jaccard("ok", "caf\233")
    assert.is_nil(j)
    assert.matches("invalid UTF%-8", jerr)
  end)

  it("names the bad argument", function()
    assert.has_error(function() newsc.sim_tokens(42) end)
    local ok, err = pcall(newsc.shingles, {}, "x")
    assert.is_false(ok)
    assert.matches("bad argument #2", err)
    ok, err = pcall(newsc.jaccard, "a", {}, { k = 0 })
    assert.is_false(ok)
    assert.matches("bad argument #3", err)
    ok, err = pcall(newsc.sim_tokens, { "a", 5 })
    assert.is_false(ok)
    assert.matches("token 2 is not a string", err)
  end)

  it("refuses a missing second text (not compared with the first)", function()
    local m = newsc.tfidf(); m:fit({ "the weir broke", "the river rose" })
    local calls = {
      align = function() return newsc.align("the weir broke") end,
      edit_distance = function() return newsc.edit_distance("the weir broke") end,
      jaccard = function() return newsc.jaccard("the weir broke") end,
      containment = function() return newsc.containment("the weir broke") end,
      cosine = function() return m:cosine("the weir broke") end,
      bm25 = function() return m:bm25("the weir broke") end,
    }
    for name, f in pairs(calls) do
      local ok, err = pcall(f)
      assert.is_false(ok, name)
      local argn, fname = tostring(err):match("bad argument #(%d) to '([^']*)' %(expected a "
        .. "string, an array of strings or tokens, got no value%)")
      assert.is_truthy(fname, err)
      -- the name as Lua finds it: 'newsc.core.align', 'align', or '?' (LuaJIT, which
      -- may not see a method call either: m:cosine(x)'s missing text is then #3)
      assert.is_true(fname == "?" or fname:sub(-#name) == name, err)
      assert.is_true(argn == "2" or fname == "?" and argn == "3" and (name == "cosine" or name == "bm25"), err)
    end
    -- an explicit nil is a wrong type, named as such (Lua 5.1 names the
    -- function '?' when pcall calls it directly)
    local ok, err = pcall(newsc.align, "the weir broke", nil)
    assert.is_false(ok)
    assert.matches("bad argument #2 to '[%w.?]*'.*got nil", err)
  end)
end)

describe("shingles and Jaccard", function()
  it("equal brute force on random token sequences", function()
    local r = rng(7)
    for round = 1, 300 do
      local k = r(4)
      local alpha = ({ 3, 10, 50, 400 })[r(4)]
      local a = randtokens(r, r(40) - 1, alpha)
      local b = randtokens(r, r(40) - 1, alpha)
      local want, wantc = brute_jaccard(a, b, k)
      local sa, sb = newsc.shingles(a, k), newsc.shingles(b, { k = k })
      assert.near(want, newsc.jaccard(sa, sb), 1e-12)
      assert.near(want, sa:jaccard(sb), 1e-12)
      assert.near(wantc, newsc.containment(a, b, k), 1e-12)
      assert.near(wantc, sa:containment(sb), 1e-12)
      local _, n = brute_shingles(a, k)
      assert.equal(n, #sa)
    end
  end)

  it("gives containment 1 for a fragment inside a longer quote", function()
    local frag = "a catastrophe that the world cannot ignore"
    local full = "“What is happening is a catastrophe that the world cannot ignore,” she said."
    assert.equal(1, newsc.containment(frag, full, 3))
    assert.is_true(newsc.containment(full, frag, 3) < 0.7)
    assert.is_true(newsc.jaccard(frag, full, 3) < 0.7)
  end)

  it("handles empty texts", function()
    assert.equal(0, #newsc.shingles(""))
    assert.equal(1, newsc.jaccard("", ""))
    assert.equal(0, newsc.jaccard("", "words here"))
    assert.equal(1, newsc.containment("", "words"))
  end)
end)

describe("edit distance and alignment", function()
  local function apply_ok(a, b, res)
    local ai, bi, cost = 0, 0, 0
    for _, op in ipairs(res.ops) do
      assert.equal(ai + 1, op.a_first)
      assert.equal(bi + 1, op.b_first)
      local na, nb = op.a_last - op.a_first + 1, op.b_last - op.b_first + 1
      if op.op == "keep" then
        assert.equal(na, nb)
        for t = 0, na - 1 do assert.equal(a[op.a_first + t], b[op.b_first + t]) end
      elseif op.op == "change" then
        assert.equal(na, nb); cost = cost + na
      elseif op.op == "insert" then
        assert.equal(0, na); cost = cost + nb
      else
        assert.equal("delete", op.op)
        assert.equal(0, nb); cost = cost + na
      end
      ai, bi = op.a_last, op.b_last
    end
    assert.equal(#a, ai)
    assert.equal(#b, bi)
    return cost
  end

  it("equal brute force on random token sequences, short and long", function()
    local r = rng(11)
    local sizes = { 0, 1, 3, 17, 63, 64, 65, 130 }
    for round = 1, 120 do
      local alpha = ({ 2, 6, 40 })[r(3)]
      local a = randtokens(r, sizes[r(#sizes)] + r(3) - 1, alpha)
      local b = randtokens(r, sizes[r(#sizes)] + r(3) - 1, alpha)
      if round % 4 == 0 then -- a near copy
        b = {}
        for i = 1, #a do b[i] = a[i] end
        if #b > 2 then b[r(#b)] = "changed"; table.remove(b, r(#b)) end
      end
      local want = brute_distance(a, b)
      local d, sim = newsc.edit_distance(a, b)
      assert.equal(want, d)
      local mx = math.max(#a, #b)
      assert.near(mx == 0 and 1 or 1 - want / mx, sim, 1e-12)
      local res = newsc.align(a, b)
      assert.equal(want, res.distance)
      assert.equal(want, apply_ok(a, b, res))
    end
  end)

  it("shows a reworded remark word by word with byte ranges", function()
    local a = "We will not stand by while civilians suffer."
    local b = "We cannot remain indifferent while civilians suffer."
    local res = newsc.align(a, b)
    assert.equal(4, res.distance)
    assert.near(0.5, res.similarity, 1e-12)
    local first, last = res.ops[1], res.ops[#res.ops]
    assert.equal("keep", first.op)
    assert.equal("We", a:sub(first.a_start, first.a_stop))
    assert.equal("keep", last.op)
    assert.equal("while civilians suffer", a:sub(last.a_start, last.a_stop))
    assert.equal("while civilians suffer", b:sub(last.b_start, last.b_stop))
    local changed = {}
    for _, op in ipairs(res.ops) do
      if op.op ~= "keep" then changed[#changed + 1] = op.op .. ":" .. a:sub(op.a_start, op.a_stop) ..
        ">" .. b:sub(op.b_start, op.b_stop) end
    end
    assert.same({ "delete:will>", "change:not stand by>cannot remain indifferent" }, changed)
  end)

  it("compares normalised tokens, with stop words and stems on request", function()
    assert.equal(0, (newsc.edit_distance("The TALKS continue.", "the talks continue")))
    assert.equal(0, (newsc.edit_distance("the talks continued", "talk continues", { stop = true, stem = true })))
  end)

  it("works on empty and large inputs", function()
    assert.equal(0, (newsc.edit_distance("", "")))
    assert.equal(3, (newsc.edit_distance("", "one two three")))
    local res = newsc.align("", "one two")
    assert.equal(1, #res.ops)
    assert.equal("insert", res.ops[1].op)
    assert.equal(1, res.ops[1].a_start)
    assert.equal(0, res.ops[1].a_stop)
    local big = string.rep("alpha beta gamma delta ", 5000)
    local big2 = big:gsub("gamma", "GAMMA"):gsub("delta", "epsilon", 7)
    assert.equal(7, (newsc.edit_distance(big, big2)))
    local r2 = newsc.align(big, big2)
    assert.equal(7, r2.distance)
    local words = {}
    for i = 1, 300000 do words[i] = "w" .. (i % 9973) end
    local huge = table.concat(words, " ")
    local ok, err = newsc.align(huge, huge:reverse())
    assert.is_nil(ok)
    assert.matches("too long to align", err)
  end)
end)

describe("MinHash", function()
  it("estimates Jaccard within the bound for n on random pairs", function()
    local r = rng(5)
    local n, worst, sq, count = 128, 0, 0, 0
    for round = 1, 150 do
      local a = randtokens(r, 20 + r(60), 150)
      local b = randtokens(r, 20 + r(60), 150)
      if round % 3 == 0 then for i = 1, math.min(#a, #b), 2 do b[i] = a[i] end end
      local j = brute_jaccard(a, b, 1)
      local est = newsc.minhash(a, { n = n, seed = round }):similarity(newsc.minhash(b, { n = n, seed = round }))
      local err = math.abs(est - j)
      if err > worst then worst = err end
      -- Hoeffding: P(err > 0.2) <= 2 exp(-2 n 0.04) = 7e-5 for n = 128
      assert.is_true(err <= 0.2, ("estimate %.3f for J = %.3f"):format(est, j))
      sq = sq + err * err / math.max(j * (1 - j) / n, 1e-9)
      count = count + 1
    end
    -- the mean squared error is J (1 - J) / n on average: the ratio stays near 1
    assert.is_true(sq / count < 2, "normalised squared error " .. sq / count)
  end)

  it("gives 1 for the same set and refuses signatures of another kind", function()
    local a = newsc.minhash("the talks must continue", { n = 64, k = 2 })
    local b = newsc.minhash("The talks must continue.", { n = 64, k = 2 })
    assert.equal(1, a:similarity(b))
    assert.equal(64, #a)
    assert.equal(64, #a:values())
    assert.matches("newsc.minhash", tostring(a))
    local ok, err = pcall(a.similarity, a, newsc.minhash("x", { n = 32 }))
    assert.is_false(ok)
    assert.matches("bad argument #2", err)
    ok, err = pcall(a.similarity, a, "text")
    assert.is_false(ok)
    assert.matches("newsc.minhash expected", err)
  end)
end)

describe("SimHash", function()
  it("is near for near-duplicates and far for unrelated sentences", function()
    local s = "Rescue teams said more than 200 children were evacuated to the school near the river on Tuesday."
    local a = newsc.simhash(s, { k = 2 })
    local b = newsc.simhash(s:gsub("Tuesday", "Wednesday"), { k = 2 })
    local c = newsc.simhash("The council will meet again on Friday to vote on the resolution.", { k = 2 })
    assert.equal(0, a:distance(newsc.simhash(s:upper(), { k = 2 })))
    assert.is_true(a:distance(b) < a:distance(c))
    assert.is_true(a:distance(c) > 16)
    assert.equal(16, #a:hex())
    assert.near(1 - a:distance(b) / 64, a:similarity(b), 1e-12)
  end)
end)

describe("LSH", function()
  it("finds pairs above its threshold and few below (recall measured)", function()
    local r = rng(3)
    local ix = newsc.lsh { threshold = 0.5 }
    local sets, sigs = {}, {}
    for i = 1, 120 do
      local t
      if i > 1 and i % 2 == 0 then -- a variant of the previous one
        t = {}
        for x = 1, #sets[i - 1] do t[x] = sets[i - 1][x] end
        for _ = 1, r(12) do t[r(#t)] = VOCAB[r(400)] end
      else
        t = randtokens(r, 30, 400)
      end
      sets[i] = t
      sigs[i] = newsc.minhash(t, { seed = 9 })
      ix:add("item" .. i, sigs[i])
    end
    local found = {}
    for _, p in ipairs(ix:pairs()) do found[p[1] .. "|" .. p[2]] = true; found[p[2] .. "|" .. p[1]] = true end
    local above, hit = 0, 0
    for i = 1, 120 do
      for j = i + 1, 120 do
        if brute_jaccard(sets[i], sets[j], 1) >= 0.6 then
          above = above + 1
          if found["item" .. i .. "|item" .. j] then hit = hit + 1 end
        end
      end
    end
    assert.is_true(above > 20)
    assert.is_true(hit / above >= 0.95, ("recall %d / %d"):format(hit, above))
    -- a query returns the item itself and its variant
    local q = ix:query(sigs[4])
    local seen = {}
    for _, id in ipairs(q) do seen[id] = true end
    assert.is_true(seen.item4)
    assert.equal(120, #ix)
    local b, rr, n = ix:params()
    assert.is_true(b * rr <= n)
    assert.matches("120 items", tostring(ix))
  end)

  it("checks its arguments", function()
    local ix = newsc.lsh { bands = 16, rows = 4 }
    local ok, err = pcall(ix.add, ix, "a", newsc.minhash("x", { n = 32 }))
    assert.is_false(ok)
    assert.matches("bad argument #3", err)
    ok, err = pcall(newsc.lsh, { bands = 0, rows = 3 })
    assert.is_false(ok)
    ok, err = pcall(newsc.lsh, { threshold = 2 })
    assert.is_false(ok)
    assert.matches("threshold", err)
    ok, err = pcall(ix.add, ix, nil, newsc.minhash("x", { n = 64 }))
    assert.is_false(ok)
    assert.matches("bad argument #2", err)
    assert.same({}, ix:pairs())
    assert.same({}, ix:query(newsc.minhash("x", { n = 64 })))
  end)
end)

describe("neardups", function()
  it("equals brute force above the threshold on random sentences", function()
    local r = rng(21)
    local texts, toks = {}, {}
    for i = 1, 200 do
      local t
      if i > 1 and r(2) == 1 then
        local src = toks[r(i - 1)]
        t = {}
        for x = 1, #src do t[x] = src[x] end
        for _ = 1, r(4) do t[r(#t)] = VOCAB[r(400)] end
      else
        t = randtokens(r, 8 + r(20), 400)
      end
      toks[i] = t
      texts[i] = table.concat(t, " ")
    end
    local got = {}
    for _, p in ipairs(newsc.neardups(texts, { threshold = 0.7, k = 2 })) do
      assert.is_true(p[1] < p[2])
      assert.near(brute_jaccard(toks[p[1]], toks[p[2]], 2), p[3], 1e-12)
      assert.is_true(p[3] >= 0.7)
      got[p[1] .. "|" .. p[2]] = true
    end
    local above, hit = 0, 0
    for i = 1, 200 do
      for j = i + 1, 200 do
        if brute_jaccard(toks[i], toks[j], 2) >= 0.8 then
          above = above + 1
          if got[i .. "|" .. j] then hit = hit + 1 end
        end
      end
    end
    assert.is_true(above > 10)
    assert.is_true(hit / above >= 0.95, ("recall %d / %d"):format(hit, above))
  end)

  it("handles empty lists and texts", function()
    assert.same({}, newsc.neardups({}))
    assert.same({}, newsc.neardups({ "", "", "" }))
    local ok, err = newsc.neardups({ "fine", "bad \255" })
    assert.is_nil(ok)
    assert.equal("text 2: invalid UTF-8 at byte 5", err)
    local ok2, err2 = pcall(newsc.neardups, { "a", 3 })
    assert.is_false(ok2)
    assert.matches("item 2 is not a string", err2)
  end)
end)

describe("TF-IDF", function()
  local docs = {
    "The talks must continue, the envoy said.",
    "Talks between the two leaders continue on Tuesday.",
    "Peace is possible only through dialogue.",
    "The envoy left the capital.",
  }

  it("learns document frequencies and smoothed idf", function()
    local m = newsc.tfidf():fit(docs)
    assert.equal(4, #m)
    assert.equal(2, m:df("talks"))
    assert.equal(2, m:df("Envoy"))
    assert.equal(0, m:df("the")) -- a stop word
    assert.near(math.log(5 / 3) + 1, m:idf("talks"), 1e-12)
    assert.near(math.log(5 / 1) + 1, m:idf("unseen"), 1e-12)
  end)

  it("computes cosine as the normalised dot product of tf * idf", function()
    local m = newsc.tfidf():fit(docs)
    -- by hand: doc 1 terms talks, continue, envoy (must, the, said: stop words);
    -- doc 2 talks, two, leaders, continue, tuesday
    local function w(t) return m:idf(t) end
    local v1 = { talks = w("talks"), continue = w("continue"), envoy = w("envoy") }
    local v2 = { talks = w("talks"), two = w("two"), leaders = w("leaders"), continue = w("continue"), tuesday = w("tuesday") }
    local dot, n1, n2 = 0, 0, 0
    for t, x in pairs(v1) do n1 = n1 + x * x; if v2[t] then dot = dot + x * v2[t] end end
    for _, x in pairs(v2) do n2 = n2 + x * x end
    assert.near(dot / math.sqrt(n1 * n2), m:cosine(docs[1], docs[2]), 1e-12)
    local a, b = m:vector(docs[1]), m:vector(docs[2])
    assert.near(m:cosine(docs[1], docs[2]), a:cosine(b), 1e-12)
    assert.equal(3, #a)
    assert.near(1, a:cosine(a), 1e-12)
  end)

  it("pairs() equals the cosine of every pair above min", function()
    local r = rng(17)
    local texts = {}
    for i = 1, 60 do texts[i] = table.concat(randtokens(r, 5 + r(10), 30), " ") end
    local m = newsc.tfidf():fit(texts)
    local got = {}
    for _, p in ipairs(m:pairs(texts, { min = 0.2 })) do got[p[1] .. "|" .. p[2]] = p[3] end
    for i = 1, 60 do
      for j = i + 1, 60 do
        local c = m:cosine(texts[i], texts[j])
        if c >= 0.2 + 1e-9 then
          assert.near(c, got[i .. "|" .. j], 1e-9)
        elseif c < 0.2 - 1e-9 then
          assert.is_nil(got[i .. "|" .. j])
        end
      end
    end
  end)

  it("scores BM25 as Okapi's formula", function()
    local m = newsc.tfidf():fit(docs)
    -- query "talks envoy" against doc 1 (3 terms without stop words; average length 14 / 4)
    local N, avgdl, k1, b = 4, (3 + 5 + 3 + 3) / 4, 1.2, 0.75
    local function part(df, tf, dl)
      local idf = math.log(1 + (N - df + 0.5) / (df + 0.5))
      return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
    end
    assert.near(part(2, 1, 3) + part(2, 1, 3), m:bm25("talks envoy", docs[1]), 1e-12)
    assert.equal(0, m:bm25("dialogue", docs[1]))
    assert.is_true(m:bm25("dialogue", docs[3]) > 0)
  end)

  it("checks its arguments", function()
    local m = newsc.tfidf()
    local ok, err = pcall(m.pairs, m, "nope")
    assert.is_false(ok)
    assert.matches("bad argument", err)
    ok, err = pcall(newsc.tfidf, { stop = "yes" })
    assert.is_false(ok)
    assert.matches("stop", err)
    local r, msg = m:fit({ "ok", "bad \255" })
    assert.is_nil(r)
    assert.matches("text 2: invalid UTF%-8", msg)
    assert.matches("newsc.tfidf", tostring(m))
  end)
end)

describe("paraphrase fixtures", function()
  -- a remark's renderings share most content words (containment of the
  -- shorter in the longer, after stop words and stemming)
  local opts = { k = 1, stop = true, stem = true }
  local function score(a, b)
    if #newsc.sim_tokens(a, opts) > #newsc.sim_tokens(b, opts) then a, b = b, a end
    return newsc.containment(a, b, opts)
  end

  it("score two renderings of one remark high", function()
    for _, p in ipairs(fixtures.same) do
      local s = score(p[1], p[2])
      assert.is_true(s >= 0.6, ("%s: %.2f for %q"):format(p.kind, s, p[1]))
    end
  end)

  it("score different sentences about the same event low", function()
    for _, p in ipairs(fixtures.different) do
      local s = score(p[1], p[2])
      assert.is_true(s <= 0.35, ("%.2f for %q"):format(s, p[1]))
    end
  end)

  it("rank each remark's rendering above the other sentences by TF-IDF cosine", function()
    local all = {}
    for _, p in ipairs(fixtures.same) do all[#all + 1] = p[1]; all[#all + 1] = p[2] end
    for _, p in ipairs(fixtures.different) do all[#all + 1] = p[2] end
    local m = newsc.tfidf({ stem = true }):fit(all)
    for i, p in ipairs(fixtures.same) do
      local best, bestj = -1, nil
      for j, other in ipairs(all) do
        if j ~= 2 * i - 1 then
          local c = m:cosine(p[1], other)
          if c > best then best, bestj = c, j end
        end
      end
      assert.equal(2 * i, bestj, "best match of: " .. p[1])
    end
  end)
end)

describe("shared corpus", function()
  local files = corpus_files()
  if #files == 0 then
    pending("../shared/corpus is not there")
    return
  end

  local quotes = {}
  for fi, path in ipairs(files) do
    local s = lines(path)
    for q in s:gmatch("“([^”]+)”") do quotes[#quotes + 1] = { file = fi, text = q } end
  end

  it("finds the remarks quoted by several outlets", function()
    assert.is_true(#quotes > 10)
    local shared = 0
    for i = 1, #quotes do
      for j = i + 1, #quotes do
        local a, b = quotes[i], quotes[j]
        if a.file ~= b.file then
          local na = newsc.sim_tokens(a.text)
          local nb = newsc.sim_tokens(b.text)
          local small, big = a.text, b.text
          if #na > #nb then small, big = b.text, a.text end
          -- a quote inside another one: containment 1 and an alignment that only deletes
          local lo = small:lower():gsub("[%p%s]+", " "):gsub("^ ", ""):gsub(" $", "")
          local hi = big:lower():gsub("[%p%s]+", " ")
          if #lo > 10 and hi:find(lo, 1, true) then
            shared = shared + 1
            assert.equal(1, newsc.containment(small, big, 2))
            local res = newsc.align(small, big)
            for _, op in ipairs(res.ops) do assert.is_true(op.op == "keep" or op.op == "insert") end
            assert.equal(#newsc.sim_tokens(big) - #newsc.sim_tokens(small), res.distance)
          end
        end
      end
    end
    assert.is_true(shared >= 3, "shared quotes: " .. shared)
  end)

  it("groups the five articles' sentences: near-duplicates are exact", function()
    local sents, toks = {}, {}
    for _, path in ipairs(files) do
      for line in lines(path):gmatch("[^\n]+") do
        if #line > 40 then sents[#sents + 1] = line end
      end
    end
    for i, s in ipairs(sents) do
      local t = {}
      local ts = newsc.sim_tokens(s)
      local sp = ts:spans()
      for x = 1, #ts do t[x] = newsc.normalize(s:sub(sp[2 * x - 1], sp[2 * x]), "NFKC_Casefold") end
      toks[i] = t
    end
    local pairs_ = newsc.neardups(sents, { threshold = 0.5, k = 2 })
    for _, p in ipairs(pairs_) do
      assert.near(brute_jaccard(toks[p[1]], toks[p[2]], 2), p[3], 1e-12)
    end
  end)
end)

describe("cluster", function()
  local articles = {
    { title = "Flood in Valdoria", text = "Heavy rain flooded the Valdoria river valley on Monday. "
      .. "Mayor Ilse Brandt said 300 homes in Valdoria were under water and rescue teams evacuated families." },
    "Rescue teams evacuated families from Valdoria after the river burst its banks, Mayor Ilse Brandt said. "
      .. "About 300 homes were flooded.",
    "In Valdoria, Mayor Ilse Brandt asked residents to stay on high ground as the flood water kept rising in the valley.",
    { text = "A magnitude 6.1 earthquake struck near Karsk on Thursday, collapsing a bridge. "
      .. "Governor Piet Olan said rescue teams were searching the rubble in Karsk." },
    "Governor Piet Olan said the earthquake that hit Karsk destroyed a bridge and damaged the old market.",
    "Rescue teams in Karsk searched collapsed buildings after Thursday's earthquake, Governor Piet Olan said.",
  }

  it("separates two events and keeps each together", function()
    local cl = newsc.cluster(articles)
    assert.same({ { 1, 2, 3 }, { 4, 5, 6 } }, cl)
    local single = newsc.cluster(articles, { linkage = "single", threshold = 0.2 })
    assert.same({ { 1, 2, 3 }, { 4, 5, 6 } }, single)
  end)

  it("tells apart two events of one kind that share their names", function()
    -- the same coach and team, fired in one story and hired in the other
    local two = {
      "Rovers fire coach Dan Mercer\nThe Halden Rovers fired head coach Dan Mercer on Saturday after a 9-14 start. "
        .. "General manager Ana Velt said assistant Tom Reyes will coach the Rovers for the rest of the season.",
      "Mercer out as Rovers coach\nDan Mercer was fired by the Halden Rovers after a 9-14 start to the season. "
        .. "Tom Reyes, an assistant, takes over, general manager Ana Velt said.",
      "Rovers dismiss Mercer\nThe Rovers dismissed Dan Mercer with the team at 9-14. Velt said Reyes would take over as "
        .. "interim coach and that the search for a new coach starts after the season.",
      "Rovers hire Dan Mercer as head coach\nThe Halden Rovers hired Dan Mercer as their new head coach on Tuesday, "
        .. "bringing back the former player. General manager Ana Velt said Mercer signed a four-year contract.",
      "Mercer returns to Rovers as coach\nDan Mercer, a popular former Rovers player, was hired as head coach and signed "
        .. "a four-year contract, general manager Ana Velt said at a news conference on Tuesday.",
      "Rovers bring back Mercer\nThe Rovers hired Dan Mercer as coach on a four-year contract; Velt called the former "
        .. "player family and said Mercer will be introduced at a news conference.",
    }
    -- short texts: a threshold above the default (tuned on full articles);
    -- word pairs and the lead keep the events apart, bag of words does not
    assert.same({ { 1, 2, 3 }, { 4, 5, 6 } }, newsc.cluster(two, { threshold = 0.05, attach = 0 }))
    assert.same({ { 1, 2, 3, 4, 5, 6 } },
      newsc.cluster(two, { threshold = 0.05, attach = 0, bigrams = 0, lead = 0 }))
  end)

  it("finds the same stories through the index of rare keys as through all pairs", function()
    -- six articles with maxdf = 4: the rare-key index (names, places) is used
    assert.same({ { 1, 2, 3 }, { 4, 5, 6 } }, newsc.cluster(articles, { maxdf = 4 }))
    -- 150 articles, 50 stories of three, one template every article uses
    local letters = { "b", "d", "k", "l", "m", "n", "r", "s", "t", "v" }
    local function made_up(k, len)
      local w = {}
      for i = 1, len do
        local d = k % 10
        k = math.floor(k / 10)
        w[i] = letters[d + 1] .. ({ "a", "e", "o", "u" })[(d + i) % 4 + 1]
      end
      return table.concat(w)
    end
    local items, want = {}, {}
    for st = 1, 50 do
      -- names made of the digits of distinct numbers: no two alike
      local place = made_up(st, 3):gsub("^%l", string.upper)
      local mayor = made_up(100 + st, 3):gsub("^%l", string.upper)
      local river, road = made_up(200 + st, 3), made_up(300 + st, 3)
      local c = {}
      for k = 1, 3 do
        items[#items + 1] = ("Flood in %s\nHeavy rain flooded the valley of %s on Monday, officials said. "
          .. "Mayor %s said the %s bridge and the %s road were closed as rescue teams worked. "
          .. "Residents of %s waited for news in the %s."):format(place, place, mayor, river, road,
          place, k == 1 and "school" or (k == 2 and "hall" or "church"))
        c[k] = #items
      end
      want[st] = c
    end
    local rare = newsc.cluster(items, { threshold = 0.1 })
    assert.same(want, rare)
    assert.same(rare, newsc.cluster(items, { threshold = 0.1, maxdf = 1000 }))
    local ok, err = pcall(newsc.cluster, articles, { maxdf = 0 })
    assert.is_false(ok)
    assert.matches("maxdf", err)
  end)

  it("meets the ECB+ goal over all topics (skipped without ../shared)", function()
    local root = "../shared/eval/ecbplus/"
    local f = io.open(root .. "README.md")
    if not f then pending("../shared/eval/ecbplus is not there") return end
    f:close()
    local tp, pred, gold = 0, 0, 0
    local p = io.popen('ls "' .. root .. '"')
    for t in p:lines() do
      if t:match("^%d+$") then
        local docs, texts = {}, {}
        local q = io.popen('ls "' .. root .. t .. '"')
        for name in q:lines() do
          local ev = name:match("ecbplus%.txt$") and "plus" or (name:match("ecb%.txt$") and "ecb")
          if ev then
            local h = assert(io.open(root .. t .. "/" .. name, "rb"))
            local s = h:read("*a")
            h:close()
            s = s:gsub("^%a+://[^\n]*\n", "")
            docs[#docs + 1] = ev
            texts[#texts + 1] = s
          end
        end
        q:close()
        local label = {}
        for ci, c in ipairs(assert(newsc.cluster(texts))) do for _, i in ipairs(c) do label[i] = ci end end
        for i = 1, #docs do
          for j = i + 1, #docs do
            local sp, sg = label[i] == label[j], docs[i] == docs[j]
            if sp then pred = pred + 1 end
            if sg then gold = gold + 1 end
            if sp and sg then tp = tp + 1 end
          end
        end
      end
    end
    p:close()
    assert.is_true(gold > 2000, "ECB+ gold pairs " .. gold)
    assert.is_true(tp / pred >= 0.95, ("pairwise precision %.3f"):format(tp / pred))
    assert.is_true(tp / gold >= 0.95, ("pairwise recall %.3f"):format(tp / gold))
  end)

  it("puts everything apart above any reachable threshold and handles edge cases", function()
    local cl = newsc.cluster(articles, { threshold = 1 })
    assert.equal(6, #cl)
    assert.same({}, newsc.cluster({}))
    assert.same({ { 1 } }, newsc.cluster({ "" }))
    assert.same({ { 1 }, { 2 } }, newsc.cluster({ "", "" }))
    local ok, err = newsc.cluster({ "fine", "bad \255" })
    assert.is_nil(ok)
    assert.matches("item 2: invalid UTF%-8", err)
    local ok2, err2 = pcall(newsc.cluster, { "a", 5 })
    assert.is_false(ok2)
    assert.matches("item 2", err2)
    ok2, err2 = pcall(newsc.cluster, articles, { threshold = 0 })
    assert.is_false(ok2)
    assert.matches("threshold", err2)
    ok2, err2 = pcall(newsc.cluster, articles, { bigrams = -1 })
    assert.is_false(ok2)
    assert.matches("bigrams", err2)
  end)
end)
