-- newsc.pure's quotes against the C module's: the same records (text, start,
-- stop, parts, kind, speaker, mention, cue, via, closed) on the shared corpus,
-- the bundled examples, texts written here and generated texts; the same
-- argument errors; megabyte lines; the generated tables kept in step with
-- their sources.
local pure = require "newsc.pure"
local okcore, core = pcall(require, "newsc.core")
local readfile = require("spec.support.files").read
local unpack = table.unpack or unpack

local sh = require("spec.support.files").sh

local files = require("spec.support.files").glob

local OPTS = { false, { invalid = "replace" } }

-- both backends on s under each option; nil when equal, else a description
local function differ(s)
  for _, o in ipairs(OPTS) do
    local a, ea = core.quotes(s, o or nil)
    local b, eb = pure.quotes(s, o or nil)
    if ea ~= eb then return ("errors %s / %s"):format(tostring(ea), tostring(eb)) end
    if not pcall(assert.same, a, b) then
      for i = 1, math.max(#a, #b) do
        if not pcall(assert.same, a[i], b[i]) then
          return ("quote %d of %d/%d differs (%s)"):format(i, #a, #b, o and "replace" or "error")
        end
      end
    end
  end
  return nil
end

-- texts written for these specs: the rules of csrc/quotes.c one by one
local TEXTS = {
  'Moscow (AP) -- "We are concerned," Vladimir Putin said. "We will act," he added.',
  '“The economy,” she said, “is strong.” Then Ana Vole, the mayor, spoke: “We rebuild.”',
  "Minister Jon Berg told Reuters: “No comment.” According to a Kremlin transcript, Putin said: “Yes.”",
  '“We lost,” said Dr Sanne Holm, an engineer at the Ast Valley Water Board. “We knew,” she said.',
  "Putin Expresses ‘Great Pain’ Over Gaza\n\nVladimir Putin said he felt “great pain” on Tuesday.",
  "He appeared on NBC's “Meet the Press.” She read “War and Peace” and the “Daily Planet.”",
  "“First paragraph of a long speech.\n\n“Second paragraph goes on.\n\n“Last one ends here,” Kerr said.",
  "„Wir schaffen das“, sagte Merkel. «Nous sommes prêts», a déclaré Élodie Müller. ‹Oui›, dit-il.",
  "‚Ja‘, sagte er. 'Single quotes,' said Tom. It's Moscow’s 'n' rock 'n' roll of the '90s, 'em all.",
  "``TeX quotes,'' said Knuth. <a href=\"x\">link</a> \"She said “no” to me,\" Ann said.",
  "A statement from the ministry said: “Calm down.” An internal memo dated 3 March said “stop”.",
  "“We are watching with great pain,”\n— Bernie Sanders.\n\n“Unclosed at the end of a paragraph\nNew para.",
  "Trump issued the following statement:\n“We will win.”\n“Again,” Trump said.",
  "“... missing.” Trump said. “It's fine,” Bozell points out. “No,” he answers them.",
  "Ο υπουργός είπε «Όχι» χθες. Министр сказал: «Нет». 東京で「はい」と言った。“Да,” сказал Путин.",
  "Bad \255 “byte,” Smith said. Cut \226\128 “there,” Jones said.\0 “NUL,” Lee said.",
  "",
  "“",
  "No quotes here at all.",
  "Harry M. Reid (D-Nev.) said “yes.” Speaking in Salem, New Hampshire, Trump went on: “Big.”",
  "Clinton, exasperated, famously responded, “Whatever.” Florida's attorney general, Pam Bondi, vowed “justice.”",
  "TASS quoted Peskov as saying “no talks”. “Maybe,” a source speaking to Fox News said.",
}

-- pieces of generated texts: openings, quoted words, marks, attributions
local LEADS = { "", "He said ", "Putin said: ", "Mayor Hanna Ostrel told reporters, ", "According to Reuters, ",
  "The ministry said ", "In a statement, ", "She added that ", "Officials called it ", "Kerr — ",
  "Speaking on Tuesday, Tomas Brevik said ", "\n", "\n\n", "A source close to him described ", "(",
  "Sen. Ted Cruz (R-Texas) said ", "The U.S. envoy, who was there, said ", "On 3 March, ", "and ",
  "His book titled ", "on CBS's " }
local MARKS = { { "“", "”" }, { '"', '"' }, { "‘", "’" }, { "'", "'" }, { "«", "»" }, { "„", "“" },
  { "‹", "›" }, { "``", "''" }, { "“", "" }, { "", "”" }, { "‚", "‘" } }
local BODIES = { "We are concerned", "we will rebuild", "Great Pain", "Meet the Press", "no",
  "It's the weir’s fault", "a disgrace", "We knew, and we said so", "Yes", "the ‘old’ town",
  "Nobody \"knew\"", "3 dead", "Élodie's café", "Война", "deeply troubling" }
local ENDS = { "", ",", ".", "!", "?", "...", "…", ";", " —" }
local TAILS = { "", " he said.", " Putin said.", " said Vladimir Putin.", " she added,", ", Kerr said.",
  " the mayor told Reuters on state television.", " according to a Kremlin transcript.", ".", " Putin said",
  " fumed Ostrel.", " he answers.", "\n— Ada Kerr\n", " and left.", " said the Ast Valley Water Board, adding",
  " Brevik, 52, of Lorven, who was polled, said.", " in a statement on its website.", "\n\n" }

local function generated(count, seed)
  local x = seed
  local function rnd(m) x = (x * 16807) % 2147483647; return x % m + 1 end
  local out = {}
  for k = 1, count do
    local parts = {}
    for _ = 1, rnd(6) do
      local m = MARKS[rnd(#MARKS)]
      parts[#parts + 1] = LEADS[rnd(#LEADS)] .. m[1] .. BODIES[rnd(#BODIES)] .. ENDS[rnd(#ENDS)] .. m[2] ..
        TAILS[rnd(#TAILS)] .. (rnd(3) == 1 and "\n" or " ")
    end
    out[k] = table.concat(parts)
  end
  return out
end

describe("newsc.pure.quotes", function()
  if not okcore then
    pending("newsc.core is not built for this Lua: nothing to compare with")
    return
  end

  it("gives what newsc.core gives on the shared corpus", function()
    local list = files("../shared/corpus/*/*.txt")
    if #list == 0 then pending("../shared/corpus is absent"); return end
    local n = 0
    for _, f in ipairs(list) do
      local s = assert(readfile(f))
      assert.is_nil(differ(s), f)
      n = n + #pure.quotes(s)
    end
    assert.is_true(n >= 20)
  end)

  it("gives what newsc.core gives on the bundled examples", function()
    local list = files("examples/*.txt")
    assert.is_true(#list >= 5)
    local speakers = {}
    for _, f in ipairs(list) do
      local s = assert(readfile(f))
      assert.is_nil(differ(s), f)
      for _, q in ipairs(pure.quotes(s)) do speakers[q.speaker or "?"] = true end
    end
    assert.is_true(speakers["Hanna Ostrel"])
  end)

  it("gives what newsc.core gives on texts written for the rules", function()
    for _, s in ipairs(TEXTS) do
      assert.is_nil(differ(s), ("%q"):format(s))
    end
    -- and on all of them as one text
    assert.is_nil(differ(table.concat(TEXTS, "\n\n")))
  end)

  it("keeps the bounds of newsc.core: long names, many names, deep nesting, long runs", function()
    local names = {}
    for i = 1, 260 do
      names[i] = "Anna" .. string.char(65 + i % 26) .. "x Berg" .. string.char(65 + (i * 7) % 26) .. "y"
    end
    local texts = {
      "Senator " .. ("A"):rep(300) .. " said: “Yes.” “No,” he said.",          -- a key over 255 bytes
      "Ana Bea Cid Dan Eva Fay Gus Hal Ivo Jon Kim said: “Yes.” “No,” she said.", -- a run over 8 words
      "President Joe Biden met " .. table.concat(names, ", ") .. ". “Fine,” he said.", -- 200 names back
      "Dr Ada Kerr spoke. " .. ("Nothing happened here today. "):rep(120) .. "“Fine,” she said.", -- 3,000 bytes
      ("“a ‘b «c ‹d „e ‚f ``g 'h "):rep(3) .. "” he said.",                       -- over 8 open marks
      ("“Paragraph that goes on\n\n"):rep(50) .. "“and ends,” said Ann Lee.",
      ("“Paragraph that goes on\n\n"):rep(50) .. "Ann Lee said nothing.",
      "“We won,” said " .. ("Big "):rep(12) .. "Boss. “Sure,” he said.",
    }
    for _, s in ipairs(texts) do
      assert.is_nil(differ(s), s:sub(1, 80))
    end
    assert.equal("Ivo Jon Kim", pure.quotes(texts[2])[2].speaker)
    local q = pure.quotes(texts[6])
    assert.equal(1, #q)
    assert.equal(51, #q[1].parts)
    assert.equal("Ann Lee", q[1].speaker)
  end)

  it("reads the written texts as they are meant", function()
    local q = pure.quotes(TEXTS[1])
    assert.equal(2, #q)
    assert.equal("We are concerned,", q[1].text)
    assert.equal("Vladimir Putin", q[1].speaker)
    assert.equal("said", q[1].cue.text)
    assert.equal("he", TEXTS[1]:sub(q[2].mention.start, q[2].mention.stop))
    assert.equal("Vladimir Putin", q[2].speaker)
    q = pure.quotes(TEXTS[2])
    assert.equal("The economy is strong.", q[1].text)
    assert.equal(2, #q[1].parts)
    assert.equal("Ana Vole", q[2].speaker)
    q = pure.quotes(TEXTS[3])
    assert.equal("Jon Berg", q[1].speaker)
    assert.equal("told Reuters", q[1].via.text)
    assert.equal("Minister Jon Berg", TEXTS[3]:sub(q[1].mention.start, q[1].mention.stop))
    q = pure.quotes(TEXTS[11])
    assert.equal("the ministry", q[1].speaker)
    assert.equal("A statement", q[1].via.text)
    assert.equal("An internal memo", q[2].speaker)
    q = pure.quotes(TEXTS[4])
    assert.equal("Sanne Holm", q[2].speaker)
    q = pure.quotes(TEXTS[6])
    assert.equal("title", q[1].kind)
    assert.equal("Meet the Press.", q[1].text)
    q = pure.quotes(TEXTS[7])
    assert.equal(1, #q)
    assert.equal(3, #q[1].parts)
    assert.equal("Kerr", q[1].speaker)
    assert.is_true(q[1].closed)
    q = pure.quotes(TEXTS[12])
    assert.equal("Bernie Sanders", q[1].speaker)
    assert.same({}, pure.quotes(TEXTS[18]))
    assert.is_nil(pure.quotes(TEXTS[16]))
    assert.equal("Smith", pure.quotes(TEXTS[16], { invalid = "replace" })[1].speaker)
  end)

  it("gives what newsc.core gives on generated texts", function()
    local n, spoken = 0, 0
    for _, s in ipairs(generated(400, 20240813)) do
      assert.is_nil(differ(s), ("%q"):format(s))
      for _, q in ipairs(pure.quotes(s, { invalid = "replace" })) do
        n = n + 1
        if q.speaker then spoken = spoken + 1 end
      end
    end
    -- the pieces make quotes, most of them with a speaker
    assert.is_true(n > 1000)
    assert.is_true(spoken > n / 3)
  end)

  it("gives what newsc.core gives on generated texts cut at any byte", function()
    -- cut points inside multi-byte marks and words, unclosed quotes
    local texts = generated(40, 7)
    for _, s in ipairs(texts) do
      for cut = 1, #s, 7 do
        assert.is_nil(differ(s:sub(1, cut)), ("%q"):format(s:sub(1, cut)))
      end
    end
  end)

  it("gives what newsc.core gives on byte soup", function()
    -- marks, words, stray lead and continuation bytes, NUL: ill-formed text read
    -- with invalid = "replace", where a character walk and a byte walk part ways
    local alpha = { " ", " ", "a", "e", "s", "d", "S", "P", "H", "h", ".", ",", ":", "\n", "\"", "'", "`",
      "\226", "\128", "\156", "\157", "\152", "\153", "\194", "\171", "\187", "\160", "\195", "\137", "-",
      "(", ")", "!", "?", "*", "=", "\0", "\255", "1", "said ", "he ", "Putin ", "Mr. ", "according to ",
      "\226\128\156", "\226\128\157", "\226\128\153" }
    local x = 99
    local function rnd(m) x = (x * 16807) % 2147483647; return x % m + 1 end
    local n = 0
    for _ = 1, 1500 do
      local p = {}
      for i = 1, rnd(80) do p[i] = alpha[rnd(#alpha)] end
      local s = table.concat(p)
      assert.is_nil(differ(s), ("%q"):format(s))
      n = n + #pure.quotes(s, { invalid = "replace" })
    end
    assert.is_true(n > 500)
    -- a stray continuation byte after a full stop: the sentence starts after both
    local s = "?\187 P\226\128\156\226\128\157"
    assert.equal("P", pure.quotes(s, { invalid = "replace" })[1].speaker)
    assert.is_nil(differ(s))
  end)

  it("raises the same errors for wrong arguments", function()
    local function unname(e) return (e:gsub("to '[%w_.?]+'", "to F")) end
    for _, bad in ipairs({ {}, { 42 }, { n = 1 }, { nil, {}, n = 2 }, { {} }, { true }, { "x", "opts" }, { "x", 5 },
                           { "x", { invalid = "skip" } }, { "x", { invalid = 1 } }, { 12.5 } }) do
      local ok1, e1 = pcall(core.quotes, unpack(bad, 1, bad.n or #bad))
      local ok2, e2 = pcall(pure.quotes, unpack(bad, 1, bad.n or #bad))
      assert.equal(ok1, ok2)
      if ok1 then
        assert.same(e1, e2)
      else
        assert.equal(unname(e1), unname(e2))
        assert.matches("to 'quotes'", e2, 1, true)
      end
    end
    assert.same({ core.quotes("\"a\255b,\" he said.") }, { pure.quotes("\"a\255b,\" he said.") })
    assert.same({ nil, "invalid UTF-8 at byte 3" }, { pure.quotes("\"a\255b,\" he said.") })
  end)

  it("reads a megabyte of quotes on one line as newsc.core does", function()
    local unit = "“We are concerned,” Putin said, “and we will act.” He added: “Yes.” "
    local s = unit:rep(math.floor(1000000 / #unit))
    local q = pure.quotes(s)
    assert.equal(2 * math.floor(1000000 / #unit), #q)
    assert.equal("We are concerned and we will act.", q[#q - 1].text)
    assert.equal("Putin", q[#q].speaker)
    assert.is_true(pcall(assert.same, core.quotes(s), q))
  end)

  it("reads a megabyte after a single unbalanced opening mark as newsc.core does", function()
    local s = "“" .. ("Putin said he was concerned about the talks, "):rep(22000) ..
              "\nHe left. “Yes,” Putin said."
    local q = pure.quotes(s)
    assert.equal(1, #q)
    assert.equal("Yes,", q[1].text)
    assert.equal("Putin", q[1].speaker)
    assert.is_true(pcall(assert.same, core.quotes(s), q))
    s = "“ " .. ("“We won,” Abbas said. "):rep(45000)
    assert.is_true(pcall(assert.same, core.quotes(s), pure.quotes(s)))
  end)

  it("keeps its tables what tools/gen_pure_quotes_lex.lua and tools/gen_pure_qcat.lua make", function()
    local out, code = sh("lua5.4 tools/gen_pure_quotes_lex.lua csrc/quotes_words.txt | cmp - lua/newsc/pure/quotes_lex.lua")
    assert.equal(0, code, out)
    if not readfile("/usr/share/unicode/UnicodeData.txt") then
      pending("unicode-data is not installed"); return
    end
    out, code = sh("lua5.4 tools/gen_pure_qcat.lua /usr/share/unicode/UnicodeData.txt | cmp - lua/newsc/pure/qcat.lua")
    assert.equal(0, code, out)
  end)
end)
