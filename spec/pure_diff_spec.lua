-- The pure-Lua backend (newsc.pure) against the C module (newsc.core): the
-- same results on the shared corpus, the bundled examples, texts written
-- here and generated texts; the documented reductions (doc/pure.md)
-- elsewhere; the fallback of require "newsc".
local pure = require "newsc.pure"
local okcore, core = pcall(require, "newsc.core")
local lua = require "spec.support.lua"

local readfile = require("spec.support.files").read

local sh = require("spec.support.files").sh

local files = require("spec.support.files").glob

-- the calls compared on every text: name, function name, further arguments
local CALLS = {
  { "sentences", "sentences" },
  { "sentence_spans", "sentence_spans" },
  { "sentences, invalid = replace", "sentences", { invalid = "replace" } },
  { "segments", "segments", { invalid = "replace" } },
  { "words", "words", { invalid = "replace" } },
  { "words, fields = norm", "words", { fields = "norm" } },
  { "word_spans", "word_spans" },
  { "count_words", "count_words", { invalid = "replace" } },
  { "normalize", "normalize" },
  { "normalize NFC", "normalize", "NFC", { invalid = "replace" } },
  { "normalize NFKC", "normalize", "NFKC", { invalid = "replace" } },
  { "figures", "figures" },
  { "figures, invalid = replace", "figures", { invalid = "replace" } },
  { "dates", "dates", { invalid = "replace" } },
  { "dates, ref", "dates", { ref = "2024-08-13" } },
  { "dates, ref in a leap year", "dates", { ref = "2024-02-29T09:30", invalid = "replace" } },
  { "dates, ref at a year's end", "dates", { ref = "2023-12-31 23:59", invalid = "replace" } },
}
local unpack = table.unpack or unpack

-- both backends on s; returns nil when equal, else the name of the call
local function differ(s)
  for _, c in ipairs(CALLS) do
    local a, ea = core[c[2]](s, unpack(c, 3))
    local b, eb = pure[c[2]](s, unpack(c, 3))
    local ok = pcall(assert.same, a, b) and ea == eb
    if not ok then return c[1] end
  end
  return nil
end

-- texts written for these specs: news prose with Latin, Greek, Cyrillic,
-- CJK, list items, quotes, ellipses, invalid bytes
local TEXTS = {
  "Gen. Tomás Ríos met U.S. envoys at 5 p.m. on Aug. 13. “We will win.” He left.",
  "Élodie Müller, 34, said the café in Zürich was closed… Then it rained. ¿Qué pasó? ¡Nada!",
  "I live in the U.S. How about you? The U.S. Government said so. Pitt, Briggs & Co. at noon.",
  "Headline Without A Stop\nA caption line\n\nThe first paragraph ends here. Its second sentence too.",
  "1. First item 2. Second item 3. Third item\n- a) one b) two\n• bullet one • bullet two",
  "Ο υπουργός είπε. Η Αθήνα απάντησε! Министр заявил. Москва ответила? 東京で会議。大阪へ。",
  "word. . . . Next one... And [...] more. He said \"No.\" Putin said.",
  "Bad \255 byte. Next \192\128 one. Cut \226\128",
  "",
  "   \n\n  ",
  "Mr. Smith (Calif.) arrived at 6 P.M. Mr. Jones left. etc. And so on",
}

