-- The pure-Lua similarity tokens, TF-IDF, alignment and edit distance
-- (newsc.pure.simtok, .porter, .tfidf, .align) against the C module: the
-- same tokens, vectors, numbers, pairs, edit scripts and clusters on the
-- shared corpus, the bundled examples, texts written here and generated
-- texts; the same argument errors; the reductions of doc/pure-pure-sim-a.md.
local pure = require "newsc.pure"
local simtok = require "newsc.pure.simtok"
local porter = require "newsc.pure.porter"
local palign = require "newsc.pure.align"
local okcore, core = pcall(require, "newsc.core")
local readfile = require("spec.support.files").read

local files = require("spec.support.files").glob

local function read_all(glob)
  local out = {}
  for _, f in ipairs(files(glob)) do out[#out + 1] = assert(readfile(f)) end
  return out
end

-- texts written for this spec: news prose, possessives, stop words, words
-- the stemmer changes, Latin letters, other scripts, invalid bytes
local TEXTS = {
  "Gen. Tomás Ríos met U.S. envoys at 5 p.m. on Aug. 13. “We will win,” he said. He left.",
  "Élodie Müller's café in Zürich was closed; the cafés' owners said they'd reopen.",
  "The generalizations of the operators were relational, conditional and hopeful.",
  "Putin's talks with Abbas: Russia's president told reporters the meeting was useful.",
  "Ο υπουργός είπε. Министр заявил. 東京で会議。 ﬁnance Ⅻ ＡＢＣ Moscow’s",
  "Bad \255 byte. Next \192\128 one. Cut \226\128",
  "Caresses, ponies, ties, cats, feed, agreed, plastered, motoring, hopping, falling, sky.",
  "",
  "   \n\n  ",
  "it's it is; I'm I am; they've they have; not no never",
}

-- pieces for the generated texts: stop words, stems, possessives,
-- capitals, numbers, punctuation, Latin and other letters, bad bytes
local PIECES = { "the", "The", "said", "Putin", "Putin's", "Abbas", "talks", "talked", "talking",
  "meeting", "meetings", "relational", "hopeful", "ponies", "agreed", "Élodie", "café", "CAFÉ",
  "Zürich", "Moscow’s", "not", "never", "Москва", "東京", "ﬁnance", "3", "2024", "5,000", "U.S.",
  "a", "of", "in", "was", "were", ".", ",", ";", "“", "”", "\255", "\226\128", "e\204\129",
  "generalizations", "operator", "conditional", "ties", "sky", "running", "ran", "runs", "\0",
  "a\0b", "\t", "don't", "O'Neill's", "’" }

local function generated(count, seed)
  local x = seed
  local function rnd(m) x = (x * 16807) % 2147483647; return x % m + 1 end
  local out = {}
  for k = 1, count do
    local parts = {}
    for i = 1, rnd(40) - 1 do parts[i] = PIECES[rnd(#PIECES)] end
    out[k] = table.concat(parts, rnd(4) == 1 and "" or " ")
  end
  return out
end

local TOKEN_OPTS = { {}, { stop = true }, { stem = true }, { stop = true, stem = true },
                     { invalid = "replace" }, { stop = true, stem = true, invalid = "replace" } }

-- the C tokens `c` and the pure tokens `p` are the same: count, byte
-- spans, and keys that C reads as the tokens it made (C keeps 64-bit hashes)
local function same_tokens(c, p, what)
  if c == nil or p == nil then
    assert.equal(c, p, what)
    return
  end
  assert.equal(#c, #p, what)
  assert.equal(#c, p.n, what)
  assert.same(c:spans(), p:spans(), what)
  for i = 1, #c do
    assert.same({ c:span(i) }, { p:span(i) }, what)
  end
  local back = core.sim_tokens(p.keys, { invalid = "replace" })
  assert.equal(#c, #back, what)
  assert.equal(0, (core.edit_distance(c, back)), what)
end

local function compare_tokens(s, what)
  for _, o in ipairs(TOKEN_OPTS) do
    local c, ce = core.sim_tokens(s, o)
    local p, pe = pure.sim_tokens(s, o)
    assert.equal(ce, pe, what)
    same_tokens(c, p, what)
  end
end

-- both backends' align and edit_distance on a, b (plain and with stop words
-- and stems removed)
local function compare_align(a, b, what)
  for _, o in ipairs({ {}, { stop = true, stem = true, invalid = "replace" } }) do
    assert.same({ core.edit_distance(a, b, o) }, { pure.edit_distance(a, b, o) }, what)
    assert.same({ core.align(a, b, o) }, { pure.align(a, b, o) }, what)
  end
end

local TFIDF_OPTS = { {}, { sublinear = true, smooth = false }, { stem = true, top = 12 },
                     { stop = false, top = 3, invalid = "replace" } }

-- both backends' TF-IDF models fitted on texts: the same model, vectors
-- (weights in the same order), cosines, BM25 scores and pairs
local function compare_tfidf(texts, what, words)
  for _, o in ipairs(TFIDF_OPTS) do
    local mc, mp = core.tfidf(o), pure.tfidf(o)
    local rc, ec = mc:fit(texts)
    local rp, ep = mp:fit(texts)
    assert.equal(ec, ep, what)
    if rc then
      assert.equal(tostring(mc), tostring(mp), what)
      assert.equal(#mc, #mp, what)
      for _, w in ipairs(words or {}) do
        assert.equal(mc:df(w), mp:df(w), w)
        assert.equal(mc:idf(w), mp:idf(w), w)
      end
      local vc, vp = {}, {}
      for i, t in ipairs(texts) do
        vc[i], vp[i] = mc:vector(t), mp:vector(t)
        if vc[i] then
          assert.equal(tostring(vc[i]), tostring(vp[i]), what)
          assert.same(vc[i]:weights(), vp[i]:weights(), what)
        else
          assert.is_nil(vp[i])
        end
      end
      for i = 1, #texts do
        local j = i % #texts + 1
        if vc[i] and vc[j] then
          assert.equal(vc[i]:cosine(vc[j]), vp[i]:cosine(vp[j]), what)
          assert.equal(mc:cosine(texts[i], texts[j]), mp:cosine(texts[i], texts[j]), what)
          assert.same({ mc:bm25(texts[i]:sub(1, 200), texts[j]) },
                      { mp:bm25(texts[i]:sub(1, 200), texts[j]) }, what)
        end
      end
      for _, min in ipairs({ 0.01, 0.1, 0.4 }) do
        assert.same({ mc:pairs(texts, { min = min }) }, { mp:pairs(texts, { min = min }) }, what)
      end
    end
  end
end

describe("newsc.pure similarity tokens, tfidf, align", function()
  if not okcore then
    pending("newsc.core is not built for this Lua: nothing to compare with")
    return
  end

  it("stems as Porter's stemmer does", function()
    local want = { caresses = "caress", ponies = "poni", ties = "ti", caress = "caress", cats = "cat",
      feed = "feed", agreed = "agre", plastered = "plaster", motoring = "motor", sing = "sing",
      conflated = "conflat", troubled = "troubl", sized = "size", hopping = "hop", falling = "fall",
      happy = "happi", relational = "relat", conditional = "condit", generalizations = "gener",
      oscillators = "oscil", hopeful = "hope", goodness = "good", adjustment = "adjust",
      adoption = "adopt", ["moscow's"] = "moscow", ["moscows'"] = "moscow", it = "it",
      ["café"] = "café", x2024 = "x2024" }
    for w, s in pairs(want) do assert.equal(s, porter.stem(w), w) end
  end)

  it("stems every word of the corpus and the examples as newsc.core does", function()
    local texts = read_all("../shared/corpus/*/*.txt")
    for _, t in ipairs(read_all("examples/*.txt")) do texts[#texts + 1] = t end
    for _, t in ipairs(TEXTS) do texts[#texts + 1] = t end
    local seen, count = {}, 0
    for _, t in ipairs(texts) do
      for _, w in ipairs(core.words(t, { fields = "norm", invalid = "replace" })) do
        if not seen[w] then
          seen[w] = true
          count = count + 1
          local c = core.sim_tokens({ w }, { stem = true, invalid = "replace" })
          local p = pure.sim_tokens({ w }, { stem = true, invalid = "replace" })
          assert.equal(#c, #p, w)
          if #c == 1 then
            -- C's stem of w is what C makes of the pure stem, unstemmed
            assert.equal(0, (core.edit_distance(c, core.sim_tokens(p.keys, { invalid = "replace" }))), w)
          end
        end
      end
    end
    assert.is_true(count > 300)
  end)

  it("hashes tokens as the C engine (nc_sim_hash)", function()
    -- values of nc_sim_hash(s, #s, 0) from csrc/sim_tokens.c
    assert.equal("aaf04dd265fdee43", simtok.hash("a"))
    assert.equal("368779d37900875e", simtok.hash("hello"))
    assert.equal("56db94201206384c", simtok.hash("abcdefghij"))
    assert.equal("4a0e2c83d1b64323", simtok.hash("café"))
  end)

  it("gives the tokens of newsc.core on the shared corpus", function()
    local list = files("../shared/corpus/*/*.txt")
    if #list == 0 then pending("../shared/corpus is absent"); return end
    for _, f in ipairs(list) do compare_tokens(assert(readfile(f)), f) end
  end)

  it("gives the tokens of newsc.core on the examples and on texts written here", function()
    local list = files("examples/*.txt")
    assert.is_true(#list >= 5)
    for _, f in ipairs(list) do compare_tokens(assert(readfile(f)), f) end
    for _, s in ipairs(TEXTS) do compare_tokens(s, ("%q"):format(s)) end
    local q = pure.sim_tokens("The caresses of Putin's ponies", { stop = true, stem = true })
    assert.same({ "caress", "putin", "poni" }, { q.keys[1], q.keys[2], q.keys[3] })
    assert.equal(3, #q)
    assert.same({ 5, 12 }, { q:span(1) })
    assert.equal("newsc.sim_tokens (3 tokens)", tostring(q))
    assert.equal(q, pure.sim_tokens(q))
    assert.same({}, pure.sim_tokens({ "A", "b" }):spans())
    assert.is_nil(pure.sim_tokens({ "A", "b" }):span(1))
    assert.is_nil(q:span(4))
  end)

  it("reads arrays of token strings as newsc.core does", function()
    for _, arr in ipairs({ { "The", "Cafés", "", "of", "Zürich's", "ﬁnance" }, {},
                           { "bad \255", "ok" }, { "ok", "cut \226\128" } }) do
      for _, o in ipairs(TOKEN_OPTS) do
        local c, ce = core.sim_tokens(arr, o)
        local p, pe = pure.sim_tokens(arr, o)
        assert.equal(ce, pe)
        if c then
          assert.equal(#c, #p)
          assert.is_nil(p:span(1))
          assert.equal(0, (core.edit_distance(c, core.sim_tokens(p.keys, { invalid = "replace" }))))
        end
      end
    end
    assert.same({ nil, "invalid UTF-8 in token 2 at byte 3" }, { pure.sim_tokens({ "ok", "ab\255" }) })
    assert.same({ nil, "invalid UTF-8 at byte 5" }, { pure.sim_tokens("Bad \255 byte") })
  end)

  it("gives the tokens of newsc.core on generated texts", function()
    for _, s in ipairs(generated(300, 4242)) do compare_tokens(s, ("%q"):format(s)) end
  end)

  it("aligns and measures edit distances as newsc.core does", function()
    local texts = read_all("../shared/corpus/*/*.txt")
    for _, t in ipairs(read_all("examples/*.txt")) do texts[#texts + 1] = t end
    for i = 1, #texts do
      -- each text against the next one and against itself with a sentence changed
      local a = texts[i]:sub(1, 1500)
      compare_align(a, texts[i % #texts + 1]:sub(1, 1200), "text " .. i)
      compare_align(a, (a:gsub("%.%s+(%u)", ". Nobody said anything. %1", 1)), "changed " .. i)
    end
    for i = 1, #TEXTS do
      for j = 1, #TEXTS do compare_align(TEXTS[i], TEXTS[j], i .. " / " .. j) end
    end
    local gen = generated(300, 777)
    for i = 1, #gen - 1 do compare_align(gen[i], gen[i + 1], ("%q / %q"):format(gen[i], gen[i + 1])) end
    -- token arrays and token sequences
    local x = { "the", "Talks", "in", "Moscow", "ended" }
    local y = { "talks", "in", "Sochi", "ended", "late" }
    assert.same({ core.align(x, y) }, { pure.align(x, y) })
    assert.same({ core.align("The talks in Moscow", y) }, { pure.align("The talks in Moscow", y) })
    assert.same({ core.edit_distance(core.sim_tokens("a b c d"), core.sim_tokens("a x c")) },
                { pure.edit_distance(pure.sim_tokens("a b c d"), pure.sim_tokens("a x c")) })
    local r = pure.align(x, y)
    assert.equal(3, r.distance)
    assert.equal(0.4, r.similarity)
    assert.same({ op = "delete", a_first = 1, a_last = 1, b_first = 1, b_last = 0 }, r.ops[1])
    local d, s = pure.edit_distance("", "")
    assert.equal(0, d)
    assert.equal(1, s)
  end)

  it("gives the byte ranges of the aligned tokens", function()
    local a, b = "Putin met Abbas in Moscow.", "Putin met Erdogan in Moscow on Tuesday."
    local r = pure.align(a, b)
    assert.same(core.align(a, b), r)
    assert.equal(3, r.distance) -- Abbas -> Erdogan, + on Tuesday
    local ch = r.ops[2]
    assert.equal("change", ch.op)
    assert.equal("Abbas", a:sub(ch.a_start, ch.a_stop))
    assert.equal("Erdogan", b:sub(ch.b_start, ch.b_stop))
    local ins = r.ops[4]
    assert.equal("insert", ins.op)
    assert.equal("on Tuesday", b:sub(ins.b_start, ins.b_stop))
    assert.equal(ins.a_start - 1, ins.a_stop) -- an empty side: stop = start - 1
  end)

  it("builds TF-IDF models as newsc.core does", function()
    local texts = read_all("../shared/corpus/*/*.txt")
    for _, t in ipairs(read_all("examples/*.txt")) do texts[#texts + 1] = t end
    for _, t in ipairs(TEXTS) do texts[#texts + 1] = t end
    compare_tfidf(texts, "corpus, examples, texts",
                  { "Putin", "the", "said", "Abbas", "valley", "Москва", "talks", "xyzzy", "" })
    compare_tfidf(generated(200, 99), "generated", { "Putin", "talking", "café", "ﬁnance" })
    -- token arrays, token sequences and vectors in place of texts
    local mc, mp = core.tfidf(), pure.tfidf()
    mc:add({ "Putin", "met", "Abbas" }):add(core.sim_tokens("Abbas met Putin in Moscow"))
    mp:add({ "Putin", "met", "Abbas" }):add(pure.sim_tokens("Abbas met Putin in Moscow"))
    assert.equal(2, #mp)
    assert.equal(2, mp:df("abbas"))
    assert.equal(1, mp:df("Moscow"))
    assert.equal(0, mp:df("in")) -- a stop word
    assert.near(math.log(3 / 2) + 1, mp:idf("moscow"), 1e-15)
    local v = mp:vector("Moscow Moscow talks")
    assert.equal(2, #v)
    assert.same(mc:vector("Moscow Moscow talks"):weights(), v:weights())
    assert.equal(mc:cosine(mc:vector("Putin in Moscow"), "Abbas in Moscow"),
                 mp:cosine(mp:vector("Putin in Moscow"), "Abbas in Moscow"))
    assert.same({ mc:pairs({ mc:vector("Putin"), "Putin Abbas", { "abbas" } }, { min = 0.01 }) },
                { mp:pairs({ mp:vector("Putin"), "Putin Abbas", { "abbas" } }, { min = 0.01 }) })
    -- putin met abbas; abbas met putin in moscow ("in" stays: sim_tokens keeps stop words)
    assert.equal("newsc.tfidf (2 documents, 5 terms)", tostring(mp))
  end)

  it("clusters the examples and the corpus as newsc.core does", function()
    local texts = read_all("examples/*.txt")
    for _, t in ipairs(read_all("../shared/corpus/*/*.txt")) do texts[#texts + 1] = t end
    -- newsc.cluster takes its backend from require "newsc": load it once per backend
    local function cluster_with(backend)
      local saved_newsc, saved_cluster = package.loaded["newsc"], package.loaded["newsc.cluster"]
      package.loaded["newsc"] = { core = backend }
      package.loaded["newsc.cluster"] = nil
      local ok, mod = pcall(require, "newsc.cluster")
      package.loaded["newsc"], package.loaded["newsc.cluster"] = saved_newsc, saved_cluster
      assert(ok, mod)
      return mod.cluster
    end
    local cc, cp = cluster_with(core), cluster_with(pure)
    local opts = { {}, { linkage = "single", threshold = 0.2 }, { top = 5, attach = 0 },
                   { threshold = 0.05, bigrams = 0, lead = 0, maxdf = 2 } }
    for _, o in ipairs(opts) do
      assert.same(cc(texts, o), cp(texts, o))
    end
    -- the examples tell one story
    local one = cp(read_all("examples/*.txt"))
    assert.equal(1, #one)
    -- a mix of generated texts and the examples
    local mixed = generated(40, 31)
    for _, t in ipairs(read_all("examples/*.txt")) do mixed[#mixed + 1] = t end
    assert.same(cc(mixed, { maxdf = 5 }), cp(mixed, { maxdf = 5 }))
  end)

  it("raises the argument errors of newsc.core", function()
    -- without the position, and the name of the function (it depends on
    -- how the function was called, and on the Lua version)
    local function strip(e)
      return (tostring(e):gsub("^[^\n]-:%d+: ", ""):gsub("to '[%w_.?]+'", "to F"))
    end
    local calls = {
      function(m) return (m.sim_tokens()) end,
      function(m) return (m.sim_tokens(nil)) end,
      function(m) return (m.sim_tokens(42)) end,
      function(m) return (m.sim_tokens("x", 5)) end,
      function(m) return (m.sim_tokens("x", { stop = 1 })) end,
      function(m) return (m.sim_tokens("x", { stem = "y" })) end,
      function(m) return (m.sim_tokens("x", { invalid = "skip" })) end,
      function(m) return (m.sim_tokens("x", { invalid = 1 })) end,
      function(m) return (m.sim_tokens({ "a", 1 })) end,
      function(m) return (m.sim_tokens(io.stdout)) end,
      function(m) return (m.sim_tokens("a b"):span("x")) end,
      function(m) return (m.sim_tokens("a b"):span(math.type and 1.5 or {})) end,
      function(m) return (m.tfidf(5)) end,
      function(m) return (m.tfidf({ top = -1 })) end,
      function(m) return (m.tfidf({ top = 1.5 })) end,
      function(m) return (m.tfidf({ top = "2" })) end,
      function(m) return (m.tfidf({ sublinear = 1 })) end,
      function(m) return (m.tfidf({ smooth = 1 })) end,
      function(m) return (m.tfidf({ stop = "no" })) end,
      function(m) return (m.tfidf():add(5)) end,
      function(m) return (m.tfidf():add()) end,
      function(m) return (m.tfidf():fit(5)) end,
      function(m) return (m.tfidf():fit()) end,
      function(m) return (m.tfidf():fit({ "a", 5 })) end,
      function(m) return (m.tfidf():df()) end,
      function(m) return (m.tfidf():df({})) end,
      function(m) return (m.tfidf():df("\255")) end,
      function(m) return (m.tfidf():idf(true)) end,
      function(m) return (m.tfidf():vector(5)) end,
      function(m) local x = m.tfidf(); return (x:vector(x)) end,
      function(m) return (m.tfidf():cosine("a", 5)) end,
      function(m) return (m.tfidf():bm25("a", "b", 5)) end,
      function(m) return (m.tfidf():bm25("a", "b", { k1 = "x" })) end,
      function(m) return (m.tfidf():bm25("a", "b", { b = true })) end,
      function(m) return (m.tfidf():bm25(5, "b")) end,
      function(m) return (m.tfidf():bm25("a", 5)) end,
      function(m) return (m.tfidf():pairs(5)) end,
      function(m) return (m.tfidf():pairs()) end,
      function(m) return (m.tfidf():pairs({}, 5)) end,
      function(m) return (m.tfidf():pairs({}, { min = 0 })) end,
      function(m) return (m.tfidf():pairs({}, { min = "x" })) end,
      function(m) return (m.tfidf():pairs({ "a", 5 })) end,
      function(m) return (m.tfidf():pairs({ "a", 5 }, { min = 0.5 })) end,
      function(m) return (m.tfidf():vector("a"):cosine(5)) end,
      function(m) return (m.tfidf():vector("a"):cosine()) end,
      function(m) return (m.align()) end,
      function(m) return (m.align(5, "a")) end,
      function(m) return (m.align("a", 5)) end,
      function(m) return (m.align("a", "b", 5)) end,
      function(m) return (m.align("a", "b", { stem = 0 })) end,
      function(m) return (m.align(m.tfidf():vector("a"), "a")) end,
      function(m) return (m.edit_distance()) end,
      function(m) return (m.edit_distance("a", "b", 5)) end,
      function(m) return (m.edit_distance(m.sim_tokens("a"), 5)) end,
      function(m) return (m.edit_distance({ "a", {} }, "b")) end,
      -- a bad self, as in t.span(x, 1)
      function(m) return (m.sim_tokens("a").span({}, 1)) end,
      function(m) return (m.tfidf().df(5, "x")) end,
      function(m) return (m.tfidf():vector("a").weights(5)) end,
    }
    -- (each call in parentheses: not a tail call, so that the error names
    -- the function and counts the arguments of a method as Lua does)
    for k, f in ipairs(calls) do
      local ok1, e1 = pcall(f, core)
      local ok2, e2 = pcall(f, pure)
      assert.is_false(ok1, "call " .. k)
      assert.is_false(ok2, "call " .. k)
      assert.equal(strip(e1), strip(e2), "call " .. k)
      assert.matches("bad argument #%d to '[%w_]+' %(", e2)
    end
  end)

  it("returns nil and the message of newsc.core for invalid UTF-8", function()
    local calls = {
      function(m) return m.sim_tokens("ab \255c") end,
      function(m) return m.sim_tokens({ "a", "b\255c" }) end,
      function(m) return m.tfidf():add("\255") end,
      function(m) return m.tfidf():fit({ "a", "\255" }) end,
      function(m) return m.tfidf():fit({ "a", { "x", "\255" } }) end,
      function(m) return m.tfidf():vector("x \226\128") end,
      function(m) return m.tfidf():cosine("a", "\255") end,
      function(m) return m.tfidf():bm25("\255", "a") end,
      function(m) return m.tfidf():pairs({ "a", "b", "c \192\128" }) end,
      function(m) return m.align("a", "\255") end,
      function(m) return m.edit_distance({ "a" }, { "b", "\255" }) end,
    }
    for k, f in ipairs(calls) do
      local c, p = { f(core) }, { f(pure) }
      assert.is_nil(p[1], "call " .. k)
      assert.matches("invalid UTF%-8", p[2])
      assert.same(c, p, "call " .. k)
    end
    -- with invalid = "replace" each bad byte is a U+FFFD
    assert.same({ core.edit_distance("a \255 b", "a b", { invalid = "replace" }) },
                { pure.edit_distance("a \255 b", "a b", { invalid = "replace" }) })
    assert.equal(1, (pure.edit_distance("a \255 b", "a b", { invalid = "replace" })))
  end)

  it("refuses a missing second text (newsc.core reads its first)", function()
    -- C reads the tokens it made of the first text as the second; the pure
    -- functions report the missing argument
    assert.has_error(function() pure.align("a b") end,
      "bad argument #2 to 'align' (expected a string, an array of strings or tokens, got no value)")
    assert.has_error(function() pure.edit_distance("a b") end,
      "bad argument #2 to 'edit_distance' (expected a string, an array of strings or tokens, got no value)")
  end)

  it("gives up where its band grows too large, with the message of newsc.core", function()
    -- ASCII only: no invalid bytes
    local a = table.concat(generated(20, 6), " "):gsub("[\128-\255]", "")
    local b = table.concat(generated(20, 7), " "):gsub("[\128-\255]", "")
    local saved = palign.MAX_WORK
    palign.MAX_WORK = 2000
    local d, err = pure.edit_distance(a, b)
    local r, err2 = pure.align(a, b)
    palign.MAX_WORK = saved
    local na, nb = #pure.sim_tokens(a), #pure.sim_tokens(b)
    assert.is_nil(d)
    assert.equal(("texts too long to compare (%d x %d tokens)"):format(na, nb), err)
    assert.is_nil(r)
    assert.equal(("texts too long to align (%d x %d tokens)"):format(na, nb), err2)
    -- with the default bound both give what C gives
    assert.same({ core.edit_distance(a, b) }, { pure.edit_distance(a, b) })
    assert.same(core.align(a, b), pure.align(a, b))
  end)

  it("reads a megabyte line and aligns it with a copy near-linearly", function()
    local s = ("The talks in Moscow went on, officials said. "):rep(23000)
    local s2 = s:sub(1, 500000) .. " Abbas left early " .. s:sub(500001)
    local c, p = core.sim_tokens(s, { stop = true, stem = true }), pure.sim_tokens(s, { stop = true, stem = true })
    assert.equal(#c, #p)
    assert.equal(23000 * 4, #p) -- talk moscow went offici
    assert.same(c:spans(), p:spans())
    local d, sim = pure.edit_distance(s, s2)
    assert.same({ core.edit_distance(s, s2) }, { d, sim })
    assert.is_true(d >= 3 and d <= 5)
    assert.same(core.align(s, s2), pure.align(s, s2))
    local mc, mp = core.tfidf(), pure.tfidf()
    mc:fit({ s, s2, "Abbas" })
    mp:fit({ s, s2, "Abbas" })
    assert.same(mc:vector(s2):weights(), mp:vector(s2):weights())
    assert.same(mc:pairs({ s, s2, "Abbas" }), mp:pairs({ s, s2, "Abbas" }))
  end)
end)
