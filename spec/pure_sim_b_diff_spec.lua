-- The pure-Lua shingle sets and sketches (newsc.pure.sets, newsc.pure.sketch)
-- against the C module: identical sets, Jaccard and containment on the
-- shared corpus, the bundled examples, texts written here and generated
-- texts; MinHash and SimHash estimates as good as C's (their values differ
-- by design, doc/pure-pure-sim-b.md); the same LSH parameters and the same
-- near-duplicate pairs where similarities are clear; the same argument
-- errors; a megabyte line.
local pure = require "newsc.pure"
local okcore, core = pcall(require, "newsc.core")
local readfile = require("spec.support.files").read
-- "64": Lua 5.3+ computes the C module's own 64-bit hashes; "32": the
-- 32-bit scheme of Lua 5.1, 5.2 and LuaJIT (other values, same statistics)
local ENGINE = require("newsc.pure.sketch")._engine

local files = require("spec.support.files").glob

-- a generator with a fixed seed, the same on every Lua
local function rng(seed)
  local x = seed
  return function(m)
    x = (x * 16807) % 2147483647
    return x % m + 1
  end
end

-- the option sets the set functions are compared under
local CONFIGS = {
  1, 2, 3, { k = 2, stop = true }, { k = 1, stem = true }, { k = 3, stop = true, stem = true },
  { k = 5, invalid = "replace" }, 40,
}

-- both backends' sizes, Jaccard and containment of a and b (both ways) under
-- every config; returns nil when all agree, else what differs
local function set_diff(a, b)
  for _, c in ipairs(CONFIGS) do
    local sa1, e1 = core.shingles(a, c)
    local sa2, e2 = pure.shingles(a, c)
    if e1 ~= e2 or (sa1 == nil) ~= (sa2 == nil) then return "shingles error", c end
    if sa1 and #sa1 ~= #sa2 then return ("#shingles %d ~= %d"):format(#sa1, #sa2), c end
    for _, f in ipairs({ "jaccard", "containment" }) do
      local x1, xe1 = core[f](a, b, c)
      local x2, xe2 = pure[f](a, b, c)
      if x1 ~= x2 or xe1 ~= xe2 then return f .. " " .. tostring(x1) .. " ~= " .. tostring(x2), c end
      x1, xe1 = core[f](b, a, c)
      x2, xe2 = pure[f](b, a, c)
      if x1 ~= x2 or xe1 ~= xe2 then return f .. " (b, a) " .. tostring(x1) .. " ~= " .. tostring(x2), c end
    end
  end
  return nil
end

local function check_pairs(texts, label)
  local checked = 0
  for i = 1, #texts do
    for j = i, #texts do
      local what, c = set_diff(texts[i], texts[j])
      assert.is_nil(what, ("%s: texts %d and %d, config %s"):format(label, i, j,
        type(c) == "table" and (c.k or 1) .. (c.stop and " stop" or "") .. (c.stem and " stem" or "") or tostring(c)))
      checked = checked + 1
    end
  end
  return checked
end

-- the position luaL_error adds and the function's name depend on the call
local function unname(e)
  return (tostring(e):gsub("^[^:]*:%d+: ", ""):gsub("to '[%w_.?]+'", "to F"))
end

-- pairs {i, j} (or {i, j, x}) as a set of "i j" strings
local function pairset(list, ids)
  local s, n = {}, 0
  for _, p in ipairs(list) do
    local a, b = p[1], p[2]
    if ids then a, b = ids[a], ids[b] end
    if a > b then a, b = b, a end
    local key = a .. " " .. b
    if not s[key] then n = n + 1 end
    s[key] = true
  end
  return s, n
end