describe("newsc.pure", function()
  if not okcore then
    pending("newsc.core is not built for this Lua: nothing to compare with")
    return
  end

  it("has the version of the C module", function()
    assert.equal(core._VERSION, pure._VERSION)
  end)

  it("gives what newsc.core gives on the shared corpus", function()
    local list = files("../shared/corpus/*/*.txt")
    if #list == 0 then pending("../shared/corpus is absent"); return end
    for _, f in ipairs(list) do
      local s = assert(readfile(f))
      assert.is_nil(differ(s), f)
    end
  end)

  it("gives what newsc.core gives on the bundled examples", function()
    local list = files("examples/*.txt")
    assert.is_true(#list >= 5)
    for _, f in ipairs(list) do
      assert.is_nil(differ(assert(readfile(f))), f)
    end
  end)

  it("gives what newsc.core gives on texts of many scripts, lists and bad bytes", function()
    for _, s in ipairs(TEXTS) do
      assert.is_nil(differ(s), ("%q"):format(s))
    end
  end)

  it("gives what newsc.core gives on generated texts", function()
    local pieces = { "a", "The", "he", "Mr.", "U.S.", "etc.", ".", " ", "  ", "\n", "\n\n", "?", "!",
      "…", "“", "”", "\"", "'", "(", ")", "1.", "2.", "a.", "b)", "•", "。", "Élodie", "ámbar",
      "3.5", ". . .", "[...]", "I", "Co.", "\194\160", "\226\128\169", "\255", "\226\128", "x:",
      "of", "-", "*", "—", "」", "Ж", "ж", "٣", "日本", "’s", "don't", "#tag", "@name",
      "https://example.com/a?b=1", "a@b.org", "90%", "4:48", "39,929", "e\204\129", "ﬁ", "Ａ",
      "👍🏽", "🇺🇦", "_", "St.", "\0", "Tuesday", "last", "week", "ago", "3", "days", "$", "million",
      "about", "more than", "2024", "Aug", "13th", "at least", "people", "-", "percent", "€" }
    local x = 12345
    local function rnd(m) x = (x * 16807) % 2147483647; return x % m + 1 end
    for _ = 1, 400 do
      local parts = {}
      for i = 1, rnd(30) do parts[i] = pieces[rnd(#pieces)] end
      local s = table.concat(parts)
      assert.is_nil(differ(s), ("%q"):format(s))
    end
  end)

  it("reads every figure of spec/fixtures/figure_cases.lua as newsc.core does", function()
    local fx = dofile("spec/fixtures/figure_cases.lua")
    local all = {}
    for _, c in ipairs(fx.cases) do all[#all + 1] = c[1] end
    for _, t in ipairs(fx.none) do all[#all + 1] = t end
    all[#all + 1] = table.concat(all, " ")
    all[#all + 1] = table.concat(all, ". ", 1, #all - 1)
    for _, t in ipairs(all) do
      local a, b = core.figures(t), pure.figures(t)
      assert.same(a, b, t)
      for i, f in ipairs(a) do
        for _, k in ipairs({ "value", "low", "high" }) do
          -- integers stay integers, floats floats (Lua 5.3 and later)
          assert.equal(math.type and math.type(f[k]), math.type and math.type(b[i][k]), t)
        end
      end
    end
    -- the first case checks a value, so the comparison above compares figures
    assert.equal(fx.cases[1][2], pure.figures(fx.cases[1][1])[1].value)
  end)

  it("compares figures as newsc.core does", function()
    local fx = dofile("spec/fixtures/figure_cases.lua")
    local texts, tables = {}, {}
    for _, c in ipairs(fx.cases) do
      texts[#texts + 1] = c[1]
      tables[#tables + 1] = core.figures(c[1])[1]
    end
    local seen = {}
    for i = 1, #texts do
      for j = 1, #texts, 3 do
        local v1, w1 = core.compare(texts[i], texts[j])
        local v2, w2 = pure.compare(texts[i], texts[j])
        assert.equal(v1, v2, texts[i] .. " / " .. texts[j])
        assert.equal(w1, w2)
        seen[v2] = true
        assert.same({ core.compare(tables[i], tables[j]) }, { pure.compare(tables[i], tables[j]) })
      end
    end
    assert.same({ consistent = true, tension = true, conflict = true }, seen)
    assert.same({ core.compare({ value = 50, hedge = "more than", kind = "percent" }, { value = 90 }) },
                { pure.compare({ value = 50, hedge = "more than", kind = "percent" }, { value = 90 }) })
    assert.same({ core.compare("no figure here", "10 people") }, { pure.compare("no figure here", "10 people") })
    assert.same({ nil, "no figure in argument #2" }, { pure.compare("10 people", "none") })
    for _, bad in ipairs({ { 1, "2" }, { "1" }, { {}, "1" }, { { value = "1" }, "1" },
                           { { value = 5, low = 6, high = 4 }, "5" }, { "5", { value = 1, low = 3 } } }) do
      local ok1, e1 = pcall(core.compare, bad[1], bad[2])
      local ok2, e2 = pcall(pure.compare, bad[1], bad[2])
      assert.is_false(ok1)
      assert.is_false(ok2)
      assert.equal(e1:gsub("to '[%w_.?]+'", "to F"), (e2:gsub("to '[%w_.?]+'", "to F")))
    end
  end)

  it("reads dates as newsc.core does against many reference dates", function()
    local texts = {
      "On Tuesday Putin met Abbas; last Friday he said he would go next Monday. Tuesday's talks ran late.",
      "The war began on 24 February 2022, in February, and in 2022; by mid-March, early April, late May.",
      "Aug. 13, 2024; August 13th; the 13th of August; Tue 13 Aug 2024, 4:48 PM; 2024-08-13; 2023-02-29.",
      "Yesterday, today and tomorrow; tonight; last night; this week, last month, next year, the past year.",
      "Three days ago, a week ago, two months ago and 5 years ago; over the weekend; a weekend strike.",
      "He will travel in March. It was scheduled for June 3. Earlier this month, later this year. USA Today said.",
      "Sept. 11, Dec 25, May 1, 31 June, 29 February, Thurs. 14 Nov, 13:30, 13/8, the 2024s, 12-14 May.",
      "They met on Aug. 27 and on Aug 28; on Jan. 14 and Jan 15; the talks on March 15 and 16 March.",
    }
    for _, ref in ipairs({ false, "2024-08-13", "2024-02-29", "2024-01-01", "2023-12-31", "2021-03-07",
                           "1999-12-27T10:00", "2024-08-18 08:00" }) do
      for _, t in ipairs(texts) do
        local o = { ref = ref or nil }
        assert.same(core.dates(t, o), pure.dates(t, o), t .. " " .. tostring(ref))
      end
    end
    local d = pure.dates("on Tuesday", { ref = "2024-08-14" })[1]
    assert.equal("2024-08-13", d.date)
    assert.equal("Tuesday", d.weekday)
    for _, bad in ipairs({ { "x", { ref = 5 } }, { "x", { ref = "2024-02-30" } }, { "x", { ref = "13 Aug" } } }) do
      local ok1, e1 = pcall(core.dates, bad[1], bad[2])
      local ok2, e2 = pcall(pure.dates, bad[1], bad[2])
      assert.is_false(ok1)
      assert.is_false(ok2)
      assert.equal(e1:gsub("to '[%w_.?]+'", "to F"), (e2:gsub("to '[%w_.?]+'", "to F")))
    end
  end)

  it("raises the same errors for wrong arguments", function()
    for _, c in ipairs(CALLS) do
      local f = pure[c[2]]
      if c[2] ~= "normalize" then
        for _, bad in ipairs({ { 42 }, { nil }, { "x", "opts" }, { "x", { invalid = "skip" } },
                               { "x", { invalid = 1 } } }) do
          local ok1, e1 = pcall(core[c[2]], bad[1], bad[2])
          local ok2, e2 = pcall(f, bad[1], bad[2])
          assert.equal(ok1, ok2)
          if ok1 then assert.same(e1, e2) else
          -- the name of the function depends on how it was called
          local function unname(e) return (e:gsub("to '[%w_.?]+'", "to F")) end
          assert.equal(unname(e1), unname(e2))
          assert.matches("to '" .. c[2] .. "'", e2, 1, true)
          end
        end
      end
    end
  end)

  it("gives the same errors from normalize", function()
    for _, bad in ipairs({ { {} }, { "x", "NFD" }, { "x", "NFC", 1 },
                           { "x", "NFC", { invalid = "skip" } } }) do
      local ok1, e1 = pcall(core.normalize, bad[1], bad[2], bad[3])
      local ok2, e2 = pcall(pure.normalize, bad[1], bad[2], bad[3])
      assert.is_false(ok1)
      assert.is_false(ok2)
      assert.equal(e1:gsub("to '[%w_.?]+'", "to F"), (e2:gsub("to '[%w_.?]+'", "to F")))
    end
    assert.same({ core.normalize("caf\233") }, { pure.normalize("caf\233") })
  end)

  it("composes a Latin letter with its marks as newsc.core does", function()
    for _, s in ipairs({ "Zu\204\136rich", "E\204\129LODIE", "Cafe\204\129 A\204\138",
                         "s\204\167 o\204\130\204\129", "ﬁ Ⅻ ＡＢＣ Moscow’s" }) do
      for _, form in ipairs({ "NFC", "NFKC", "NFKC_Casefold" }) do
        assert.equal(core.normalize(s, form), pure.normalize(s, form))
      end
    end
    assert.equal("zürich", pure.normalize("Zu\204\136rich"))
  end)

  -- the reductions documented in doc/pure.md: code points beyond the
  -- tables, Hangul jamo and canonical reordering
  it("leaves code points beyond its tables as they are", function()
    local bold = "\240\157\144\128"          -- U+1D400 MATHEMATICAL BOLD CAPITAL A
    assert.equal("a", core.normalize(bold))
    assert.equal(bold, pure.normalize(bold))
    local jamo = "\225\132\128\225\133\161"   -- U+1100 U+1161, composed to U+AC00 by NFC
    assert.equal("\234\176\128", core.normalize(jamo, "NFC"))
    assert.equal(jamo, pure.normalize(jamo, "NFC"))
  end)

  it("does not reorder marks canonically", function()
    local s = "q\204\135\204\163"             -- q, dot above (230), dot below (220)
    assert.equal("q\204\163\204\135", core.normalize(s, "NFC"))
    assert.equal(s, pure.normalize(s, "NFC"))
  end)

  it("reads a megabyte in one line without trouble", function()
    local s = ("a. b "):rep(200000)
    local a = pure.sentence_spans(s)
    assert.equal(2, #a)
    assert.same(core.sentence_spans(s), a)
  end)

  it("reads figures and dates on a megabyte line without trouble", function()
    local s = ("x"):rep(1000000) .. " about 5,000 people on Tuesday"
    local f = pure.figures(s)
    assert.equal(1, #f)
    assert.equal(5000, f[1].value)
    assert.same(core.figures(s), f)
    local d = pure.dates(s, { ref = "2024-08-14" })
    assert.equal("2024-08-13", d[1].date)
    assert.same(core.dates(s, { ref = "2024-08-14" }), d)
  end)

  it("keeps its Unicode tables what tools/gen_pure_*.lua make of unicode-data", function()
    if not readfile("/usr/share/unicode/UnicodeData.txt") then
      pending("unicode-data is not installed"); return
    end
    local U = "/usr/share/unicode"
    for _, cmd in ipairs({
      "lua5.4 tools/gen_pure_ucat.lua " .. U .. "/UnicodeData.txt | cmp - lua/newsc/pure/ucat.lua",
      "lua5.4 tools/gen_pure_wbprop.lua " .. U .. "/auxiliary/WordBreakProperty.txt " .. U ..
        "/emoji/emoji-data.txt | cmp - lua/newsc/pure/wbprop.lua",
      "lua5.4 tools/gen_pure_nfkccf.lua " .. U .. " | cmp - lua/newsc/pure/nfkccf.lua" }) do
      local out, code = sh(cmd)
      assert.equal(0, code, out)
    end
  end)

  it("passes Unicode's WordBreakTest.txt", function()
    local f = io.open("/usr/share/unicode/auxiliary/WordBreakTest.txt")
    if not f then pending("unicode-data is not installed"); return end
    local enc = require("newsc.pure.ucd").encode
    local cases, failed = 0, 0
    for line in f:lines() do
      local body = line:gsub("#.*", "")
      if body:find("%x") then
        local parts, want, text = {}, {}, {}
        for tok in body:gmatch("%S+") do parts[#parts + 1] = tok end
        local pos = 0
        for _, tok in ipairs(parts) do
          if tok == "\195\183" then want[#want + 1] = pos    -- ÷ a boundary
          elseif tok ~= "\195\151" then
            local ch = enc(tonumber(tok, 16)); text[#text + 1] = ch; pos = pos + #ch
          end
        end
        local got = { 0 }
        for _, g in ipairs(assert(pure.segments(table.concat(text)))) do got[#got + 1] = g.stop end
        cases = cases + 1
        if not pcall(assert.same, want, got) then failed = failed + 1 end
      end
    end
    f:close()
    assert.equal(1823, cases)
    assert.equal(0, failed)
  end)
end)

describe("require 'newsc'", function()
  local run = "cd /tmp && LUA_PATH='" .. os.getenv("PWD") .. "/lua/?.lua;" .. os.getenv("PWD") ..
              "/lua/?/init.lua' "
  local probe = " -e 'local n = require \"newsc\"; print(n.backend, #n.sentences(\"One. Two.\"))'"

  it("uses newsc.core when it loads", function()
    local out, code = sh(run .. "LUA_CPATH='" .. os.getenv("PWD") .. "/build/" .. lua.tag ..
                         "/?.so' NEWSC_BACKEND= " .. lua.bin .. probe)
    assert.equal(0, code, out)
    assert.equal("core\t2\n", out)
  end)

  it("falls back to newsc.pure when newsc.core cannot load", function()
    local out, code = sh(run .. "LUA_CPATH='/nonexistent/?.so' NEWSC_BACKEND= " .. lua.bin .. probe)
    assert.equal(0, code, out)
    assert.equal("pure\t2\n", out)
  end)

  it("has every function and method of the C module", function()
    if not okcore then pending("newsc.core is not built for this Lua"); return end
    local missing = {}
    for k, v in pairs(core) do
      if type(v) == "function" and type(pure[k]) ~= "function" then missing[#missing + 1] = k end
    end
    -- the objects' methods: tokens, sets, signatures, fingerprints, indexes, models, vectors
    local function methods(b)
      local m = b.tfidf(); m:fit({ "a b", "b c" })
      local objs = { tokens = b.sim_tokens("a b"), set = b.shingles("a b"), sig = b.minhash("a b"),
        fp = b.simhash("a b"), index = b.lsh({ bands = 4, rows = 2, n = 8 }), model = m,
        vector = m:vector("a b") }
      local out = {}
      for name, o in pairs(objs) do
        local mt = getmetatable(o)
        local idx = type(mt) == "table" and mt.__index
        if type(idx) == "table" then
          for k, f in pairs(idx) do if type(f) == "function" then out[name .. ":" .. k] = true end end
        end
      end
      return out
    end
    local pm = methods(pure)
    for k in pairs(methods(core)) do if not pm[k] then missing[#missing + 1] = k end end
    table.sort(missing)
    assert.same({}, missing)
  end)

  it("uses newsc.pure when NEWSC_BACKEND=pure", function()
    local out, code = sh(run .. "LUA_CPATH='" .. os.getenv("PWD") .. "/build/" .. lua.tag ..
                         "/?.so' NEWSC_BACKEND=pure " .. lua.bin .. probe)
    assert.equal(0, code, out)
    assert.equal("pure\t2\n", out)
  end)

  it("gives the same cross-check report with either backend (examples, corpus)", function()
    if not okcore then pending("newsc.core is not built for this Lua"); return end
    local root = os.getenv("PWD")
    local sets = { root .. "/examples" }
    local corpus = files("-d " .. root .. "/../shared/corpus/*/")
    if #corpus > 0 then sets[#sets + 1] = table.concat(corpus, " ") end
    for _, dirs in ipairs(sets) do
      local cmd = lua.bin .. " " .. root .. "/bin/newsc crosscheck --format json " .. dirs
      -- bin/newsc finds this tree's lua/ and build/<Lua>/ by itself
      local a, ca = sh("cd /tmp && env -u LUA_PATH -u LUA_CPATH NEWSC_BACKEND= " .. cmd)
      local b, cb = sh("cd /tmp && env -u LUA_PATH -u LUA_CPATH NEWSC_BACKEND=pure " .. cmd)
      assert.equal(0, ca, a)
      assert.equal(0, cb, b)
      local report = assert(require("newsc.json").decode(a))
      assert.is_true(#report.articles >= 5 and #report.quotes > 5, dirs)
      assert.equal(a, b)
    end
  end)

  it("runs in a pandoc Lua filter that cannot load the C module", function()
    local _, has = sh("command -v pandoc")
    if has ~= 0 then pending("pandoc is not installed"); return end
    local dir = os.tmpname(); os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/f.lua", "w"))
    f:write([[
local newsc = require "newsc"
function Pandoc(doc)
  local text = pandoc.utils.stringify(doc)
  io.stderr:write(newsc.backend, " ", #newsc.sentences(text), " ", newsc.count_words(text), "\n")
end
]])
    f:close()
    f = assert(io.open(dir .. "/in.md", "w"))
    f:write("Gen. Ríos met U.S. envoys at 5 p.m. He left. “We will win,” he said.\n")
    f:close()
    local out, code = sh("LUA_PATH='" .. os.getenv("PWD") .. "/lua/?.lua;" .. os.getenv("PWD") ..
      "/lua/?/init.lua;;' LUA_CPATH='/nonexistent/?.so' NEWSC_BACKEND= pandoc --lua-filter " ..
      dir .. "/f.lua " .. dir .. "/in.md -t plain -o /dev/null")
    sh("rm -rf " .. dir)
    assert.equal(0, code, out)
    assert.equal("pure 3 15\n", out)
  end)
end)