-- a collection with clear near-duplicates: families of variants of a base
-- text (Jaccard of 1-shingles >= 0.8 within a family) and unrelated bases
local function families(r, nfam, size)
  local texts, fam, toks = {}, {}, {}
  for f = 1, nfam do
    local base = {}
    for i = 1, 40 do base[i] = "f" .. f .. "w" .. r(100000) end
    for v = 1, size do
      local t = {}
      for i = 1, #base do t[i] = base[i] end
      if v > 1 then t[r(#t)] = "edit" .. r(100000) end
      texts[#texts + 1] = table.concat(t, " ")
      fam[#texts] = f
      toks[#texts] = t
    end
  end
  return texts, fam, toks
end

local function exact_jaccard(a, b)
  local sa, sb, na, nb, c = {}, {}, 0, 0, 0
  for _, x in ipairs(a) do if not sa[x] then sa[x] = true; na = na + 1 end end
  for _, x in ipairs(b) do if not sb[x] then sb[x] = true; nb = nb + 1 end end
  for x in pairs(sa) do if sb[x] then c = c + 1 end end
  return c / (na + nb - c)
end

describe("newsc.pure sets and sketches", function()
  if not okcore then
    pending("newsc.core is not built for this Lua: nothing to compare with (" .. tostring(core):match("^[^\n]*") .. ")")
    return
  end

  it("gives newsc.core's shingle sets, Jaccard and containment on the shared corpus", function()
    local list = files("../shared/corpus/*/*.txt")
    if #list == 0 then pending("../shared/corpus is absent"); return end
    local texts = {}
    for i, f in ipairs(list) do texts[i] = assert(readfile(f)) end
    assert.is_true(check_pairs(texts, "corpus") >= 15)
    -- the comparison compares something: two articles about one event share words
    local j = pure.jaccard(texts[1], texts[2])
    assert.is_true(j > 0.05 and j < 0.9, tostring(j))
  end)

  it("gives newsc.core's shingle sets, Jaccard and containment on the bundled examples", function()
    local list = files("examples/*.txt")
    assert.is_true(#list >= 5)
    local texts = {}
    for i, f in ipairs(list) do texts[i] = assert(readfile(f)) end
    check_pairs(texts, "examples")
  end)

  it("gives newsc.core's results on texts written for the spec", function()
    local texts = {
      "We will not stand by while civilians suffer.",
      "We cannot remain indifferent while civilians suffer.",
      "MOSCOW’S envoy ﬁles the Kremlin’s talks; moscow's Envoy files.",
      "Élodie Müller said the café in Zürich was closed… The talks were continuing.",
      "ÉLODIE MÜLLER SAID THE CAFÉ IN ZÜRICH WAS CLOSED. Talk continues.",
      "Ο υπουργός είπε. Министр заявил. 東京で会議。",
      "Bad \255 byte. Next \192\128 one.",
      "",
      "   \n ",
      "the the the of of and",
      "“What is happening is a catastrophe that the world cannot ignore,” she said.",
      "a catastrophe that the world cannot ignore",
    }
    check_pairs(texts, "written")
    -- values checked: the quote fragment lies inside the full quote
    assert.equal(1, pure.containment(texts[12], texts[11], 3))
    assert.near(0.18181818181818, pure.jaccard(texts[1], texts[2], 2), 1e-12)
    local bad, err = pure.jaccard(texts[1], texts[7])
    assert.is_nil(bad)
    assert.equal("invalid UTF-8 at byte 5", err)
    -- arrays of token strings and token sequences of either backend
    local arr = { "The", "TALKS", "were", "continuing", "Élodie" }
    for _, c in ipairs(CONFIGS) do
      assert.equal(core.jaccard(arr, texts[4], c), pure.jaccard(arr, texts[4], c))
      assert.equal(core.containment(arr, texts[5], c), pure.containment(arr, texts[5], c))
      local o = type(c) == "table" and c or nil
      assert.equal(core.jaccard(core.sim_tokens(texts[4], o), core.sim_tokens(texts[5], o), c),
                   pure.jaccard(pure.sim_tokens(texts[4], o), pure.sim_tokens(texts[5], o), c))
    end
    assert.same({ core.jaccard({ "ok", "caf\233" }, "x") }, { pure.jaccard({ "ok", "caf\233" }, "x") })
  end)

  it("gives newsc.core's results on generated texts", function()
    local pieces = { "the", "The", "talks", "talk", "continue", "continuing", "of", "said", "not",
      "Élodie", "ÉLODIE", "café", "CAFE", "Zürich", "Moscow’s", "moscow's", "ﬁles", "files", ".", ",",
      " ", "  ", "\n", "“", "”", "—", "-", "3", "3.5", "39,929", "U.S.", "Mr.", "e\204\129", "é",
      "Ж", "ж", "日本", "don't", "#tag", "@name", "https://example.com/a", "\0", "\255", "a", "b", "c" }
    local r = rng(2024)
    local function gen()
      local parts = {}
      for i = 1, r(40) - 1 do
        parts[#parts + 1] = pieces[r(#pieces)]
        if r(3) > 1 then parts[#parts + 1] = " " end
      end
      return table.concat(parts)
    end
    local prev = gen()
    for _ = 1, 300 do
      local s = gen()
      local what, c = set_diff(prev, s)
      assert.is_nil(what, ("%q / %q (config %s)"):format(prev, s, type(c) == "table" and c.k or tostring(c)))
      prev = s
    end
  end)

  it("keeps sets as newsc.core does: methods, size, text, mixing sets and texts", function()
    local a = "The talks must continue, the envoy said on Tuesday."
    local b = "Talks between the two leaders continue on Tuesday."
    for k = 1, 3 do
      local ca, cb = core.shingles(a, k), core.shingles(b, { k = k })
      local pa, pb = pure.shingles(a, k), pure.shingles(b, { k = k })
      assert.equal(#ca, #pa)
      assert.equal(tostring(ca), tostring(pa))
      assert.equal(ca:jaccard(cb), pa:jaccard(pb))
      assert.equal(ca:containment(cb), pa:containment(pb))
      assert.equal(core.jaccard(ca, b, k), pure.jaccard(pa, b, k))
      assert.equal(core.containment(a, cb, k), pure.containment(a, pb, k))
      -- a set given where a text is expected is taken as it is
      assert.equal(pa, pure.shingles(pa, 3))
      assert.equal(core.jaccard(ca, core.shingles(b, 3)), pure.jaccard(pa, pure.shingles(b, 3)))
    end
    assert.equal(8, #pure.shingles(a)) -- "the" twice
    assert.equal("newsc.shingles (8)", tostring(pure.shingles(a)))
    assert.equal(1, pure.jaccard("", ""))
    assert.equal(0, pure.jaccard("", "words here"))
    assert.equal(1, pure.containment("", "words"))
    assert.equal(0, #pure.shingles(""))
    -- a text shorter than k is one shingle of all its words
    assert.equal(1, #pure.shingles("two words", 5))
    assert.equal(core.jaccard("two words", "two words more", 5), pure.jaccard("two words", "two words more", 5))
  end)

  it("estimates Jaccard with MinHash within the bound of doc/similarity.md, as newsc.core", function()
    -- pairs of token sets with a known Jaccard similarity: s shared, u and v own words
    local r = rng(77)
    local n = 128
    local stats = {}
    for _, B in ipairs({ core, pure }) do
      local worst, sq, bias, count = 0, 0, 0, 0
      for round = 1, 200 do
        local s, u, v = r(60), r(30) - 1, r(30) - 1
        local a, b = {}, {}
        for i = 1, s do a[#a + 1] = "s" .. round .. "w" .. i; b[#b + 1] = a[#a] end
        for i = 1, u do a[#a + 1] = "u" .. round .. "w" .. i end
        for i = 1, v do b[#b + 1] = "v" .. round .. "w" .. i end
        local j = s / (s + u + v)
        assert.equal(j, B.jaccard(a, b))
        local est = B.minhash(a, { n = n, seed = round }):similarity(B.minhash(b, { n = n, seed = round }))
        local err = est - j
        -- Hoeffding: P(|err| > 0.2) <= 2 exp(-2 n 0.04) = 7e-5 for n = 128
        assert.is_true(math.abs(err) <= 0.2, ("estimate %.3f for J = %.3f"):format(est, j))
        if math.abs(err) > worst then worst = math.abs(err) end
        sq = sq + err * err / math.max(j * (1 - j) / n, 1e-9)
        bias = bias + err
        count = count + 1
      end
      stats[#stats + 1] = { worst = worst, nse = sq / count, bias = bias / count }
    end
    for _, st in ipairs(stats) do
      -- the squared error is J (1 - J) / n on average: the ratio stays near 1; no bias
      assert.is_true(st.nse > 0.5 and st.nse < 1.6, "normalised squared error " .. st.nse)
      assert.is_true(math.abs(st.bias) < 0.015, "mean error " .. st.bias)
    end
    -- the pure estimate is no worse than C's beyond chance
    assert.is_true(stats[2].nse < stats[1].nse * 1.6 + 0.1)
  end)

  it("makes MinHash signatures that behave as newsc.core's", function()
    local t = "The talks must continue, the envoy said on Tuesday in Moscow."
    for _, B in ipairs({ core, pure }) do
      local a = B.minhash(t, { n = 64, k = 2 })
      assert.equal(1, a:similarity(B.minhash(t:upper(), { n = 64, k = 2 })))
      -- a set gives the signature of its text
      assert.equal(1, a:similarity(B.minhash(B.shingles(t, 2), { n = 64, k = 2 })))
      assert.equal(0, a:similarity(B.minhash("entirely other words here", { n = 64, k = 2 })))
      assert.equal(64, #a)
      local v = a:values()
      assert.equal(64, #v)
      for i = 1, 64 do assert.is_true(v[i] >= 0 and v[i] < 4294967296 and v[i] == math.floor(v[i])) end
      if math.type then assert.equal("float", math.type(v[1])) end
      assert.equal("newsc.minhash (n=64, k=2)", tostring(a))
      -- an empty text: every value is 2^32 - 1, so two empty texts have similarity 1
      assert.equal(4294967295, B.minhash(""):values()[1])
      assert.equal(1, B.minhash(""):similarity(B.minhash("  ")))
      -- signatures of other seeds are not compared
      assert.has_error(function() local x = B.minhash(t, { seed = 2 }):similarity(B.minhash(t, { seed = 3 })) return x end)
    end
    -- with 64-bit integers the values are C's; else they differ (documented)
    local c1, p1 = core.minhash(t), pure.minhash(t)
    if ENGINE == "64" then assert.same(c1:values(), p1:values())
    else assert.are_not.same(c1:values(), p1:values()) end
  end)

  it("computes newsc.core's very signatures, fingerprints, candidates and near-duplicates (Lua 5.3+)", function()
    if ENGINE ~= "64" then
      pending(_VERSION .. " without 64-bit integers: the 32-bit scheme, other values by design")
      return
    end
    local texts = {}
    for _, f in ipairs(files("../shared/corpus/*/*.txt")) do texts[#texts + 1] = assert(readfile(f)) end
    for _, f in ipairs(files("examples/*.txt")) do texts[#texts + 1] = assert(readfile(f)) end
    texts[#texts + 1] = "Élodie Müller’s café: MOSCOW’S envoy ﬁles. \255 bad"
    texts[#texts + 1] = ""
    texts[#texts + 1] = "one"
    local r = rng(31)
    for _ = 1, 200 do
      local t = {}
      for i = 1, r(30) do t[i] = ({ "the", "talks", "Talks", "continue", "w" .. r(50), "é", "Ж" })[r(7)] end
      texts[#texts + 1] = table.concat(t, " ")
    end
    local opts = { { n = 128 }, { n = 16, k = 2, seed = 7 }, { n = 33, k = 3, seed = -5, stop = true, stem = true },
                   { k = 5, seed = 9007199254740993, invalid = "replace" }, { n = 8, k = 1000 } }
    for i, t in ipairs(texts) do
      for _, o in ipairs(opts) do
        local c, ce = core.minhash(t, o)
        local p, pe = pure.minhash(t, o)
        assert.equal(ce, pe)
        if c then assert.same(c:values(), p:values(), t) end
        local k = o.k or 1
        c, ce = core.simhash(t, { k = k, stop = o.stop, stem = o.stem, invalid = o.invalid })
        p, pe = pure.simhash(t, { k = k, stop = o.stop, stem = o.stem, invalid = o.invalid })
        assert.equal(ce, pe)
        if c then assert.equal(c:hex(), p:hex(), t) end
      end
      if i > 1 then
        -- a set gives the signature of its text
        local cs, ps = core.shingles(texts[i - 1], 3), pure.shingles(texts[i - 1], 3)
        if cs then assert.same(core.minhash(cs, { k = 3 }):values(), pure.minhash(ps, { k = 3 }):values()) end
      end
    end
    -- arrays of token strings and token sequences
    local arr = { "The", "TALKS", "were", "continuing", "Élodie" }
    assert.same(core.minhash(arr, { k = 2 }):values(), pure.minhash(arr, { k = 2 }):values())
    assert.same(core.minhash(core.sim_tokens(texts[1]), { k = 2 }):values(),
                pure.minhash(pure.sim_tokens(texts[1]), { k = 2 }):values())
    -- the index: the same candidates, in the same order
    local fam = families(rng(12), 25, 3)
    for _, t in ipairs({ 0.3, 0.5, 0.8 }) do
      local res = {}
      for _, B in ipairs({ core, pure }) do
        local ix = B.lsh { threshold = t, n = 64 }
        local q = {}
        for i, s in ipairs(fam) do
          local sig = B.minhash(s, { n = 64, seed = 4 })
          q[i] = ix:query(sig)
          ix:add(i, sig)
        end
        for i = 1, #texts, 7 do q[#q + 1] = ix:query(B.minhash(texts[i], { n = 64, seed = 4 })) end
        res[#res + 1] = { ix:pairs(), ix:pairs(0.7), q }
      end
      assert.same(res[1], res[2])
    end
    -- near-duplicates: the same pairs in the same order
    for _, o in ipairs({ { threshold = 0.5, k = 2 }, { threshold = 0.3 }, { threshold = 0.9, n = 256, seed = 3 } }) do
      assert.same(core.neardups(texts, o), pure.neardups(texts, o))
      assert.same(core.neardups(fam, o), pure.neardups(fam, o))
    end
  end)

  it("fingerprints with SimHash as newsc.core does: near for near copies, about 32 apart otherwise", function()
    local r = rng(99)
    for _, B in ipairs({ core, pure }) do
      local sum, near, n = 0, 0, 200
      for _ = 1, n do
        local a, b = {}, {}
        for i = 1, 40 do a[i] = "w" .. r(5000); b[i] = "w" .. r(5000) end
        local fa = B.simhash(a)
        sum = sum + fa:distance(B.simhash(b))
        local c = {}
        for i = 1, 40 do c[i] = a[i] end
        c[r(40)] = "changed"
        near = near + fa:distance(B.simhash(c))
      end
      assert.is_true(sum / n > 29 and sum / n < 35, "mean distance of unrelated texts " .. sum / n)
      assert.is_true(near / n < 8, "mean distance of near copies " .. near / n)
      local s = "Rescue teams said more than 200 children were evacuated to the school near the river on Tuesday."
      local f = B.simhash(s, { k = 2 })
      assert.equal(0, f:distance(B.simhash(s:upper(), 2)))
      local g = B.simhash((s:gsub("Tuesday", "Wednesday")), { k = 2 })
      assert.near(1 - f:distance(g) / 64, f:similarity(g), 1e-12)
      assert.matches("^%x+$", f:hex())
      assert.equal(16, #f:hex())
      assert.equal("newsc.simhash " .. f:hex(), tostring(f))
      assert.equal(("0"):rep(16), B.simhash(""):hex())
    end
  end)

  it("chooses the LSH bands and rows newsc.core chooses", function()
    for _, n in ipairs({ 1, 7, 64, 128, 200 }) do
      for _, t in ipairs({ 0.05, 0.3, 0.5, 0.7, 0.8, 0.9, 1 }) do
        assert.same({ core.lsh({ threshold = t, n = n }):params() }, { pure.lsh({ threshold = t, n = n }):params() })
      end
    end
    assert.same({ 16, 4, 64 }, { pure.lsh({ bands = 16, rows = 4 }):params() })
    assert.same({ 16, 4, 100 }, { pure.lsh({ bands = 16, rows = 4, n = 100 }):params() })
  end)

  it("finds with LSH the near-duplicate pairs newsc.core finds on a collection with clear ones", function()
    local texts, fam = families(rng(5), 30, 4)
    local truth = 0
    for i = 1, #texts do for j = i + 1, #texts do if fam[i] == fam[j] then truth = truth + 1 end end end
    for _, t in ipairs({ 0.5, 0.7 }) do
      local sets, ids = {}, {}
      for _, B in ipairs({ core, pure }) do
        local ix = B.lsh { threshold = t }
        local sigs = {}
        for i, s in ipairs(texts) do
          sigs[i] = B.minhash(s, { seed = 3 })
          ix:add("doc" .. i, sigs[i])
          ids["doc" .. i] = i
        end
        assert.equal(#texts, #ix)
        assert.matches(#texts .. " items", tostring(ix))
        local got, n = pairset(ix:pairs(0.5), ids)
        for key in pairs(got) do
          local i, j = key:match("(%d+) (%d+)")
          assert.equal(fam[tonumber(i)], fam[tonumber(j)])
        end
        assert.equal(truth, n)
        sets[#sets + 1] = got
        -- a query finds the family of the text
        local q = {}
        for _, id in ipairs(ix:query(sigs[5])) do q[ids[id]] = true end
        assert.same({ [5] = true, [6] = true, [7] = true, [8] = true }, q)
      end
      assert.same(sets[1], sets[2])
    end
  end)

  it("gives the near-duplicates newsc.core gives, with the same exact Jaccard values", function()
    local texts, fam, toks = families(rng(11), 40, 3)
    for _, k in ipairs({ 1, 2 }) do
      local c = core.neardups(texts, { threshold = 0.6, k = k })
      local p = pure.neardups(texts, { threshold = 0.6, k = k })
      local function bypos(x, y) return x[1] < y[1] or (x[1] == y[1] and x[2] < y[2]) end
      table.sort(c, bypos)
      table.sort(p, bypos)
      assert.same(c, p)
      assert.equal(40 * 3, #p)
      for _, q in ipairs(p) do
        assert.equal(fam[q[1]], fam[q[2]])
        if k == 1 then assert.equal(exact_jaccard(toks[q[1]], toks[q[2]]), q[3]) end
      end
    end
    assert.same({}, pure.neardups({}))
    assert.same({}, pure.neardups({ "", "", "" }))
    assert.same({ { 1, 3, 1 } }, pure.neardups({ "The talks go on", "other words", "the TALKS go on." }))
    assert.same({ core.neardups({ "fine", "bad \255" }) }, { pure.neardups({ "fine", "bad \255" }) })
    assert.same(core.neardups({ "fine", "bad \255", "Bad \255" }, { invalid = "replace" }),
                pure.neardups({ "fine", "bad \255", "Bad \255" }, { invalid = "replace" }))
  end)

  it("gives the near-duplicate sentences newsc.core gives on the corpus and the examples", function()
    local list = files("../shared/corpus/*/*.txt")
    for _, f in ipairs(files("examples/*.txt")) do list[#list + 1] = f end
    local sents = {}
    for _, f in ipairs(list) do
      local text = assert(readfile(f))
      for _, sp in ipairs(pure.sentences(text)) do
        local s = text:sub(sp.start, sp.stop)
        if #s > 30 then sents[#sents + 1] = s end
      end
    end
    assert.is_true(#sents > 50)
    for _, o in ipairs({ { threshold = 0.5, k = 2 }, { threshold = 0.8 }, { threshold = 0.4, stop = true, stem = true } }) do
      local c, p = core.neardups(sents, o), pure.neardups(sents, o)
      local cv, pv = {}, {}
      for _, q in ipairs(c) do cv[q[1] .. " " .. q[2]] = q[3] end
      for _, q in ipairs(p) do pv[q[1] .. " " .. q[2]] = q[3] end
      -- every pair either reports has its exact Jaccard, the same in both;
      -- pairs clearly above the threshold are in both
      for key, v in pairs(pv) do
        local i, j = key:match("(%d+) (%d+)")
        assert.equal(pure.jaccard(sents[tonumber(i)], sents[tonumber(j)], o), v)
        assert.equal(core.jaccard(sents[tonumber(i)], sents[tonumber(j)], o), v)
        if v >= o.threshold + 0.15 then assert.equal(v, cv[key], key) end
      end
      for key, v in pairs(cv) do
        if v >= o.threshold + 0.15 then assert.equal(v, pv[key], key) end
      end
    end
  end)

  it("raises newsc.core's errors for wrong arguments", function()
    local s = "some words here"
    local calls = {
      { "shingles", 42 }, { "shingles" }, { "shingles", s, 0 }, { "shingles", s, 1001 }, { "shingles", s, "x" },
      { "shingles", s, { k = "2" } }, { "shingles", s, { stop = 1 } }, { "shingles", s, { invalid = "skip" } },
      { "shingles", { "a", 5 } }, { "shingles", true },
      { "jaccard", s }, { "jaccard", s, 5 }, { "jaccard", s, s, { k = 0 } }, { "jaccard", s, s, true },
      { "containment", {}, s, 2000 }, { "containment", s, { 1 } },
      { "minhash", s, { n = 0 } }, { "minhash", s, { n = 4097 } }, { "minhash", s, { k = 0 } },
      { "minhash", s, { seed = "x" } }, { "minhash", s, 5 }, { "minhash", 5 }, { "minhash", s, { stem = "yes" } },
      { "simhash", s, 0 }, { "simhash", nil }, { "simhash", s, { k = 2, invalid = 3 } },
      { "lsh" }, { "lsh", 5 }, { "lsh", {} }, { "lsh", { threshold = 2 } }, { "lsh", { threshold = 0 } },
      { "lsh", { bands = 0, rows = 3 } }, { "lsh", { bands = 3 } }, { "lsh", { bands = 100, rows = 100 } },
      { "lsh", { bands = 4, rows = 4, n = 8 } }, { "lsh", { threshold = 0.5, n = 5000 } },
      { "lsh", { threshold = 0.5, n = -1 } }, { "lsh", { bands = "4", rows = 4 } },
      { "neardups" }, { "neardups", "x" }, { "neardups", { "a", 3 } }, { "neardups", { "a" }, { threshold = 0 } },
      { "neardups", { "a" }, { threshold = 1.5 } }, { "neardups", { "a" }, { k = 0 } },
      { "neardups", { "a" }, { n = 0 } }, { "neardups", { "a" }, { seed = 1.5 } }, { "neardups", { "a" }, 3 },
    }
    for _, c in ipairs(calls) do
      local ok1, e1 = pcall(core[c[1]], c[2], c[3], c[4])
      local ok2, e2 = pcall(pure[c[1]], c[2], c[3], c[4])
      assert.is_false(ok1, c[1])
      assert.is_false(ok2, c[1])
      assert.equal(unname(e1), unname(e2))
      assert.matches("to '" .. c[1] .. "'", e2, 1, true)
    end
    -- objects of one kind where another is expected; method calls count
    -- `self` out as in C
    local objs = {}
    for _, B in ipairs({ core, pure }) do
      local set, sig, fp, ix = B.shingles(s), B.minhash(s), B.simhash(s), B.lsh { bands = 8, rows = 16 }
      local sig32 = B.minhash(s, { n = 32 })
      local msgs = {}
      local function try(f) local ok, e = pcall(f); assert.is_false(ok); msgs[#msgs + 1] = unname(e) end
      try(function() local x = set:jaccard("text") return x end)
      try(function() local x = set:containment(sig) return x end)
      try(function() local x = sig:similarity(sig32) return x end)
      try(function() local x = sig:similarity(set) return x end)
      try(function() local x = fp:distance(sig) return x end)
      try(function() local x = fp:similarity() return x end)
      try(function() ix:add("a", sig32) end)
      try(function() ix:add(nil, sig) end)
      try(function() ix:add("a") end)
      try(function() local x = ix:query(fp) return x end)
      try(function() local x = ix:pairs("x") return x end)
      try(function() local x = B.jaccard(sig, s) return x end)
      try(function() local x = B.simhash(set) return x end)
      try(function() local x = B.minhash(fp) return x end)
      try(function() local x = B.shingles(ix) return x end)
      try(function() local x = sig.similarity(sig, "text") return x end)
      ix:add("a", sig)
      try(function() ix:add("b", B.minhash(s, { seed = 5 })) end)
      try(function() ix:add("b", B.minhash(s, { k = 2 })) end)
      objs[#objs + 1] = msgs
    end
    assert.same(objs[1], objs[2])
    assert.equal("bad argument #1 to F (newsc.shingles expected, got string)", objs[2][1])
  end)

  it("handles a megabyte on one line as newsc.core does", function()
    local r = rng(8)
    local words = {}
    for i = 1, 170000 do words[i] = "w" .. r(40000) end
    local big = table.concat(words, " ")
    words[r(#words)] = "changed"
    words[r(#words)] = "again"
    local big2 = table.concat(words, " ")
    assert.is_true(#big > 1000000)
    assert.equal(core.jaccard(big, big2, 3), pure.jaccard(big, big2, 3))
    local t1, t2 = pure.sim_tokens(big), pure.sim_tokens(big2)
    assert.equal(170000, #t1)
    for _, k in ipairs({ 1, 3 }) do
      local c1, c2, p1, p2 = core.shingles(big, k), core.shingles(big2, k), pure.shingles(t1, k), pure.shingles(t2, k)
      assert.equal(#c1, #p1)
      assert.equal(c1:jaccard(c2), p1:jaccard(p2))
      assert.equal(c2:containment(c1), p2:containment(p1))
    end
    local p = pure.neardups({ big, big2, "short text" }, { threshold = 0.9 })
    assert.same(core.neardups({ big, big2, "short text" }, { threshold = 0.9 }), p)
    assert.equal(1, #p)
    assert.is_true(pure.minhash(t1):similarity(pure.minhash(t2)) > 0.9)
    assert.is_true(pure.simhash(t1):distance(pure.simhash(t2)) < 4)
  end)
end)
